/// The CI workflows `reportgen new site` writes beside the content, which publish the site from a
/// repository whose root is the content folder: GitHub Pages (`.github/workflows/pages.yml`) and
/// GitLab Pages (`.gitlab-ci.yml`). Both install reportgen from its Debian package (`make deb`),
/// taken from the CI variable `REPORTGEN_DEB_URL`, else from `.reportgen/reportgen.deb` committed
/// in the repository. Hidden files and folders are not content, so the build never reads them.
extension SiteScaffold {
    public static let publishingFiles: [(path: String, text: String)] = [
        (".github/workflows/pages.yml", """
            # Publishes this report to GitHub Pages on every push to main (Settings > Pages > Source: GitHub Actions).
            # reportgen comes from its Debian package: set the repository variable REPORTGEN_DEB_URL
            # (Settings > Secrets and variables > Actions > Variables) to the address of reportgen_VERSION_amd64.deb,
            # or commit that file as .reportgen/reportgen.deb.
            name: Publish the report

            on:
              push:
                branches: [main]
              workflow_dispatch:

            permissions:
              contents: read
              pages: write
              id-token: write

            concurrency:
              group: pages
              cancel-in-progress: false

            jobs:
              build:
                runs-on: ubuntu-24.04
                steps:
                  - uses: actions/checkout@v4
                  - name: Install reportgen
                    env:
                      REPORTGEN_DEB_URL: ${{ vars.REPORTGEN_DEB_URL }}
                    run: |
                      if [ -n "$REPORTGEN_DEB_URL" ]; then
                        curl -fsSL -o "$RUNNER_TEMP/reportgen.deb" "$REPORTGEN_DEB_URL"
                      else
                        cp .reportgen/reportgen.deb "$RUNNER_TEMP/reportgen.deb"
                      fi
                      sudo apt-get update -qq
                      sudo apt-get install -y "$RUNNER_TEMP/reportgen.deb"
                      reportgen --version
                  - name: Build the site
                    run: reportgen build --content . --output "$RUNNER_TEMP/site"
                  - uses: actions/upload-pages-artifact@v3
                    with:
                      path: ${{ runner.temp }}/site

              deploy:
                needs: build
                runs-on: ubuntu-24.04
                environment:
                  name: github-pages
                  url: ${{ steps.deployment.outputs.page_url }}
                steps:
                  - id: deployment
                    uses: actions/deploy-pages@v4

            """),
        (".gitlab-ci.yml", """
            # Publishes this report to GitLab Pages on every push to the default branch.
            # reportgen comes from its Debian package: set the CI/CD variable REPORTGEN_DEB_URL
            # (Settings > CI/CD > Variables) to the address of reportgen_VERSION_amd64.deb,
            # or commit that file as .reportgen/reportgen.deb.
            pages:
              image: debian:trixie-slim
              script:
                - apt-get update -qq
                - |
                  if [ -n "$REPORTGEN_DEB_URL" ]; then
                    apt-get install -y -qq curl ca-certificates
                    curl -fsSL -o /tmp/reportgen.deb "$REPORTGEN_DEB_URL"
                  else
                    cp .reportgen/reportgen.deb /tmp/reportgen.deb
                  fi
                - apt-get install -y -qq /tmp/reportgen.deb
                - reportgen --version
                # The output may not lie inside the content folder: build elsewhere, then move it.
                - reportgen build --content . --output /tmp/site
                - mv /tmp/site public
              artifacts:
                paths:
                  - public
              rules:
                - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH

            """),
    ]
}

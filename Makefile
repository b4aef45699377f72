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

.PHONY: site pdf build release deps test-deps test unit-test spec-test browser-test bench serve check clean fuzz

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

## release: only the reportgen product (the fuzz targets are built by `make fuzz`, the tests by `swift test`)
release: deps
	swift build -c release --product reportgen $(SWIFT_FLAGS)

build: deps
	swift build $(SWIFT_FLAGS)

## test: unit and end-to-end tests (Swift), the GFM spec examples, then the real-browser tests on the built microsite
test: test-deps unit-test spec-test browser-test

unit-test:
	swift test $(SWIFT_FLAGS)

## spec-test: every example of the GFM spec built with the release binary, compared with the spec (Tests/gfm-spec/)
spec-test: release
	REPORTGEN=$(RELEASE_BIN) python3 -m pytest -q Tests/gfm-spec

browser-test: site
	python3 -m pytest -q Tests/browser

## check: validate content without writing output
check: release
	$(RELEASE_BIN) check --content $(CONTENT) $(THEME_FLAG)

## serve: live-reloading preview on http://127.0.0.1:$(PORT) (make serve PORT=8001 for another port)
serve: release
	$(RELEASE_BIN) serve --content $(CONTENT) --port $(PORT) $(THEME_FLAG)

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
	rm -rf .build .build-fuzz $(OUTPUT)

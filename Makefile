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

.PHONY: site build release deps test-deps test unit-test browser-test bench serve check clean

## site: install what is missing, build the tool in release mode and write $(OUTPUT)/ from $(CONTENT)/
site: release
	$(RELEASE_BIN) build --content $(CONTENT) --output $(OUTPUT) $(THEME_FLAG)

deps:
	@scripts/install-deps.sh build

test-deps:
	@scripts/install-deps.sh test

release: deps
	swift build -c release $(SWIFT_FLAGS)

build: deps
	swift build $(SWIFT_FLAGS)

## test: unit and end-to-end tests (Swift), then the real-browser tests on the built microsite
test: test-deps unit-test browser-test

unit-test:
	swift test $(SWIFT_FLAGS)

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

clean:
	rm -rf .build $(OUTPUT)

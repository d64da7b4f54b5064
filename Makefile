# ReserveLedger: `make demo` runs the demo, `make test` the test suite, `make bench` the release benchmarks,
# `make fuzz` the parsers' libFuzzer targets (FUZZ_SECONDS each, default 300; FUZZ_TARGETS to pick some).
SHELL := /bin/bash
# Each target first installs the Debian packages it needs when they are missing (sudo when not root).
.PHONY: all deps test-deps demo test bench fuzz build release clean

SWIFT      ?= swift
APT_PKGS   := libsecp256k1-dev libsqlite3-dev pkg-config sqlite3
TEST_PKGS  := hledger python3 python3-jsonschema
SUDO       := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
RESERVE    := .build/debug/reserve
BENCH_PKGS := hledger ledger
# pip --user puts bean-check here (Debian 12's system python refuses plain pip installs).
export PATH := $(HOME)/.local/bin:$(PATH)

all: build

# Install only what is missing; `apt-get update` runs once, and only when something must be installed.
define apt_install
	@missing=""; for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi
endef

deps:
	$(call apt_install,$(APT_PKGS))

test-deps: deps
	$(call apt_install,$(TEST_PKGS))
	@command -v bean-check >/dev/null 2>&1 || python3 -m pip install -q beancount >/dev/null 2>&1 \
	  || python3 -m pip install -q --user --break-system-packages beancount >/dev/null 2>&1 \
	  || echo "note: beancount not installed; its cross-check is skipped"

build: deps
	$(SWIFT) build

demo: build
	./scripts/demo.sh

test: test-deps
	$(SWIFT) build
	$(SWIFT) test 2>&1 | tee .build/test.log; exit $${PIPESTATUS[0]}

release: deps
	$(SWIFT) build -c release

bench: deps
	$(call apt_install,$(BENCH_PKGS))
	./Benchmarks/run.sh

# Outside `make test`: Fuzz/ is its own package (own .build), built with the fuzzer and address sanitizers.
FUZZ_SECONDS ?= 300
FUZZ_TARGETS ?=
fuzz: deps
	FUZZ_SECONDS=$(FUZZ_SECONDS) ./Fuzz/run.sh $(FUZZ_TARGETS)

clean:
	rm -rf .build Benchmarks/.build Fuzz/.build

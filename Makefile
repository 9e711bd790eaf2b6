# Two commands for a fresh machine: `make build` and `make test` (see README.md).
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

.PHONY: help build test lint pytest extract bench docs docs-serve report clean spark-check spark-bench
.DEFAULT_GOAL := help

## help: this list (the targets and what they do)
help:
	@sed -n 's/^## \([a-z-]*\): /\1\t/p' $(MAKEFILE_LIST) | expand -t 14

# The virtualenv is rebuilt whenever the pins change.
$(INSTALLED): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(INSTALLED)

## build: extract disclosures/, run dbt build, publish warehouse.duckdb if every test passes
build: $(INSTALLED)
	$(BIN)/budget-warehouse build

## extract: only rewrite seeds/disclosure from disclosures/
extract: $(INSTALLED)
	$(BIN)/budget-warehouse extract

## test: everything CI runs (lint, extractor tests, the dbt build with its data and unit tests)
test: lint pytest

# Debian's Chromium and a CJK font, for the report page's browser test (Playwright drives the
# system Chromium: `playwright install` would download a browser, which this machine cannot).
CHROMIUM := /usr/bin/chromium
CJK_FONT := /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)
$(CHROMIUM) $(CJK_FONT) &:
	$(SUDO) apt-get update -q
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q chromium fonts-wqy-zenhei

# The Spark extras and Java 17, only for `make spark-check` (and `extract --engine spark`).
SPARK_INSTALLED := $(VENV)/.spark-installed
JAVA := /usr/bin/java
$(SPARK_INSTALLED): $(INSTALLED) requirements-spark.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-spark.lock
	touch $(SPARK_INSTALLED)
$(JAVA):
	$(SUDO) apt-get update -q
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q openjdk-17-jre-headless

## spark-check: build the seed document and two real PDFs on DuckDB and on a local Spark (every
## seed, model and test on both), then compare every mart row for row: prints `marts equal: N of N`.
## First the tests marked `spark` (extraction on Spark), which `make test` skips without pyspark.
spark-check: $(SPARK_INSTALLED) $(JAVA)
	$(BIN)/pytest -m spark
	$(BIN)/python -m budget_warehouse.spark

lint: $(INSTALLED)
	$(BIN)/ruff check src tests/python
	$(BIN)/ruff format --check src tests/python
	mkdir -p build
	$(BIN)/sqlfluff lint models tests/dbt

# The tests marked `spark` start a JVM (two minutes here) and belong to `make spark-check`, which runs them
# first: without pyspark they skip anyway, so deselecting them keeps `make test` the same with or without
# the Spark extras installed. The slowest tests are listed at the end.
pytest: $(INSTALLED) $(CHROMIUM) $(CJK_FONT)
	$(BIN)/pytest -m "not spark" --durations=15

## bench: the whole `budget-warehouse build` of the seed document (median of 3) against the
## same SQL as one DuckDB script; then extraction and dbt build time and memory for 1, 100 and
## 1,000 synthetic documents against that floor, each the median of REPEAT runs (default 3, and
## 1 for 10,000); LARGE=1 adds 10,000. Then PDF pages per second against pdfplumber's own table
## extraction, on the real PDFs in disclosures/; then one document of 10 and 50 MB (表4
## repeated), whose build time must grow linearly. Not part of `make test`.
BENCH_SIZES := 1 100 1000 $(if $(LARGE),10000)
bench: $(INSTALLED)
	$(BIN)/python -m benchmarks.run --sizes $(BENCH_SIZES) --large-document-mb 10 50 $(if $(REPEAT),--repeat $(REPEAT))
	$(if $(SPARK),$(MAKE) spark-bench)

## spark-bench: 1 and 1,000 synthetic documents extracted and built on local Spark (`make bench SPARK=1`)
spark-bench: $(SPARK_INSTALLED) $(JAVA)
	$(BIN)/python -m benchmarks.spark_bench --work-dir build/spark-bench 1 1000

## docs: the dbt documentation site as one static page, target/static_index.html. The catalog
## is read from a copy of the published warehouse, so readers of the real one are not locked out.
docs: $(INSTALLED)
	test -f warehouse.duckdb || $(MAKE) build
	mkdir -p build/docs
	cp warehouse.duckdb build/docs/warehouse.duckdb
	BUDGET_WAREHOUSE_BUILD_DB=build/docs/warehouse.duckdb $(BIN)/dbt docs generate --static --profiles-dir . --project-dir .

## docs-serve: serve the documentation site on http://localhost:8080/static_index.html
docs-serve: docs
	$(BIN)/python -m http.server 8080 --bind 127.0.0.1 --directory target

## report: the report page, exports/report/index.html (charts per document, the identity board,
## year over year); every release carries one, written from its own warehouse
report: build
	@echo "open exports/report/index.html"

clean:
	rm -rf build target logs .pytest_cache .ruff_cache

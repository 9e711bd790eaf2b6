# Two commands for a fresh machine: `make build` and `make test` (see README.md).
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

CORPUS ?= ../shared/disclosures/corpus
.PHONY: bi-check corpus-check dagster-check help build test test-fast lint typecheck format pytest extract bench docs docs-serve report clean clean-cache spark-check spark-bench
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

## test: everything CI runs (lint, typecheck, every test: the dbt builds with their data and unit tests); 4 to 5 minutes
# lint and typecheck side by side (sqlfluff's linting runs on every core, but not its dbt compile, nor mypy),
# then the tests, which take every core themselves.
test: $(INSTALLED)
	$(MAKE) --no-print-directory -j2 --output-sync=target lint typecheck
	$(MAKE) --no-print-directory pytest

## test-fast: the loop while working (under a minute): lint, types and the tests that need no dbt build.
## ruff, sqlfluff on the SQL changed since HEAD, mypy, then pytest -m "not slow and not spark".
test-fast: $(INSTALLED)
	$(RUFF_CHECK)
	$(if $(CHANGED_SQL),mkdir -p build && $(BIN)/sqlfluff lint $(CHANGED_SQL),@echo "sqlfluff: no SQL changed since $(SQL_BASE)")
	$(if $(CHANGED_MACRO_CALL_SQL),$(call SQLFLUFF_MACRO_CALLS,lint) $(CHANGED_MACRO_CALL_SQL))
	$(BIN)/mypy --strict
	$(BIN)/pytest -m "not slow and not spark" -q --durations=5

## format: ruff format and ruff check --fix on the Python, sqlfluff fix on the SQL changed since HEAD
## (`make format ALL=1`: every model and SQL test, a minute)
format: $(INSTALLED)
	$(BIN)/ruff format $(PY_SOURCES)
	$(BIN)/ruff check --fix $(PY_SOURCES)
	$(if $(SQL_FILES),mkdir -p build && $(BIN)/sqlfluff fix $(SQL_FILES),@echo "sqlfluff: no SQL changed since $(SQL_BASE)")
	$(if $(MACRO_CALL_SQL_FILES),$(call SQLFLUFF_MACRO_CALLS,fix) $(MACRO_CALL_SQL_FILES))

## typecheck: mypy --strict on src/ (settings in pyproject.toml's [tool.mypy])
typecheck: $(INSTALLED)
	$(BIN)/mypy --strict

# What ruff formats and checks.
PY_SOURCES := src tests/python tests/bi benchmarks tools orchestration
define RUFF_CHECK
$(BIN)/ruff check $(PY_SOURCES)
$(BIN)/ruff format --check $(PY_SOURCES)
endef
# sqlfluff's dbt templater compiles the project first (10 s), so the quick loops take only the SQL changed
# since SQL_BASE (HEAD: uncommitted and untracked work; `SQL_BASE=main` on a branch) and `make lint` takes
# all of it. The identity models and the column checks expand to thousands of lines of macro output:
# .sqlfluffignore keeps them out of the dbt-templated run and SQLFLUFF_MACRO_CALLS lints what is written
# by hand in them (.sqlfluff.macro-calls says how), in seconds instead of three minutes.
SQL_BASE ?= HEAD
MACRO_CALL_SQL := models/intermediate/identities tests/dbt/column_checks
SQLFLUFF_MACRO_CALLS = $(BIN)/sqlfluff $(1) --disregard-sqlfluffignores --config .sqlfluff.macro-calls
CHANGED = $(sort $(shell git diff --name-only --diff-filter=d $(SQL_BASE) -- 'models/*.sql' 'tests/dbt/*.sql'; \
	git ls-files --others --exclude-standard -- 'models/*.sql' 'tests/dbt/*.sql'))
CHANGED_SQL = $(filter-out $(addsuffix /%,$(MACRO_CALL_SQL)),$(CHANGED))
CHANGED_MACRO_CALL_SQL = $(filter $(addsuffix /%,$(MACRO_CALL_SQL)),$(CHANGED))
SQL_FILES = $(if $(ALL),models tests/dbt,$(CHANGED_SQL))
MACRO_CALL_SQL_FILES = $(if $(ALL),$(MACRO_CALL_SQL),$(CHANGED_MACRO_CALL_SQL))

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

# Apache Superset 6.1 in a virtualenv of its own (its pins are not the warehouse's):
# tests/bi/superset-requirements.txt is the set checked to work (flask-caching 2.3, cachetools).
SUPERSET_VENV := build/superset-venv
$(SUPERSET_VENV)/.installed: tests/bi/superset-requirements.txt
	$(PYTHON) -m venv $(SUPERSET_VENV)
	$(SUPERSET_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -r tests/bi/superset-requirements.txt
	touch $@

## bi-check: Apache Superset 6.1 reads the published warehouse as the README's recipe says (read-only,
## a dataset on a wide table, a chart by year and 类 equal to the warehouse's sums, a yearly time grain)
bi-check: $(SUPERSET_VENV)/.installed
	test -f warehouse.duckdb || $(MAKE) build
	$(SUPERSET_VENV)/bin/python tests/bi/superset_check.py warehouse.duckdb

# The optional orchestrator in a virtualenv of its own: the locked dependencies, then the
# [dagster] extra constrained by them (so dbt, DuckDB and the rest stay what the warehouse pins).
DAGSTER_VENV := build/dagster-venv
$(DAGSTER_VENV)/.installed: requirements.lock pyproject.toml
	$(PYTHON) -m venv $(DAGSTER_VENV)
	$(DAGSTER_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(DAGSTER_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -c requirements.lock -e ".[dagster]"
	touch $@

## dagster-check: the Dagster definitions (orchestration/definitions.py) materialised in-process on the
## seed document and two PDFs: partitions extracted, dbt built with its tests as asset checks, published
dagster-check: $(DAGSTER_VENV)/.installed
	$(DAGSTER_VENV)/bin/python orchestration/check.py

## lint: ruff on the Python, sqlfluff on every model and SQL test (a minute; test-fast lints changed SQL)
lint: $(INSTALLED)
	$(RUFF_CHECK)
	mkdir -p build
	$(BIN)/sqlfluff lint --processes 0 models tests/dbt
	$(call SQLFLUFF_MACRO_CALLS,lint) $(MACRO_CALL_SQL)

# The tests marked `spark` start a JVM (two minutes here) and belong to `make spark-check`, which runs them
# first: without pyspark they skip anyway, so deselecting them keeps `make test` the same with or without
# the Spark extras installed. The tests run on every core (pytest-xdist), a module per worker so that a
# module's own build runs once; 6.5 minutes on one core here, 3 on two. The slowest are listed at the end.
## pytest: every test but the spark-marked ones, the slowest listed at the end
pytest: $(INSTALLED) $(CHROMIUM) $(CJK_FONT)
	$(BIN)/pytest -m "not spark" -n auto --dist loadscope --durations=15

## corpus-check: build the real PDFs of CORPUS (default ../shared/disclosures/corpus, one folder per table
## family) with --skip-bad and print per family: documents loaded, refused (why), every hard identity holding
corpus-check: $(INSTALLED)
	$(BIN)/python -m benchmarks.corpus_check --corpus $(CORPUS)

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

## clean: remove build output, dbt's target/ and logs/, and the tool caches
clean:
	rm -rf build target logs .pytest_cache .ruff_cache .mypy_cache

## clean-cache: forget every document's kept extraction (build/extract-cache): the next build extracts all
clean-cache:
	rm -rf build/extract-cache

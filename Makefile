# Two commands do all the set-up: `make run` and `make test`. Both create or refresh .venv.
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test venv ui bench demo reshape hostile-bench clean

$(STAMP): pyproject.toml constraints.txt
	@test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test]'
	@touch $(STAMP)

venv: $(STAMP)

## Run the whole pipeline on the bundled sample corpus into ./warehouse and print a per-year summary.
run: $(STAMP)
	$(BIN)/gongkai run

## Run the test suite.
test: $(STAMP)
	$(BIN)/python -m pytest

## Start the Dagster UI (webserver + daemon) on 127.0.0.1 (make ui PORT=3001 for another port).
PORT ?= 3000
ui: $(STAMP)
	$(BIN)/gongkai ui --port $(PORT)

## Print timing figures for the pipeline on a synthetic corpus.
bench: $(STAMP)
	$(BIN)/python scripts/benchmark.py

## Build a generated demo corpus (~300 reports, 2019-2024, agencies in several years) into ./demo-warehouse.
demo: $(STAMP)
	$(BIN)/python scripts/demo.py --out demo-warehouse

## Print the reshape matrix: every truth-backed fixture in every real-world shape, read back.
reshape: $(STAMP)
	$(BIN)/python scripts/reshape_matrix.py

## Print time and peak RSS for each hostile input (issue 8).
hostile-bench: $(STAMP)
	$(BIN)/python scripts/hostile_bench.py

clean:
	rm -rf $(VENV) warehouse/marts warehouse/published warehouse/layers warehouse/.dagster warehouse/gongkai.duckdb \
		warehouse/quality warehouse/reports warehouse/analysis warehouse/.lock warehouse/gongkai.lock demo-warehouse

# Two commands do all the set-up: `make run` and `make test`. Both create or refresh .venv.
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test venv ui bench clean

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

## Start the Dagster UI (webserver + daemon) on 127.0.0.1.
ui: $(STAMP)
	$(BIN)/gongkai ui

## Print timing figures for the pipeline on a synthetic corpus.
bench: $(STAMP)
	$(BIN)/python scripts/benchmark.py

clean:
	rm -rf $(VENV) warehouse/marts warehouse/layers warehouse/.dagster warehouse/gongkai.duckdb

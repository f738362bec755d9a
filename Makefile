# De twee opdrachten: `make run` en `make test`. Beide zetten eerst alles klaar.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# The built-in example is up to date with this day: its open requests are within their
# deadlines then. Counting from a fixed day keeps `make run` the same whatever the calendar says.
VOORBEELD_DAG ?= 2026-11-20

.PHONY: run test lint typecheck pytest bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/avgctl status --repo . --vandaag $(VOORBEELD_DAG)
	$(BIN)/avgctl check --repo . --vandaag $(VOORBEELD_DAG)

test: $(STAMP)
	$(BIN)/ruff check avgctl tests bench
	$(BIN)/mypy avgctl
	$(BIN)/pytest

bench: $(STAMP)
	$(BIN)/python bench/bench.py

clean:
	rm -rf $(VENV) build *.egg-info .mypy_cache .pytest_cache .ruff_cache

# De twee opdrachten: `make run` en `make test`. Beide zetten eerst alles klaar.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# The built-in example is up to date with this day: its open requests are within their
# deadlines then. Counting from a fixed day keeps `make run` the same whatever the calendar says.
VOORBEELD_DAG ?= 2026-11-20

.PHONY: run test docs systeem lint typecheck pytest bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/avgctl status --repo . --vandaag $(VOORBEELD_DAG)
	$(BIN)/avgctl check --repo . --vandaag $(VOORBEELD_DAG)

# The browser and database tests need Debian's chromium and postgresql, the completion tests
# zsh and fish. As root with apt-get they are installed when missing; otherwise those tests
# skip and say why.
systeem:
	@need=""; \
	command -v chromium >/dev/null 2>&1 || need="$$need chromium"; \
	ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || need="$$need postgresql"; \
	command -v zsh >/dev/null 2>&1 || need="$$need zsh"; \
	command -v fish >/dev/null 2>&1 || need="$$need fish"; \
	if [ -z "$$need" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "Systeempakketten installeren:$$need"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	    -o DPkg::Lock::Timeout=600 $$need >/dev/null \
	  || echo "Installeren van$$need is mislukt; de tests die het nodig hebben slaan over."; \
	else \
	  echo "Niet geïnstalleerd:$$need (geen root of geen apt-get); die tests slaan over."; \
	fi

test: $(STAMP) systeem
	$(BIN)/ruff check avgctl tests bench
	$(BIN)/mypy avgctl
	$(BIN)/pytest

# docs/regels.md is made from the rules' own docstrings; tests/test_documentatie.py fails when
# it is stale. Written beside the page first, so a failing avgctl never leaves half a page.
docs: $(STAMP)
	$(BIN)/avgctl rules --format md > docs/regels.md.tmp || { rm -f docs/regels.md.tmp; exit 1; }
	mv docs/regels.md.tmp docs/regels.md

bench: $(STAMP)
	$(BIN)/python bench/bench.py

clean:
	rm -rf $(VENV) build *.egg-info .mypy_cache .pytest_cache .ruff_cache

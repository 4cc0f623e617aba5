# The two commands a newcomer needs: `make demo` and `make test`. Both are idempotent.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install demo test lint typecheck pytest bench clean

install: $(STAMP)

# Reinstall only when the dependency pins change. pip is upgraded first: the pip of a new
# venv (23.x) skips trafilatura's lxml_html_clean requirement (see docs/dependencies.md).
$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip==26.3"
	$(BIN)/python -m pip install --quiet -c requirements.lock -e ".[dev,bench]"
	touch $(STAMP)

demo: install
	rm -f demo.db
	$(BIN)/storylens --db demo.db ingest src/storylens/samples
	$(BIN)/storylens --db demo.db articles
	$(BIN)/storylens --db demo.db duplicates
	$(BIN)/storylens --db demo.db enrich
	$(BIN)/storylens --db demo.db entities --limit 25
	$(BIN)/storylens --db demo.db cluster
	$(BIN)/storylens --db demo.db events
	$(BIN)/storylens --db demo.db storylines
	$(BIN)/storylens --db demo.db brief
	$(BIN)/storylens --db demo.db report demo-report.html
	$(BIN)/storylens --db demo.db stats
	@echo "Open demo-report.html in a browser for every event's brief, sources and conflicts,"
	@echo "or browse the sample in the web UI: make demo SERVE=1 (then http://127.0.0.1:8000/)."
	@if [ "$(SERVE)" = "1" ]; then $(BIN)/storylens --db demo.db serve; fi

lint: install
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

typecheck: install
	$(BIN)/mypy

pytest: install
	$(BIN)/pytest -q

test: lint typecheck pytest

bench: install
	$(BIN)/python benchmarks/ingest.py

clean:
	rm -rf $(VENV) demo.db demo-report.html test-artifacts .pytest_cache .mypy_cache .ruff_cache

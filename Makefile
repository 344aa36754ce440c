# kg — the two commands of the README's quick start, and the rest of the developer loop.
# Every target installs what it needs into .venv from pyproject.toml; nothing relies on a manual install.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
KG := $(BIN)/kg
SHARED ?= ../shared/data
DEMO_OUT ?= out
STORE ?= .kg/store

.PHONY: demo test test-slow test-all lint format typecheck bench bench-100m eval clean help web

help:
	@echo "make demo      build the sample graph into $(STORE), run named queries, write exports to $(DEMO_OUT)/"
	@echo "make test      run the default test suite (installs dev extras into .venv)"
	@echo "make test-slow run the scale tests on the Wikidata films table (needs $(SHARED))"
	@echo "make lint      ruff check, ruff format --check, mypy --strict kg"
	@echo "make bench     run the benchmarks in bench/ (figures and ratios against same-run baselines)"
	@echo "make bench-100m  the scale bench up to 100M triples (hours; resumable)"
	@echo "make eval      score the article extractor on the dev gold sets (encyclopedia and news) and data/eval/"
	@echo "make web       install the query page's SPARQL editor (YASGUI, from npm) into kg/serve/static/vendor/"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.core: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

$(VENV)/.dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $@ $(VENV)/.core

demo: $(VENV)/.core
	@mkdir -p $(DEMO_OUT)
	$(KG) --store $(STORE) load data/sample/films.csv --mapping films_sample
	$(KG) --store $(STORE) load data/sample/articles/
	$(KG) --store $(STORE) stats
	$(KG) --store $(STORE) query --name cast-of-film --param film="The Glass Harbor"
	$(KG) --store $(STORE) query --name filmography --param person="Tomas Ferreira"
	$(KG) --store $(STORE) query --name films-by-director --param director="Mara Lindqvist"
	$(KG) --store $(STORE) query --name multiple-roles-on-film
	$(KG) --store $(STORE) query --name fact-sources --param subject="The Drowned Lantern" --param predicate="kg:director"
	$(KG) --store $(STORE) export $(DEMO_OUT)/graph.trig
	$(KG) --store $(STORE) export $(DEMO_OUT)/graph.ttl
	$(KG) --store $(STORE) network build --projection co-star -o $(DEMO_OUT)/co-star.graphml
	@echo; echo "demo done: store in $(STORE), exports in $(DEMO_OUT)/. Try: $(KG) query --list"

# The query page's editor (YASGUI, MIT) is installed from npm at build time, never committed; without
# node/npm the page keeps working with a plain editor.
WEB := kg/serve/web
VENDOR := kg/serve/static/vendor

web: $(VENDOR)/yasgui.min.js

$(VENDOR)/yasgui.min.js: $(WEB)/package.json $(WEB)/package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
	  (cd $(WEB) && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error) && \
	  mkdir -p $(VENDOR) && \
	  cp $(WEB)/node_modules/@zazuko/yasgui/build/yasgui.min.js $(WEB)/node_modules/@zazuko/yasgui/build/yasgui.min.css $(VENDOR)/ && \
	  echo "@zazuko/yasgui $$(node -p "require('./$(WEB)/node_modules/@zazuko/yasgui/package.json').version") (MIT licence), installed by make web" > $(VENDOR)/VERSION; \
	else echo "make web: npm not found; the query page uses its plain editor"; fi

test: $(VENV)/.dev web
	$(BIN)/python -m pytest -m "not slow" -q

test-slow: $(VENV)/.dev web
	$(BIN)/python -m pytest -m slow -q

test-all: $(VENV)/.dev web
	$(BIN)/python -m pytest -q

lint: $(VENV)/.dev
	$(BIN)/ruff check kg tests bench
	$(BIN)/ruff format --check kg tests bench
	$(BIN)/mypy kg

format: $(VENV)/.dev
	$(BIN)/ruff check --fix kg tests bench
	$(BIN)/ruff format kg tests bench

bench: $(VENV)/.dev
	@for b in bench/bench_*.py; do echo; echo "== $$b"; $(BIN)/python $$b || exit $$?; done

# The optional scale bench to 100M triples (about 50 grown tables: hours on a 2-core machine);
# SCALE_WORK keeps the store and tables, so an interrupted run resumes.
SCALE_WORK ?= /tmp/kg-scale-100m
bench-100m: $(VENV)/.dev
	$(BIN)/python bench/bench_scale.py --work $(SCALE_WORK) --sizes 2,10,30,100

eval: $(VENV)/.core
	$(KG) eval $(SHARED)/gold/dev.jsonl --by source --errors 0
	$(KG) eval $(SHARED)/news/dev.jsonl --by source --errors 0
	$(KG) eval data/eval/invented-news/set-7a.jsonl --by source --errors 0
	$(KG) eval data/eval/invented-news/set-7b.jsonl --by source --errors 0

clean:
	rm -rf $(VENV) .kg $(DEMO_OUT) .pytest_cache .mypy_cache .ruff_cache build *.egg-info $(WEB)/node_modules $(VENDOR)

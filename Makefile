# Heavy Legs: two commands for everyone (`make book`, `make test`), a few more for authors.
# Needs only Python 3.11+; everything else is installed into .venv.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat requirements.txt requirements-dev.txt constraints.txt pyproject.toml | cksum | cut -d' ' -f1)
HOST   ?= 127.0.0.1
PORT   ?= 8000
# jupyter refuses to run as root without this flag (containers, CI).
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)

.PHONY: help setup book serve lab test execute bench clean

help:
	@echo "make book     set up .venv and build the HTML book into _build/html"
	@echo "make serve    serve the built book on http://$(HOST):$(PORT)"
	@echo "make lab      open the chapters live in JupyterLab"
	@echo "make test     set up .venv and run every test"
	@echo "make execute  re-run every notebook and store its outputs (authors)"
	@echo "make bench    speed and memory benchmark with budgets"

$(STAMP):
	$(PYTHON) -c 'import sys; sys.exit("Python 3.11 or newer is needed, found " + sys.version.split()[0]) if sys.version_info < (3, 11) else None'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -r requirements-dev.txt
	rm -f $(VENV)/.installed-*
	touch $@

setup: $(STAMP)

# The vega libraries, served from the book itself so charts draw offline.
_static/vendor/vega-bundle.js: $(STAMP) tools/vendor_assets.py
	$(BIN)/python tools/vendor_assets.py $@

book: setup _static/vendor/vega-bundle.js
	$(BIN)/jupyter-book build . -W -n --keep-going
	@echo
	@echo "The book is built. Open $(CURDIR)/_build/html/index.html in a browser (works offline),"
	@echo "or run 'make serve' and visit http://$(HOST):$(PORT)/"

serve:
	@test -f _build/html/index.html || $(MAKE) book
	$(BIN)/python -m http.server --bind $(HOST) --directory _build/html $(PORT)

lab: setup
	$(BIN)/jupyter lab --ServerApp.ip=$(HOST) $(ROOT_FLAG) notebooks/01_metabolism.ipynb

execute: setup
	$(BIN)/python tools/notebook_glossary.py notebooks/*.ipynb
	for nb in notebooks/*.ipynb; do \
	  $(BIN)/jupyter nbconvert --to notebook --execute --inplace "$$nb" || exit 1; \
	  $(BIN)/python tools/tidy_notebooks.py "$$nb" || exit 1; \
	done

test: setup _static/vendor/vega-bundle.js
	$(BIN)/python -m pytest

bench: setup _static/vendor/vega-bundle.js
	$(BIN)/python tools/bench.py

clean:
	rm -rf _build _static/vendor

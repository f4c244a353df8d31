# Two commands for a fresh machine: `make reports` and `make test`. `make help` lists the rest.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
# uv installs the lock in seconds; INSTALLER=pip does the same with pip alone.
INSTALLER ?= uv
UV_VERSION := 0.13.9
STAMP := $(VENV)/.installed-$(INSTALLER)

.DEFAULT_GOAL := help

## Show this help
help:
	@awk '/^## /{doc=substr($$0,4); next} /^[a-zA-Z_-]+:/{if(doc){split($$1,t,":"); printf "  %-12s %s\n", t[1], doc}; doc=""}' $(MAKEFILE_LIST)

# Bytecode is compiled at install time: where PYTHONDONTWRITEBYTECODE is set (as on CI
# machines), no process would ever cache it, and every render worker, kernel and validation
# would compile pandas and matplotlib from source again (1 s for pandas alone).
$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
ifeq ($(INSTALLER),pip)
	$(VENV)/bin/pip install --quiet --require-hashes -r requirements.lock
	$(VENV)/bin/pip install --quiet --no-deps -e .
else
	$(VENV)/bin/pip install --quiet uv==$(UV_VERSION)
	VIRTUAL_ENV=$(VENV) $(VENV)/bin/uv pip sync --quiet --compile-bytecode requirements.lock
	VIRTUAL_ENV=$(VENV) $(VENV)/bin/uv pip install --quiet --no-deps -e .
endif
	rm -f $(VENV)/.installed-*
	touch $@

## Create .venv and install the locked dependencies (INSTALLER=uv|pip)
install: $(STAMP)

## Check every data file; one line per violation, exit 1 on any
validate: $(STAMP)
	$(PY) -m helpers validate

## Execute every notebook and render the dated HTML reports into reports/
reports: $(STAMP)
	$(PY) -m helpers validate
	$(PY) -m helpers render

# The tests start dozens of Python processes (kernels, renders, their workers): let them keep
# bytecode rather than compile pandas and matplotlib from source in each one. Two pytest-xdist
# workers take whole test files, in the order tests/conftest.py gives (longest first).
PYTEST := env -u PYTHONDONTWRITEBYTECODE $(PY) -m pytest -n 2 --dist loadfile --no-loadscope-reorder

## Run the test suite, browser and JupyterLab tests included
test: $(STAMP)
	$(PYTEST)

## Run the tests without the real clients (Chromium, JupyterLab): quicker, for while you work
test-fast: $(STAMP)
	$(PYTEST) -m "not browser and not jupyterlab"

## Lint and format check (ruff reads notebooks too)
lint: $(STAMP)
	$(VENV)/bin/ruff check src tests notebooks scripts
	$(VENV)/bin/ruff format --check src tests notebooks scripts

## Re-resolve the lock from pyproject.toml (on purpose: old pins rot quietly)
lock:
	$(PYTHON) -m venv $(VENV) && $(VENV)/bin/pip install --quiet uv==$(UV_VERSION)
	$(VENV)/bin/uv pip compile pyproject.toml --extra test --universal \
	  --python-version 3.11 --generate-hashes -o requirements.lock

## Regenerate data/README.md from data/datapackage.json
dictionary: $(STAMP)
	$(PY) -m helpers dictionary

## Benchmark render against plain papermill + nbconvert on 63 synthetic provinces (SAMPLE=N to time (a),(b) on N reports), then validate and render 200,000 figure rows
bench: $(STAMP)
	$(PY) -m helpers bench $(if $(SAMPLE),--sample $(SAMPLE))
	$(PY) -m helpers bench --scale

## Start JupyterLab on notebooks/ (outputs stripped on save; LAB_ARGS="--port 8890" to add flags)
lab: $(STAMP)
	$(VENV)/bin/jupyter lab --config=jupyter/jupyter_server_config.py --no-browser \
	  --ServerApp.root_dir=notebooks $(if $(filter 0,$(shell id -u)),--allow-root) $(LAB_ARGS)

## Remove the virtual environment
clean:
	rm -rf $(VENV)

.PHONY: help install validate reports test test-fast lint lock dictionary bench lab clean

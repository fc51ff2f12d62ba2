# Project Nexus: every verb an author, a reviewer or CI needs.
# `make` alone lists them. Each verb sets up what it needs on a fresh machine.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Material prints an end-of-life notice on every build; it is tracked in
# CONTRIBUTING.md, not in every log line.
export NO_MKDOCS_2_WARNING := 1
HOST ?= 127.0.0.1
PORT ?= 8000

MERMAID := overrides/assets/javascripts/mermaid.min.js

# Edit and view-source buttons point at the repository this checkout came
# from (CI sets REPO_URL itself); with no remote the site shows none.
REPO_URL ?= $(shell git remote get-url origin 2>/dev/null | sed -E 's#^git@([^:]+):#https://\1/#; s#\.git$$##')
DEFAULT_BRANCH ?= $(or $(shell git symbolic-ref --short refs/remotes/origin/HEAD 2>/dev/null | sed 's#^origin/##'),main)
ifneq ($(strip $(REPO_URL)),)
export REPO_URL
export EDIT_URI ?= edit/$(DEFAULT_BRANCH)/docs/
endif

.PHONY: help
help: ## List the verbs
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  make %-16s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

# -- Set-up ------------------------------------------------------------------

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# The stamp is rebuilt whenever a lock file changes.
$(VENV)/.installed: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.txt -r requirements-dev.txt
	touch $@

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

# Mermaid is served from this site, never from a CDN.
$(MERMAID): node_modules/.package-lock.json
	mkdir -p $(dir $@)
	cp node_modules/mermaid/dist/mermaid.min.js $@

.PHONY: install
install: $(VENV)/.installed $(MERMAID) ## Create .venv and install pinned packages and assets

.PHONY: lock
lock: | $(BIN)/python ## Re-pin requirements*.txt (with hashes) from requirements*.in
	$(BIN)/python -m pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras -o requirements.txt requirements.in
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras -o requirements-dev.txt requirements-dev.in

# -- Site --------------------------------------------------------------------

.PHONY: serve
serve: install ## Preview the site at http://127.0.0.1:8000 with live reload
	$(BIN)/mkdocs serve --dev-addr $(HOST):$(PORT)

.PHONY: build
build: install ## Build the site into site/ (strict: any warning fails)
	$(BIN)/mkdocs build --strict

# -- Checks ------------------------------------------------------------------

.PHONY: check
check: install ## Fast gate before pushing: strict build, Markdown lint, spelling, content rules
	$(BIN)/mkdocs build --strict --quiet
	$(BIN)/pymarkdownlnt --config .pymarkdown.json scan --recurse docs templates README.md
	$(BIN)/codespell
	$(BIN)/python tests/content_rules.py

.PHONY: test
test: check test-site test-examples test-publishing test-browser ## Everything: `check` plus every test suite

.PHONY: test-site
test-site: install ## Site tests: content rules, code samples, built pages
	$(BIN)/pytest tests --ignore=tests/browser --ignore=tests/publishing

# -- Publishing (.github/) ---------------------------------------------------
# (targets test-publishing and friends: see issue "Publish to GitHub Pages")

# -- Browser suite and benchmark ---------------------------------------------
# (targets test-browser and bench)

# -- Example app (examples/jobboard) -----------------------------------------

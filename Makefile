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

TABLESORT := overrides/assets/javascripts/sortable-tables.js

# Edit and view-source buttons point at the repository this checkout came
# from (CI sets REPO_URL itself); with no remote the site shows none.
REPO_URL ?= $(filter https://%,$(shell git remote get-url origin 2>/dev/null | sed -E 's#^git@([^:]+):#https://\1/#; s#\.git$$##'))
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

# Browser libraries are served from this site, never from a CDN (mermaid:
# see MERMAID_ESM in the browser group below).
# tablesort and the few lines that apply it, as one file for pages with
# `sortable: true` in their front matter.
$(TABLESORT): node_modules/.package-lock.json overrides/assets/tablesort-init.js
	mkdir -p $(dir $@)
	cat node_modules/tablesort/dist/tablesort.min.js overrides/assets/tablesort-init.js > $@

.PHONY: install
install: $(VENV)/.installed $(TABLESORT) ## Create .venv and install pinned packages and assets

.PHONY: lock
lock: | $(BIN)/python ## Re-pin requirements*.txt (with hashes) from requirements*.in
	$(BIN)/python -m pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras -o requirements.txt requirements.in
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras -o requirements-dev.txt requirements-dev.in

# -- Site --------------------------------------------------------------------

.PHONY: serve
serve: install ## Preview the site at http://127.0.0.1:8000 with live reload
	@# --dirty rebuilds only the saved page (about 1 s instead of 5 s; see
	@# docs/about.md); strict mode refuses --dirty, and `make check` is the
	@# strict gate. Restart after changing the nav or a page title.
	$(BIN)/mkdocs serve --dirty --no-strict --dev-addr $(HOST):$(PORT)

.PHONY: build
build: install ## Build the site into site/ (strict: any warning fails)
	$(BIN)/mkdocs build --strict

# -- Checks ------------------------------------------------------------------

.PHONY: check
check: install ## Fast gate before pushing: strict build, Markdown lint, spelling, content rules
	@# Not --quiet: it hides the warnings that --strict turns into errors.
	$(BIN)/mkdocs build --strict
	$(BIN)/pymarkdownlnt --config .pymarkdown.json scan --recurse docs templates README.md CONTRIBUTING.md
	$(BIN)/codespell
	$(BIN)/python tests/content_rules.py

.PHONY: test
test: check test-site test-examples test-publishing test-browser ## Everything: `check` plus every test suite

.PHONY: test-site
test-site: install ## Site tests: content rules, code samples, built pages
	$(BIN)/pytest tests --ignore=tests/browser --ignore=tests/publishing

# -- Publishing (.github/) ---------------------------------------------------
# CI, the Pages deploy and the link check live in .github/workflows/; the
# lint below is what every pull request runs on them. Page scaffolds come
# from templates/ (scripts/new_page.py, standard library only).

WORKFLOWS := $(wildcard .github/workflows/*.yml)
ISSUE_FORMS := $(filter-out %/config.yml,$(wildcard .github/ISSUE_TEMPLATE/*.yml))

.PHONY: test-publishing
test-publishing: lint-github lint-scripts ## Publishing: lint .github/ and the CI scripts, test workflows, scaffold, set-up
	$(BIN)/pytest tests/publishing

# The shell scripts a fresh machine runs: .ci/run and the set-up it calls.
SHELL_SCRIPTS := .ci/run $(wildcard scripts/*.sh examples/jobboard/scripts/*.sh)

.PHONY: lint-scripts
lint-scripts: install ## shellcheck on .ci/run and the set-up scripts (any finding fails)
	$(BIN)/shellcheck $(SHELL_SCRIPTS)

.PHONY: lint-github
lint-github: install ## zizmor and GitHub's schemas on .github/ (any finding fails)
	$(BIN)/zizmor --offline --strict-collection --no-progress .github .pre-commit-config.yaml
	$(BIN)/check-jsonschema --builtin-schema vendor.github-workflows $(WORKFLOWS)
	$(BIN)/check-jsonschema --builtin-schema custom.github-workflows-require-timeout $(WORKFLOWS)
	$(BIN)/check-jsonschema --builtin-schema vendor.dependabot .github/dependabot.yml
	$(BIN)/check-jsonschema --builtin-schema vendor.github-issue-forms $(ISSUE_FORMS)
	$(BIN)/check-jsonschema --builtin-schema vendor.github-issue-config .github/ISSUE_TEMPLATE/config.yml

.PHONY: compare-zensical
compare-zensical: install ## Build with MkDocs and Zensical; list pages that differ (CI: job summary)
	$(BIN)/python scripts/compare_sites.py

.PHONY: new-challenge new-technology new-concept new-post
new-challenge: ## New challenge page + nav entry: make new-challenge TITLE="Flaky tests in CI"
	@$(PYTHON) scripts/new_page.py challenge
new-technology: ## New technology page + nav entry: make new-technology TITLE="Celery"
	@$(PYTHON) scripts/new_page.py technology
new-concept: ## New concept page + nav entry: make new-concept TITLE="Idempotency"
	@$(PYTHON) scripts/new_page.py concept
new-post: ## New journal post, dated today: make new-post TITLE="What I learned this week"
	@$(PYTHON) scripts/new_page.py post

# -- Browser suite and benchmark ---------------------------------------------

# Mermaid's ES-module build: the stand-in in overrides/main.html imports it,
# and it fetches only the chunks that a page's diagram types need (about a
# third of the single-file build). The .gitignore inside keeps the copies
# out of git.
MERMAID_ESM := overrides/assets/javascripts/mermaid/mermaid.esm.min.mjs
$(MERMAID_ESM): node_modules/.package-lock.json
	rm -rf $(dir $@)
	mkdir -p $(dir $@)chunks/mermaid.esm.min
	cp node_modules/mermaid/dist/chunks/mermaid.esm.min/*.mjs $(dir $@)chunks/mermaid.esm.min/
	printf '*\n' > $(dir $@).gitignore
	cp node_modules/mermaid/dist/mermaid.esm.min.mjs $@

install: $(MERMAID_ESM)

.PHONY: test-browser
test-browser: build ## Browser suite: every page in Chromium (axe, requests, diagrams, 375 px)
	bash scripts/install-system-deps.sh
	SITE_DIR=site $(BIN)/pytest tests/browser

.PHONY: bench
bench: install ## Benchmark page weight, Lighthouse, build and reload times; update docs/about.md
	bash scripts/install-system-deps.sh
	$(BIN)/python bench/run.py --update-docs

# -- Example app (examples/jobboard) -----------------------------------------

JOBBOARD := examples/jobboard
# Local demo only: DEBUG gives a per-run SECRET_KEY, tasks run inline and
# e-mails print to the console.
JOBBOARD_DEMO_ENV := DEBUG=1 CELERY_TASK_ALWAYS_EAGER=1

.PHONY: examples
examples: install ## Run the Job Board API at http://127.0.0.1:8001/api/docs/
	cd $(JOBBOARD) && $(JOBBOARD_DEMO_ENV) $(CURDIR)/$(BIN)/python manage.py migrate --noinput
	cd $(JOBBOARD) && $(JOBBOARD_DEMO_ENV) $(CURDIR)/$(BIN)/python manage.py seed_demo
	@echo "Demo users: admin, employer1, employer2, seeker1, seeker2 (password: jobboard-demo)"
	cd $(JOBBOARD) && $(JOBBOARD_DEMO_ENV) $(CURDIR)/$(BIN)/python manage.py runserver 127.0.0.1:8001

# Always on SQLite and local memory (needs nothing running); then, when
# DATABASE_URL and REDIS_URL are set (.ci/run sets them with
# eval "$$(examples/jobboard/scripts/start-services.sh)"), the same suite
# again against real PostgreSQL and Redis.
.PHONY: test-examples
test-examples: install ## Run the Job Board test suite (SQLite; also PostgreSQL/Redis when configured)
	@echo "== Job Board suite: SQLite + local-memory cache"
	cd $(JOBBOARD) && env -u DATABASE_URL -u REDIS_URL $(CURDIR)/$(BIN)/pytest
	@if [ -n "$${DATABASE_URL:-}" ] && [ -n "$${REDIS_URL:-}" ]; then \
		echo "== Job Board suite: PostgreSQL + Redis"; \
		cd $(JOBBOARD) && $(CURDIR)/$(BIN)/pytest; \
	else \
		echo "== Job Board suite: PostgreSQL + Redis skipped (DATABASE_URL/REDIS_URL not set)"; \
	fi

# OpenECF: `make run` and `make test` work on a fresh machine with Python 3.11, make and git.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test test-browser bench lint install lock clean

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 is needed: install it or run make PYTHON=/path/to/python3.11"; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python requirements.lock pyproject.toml
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	@touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/openecf run

test: $(STAMP)
	$(BIN)/python -m pytest -n auto -q

# axe-core (accessibility rules) at the version pinned in tests/browser/package-lock.json.
# A browser test mostly waits on Chromium and its live server: one worker a core, each with its
# own Chromium, live server and test database.
test-browser: $(STAMP)
	cd tests/browser && npm ci --no-audit --no-fund --loglevel=error
	$(BIN)/python -m pytest -q -m browser -n auto

bench: $(STAMP)
	$(BIN)/python bench/run.py

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

# Re-pin every dependency (run after changing pyproject.toml; commit requirements.lock).
lock:
	rm -rf .lockenv && $(PYTHON) -m venv .lockenv
	.lockenv/bin/pip install --quiet --disable-pip-version-check '.[dev]'
	.lockenv/bin/pip freeze --exclude openecf > requirements.lock
	rm -rf .lockenv

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache

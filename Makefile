# The two commands a newcomer needs: `make demo` and `make test`.
# Each creates .venv and installs what it needs; nothing else is assumed but Python 3.11 and make.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint typecheck pytest browsers clean

# The extractor is compiled at install (setup.py): a changed source means a rebuild.
$(STAMP): pyproject.toml setup.py $(wildcard src/corroborate/extract/*.py)
	$(PYTHON) -c 'import sys; assert sys.version_info[:2] == (3, 11), "corroborate needs Python 3.11, found " + sys.version'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/corroborate demo

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/ruff format --check src tests benchmarks scripts

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP)
	$(BIN)/pytest -q $(PYTEST_ARGS)

# The web tests drive Debian's Chromium; without it (and without root to install it) they skip.
browsers:
	@if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		echo "installing chromium and chromium-driver for the browser tests"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
			chromium chromium-driver >/dev/null; \
	else echo "chromium not installed: the browser tests will skip"; fi

test: lint typecheck browsers pytest

clean:
	rm -rf $(VENV) demo-workspace test-artifacts .pytest_cache .mypy_cache .ruff_cache

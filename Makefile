# Two entry points for a fresh machine: `make audit` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: audit test lint install bench eval clean browser

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c requirements.lock -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

audit: $(STAMP)
	$(BIN)/audit run seeds/ --out reports_out/ ; rc=$$?; [ $$rc -le 1 ] || exit $$rc
	@echo "wrote reports_out/report.html and reports_out/findings.json"

browser:
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; } || echo "chromium not installed: browser tests will be skipped"

# ruff and mypy over auditor/ (configured in pyproject.toml); part of `make test`
lint: $(STAMP)
	$(BIN)/ruff check auditor
	$(BIN)/mypy

test: $(STAMP) browser lint
	$(BIN)/python -m pytest -n 2 tests

eval: $(STAMP)
	$(BIN)/python -m evaluation.run $(if $(UPDATE),--update,)

bench: $(STAMP)
	$(BIN)/python -m benchmarks.run $(if $(BENCH_FULL),--full,) $(if $(VERSUS),--versus $(VERSUS),)

clean:
	rm -rf $(VENV) reports_out/*

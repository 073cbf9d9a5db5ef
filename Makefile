# One command to run the app on the demo data, one to run the tests; both set up what they need.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501
# Test workers: one per core of a 2-core machine; browser tests start their own servers.
# loadgroup: tests marked xdist_group("name") run on one worker, one after the other: the
# load tests, and the modules whose shared databases are costly to build (built once, not
# once per worker).
WORKERS ?= 2
DIST := --dist loadgroup

.PHONY: setup setup-dev run run-servers test test-fast lint format benchmark benchmark-browser clean

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.runtime: requirements.txt | $(BIN)/activate
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt $(VENV)/.runtime
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

setup: $(VENV)/.runtime

setup-dev: $(VENV)/.dev

run: setup  ## Start the app on 127.0.0.1 (first start creates data/dashboard.db with the demo)
	-$(BIN)/python -m data_access.accounts.demo
	$(BIN)/streamlit run server.py --server.port $(PORT) --server.headless true --server.address 127.0.0.1

run-servers: setup  ## One app server per core behind nginx on 127.0.0.1:8080 (deploy/run-local.sh)
	PYTHON=$(BIN)/python deploy/run-local.sh --port 8080

test: setup-dev  ## The whole suite, browser tests included (PostgreSQL tests need TEST_DATABASE_URL)
	$(BIN)/python -m pytest -n $(WORKERS) $(DIST)

test-fast: setup-dev  ## Everything but the browser tests: the inner loop
	$(BIN)/python -m pytest -n $(WORKERS) $(DIST) -m "not browser"

lint: setup-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: setup-dev
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

benchmark: setup-dev
	$(BIN)/python -m benchmarks.run

benchmark-browser: setup-dev  ## Every speed budget in Chromium, against a bare page (a few minutes)
	mkdir -p benchmarks/out
	$(BIN)/python -m benchmarks.browser --json benchmarks/out/browser.json

clean:
	rm -rf $(VENV) data .pytest_cache .ruff_cache

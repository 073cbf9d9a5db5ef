# One command to run the app on the demo data, one to run the tests; both set up what they need.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501

.PHONY: setup run test lint format benchmark clean

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: requirements.txt | $(BIN)/activate
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

setup: $(VENV)/.installed

run: setup  ## Start the app (first start creates data/dashboard.db with the demo province)
	-$(BIN)/python -m data_access.accounts.demo
	$(BIN)/streamlit run server.py --server.port $(PORT) --server.headless true --server.address 127.0.0.1

test: setup  ## Run the whole test suite (PostgreSQL tests need TEST_DATABASE_URL)
	$(BIN)/python -m pytest

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: setup
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

benchmark: setup
	$(BIN)/python -m benchmarks.run

clean:
	rm -rf $(VENV) data .pytest_cache .ruff_cache

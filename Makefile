# Two commands for a fresh machine with Python 3.11+:
#   make report   set up .venv and build the full comparison report into reports/
#   make test     set up .venv (with the test tools) and run the test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: report test setup docs look clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

setup: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test,notebooks]"

report: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	$(BIN)/python -m vetcompare report --out reports/

test: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test]"
	$(BIN)/python -m pytest

docs: setup
	$(BIN)/python -m vetcompare.docs

look: setup
	$(BIN)/python scripts/look.py --out look/

clean:
	rm -rf $(VENV) reports look build dist *.egg-info

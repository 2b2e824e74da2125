# Two commands for a fresh machine with Python 3.11+:
#   make report   set up .venv and build the full comparison report into reports/
#   make test     set up .venv (with the test tools) and run the test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: report test test-lowest browser office setup docs api-docs look clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

setup: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test,notebooks]"

report: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	$(BIN)/python -m vetcompare report --out reports/

# The browser tests open pages in headless Chromium: installed from Debian's packages when missing.
browser:
	@command -v chromium >/dev/null 2>&1 || command -v google-chrome >/dev/null 2>&1 || \
	  (command -v apt-get >/dev/null 2>&1 && apt-get update -qq && apt-get install -y -qq chromium >/dev/null) || \
	  (echo "install Chromium (apt-get install chromium) or Google Chrome for the browser tests" && exit 1)

# The round-trip tests open, save and print workbooks in LibreOffice, with a Chinese font to print them
# in (WenQuanYi Micro Hei): installed from Debian's packages when missing.
office:
	@(command -v soffice >/dev/null 2>&1 && fc-list :lang=zh | grep -q .) || \
	  (command -v apt-get >/dev/null 2>&1 && apt-get update -qq && \
	   apt-get install -y -qq --no-install-recommends libreoffice-calc-nogui fonts-wqy-microhei >/dev/null) || \
	  (echo "install LibreOffice and a Chinese font (apt-get install libreoffice-calc-nogui fonts-wqy-microhei) \
	  for the workbook round-trip tests" && exit 1)

test: $(BIN)/python browser office
	$(BIN)/python -m pip install --quiet -e ".[test]"
	$(BIN)/python -m pytest

# The whole suite against the lowest versions pyproject.toml admits (.ci/lowest-versions.txt).
test-lowest:
	$(PYTHON) -m venv .venv-lowest
	.venv-lowest/bin/python -m pip install --quiet --upgrade pip
	.venv-lowest/bin/python -m pip install --quiet -c .ci/lowest-versions.txt -e ".[test]"
	.venv-lowest/bin/python -m pytest -q -p no:cacheprovider -W ignore::DeprecationWarning

docs: setup
	$(BIN)/python -m vetcompare.docs

# The API reference from the numpydoc docstrings (Sphinx, warnings as errors): build/api/index.html
api-docs: setup
	$(BIN)/python -m sphinx -W --keep-going -b html docs/api build/api

look: setup
	$(BIN)/python scripts/look.py --out look/

clean:
	rm -rf $(VENV) .venv-lowest reports look build dist *.egg-info

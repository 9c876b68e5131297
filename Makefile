# Two commands do all set-up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
TS     := $(wildcard assets/i18n/*.ts)
QM     := $(TS:.ts=.qm)

.PHONY: run test lint bench translations i18n-update clean

run: $(STAMP) translations
	$(VENV)/bin/hostlab

test: $(STAMP) translations
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

lint: $(STAMP)
	$(VENV)/bin/ruff check sim gui tests benchmarks

bench: $(STAMP)
	$(PY) benchmarks/engine_vs_simpy.py
	$(PY) benchmarks/scale.py

translations: $(QM)

# Refresh the .ts source from every tr() in gui/ (then translate the new messages).
i18n-update: $(STAMP)
	$(VENV)/bin/pyside6-lupdate -extensions py -no-obsolete gui -ts assets/i18n/hostlab_zh_CN.ts

assets/i18n/%.qm: assets/i18n/%.ts $(STAMP)
	$(VENV)/bin/pyside6-lrelease -silent $< -qm $@

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	touch $(STAMP)

clean:
	rm -rf $(VENV) build dist *.egg-info assets/i18n/*.qm

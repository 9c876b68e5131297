# Two commands do all set-up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
PKG_STAMP := $(VENV)/.installed-package
TS     := $(wildcard assets/i18n/*.ts)
QM     := $(TS:.ts=.qm)

.PHONY: run test lint bench translations i18n-update clean package package-check wheel-check iscc-check

run: $(STAMP) translations
	$(VENV)/bin/hostlab

test: $(STAMP) translations
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

lint: $(STAMP)
	$(VENV)/bin/ruff check sim gui tests benchmarks

bench: $(STAMP)
	$(PY) benchmarks/engine_vs_simpy.py
	$(PY) benchmarks/scale.py

# Linux installers in dist/ (one-folder app, .deb, .tar.gz; see packaging/), then their smoke test.
package: $(PKG_STAMP) translations
	PY=$(PY) packaging/build_linux.sh

package-check: $(STAMP)
	PY=$(PY) packaging/check_linux.sh

# Build the wheel from the checkout's files, install it into a fresh venv, use it from elsewhere.
# KEEP=DIR keeps the wheel and the Chinese screenshot there (the release publishes the wheel).
wheel-check: $(STAMP)
	$(PY) packaging/check_wheel.py $(if $(KEEP),--keep $(KEEP))

# Compile the Windows installer script with Inno Setup's compiler under wine (root).
iscc-check:
	packaging/windows/iscc_check.sh

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

$(PKG_STAMP): $(STAMP)
	$(PY) -m pip install --quiet -e ".[test,package]"
	touch $(PKG_STAMP)

clean:
	rm -rf $(VENV) build dist *.egg-info assets/i18n/*.qm

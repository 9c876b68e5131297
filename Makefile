# Two commands do all set-up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
PKG_STAMP := $(VENV)/.installed-package
TS     := $(wildcard assets/i18n/*.ts)
QM     := $(TS:.ts=.qm)

.PHONY: run test lint format bench translations i18n-update clean package package-check wheel-check iscc-check

run: $(STAMP) translations
	$(VENV)/bin/hostlab

test: $(STAMP) translations
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

# ruff, ruff's formatter (check only: it never rewrites files here) and mypy --strict on sim/
# and gui/ (`make format` rewrites the files the format check names).
lint: $(STAMP)
	$(VENV)/bin/ruff check sim gui tests benchmarks
	$(VENV)/bin/ruff format --check sim gui tests benchmarks
	$(VENV)/bin/mypy sim gui

format: $(STAMP)
	$(VENV)/bin/ruff format sim gui tests benchmarks

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

# 10,000 fuzzed scenario files (counts of crashes, hangs and violations must be 0), then
# kill -9 during every writer, 25 rounds each.
.PHONY: fuzz
fuzz: $(STAMP)
	status=0; $(PY) tests/sim/fuzz_scenarios.py --cases 10000 --seed 1 || status=1; \
	HOSTLAB_KILL_ROUNDS=25 QT_QPA_PLATFORM=offscreen $(PY) -m pytest tests/sim/test_kill9.py \
		tests/gui/test_kill9_exports.py || status=1; exit $$status

# Differential test of the engine against SimPy on N random programs (default 50,000); prints counts.
.PHONY: engine-diff
N ?= 50000
SEED ?= 0
engine-diff: $(STAMP)
	$(PY) tests/sim/engine_diff.py --n $(N) --seed $(SEED)

# Every lesson at every classroom size, normal and projector, English and Chinese: fails on
# cut text, too-small views or overlapping widgets; refreshes the contact sheet in docs/.
.PHONY: screens
screens: $(STAMP) translations
	QT_QPA_PLATFORM=offscreen $(PY) tests/gui/screens.py --jobs $(or $(JOBS),2) --sheet docs/screens.png

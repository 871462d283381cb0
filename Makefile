# The whole set-up: `make run` starts the app, `make test` runs every test.
# Both create .venv and install the pinned dependencies on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml requirements.lock | cksum | cut -d' ' -f1)
AXE := tests/a11y/node_modules/.installed
# esbuild, ESLint for the browser app (geo/web/app), pinned by its package-lock.json; its bundles are
# committed, so `make run` needs Python only.
JS := geo/web/app/node_modules/.installed

.PHONY: run serve test browser bundle lock clean

run: $(STAMP)
	$(BIN)/streamlit run app.py --server.port 8501

# Several app processes behind HAProxy (cookie affinity, health checks): `make serve REPLICAS=4 PORT=8080`.
REPLICAS ?= 2
PORT ?= 8080
serve: $(STAMP)
	$(BIN)/python -m geo serve --replicas $(REPLICAS) --port $(PORT)

test: $(STAMP) browser $(AXE) $(JS)
	$(BIN)/python -m pytest

# A headless Chromium for the browser tests: Debian's /usr/bin/chromium or $$JULIACA_CHROMIUM if
# present, else Playwright's own, downloaded once (the normal path on a developer's machine).
browser: $(STAMP)
	@$(BIN)/python -m geo.output.browser --check || $(BIN)/python -m playwright install chromium

# axe-core for the accessibility test, pinned by tests/a11y/package-lock.json (npm ci: exactly the lock).
$(AXE): tests/a11y/package-lock.json
	cd tests/a11y && npm ci --no-audit --no-fund
	touch $@

$(JS): geo/web/app/package-lock.json
	cd geo/web/app && npm ci --no-audit --no-fund
	touch $@

# Rebuild the browser app's bundles after changing a module (tests/test_browser_app.py checks they are current).
bundle: $(JS)
	cd geo/web/app && node build.mjs

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements.lock -e '.[png,video,test]'
	rm -f $(VENV)/.installed-* && touch $@

# Re-pin every dependency after changing pyproject.toml.
lock:
	rm -rf .lockenv && $(PYTHON) -m venv .lockenv
	.lockenv/bin/python -m pip install --quiet '.[png,video,test]'
	.lockenv/bin/python -m pip freeze --exclude-editable | grep -v '^juliaca-map' > requirements.lock
	rm -rf .lockenv

clean:
	rm -rf $(VENV) .pytest_cache tests/a11y/node_modules geo/web/app/node_modules

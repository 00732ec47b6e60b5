# Two commands: `make run` (serve on http://localhost:3000) and `make test`.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
BUN := .tools/node_modules/bun/bin/bun.exe
export PATH := $(CURDIR)/.tools/node_modules/.bin:$(CURDIR)/$(VENV)/bin:$(PATH)
export REFLEX_USE_SYSTEM_BUN := 1
export REFLEX_TELEMETRY_ENABLED := false
export LIVINGLAB_PORT ?= 3000

# The decision log prints every voice: DejaVu covers Latin, Arabic and Hebrew; these add
# emoji (colour, drawn by WeasyPrint) and Chinese. Found through fontconfig, never fetched.
PDF_FONTS := /usr/share/fonts/truetype/noto/NotoColorEmoji.ttf /usr/share/fonts/truetype/wqy/wqy-microhei.ttc

.PHONY: run test setup test-setup migrate lint postgresql

run: setup migrate
	$(VENV)/bin/reflex run --env prod --single-port

test: test-setup
	$(PY) -m pytest

setup: $(VENV)/.installed .tools/.installed $(PDF_FONTS)

test-setup: setup $(VENV)/.installed-dev /usr/bin/chromium /usr/bin/redis-server postgresql \
	.tools/node_modules/oidc-provider/package.json

migrate: setup
	$(PY) -m livinglab migrate

lint: test-setup
	$(VENV)/bin/ruff check livinglab tests bench
	$(VENV)/bin/ruff format --check livinglab tests bench

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: requirements.txt $(VENV)/bin/python
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements-dev.txt $(VENV)/.installed
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

# Reflex would download bun from the internet; take it from the npm registry.
.tools/.installed:
	npm install --silent --no-fund --no-audit --prefix .tools bun@1.4.5
	touch $@

# The sign-in tests meet a real OpenID Connect provider: the certified `oidc-provider`
# package from the npm registry, run by Node on loopback (tests/oidc/provider.mjs).
.tools/node_modules/oidc-provider/package.json: .tools/.installed
	npm install --silent --no-fund --no-audit --prefix .tools oidc-provider@9.13.3

# Browser tests drive Debian's Chromium (never `playwright install`); the
# several-workers tests start their own redis-server on loopback, and the suite
# runs against a throwaway PostgreSQL cluster too (tests/services.py).
/usr/bin/chromium /usr/bin/redis-server:
	$(if $(filter 0,$(shell id -u)),,sudo) apt-get update -qq
	$(if $(filter 0,$(shell id -u)),,sudo) apt-get install -y -qq $(notdir $@)

/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf:
	$(if $(filter 0,$(shell id -u)),,sudo) apt-get update -qq
	$(if $(filter 0,$(shell id -u)),,sudo) apt-get install -y -qq fonts-noto-color-emoji

/usr/share/fonts/truetype/wqy/wqy-microhei.ttc:
	$(if $(filter 0,$(shell id -u)),,sudo) apt-get update -qq
	$(if $(filter 0,$(shell id -u)),,sudo) apt-get install -y -qq fonts-wqy-microhei

postgresql:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { \
	  $(if $(filter 0,$(shell id -u)),,sudo) apt-get update -qq && \
	  $(if $(filter 0,$(shell id -u)),,sudo) apt-get install -y -qq postgresql; }

#!/usr/bin/env bash
# Run the whole test suite (lint, types, tests). Sets up everything it needs itself.
set -euo pipefail
cd "$(dirname "$0")"
scripts/venv.sh test
scripts/synapse-venv.sh  # the real homeserver the Matrix tests run against (its own venv)
scripts/browser.sh  # Debian's chromium for the desk's browser test (playwright drives /usr/bin/chromium)
.venv/bin/python -m ruff check .
.venv/bin/python -m ruff format --check .
.venv/bin/python -m mypy
.venv/bin/lint-imports  # the layers declared in pyproject.toml
exec .venv/bin/python -m pytest "$@"

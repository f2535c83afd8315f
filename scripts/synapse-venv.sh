#!/usr/bin/env bash
# Creates .venv-synapse with the Synapse homeserver that the Matrix tests start on 127.0.0.1.
# Synapse is a test-only tool run as a separate process: it gets its own venv so its many pinned
# dependencies never meet the bot's. Re-running is cheap: it reinstalls only when the pins changed.
set -euo pipefail
cd "$(dirname "$0")/.."
py="${PYTHON:-}"
if [ -z "$py" ]; then
  for candidate in python3.11 python3.12 python3.13 python3; do
    if command -v "$candidate" >/dev/null 2>&1; then py="$candidate"; break; fi
  done
fi
venv=".venv-synapse"
pins="constraints-synapse.txt"
if [ ! -x "$venv/bin/python" ]; then
  "$py" -m venv "$venv"
fi
stamp="$venv/.installed"
want="$(sha256sum "$pins" | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip >/dev/null
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -c "$pins" "$(grep -i '^matrix-synapse==' "$pins")"
  echo "$want" > "$stamp"
fi

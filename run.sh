#!/usr/bin/env bash
# Start the bot: every configured channel (Telegram, Matrix), or the console when none is configured.
set -euo pipefail
cd "$(dirname "$0")"
scripts/venv.sh ""
exec .venv/bin/python -m bot run "$@"

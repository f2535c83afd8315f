#!/usr/bin/env bash
# Installs Debian's chromium for the desk's browser test and screenshots (never a downloaded browser
# build: playwright drives /usr/bin/chromium through executable_path). Cheap when it is already there.
set -euo pipefail
if [ -x /usr/bin/chromium ] && [ -d /usr/share/fonts/truetype/noto ]; then
  exit 0
fi
if [ "$(id -u)" != "0" ]; then
  echo "chromium is missing and this is not root: apt-get install chromium as root" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core fonts-noto-color-emoji >/dev/null

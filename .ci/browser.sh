#!/usr/bin/env bash
# Makes sure Debian's chromium and chromedriver are installed, for samples/web's real-browser test
# (ChromiumDashboardTest); installs them from Debian packages when either is missing. Idempotent.
set -euo pipefail

if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
  echo "browser: $(chromium --version 2>/dev/null | head -n 1); $(chromedriver --version 2>/dev/null | head -n 1 | cut -d' ' -f1-2)"
  exit 0
fi

echo "browser: chromium or chromedriver missing; installing from Debian packages"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium chromium-driver >/dev/null
command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1 \
  || { echo "browser: chromium or chromedriver still missing after the install" >&2; exit 1; }
echo "browser: installed $(chromium --version 2>/dev/null | head -n 1)"

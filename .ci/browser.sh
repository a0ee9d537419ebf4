#!/usr/bin/env bash
# The browser tests' browser: Debian's chromium and its WebDriver (ConsoleBrowserIT). Installed when missing;
# needs root (CI runs as root) and Debian's package archive.
set -euo pipefail
if [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]]; then
  exit 0
fi
if [[ "$(id -u)" != 0 ]]; then
  echo "browser.sh: chromium is missing; run as root (or: sudo apt-get install -y chromium chromium-driver)" >&2
  exit 1
fi
echo "browser.sh: installing chromium and chromium-driver"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
/usr/bin/chromium --version

#!/usr/bin/env bash
# Install the browser that test/report-html.ts drives: Chromium from Debian's
# packages (`/usr/bin/chromium`), driven by the `puppeteer-core` devDependency
# (which downloads no browser of its own). Does nothing when Chromium is
# there; otherwise needs root (CI runs as root) and Debian's mirrors. Quiet
# unless something fails. Prints nothing and exits 0 when all is in place.
set -euo pipefail

browser="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$browser" ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "install-browser: missing $browser; run this script as root (apt-get install chromium)" >&2
  exit 1
fi

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
export DEBIAN_FRONTEND=noninteractive
if ! { apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium; } >"$log" 2>&1; then
  cat "$log" >&2
  echo "install-browser: could not install chromium" >&2
  exit 1
fi
if [ ! -x "$browser" ]; then
  echo "install-browser: chromium installed but $browser is missing" >&2
  exit 1
fi

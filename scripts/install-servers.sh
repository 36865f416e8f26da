#!/usr/bin/env bash
# Install the web servers that test/redirects.ts serves a built site with, to
# prove the redirect maps of `--redirects`: nginx, Apache (apache2) and Caddy,
# all from Debian's packages. Does nothing when all three are there;
# otherwise needs root (CI runs as root) and Debian's mirrors. Quiet unless
# something fails.
#
# Debian's packages start their service on port 80 after installing it. The
# test starts its own servers on 127.0.0.1 with its own configuration, so a
# service started by the package would only hold port 80: while installing,
# a policy-rc.d that refuses service starts is put in place (the standard
# Debian mechanism, invoke-rc.d(8)) unless one exists, and removed after.
set -euo pipefail

packages=()
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || packages+=(nginx)
command -v apache2 >/dev/null 2>&1 || [ -x /usr/sbin/apache2 ] || packages+=(apache2)
command -v caddy >/dev/null 2>&1 || [ -x /usr/bin/caddy ] || packages+=(caddy)

[ "${#packages[@]}" -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "install-servers: missing ${packages[*]}; run this script as root (apt-get)" >&2
  exit 1
fi

log="$(mktemp)"
policy=/usr/sbin/policy-rc.d
made_policy=
cleanup() {
  rm -f "$log"
  if [ -n "$made_policy" ]; then rm -f "$policy"; fi
}
trap cleanup EXIT
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\n# Written by news-markdown scripts/install-servers.sh while installing; removed after.\nexit 101\n' >"$policy"
  chmod 755 "$policy"
  made_policy=1
fi
export DEBIAN_FRONTEND=noninteractive
if ! { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${packages[@]}"; } >"$log" 2>&1; then
  cat "$log" >&2
  echo "install-servers: could not install ${packages[*]}" >&2
  exit 1
fi

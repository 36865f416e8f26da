#!/usr/bin/env bash
# Install the static site generators that test/generators.ts builds with:
# Hugo and Jekyll (with the jekyll-redirect-from and jekyll-archives plugins)
# from Debian's packages. Eleventy and Astro are npm devDependencies.
# Does nothing when everything is there; otherwise needs root (CI runs as
# root) and Debian's mirrors. Quiet unless something fails.
set -euo pipefail

packages=()
command -v hugo >/dev/null 2>&1 || packages+=(hugo)
command -v jekyll >/dev/null 2>&1 || packages+=(jekyll)
for plugin in ruby-jekyll-redirect-from ruby-jekyll-archives; do
  dpkg-query -W -f='${Status}' "$plugin" 2>/dev/null | grep -q 'ok installed' || packages+=("$plugin")
done

[ "${#packages[@]}" -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "install-generators: missing ${packages[*]}; run this script as root (apt-get)" >&2
  exit 1
fi

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
export DEBIAN_FRONTEND=noninteractive
if ! { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${packages[@]}"; } >"$log" 2>&1; then
  cat "$log" >&2
  echo "install-generators: could not install ${packages[*]}" >&2
  exit 1
fi

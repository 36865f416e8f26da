#!/usr/bin/env bash
# Install GNU parallel (Debian's `parallel`), the batch system test/merge.ts
# runs shards with (`--shard K/N`, four at once) before `news-markdown merge`
# combines them. Does nothing when it is there; otherwise needs root (CI
# runs as root) and Debian's mirrors. Quiet unless something fails.
set -euo pipefail

command -v parallel >/dev/null 2>&1 && parallel --version 2>/dev/null | grep -q 'GNU parallel' && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "install-batch: missing GNU parallel; run this script as root (apt-get)" >&2
  exit 1
fi

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
export DEBIAN_FRONTEND=noninteractive
if ! { apt-get update -qq && apt-get install -y -qq --no-install-recommends parallel; } >"$log" 2>&1; then
  cat "$log" >&2
  echo "install-batch: could not install parallel" >&2
  exit 1
fi

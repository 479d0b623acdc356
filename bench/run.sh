#!/usr/bin/env bash
# Whole-process figures, each beside a baseline measured in the same run.
# Usage: bench/run.sh [BUILD_DIR] [quick|archive|shapes|all]
#   quick    (default; ./run.sh bench builds build-release first) extraction
#            benchmarks, extract over >= 50 MB of the corpus pages, build of the pages
#   archive  build, re-ingest, queries, extract and graph-library anchors on
#            generated archives (bench/generate_archive.py); see bench/README.md.
#            ARCHIVE_SIZES="5 50 250" (MB), ARCHIVE_SEED=1, ARCHIVE_DIR=/tmp/guanxi-archive
#            (corpora kept there and reused), ARCHIVE_TIMEOUT=600 (s per step),
#            ARCHIVE_RUNS=5 (runs per query), ARCHIVE_EXTRACT_MB=50 (0: skip)
#   shapes   pages of unusual shapes (bench/page_shapes.sh): a 20 MB page of
#            paragraphs against 20 pages of 1 MB (linear time), the same page
#            on one line, and the peak memory of a 200 MB file of many items.
#            PAGE_MB=20, MEMORY_MB=200, SHAPES_DIR=/tmp/guanxi-page-shapes
#   all      all three
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build-release}
sections=${2:-quick}
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

quick() {
  echo "== Google Benchmark: extraction"
  "$build/bench/extract_bench" --benchmark_min_time=2

  echo "== extract over $pages repeated to >= 50 MB, against baselines on the same file"
  big="$work/big.txt"
  while [ ! -s "$big" ] || [ "$(stat -c %s "$big")" -lt 52428800 ]; do
    cat "$pages"/*.txt >>"$big"
  done
  size=$(stat -c %s "$big")
  # wc -c on a regular file only stats it (no read), so it is no baseline for a
  # program that reads the text; kept because the issue asks for it. wc -m in a
  # UTF-8 locale reads and decodes every character (in the C locale it too only
  # stats); cat reads every byte and writes it to /dev/null.
  wc_c_s=$(seconds wc -c "$big")
  wc_m_s=$(seconds env LC_ALL=C.UTF-8 wc -m "$big")
  cat_s=$(seconds cat "$big")
  ex_s=$(seconds "$guanxi" extract --json "$big")
  # Peak memory of the same run (GNU time's maximum resident set size, in KiB).
  ex_kib=$( { /usr/bin/time -f %M "$guanxi" extract --json "$big" >/dev/null; } 2>&1 | tail -1)
  awk -v n="$size" -v c="$wc_c_s" -v m="$wc_m_s" -v k="$cat_s" -v e="$ex_s" 'BEGIN {
    printf "file %d bytes; wc -c %.3f s (stat only); wc -m %.3f s = %.1f MB/s; cat %.3f s = %.1f MB/s\n",
           n, c, m, n / m / 1e6, k, n / k / 1e6
    printf "guanxi extract --json %.3f s = %.1f MB/s (%.1fx the time of wc -m, %.1fx cat, %.0fx wc -c)\n",
           e, n / e / 1e6, e / m, e / k, e / c }'
  echo "guanxi extract --json peak memory: $((ex_kib / 1024)) MB RSS"

  echo "== guanxi build over $pages, against cat of the same files"
  cat_s=$(seconds cat "$pages"/*.txt)
  build_s=$(seconds "$guanxi" build "$pages" --db "$work/bench.db")
  printf 'guanxi build %.3f s; cat %.3f s\n' "$build_s" "$cat_s"
  "$guanxi" stats --db "$work/bench.db" | head -1
}

# ---- archive ---------------------------------------------------------------
ARCHIVE_SIZES=${ARCHIVE_SIZES:-5 50 250}
ARCHIVE_SEED=${ARCHIVE_SEED:-1}
ARCHIVE_DIR=${ARCHIVE_DIR:-/tmp/guanxi-archive}
ARCHIVE_TIMEOUT=${ARCHIVE_TIMEOUT:-600}
ARCHIVE_RUNS=${ARCHIVE_RUNS:-5}
ARCHIVE_EXTRACT_MB=${ARCHIVE_EXTRACT_MB:-50}
python=/usr/bin/python3

# step CMD...: run CMD bounded by ARCHIVE_TIMEOUT; sets STEP_S (wall seconds, or
# "timed out"/"failed"), STEP_CPU (user + system seconds: less sensitive than
# wall time to other work on the machine), STEP_MB (peak RSS in MB; both from
# GNU time) and STEP_RC. Output goes to $work/out (or STEP_OUT) and $work/err.
step() {
  local start end
  start=$(date +%s.%N)
  STEP_RC=0
  /usr/bin/time -o "$work/rss" -f '%U %S %M' timeout -k 10 "$ARCHIVE_TIMEOUT" "$@" \
    >"${STEP_OUT:-$work/out}" 2>"$work/err" || STEP_RC=$?
  end=$(date +%s.%N)
  STEP_S=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }')
  STEP_MB=$(tail -1 "$work/rss" | awk '{ printf "%.0f", $3 / 1024 }')
  STEP_CPU=$(tail -1 "$work/rss" | awk '{ printf "%.2f", $1 + $2 }')
  if [ "$STEP_RC" -eq 124 ] || [ "$STEP_RC" -eq 137 ]; then
    STEP_S="timed out"
  elif [ "$STEP_RC" -ne 0 ]; then
    echo "  ($* exited $STEP_RC: $(tail -2 "$work/err" | tr '\n' ' '))"
    STEP_S="failed"
  fi
}

# True for a figure, false for a word ("timed out", "failed", "-").
is_num() { [[ $1 =~ ^[0-9.]+$ ]]; }
# "3.2 s" for a figure, the word itself otherwise.
secs() { if is_num "$1"; then echo "$1 s"; else echo "$1"; fi; }

# corpus DIR MB [--single-file]: generate unless DIR holds that corpus already.
corpus() {
  local dir=$1 mb=$2
  shift 2
  if [ -f "$dir/generated.json" ] && $python - "$dir/generated.json" "$mb" "$ARCHIVE_SEED" "$@" <<'EOF'
import json, sys
sys.dont_write_bytecode = True
sys.path.insert(0, "bench")
from generate_archive import FORMAT_VERSION
g = json.load(open(sys.argv[1]))
want = (FORMAT_VERSION, float(sys.argv[2]), int(sys.argv[3]), "--single-file" in sys.argv[4:])
sys.exit(0 if (g["format"], g["mb"], g["seed"], g["single_file"]) == want else 1)
EOF
  then
    echo "  reusing $dir"
  else
    rm -rf "$dir"
    echo "  generating $dir"
    $python bench/generate_archive.py --out "$dir" --mb "$mb" --seed "$ARCHIVE_SEED" "$@" >/dev/null
  fi
}

field() { $python -c 'import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$1" "$2"; }

# queries NAME CMD...: ARCHIVE_RUNS cold runs (a new process each; OS caches not
# dropped), the median wall time and the largest peak RSS; stops at a timeout.
query() {
  local name=$1 times=() mb=0 i
  shift
  for ((i = 0; i < ARCHIVE_RUNS; i++)); do
    step "$@"
    if ! is_num "$STEP_S"; then
      times=("$STEP_S")
      break
    fi
    times+=("$STEP_S")
    if ((STEP_MB > mb)); then mb=$STEP_MB; fi
  done
  if is_num "${times[0]}"; then
    Q_S=$(printf '%s\n' "${times[@]}" | sort -g | awk '{ a[NR] = $1 } END {
      printf "%.3f", NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }')
  else
    Q_S=${times[0]}
  fi
  Q_MB=$mb
  printf '  %-28s %s median of %d, peak %s MB\n' "$name" "$(secs "$Q_S")" "${#times[@]}" "$Q_MB"
}

# One size: corpus, build, re-ingest, queries, anchors; appends a summary row.
archive_size() {
  local mb=$1 dir="$ARCHIVE_DIR/seed$ARCHIVE_SEED-${1}mb" db="$work/archive-$1.db"
  local files bytes items relations="-" build_s="-" build_cpu="-" vs_cat="-" mbps="-" build_mb="-" again_s="-"
  local path_s="-" show_s="-" search_s="-" nb_s="-" qmb="-" export_s="-" nx="-" ig="-" a b hops
  echo "-- $mb MB"
  corpus "$dir" "$mb"
  bytes=$(field "$dir/generated.json" bytes)
  files=$(field "$dir/generated.json" pages)
  echo "  $files files, $(field "$dir/generated.json" items) items written, $bytes bytes"

  STEP_OUT=/dev/null step sh -c 'find "$1" -name "*.txt" -print0 | xargs -0 cat' sh "$dir"
  local cat_s=$STEP_S
  rm -f "$db"
  step "$guanxi" build "$dir" --db "$db"
  build_s=$STEP_S build_mb=$STEP_MB build_cpu=$STEP_CPU
  sed 's/^/  | /' "$work/out" | tail -4
  if is_num "$build_s"; then
    mbps=$(awk -v n="$bytes" -v t="$build_s" 'BEGIN { printf "%.2f", n / t / 1e6 }')
    vs_cat=$(awk -v t="$build_s" -v c="$cat_s" 'BEGIN { printf "%.0fx", t / c }')
  fi
  echo "  build: $(secs "$build_s") ($build_cpu s CPU), peak $build_mb MB, $mbps MB/s;" \
    "cat of the same files $(secs "$cat_s") (build = $vs_cat cat)"
  if is_num "$build_s" && [ -n "$FIRST_S" ]; then
    awk -v t="$build_s" -v t0="$FIRST_S" -v n="$bytes" -v n0="$FIRST_BYTES" -v m="$mb" -v m0="$FIRST_MB" 'BEGIN {
      printf "  linearity: %s MB took %.1fx the time of %s MB for %.1fx the bytes\n", m, t / t0, m0, n / n0 }'
  elif is_num "$build_s"; then
    FIRST_S=$build_s FIRST_BYTES=$bytes FIRST_MB=$mb
  fi
  if is_num "$build_s"; then
    local persons articles sources
    relations=$(sqlite3 "$db" 'SELECT COUNT(*) FROM relations WHERE rejected = 0')
    persons=$(sqlite3 "$db" "SELECT COUNT(*) FROM entities WHERE type = 'person' AND merged_into IS NULL")
    articles=$(sqlite3 "$db" 'SELECT COUNT(*) FROM articles')
    sources=$(sqlite3 "$db" 'SELECT COUNT(*) FROM sources')
    items=$articles
    echo "  stored: $articles articles ($((sources - articles)) reprints folded), $persons persons," \
      "$relations relations = $(awk -v r="$relations" -v n="$bytes" 'BEGIN { printf "%.0f", r / n * 1e6 }') per MB," \
      "$(du -m "$db" | cut -f1) MB database"

    step "$guanxi" build "$dir" --db "$db"
    again_s=$STEP_S
    echo "  re-ingest of the same folder: $(secs "$again_s") ($STEP_CPU s CPU; $(head -1 "$work/out"))"

    IFS=$'\t' read -r a b hops < <($python bench/pick_pair.py "$db" || true)
  fi
  if [ -n "${a:-}" ]; then
    echo "  queries between $a and $b ($hops hops apart, by bench/pick_pair.py):"
    query "path A B" "$guanxi" path "$a" "$b" --db "$db"
    path_s=$Q_S qmb=$Q_MB
    if is_num "$path_s"; then
      path_s="$path_s ($(head -1 "$work/out"))"  # the last run's answer: "6 hops"
    fi
    query "show A" "$guanxi" show "$a" --db "$db"
    show_s=$Q_S
    if ((Q_MB > qmb)); then qmb=$Q_MB; fi
    query "search A" "$guanxi" search "$a" --db "$db"
    search_s=$Q_S
    if ((Q_MB > qmb)); then qmb=$Q_MB; fi
    query "neighbors A --depth 2" "$guanxi" neighbors "$a" --depth 2 --db "$db"
    nb_s=$Q_S
    if ((Q_MB > qmb)); then qmb=$Q_MB; fi

    step "$guanxi" export --format graphml -o "$work/graph.graphml" --db "$db"
    export_s=$STEP_S
    echo "  export --format graphml: $(secs "$export_s"), peak $STEP_MB MB, $(du -m "$work/graph.graphml" 2>/dev/null | cut -f1) MB file"
    if is_num "$export_s"; then
      step $python bench/graph_anchors.py networkx "$work/graph.graphml" "$a" "$b" --runs "$ARCHIVE_RUNS"
      if is_num "$STEP_S"; then nx="$(cat "$work/out"), peak $STEP_MB MB"; else nx=$STEP_S; fi
      echo "  networkx: $nx"
      if $python -c 'import igraph' 2>/dev/null; then
        step $python bench/graph_anchors.py igraph "$work/graph.graphml" "$a" "$b" --runs "$ARCHIVE_RUNS"
        if is_num "$STEP_S"; then ig="$(cat "$work/out"), peak $STEP_MB MB"; else ig=$STEP_S; fi
      else
        ig="python3-igraph not installed: skipped"
      fi
      echo "  igraph: $ig"
    fi
    rm -f "$work/graph.graphml"
  elif is_num "$build_s"; then
    echo "  no two persons 4-6 hops apart: queries skipped"
  fi
  rm -f "$db"
  ROWS+=("| $mb | $files | ${items:--} | $relations | $build_s | $build_cpu | $vs_cat | $mbps | $build_mb | $again_s | $path_s | $show_s | $search_s | $nb_s | $qmb | $export_s | $(anchor_cell "$nx") | $(anchor_cell "$ig") |")
}

archive() {
  echo "== archive: generated corpora of ${ARCHIVE_SIZES// /, } MB (seed $ARCHIVE_SEED, $ARCHIVE_DIR)"
  echo "   $guanxi, checkout $(git describe --always --dirty 2>/dev/null || echo '?'), $(nproc) cores," \
    "load average $(cut -d' ' -f1-3 /proc/loadavg) at the start"
  echo "   each step bounded by ${ARCHIVE_TIMEOUT} s; a query is a new process each run (cold"\
    "process, OS caches not dropped)"
  mkdir -p "$ARCHIVE_DIR"
  ROWS=() FIRST_S="" FIRST_BYTES="" FIRST_MB=""
  local mb
  for mb in $ARCHIVE_SIZES; do
    archive_size "$mb"
  done

  local ex_row="not run" ex_name="extract --json"
  if [ "$ARCHIVE_EXTRACT_MB" != 0 ]; then
    echo "-- extract --json of one $ARCHIVE_EXTRACT_MB MB file, against baselines on the same file"
    local dir="$ARCHIVE_DIR/seed$ARCHIVE_SEED-single-${ARCHIVE_EXTRACT_MB}mb"
    corpus "$dir" "$ARCHIVE_EXTRACT_MB" --single-file
    local big="$dir/archive.txt" bytes
    bytes=$(stat -c %s "$big")
    STEP_OUT=/dev/null step env LC_ALL=C.UTF-8 wc -m "$big"
    local wc_s=$STEP_S
    STEP_OUT=/dev/null step cat "$big"
    local cat_s=$STEP_S
    STEP_OUT=/dev/null step "$guanxi" extract --json "$big"
    local ex_s=$STEP_S ex_mb=$STEP_MB ex_cpu=$STEP_CPU
    # cat to /dev/null may not copy the bytes at all (coreutils hands them to the
    # kernel); wc -m reads and decodes every character: it is the baseline.
    if is_num "$ex_s"; then
      ex_row=$(awk -v n="$bytes" -v e="$ex_s" -v w="$wc_s" -v c="$cat_s" -v m="$ex_mb" -v u="$ex_cpu" 'BEGIN {
        printf "%.3f s (%.2f s CPU) = %.2f MB/s, %.0fx wc -m (%.3f s; cat %.3f s); peak %s MB",
               e, u, n / e / 1e6, e / w, w, c, m }')
    else
      ex_row="$ex_s (peak $ex_mb MB)"
    fi
    echo "  $bytes bytes: guanxi extract --json $ex_row"
  fi

  echo "== archive summary (seconds; MB columns = peak RSS; load average $(cut -d' ' -f1-3 /proc/loadavg) at the end)"
  echo "| MB | files | articles | relations | build s | build CPU s | build ÷ cat | MB/s | build MB | re-ingest s | path s | show s | search s | neighbors -d2 s | query MB | export s | networkx load + path | igraph load + path |"
  echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
  printf '%s\n' "${ROWS[@]}"
  [ "$ARCHIVE_EXTRACT_MB" != 0 ] && ex_name="extract --json, $ARCHIVE_EXTRACT_MB MB file"
  echo "$ex_name: $ex_row"
}

# "load 3.2 s; path 1.5 ms (median of 5); ..." → "3.2 s + 1.5 ms"
anchor_cell() {
  [[ $1 == load* ]] || { echo "$1"; return; }
  echo "$1" | sed -E 's/^load ([0-9.]+ s); path ([0-9.]+ ms).*/\1 + \2/'
}

# ---- shapes ----------------------------------------------------------------
shapes() {
  echo "== pages of unusual shapes (bench/page_shapes.sh)"
  PAGE_MB=${PAGE_MB:-20} MEMORY_MB=${MEMORY_MB:-200} bench/page_shapes.sh "$build"
}

case "$sections" in
  quick) quick ;;
  archive) archive ;;
  shapes) shapes ;;
  all) quick; archive; shapes ;;
  *) echo "usage: bench/run.sh [BUILD_DIR] [quick|archive|shapes|all]" >&2; exit 1 ;;
esac

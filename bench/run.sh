#!/usr/bin/env bash
# Whole-process figures, each beside a baseline measured in the same run.
# Usage: bench/run.sh [BUILD_DIR] [quick|archive|shapes|postgres|all]
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
#   postgres build throughput on PostgreSQL beside SQLite: a server of its own
#            (Debian's initdb and pg_ctl, removed at the end), one generated
#            corpus built by 1 writer into SQLite, then 1, 2 and 4 concurrent
#            writers (whole, halves, quarters) into PostgreSQL; checks the counts.
#            PG_MB=5, PG_OVERLAP=1 (also 4 writers over overlapping halves),
#            ARCHIVE_SEED, ARCHIVE_DIR, ARCHIVE_TIMEOUT as for archive
#   all      all four
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build-release}
sections=${2:-quick}
guanxi="$build/guanxi"
pages=../shared/corpus/seeds
[ -d "$pages" ] || pages=samples
work=$(mktemp -d)
pg_dir=""    # the postgres mode's server (data directory, socket, log), when running
W_PIDS=()    # the postgres mode's writers (their `timeout`), while they run
cleanup() {
  # timeout passes the signal on to its command's process group.
  if [ "${#W_PIDS[@]}" -gt 0 ]; then kill "${W_PIDS[@]}" 2>/dev/null || true; fi
  if [ -n "$pg_dir" ]; then pg_stop; fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

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

# ---- postgres --------------------------------------------------------------
PG_MB=${PG_MB:-5}
PG_OVERLAP=${PG_OVERLAP:-1}
PG_BIN="" PG_PORT=""

# The newest /usr/lib/postgresql/*/bin holding initdb and pg_ctl, as the tests'
# harness picks it (tests/postgres/postgres_server.cc); empty when absent.
pg_bin() {
  local dir version best="" best_version=-1
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] || continue
    version=$(basename "$(dirname "$dir")")
    version=${version%%.*}
    if [[ $version =~ ^[0-9]+$ ]] && ((version > best_version)); then
      best=$dir best_version=$version
    fi
  done
  echo "$best"
}

# Runs "$@" as the server's user from the server's folder: as `postgres` under
# root (initdb refuses root), who may not read the current folder.
pg_as() {
  if [ "$(id -u)" -eq 0 ]; then
    (cd "$pg_dir" && runuser -u postgres -- "$@")
  else
    (cd "$pg_dir" && "$@")
  fi
}

# A port on 127.0.0.1 that nothing listens on now (the kernel's pick for port
# 0); another process could take it first, so pg_start tries three times.
free_port() {
  $python -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Starts a server of this run's own, as the tests' harness does: initdb in a new
# temporary folder, trust authentication, 127.0.0.1 on a free port, fsync off;
# sets PG_BIN, PG_PORT and pg_dir (cleanup stops it and removes the folder).
pg_start() {
  PG_BIN=$(pg_bin)
  if [ -z "$PG_BIN" ]; then
    echo "bench/run.sh: no PostgreSQL server in /usr/lib/postgresql/*/bin" \
      "(Debian package postgresql; ./run.sh deps installs it)" >&2
    return 1
  fi
  pg_dir=$(mktemp -d "${TMPDIR:-/tmp}/guanxi-bench-pg-XXXXXX")
  if [ "$(id -u)" -eq 0 ]; then chown postgres: "$pg_dir"; fi
  if ! pg_as "$PG_BIN/initdb" -D "$pg_dir/data" -A trust -U postgres -E UTF8 --locale=C \
    --no-sync >"$work/initdb.log" 2>&1; then
    echo "bench/run.sh: initdb failed: $(tail -3 "$work/initdb.log")" >&2
    return 1
  fi
  for _ in 1 2 3; do
    PG_PORT=$(free_port)
    if pg_as "$PG_BIN/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" \
      -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $pg_dir -c fsync=off" -w -t 60 start \
      >"$work/pg_ctl.log" 2>&1; then
      return 0
    fi
  done
  echo "bench/run.sh: pg_ctl start failed (3 ports tried): $(tail -3 "$pg_dir/server.log" 2>/dev/null)" >&2
  return 1
}

# Stops the server (if it runs) and removes its folder; called by cleanup.
pg_stop() {
  if [ -f "$pg_dir/data/postmaster.pid" ]; then
    pg_as "$PG_BIN/pg_ctl" -D "$pg_dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$pg_dir"
  pg_dir=""
}

# pg_new NAME: creates database NAME on the server and prints its URI.
pg_new() {
  "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres "$1" >&2
  echo "postgresql://postgres@127.0.0.1:$PG_PORT/$1"
}

# The server's CPU seconds so far (user + system): the postmaster and the
# backends it has reaped (one per connection, gone when a writer ends), not
# its background processes (checkpointer, WAL writer), which outlive the run.
pg_cpu() {
  awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15 + $16 + $17) / hz }' \
    "/proc/$(head -1 "$pg_dir/data/postmaster.pid")/stat"
}

# The first line of `guanxi stats` without the database's name:
# "N items, N entities (N aliases), N relations".
counts_of() {
  if "$guanxi" stats --db "$1" >"$work/stats" 2>"$work/err"; then
    head -1 "$work/stats" | sed -E 's/^.*: ([0-9]+ items,)/\1/'
  else
    echo "stats failed: $(tail -1 "$work/err")"
  fi
}

# writers DB LIST...: one `guanxi build` per LIST (a file of page paths or
# folders, one a line) into DB, all started at once, each bounded by
# ARCHIVE_TIMEOUT. Sets W_S (wall seconds from the first start to the last
# end, or "failed"/"timed out"), W_CPU (user + system of all the writers) and
# W_EACH (the shortest and longest of the writers' own wall times).
writers() {
  local db=$1 i=0 list rc start end paths
  shift
  rm -f "$work"/w*.time  # a writer killed by its timeout writes none
  start=$(date +%s.%N)
  for list in "$@"; do
    mapfile -t paths <"$list"
    timeout -k 10 "$ARCHIVE_TIMEOUT" /usr/bin/time -o "$work/w$i.time" -f '%e %U %S' \
      "$guanxi" build "${paths[@]}" --db "$db" >"$work/w$i.out" 2>"$work/w$i.err" &
    W_PIDS+=($!)
    i=$((i + 1))
  done
  W_S=""
  local pids=("${W_PIDS[@]}")
  for i in "${!pids[@]}"; do
    rc=0
    wait "${pids[$i]}" || rc=$?
    if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
      W_S="timed out"
    elif [ "$rc" -ne 0 ]; then
      echo "  (writer $((i + 1)) exited $rc: $(tail -2 "$work/w$i.err" | tr '\n' ' '))"
      W_S="failed"
    fi
  done
  end=$(date +%s.%N)
  W_PIDS=()
  [ -n "$W_S" ] || W_S=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }')
  W_CPU=$(for ((i = 0; i < ${#pids[@]}; i++)); do tail -1 "$work/w$i.time" 2>/dev/null || true; done |
    awk '{ s += $2 + $3 } END { printf "%.2f", s }')
  W_EACH=$(for ((i = 0; i < ${#pids[@]}; i++)); do tail -1 "$work/w$i.time" 2>/dev/null || true; done |
    sort -g | awk 'NR == 1 { a = $1 } { b = $1 } END { if (NR > 1) printf "%.2f-%.2f", a, b; else printf "%.2f", a }')
}

# pg_row WRITERS PAGES INTO DB LIST...: a build by `writers` into a new DB
# (a file, or a URI on this run's server), its figures as a row of PG_ROWS and
# its counts checked against the SQLite build's (the first row's).
pg_row() {
  local label=$1 pages=$2 into=$3 db=$4 cpu0="" server="-" size mbps="-" ratio="-" counts check
  shift 4
  if [ "$into" = PostgreSQL ]; then cpu0=$(pg_cpu); fi
  writers "$db" "$@"
  if [ -n "$cpu0" ]; then
    sleep 0.5  # the postmaster reaps the writers' backends
    server=$(awk -v a="$cpu0" -v b="$(pg_cpu)" 'BEGIN { printf "%.2f", b - a }')
    size=$("$PG_BIN/psql" -X -A -t -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "${db##*/}" \
      -c 'SELECT pg_database_size(current_database()) / 1000000')
  else
    size=$(du -m "$db" 2>/dev/null | cut -f1) || size="-"
  fi
  counts=$(counts_of "$db")
  if is_num "$W_S"; then
    mbps=$(awk -v n="$PG_BYTES" -v t="$W_S" 'BEGIN { printf "%.2f", n / t / 1e6 }')
    if [ -z "$PG_BASE_S" ]; then PG_BASE_S=$W_S PG_BASE_COUNTS=$counts; fi
    ratio=$(awk -v t="$W_S" -v t0="$PG_BASE_S" 'BEGIN { printf "%.2fx", t / t0 }')
  fi
  if [ "$counts" = "$PG_BASE_COUNTS" ]; then
    check="same"
  else
    check="DIFFERENT: $counts"
    PG_FAILED+=("$label writer(s), $pages, into $into: $counts, not the SQLite build's $PG_BASE_COUNTS")
  fi
  echo "  $label writer(s), $pages, into $into: $(secs "$W_S") ($W_CPU s CPU in guanxi, $(secs "$server") in the server;" \
    "each writer $W_EACH s), $mbps MB/s, ${ratio} the SQLite time; $counts"
  PG_ROWS+=("| $label | $pages | $into | $W_S | $mbps | $ratio | $W_CPU | $server | $W_EACH | $size | $check |")
}

postgres() {
  echo "== postgres: build throughput, 1, 2 and 4 writers into PostgreSQL beside 1 into SQLite"
  local dir="$ARCHIVE_DIR/seed$ARCHIVE_SEED-${PG_MB}mb" n i uri
  if [ ! -x "$guanxi" ]; then
    echo "bench/run.sh: $guanxi: not built" >&2
    return 1
  fi
  mkdir -p "$ARCHIVE_DIR"
  pg_start
  echo "   $guanxi, checkout $(git describe --always --dirty 2>/dev/null || echo '?'), $(nproc) cores," \
    "load average $(cut -d' ' -f1-3 /proc/loadavg) at the start"
  echo "   PostgreSQL $("$PG_BIN/postgres" --version | awk '{ print $3 }') ($PG_BIN) on" \
    "127.0.0.1:$PG_PORT, fsync=off, a new database per build; each writer bounded by ${ARCHIVE_TIMEOUT} s"
  corpus "$dir" "$PG_MB"
  PG_BYTES=$(field "$dir/generated.json" bytes)
  # The pages in the order a build of the folder reads them, split as the
  # tests split them (tests/cli/postgres_copy_test.cc): page i of n goes to
  # quarter i * 4 / n; halves are quarters 0-1 and 2-3.
  find "$dir" -name '*.txt' | LC_ALL=C sort >"$work/pages"
  n=$(wc -l <"$work/pages")
  echo "  $n files, $PG_BYTES bytes"
  echo "$dir" >"$work/whole"
  for i in 0 1 2 3; do
    awk -v n="$n" -v q="$i" 'int((NR - 1) * 4 / n) == q' "$work/pages" >"$work/q$i"
  done
  cat "$work/q0" "$work/q1" >"$work/h0"
  cat "$work/q2" "$work/q3" >"$work/h1"
  for i in 0 1 2 3; do cat "$work/q$i" "$work/q$(((i + 1) % 4))" >"$work/o$i"; done
  STEP_OUT=/dev/null step sh -c 'xargs cat <"$1"' sh "$work/pages"  # also warms the page cache
  echo "  cat of the files: $(secs "$STEP_S")"

  PG_ROWS=() PG_FAILED=() PG_BASE_S="" PG_BASE_COUNTS=""
  pg_row 1 "all" SQLite "$work/postgres-base.db" "$work/whole"
  if ! is_num "$PG_BASE_S"; then
    echo "bench/run.sh: postgres: the SQLite baseline $PG_BASE_S: nothing to compare with" >&2
    return 1
  fi
  uri=$(pg_new one)
  pg_row 1 "all" PostgreSQL "$uri" "$work/whole"
  uri=$(pg_new halves)
  pg_row 2 "halves" PostgreSQL "$uri" "$work/h0" "$work/h1"
  uri=$(pg_new quarters)
  pg_row 4 "quarters" PostgreSQL "$uri" "$work/q0" "$work/q1" "$work/q2" "$work/q3"
  if [ "$PG_OVERLAP" != 0 ]; then
    uri=$(pg_new overlapping)
    pg_row 4 "overlapping halves" PostgreSQL "$uri" "$work/o0" "$work/o1" "$work/o2" "$work/o3"
  fi

  echo "== postgres summary ($PG_MB MB, $n files; load average $(cut -d' ' -f1-3 /proc/loadavg) at the end)"
  echo "| writers | pages each | into | wall s | MB/s | time ÷ SQLite | guanxi CPU s | server CPU s | each writer s | database MB | counts |"
  echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
  printf '%s\n' "${PG_ROWS[@]}"
  echo "counts of the SQLite build: $PG_BASE_COUNTS"
  if [ "${#PG_FAILED[@]}" -gt 0 ]; then
    printf 'bench/run.sh: postgres: FAILED: %s\n' "${PG_FAILED[@]}" >&2
    return 1
  fi
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
  postgres) postgres ;;
  all)
    quick
    archive
    shapes
    if [ -n "$(pg_bin)" ]; then
      postgres
    else
      echo "== postgres: skipped, no PostgreSQL server in /usr/lib/postgresql/*/bin (Debian package postgresql)"
    fi
    ;;
  *) echo "usage: bench/run.sh [BUILD_DIR] [quick|archive|shapes|postgres|all]" >&2; exit 1 ;;
esac

#!/usr/bin/env bash
# guanxi's jobs, from a fresh Debian 12 machine to results. Each job installs
# the Debian packages it needs first (apt-get; as root, or through sudo).
#
#   ./run.sh demo    build, ingest samples/ into guanxi.db, print the summary,
#                    draw one person's neighbourhood (guanxi-demo.svg) and a
#                    shortest connection path between two sample people
#   ./run.sh test    build and run the whole test suite (ctest over GoogleTest),
#                    then fuzz the extractor for $FUZZ_SECONDS (default 60)
#   ./run.sh sanitize  build the suite with AddressSanitizer and UBSan (into
#                    build-sanitize/) and run it: any report fails it
#   ./run.sh fuzz [SECONDS]  build the libFuzzer targets with clang (into
#                    build-fuzz/) and fuzz the extractor for SECONDS (default
#                    60) from samples/, tests/golden/ and ../shared's seeds;
#                    inputs that crash, leak or hang land in build-fuzz/findings/
#   ./run.sh bench   build in Release and run the benchmarks in bench/
#   ./run.sh deps    only install the packages
#   ./run.sh build   only configure and build (into build/)
set -euo pipefail
cd "$(dirname "$0")"

PACKAGES=(
  build-essential cmake pkg-config
  libboost-graph-dev libicu-dev libsqlite3-dev libgraphviz-dev libxxhash-dev
  libcli11-dev nlohmann-json3-dev libfmt-dev libxml2-dev libcpp-httplib-dev libjemalloc-dev
  clang-14 libclang-rt-14-dev
  googletest libgtest-dev libgmock-dev libbenchmark-dev
  fonts-noto-cjk python3 python3-networkx python3-igraph time
  chromium chromium-driver python3-selenium
  postgresql libpq-dev
)
BUILD_DIR=${BUILD_DIR:-build}

deps() {
  local missing=() package
  for package in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' ||
      missing+=("$package")
  done
  ((${#missing[@]} == 0)) && return 0
  echo "run.sh: installing ${missing[*]}" >&2
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
}

build() {
  cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-RelWithDebInfo}" >/dev/null
  cmake --build "$BUILD_DIR" -j"$(nproc)"
}

demo() {
  deps
  build
  local guanxi="$BUILD_DIR/guanxi"
  echo; echo '$ guanxi build samples/'
  "$guanxi" build samples/ --db guanxi.db
  echo; echo '$ guanxi stats'
  "$guanxi" stats --db guanxi.db
  echo; echo "\$ guanxi render --around $DEMO_PERSON --depth 2 -o guanxi-demo.svg"
  "$guanxi" render --around "$DEMO_PERSON" --depth 2 --format svg -o guanxi-demo.svg --db guanxi.db
  echo; echo "\$ guanxi path $DEMO_FROM $DEMO_TO"
  "$guanxi" path "$DEMO_FROM" "$DEMO_TO" --db guanxi.db
}

run_tests() {
  deps
  build
  ctest --test-dir "$BUILD_DIR" --output-on-failure -j"$(nproc)"
  fuzz "${FUZZ_SECONDS:-60}"
}

# Every ASan or UBSan report fails the test that triggers it; leaks are reported
# at exit (LeakSanitizer).
sanitize() {
  export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1}
  export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$PWD/tests/sanitize/lsan.supp:print_suppressions=0}
  export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
  deps
  cmake -S . -B build-sanitize -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGUANXI_SANITIZE=ON \
    -DGUANXI_BUILD_BENCH=OFF >/dev/null
  cmake --build build-sanitize -j"$(nproc)"
  ctest --test-dir build-sanitize --output-on-failure -j"$(nproc)"
}

# fuzz SECONDS: the libFuzzer targets of tests/fuzz/, built with clang, ASan and
# UBSan, fuzz_extract for two thirds of SECONDS and fuzz_page_splitter for the
# rest, one process each, from a corpus copied into a temporary directory (the
# inputs they add are thrown away with it). Pages up to 32 KB (the seeds are
# under 10 KB); an input that takes over 20 s is a hang. Fails on the first
# crash, sanitizer report, leak or hang, whose input is kept in
# build-fuzz/findings/ (replay: build-fuzz/tests/fuzz/fuzz_extract FILE).
fuzz() {
  local seconds=${1:-60}
  [[ $seconds =~ ^[0-9]+$ ]] || { echo "run.sh: fuzz SECONDS: not a number: $seconds" >&2; exit 2; }
  deps
  cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER="${CLANGXX:-clang++-14}" \
    -DGUANXI_FUZZ=ON -DGUANXI_BUILD_TESTS=OFF -DGUANXI_BUILD_BENCH=OFF >/dev/null
  cmake --build build-fuzz -j"$(nproc)" --target fuzz_extract fuzz_page_splitter
  local corpus case
  corpus=$(mktemp -d)
  trap "rm -rf '$corpus'" EXIT
  cp samples/*.txt "$corpus"/
  for case in tests/golden/*/; do cp "$case/input.txt" "$corpus/golden_$(basename "$case").txt"; done
  if compgen -G '../shared/corpus/seeds/*.txt' >/dev/null; then
    cp ../shared/corpus/seeds/*.txt "$corpus"/
  fi
  mkdir -p build-fuzz/findings
  local target budget status
  for target in fuzz_extract fuzz_page_splitter; do
    budget=$((seconds * 2 / 3))
    [ "$target" = fuzz_extract ] || budget=$((seconds - budget))
    ((budget > 0)) || continue
    echo "run.sh: $target for ${budget}s on $(find "$corpus" -type f | wc -l) inputs" >&2
    status=0
    UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1} "build-fuzz/tests/fuzz/$target" "$corpus" -max_total_time="$budget" -max_len=32768 \
      -timeout=20 -rss_limit_mb=2048 -dict=tests/fuzz/extract.dict \
      -artifact_prefix=build-fuzz/findings/ -print_final_stats=1 2>build-fuzz/$target.log ||
      status=$?
    grep -E '^(Done|stat::number_of_executed_units|stat::peak_rss_mb)|^#[0-9]+ +DONE' \
      "build-fuzz/$target.log" >&2 || true
    if ((status != 0)); then
      tail -n 60 "build-fuzz/$target.log" >&2
      echo "run.sh: $target failed (exit $status); log build-fuzz/$target.log," \
        "input in build-fuzz/findings/" >&2
      exit 1
    fi
  done
}

bench() {
  deps
  BUILD_DIR=build-release BUILD_TYPE=Release build
  bench/run.sh build-release
}

# The people the demo draws and connects (see samples/README.md).
DEMO_PERSON=${DEMO_PERSON:-柏嘉禾}
DEMO_FROM=${DEMO_FROM:-阿米尔·哈桑}
DEMO_TO=${DEMO_TO:-庞可欣}

case "${1:-}" in
  demo) demo ;;
  test) run_tests ;;
  sanitize) sanitize ;;
  fuzz) fuzz "${2:-60}" ;;
  bench) bench ;;
  deps) deps ;;
  build) deps; build ;;
  *) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac

#!/usr/bin/env bash
# guanxi's jobs, from a fresh Debian 12 machine to results. Each job installs
# the Debian packages it needs first (apt-get; as root, or through sudo).
#
#   ./run.sh demo    build, ingest samples/ into guanxi.db, print the summary,
#                    draw one person's neighbourhood (guanxi-demo.svg) and a
#                    shortest connection path between two sample people
#   ./run.sh test    build and run the whole test suite (ctest over GoogleTest)
#   ./run.sh bench   build in Release and run the benchmarks in bench/
#   ./run.sh deps    only install the packages
#   ./run.sh build   only configure and build (into build/)
set -euo pipefail
cd "$(dirname "$0")"

PACKAGES=(
  build-essential cmake pkg-config
  libboost-graph-dev libicu-dev libsqlite3-dev libgraphviz-dev libxxhash-dev
  libcli11-dev nlohmann-json3-dev libfmt-dev libxml2-dev
  googletest libgtest-dev libgmock-dev libbenchmark-dev
  fonts-noto-cjk python3 python3-networkx python3-igraph time
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
  bench) bench ;;
  deps) deps ;;
  build) deps; build ;;
  *) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac

#!/usr/bin/env bash
# Opening cost of `torchscope-cli info` against a bare C++ program that only calls torch::jit::load,
# on a ~100 MB archive, measured in the same run. Target: time <= 1.15x, peak memory <= 1.2x.
# Usage: bench/open.sh [BUILD_DIR] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
runs=${2:-7}
work="$build/bench"
mkdir -p "$work"
cmake --build "$build" --target bench_bare_load torchscope-cli >/dev/null
archive="$work/big100.pt"
[ -f "$archive" ] || /usr/bin/python3 bench/make_big_model.py "$archive" 100
size=$(stat -c %s "$archive")

measure() { # prints "seconds kilobytes"
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" >/dev/null
  cat "$work/time.txt"
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

# Warm the page cache once for both, then alternate so drift hits both equally.
measure "$build/bench/bench_bare_load" "$archive" >/dev/null
: >"$work/bare.txt"; : >"$work/cli.txt"
for _ in $(seq "$runs"); do
  measure "$build/bench/bench_bare_load" "$archive" >>"$work/bare.txt"
  measure "$build/app/torchscope-cli" info "$archive" >>"$work/cli.txt"
done
bare_t=$(cut -d' ' -f1 "$work/bare.txt" | median); cli_t=$(cut -d' ' -f1 "$work/cli.txt" | median)
bare_m=$(cut -d' ' -f2 "$work/bare.txt" | median); cli_m=$(cut -d' ' -f2 "$work/cli.txt" | median)
awk -v s="$size" -v bt="$bare_t" -v ct="$cli_t" -v bm="$bare_m" -v cm="$cli_m" -v n="$runs" 'BEGIN {
  printf "archive: %.1f MB, %d runs each, medians\n", s / 1e6, n
  printf "torch::jit::load only:     %.3f s  %7.1f MB peak\n", bt, bm / 1024
  printf "torchscope-cli info:       %.3f s  %7.1f MB peak\n", ct, cm / 1024
  printf "time ratio   %.3fx (target <= 1.15x) %s\n", ct / bt, (ct / bt <= 1.15 ? "OK" : "OVER")
  printf "memory ratio %.3fx (target <= 1.20x) %s\n", cm / bm, (cm / bm <= 1.20 ? "OK" : "OVER")
}'

#!/usr/bin/env bash
# Time from launching `torchscope --screenshot` on a ResNet-50-sized archive to the saved picture, against
# a process that only calls torch::jit::load on the same file, measured in the same run.
# Target: at most 1.5x. Runs under QT_QPA_PLATFORM=offscreen (no display needed).
# Usage: bench/screenshot.sh [BUILD_DIR] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
runs=${2:-5}
work="$build/bench"
mkdir -p "$work"
cmake --build "$build" --target bench_bare_load torchscope torchscope-worker >/dev/null
archive="$work/resnet50_scripted.pt"
[ -f "$archive" ] || /usr/bin/python3 bench/make_resnet50.py "$archive"

export QT_QPA_PLATFORM=offscreen HOME="$work/home" XDG_RUNTIME_DIR="$work/runtime"
mkdir -p "$HOME" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
seconds() { local start end; start=$(date +%s.%N); "$@" >/dev/null 2>&1; end=$(date +%s.%N); echo "$end - $start" | bc -l; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

seconds "$build/bench/bench_bare_load" "$archive" >/dev/null # warm the page cache
: >"$work/bare_s.txt"; : >"$work/shot_s.txt"
for _ in $(seq "$runs"); do
  seconds "$build/bench/bench_bare_load" "$archive" >>"$work/bare_s.txt"
  rm -f "$work/shot.png"
  seconds "$build/app/torchscope" --screenshot "$work/shot.png" "$archive" >>"$work/shot_s.txt"
  [ -s "$work/shot.png" ] || { echo "screenshot was not written" >&2; exit 1; }
done
bare=$(median <"$work/bare_s.txt"); shot=$(median <"$work/shot_s.txt")
awk -v b="$bare" -v s="$shot" -v n="$runs" -v f="$(stat -c %s "$archive")" 'BEGIN {
  printf "archive: %.1f MB (ResNet-50, scripted), %d runs each, medians\n", f / 1e6, n
  printf "torch::jit::load process:        %.3f s\n", b
  printf "torchscope --screenshot to PNG:  %.3f s\n", s
  printf "ratio %.3fx (target <= 1.5x) %s\n", s / b, (s / b <= 1.5 ? "OK" : "OVER")
}'

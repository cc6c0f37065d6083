#!/usr/bin/env bash
# Per-run forward latency of `torchscope-cli run --repeat N --warmup W` against a bare C++ loop calling
# forward on the same module and inputs (bench_bare_forward: torch::jit::load, eval, InferenceMode),
# measured in the same run: a scripted ResNet-50 on a 1x3x224x224 float, CPU. Each round runs both
# processes, alternating, and each reports mean and median over its N timed runs; the figures below are
# the medians over the rounds. Target: TorchScope's median per-run time <= 1.05x the bare loop's.
# Usage: bench/run.sh [BUILD_DIR] [ROUNDS] [REPEAT] [WARMUP]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
rounds=${2:-5}
repeat=${3:-20}
warmup=${4:-3}
work="$build/bench"
mkdir -p "$work"
cmake --build "$build" --target bench_bare_forward torchscope-cli >/dev/null
archive="$work/resnet50_scripted.pt"
[ -f "$archive" ] || /usr/bin/python3 bench/make_resnet50.py "$archive"
inputs="$work/run_inputs.pt"
[ -f "$inputs" ] || /usr/bin/python3 -c '
import sys, torch
torch.manual_seed(0)
torch.save((torch.randn(1, 3, 224, 224),), sys.argv[1])' "$inputs"

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
: >"$work/run_bare.txt"; : >"$work/run_cli.txt"
for _ in $(seq "$rounds"); do
  # "mean MS median MS"
  "$build/bench/bench_bare_forward" "$archive" "$inputs" "$repeat" "$warmup" | awk '{print $2, $4}' >>"$work/run_bare.txt"
  # "Timing: 20 timed runs after 3 warm-up: mean X ms, median Y ms, p95 ..."
  "$build/app/torchscope-cli" run "$archive" --inputs "$inputs" --repeat "$repeat" --warmup "$warmup" \
    | sed -n 's/^Timing:.* mean \([0-9.e+-]*\) ms, median \([0-9.e+-]*\) ms.*/\1 \2/p' >>"$work/run_cli.txt"
done
[ "$(wc -l <"$work/run_cli.txt")" -eq "$rounds" ] || { echo "no timing line from torchscope-cli run" >&2; exit 1; }
bare_mean=$(cut -d' ' -f1 "$work/run_bare.txt" | median); bare_med=$(cut -d' ' -f2 "$work/run_bare.txt" | median)
cli_mean=$(cut -d' ' -f1 "$work/run_cli.txt" | median); cli_med=$(cut -d' ' -f2 "$work/run_cli.txt" | median)
awk -v bm="$bare_mean" -v bd="$bare_med" -v cm="$cli_mean" -v cd="$cli_med" -v r="$rounds" -v n="$repeat" \
  -v w="$warmup" -v load="$(cut -d' ' -f1-3 /proc/loadavg)" 'BEGIN {
  printf "ResNet-50 scripted, 1x3x224x224 float, CPU; %d rounds of %d timed runs after %d warm-up (load %s)\n", r, n, w, load
  printf "bare forward loop:          mean %8.2f ms  median %8.2f ms per run\n", bm, bd
  printf "torchscope-cli run:         mean %8.2f ms  median %8.2f ms per run\n", cm, cd
  printf "median ratio %.3fx (target <= 1.05x) %s; mean ratio %.3fx\n", cd / bd, (cd / bd <= 1.05 ? "OK" : "OVER"), cm / bm
}'

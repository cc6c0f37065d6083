#!/usr/bin/env bash
# `torchscope-cli run --inputs` against Python's torch.jit on the corpus of make_corpus.py, then
# `compare` on the exports of the same model (same seed, same weights).
#
# Usage: tests/corpus/check_run.sh DIR [CLI]
#   DIR  the make_corpus.py output dir (DIR/<stem>.pt, DIR/expected/<stem>/load_library.txt)
#   CLI  torchscope-cli (default: build/app/torchscope-cli of this checkout)
#
# Per model, check_run.py makes inputs of the right shapes and types for its forward, saves them as a
# tuple with torch.save and runs the archive in Python (eval, inference mode); then
# `torchscope-cli run ARCHIVE --inputs in.pt --save-outputs out.pt`, and check_run.py compares
# torch.load(out.pt) with Python's output recursively (torch.allclose, atol = rtol = 1e-5).
# One PASS/FAIL line per model, then the compare pairs, then "N passed, M failed".
# Exit status 0 iff nothing failed. Env: CHECK_TIMEOUT (seconds per CLI call, default 600).
set -u

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
  echo "usage: $0 DIR [CLI]" >&2
  exit 2
fi
dir=$(cd "$1" && pwd) || exit 2
here=$(cd "$(dirname "$0")" && pwd)
cli=${2:-$here/../../build/app/torchscope-cli}
timeout_s=${CHECK_TIMEOUT:-600}
py=/usr/bin/python3
helper=$here/check_run.py
[ -x "$cli" ] || { echo "no CLI at $cli" >&2; exit 2; }
tmp=$(mktemp -d /tmp/check_run.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
cp "$cli" "$tmp/torchscope-cli" # a rebuild mid-run cannot mix versions
echo "CLI: $cli ($(stat -c '%y' "$cli" | cut -d. -f1), sha256 $(sha256sum "$cli" | cut -c1-12))"
cli=$tmp/torchscope-cli

pass=0
fail=0
libs_of() { # stem -> --load-library args, one a line
  local f=$dir/expected/$1/load_library.txt
  [ -f "$f" ] && printf '%s\n' --load-library "$(head -n1 "$f")"
}

printf '%-38s %-6s %7s  %s\n' model result "run s" "output / first mismatch"
for stem in $("$py" "$helper" stems); do
  a=$dir/$stem.pt
  [ -f "$a" ] || { echo "skip $stem: no $a"; continue; }
  w=$tmp/$stem
  mkdir -p "$w"
  mapfile -t lib < <(libs_of "$stem")
  if ! shape=$("$py" "$helper" prepare "$stem" "$a" "$w" "${lib[1]:-}" 2>"$w/pyerr"); then
    fail=$((fail + 1))
    printf '%-38s %-6s %7s  %s\n' "$stem" FAIL - "python: $(tail -n1 "$w/pyerr" | cut -c1-200)"
    continue
  fi
  [ -f "$w/model.pt" ] && a=$w/model.pt # adjusted by check_run.py (Faster R-CNN's score threshold)
  t0=$(date +%s.%N)
  timeout "$timeout_s" "$cli" "${lib[@]}" run "$a" --inputs "$w/in.pt" --save-outputs "$w/out.pt" \
    >"$w/stdout" 2>"$w/stderr"
  rc=$?
  t=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }')
  if [ "$rc" -ne 0 ]; then
    fail=$((fail + 1))
    printf '%-38s %-6s %7s  %s\n' "$stem" FAIL "$t" "run exit $rc: $(head -n1 "$w/stderr" | cut -c1-200)"
    continue
  fi
  if verdict=$("$py" "$helper" compare "$w/expected.pt" "$w/out.pt" 2>&1); then
    pass=$((pass + 1))
    printf '%-38s %-6s %7s  %s\n' "$stem" PASS "$t" "$shape"
  else
    fail=$((fail + 1))
    printf '%-38s %-6s %7s  %s\n' "$stem" FAIL "$t" "$(tail -n1 <<<"$verdict" | cut -c1-200)"
  fi
done

# Exports of the same model with the same weights (make_corpus.py seeds each build with 0). A ResNet has
# no data-dependent control flow, so trace and script agree to the default (assert_close) tolerance.
# Freezing folds each BatchNorm into its conv's weights: those agree only up to float rounding (about
# 2e-5 absolute on the scaled trials), so they get 1e-4.
echo "== compare --trials 5 (expected exit 0: these exports truly agree)"
while read -r x y spec tol; do
  [ -f "$dir/$x.pt" ] && [ -f "$dir/$y.pt" ] || { echo "skip $x vs $y: missing"; continue; }
  opts=(--trials 5 --input "$spec")
  [ "$tol" = default ] || opts+=(--atol "$tol" --rtol "$tol")
  timeout "$timeout_s" "$cli" compare "$dir/$x.pt" "$dir/$y.pt" "${opts[@]}" >"$tmp/cmp.out" 2>"$tmp/cmp.err"
  rc=$?
  if [ "$rc" -eq 0 ]; then
    pass=$((pass + 1))
    res=PASS
  else
    fail=$((fail + 1))
    res=FAIL
  fi
  line=$(grep -m1 "^Summary" "$tmp/cmp.out" | cut -c1-100)
  [ "$rc" -eq 2 ] && line=$(head -n1 "$tmp/cmp.err" | cut -c1-200)
  printf '%-4s compare %s %s (tolerance %s): exit %d  %s\n' "$res" "$x" "$y" "$tol" "$rc" "$line"
done <<'EOF'
resnet18_traced resnet18_scripted randn:1x3x224x224 default
resnet18_traced resnet18_frozen randn:1x3x224x224 1e-4
resnet18_scripted resnet18_frozen randn:1x3x224x224 1e-4
transformer_encoder_scripted frozen_optimized randn:2x10x64 default
EOF

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]

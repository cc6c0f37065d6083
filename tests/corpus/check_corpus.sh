#!/usr/bin/env bash
# Compare torchscope-cli against Python's torch.jit on the real-world corpus
# written by tests/corpus/make_corpus.py.
#
# Usage: tests/corpus/check_corpus.sh DIR [CLI]
#   DIR  the make_corpus.py output dir (DIR/<stem>.pt, DIR/expected/<stem>/)
#   CLI  torchscope-cli (default: build/app/torchscope-cli of this checkout)
#
# Per archive: tree (print.txt), modules (modules.tsv via `tree --json`), and
# for every module dir in expected/<stem>/: `code --class` (class.code.txt)
# and per method `code`, `graph`, `graph --no-source`, `graph --inlined`.
# Archives with expected/<stem>/load_library.txt get `--load-library` with
# the path it holds. Then bad-file checks and `info` timings.
# Prints one FAIL line per mismatch (with a diff excerpt) and, last,
# "N passed, M failed". Exit status 0 iff nothing failed.
# Env: CHECK_TIMEOUT (seconds per CLI call, default 300).
set -u

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
  echo "usage: $0 DIR [CLI]" >&2
  exit 2
fi
dir=$(cd "$1" && pwd) || exit 2
here=$(cd "$(dirname "$0")" && pwd)
cli=${2:-$here/../../build/app/torchscope-cli}
timeout_s=${CHECK_TIMEOUT:-300}
py=/usr/bin/python3
[ -x "$py" ] || py=python3

# The build dir belongs to someone else: wait for the binary if it is being
# rebuilt, then run a private copy so a rebuild mid-run cannot mix versions.
for _ in $(seq 10); do
  [ -x "$cli" ] && break
  echo "waiting for $cli ..." >&2
  sleep 60
done
[ -x "$cli" ] || { echo "no CLI at $cli" >&2; exit 2; }
tmp=$(mktemp -d /tmp/check_corpus.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
cp "$cli" "$tmp/torchscope-cli"
echo "CLI: $cli ($(stat -c '%y' "$cli" | cut -d. -f1), sha256 $(sha256sum "$cli" | cut -c1-12))"
cli=$tmp/torchscope-cli

pass=0
fail=0
out=$tmp/out
err=$tmp/err

# run_cli ARGS...: runs the CLI with a timeout; sets rc
run_cli() {
  timeout "$timeout_s" "$cli" "$@" >"$out" 2>"$err"
  rc=$?
}

describe_rc() { # rc -> words
  case $1 in
    124) echo "TIMEOUT (hang?) after ${timeout_s}s" ;;
    1[3-9][0-9] | 2[0-9][0-9]) echo "CRASH (signal $(($1 - 128)))" ;;
    *) echo "exit $1" ;;
  esac
}

# first_diff EXPECTED OURS: "line N: ours: ... | python: ..."
first_diff() {
  local c ln
  c=$(cmp -- "$1" "$2" 2>&1 | head -n1)
  if [[ $c == *"EOF on"* ]]; then
    if [[ $c == *"$2"* ]]; then
      echo "ours is a prefix of Python's ($(wc -l <"$2") vs $(wc -l <"$1") lines)"
    else
      echo "ours has extra output after Python's $(wc -l <"$1") lines"
    fi
    return
  fi
  ln=$(sed -n 's/.* line \([0-9]*\).*/\1/p' <<<"$c")
  [ -n "$ln" ] || { echo "$c"; return; }
  printf 'line %s: ours: %s | python: %s' "$ln" \
    "$(sed -n "${ln}p" "$2" | cut -c1-160)" "$(sed -n "${ln}p" "$1" | cut -c1-160)"
}

# check LABEL EXPECTED_FILE ARGS...: run the CLI, compare stdout to the file
check() {
  local label=$1 exp=$2
  shift 2
  run_cli "$@"
  if [ "$rc" -ne 0 ]; then
    fail=$((fail + 1))
    echo "FAIL $label: $(describe_rc "$rc"): $(head -n1 "$err" | cut -c1-300)"
    return
  fi
  if cmp -s -- "$exp" "$out"; then
    pass=$((pass + 1))
    return
  fi
  fail=$((fail + 1))
  echo "FAIL $label: differs, $(first_diff "$exp" "$out")"
  diff -u --label python --label ours -- "$exp" "$out" | head -n 14 | sed 's/^/    /'
}

mapfile -t stems < <(cd "$dir/expected" && for s in *; do
  [ -f "$s/print.txt" ] && [ -f "$dir/$s.pt" ] && echo "$s"; done)
[ ${#stems[@]} -gt 0 ] || { echo "no archives with expected text in $dir" >&2; exit 2; }

for stem in "${stems[@]}"; do
  a=$dir/$stem.pt
  e=$dir/expected/$stem
  lib=()
  if [ -f "$e/load_library.txt" ]; then
    lib=(--load-library "$(head -n1 "$e/load_library.txt")")
  fi
  before=$fail
  n0=$((pass + fail))

  check "$stem: tree" "$e/print.txt" "${lib[@]}" tree "$a"

  # modules.tsv: path, original_name, qualified type, methods
  run_cli "${lib[@]}" tree "$a" --json
  if [ "$rc" -ne 0 ]; then
    fail=$((fail + 1))
    echo "FAIL $stem: tree --json: $(describe_rc "$rc"): $(head -n1 "$err" | cut -c1-300)"
  else
    "$py" -c '
import json, sys
for m in json.load(open(sys.argv[1])):
    print("\t".join([m["path"], m["original_name"], m["qualified_type"],
                     ",".join(x["name"] for x in m["methods"])]))
' "$out" >"$tmp/modules.tsv" 2>"$tmp/pyerr"
    if cmp -s -- "$e/modules.tsv" "$tmp/modules.tsv"; then
      pass=$((pass + 1))
    else
      fail=$((fail + 1))
      echo "FAIL $stem: modules (tree --json vs modules.tsv): differs, $(first_diff "$e/modules.tsv" "$tmp/modules.tsv")"
      diff -u --label python --label ours -- "$e/modules.tsv" "$tmp/modules.tsv" | head -n 14 | sed 's/^/    /'
    fi
  fi

  for md in "$e"/*/; do
    md=${md%/}
    mname=${md##*/}
    if [ "$mname" = _root ]; then
      mod=()
      where="<root>"
    else
      mod=(--module "$mname")
      where=$mname
    fi
    if [ -f "$md/class.code.txt" ]; then
      check "$stem: code --class [$where]" "$md/class.code.txt" \
        "${lib[@]}" code "$a" "${mod[@]}" --class
    fi
    for cf in "$md"/*.code.txt; do
      [ -e "$cf" ] || continue
      meth=${cf##*/}
      meth=${meth%.code.txt}
      [ "$meth" = class ] && continue
      check "$stem: code [$where].$meth" "$cf" \
        "${lib[@]}" code "$a" "${mod[@]}" --method "$meth"
      check "$stem: graph [$where].$meth" "$md/$meth.graph.txt" \
        "${lib[@]}" graph "$a" "${mod[@]}" --method "$meth"
      check "$stem: graph --no-source [$where].$meth" "$md/$meth.graph-nosrc.txt" \
        "${lib[@]}" graph "$a" "${mod[@]}" --method "$meth" --no-source
      check "$stem: graph --inlined [$where].$meth" "$md/$meth.inlined.txt" \
        "${lib[@]}" graph "$a" "${mod[@]}" --method "$meth" --inlined
    done
  done
  echo "-- $stem: $((pass + fail - n0)) checks, $((fail - before)) failed"
done

# ---------------------------------------------------------------- bad files
# expect_error LABEL NEEDLE ARGS...: exit 2, one stderr line containing NEEDLE
expect_error() {
  local label=$1 needle=$2
  shift 2
  run_cli "$@"
  local lines
  lines=$(wc -l <"$err")
  if [ "$rc" -eq 2 ] && [ "$lines" -eq 1 ] && grep -qF -- "$needle" "$err"; then
    pass=$((pass + 1))
    echo "ok   $label: $(cut -c1-200 "$err")"
  else
    fail=$((fail + 1))
    echo "FAIL $label: $(describe_rc "$rc"), $lines stderr line(s), want exit 2 naming '$needle': $(head -n1 "$err" | cut -c1-300)"
  fi
}

echo "== bad files"
for stem in "${stems[@]}"; do
  [ -f "$dir/expected/$stem/load_library.txt" ] || continue
  for c in info tree; do
    expect_error "$stem without --load-library: $c" "torchvision::nms" \
      "$c" "$dir/$stem.pt"
  done
done
src=$dir/resnet18_traced.pt
[ -f "$src" ] || src=$dir/${stems[0]}.pt
trunc=$tmp/$(basename "$src" .pt)_truncated.pt
head -c $(($(stat -c %s "$src") / 2)) "$src" >"$trunc"
for c in info tree; do
  expect_error "truncated $(basename "$src") (half): $c" "$trunc" "$c" "$trunc"
done
head -c 1000 "$src" >"$trunc"
expect_error "truncated $(basename "$src") (1000 bytes): info" "$trunc" info "$trunc"

# ---------------------------------------------------------------- info timing
echo "== info timing (wall seconds, one run each, page cache warm)"
for stem in "${stems[@]}"; do
  a=$dir/$stem.pt
  e=$dir/expected/$stem
  lib=()
  [ -f "$e/load_library.txt" ] && lib=(--load-library "$(head -n1 "$e/load_library.txt")")
  t0=$(date +%s.%N)
  run_cli "${lib[@]}" info "$a"
  t1=$(date +%s.%N)
  if [ "$rc" -ne 0 ]; then
    fail=$((fail + 1))
    echo "FAIL $stem: info: $(describe_rc "$rc"): $(head -n1 "$err" | cut -c1-300)"
  else
    pass=$((pass + 1))
  fi
  awk -v s="$stem" -v a="$t0" -v b="$t1" -v z="$(stat -c %s "$a")" \
    'BEGIN { printf "info %-38s %7.1f MB  %6.2f s\n", s, z / 1e6, b - a }'
done

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]

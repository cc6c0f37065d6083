#!/usr/bin/env bash
# The graph view's layout times (issue 4), each against `dot -Tsvg` on the same graph drawn flat, measured in the
# same run, and in seconds:
# - collapsed root view of every corpus model ready to paint (graph extracted, drawn graph built, laid out):
#   under 0.3 s each; of the 5,000-node model (1,200 traced blocks): under 0.5 s;
# - fully expanded (module form, every call opened) and inlined, for ResNet-50 and the 5,000-node model: at most
#   1.0x `dot -Tsvg flat.dot`, where flat.dot is the inlined graph's nodes (same labels and shapes) and edges
#   with no clusters and no edge labels (bench_graph_layout writes it; edge labels would make dot slower still);
# - once the desktop app has `--view graph`: launching `torchscope --screenshot --view graph` to the saved PNG,
#   against Netron's times for the same models (target: at most 0.5x).
# Layout times are medians of RUNS in one process (bench/graph_layout.cpp); the archive's load is not in them.
# Usage: bench/graph.sh [BUILD_DIR] [RUNS]
#   CORPUS=DIR   the corpus archives (made there when missing; default BUILD_DIR/bench/corpus)
#   PARTS="collapsed big screenshot"   the parts to run (default: all three)
#   TORCHSCOPE=PATH   the desktop app to time (default BUILD_DIR/app/torchscope)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
runs=${2:-5}
work="$build/bench/graph"
corpus=${CORPUS:-$build/bench/corpus}
dot_timeout=${DOT_TIMEOUT:-300}
parts=${PARTS:-collapsed big screenshot}
want() { [[ " $parts " == *" $1 "* ]]; }
mkdir -p "$work" "$corpus"
cmake --build "$build" --target bench_graph_layout >/dev/null
tool="$build/bench/bench_graph_layout"

stems=(resnet18_traced resnet18_scripted resnet50_scripted mobilenet_v3_small_scripted transformer_encoder_scripted
  lstm_tagger_scripted quantized_dynamic wav2vec2_base conformer_scripted fasterrcnn_mobilenet_v3_320_scripted
  resnet18_frozen frozen_optimized)
missing=()
for s in "${stems[@]}"; do [ -f "$corpus/$s.pt" ] || missing+=("$s"); done
[ ${#missing[@]} -eq 0 ] || /usr/bin/python3 tests/corpus/make_corpus.py "$corpus" "${missing[@]}" >&2
[ -f "$work/resnet50_traced.pt" ] || /usr/bin/python3 bench/make_resnet50.py "$work/resnet50_traced.pt" traced
[ -f "$work/blocks1200_traced.pt" ] || /usr/bin/python3 bench/make_blocks_model.py "$work/blocks1200_traced.pt" 1200

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
seconds() { local start end; start=$(date +%s.%N); "$@" >/dev/null 2>&1 || return 1; end=$(date +%s.%N); echo "$end - $start" | bc -l; }
timed() { # prints "wall cpu" seconds of a command
  /usr/bin/time -f "%e %U %S" -o "$work/time.txt" "$@" >/dev/null 2>&1 || return 1
  awk '{printf "%s %.2f\n", $1, $2 + $3}' "$work/time.txt"
}
library_for() { # the operator library a corpus archive needs, as --load-library arguments
  local f="$corpus/expected/$1/load_library.txt"
  [ -f "$f" ] && echo "--load-library $(cat "$f")" || true
}
field() { awk -v k="$2" '$1 == k {print $'"$3"'}' "$1"; }

echo "Graph layout benchmark: $runs runs each, medians; load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo
want collapsed && echo "Collapsed root view ready to paint (extract + build + layout; the archive's load apart):"
want collapsed && printf "  %-38s %7s %7s %7s %6s  %s\n" model load_s view_s cpu_s nodes "target"
want collapsed && for s in "${stems[@]}"; do
  # shellcheck disable=SC2046
  "$tool" $(library_for "$s") "$corpus/$s.pt" "$work" "$runs" --skip-expanded >"$work/$s.txt"
  awk -v m="$s" -v l="$(field "$work/$s.txt" load 2)" '$1 == "collapsed" {
    printf "  %-38s %7.3f %7.3f %7.3f %6d  < 0.3 s %s\n", m, l, $2, $9, $3, ($2 < 0.3 ? "PASS" : "MISS") }' "$work/$s.txt"
done

want big && echo
want big && echo "Expanded and inlined against dot -Tsvg on the flat graph (same nodes and edges, no clusters):"
big() { # name archive collapsed-target
  local name=$1 archive=$2 target=$3 out="$work/$1"
  mkdir -p "$out"
  "$tool" "$archive" "$out" "$runs" >"$out/times.txt"
  : >"$out/dot.txt"
  local t
  for _ in $(seq "$runs"); do
    if ! t=$(timed timeout "$dot_timeout" dot -Tsvg "$out/flat.dot"); then
      echo "timeout" >"$out/dot.txt"; break
    fi
    echo "$t" >>"$out/dot.txt"
    # A baseline that takes more than 20 s is timed once: more runs change nothing but the wait.
    [ "$(echo "${t% *} > 20" | bc -l)" = 1 ] && break
  done
  local flat flat_cpu
  if grep -q timeout "$out/dot.txt"; then
    flat=">$dot_timeout" flat_cpu=0
  else
    flat=$(cut -d' ' -f1 "$out/dot.txt" | median) flat_cpu=$(cut -d' ' -f2 "$out/dot.txt" | median)
  fi
  awk -v name="$name" -v flat="$flat" -v fcpu="$flat_cpu" -v target="$target" '
    $1 == "load" { load = $2 }
    $1 == "collapsed" || $1 == "expanded" || $1 == "inlined" { t[$1] = $2; n[$1] = $3; c[$1] = $5; cpu[$1] = $9 }
    END {
      lower = substr(flat, 1, 1) == ">"; f = lower ? substr(flat, 2) + 0 : flat + 0
      printf "  %s, load %.2f s\n    %-38s %8s %8s\n", name, load, "", "wall", "cpu"
      printf "    %-38s %8.3f %8.3f s  < %.1f s   %s\n", "collapsed root view", t["collapsed"], cpu["collapsed"],
        target, (t["collapsed"] < target ? "PASS" : "MISS")
      printf "    %-38s %s%7.3f %8.3f s\n", sprintf("dot -Tsvg flat.dot (%d nodes)", n["inlined"]), (lower ? ">" : " "),
        f, fcpu
      split("expanded inlined", k, " ")
      for (i = 1; i <= 2; ++i) {
        r = t[k[i]] / f
        printf "    %-38s %8.3f %8.3f s  %s%.3fx (<= 1.0x) %s\n",
          sprintf("%s (%d nodes, %d clusters)", k[i], n[k[i]], c[k[i]]), t[k[i]], cpu[k[i]], (lower ? "<" : ""), r,
          (r <= 1.0 ? "PASS" : "MISS")
      }
    }' "$out/times.txt"
}
if want big; then
  big "ResNet-50 scripted (corpus)" "$corpus/resnet50_scripted.pt" 0.3
  big "ResNet-50 traced" "$work/resnet50_traced.pt" 0.3
  big "1,200 blocks traced (~5,000 nodes)" "$work/blocks1200_traced.pt" 0.5
  big "transformer encoder scripted (corpus)" "$corpus/transformer_encoder_scripted.pt" 0.3
fi

want screenshot || exit 0
echo
app=${TORCHSCOPE:-$build/app/torchscope}
if [ -x "$app" ] && QT_QPA_PLATFORM=offscreen "$app" --help 2>&1 | grep -q -- "--view.*graph"; then
  echo "torchscope --screenshot --view graph to the saved PNG, against Netron's times:"
  export QT_QPA_PLATFORM=offscreen HOME="$work/home" XDG_RUNTIME_DIR="$work/runtime"
  mkdir -p "$HOME" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
  while read -r name archive netron; do
    : >"$work/shot.txt"
    for _ in $(seq "$runs"); do
      rm -f "$work/shot.png"
      seconds "$app" --screenshot "$work/shot.png" --view graph "$archive" >>"$work/shot.txt" || true
      [ -s "$work/shot.png" ] || { echo "  $name: screenshot was not written" >&2; continue 2; }
    done
    awk -v name="$name" -v s="$(median <"$work/shot.txt")" -v n="$netron" 'BEGIN {
      printf "  %-34s %6.2f s  Netron %4.2f s  %.2fx (<= 0.5x) %s\n", name, s, n, s / n, (s / n <= 0.5 ? "PASS" : "MISS") }'
  done <<EOF
MyDecisionGate_scripted tests/data/mydecisiongate_scripted.pt 0.96
ResNet-18_traced $corpus/resnet18_traced.pt 1.85
ResNet-50_traced $work/resnet50_traced.pt 2.7
ResNet-50_scripted $corpus/resnet50_scripted.pt 3.1
1,200-block_traced $work/blocks1200_traced.pt 4.1
wav2vec2_(scripted) $corpus/wav2vec2_base.pt 4.7
EOF
else
  echo "torchscope --screenshot --view graph: skipped: no --view graph"
fi

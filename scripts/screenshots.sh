#!/usr/bin/env bash
# Regenerates docs/screenshots/*.png with `torchscope --screenshot` on the bundled samples.
# Usage: scripts/screenshots.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
out=docs/screenshots
mkdir -p "$out"
export QT_QPA_PLATFORM=offscreen
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
export HOME="$home" XDG_RUNTIME_DIR="$home/runtime"
mkdir -m 700 "$XDG_RUNTIME_DIR"
shot() { # NAME VIEW ARCHIVE [OPTIONS...]
  local name=$1 view=$2 archive=$3
  shift 3
  "$build/app/torchscope" --screenshot "$out/$name.png" --view "$view" "$@" "$archive"
  echo "wrote $out/$name.png"
}
shot code-scripted-gate code tests/data/mydecisiongate_scripted.pt
shot code-traced-gate code tests/data/mydecisiongate_traced.pt
shot ir-wraprnn ir tests/data/wraprnn.pt
shot tree-multi-method tree tests/data/multi_method.pt
shot archive-multi-method archive tests/data/multi_method.pt
shot graph-scripted-gate graph tests/data/mydecisiongate_scripted.pt --expand all
shot graph-traced-gate graph tests/data/mydecisiongate_traced.pt --expand all
shot graph-wraprnn graph tests/data/wraprnn.pt --expand all

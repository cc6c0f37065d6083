#!/usr/bin/env bash
# Regenerates the committed application icons from resources/icons/torchscope.svg: the hicolor PNGs that the
# Linux package installs, the Windows .ico (NSIS installer) and the macOS .icns (DragNDrop volume).
# Needs librsvg2-bin, icoutils and icnsutils (`bash scripts/install-deps.sh librsvg2-bin icoutils icnsutils`).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
svg="$here/../../resources/icons/torchscope.svg"

for size in 16 32 48 64 128 256 512; do
  rsvg-convert --width "$size" --height "$size" --format png --output "$here/torchscope-$size.png" "$svg"
done
# Windows: the sizes Explorer and the NSIS installer ask for (256 is stored as PNG inside the .ico).
icotool --create --output "$here/torchscope.ico" \
  "$here/torchscope-16.png" "$here/torchscope-32.png" "$here/torchscope-48.png" --raw="$here/torchscope-256.png"
# macOS: png2icns takes the sizes the icns format has (16, 32, 48, 128, 256, 512).
png2icns "$here/torchscope.icns" \
  "$here/torchscope-16.png" "$here/torchscope-32.png" "$here/torchscope-48.png" \
  "$here/torchscope-128.png" "$here/torchscope-256.png" "$here/torchscope-512.png" >/dev/null
# 512 only feeds the .icns; hicolor gets 16..256 and the SVG.
rm "$here/torchscope-512.png"
echo "make-icons: wrote $(cd "$here" && ls torchscope-*.png torchscope.ico torchscope.icns | tr '\n' ' ')"

#!/usr/bin/env bash
# Installs the Debian 12 packages TorchScope needs to build and test, and says what it installs.
# Run as root (make does this for `make run` and `make test`); as another user it prints the apt command.
set -euo pipefail

packages=(
  cmake ninja-build g++ pkg-config make
  libtorch-dev            # LibTorch 1.13 (CPU): the engine
  qt6-base-dev            # Qt 6 Core, Widgets, Network, Test
  qt6-svg-dev             # Qt 6 Svg: the graph view's SVG export
  zlib1g-dev              # zlib: the graph view's tiled PNG export
  qt6-tools-dev           # Qt 6 Linguist CMake tools (translations)
  qt6-l10n-tools          # lupdate/lrelease
  libqscintilla2-qt6-dev  # the code and IR text views
  libgraphviz-dev         # Graphviz cgraph/gvc: graph layout
  python3-torch           # tests: Python's torch.jit checks what `run`/`compare` compute and save
  dpkg-dev file           # cpack -G DEB: dpkg-shlibdeps computes the package's dependencies
  desktop-file-utils appstream-util shared-mime-info lintian  # the packaging tests' validators
)
# Extra packages for tools beyond the build, named by the caller: e.g. `install-deps.sh python3-torch time`.
packages+=("$@")

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} Debian packages are installed"
  exit 0
fi

echo "install-deps: missing Debian packages: ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
  echo "install-deps: run as root, or install them yourself:" >&2
  echo "  sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
echo "install-deps: apt-get update"
apt-get update -qq
echo "install-deps: apt-get install ${missing[*]}"
apt-get install -y -qq --no-install-recommends "${missing[@]}"
echo "install-deps: done"

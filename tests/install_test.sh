#!/usr/bin/env bash
# The packaging tests (registered by tests/packaging.cmake). One script, one step per CTest test:
#   install_test.sh deb      BUILD OUT            cpack -G DEB from BUILD into OUT (the CTest fixture's setup)
#   install_test.sh install  OUT SRC VERSION LRELEASE
#                                                 extract the .deb into a scratch root (nothing is installed on the
#                                                 machine), check its control fields and file list, run what it
#                                                 installed from there
#   install_test.sh lint     GENERATED SRC        desktop-file-validate, appstream-util, the MIME XML
#   install_test.sh lintian  OUT                  lintian on the .deb; fails on E: lines only
#   install_test.sh clean    OUT                  removes OUT (the fixture's cleanup)
# The tools come from scripts/install-deps.sh (dpkg-dev, file, desktop-file-utils, appstream-util, lintian).
set -euo pipefail

fail() {
  echo "FAIL: $*" >&2
  exit 1
}
need() {
  for tool in "$@"; do
    command -v "$tool" >/dev/null || fail "$tool is not installed (run: bash scripts/install-deps.sh)"
  done
}
the_deb() {
  local debs=("$1"/torchscope_*.deb)
  [ -f "${debs[0]}" ] || fail "no torchscope_*.deb in $1 (the packaging_deb test makes it)"
  [ ${#debs[@]} -eq 1 ] || fail "more than one .deb in $1: ${debs[*]}"
  echo "${debs[0]}"
}

step_deb() {
  local build=$1 out=$2
  need cpack dpkg-shlibdeps file
  rm -rf "$out"
  mkdir -p "$out"
  # Its own output directory, so a `make package` running at the same time is not disturbed.
  cpack --config "$build/CPackConfig.cmake" -G DEB -B "$out"
  local deb
  deb=$(the_deb "$out")
  echo "made $deb"
}

# Files (not directories) the package must hold, exactly; a new install() rule adds its file here.
expected_files() {
  cat <<'EOF'
./usr/bin/torchscope
./usr/bin/torchscope-cli
./usr/libexec/torchscope/torchscope-worker
./usr/share/applications/io.github.torchscope.TorchScope.desktop
./usr/share/doc/torchscope/changelog.gz
./usr/share/doc/torchscope/copyright
./usr/share/icons/hicolor/128x128/apps/io.github.torchscope.TorchScope.png
./usr/share/icons/hicolor/16x16/apps/io.github.torchscope.TorchScope.png
./usr/share/icons/hicolor/256x256/apps/io.github.torchscope.TorchScope.png
./usr/share/icons/hicolor/32x32/apps/io.github.torchscope.TorchScope.png
./usr/share/icons/hicolor/48x48/apps/io.github.torchscope.TorchScope.png
./usr/share/icons/hicolor/64x64/apps/io.github.torchscope.TorchScope.png
./usr/share/icons/hicolor/scalable/apps/io.github.torchscope.TorchScope.svg
./usr/share/man/man1/torchscope-cli.1.gz
./usr/share/man/man1/torchscope.1.gz
./usr/share/metainfo/io.github.torchscope.TorchScope.metainfo.xml
./usr/share/mime/packages/io.github.torchscope.TorchScope.xml
./usr/share/torchscope/translations/torchscope_zh_CN.qm
EOF
}

step_install() {
  local out=$1 src=$2 version=$3 lrelease=$4
  need dpkg-deb
  local deb
  deb=$(the_deb "$out")
  [ "$(basename "$deb")" = "torchscope_${version}_$(dpkg --print-architecture).deb" ] ||
    fail "unexpected package file name $(basename "$deb")"

  # Control fields.
  local field value
  for field in Package Version Maintainer Section Homepage Depends Recommends Description; do
    value=$(dpkg-deb --field "$deb" "$field")
    [ -n "$value" ] || fail "the control file has no $field"
  done
  [ "$(dpkg-deb --field "$deb" Package)" = torchscope ] || fail "Package is not torchscope"
  [ "$(dpkg-deb --field "$deb" Version)" = "$version" ] || fail "Version is not the CMake project's $version"
  local depends recommends
  depends=$(dpkg-deb --field "$deb" Depends)
  recommends=$(dpkg-deb --field "$deb" Recommends)
  # From dpkg-shlibdeps: LibTorch, Qt, QScintilla, Graphviz; named by hand: the plugins Qt loads at run time.
  for p in libtorch libqt6widgets6 libqt6network6 libqscintilla2-qt6 libgvc6 qt6-qpa-plugins libqt6svg6; do
    grep -Eq "(^|, )$p[^,]*( |,|$)" <<<"$depends" || fail "Depends lacks $p: $depends"
  done
  grep -Fq "fonts-noto-cjk | fonts-wqy-microhei" <<<"$recommends" || fail "Recommends lacks a CJK font: $recommends"

  # The file list, exactly.
  local listed
  listed=$(dpkg-deb --fsys-tarfile "$deb" | tar -t | grep -v '/$' | sort)
  if ! diff -u <(expected_files | sort) <(echo "$listed"); then
    fail "the package's files differ from the expected list (- expected, + in the package)"
  fi

  # Installed into a scratch root: nothing touches the machine's dpkg database or /usr.
  local root
  root=$(mktemp -d "${TMPDIR:-/tmp}/torchscope-install.XXXXXX")
  trap "rm -rf '$root'" EXIT
  dpkg-deb --extract "$deb" "$root"
  local bin=$root/usr/bin
  # The app keeps its settings under HOME; the test's own, empty one.
  export HOME=$root/home XDG_CONFIG_HOME=$root/home/.config XDG_CACHE_HOME=$root/home/.cache
  export XDG_RUNTIME_DIR=$root/runtime
  mkdir -p "$HOME" "$XDG_RUNTIME_DIR"
  chmod 700 "$XDG_RUNTIME_DIR"
  unset LANGUAGE LC_ALL LC_MESSAGES
  export LANG=C.UTF-8

  local got
  got=$("$bin/torchscope-cli" --version)
  [[ $got =~ ^torchscope-cli\ ${version//./\\.}\ \(LibTorch\ [0-9][^\)]*\)$ ]] || fail "torchscope-cli --version printed: $got"
  echo "ok: $got"
  "$bin/torchscope-cli" code "$src/tests/data/mycell_scripted.pt" >"$root/code.txt"
  cmp "$root/code.txt" "$src/tests/data/expected/mycell_scripted/_root/forward.code.txt" ||
    fail "torchscope-cli code differs from Python's forward.code"
  echo "ok: torchscope-cli code mycell_scripted.pt is Python's .code"

  export QT_QPA_PLATFORM=offscreen
  got=$("$bin/torchscope" --version)
  [ "$got" = "TorchScope $version" ] || fail "torchscope --version printed: $got"
  echo "ok: $got"

  # The worker in the installed layout: the app must find PREFIX/libexec/torchscope/torchscope-worker (it is neither
  # beside the app nor on PATH). With it, the screenshot shows the loaded model; without it, the failure the tab
  # reports, so the two pictures differ only if the installed app found its worker (the failure picture is the same
  # from run to run).
  local sample=$src/tests/data/mycell_scripted.pt
  timeout 120 "$bin/torchscope" --screenshot "$root/with-worker.png" --view code "$sample" ||
    fail "torchscope --screenshot failed"
  mv "$root/usr/libexec/torchscope/torchscope-worker" "$root/worker.moved"
  timeout 120 "$bin/torchscope" --screenshot "$root/without-worker.png" --view code "$sample" ||
    fail "torchscope --screenshot without a worker failed"
  mv "$root/worker.moved" "$root/usr/libexec/torchscope/torchscope-worker"
  [ -s "$root/with-worker.png" ] || fail "no screenshot"
  ! cmp -s "$root/with-worker.png" "$root/without-worker.png" ||
    fail "the installed app did not find usr/libexec/torchscope/torchscope-worker"
  echo "ok: the installed app runs its worker from usr/libexec/torchscope"

  # Translations: the installed .qm is the one used. First the packaged zh_CN one...
  local description="Inspect TorchScript archives: modules, code and IR."
  got=$(LANG=zh_CN.UTF-8 "$bin/torchscope" --help)
  grep -Fq "查看 TorchScript 归档" <<<"$got" || fail "torchscope --help under zh_CN is not in Chinese: $got"
  # ...then one made here, which only the installed path can supply.
  local qm=$root/usr/share/torchscope/translations/torchscope_zh_CN.qm
  cat >"$root/marker.ts" <<EOF
<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context><name>main</name>
<message><source>$description</source><translation>INSTALLED-QM-MARKER</translation></message>
</context>
</TS>
EOF
  "$lrelease" -silent "$root/marker.ts" -qm "$qm"
  got=$(LANG=zh_CN.UTF-8 "$bin/torchscope" --help)
  grep -Fq "INSTALLED-QM-MARKER" <<<"$got" || fail "torchscope does not load usr/share/torchscope/translations: $got"
  echo "ok: the installed app loads its translations from usr/share/torchscope/translations"
}

step_lint() {
  local generated=$1 src=$2
  need desktop-file-validate appstream-util update-mime-database
  local desktop=$src/packaging/io.github.torchscope.TorchScope.desktop
  local report
  # desktop-file-validate exits 0 on hints and warnings; errors make it fail.
  report=$(desktop-file-validate "$desktop" 2>&1) || fail "desktop-file-validate: $report"
  ! grep -q "error:" <<<"$report" || fail "desktop-file-validate: $report"
  echo "ok: desktop-file-validate ${report:+($report)}"
  appstream-util validate-relax --nonet "$generated/io.github.torchscope.TorchScope.metainfo.xml"
  # The MIME type: update-mime-database rejects a malformed file; the built database must map every extension.
  local db
  db=$(mktemp -d "${TMPDIR:-/tmp}/torchscope-mime.XXXXXX")
  trap "rm -rf '$db'" EXIT
  mkdir -p "$db/packages"
  cp "$src/packaging/io.github.torchscope.TorchScope.mime.xml" "$db/packages/"
  report=$(update-mime-database -V "$db" 2>&1) || fail "update-mime-database: $report"
  ! grep -qi "error\|warning" <<<"$report" || fail "update-mime-database: $report"
  for ext in pt pth ptl jit torchscript; do
    grep -q "^application/x-torchscript:\*\.$ext$" "$db/globs" || fail "*.$ext is not application/x-torchscript"
  done
  grep -q "^application/x-torchscript application/zip$" "$db/subclasses" || fail "not a sub-class of application/zip"
  echo "ok: the MIME type maps *.pt *.pth *.ptl *.jit *.torchscript"
}

step_lintian() {
  local out=$1
  need lintian
  local deb report
  deb=$(the_deb "$out")
  # lintian exits non-zero on warnings too; only errors fail the test. Tags are printed for the log.
  report=$(lintian --tag-display-limit 0 "$deb" 2>&1) || true
  [ -z "$report" ] || echo "$report"
  ! grep -q "^E: " <<<"$report" || fail "lintian reports errors"
  echo "ok: lintian reports no errors ($(grep -c "^W: " <<<"$report" || true) warnings)"
}

step=${1:-}
shift || true
case "$step" in
  deb) step_deb "$@" ;;
  install) step_install "$@" ;;
  lint) step_lint "$@" ;;
  lintian) step_lintian "$@" ;;
  clean) rm -rf "$1" ;;
  *) fail "usage: $0 deb|install|lint|lintian|clean ARGS" ;;
esac

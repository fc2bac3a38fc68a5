#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the build into a temporary DESTDIR and checks that everything the
# desktop and a software centre need is there, under the app id, and that
# AppStream accepts the installed tree as a whole.
#
# usage: check-install.sh BUILD_DIR APP_ID PREFIX BINDIR DATADIR LOCALEDIR SAMPLES_SRC_DIR
#   (BINDIR, DATADIR and LOCALEDIR as meson options: relative to PREFIX or absolute)
# Prints TAP.
set -uo pipefail

build_dir=$1 app_id=$2 prefix=$3 bindir=$4 datadir=$5 localedir=$6 samples_src=$7
under_prefix () { [[ $1 == /* ]] && echo "$1" || echo "$prefix/$1"; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); echo "not ok $n - $1"; }
check () { local what=$1; shift; if "$@" >"$tmp/out" 2>&1; then ok "$what"; else not_ok "$what"; sed 's/^/# /' "$tmp/out"; fi; }

dest=$tmp/dest
if ! meson install -C "$build_dir" --destdir "$dest" --no-rebuild --quiet >"$tmp/install.log" 2>&1; then
  echo "not ok 1 - meson install"; sed 's/^/# /' "$tmp/install.log"; echo "1..1"; exit 0
fi
ok "meson install into a DESTDIR"

root=$dest$prefix
bin=$dest$(under_prefix "$bindir")
share=$dest$(under_prefix "$datadir")
locale=$dest$(under_prefix "$localedir")

check "binary sodo is installed and executable" test -x "$bin/sodo"
for f in \
  "applications/$app_id.desktop" \
  "dbus-1/services/$app_id.service" \
  "metainfo/$app_id.metainfo.xml" \
  "icons/hicolor/scalable/apps/$app_id.svg" \
  "icons/hicolor/symbolic/apps/$app_id-symbolic.svg" \
  "glib-2.0/schemas/$app_id.gschema.xml" \
  "mime/packages/$app_id.xml"; do
  check "share/$f is installed" test -s "$share/$f"
done
check "the D-Bus service starts the installed binary" \
  grep -qxF "Exec=$(under_prefix "$bindir")/sodo --gapplication-service" "$share/dbus-1/services/$app_id.service"
check "the installed schema compiles" glib-compile-schemas --strict --dry-run "$share/glib-2.0/schemas"
for lang in en vi; do
  check "the $lang catalog is installed" test -s "$locale/$lang/LC_MESSAGES/sodo.mo"
done

samples=("$samples_src"/*.json)
if [[ ! -e ${samples[0]} ]]; then
  not_ok "the source tree has sample files"
else
  for s in "${samples[@]}"; do
    check "sample $(basename "$s") is installed unchanged" cmp "$s" "$share/sodo/samples/$(basename "$s")"
  done
fi

# Nothing installed outside the app's own names (Flatpak exports only those).
stray=$(cd "$share" && find applications dbus-1 metainfo icons mime -type f 2>/dev/null \
        | grep -v -E "/$app_id(\.desktop|\.service|\.metainfo\.xml|\.svg|-symbolic\.svg|\.xml)$")
if [[ -z $stray ]]; then ok "no exported file is named other than the app id"
else not_ok "no exported file is named other than the app id"; echo "$stray" | sed 's/^/# /'; fi

if command -v appstreamcli >/dev/null; then
  check "appstreamcli validate-tree accepts the installed tree" appstreamcli validate-tree --no-net "$root"
  # Compose is what Flathub and distributions run to build the software centre
  # catalogue: it must find the desktop file and render the 128 px icon.
  if [[ -x /usr/libexec/appstreamcli-compose ]] || appstreamcli compose --help >/dev/null 2>&1; then
    out=$tmp/compose
    check "appstreamcli compose builds a catalogue entry" \
      appstreamcli compose --no-net --prefix=/ --origin="$app_id" --result-root="$out" \
        --data-dir="$out/xmls" --icons-dir="$out/icons" --components="$app_id" "$root"
    check "compose rendered the 128x128 icon" test -s "$out/icons/128x128/$app_id.png"
    check "the catalogue entry has the icon, categories and launchable" \
      bash -c "zcat '$out/xmls/$app_id.xml.gz' | grep -q 'icon type=\"cached\" width=\"128\"' &&
               zcat '$out/xmls/$app_id.xml.gz' | grep -q '<category>Office</category>' &&
               zcat '$out/xmls/$app_id.xml.gz' | grep -qF '<launchable type=\"desktop-id\">$app_id.desktop</launchable>'"
  else
    ok "appstreamcli compose # SKIP appstream-compose is not installed"
  fi
else
  ok "appstreamcli validate-tree # SKIP appstreamcli is not installed"
fi

echo "1..$n"

#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs Sodo's MIME package into a private data dir, builds its cache with
# update-mime-database and asks `xdg-mime query filetype` (through GIO, as on
# GNOME) what each sample is: named with our globs, named plain *.json (so only
# the "format" magic can tell), compact JSON, and JSON that is not ours.
#
# usage: check-mime.sh MIME_XML SAMPLE.json...     (prints TAP)
set -uo pipefail

mime_xml=$1; shift
for tool in update-mime-database xdg-mime gio; do
  command -v "$tool" >/dev/null || { echo "1..0 # SKIP $tool is not installed"; exit 0; }
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/share/mime/packages" "$tmp/home" "$tmp/files"
cp "$mime_xml" "$tmp/share/mime/packages/"
# Our types are sub-classes of application/json: the freedesktop base set must be
# in the same private tree so nothing from the machine's own caches leaks in.
data_dirs=$tmp/share
if [[ -f /usr/share/mime/packages/freedesktop.org.xml ]]; then
  cp /usr/share/mime/packages/freedesktop.org.xml "$tmp/share/mime/packages/"
else
  data_dirs=$tmp/share:/usr/share
fi
if ! update-mime-database "$tmp/share/mime" >"$tmp/update.log" 2>&1; then
  echo "1..1"; echo "not ok 1 - update-mime-database"; sed 's/^/# /' "$tmp/update.log"; exit 0
fi

n=0
# expect FILE TYPE: the type xdg-mime reports for FILE must be TYPE.
expect () {
  local got
  n=$((n + 1))
  got=$(env XDG_DATA_DIRS="$data_dirs" XDG_DATA_HOME="$tmp/home" XDG_CURRENT_DESKTOP=GNOME \
        xdg-mime query filetype "$1" 2>&1)
  if [[ $got == "$2" ]]; then
    echo "ok $n - $(basename "$1") is $2"
  else
    echo "not ok $n - $(basename "$1") is $2"
    echo "# got: $got"
  fi
}

declare -A glob=([sodo-orgchart]=orgchart [sodo-regulation]=regulation [sodo-comments]=comments)
seen=()
for sample in "$@"; do
  format=$(grep -o -m1 '"format"[[:space:]]*:[[:space:]]*"sodo-[a-z]*"' "$sample" | grep -o 'sodo-[a-z]*')
  [[ -n $format ]] || { n=$((n + 1)); echo "not ok $n - $(basename "$sample") has no Sodo format key"; continue; }
  seen+=("$format")
  base=$(basename "$sample" .json)
  cp "$sample" "$tmp/files/$base.json"
  cp "$sample" "$tmp/files/$base.${glob[$format]}.json"
  expect "$tmp/files/$base.json" "application/x-$format"
  expect "$tmp/files/$base.${glob[$format]}.json" "application/x-$format"
done
[[ ${#seen[@]} -gt 0 ]] || { n=$((n + 1)); echo "not ok $n - no sample files were given"; }

# Hand-made files for what the samples do not cover: each writer's spacing
# around the colon, a tab, a glob with no content, and JSON that is not ours
# even though it mentions a Sodo format name.
printf '{"version":1,"format":"sodo-comments","regulation":"r","comments":[]}' >"$tmp/files/compact.json"
expect "$tmp/files/compact.json" application/x-sodo-comments
printf '{\n  "format" : "sodo-regulation",\n  "version" : 1\n}\n' >"$tmp/files/json-glib.json"
expect "$tmp/files/json-glib.json" application/x-sodo-regulation
printf '{\n\t"version": 1,\n\t"format":\t"sodo-orgchart"\n}\n' >"$tmp/files/tabs.json"
expect "$tmp/files/tabs.json" application/x-sodo-orgchart
printf '{}\n' >"$tmp/files/empty.comments.json"
expect "$tmp/files/empty.comments.json" application/x-sodo-comments
printf '{"format": "geojson", "name": "sodo-orgchart"}\n' >"$tmp/files/other.json"
expect "$tmp/files/other.json" application/json
printf '{"type": "FeatureCollection"}\n' >"$tmp/files/plain.json"
expect "$tmp/files/plain.json" application/json

echo "1..$n"

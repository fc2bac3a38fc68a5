#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Extracts the strings of the sources listed in po/POTFILES.in as the pot target does, and
# checks that CATALOG translates every one of them (msgcmp): a string added to the sources
# and not to the catalog fails here, not on a user's screen.
#
# usage: check-po-current.sh SOURCE_ROOT CATALOG
set -eu
root=$1
catalog=$2

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The keywords of meson's "glib" preset, which po/meson.build uses.
xgettext --from-code=UTF-8 -D "$root" -f "$root/po/POTFILES.in" -o "$tmp/current.pot" \
  -k_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 --keyword=g_dcgettext:2 \
  --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3

if ! LC_ALL=C msgcmp "$catalog" "$tmp/current.pot" 2>"$tmp/msgcmp.log"; then
  cat "$tmp/msgcmp.log"
  echo "$catalog misses strings of the sources: run the update-po target, then translate them"
  exit 1
fi

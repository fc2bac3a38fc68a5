#!/bin/sh
# Refreshes en.po from the template after the update-po target: every English msgstr is its
# msgid (msgen). Sodo ships this catalog so that GLib, which decides once per process
# whether to translate, also translates after a start in English; a switch to Vietnamese
# then reaches the templates and libadwaita too.
#
# usage: update-en.sh PO_DIR PACKAGE
set -eu

po_dir=$1
package=$2
pot=$po_dir/$package.pot
po=$po_dir/en.po

if [ ! -f "$pot" ]; then
  echo "update-en.sh: $pot is missing: run the $package-update-po target first" >&2
  exit 1
fi

# Exact matches only: a fuzzy match would keep the English of an older msgid.
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
msgmerge --quiet --no-fuzzy-matching "$po" "$pot" -o - \
  | msgattrib --no-obsolete --clear-fuzzy --empty -o - \
  | msgen -o "$tmp" -
mv "$tmp" "$po"

#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# po/POTFILES.in lists every file with translatable strings, and nothing that does not
# exist. Prints TAP.
#
# usage: check-potfiles.sh SOURCE_ROOT
set -u
cd "$1" || exit 1
list=po/POTFILES.in
n=0
status=0

listed () { grep -v '^#' "$list" | grep -v '^$'; }

# The marks of a translatable string: gettext calls in C, translatable="yes" in templates,
# and the translated elements of the data files.
marked='(^|[^A-Za-z0-9_])(_|N_|C_|NC_|g_dngettext|ngettext|g_dpgettext2|g_dgettext)[[:space:]]*\('
marked="$marked"'|translatable="yes"|<_?summary>|_name='

for f in $(find src data resources -type f \( -name '*.c' -o -name '*.ui' -o -name '*.in' \
             -o -name '*.xml' \) 2>/dev/null | LC_ALL=C sort); do
  grep -qE "$marked" "$f" || continue
  n=$((n + 1))
  if grep -qxF "$f" "$list"; then
    echo "ok $n - $f is listed"
  else
    echo "not ok $n - $f has translatable strings but is not listed in $list"
    status=1
  fi
done

for f in $(listed); do
  n=$((n + 1))
  if [ -f "$f" ]; then
    echo "ok $n - listed $f exists"
  else
    echo "not ok $n - $list lists $f, which does not exist"
    status=1
  fi
done

n=$((n + 1))
if listed | LC_ALL=C sort -c 2>/dev/null; then
  echo "ok $n - $list is sorted"
else
  echo "not ok $n - $list is not sorted"
  status=1
fi

echo "1..$n"
exit 0

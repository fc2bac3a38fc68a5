#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Checks a catalog with msgfmt --check (formats, plural forms, header); with "complete", also
# that it has no untranslated and no fuzzy message.
#
# usage: check-po.sh PO [complete]
set -eu
po=$1

# msgfmt prints its statistics on stderr, in English under the C locale.
if ! stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$po" 2>&1); then
  printf '%s\n' "$stats"
  echo "$po: msgfmt --check failed"
  exit 1
fi
printf '%s\n' "$stats"

if [ "${2:-}" = complete ]; then
  case $stats in
    *untranslated*|*fuzzy*)
      echo "$po: not complete: run the update-po target, then translate the new strings"
      exit 1 ;;
  esac
fi

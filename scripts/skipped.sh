#!/usr/bin/env bash
# Prints what the test run skipped, one line per reason with the number of
# tests and how to enable them (tests record skips through internal/testenv).
log=${1:?usage: skipped.sh SKIPLOG}
[ -s "$log" ] || { echo "skipped: nothing"; exit 0; }
sort "$log" | uniq -c | sort -rn | while read -r n line; do
  echo "skipped ($n): $line"
done

#!/usr/bin/env bash
# Runs every Fuzz target in the module for the given time each (default 60s),
# and the pattern DFA's and the schema codec's targets in the carried
# jacoelho/xsd (third_party/xsd).
set -euo pipefail
cd "$(dirname "$0")/.."
t=${1:-60s}
for pkg in $(go list ./...); do
  for fz in $(go test -list '^Fuzz' "$pkg" 2>/dev/null | grep '^Fuzz' || true); do
    echo "== $pkg $fz ($t)"
    go test -run '^$' -fuzz "^${fz}\$" -fuzztime "$t" -fuzzminimizetime 3s "$pkg"
  done
done
for fz in FuzzPatternDFA FuzzSchemaCodecTables; do
  echo "== third_party/xsd/internal/runtime $fz ($t)"
  (cd third_party/xsd && go test -run '^$' -fuzz "^${fz}\$" -fuzztime "$t" -fuzzminimizetime 3s ./internal/runtime)
done

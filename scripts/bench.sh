#!/usr/bin/env bash
# Runs every scripts/bench-*.sh: each benchmarks one area in Go and runs the
# peer tool on the same input, printing the ratio.
set -euo pipefail
cd "$(dirname "$0")/.."
shopt -s nullglob
for s in scripts/bench-*.sh; do
  echo "== $s"
  bash "$s"
done

#!/usr/bin/env bash
# fim convert: all seven targets plus the JSON and XML samples for the largest
# real schema (S00000186, 42 groups, 156 fields, 14 code lists) in process
# (BenchmarkAllTargets), median of COUNT runs, against the 50 ms goal; then
# each target alone and the wall time of the CLI for the HTML form.
# There is no offline peer converter: the FIM portal's xdf2/xdf3 JSON Schema
# and XSD converters are web services, so the ratio printed is goal / actual.
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=${COUNT:-10}
FILE=pkg/fim/convert/testdata/xdf2/S00000186v1.0_xdf2.xml
LISTS=pkg/fim/convert/testdata/codelists/S00000186

ms=$(go test -run '^$' -bench '^BenchmarkAllTargets$' -benchmem -count "$COUNT" ./pkg/fim/convert |
  tee /dev/stderr |
  awk '/^BenchmarkAllTargets/ { for (i = 1; i <= NF; i++) if ($(i+1) == "ns/op") print $i / 1e6 }' |
  sort -g | awk '{ a[NR] = $1 } END { if (NR == 0) exit 1; print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2 }')
echo "all targets + samples, S00000186: ${ms} ms (goal < 50 ms, goal/actual $(awk -v m="$ms" 'BEGIN { printf "%.2f", 50 / m }'))"

go test -run '^$' -bench '^BenchmarkTarget$' -benchtime 20x ./pkg/fim/convert | grep '^BenchmarkTarget'

bin=${BIN:-bin/ozgctl}
[ -x "$bin" ] || go build -o "$bin" ./cmd/ozgctl
start=$(date +%s%N)
"$bin" -q fim convert "$FILE" --to html --codelists "$LISTS" -o /dev/null
echo "CLI fim convert --to html (read + code lists + render): $(( ($(date +%s%N) - start) / 1000000 )) ms"

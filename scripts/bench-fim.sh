#!/usr/bin/env bash
# FIM reader: parse throughput on the largest real schema (S00000186, 351 KB)
# in process, after warm-up: the Go reader (BenchmarkReadS00000186) against
# the npm parser xdatenfelder-xml (SchemaMessage.fromString) in node. Prints
# both per-document times and the ratio (>1: ozgctl faster; the goal is >= 2),
# then the wall time of "ozgctl fim show" on the same file (goal: < 100 ms).
# Installs xdatenfelder-xml into .cache/npm when missing (needs node + npm).
set -euo pipefail
cd "$(dirname "$0")/.."
FILE=pkg/fim/testdata/xdf2/S00000186v1.0_xdf2.xml
COUNT=${COUNT:-10}
PEER=xdatenfelder-xml@0.1.4

go_ms() {
  # median ns/op of COUNT runs of the Go benchmark, in ms
  go test -run '^$' -bench '^BenchmarkReadS00000186$' -benchmem -count "$COUNT" ./pkg/fim |
    tee /dev/stderr |
    awk '/^BenchmarkReadS00000186/ { for (i = 1; i <= NF; i++) if ($(i+1) == "ns/op") print $i / 1e6 }' |
    sort -g | awk '{ a[NR] = $1 } END { if (NR == 0) exit 1; print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2 }'
}

node_ms() {
  # median of COUNT rounds of 50 parses each, after 30 warm-up parses
  node - "$PWD/.cache/npm" "$FILE" "$COUNT" <<'EOF'
const path = require('path');
const fs = require('fs');
const [root, file, rounds] = process.argv.slice(2);
const v2 = require(path.join(root, 'node_modules/xdatenfelder-xml/dist/v2'));
const xml = fs.readFileSync(file, 'utf8');
for (let i = 0; i < 30; i++) v2.SchemaMessage.fromString(xml);
const per = [];
for (let r = 0; r < Number(rounds); r++) {
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < 50; i++) v2.SchemaMessage.fromString(xml);
  per.push(Number(process.hrtime.bigint() - t0) / 1e6 / 50);
}
per.sort((a, b) => a - b);
const n = per.length;
console.log(n % 2 ? per[(n - 1) / 2] : (per[n / 2 - 1] + per[n / 2]) / 2);
EOF
}

echo "== FIM reader on $FILE ($(wc -c <"$FILE") bytes)"
g=$(go_ms)
if command -v node >/dev/null && command -v npm >/dev/null; then
  if [ ! -d .cache/npm/node_modules/xdatenfelder-xml ]; then
    npm install --silent --no-audit --no-fund --prefix .cache/npm "$PEER" >/dev/null
  fi
  n=$(node_ms)
  printf 'ozgctl fim reader:        %8.3f ms/doc (%.0f docs/s)\n' "$g" "$(echo "1000 / $g" | bc -l)"
  printf 'xdatenfelder-xml (node):  %8.3f ms/doc (%.0f docs/s)\n' "$n" "$(echo "1000 / $n" | bc -l)"
  printf 'ratio (node / go):        %8.2fx  (goal >= 2)\n' "$(echo "$n / $g" | bc -l)"
else
  printf 'ozgctl fim reader:        %8.3f ms/doc\n' "$g"
  echo "xdatenfelder-xml: skipped (node/npm not installed)"
fi

. scripts/lib.sh
best=999999
for _ in 1 2 3 4 5; do
  s=$(date +%s%N); "$BIN" fim show "$FILE" >/dev/null 2>&1; e=$(date +%s%N)
  t=$(( (e - s) / 1000000 )); (( t < best )) && best=$t
done
echo "ozgctl fim show wall time: ${best} ms (best of 5, goal < 100 ms)"

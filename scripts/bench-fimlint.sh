#!/usr/bin/env bash
# fim lint on the largest real schema (S00000186, 351 KB, 14 code lists):
# the Go benchmarks, then the wall time of the whole CLI run against the
# 100 ms budget of issue 2. There is no peer linter to run on the same
# input: the FIM quality XSLTs (vs5000/FIM-XSLT) check XDatenfelder 3.0.0
# only and are not part of the corpus, so no ratio is printed.
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=${COUNT:-10}
go test -run '^$' -bench 'S00000186' -count "$COUNT" ./pkg/fim/lint

. scripts/lib.sh
FILE=pkg/fim/testdata/xdf2/S00000186v1.0_xdf2.xml
CL=pkg/fim/testdata/codelists/S00000186
RUNS=${RUNS:-20}
times=()
for _ in $(seq "$RUNS"); do
  s=$(date +%s%N)
  "$BIN" fim lint --codelists "$CL" --output json "$FILE" >/dev/null || true
  e=$(date +%s%N)
  times+=($(( (e - s) / 1000 )))
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
echo "ozgctl fim lint S00000186 (with code lists), median of $RUNS runs: $((median / 1000)).$(( (median % 1000) / 100 )) ms wall (budget 100 ms)"
echo "peer: none (no other XDatenfelder 2.0 linter available offline); ratio not applicable"

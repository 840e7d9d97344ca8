#!/usr/bin/env bash
# Runs the same commands with two ozgctl binaries and reports every output
# (stdout, stderr, exit code) that differs: the before/after check for
# changes that must not change behaviour (issue 9's package moves).
#   scripts/compare-outputs.sh OLD_BIN NEW_BIN
set -uo pipefail
cd "$(dirname "$0")/.."
old=$1 new=$2
source scripts/lib.sh
out=$(mktemp -d)
n=0 diffs=0
run() {
  n=$((n+1))
  for side in old new; do
    bin=${!side}
    "$bin" "$@" >"$out/$side.out" 2>"$out/$side.err"; echo "exit $?" >>"$out/$side.out"
  done
  if ! cmp -s "$out/old.out" "$out/new.out" || ! cmp -s "$out/old.err" "$out/new.err"; then
    diffs=$((diffs+1)); echo "DIFF: $*"
    diff "$out/old.out" "$out/new.out" | head -5; diff "$out/old.err" "$out/new.err" | head -5
  fi
}
ex=examples
for fmt in text json junit sarif html svrl; do
  for lang in de en; do
    run check --xsd $ex/xoev/xsd/demo.xsd --catalog $ex/xoev/catalog.xml --codelists $ex/xoev/codelists --output $fmt --lang $lang $ex/xoev/messages
    run check --profile $ex/profiles --output $fmt --lang $lang $ex/xoev/messages $ex/profiles/tests/xbau-2.6
  done
done
run check --schema-dir $ex/xoev/xsd --catalog $ex/xoev/catalog.xml $ex/xoev/messages
run check --schematron $ex/profiles/xbau/sch/xbau-schematron-leere-elemente.sch --output json $ex/profiles/tests/xbau-2.6
run profile test --profile $ex/profiles/xbau-2.6.yaml --coverage $ex/profiles/tests/xbau-2.6
run profile test --profile $ex/profiles/xbau-2.6.yaml --output json $ex/profiles/tests/xbau-2.6
run profile validate $ex/profiles
run check --xsd missing.xsd $ex/xoev/messages
run check --profile missing.yaml $ex/xoev/messages
run check --schematron missing.sch $ex/xoev/messages
run check --codelists missing --xsd $ex/xoev/xsd/demo.xsd $ex/xoev/messages
run check --xsd $ex/xoev/xsd/demo.xsd --phase x $ex/xoev/messages
for f in $ex/fim/*.xml; do
  run fim lint --codelists $ex/fim/codelists --output json "$f"
  run fim show "$f"
  run fim convert --to jsonschema "$f"
done
run rules --output json
if [ -n "$CORPUS" ]; then
  while IFS= read -r f; do run fim lint --output json "$f"; done < <(find "$CORPUS/xdf2" "$CORPUS/xdf3" -name '*.xml' | sort | head -200)
  run check --xsd "$CORPUS/xoev/xrechnung/ubl-2.1/xsd/maindoc/UBL-Invoice-2.1.xsd" --output json "$CORPUS/xoev/xrechnung/validator-configuration/test/instances"
  run check --profile $ex/profiles --output json "$CORPUS/xoev/xrechnung/validator-configuration/test/instances"
  for d in "$CORPUS"/xoev/*/; do
    [ -d "$d" ] && run check --schema-dir "$d" --output json "$d"
  done
fi
echo "$n commands, $diffs with different output"
rm -rf "$out"
[ "$diffs" -eq 0 ]

#!/usr/bin/env bash
# Lists how the carried modules (third_party/xsd, third_party/jsonschema,
# third_party/helium, third_party/tablewriter, third_party/regexp2,
# third_party/gotenv, third_party/yaml, third_party/runewidth, third_party/cast)
# differ from the upstream versions they were copied from (downloaded through
# the Go module proxy), and how third_party/template differs from the
# standard library's packages of the toolchain in use ($(go env GOROOT)/src;
# the copy is of Go 1.26.8), as a check of their PATCHES.md. With UNIFIED=1 it
# prints the unified diff of the changed files as well.
set -euo pipefail
cd "$(dirname "$0")/.."
for pair in "third_party/xsd github.com/jacoelho/xsd@v0.4.0" \
            "third_party/jsonschema github.com/santhosh-tekuri/jsonschema/v6@v6.0.3" \
            "third_party/helium github.com/lestrrat-go/helium@v0.7.0" \
            "third_party/tablewriter github.com/olekukonko/tablewriter@v1.1.5" \
            "third_party/regexp2 github.com/dlclark/regexp2@v1.12.0" \
            "third_party/gotenv github.com/subosito/gotenv@v1.6.0" \
            "third_party/yaml go.yaml.in/yaml/v3@v3.0.4" \
            "third_party/runewidth github.com/mattn/go-runewidth@v0.0.19" \
            "third_party/cast github.com/spf13/cast@v1.10.0"; do
  set -- $pair
  local_dir=$1 mod=$2
  dir=$(go mod download -json "$mod" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
  [ -d "$dir" ] || { echo "third-party-diff: download of $mod failed" >&2; exit 1; }
  echo "== $local_dir against $mod"
  if [ "${UNIFIED:-}" = 1 ]; then
    diff -ru -x corpus -x manifest.json -x docs -x bin -x .github -x 'go.work*' "$dir" "$local_dir" || true
  else
    diff -rq "$dir" "$local_dir" | grep -v "^Only in $dir/tests/corpus" || true
  fi
done
goroot=$(go env GOROOT)
echo "== third_party/template against $(go env GOVERSION)'s standard library"
for pkg in text/template html/template internal/fmtsort; do
  if [ "${UNIFIED:-}" = 1 ]; then
    diff -ru "$goroot/src/$pkg" "third_party/template/$pkg" || true
  else
    diff -rq "$goroot/src/$pkg" "third_party/template/$pkg" || true
  fi
done

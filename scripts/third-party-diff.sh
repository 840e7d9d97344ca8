#!/usr/bin/env bash
# Lists how third_party/xsd differs from jacoelho/xsd at the version it was
# copied from (downloaded through the Go module proxy), as a check of
# third_party/xsd/PATCHES.md. With -u, prints the unified diff of the changed
# files as well.
set -euo pipefail
cd "$(dirname "$0")/.."
version=v0.4.0
dir=$(go mod download -json "github.com/jacoelho/xsd@$version" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
[ -d "$dir" ] || { echo "xsd-upstream-diff: download of $version failed" >&2; exit 1; }
if [ "${1:-}" = -u ]; then
  diff -ru -x corpus -x manifest.json -x docs -x bin -x .github "$dir" third_party/xsd || true
else
  diff -rq "$dir" third_party/xsd | grep -v "^Only in $dir/tests/corpus" || true
fi

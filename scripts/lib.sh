# Shared by the bench scripts (source it after cd to the repository root):
# builds ozgctl into $BIN unless it is there, and sets CORPUS to
# $OZGCTL_CORPUS or the first shared/corpus above the repository (empty
# when there is none; the scripts skip then).
BIN=${BIN:-bin/ozgctl}
[ -x "$BIN" ] || CGO_ENABLED=0 go build -o "$BIN" ./cmd/ozgctl
CORPUS=${OZGCTL_CORPUS:-}
if [ -z "$CORPUS" ]; then
  d=$PWD
  while [ "$d" != / ]; do [ -d "$d/shared/corpus/xoev" ] && { CORPUS=$d/shared/corpus; break; }; d=$(dirname "$d"); done
fi

#!/usr/bin/env bash
# The shell steps of the ozgctl GitHub Action (action.yml): install ozgctl,
# run it, report to the job. Kept out of action.yml so that a test
# (ci/action_test.go) runs it locally with the GITHUB_* variables set.
#
# Inputs come as environment variables (action.yml sets them):
#   OZGCTL_COMMAND     ozgctl command, e.g. "check" or "fim lint"
#   OZGCTL_ARGS        its arguments, split on white space (no quoting;
#                      ozgctl expands glob patterns itself)
#   OZGCTL_VERSION     release tag to install (v1.2.0); empty or "source"
#                      builds ozgctl from the action's own source
#   OZGCTL_SARIF_FILE  also write a SARIF report there (for upload-sarif)
#   OZGCTL_RELEASE_URL base URL of the release downloads (default: the
#                      GitHub releases of ozgctl/ozgctl); file:// works
# The runner provides GITHUB_ACTION_PATH, GITHUB_WORKSPACE, RUNNER_TEMP,
# GITHUB_OUTPUT, GITHUB_STEP_SUMMARY and GITHUB_PATH.
#
# Outputs (GITHUB_OUTPUT): exit-code (ozgctl's), sarif-file, summary, and
# category (the SARIF category: ozgctl-<command words joined by ->).
# The script exits with ozgctl's exit code, after writing the outputs and
# the step summary.
set -euo pipefail

die() { echo "::error title=ozgctl action::$*" >&2; exit 2; }

: "${GITHUB_ACTION_PATH:?not set: run inside GitHub Actions or set it to the checkout of the action}"
: "${RUNNER_TEMP:?not set}"
: "${GITHUB_OUTPUT:?not set}"
: "${OZGCTL_COMMAND:=check}"
: "${OZGCTL_ARGS:=}"
: "${OZGCTL_VERSION:=}"
: "${OZGCTL_SARIF_FILE:=}"
: "${OZGCTL_RELEASE_URL:=https://github.com/ozgctl/ozgctl/releases/download}"

bindir="$RUNNER_TEMP/ozgctl-bin"
mkdir -p "$bindir"
exe="$bindir/ozgctl"

sha256() {
	if command -v sha256sum >/dev/null 2>&1; then
		sha256sum "$1" | cut -d' ' -f1
	else
		shasum -a 256 "$1" | cut -d' ' -f1
	fi
}

fetch() { # URL FILE
	case "$1" in
	file://*) cp "${1#file://}" "$2" ;;
	*) curl -fsSL --retry 3 -o "$2" "$1" ;;
	esac
}

install_release() {
	local version="$1" os arch asset
	case "$(uname -s)" in
	Linux) os=linux ;;
	Darwin) os=darwin ;;
	MINGW* | MSYS* | CYGWIN*) os=windows ;;
	*) die "no release binary for $(uname -s); use version: source" ;;
	esac
	case "$(uname -m)" in
	x86_64 | amd64) arch=amd64 ;;
	aarch64 | arm64) arch=arm64 ;;
	*) die "no release binary for $(uname -m); use version: source" ;;
	esac
	asset="ozgctl_${version}_${os}_${arch}"
	[ "$os" = windows ] && asset="$asset.exe" && exe="$exe.exe"
	local tmp="$RUNNER_TEMP/ozgctl-download"
	mkdir -p "$tmp"
	fetch "$OZGCTL_RELEASE_URL/$version/SHA256SUMS" "$tmp/SHA256SUMS" || die "download $OZGCTL_RELEASE_URL/$version/SHA256SUMS failed"
	fetch "$OZGCTL_RELEASE_URL/$version/$asset" "$tmp/$asset" || die "download $OZGCTL_RELEASE_URL/$version/$asset failed"
	local want got
	want="$(awk -v a="$asset" '$2 == a || $2 == "*" a { print $1 }' "$tmp/SHA256SUMS")"
	[ -n "$want" ] || die "SHA256SUMS of $version lists no $asset"
	got="$(sha256 "$tmp/$asset")"
	[ "$want" = "$got" ] || die "checksum mismatch for $asset: SHA256SUMS says $want, the download is $got"
	install -m 0755 "$tmp/$asset" "$exe"
	echo "installed ozgctl $version ($asset, sha256 $got)"
}

install_source() {
	command -v go >/dev/null 2>&1 || die "version: source needs Go (actions/setup-go runs before this step)"
	(cd "$GITHUB_ACTION_PATH" && CGO_ENABLED=0 go build -trimpath -o "$exe" ./cmd/ozgctl) || die "go build of ozgctl failed"
	echo "built ozgctl from source ($GITHUB_ACTION_PATH)"
}

case "$OZGCTL_VERSION" in
"" | source) install_source ;;
v[0-9]*) install_release "$OZGCTL_VERSION" ;;
*) die "version \"$OZGCTL_VERSION\": want a release tag such as v1.2.0, or source" ;;
esac
if [ -n "${GITHUB_PATH:-}" ]; then
	echo "$bindir" >>"$GITHUB_PATH"
fi

read -r -a cmd <<<"$OZGCTL_COMMAND"
read -r -a args <<<"$OZGCTL_ARGS"
extra=()
case " $OZGCTL_ARGS " in
*" --output "* | *" --output="*) ;;
*) extra+=(--output github) ;;
esac
if [ -n "$OZGCTL_SARIF_FILE" ]; then
	mkdir -p "$(dirname "$OZGCTL_SARIF_FILE")"
	extra+=(--report "sarif=$OZGCTL_SARIF_FILE")
fi

cd "${GITHUB_WORKSPACE:-.}"
log="$RUNNER_TEMP/ozgctl-output.txt"
echo "+ ozgctl ${cmd[*]} ${extra[*]} ${args[*]}"
set +e
"$exe" "${cmd[@]}" "${extra[@]}" "${args[@]}" | tee "$log"
code=${PIPESTATUS[0]}
set -e

# The summary line is the last line that is no workflow command.
summary="$(grep -v '^::' "$log" | grep -v '^$' | tail -n 1 || true)"
{
	echo "exit-code=$code"
	echo "sarif-file=$OZGCTL_SARIF_FILE"
	echo "summary=$summary"
	echo "category=ozgctl-$(IFS=-; echo "${cmd[*]}")"
} >>"$GITHUB_OUTPUT"

if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
	case "$code" in
	0) verdict="passed" ;;
	1) verdict="findings at or above --fail-on" ;;
	*) verdict="could not check every input (usage error or unreadable input)" ;;
	esac
	{
		echo "### ozgctl ${cmd[*]}"
		echo
		echo "| | |"
		echo "|---|---|"
		echo "| exit code | $code ($verdict) |"
		echo "| summary | ${summary//|/\\|} |"
		if [ -n "$OZGCTL_SARIF_FILE" ]; then
			echo "| SARIF | \`$OZGCTL_SARIF_FILE\` |"
		fi
		echo
	} >>"$GITHUB_STEP_SUMMARY"
fi
exit "$code"

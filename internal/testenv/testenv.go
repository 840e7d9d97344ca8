// Package testenv finds what tests need from outside the module (oracle
// tools, the shared corpus) and records what they skipped, so that
// "make test" can end with one summary of what did not run and how to
// enable it.
package testenv

import (
	"fmt"
	"os"
	"os/exec"
	"sync"
	"testing"

	"github.com/ozgctl/ozgctl/internal/testcorpus"
)

// InCI reports whether the tests run in CI (CI=true), where every oracle
// must be installed (.ci/run installs them) and a missing one is a failure.
func InCI() bool { return os.Getenv("CI") == "true" }

// Tool returns the path of an oracle tool; when it is missing the test
// fails in CI and is skipped (and recorded) elsewhere. install says how
// to get it, e.g. "apt-get install libxml2-utils".
func Tool(t testing.TB, name, install string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		Missing(t, name, install)
	}
	return p
}

// Missing ends a test whose oracle what is absent: a failure in CI, a
// recorded skip elsewhere.
func Missing(t testing.TB, what, install string) {
	t.Helper()
	if InCI() {
		t.Fatalf("%s not found; .ci/run should install it (%s)", what, install)
	}
	Skip(t, what+" not installed", install)
}

var logMu sync.Mutex

// Skip skips the test and appends "reason — enable" to the file named by
// $OZGCTL_SKIPLOG, if set; enable says what makes the test run.
func Skip(t testing.TB, reason, enable string) {
	t.Helper()
	if path := os.Getenv("OZGCTL_SKIPLOG"); path != "" {
		logMu.Lock()
		if f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644); err == nil {
			fmt.Fprintf(f, "%s — %s\n", reason, enable)
			f.Close()
		}
		logMu.Unlock()
	}
	t.Skipf("%s (%s)", reason, enable)
}

// Corpus returns the shared corpus directory (see testcorpus.Dir), or
// skips the test, recorded, when there is none.
func Corpus(t testing.TB) string {
	t.Helper()
	dir := testcorpus.Dir()
	if dir == "" {
		Skip(t, "shared corpus not found", "run beside ../shared/corpus or set OZGCTL_CORPUS")
	}
	return dir
}

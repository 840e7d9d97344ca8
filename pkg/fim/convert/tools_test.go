package convert

import (
	"github.com/ozgctl/ozgctl/internal/testenv"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// inCI reports whether the tests run in CI, where every oracle must be
// installed (.ci/run installs them) and a missing one is a failure.
func inCI() bool { return os.Getenv("CI") == "true" }

// lookTool finds an external oracle; it skips the test locally when the
// tool is absent and fails it in CI.
func lookTool(t testing.TB, name, install string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		testenv.Missing(t, name, install)
	}
	return p
}

// npmTool finds a binary installed by .ci/run under .cache/npm at the
// module root.
func npmTool(t testing.TB, name, install string) string {
	t.Helper()
	dir, _ := os.Getwd()
	for {
		p := filepath.Join(dir, ".cache", "npm", "node_modules", ".bin", name)
		if _, err := os.Stat(p); err == nil {
			if _, err := exec.LookPath("node"); err == nil {
				return p
			}
		}
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			break
		}
		dir = parent
	}
	testenv.Missing(t, name+" under .cache/npm", install)
	return ""
}

// moduleRoot returns the directory holding go.mod.
func moduleRoot(t testing.TB) string {
	dir, _ := os.Getwd()
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test directory")
		}
		dir = parent
	}
}

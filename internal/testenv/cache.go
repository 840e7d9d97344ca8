package testenv

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
)

// Runner is what TestMain runs: *testing.M, or a wrapper of it.
type Runner interface{ Run() int }

type isolatedCache struct{ m Runner }

// IsolatedCache returns m with $XDG_CACHE_HOME pointing at a fresh
// temporary directory while it runs (removed afterwards), so that no test
// of a package whose commands use the user's cache directory (ozgctl's
// compiled-schema cache) reads or writes the real one. Go's own build
// cache stays where it was ($GOCACHE is pinned first): tests that run the
// go command must not rebuild the world. Call it from TestMain:
// os.Exit(testenv.IsolatedCache(m).Run()).
func IsolatedCache(m Runner) Runner { return isolatedCache{m} }

func (c isolatedCache) Run() int {
	dir, err := os.MkdirTemp("", "ozgctl-test-cache-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "testenv:", err)
		return 1
	}
	defer os.RemoveAll(dir)
	if os.Getenv("GOCACHE") == "" {
		if out, err := exec.Command("go", "env", "GOCACHE").Output(); err == nil && len(bytes.TrimSpace(out)) > 0 {
			_ = os.Setenv("GOCACHE", string(bytes.TrimSpace(out)))
		}
	}
	if err := os.Setenv("XDG_CACHE_HOME", dir); err != nil {
		fmt.Fprintln(os.Stderr, "testenv:", err)
		return 1
	}
	return c.m.Run()
}

// Package testcorpus finds the shared corpus of real standard artefacts
// (shared/corpus beside the repository) for tests that run over all of it.
package testcorpus

import (
	"os"
	"path/filepath"
)

// Dir returns $OZGCTL_CORPUS, or the first shared/corpus directory found
// walking up from the working directory, or "" when there is none (a fresh
// clone); tests then skip or fall back to their testdata copies.
func Dir() string {
	if d := os.Getenv("OZGCTL_CORPUS"); d != "" {
		return d
	}
	dir, err := filepath.Abs(".")
	if err != nil {
		return ""
	}
	for {
		c := filepath.Join(dir, "shared", "corpus")
		if st, err := os.Stat(c); err == nil && st.IsDir() {
			return c
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

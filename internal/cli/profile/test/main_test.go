package test

import (
	"os"
	"testing"

	"github.com/ozgctl/ozgctl/internal/testenv"
)

// TestMain keeps the commands' compiled-schema cache away from the user's
// cache directory.
func TestMain(m *testing.M) { os.Exit(testenv.IsolatedCache(m).Run()) }

package cmdutil

import (
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"

	"github.com/spf13/cobra"

	"github.com/ozgctl/ozgctl/pkg/xoev"
)

// noCacheUsage is the help text of --no-cache on every command that
// compiles schema sets.
const noCacheUsage = "compile every schema set afresh: neither read nor write the compiled-schema cache (ozgctl below the user's cache directory, $XDG_CACHE_HOME/ozgctl)"

// AddNoCacheFlag registers --no-cache on cmd.
func AddNoCacheFlag(cmd *cobra.Command, noCache *bool) {
	cmd.Flags().BoolVar(noCache, "no-cache", false, noCacheUsage)
}

// SchemaCache returns the compiled-schema cache of a run: the directory
// ozgctl below $XDG_CACHE_HOME when that is an absolute path (on every
// system), else below the system's user cache directory (~/.cache on
// Linux, ~/Library/Caches on macOS, %LocalAppData% on Windows); nil with
// --no-cache or when there is no such directory. A directory that cannot
// be written is no error: the run compiles as without a cache.
func SchemaCache(noCache bool) *xoev.SchemaCache {
	if noCache {
		return nil
	}
	dir := os.Getenv("XDG_CACHE_HOME")
	if !filepath.IsAbs(dir) {
		var err error
		if dir, err = os.UserCacheDir(); err != nil {
			return nil
		}
	}
	return &xoev.SchemaCache{Dir: filepath.Join(dir, "ozgctl"), Build: buildIdentity()}
}

// ReadBuildInfo is [debug.ReadBuildInfo] parsed once per process: the
// version of the reports and the key of the schema cache both need it, and
// each parse costs a short run ~0.1 ms.
var ReadBuildInfo = sync.OnceValues(debug.ReadBuildInfo)

// buildIdentity names the binary by its module version and VCS stamp; the
// cache also keys on the executable file itself.
var buildIdentity = sync.OnceValue(func() string {
	bi, ok := ReadBuildInfo()
	if !ok {
		return ""
	}
	parts := []string{bi.Main.Version, bi.GoVersion}
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision", "vcs.time", "vcs.modified", "-ldflags":
			parts = append(parts, s.Key+"="+s.Value)
		}
	}
	return strings.Join(parts, " ")
})

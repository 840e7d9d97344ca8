package cmdutil

import (
	"time"

	"github.com/schollz/progressbar/v3"

	"github.com/ozgctl/ozgctl/internal/cli/iostreams"
)

// Progress returns a callback for batch.Options.Progress that draws a
// bar on stderr, and a finish function that clears it. Both are no-ops
// when stderr is not a terminal, with --quiet, or for a single input.
func Progress(ios *iostreams.IOStreams, what string, total int) (update func(done, total int), finish func()) {
	if !ios.ProgressEnabled() || total < 2 {
		return nil, func() {}
	}
	bar := progressbar.NewOptions(total,
		progressbar.OptionSetWriter(ios.ErrOut),
		progressbar.OptionSetDescription(what),
		progressbar.OptionShowCount(),
		progressbar.OptionSetWidth(30),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionClearOnFinish(),
		progressbar.OptionEnableColorCodes(false),
	)
	// Workers report in any order; each call means one more input done.
	return func(int, int) { _ = bar.Add(1) }, func() { _ = bar.Finish() }
}

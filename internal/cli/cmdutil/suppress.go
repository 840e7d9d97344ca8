package cmdutil

import (
	"errors"
	"fmt"
	"io/fs"

	"github.com/spf13/cobra"

	"github.com/ozgctl/ozgctl/internal/cli/iostreams"
	"github.com/ozgctl/ozgctl/pkg/baseline"
	"github.com/ozgctl/ozgctl/pkg/finding"
	"github.com/ozgctl/ozgctl/pkg/report"
)

// BaselineHelp is the paragraph of a command's help that explains
// --baseline and the ignore entries of the config file.
const BaselineHelp = `With --baseline FILE, findings recorded in the baseline (matched by file,
rule, stable element path and message key, not by line) are reported as
suppressed and do not count toward --fail-on; --update-baseline writes
the file from this run. Entries no finding matches any more are listed
as stale. The ignore entries of ozgctl.yaml (rule, reason, optional path
and file globs) suppress findings the same way (docs/ci.md).`

// BaselineFlags are --baseline and --update-baseline.
type BaselineFlags struct {
	// Baseline is the baseline file, "" for none.
	Baseline string
	// Update writes the baseline from this run's findings.
	Update bool
}

// addBaselineFlags registers --baseline and --update-baseline.
func addBaselineFlags(cmd *cobra.Command, b *BaselineFlags) {
	cmd.Flags().StringVar(&b.Baseline, "baseline", "", "accept the findings recorded in the baseline `FILE`: reported as suppressed, they do not fail the run")
	cmd.Flags().BoolVar(&b.Update, "update-baseline", false, "write this run's findings to the --baseline file (entries of files not checked are kept)")
}

// check returns a FlagError for --update-baseline without --baseline.
func (b *BaselineFlags) check() error {
	if b.Update && b.Baseline == "" {
		return FlagErrorf("--update-baseline: give the file to write with --baseline FILE")
	}
	return nil
}

// Load reads the baseline file before a run spends its time: nil when
// there is none to apply (no --baseline, or --update-baseline and the file
// does not exist yet).
func (b *BaselineFlags) Load() (*baseline.Baseline, error) {
	if b.Baseline == "" {
		return nil, nil
	}
	base, err := baseline.Read(b.Baseline)
	switch {
	case err == nil:
		return base, nil
	case b.Update && errors.Is(err, fs.ErrNotExist):
		return nil, nil
	case errors.Is(err, fs.ErrNotExist):
		return nil, &HintError{Err: fmt.Errorf("--baseline %s: no such file", b.Baseline),
			Hint: "write it with --update-baseline, which records the findings of this run"}
	}
	if b.Update {
		// A broken file is replaced: the run's findings are what counts.
		return nil, nil
	}
	return nil, &HintError{Err: err, Hint: "fix the file, or rewrite it with --update-baseline"}
}

// Suppress marks the findings of r that the config's ignore entries and
// the baseline accept as suppressed. With --update-baseline it first
// writes the baseline from r (unless the run was interrupted, whose
// findings are incomplete), so that the report shows every finding as
// accepted. Call it after [finding.Report.SortFiles].
func Suppress(ios *iostreams.IOStreams, r *finding.Report, ignores []baseline.Ignore, b BaselineFlags, base *baseline.Baseline, interrupted bool, lang string) error {
	baseline.ApplyIgnores(r, ignores)
	if b.Update && !interrupted {
		base = base.Update(r, lang)
		if err := report.WriteAtomic(b.Baseline, base.Marshal()); err != nil {
			return fmt.Errorf("--update-baseline: %w", err)
		}
		if !ios.Quiet() {
			fmt.Fprintf(ios.ErrOut, "baseline: wrote %d entries to %s\n", len(base.Entries), b.Baseline)
		}
	}
	if base != nil {
		base.Apply(r, b.Baseline)
	}
	return nil
}

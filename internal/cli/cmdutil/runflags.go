package cmdutil

import (
	"github.com/spf13/cobra"

	"github.com/ozgctl/ozgctl/pkg/baseline"
	"github.com/ozgctl/ozgctl/pkg/finding"
)

// RunFlags are what every command that checks inputs and reports findings
// (check, fim lint, bpmn lint) takes besides what it checks against: the
// workers, the outputs, the baseline, the config's ignore entries, and
// the arguments and command line of the run.
type RunFlags struct {
	// Jobs is the number of parallel workers (0: number of CPUs).
	Jobs   int
	Output OutputFlags
	// Baseline holds --baseline and --update-baseline; Ignores the
	// ignore entries of the config file.
	Baseline BaselineFlags
	Ignores  []baseline.Ignore
	Args     []string
	Command  string
}

// AddRunFlags registers -j, the baseline flags and the output flags with
// the command's formats.
func AddRunFlags(cmd *cobra.Command, r *RunFlags, formats []string) {
	cmd.Flags().IntVarP(&r.Jobs, "jobs", "j", 0, "parallel workers (default: number of CPUs)")
	addBaselineFlags(cmd, &r.Baseline)
	AddOutputFlags(cmd, &r.Output, formats)
}

// Parse takes the arguments, the command line and the config's ignore
// entries of a run and checks the flags; noInput is the usage error for a
// run without arguments.
func (r *RunFlags) Parse(cmd *cobra.Command, f *Factory, args []string, noInput string) error {
	r.Args = args
	r.Command = CommandLine(cmd)
	r.Ignores = f.Ignores
	if len(args) == 0 {
		return FlagErrorf("%s", noInput)
	}
	if r.Jobs < 0 {
		return FlagErrorf("-j %d: want a positive number of workers", r.Jobs)
	}
	return r.Baseline.check()
}

// Resolve opens the report sinks of the output flags among formats and
// loads the baseline, in that order.
func (r *RunFlags) Resolve(formats []string) (sinks []ReportSink, failOn finding.Severity, base *baseline.Baseline, err error) {
	if sinks, failOn, err = r.Output.Resolve(formats); err != nil {
		return nil, 0, nil, err
	}
	if base, err = r.Baseline.Load(); err != nil {
		return nil, 0, nil, err
	}
	return sinks, failOn, base, nil
}

// AddExcludeFlag registers --exclude, the glob patterns of inputs found
// below directory arguments that a run leaves out.
func AddExcludeFlag(cmd *cobra.Command, exclude *[]string) {
	cmd.Flags().StringArrayVar(exclude, "exclude", nil, "leave out files and directories matching `GLOB` below directory arguments, by name or path (repeatable)")
}

package cli

import (
	"github.com/spf13/cobra"

	"github.com/ozgctl/ozgctl/internal/cli/check"
	"github.com/ozgctl/ozgctl/internal/cli/cmdutil"
	fimconvert "github.com/ozgctl/ozgctl/internal/cli/fim/convert"
	fimdiff "github.com/ozgctl/ozgctl/internal/cli/fim/diff"
	fimlint "github.com/ozgctl/ozgctl/internal/cli/fim/lint"
	fimmigrate "github.com/ozgctl/ozgctl/internal/cli/fim/migrate"
	fimsample "github.com/ozgctl/ozgctl/internal/cli/fim/sample"
	fimshow "github.com/ozgctl/ozgctl/internal/cli/fim/show"
	"github.com/ozgctl/ozgctl/internal/cli/process"
	profilesuggest "github.com/ozgctl/ozgctl/internal/cli/profile/suggest"
	profiletest "github.com/ozgctl/ozgctl/internal/cli/profile/test"
	profilevalidate "github.com/ozgctl/ozgctl/internal/cli/profile/validate"
	reportinterop "github.com/ozgctl/ozgctl/internal/cli/report/interop"
	reportmerge "github.com/ozgctl/ozgctl/internal/cli/report/merge"
	"github.com/ozgctl/ozgctl/internal/cli/rules"
	"github.com/ozgctl/ozgctl/internal/cli/serve"
	xoevdiff "github.com/ozgctl/ozgctl/internal/cli/xoev/diff"
)

// addCommands builds the command tree below root: one line per command,
// in the order "ozgctl help" lists them.
func addCommands(root *cobra.Command, f *cmdutil.Factory) {
	root.AddCommand(
		newCmdVersion(f),
		check.NewCmdCheck(f, nil),
		rules.NewCmdRules(f, nil),
		serve.NewCmdServe(f, nil),
		group("fim", "read, lint and convert FIM definitions (XDatenfelder, code lists)",
			fimshow.NewCmdShow(f, nil),
			fimlint.NewCmdLint(f, nil),
			fimconvert.NewCmdConvert(f, nil),
			fimsample.NewCmdSample(f, nil),
			fimmigrate.NewCmdMigrate(f, nil),
			fimdiff.NewCmdDiff(f, nil),
		),
		group("xoev", "compare versions of XÖV schema sets",
			xoevdiff.NewCmdDiff(f, nil),
		),
		group("bpmn", "check and draw BPMN 2.0 process models",
			process.NewCmdLint(f, nil),
			process.NewCmdConvert(f, false, nil),
		),
		group("xprozess", "read XProzess 2.0 exports: processes, their models and forms",
			process.NewCmdShow(f, nil),
			process.NewCmdExtract(f, nil),
			process.NewCmdConvert(f, true, nil),
		),
		group("profile", "validate and test conformance profiles and rule sets",
			profilevalidate.NewCmdValidate(f, nil),
			profiletest.NewCmdTest(f, nil),
			profilesuggest.NewCmdSuggest(f, nil),
		),
		group("report", "compare and merge reports across vendors and shards",
			reportinterop.NewCmdInterop(f, nil),
			reportmerge.NewCmdMerge(f, nil),
		),
	)
}

// group returns a command that only holds its children.
func group(name, short string, children ...*cobra.Command) *cobra.Command {
	cmd := &cobra.Command{Use: name + " <command>", Short: short, Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return cmd.Help() }}
	cmd.AddCommand(children...)
	return cmd
}

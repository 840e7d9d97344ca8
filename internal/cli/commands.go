package cli

import (
	"strings"
	"sync"

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

// topCommands are the commands below root, one line per command, in the
// order "ozgctl help" lists them; each builds its subtree when called.
func topCommands(f *cmdutil.Factory) []struct {
	name  string
	build func() *cobra.Command
} {
	return []struct {
		name  string
		build func() *cobra.Command
	}{
		{"version", func() *cobra.Command { return newCmdVersion(f) }},
		{"check", func() *cobra.Command { return check.NewCmdCheck(f, nil) }},
		{"rules", func() *cobra.Command { return rules.NewCmdRules(f, nil) }},
		{"serve", func() *cobra.Command { return serve.NewCmdServe(f, nil) }},
		{"fim", func() *cobra.Command {
			return group("fim", "read, lint and convert FIM definitions (XDatenfelder, code lists)",
				fimshow.NewCmdShow(f, nil),
				fimlint.NewCmdLint(f, nil),
				fimconvert.NewCmdConvert(f, nil),
				fimsample.NewCmdSample(f, nil),
				fimmigrate.NewCmdMigrate(f, nil),
				fimdiff.NewCmdDiff(f, nil),
			)
		}},
		{"xoev", func() *cobra.Command {
			return group("xoev", "compare versions of XÖV schema sets",
				xoevdiff.NewCmdDiff(f, nil),
			)
		}},
		{"bpmn", func() *cobra.Command {
			return group("bpmn", "check and draw BPMN 2.0 process models",
				process.NewCmdLint(f, nil),
				process.NewCmdConvert(f, false, nil),
			)
		}},
		{"xprozess", func() *cobra.Command {
			return group("xprozess", "read XProzess 2.0 exports: processes, their models and forms",
				process.NewCmdShow(f, nil),
				process.NewCmdExtract(f, nil),
				process.NewCmdConvert(f, true, nil),
			)
		}},
		{"profile", func() *cobra.Command {
			return group("profile", "validate and test conformance profiles and rule sets",
				profilevalidate.NewCmdValidate(f, nil),
				profiletest.NewCmdTest(f, nil),
				profilesuggest.NewCmdSuggest(f, nil),
			)
		}},
		{"report", func() *cobra.Command {
			return group("report", "compare and merge reports across vendors and shards",
				reportinterop.NewCmdInterop(f, nil),
				reportmerge.NewCmdMerge(f, nil),
			)
		}},
	}
}

// addCommands builds the command tree below root. With only set to the
// name of a top-level command it builds just that command's subtree (what
// a run of it needs; building all of them costs every process ~2 ms),
// without cobra's completion command, and
// returns a function that adds the others, for what needs the whole tree
// (checking the keys of a config file); otherwise it builds every command
// and returns a function that does nothing.
func addCommands(root *cobra.Command, f *cmdutil.Factory, only string) (addRest func()) {
	cmds := topCommands(f)
	for _, c := range cmds {
		if c.name == only {
			root.AddCommand(c.build())
			// Nor does the run need cobra's "completion" command (building
			// its four shells' subcommands is ~1 % of a short run).
			root.CompletionOptions.DisableDefaultCmd = true
			return sync.OnceFunc(func() {
				for _, o := range cmds {
					if o.name != only {
						root.AddCommand(o.build())
					}
				}
				root.CompletionOptions.DisableDefaultCmd = false
				root.InitDefaultCompletionCmd()
			})
		}
	}
	for _, c := range cmds {
		root.AddCommand(c.build())
	}
	return func() {}
}

// commandOf returns the first argument if it is no flag: the name of the
// top-level command to run when it names one. A flag before it (whose value
// could be the next argument) gives "", which builds the whole tree.
func commandOf(args []string) string {
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		return ""
	}
	return args[0]
}

// group returns a command that only holds its children.
func group(name, short string, children ...*cobra.Command) *cobra.Command {
	cmd := &cobra.Command{Use: name + " <command>", Short: short, Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return cmd.Help() }}
	cmd.AddCommand(children...)
	return cmd
}

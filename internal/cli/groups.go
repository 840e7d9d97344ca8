package cli

import (
	"github.com/spf13/cobra"

	"github.com/ozgctl/ozgctl/internal/cli/cmdutil"
)

// Each command package is wired in by a register_<name>.go file of this
// package whose init appends to one of these lists, so that command authors
// never edit the same file.
var (
	// fimSubcommands are the commands under "ozgctl fim".
	fimSubcommands []func(*cmdutil.Factory) *cobra.Command
	// profileSubcommands are the commands under "ozgctl profile".
	profileSubcommands []func(*cmdutil.Factory) *cobra.Command
)

func init() {
	subcommands = append(subcommands,
		group("fim", "read, lint and convert FIM definitions (XDatenfelder, code lists)", &fimSubcommands),
		group("profile", "validate and test conformance profiles and rule sets", &profileSubcommands),
	)
}

func group(name, short string, children *[]func(*cmdutil.Factory) *cobra.Command) func(*cmdutil.Factory) *cobra.Command {
	return func(f *cmdutil.Factory) *cobra.Command {
		cmd := &cobra.Command{Use: name + " <command>", Short: short, Args: cobra.NoArgs,
			RunE: func(cmd *cobra.Command, args []string) error { return cmd.Help() }}
		for _, c := range *children {
			cmd.AddCommand(c(f))
		}
		return cmd
	}
}

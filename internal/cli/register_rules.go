package cli

import (
	"github.com/spf13/cobra"

	"github.com/ozgctl/ozgctl/internal/cli/cmdutil"
	"github.com/ozgctl/ozgctl/internal/cli/rules"
)

func init() {
	subcommands = append(subcommands, func(f *cmdutil.Factory) *cobra.Command { return rules.NewCmdRules(f, nil) })
}

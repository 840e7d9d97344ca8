package cli

import (
	"github.com/spf13/cobra"

	"github.com/ozgctl/ozgctl/internal/cli/check"
	"github.com/ozgctl/ozgctl/internal/cli/cmdutil"
)

func init() {
	subcommands = append(subcommands, func(f *cmdutil.Factory) *cobra.Command { return check.NewCmdCheck(f, nil) })
}

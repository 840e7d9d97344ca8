package cli

import (
	"github.com/spf13/cobra"

	"github.com/ozgctl/ozgctl/internal/cli/cmdutil"
	fimlint "github.com/ozgctl/ozgctl/internal/cli/fim/lint"
)

func init() {
	fimSubcommands = append(fimSubcommands, func(f *cmdutil.Factory) *cobra.Command { return fimlint.NewCmdLint(f, nil) })
}

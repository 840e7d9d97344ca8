package cli

import (
	"github.com/spf13/cobra"

	"github.com/ozgctl/ozgctl/internal/cli/cmdutil"
	fimshow "github.com/ozgctl/ozgctl/internal/cli/fim/show"
)

func init() {
	fimSubcommands = append(fimSubcommands, func(f *cmdutil.Factory) *cobra.Command { return fimshow.NewCmdShow(f, nil) })
}

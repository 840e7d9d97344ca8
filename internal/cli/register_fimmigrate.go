package cli

import (
	"github.com/spf13/cobra"

	"github.com/ozgctl/ozgctl/internal/cli/cmdutil"
	fimmigrate "github.com/ozgctl/ozgctl/internal/cli/fim/migrate"
)

func init() {
	fimSubcommands = append(fimSubcommands,
		func(f *cmdutil.Factory) *cobra.Command { return fimmigrate.NewCmdMigrate(f, nil) },
	)
}

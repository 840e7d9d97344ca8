package cli

import (
	"github.com/spf13/cobra"

	"github.com/ozgctl/ozgctl/internal/cli/cmdutil"
	profiletest "github.com/ozgctl/ozgctl/internal/cli/profile/test"
)

func init() {
	profileSubcommands = append(profileSubcommands, func(f *cmdutil.Factory) *cobra.Command { return profiletest.NewCmdTest(f, nil) })
}

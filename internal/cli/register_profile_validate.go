package cli

import (
	"github.com/spf13/cobra"

	"github.com/ozgctl/ozgctl/internal/cli/cmdutil"
	profilevalidate "github.com/ozgctl/ozgctl/internal/cli/profile/validate"
)

func init() {
	profileSubcommands = append(profileSubcommands, func(f *cmdutil.Factory) *cobra.Command { return profilevalidate.NewCmdValidate(f, nil) })
}

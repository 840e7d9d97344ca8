package cli

import (
	"github.com/spf13/cobra"

	"github.com/ozgctl/ozgctl/internal/cli/cmdutil"
	fimconvert "github.com/ozgctl/ozgctl/internal/cli/fim/convert"
	fimsample "github.com/ozgctl/ozgctl/internal/cli/fim/sample"
)

func init() {
	fimSubcommands = append(fimSubcommands,
		func(f *cmdutil.Factory) *cobra.Command { return fimconvert.NewCmdConvert(f, nil) },
		func(f *cmdutil.Factory) *cobra.Command { return fimsample.NewCmdSample(f, nil) },
	)
}

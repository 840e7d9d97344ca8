package cli

import (
	"github.com/spf13/cobra"

	"github.com/ozgctl/ozgctl/internal/cli/cmdutil"
	"github.com/ozgctl/ozgctl/internal/cli/process"
)

// bpmnSubcommands and xprozessSubcommands are the commands under "ozgctl
// bpmn" and "ozgctl xprozess".
var (
	bpmnSubcommands     []func(*cmdutil.Factory) *cobra.Command
	xprozessSubcommands []func(*cmdutil.Factory) *cobra.Command
)

func init() {
	bpmnSubcommands = append(bpmnSubcommands,
		func(f *cmdutil.Factory) *cobra.Command { return process.NewCmdLint(f, nil) },
		func(f *cmdutil.Factory) *cobra.Command { return process.NewCmdConvert(f, false, nil) },
	)
	xprozessSubcommands = append(xprozessSubcommands,
		func(f *cmdutil.Factory) *cobra.Command { return process.NewCmdShow(f, nil) },
		func(f *cmdutil.Factory) *cobra.Command { return process.NewCmdExtract(f, nil) },
		func(f *cmdutil.Factory) *cobra.Command { return process.NewCmdConvert(f, true, nil) },
	)
	subcommands = append(subcommands,
		group("bpmn", "check and draw BPMN 2.0 process models", &bpmnSubcommands),
		group("xprozess", "read XProzess 2.0 exports: processes, their models and forms", &xprozessSubcommands),
	)
}

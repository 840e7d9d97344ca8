// Package interop implements "ozgctl report interop": how groups of
// messages (vendors, products) conform to and use a standard, and where
// they differ.
package interop

import (
	"context"
	"os"

	"github.com/spf13/cobra"

	"github.com/ozgctl/ozgctl/internal/cli/cmdutil"
	"github.com/ozgctl/ozgctl/internal/cli/iostreams"
	"github.com/ozgctl/ozgctl/internal/cli/report/shared"
	"github.com/ozgctl/ozgctl/pkg/batch"
	pinterop "github.com/ozgctl/ozgctl/pkg/interop"
)

// InteropOptions are the parsed flags and arguments of "ozgctl report interop".
type InteropOptions struct {
	IO     *iostreams.IOStreams
	Getenv func(string) string

	// CheckFlags decide conformance, as in "ozgctl check".
	cmdutil.CheckFlags

	// Manifest lists the groups; without it the arguments are.
	Manifest    string
	MinMessages int
	MinDiff     float64
	// Shard and ShardCount select a part of the inputs (--shard i/n|auto).
	Shard      string
	ShardCount int

	Jobs   int
	Output shared.OutputFlags
	Args   []string
}

const long = `Compare how groups of messages (vendors, products) conform to a standard
and how they fill it.

Each first-level subdirectory of DIR is a group, or each GROUPDIR given,
or the groups of --manifest (name, vendor, product, version, inputs).
Every *.xml below a group is one message. The check flags are those of
"ozgctl check"; without any, messages are only checked for well-formedness
and identified.

Per group the report counts messages, valid and invalid ones, message
types (root element, standard, version), rules broken (messages affected),
and the usage profile: for every element and attribute path (local names
joined by "/", attributes as ".../@name") and every code value, the number
of the group's messages in which it occurs.

Differences compare, per message type, the share of messages using a
path or code value between groups with at least --min-messages messages
of that type, when the shares differ by at least --min-diff; also message
types one group sends and another of the same standard does not, and
rules that fail in one group and never in another.

The JSON holds counts only: "ozgctl report merge" of the JSON of shards
(--shard i/n) gives the report of the unsharded run.`

const example = `  # three vendors' XRechnung invoices, each group a subdirectory
  ozgctl report interop examples/interop/vendors

  # with the XRechnung profile, as Markdown for a merge request
  ozgctl report interop --profile examples/profiles/xrechnung-ubl.yaml --output markdown examples/interop/vendors

  # two shards, each written as JSON for "ozgctl report merge"
  ozgctl report interop --shard 1/2 --report json=interop-1.json examples/interop/vendors
  ozgctl report interop --shard 2/2 --report json=interop-2.json examples/interop/vendors`

// NewCmdInterop builds the command.
func NewCmdInterop(f *cmdutil.Factory, runF func(*InteropOptions) error) *cobra.Command {
	opts := &InteropOptions{IO: f.IO, Getenv: os.Getenv}
	cmd := &cobra.Command{
		Use:     "interop [flags] {DIR | GROUPDIR...}",
		Short:   "compare how groups of messages conform to and use a standard",
		Long:    long,
		Example: example,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Args = args
			if err := cmdutil.CheckGroupArgs(args, opts.Manifest); err != nil {
				return err
			}
			for _, a := range args {
				if a == batch.StdinName {
					return cmdutil.FlagErrorf("groups are directories: standard input cannot be one")
				}
			}
			if err := opts.CheckFlags.Check(); err != nil {
				return err
			}
			if opts.MinMessages < 1 {
				return cmdutil.FlagErrorf("--min-messages %d: want at least 1", opts.MinMessages)
			}
			if opts.MinDiff < 0 || opts.MinDiff > 1 {
				return cmdutil.FlagErrorf("--min-diff %g: want a share between 0 and 1", opts.MinDiff)
			}
			if opts.Jobs < 0 {
				return cmdutil.FlagErrorf("-j %d: want a positive number of workers", opts.Jobs)
			}
			if runF != nil {
				return runF(opts)
			}
			return interopRun(cmd.Context(), opts)
		},
	}
	cmdutil.AddCheckFlags(cmd, &opts.CheckFlags)
	fl := cmd.Flags()
	fl.StringVar(&opts.Manifest, "manifest", "", "YAML `FILE` listing the groups (name, vendor, product, version, inputs)")
	fl.IntVar(&opts.MinMessages, "min-messages", pinterop.DefaultSettings.MinMessages, "compare a group on a message type only with at least `N` messages of it")
	fl.Float64Var(&opts.MinDiff, "min-diff", pinterop.DefaultSettings.MinDiff, "report a difference from this share `F` (0–1) on")
	fl.StringVar(&opts.Shard, "shard", "", "check only shard `i/n` of the sorted inputs, or auto (from CI variables)")
	fl.IntVar(&opts.ShardCount, "shard-count", 0, "number of shards with --shard auto on a Kubernetes Indexed Job")
	fl.IntVarP(&opts.Jobs, "jobs", "j", 0, "parallel workers (default: number of CPUs)")
	shared.AddOutputFlags(cmd, &opts.Output, pinterop.Formats())
	return cmd
}

func interopRun(ctx context.Context, opts *InteropOptions) error {
	sinks, err := opts.Output.Resolve()
	if err != nil {
		return err
	}
	shard, err := batch.ParseShard(opts.Shard, opts.ShardCount, opts.Getenv)
	if err != nil {
		return &cmdutil.FlagError{Err: err}
	}
	if err := cmdutil.CheckDirs("--codelists", opts.CodeLists); err != nil {
		return err
	}
	sources, err := cmdutil.GroupSources(opts.Args, opts.Manifest)
	if err != nil {
		return err
	}
	p, err := cmdutil.BuildPipeline(ctx, opts.IO, opts.CheckFlags.Config(opts.Output.Lang))
	if err != nil {
		return err
	}
	res, results := pinterop.Run(ctx, p.Stages, sources, pinterop.RunOptions{
		Settings: pinterop.Settings{MinMessages: opts.MinMessages, MinDiff: opts.MinDiff},
		Shard:    shard,
		Batch:    batch.Options{Workers: opts.Jobs},
	})
	if err := shared.Write(opts.IO, sinks, res, opts.Output.Lang); err != nil {
		return err
	}
	for i := range results {
		if results[i].Err != nil {
			return cmdutil.ErrInput
		}
	}
	return nil
}

// Package merge implements "ozgctl report merge": the JSON results of
// sharded "check" or "report interop" runs combined into one report.
package merge

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"slices"

	"github.com/spf13/cobra"

	"github.com/ozgctl/ozgctl/internal/cli/cmdutil"
	"github.com/ozgctl/ozgctl/internal/cli/iostreams"
	"github.com/ozgctl/ozgctl/internal/cli/report/shared"
	"github.com/ozgctl/ozgctl/pkg/finding"
	"github.com/ozgctl/ozgctl/pkg/interop"
	"github.com/ozgctl/ozgctl/pkg/report"
)

// MergeOptions are the parsed flags and arguments of "ozgctl report merge".
type MergeOptions struct {
	IO    *iostreams.IOStreams
	Build cmdutil.BuildInfo

	Output cmdutil.OutputFlags
	// FailOnSet is true when --fail-on was given; otherwise check results
	// keep the level of the shards' run.
	FailOnSet bool
	Args      []string
}

const long = `Combine the JSON results of sharded runs ("check --shard i/n --output
json" or "report interop --shard i/n --output json") into one report. The
kind is read from the files: all must be check results or all interop
results.

Check results are concatenated and sorted by file as one run sorts them;
interop results are added up group by group and their differences
computed again. The merged report equals the unsharded run's in every
format: the JSON of a shard carries the run's command, rule documentation,
--fail-on level and check times (a "run" object), and the shards must
agree on them. JUnit's time attributes are the shards' check times.
Without --fail-on, check results keep the level the shards ran with.

Exit codes for check results are those of check (0, 1 findings at or
above --fail-on, 2 an input that could not be checked); interop results
exit 0. A file that is not such a result is a usage error (2).`

const example = `  # the shards of "ozgctl report interop --shard i/2 --report json=interop-i.json"
  ozgctl report merge interop-1.json interop-2.json
  ozgctl report merge --output html --report markdown=interop.md interop-1.json interop-2.json

  # check shards
  ozgctl check --xsd examples/xoev/xsd/demo.xsd --catalog examples/xoev/catalog.xml --shard 1/2 --report json=check-1.json examples/xoev/messages
  ozgctl check --xsd examples/xoev/xsd/demo.xsd --catalog examples/xoev/catalog.xml --shard 2/2 --report json=check-2.json examples/xoev/messages
  ozgctl report merge --output junit check-1.json check-2.json`

// NewCmdMerge builds the command.
func NewCmdMerge(f *cmdutil.Factory, runF func(*MergeOptions) error) *cobra.Command {
	opts := &MergeOptions{IO: f.IO, Build: f.Build}
	cmd := &cobra.Command{
		Use:     "merge [flags] RESULT.json...",
		Short:   "combine the JSON results of sharded runs into one report",
		Long:    long,
		Example: example,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return cmdutil.FlagErrorf("no results given: pass the JSON files of the shards")
			}
			opts.Args = args
			opts.FailOnSet = cmd.Flags().Changed("fail-on")
			if runF != nil {
				return runF(opts)
			}
			return mergeRun(cmd.Context(), opts)
		},
	}
	// The KoSIT report needs the steps' messages, which the JSON of a
	// shard does not carry: write it in the check runs themselves.
	formats := append(slices.DeleteFunc(report.Formats(), func(f string) bool { return f == report.FormatKoSIT }), report.FormatMarkdown)
	cmdutil.AddOutputFlags(cmd, &opts.Output, formats)
	return cmd
}

type kind int

const (
	kindCheck kind = iota + 1
	kindInterop
)

func mergeRun(_ context.Context, opts *MergeOptions) error {
	var checks []*finding.Report
	var interops []*interop.Result
	var k kind
	for _, a := range opts.Args {
		data, err := os.ReadFile(a)
		if err != nil {
			return cmdutil.FlagErrorf("%s: %v", a, cmdutil.PathErr(err))
		}
		var top map[string]json.RawMessage
		if err := json.Unmarshal(data, &top); err != nil {
			return cmdutil.FlagErrorf("%s: not a JSON result: %v", a, err)
		}
		this := kind(0)
		switch {
		case top["groups"] != nil:
			this = kindInterop
		case top["files"] != nil:
			this = kindCheck
		default:
			return cmdutil.FlagErrorf("%s: neither a check result (\"files\") nor an interop result (\"groups\")", a)
		}
		if k != 0 && this != k {
			return cmdutil.FlagErrorf("%s: check and interop results cannot be merged together", a)
		}
		k = this
		if k == kindInterop {
			r, err := interop.ReadResult(bytes.NewReader(data))
			if err != nil {
				return cmdutil.FlagErrorf("%s: %v", a, err)
			}
			interops = append(interops, r)
			continue
		}
		r, err := report.ReadJSON(bytes.NewReader(data))
		if err != nil {
			return cmdutil.FlagErrorf("%s: %v", a, err)
		}
		checks = append(checks, r)
	}
	if k == kindInterop {
		return mergeInterop(opts, interops)
	}
	return mergeCheck(opts, checks)
}

func mergeInterop(opts *MergeOptions, parts []*interop.Result) error {
	out := shared.OutputFlags{Output: opts.Output.Output, Reports: opts.Output.Reports, Lang: opts.Output.Lang}
	sinks, err := out.Resolve()
	if err != nil {
		return err
	}
	merged, err := interop.Merge(parts...)
	if err != nil {
		return &cmdutil.FlagError{Err: err}
	}
	return shared.Write(opts.IO, sinks, merged, out.Lang)
}

func mergeCheck(opts *MergeOptions, parts []*finding.Report) error {
	sinks, failOn, err := opts.Output.Resolve(slices.DeleteFunc(report.Formats(), func(f string) bool { return f == report.FormatKoSIT }))
	if err != nil {
		return err
	}
	rep, err := report.Merge(parts...)
	if err != nil {
		return &cmdutil.FlagError{Err: err}
	}
	legacy := rep.Command == "" // results without their run (not written with --shard)
	if legacy {
		rep.Tool, rep.Version = "ozgctl", opts.Build.Version
		rep.Command = fmt.Sprintf("ozgctl report merge (%d results)", len(parts))
	}
	if opts.FailOnSet || legacy {
		rep.FailOn = failOn
	}
	if err := cmdutil.WriteReports(opts.IO, sinks, rep, opts.Output.Lang); err != nil {
		return err
	}
	return cmdutil.ResultError(rep)
}

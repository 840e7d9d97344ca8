// Package lint implements "ozgctl fim lint": the FIM quality checks on
// XDatenfelder 2.0 and 3.0.0 files.
package lint

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/ozgctl/ozgctl/internal/cli/cmdutil"
	"github.com/ozgctl/ozgctl/internal/cli/fim/shared"
	"github.com/ozgctl/ozgctl/internal/cli/iostreams"
	"github.com/ozgctl/ozgctl/internal/startup"
	"github.com/ozgctl/ozgctl/pkg/batch"
	fimlint "github.com/ozgctl/ozgctl/pkg/fim/lint"
	"github.com/ozgctl/ozgctl/pkg/finding"
	"github.com/ozgctl/ozgctl/pkg/report"
)

// formats are the output formats of fim lint.
var formats = []string{report.FormatJSON, report.FormatJUnit, report.FormatSARIF, report.FormatText, report.FormatGitHub, report.FormatCodeClimate}

// LintOptions are the parsed flags and arguments of "ozgctl fim lint".
type LintOptions struct {
	IO    *iostreams.IOStreams
	Build cmdutil.BuildInfo

	// Codelists are directories of genericode code lists.
	Codelists []string
	// Strict raises the reader's warnings to errors.
	Strict bool
	// Exclude holds glob patterns of inputs to leave out.
	Exclude []string
	cmdutil.RunFlags
}

const long = `Run the FIM quality checks on XDatenfelder 2.0 and 3.0.0 files (schemas,
groups, fields, Dokumentsteckbriefe, code list messages).

Findings carry the code of the FIM quality catalogue ("Meldungen
XDF-Qualität", codes 1001–1144); the catalogue's class sets the severity:
FehlerKritisch and FehlerMethodisch are errors, Warnung warnings, Hinweis
info. "ozgctl rules" lists every code, whether it is checked and why not.
Oddities the reader tolerates in real exports (unqualified children,
praezisierung as JSON, double-escaped patterns, impossible dates) are
reported with rules "xdf:…" as warnings; --strict makes them errors.

Code lists referenced by a field are looked up in the --codelists
directories (genericode files, matched by canonical URI and version). Checks
that need a code list's content run only for lists found there; ozgctl
never fetches code lists from the network.

Inputs are files, directories (searched recursively for *.xml), glob
patterns and "-" for standard input; results come in sorted order whatever
the number of workers. A file that is not well-formed XML, or whose
XDatenfelder structure is broken beyond reading, is reported as a finding
(rules xml:not-well-formed, xdf:structure). A file that cannot be read, is
empty, is XDatenfelder 1.x or is no XDatenfelder message at all is an input
error.

` + cmdutil.BaselineHelp + `

Exit codes: 0 no finding at or above --fail-on, 1 findings at or above
--fail-on, 2 usage error or an input that could not be checked.`

const example = `  # lint a schema, findings as text
  ozgctl fim lint examples/fim/S00000094V1.0_xdf2.xml

  # with its code lists, English messages, fail on warnings too
  ozgctl fim lint --codelists examples/fim/codelists --lang en --fail-on warning examples/fim/S00000094V1.0_xdf2.xml

  # every file of a directory as SARIF, plus a JUnit report for CI
  ozgctl fim lint --output sarif --report junit=fim-lint.xml examples/fim`

// NewCmdLint builds the fim lint command.
func NewCmdLint(f *cmdutil.Factory, runF func(*LintOptions) error) *cobra.Command {
	opts := &LintOptions{IO: f.IO, Build: f.Build}
	cmd := &cobra.Command{
		Use:     "lint [flags] {FILE | DIR | -}...",
		Short:   "run the FIM quality checks on XDatenfelder files",
		Long:    long,
		Example: example,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := opts.RunFlags.Parse(cmd, f, args, "no input: give XDatenfelder files, directories, globs or - for stdin"); err != nil {
				return err
			}
			if err := cmdutil.CheckDirs("--codelists", opts.Codelists); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return lintRun(cmd.Context(), opts)
		},
	}
	fl := cmd.Flags()
	fl.StringArrayVar(&opts.Codelists, "codelists", nil, "directory `DIR` of genericode code lists (repeatable)")
	fl.BoolVar(&opts.Strict, "strict", false, "treat the reader's warnings about messy exports as errors")
	cmdutil.AddExcludeFlag(cmd, &opts.Exclude)
	cmdutil.AddRunFlags(cmd, &opts.RunFlags, formats)
	return cmd
}

func lintRun(ctx context.Context, opts *LintOptions) error {
	sinks, failOn, base, err := opts.Resolve(formats)
	if err != nil {
		return err
	}
	lo := fimlint.Options{}
	if res := shared.Codelists(opts.IO, opts.Codelists, ""); res != nil {
		lo.Codelists = res
	}
	// Code lists often sit next to the schemas that use them
	// (examples/fim/codelists) and are not XDatenfelder files: leave out
	// those found below a directory; one named explicitly is reported as
	// an input error.
	inputs, inErrs := batch.ExpandOptions{Exclude: opts.Exclude, Keep: func(in batch.Input) bool { return !shared.IsGenericode(in) }}.Expand(opts.Args, opts.IO.In)
	if err := cmdutil.RefuseReportInputs(sinks, batch.Names(inputs)); err != nil {
		return err
	}
	fo := fimlint.FileOptions{Options: lo, Strict: opts.Strict}
	stage := batch.StageFunc{ID: "fim-lint", Fn: func(ctx context.Context, msg *batch.Message, res *finding.FileResult) error {
		rc, err := msg.Input.Open()
		if err != nil {
			return cmdutil.PathErr(err)
		}
		defer rc.Close()
		*res = fimlint.CheckFile(ctx, rc, msg.Input.Name, fo)
		return nil
	}}
	startup.HugePages() // the workers grow the heap from here
	update, finish := cmdutil.Progress(opts.IO, "linting", len(inputs))
	results := batch.Run(ctx, inputs, []batch.Stage{stage}, batch.Options{Workers: opts.Jobs, Progress: update})
	finish()
	results = append(results, batch.UnresolvedResults(inErrs)...)
	rep := &finding.Report{Tool: "ozgctl", Version: opts.Build.Version, Command: opts.Command, Files: results,
		FailOn: failOn, Rules: fimlint.FileRuleInfos(opts.Output.Lang)}
	rep.SortFiles()
	if err := cmdutil.Suppress(opts.IO, rep, opts.Ignores, opts.Baseline, base, ctx.Err() != nil, opts.Output.Lang); err != nil {
		return err
	}
	return cmdutil.Finish(ctx, opts.IO, sinks, rep, opts.Output.Lang)
}

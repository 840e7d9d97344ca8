// Package diff implements "ozgctl fim diff": the classified differences of
// two XDatenfelder files.
package diff

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/ozgctl/ozgctl/internal/cli/cmdutil"
	"github.com/ozgctl/ozgctl/internal/cli/fim/shared"
	"github.com/ozgctl/ozgctl/internal/cli/iostreams"
	"github.com/ozgctl/ozgctl/pkg/codelist"
	"github.com/ozgctl/ozgctl/pkg/fim"
	fimdiff "github.com/ozgctl/ozgctl/pkg/fim/diff"
	"github.com/ozgctl/ozgctl/pkg/finding"
	"github.com/ozgctl/ozgctl/pkg/report"
)

// formats are the output formats of fim diff.
var formats = []string{report.FormatText, report.FormatJSON, report.FormatMarkdown}

// DiffOptions are the parsed flags and arguments of "ozgctl fim diff".
type DiffOptions struct {
	IO *iostreams.IOStreams

	Codelists []string
	// Output is text, json or markdown.
	Output string
	// FailOn is breaking, compatible, editorial or none.
	FailOn string
	Lang   string
	Old    string
	New    string
}

const long = `Compare two XDatenfelder files (2.0, 3.0.0 or one of each) and list what
changed, each change classified for those who build against the schema:

  breaking    breaks data already submitted or implementations: a removed
              element, a new required element or rule, a narrower type,
              length, range or pattern, a higher minimum or lower maximum
              anzahl, removed codes or a changed code list, a changed rule
              or feldart, a changed id, a move to another parent or position
  compatible  a new optional element, a wider or removed constraint, added
              codes, a new version or status
  editorial   texts only: names, labels, descriptions, help texts, bezug

Elements are matched by id (a 2.0 id matches its 3.0.0 form with
sub-Nummernkreis 000), then by kind and name. When both files carry the
same id and version but different content (a re-export that changed
without a new version), the output says so first. With --codelists a
changed code list version is classified by its codes.

Exit codes: 0 done, 1 a change at or above --fail-on (default none),
2 usage error or unreadable input.`

const example = `  ozgctl fim diff examples/fim/S00000094V1.0_xdf2.xml examples/fim/S00000094V1.0_xdf2_2023.xml
  ozgctl fim diff --output markdown --lang en --fail-on breaking examples/fim/S00000094V1.0_xdf2.xml examples/fim/S00000094V1.0_xdf2_2023.xml`

// NewCmdDiff builds the fim diff command.
func NewCmdDiff(f *cmdutil.Factory, runF func(*DiffOptions) error) *cobra.Command {
	opts := &DiffOptions{IO: f.IO}
	cmd := &cobra.Command{
		Use:     "diff [flags] OLD NEW",
		Short:   "list the classified changes between two XDatenfelder files",
		Long:    long,
		Example: example,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) != 2 {
				return cmdutil.FlagErrorf("want two XDatenfelder files, OLD and NEW, got %d", len(args))
			}
			opts.Old, opts.New = args[0], args[1]
			if opts.Old == "-" && opts.New == "-" {
				return cmdutil.FlagErrorf("only one of OLD and NEW can be - (stdin)")
			}
			if err := cmdutil.CheckFormat(opts.Output, formats...); err != nil {
				return err
			}
			if _, ok := fimdiff.ParseClass(opts.FailOn); !ok && opts.FailOn != "none" {
				return cmdutil.FlagErrorf("--fail-on %q: want breaking, compatible, editorial or none", opts.FailOn)
			}
			if err := shared.CheckLangCodelists(opts.Lang, opts.Codelists); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return diffRun(cmd.Context(), opts)
		},
	}
	fl := cmd.Flags()
	fl.StringArrayVar(&opts.Codelists, "codelists", nil, "directory `DIR` of genericode code lists (repeatable)")
	cmdutil.AddFormatFlag(cmd, &opts.Output, formats...)
	fl.StringVar(&opts.FailOn, "fail-on", "none", "lowest change class that fails the run: breaking, compatible, editorial or none")
	cmdutil.AddLangFlag(cmd, &opts.Lang, "the output")
	return cmd
}

func (o *DiffOptions) read(file string) (*fim.Document, error) {
	if file == "-" {
		return nonNil(fim.Read(o.IO.In, "-", fim.ReadOptions{}))
	}
	return nonNil(fim.ReadFile(file, fim.ReadOptions{}))
}

func nonNil(doc *fim.Document, _ []finding.Finding, err error) (*fim.Document, error) {
	return doc, err
}

func diffRun(ctx context.Context, opts *DiffOptions) error {
	old, err := opts.read(opts.Old)
	if err != nil {
		return err
	}
	nd, err := opts.read(opts.New)
	if err != nil {
		return err
	}
	var do fimdiff.Options
	if len(opts.Codelists) > 0 {
		do.Codelists = codelist.NewDirResolver(opts.Codelists...)
	}
	res := fimdiff.Compare(ctx, old, nd, do)
	render := fimdiff.WriteText
	switch opts.Output {
	case "json":
		render = fimdiff.WriteJSON
	case "markdown":
		render = fimdiff.WriteMarkdown
	}
	if err := render(opts.IO.Out, res, opts.Lang); err != nil {
		return fmt.Errorf("write diff: %w", err)
	}
	if min, ok := fimdiff.ParseClass(opts.FailOn); ok && res.Max().AtLeast(min) {
		return cmdutil.ErrFindings
	}
	return nil
}

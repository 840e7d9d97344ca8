// Package diff implements "ozgctl xoev diff": the changes between two
// versions of an XÖV schema set, for senders and receivers.
package diff

import (
	"context"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/ozgctl/ozgctl/internal/cli/cmdutil"
	"github.com/ozgctl/ozgctl/internal/cli/iostreams"
	"github.com/ozgctl/ozgctl/pkg/conformance/profile"
	"github.com/ozgctl/ozgctl/pkg/report"
	xoevdiff "github.com/ozgctl/ozgctl/pkg/xoev/diff"
)

// formats are the output formats of xoev diff.
var formats = []string{report.FormatText, report.FormatJSON}

// DiffOptions are the parsed flags and arguments of "ozgctl xoev diff".
type DiffOptions struct {
	IO *iostreams.IOStreams

	OldCatalog string
	NewCatalog string
	Output     string
	// FailOn is breaking or none.
	FailOn string
	Lang   string
	Old    string
	New    string
}

const long = `Compare two versions of an XÖV schema set. Each version is a directory
(every XSD below it; the message types are the global elements named like
area.message.NNNN), an entry XSD (its include/import closure, resolved
with a catalog.xml next to it unless --old-catalog/--new-catalog names
one) or a profile (*.yaml: its schema and catalogs).

Reported: message types added and removed, and per message type the
element tree by stable path (local names from the message element,
attributes as @name): elements and attributes added and removed,
cardinality, type, facets, enumeration values and code list bindings
(fixed listURI and listVersionID). Paths ignore namespaces, so a version
with a new namespace or renamed, merged or split files compares element by
element.

Each change says whom it breaks: senders (messages valid under the old
version may be invalid under the new one) and receivers (messages valid
under the new version may be invalid under the old one).

Exit codes: 0 done, 1 a breaking change with --fail-on breaking, 2 usage
error or a schema set that cannot be read.`

const example = `  # two versions as directories
  ozgctl xoev diff examples/xoev/diff/v1 examples/xoev/diff/v2

  # entry XSDs, JSON for CI, fail on a breaking change
  ozgctl xoev diff --output json --fail-on breaking examples/xoev/diff/v1/demo.xsd examples/xoev/diff/v2/demo.xsd`

// NewCmdDiff builds the xoev diff command.
func NewCmdDiff(f *cmdutil.Factory, runF func(*DiffOptions) error) *cobra.Command {
	opts := &DiffOptions{IO: f.IO}
	cmd := &cobra.Command{
		Use:     "diff [flags] OLD NEW",
		Short:   "list the changes between two versions of an XÖV schema set",
		Long:    long,
		Example: example,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) != 2 {
				return cmdutil.FlagErrorf("want two schema set versions, OLD and NEW (directories or entry XSDs), got %d", len(args))
			}
			opts.Old, opts.New = args[0], args[1]
			if err := cmdutil.CheckFormat(opts.Output, formats...); err != nil {
				return err
			}
			if opts.FailOn != "breaking" && opts.FailOn != "none" {
				return cmdutil.FlagErrorf("--fail-on %q: want breaking or none", opts.FailOn)
			}
			if err := cmdutil.CheckLang(opts.Lang); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return diffRun(cmd.Context(), opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.OldCatalog, "old-catalog", "", "XML catalog `FILE` for the old version's entry XSD")
	fl.StringVar(&opts.NewCatalog, "new-catalog", "", "XML catalog `FILE` for the new version's entry XSD")
	cmdutil.AddFormatFlag(cmd, &opts.Output, formats...)
	fl.StringVar(&opts.FailOn, "fail-on", "none", "breaking: exit 1 when a change breaks senders or receivers; none")
	cmdutil.AddLangFlag(cmd, &opts.Lang, "the output")
	return cmd
}

// load reads one version: a directory, an entry XSD, or a profile (its
// schema and catalogs).
func load(ctx context.Context, arg, catalog string) (*xoevdiff.Set, error) {
	var lo xoevdiff.LoadOptions
	if catalog != "" {
		lo.Catalogs = []string{catalog}
	}
	if strings.HasSuffix(arg, ".yaml") || strings.HasSuffix(arg, ".yml") {
		p, err := profile.Read(arg)
		if err != nil {
			return nil, err
		}
		if p.Schema == nil || p.Schema.XSD == "" {
			return nil, fmt.Errorf("profile %s names no schema (schema.xsd)", arg)
		}
		files := p.Files() // the XSD first, then its catalogs
		if catalog == "" {
			lo.Catalogs = files[1 : 1+len(p.Schema.Catalogs)]
		}
		set, err := xoevdiff.Load(ctx, files[0], lo)
		if set != nil {
			set.Source = arg
		}
		return set, err
	}
	return xoevdiff.Load(ctx, arg, lo)
}

func diffRun(ctx context.Context, opts *DiffOptions) error {
	old, err := load(ctx, opts.Old, opts.OldCatalog)
	if err != nil {
		return err
	}
	nw, err := load(ctx, opts.New, opts.NewCatalog)
	if err != nil {
		return err
	}
	res := xoevdiff.Compare(old, nw)
	render := xoevdiff.WriteText
	if opts.Output == "json" {
		render = xoevdiff.WriteJSON
	}
	if err := render(opts.IO.Out, res, opts.Lang); err != nil {
		return fmt.Errorf("write xoev diff: %w", err)
	}
	if opts.FailOn == "breaking" && res.Summary.Breaking > 0 {
		return cmdutil.ErrFindings
	}
	return nil
}

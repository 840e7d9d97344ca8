// Package suggest implements "ozgctl profile suggest": a draft profile
// learned from how groups of messages use a standard.
package suggest

import (
	"context"
	"fmt"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/ozgctl/ozgctl/internal/cli/cmdutil"
	"github.com/ozgctl/ozgctl/internal/cli/iostreams"
	"github.com/ozgctl/ozgctl/pkg/batch"
	"github.com/ozgctl/ozgctl/pkg/conformance"
	"github.com/ozgctl/ozgctl/pkg/conformance/profile"
	"github.com/ozgctl/ozgctl/pkg/interop"
	"github.com/ozgctl/ozgctl/pkg/report"
	"github.com/ozgctl/ozgctl/pkg/xoev"
)

// SuggestOptions are the parsed flags and arguments of "ozgctl profile suggest".
type SuggestOptions struct {
	IO *iostreams.IOStreams

	// Profile is the base profile; XSD the schema of a new draft.
	Profile  string
	XSD      string
	Catalogs []string
	// NoCache turns the compiled-schema cache off (--no-cache).
	NoCache  bool
	Manifest string
	// Out is the draft's path; "" or "-" writes to stdout.
	Out         string
	ID          string
	MinMessages int
	MaxCodes    int
	Lang        string
	Jobs        int
	// Forbidden also suggests forbidding the optional parts no group uses.
	Forbidden bool
	Args      []string
}

const long = `Learn a draft sharpening from the field: read the messages of every group
(as "ozgctl report interop" does) and write a profile whose sharpenings
are the candidates the usage data supports, each with its evidence as a
YAML comment:

  required  paths every group uses in every message of a type (with at
            least --min-messages messages of it);
  codes     for code elements with at most --max-codes values, the values
            the groups use together;
  forbidden with --suggest-forbidden, the optional elements and attributes
            (by the schema) that no message of a type uses, below the
            parts that are used: the strongest cut, so off by default;

and the differences between the groups as open questions in comments.
The draft keeps the base profile's match, schema, code lists, Schematron
and sharpenings (--profile), or is a new profile for the message types
seen and --xsd. It is valid under "ozgctl profile validate", and applied
to the messages it was learned from, its new sharpenings find nothing.`

const example = `  ozgctl profile suggest --profile examples/profiles/xrechnung-ubl.yaml -o draft.yaml examples/interop/vendors
  ozgctl profile suggest --xsd examples/profiles/xrechnung/ubl-2.1/UBL-2.1-Invoice-CreditNote.xsd examples/interop/vendors`

// NewCmdSuggest builds the command.
func NewCmdSuggest(f *cmdutil.Factory, runF func(*SuggestOptions) error) *cobra.Command {
	opts := &SuggestOptions{IO: f.IO}
	cmd := &cobra.Command{
		Use:     "suggest [flags] {DIR | GROUPDIR...}",
		Short:   "draft a sharpened profile from how vendors use a standard",
		Long:    long,
		Example: example,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Args = args
			if err := cmdutil.CheckGroupArgs(args, opts.Manifest); err != nil {
				return err
			}
			if opts.Profile != "" && opts.XSD != "" {
				return cmdutil.FlagErrorf("--profile and --xsd exclude each other: the base profile names its schema")
			}
			if opts.MinMessages < 1 || opts.MaxCodes < 1 {
				return cmdutil.FlagErrorf("--min-messages and --max-codes want at least 1")
			}
			if opts.Forbidden && opts.Profile == "" && opts.XSD == "" {
				return cmdutil.FlagErrorf("--suggest-forbidden needs the schema that says what is optional: give --xsd or --profile")
			}
			if err := cmdutil.CheckLang(opts.Lang); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return suggestRun(cmd.Context(), opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.Profile, "profile", "", "base profile `FILE` the draft sharpens")
	fl.StringVar(&opts.XSD, "xsd", "", "XML Schema `FILE` of a new draft")
	fl.StringArrayVar(&opts.Catalogs, "catalog", nil, "OASIS XML catalog `FILE` for --xsd (repeatable)")
	cmdutil.AddNoCacheFlag(cmd, &opts.NoCache)
	fl.StringVar(&opts.Manifest, "manifest", "", "YAML `FILE` listing the groups")
	fl.StringVarP(&opts.Out, "out", "o", "", "write the draft to `PATH` (default: stdout)")
	fl.StringVar(&opts.ID, "id", "", "the draft's profile id (default: the base's id + \"-draft\", or \"draft\")")
	fl.IntVar(&opts.MinMessages, "min-messages", interop.DefaultSettings.MinMessages, "suggest only for message types with at least `N` messages")
	fl.IntVar(&opts.MaxCodes, "max-codes", 12, "suggest codes only for elements with at most `N` distinct values")
	cmdutil.AddLangFlag(cmd, &opts.Lang, "the sharpenings' messages")
	fl.IntVarP(&opts.Jobs, "jobs", "j", 0, "parallel workers (default: number of CPUs)")
	fl.BoolVar(&opts.Forbidden, "suggest-forbidden", false, "also suggest forbidding optional parts no group uses (needs --xsd or a base profile with a schema)")
	return cmd
}

func suggestRun(ctx context.Context, opts *SuggestOptions) error {
	var base *profile.Profile
	if opts.Profile != "" {
		p, err := profile.Read(opts.Profile)
		if err != nil {
			return err
		}
		base = p
	}
	sources, err := cmdutil.GroupSources(opts.Args, opts.Manifest)
	if err != nil {
		return err
	}
	cfg := conformance.Config{XSD: opts.XSD, Schema: xoev.LoadOptions{Catalogs: opts.Catalogs, Cache: cmdutil.SchemaCache(opts.NoCache)}, Profile: opts.Profile, Lang: opts.Lang}
	p, err := cmdutil.BuildPipeline(ctx, opts.IO, cfg)
	if err != nil {
		return err
	}
	settings := interop.Settings{MinMessages: opts.MinMessages, MinDiff: interop.DefaultSettings.MinDiff}
	res, _ := interop.Run(ctx, p.Stages, sources, interop.RunOptions{Settings: settings, Batch: batch.Options{Workers: opts.Jobs}})
	dir := "."
	if opts.Out != "" && opts.Out != "-" {
		dir = filepath.Dir(opts.Out)
	}
	so := interop.SuggestOptions{Base: base, XSD: opts.XSD, Dir: dir, ID: opts.ID, MaxCodes: opts.MaxCodes, Lang: opts.Lang, Forbidden: opts.Forbidden}
	if opts.Forbidden {
		set, err := suggestSchema(ctx, opts, base)
		if err != nil {
			return err
		}
		so.Decls = set.Decls()
	}
	draft, err := interop.Suggest(res, so)
	if err != nil {
		return err
	}
	if opts.Out == "" || opts.Out == "-" {
		_, err = opts.IO.Out.Write(draft)
		return err
	}
	if err := report.WriteAtomic(opts.Out, draft); err != nil {
		return err
	}
	if !opts.IO.Quiet() {
		fmt.Fprintf(opts.IO.ErrOut, "wrote %s\n", opts.Out)
	}
	return nil
}

// suggestSchema loads the schema that tells optional from mandatory parts:
// --xsd, or the base profile's.
func suggestSchema(ctx context.Context, opts *SuggestOptions, base *profile.Profile) (*xoev.SchemaSet, error) {
	if opts.XSD != "" {
		return xoev.LoadSchemaSet(ctx, opts.XSD, xoev.LoadOptions{Catalogs: opts.Catalogs, Cache: cmdutil.SchemaCache(opts.NoCache)})
	}
	c, err := profile.Compile(base, profile.LoadOptions{Cache: cmdutil.SchemaCache(opts.NoCache)})
	if err != nil {
		return nil, err
	}
	set, err := c.SchemaSet(ctx)
	if err != nil {
		return nil, err
	}
	if set == nil {
		return nil, cmdutil.FlagErrorf("--suggest-forbidden: profile %s names no schema (schema.xsd); give one there or use --xsd", opts.Profile)
	}
	return set, nil
}

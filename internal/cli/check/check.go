// Package check implements "ozgctl check": XÖV messages against XSD, code
// lists, profiles (sharpened standards) and Schematron.
package check

import (
	"context"
	"fmt"
	"maps"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/ozgctl/ozgctl/internal/cli/cmdutil"
	"github.com/ozgctl/ozgctl/internal/cli/iostreams"
	"github.com/ozgctl/ozgctl/internal/startup"
	"github.com/ozgctl/ozgctl/pkg/batch"
	"github.com/ozgctl/ozgctl/pkg/conformance"
	"github.com/ozgctl/ozgctl/pkg/finding"
	"github.com/ozgctl/ozgctl/pkg/kosit"
	"github.com/ozgctl/ozgctl/pkg/report"
)

// CheckOptions are the parsed flags and arguments of "ozgctl check".
type CheckOptions struct {
	IO    *iostreams.IOStreams
	Build cmdutil.BuildInfo

	cmdutil.CheckFlags

	// KositConfig is a KoSIT validator configuration (directory or
	// scenarios.xml); KositProperties (KEY=VALUE) and KositPropertyFiles
	// fill its placeholders; KositRepository is the directory its resource
	// locations are relative to, KositResources further directories to
	// find resources (and the .sch sources of .xsl resources) in.
	KositConfig        string
	KositProperties    []string
	KositPropertyFiles []string
	KositRepository    string
	KositResources     []string

	// Shard and ShardCount select a part of the inputs (--shard i/n|auto);
	// Getenv reads the CI variables of --shard auto.
	Shard      string
	ShardCount int
	Getenv     func(string) string

	// Exclude holds glob patterns of inputs to leave out.
	Exclude []string
	cmdutil.RunFlags
}

const long = `Check XÖV messages (and other XML such as UBL invoices) against their
XML Schema, and the code values of XÖV code elements against genericode
code lists.

Inputs are files, directories (searched recursively for *.xml), glob
patterns and "-" for standard input. Results are reported in the sorted
order of the inputs, whatever the number of workers (-j).

Schemas are read from local files only. Absolute schema locations
(http://…) need an entry in an OASIS XML catalog (--catalog, repeatable,
nextCatalog chains are followed); a location without an entry is an
error, ozgctl never fetches schemas. Reads are confined to the schema's
distribution directory (the parent of its directory), the catalogs'
directories, the directories that catalog entries name and --schema-root.

With --schema-dir, each message's schema is chosen by its root element and
namespace among the *.xsd files of the directory tree.

With --codelists, every XÖV code element (listURI, listVersionID, code) is
checked against the genericode list of that URI and version. A wrong code
is an error; an unknown list or version is a warning (--strict-codelists
makes it an error). Typ-1 code lists are enumerated in the XSD and left to
it.

A message that is not well-formed is a finding (rule xml:not-well-formed,
exit 1); a file that cannot be read is an input error (exit 2). A text
node larger than --max-text-size (default 64MiB) or nesting deeper than
--max-depth (default 256) is a finding too (rule xml:limit, exit 1) that
names the limit and its flag; raise the flag to check such a message.

` + cmdutil.BaselineHelp + `

With --kosit-config, each message goes through a KoSIT validator
configuration (scenarios.xml, as XRechnung publishes it) as the KoSIT
validator does: the one scenario whose match XPath is true validates it
with its XML Schema and Schematron, customLevel sets the levels, and the
verdict is a finding kosit:accept (info) or kosit:reject (error); a message
no scenario matches (or several) gets kosit:no-scenario (error). A source
configuration's placeholders (@key@) come from --kosit-properties and
--kosit-property; resource locations are read below --kosit-repository
(default: the configuration's directory) or found by name below
--kosit-resources, and a compiled Schematron X.xsl is run from its source
X.sch. --output kosit writes the KoSIT report (VARL) of one message,
--report kosit=DIR/ one DIR/<name>-report.xml per message. See
docs/kosit.md.

The rules of one message (Schematron and profile sharpenings) may take
--rule-timeout; a message whose rules take longer gets the finding
schematron:timeout and the run goes on.

Exit codes: 0 no finding at or above --fail-on, 1 findings at or above
--fail-on, 2 usage error, schema that cannot be loaded, or an input that
could not be read; 130 interrupted by Ctrl-C, 143 by SIGTERM (the report
lists what finished and marks the rest not checked).`

const example = `  # one schema set, a directory of messages
  ozgctl check --xsd examples/xoev/xsd/demo.xsd --catalog examples/xoev/catalog.xml examples/xoev/messages

  # with code lists, as JSON
  ozgctl check --xsd examples/xoev/xsd/demo.xsd --catalog examples/xoev/catalog.xml --codelists examples/xoev/codelists --output json examples/xoev/messages

  # pick each message's schema from a directory; also write JUnit for CI
  ozgctl check --schema-dir examples/xoev/xsd --catalog examples/xoev/catalog.xml --report junit=check.xml examples/xoev/messages

  # the XRechnung KoSIT configuration (source form), one KoSIT report per message
  ozgctl check --kosit-config examples/kosit/xrechnung --kosit-properties examples/kosit/xrechnung/xrechnung.properties --kosit-resources examples/profiles/xrechnung --report kosit=kosit-reports/ examples/kosit/messages`

// NewCmdCheck builds the check command.
func NewCmdCheck(f *cmdutil.Factory, runF func(*CheckOptions) error) *cobra.Command {
	opts := &CheckOptions{IO: f.IO, Build: f.Build, Getenv: os.Getenv}
	cmd := &cobra.Command{
		Use:     "check [flags] {FILE | DIR | -}...",
		Short:   "check XÖV messages against XSD, code lists and rules",
		Long:    long,
		Example: example,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := opts.RunFlags.Parse(cmd, f, args, "no input: give files, directories, globs or - for stdin"); err != nil {
				return err
			}
			if err := opts.CheckFlags.Check(); err != nil {
				return err
			}
			if err := opts.checkKosit(); err != nil {
				return err
			}
			if opts.XSD == "" && opts.SchemaDir == "" && len(opts.Schematron) == 0 && opts.Profile == "" && opts.KositConfig == "" {
				return cmdutil.FlagErrorf("nothing to check against: give --xsd SCHEMA or --schema-dir DIR (or --profile, --schematron, --kosit-config)")
			}
			if runF != nil {
				return runF(opts)
			}
			return checkRun(cmd.Context(), opts)
		},
	}
	cmdutil.AddCheckFlags(cmd, &opts.CheckFlags)
	fl := cmd.Flags()
	fl.StringVar(&opts.KositConfig, "kosit-config", "", "KoSIT validator configuration `DIR` (or its scenarios.xml): each message goes through the scenario it matches and gets the validator's verdict, accept or reject")
	fl.StringArrayVar(&opts.KositProperties, "kosit-property", nil, "fill the placeholder @KEY@ of a source configuration, `KEY=VALUE` (repeatable; wins over --kosit-properties)")
	fl.StringArrayVar(&opts.KositPropertyFiles, "kosit-properties", nil, "Java properties `FILE` filling the placeholders of a source configuration (repeatable)")
	fl.StringVar(&opts.KositRepository, "kosit-repository", "", "directory `DIR` the configuration's resource locations are relative to (default: the configuration's directory)")
	fl.StringArrayVar(&opts.KositResources, "kosit-resources", nil, "also look for resources below `DIR`, by location and by file name; a compiled Schematron X.xsl is looked up as its source X.sch (repeatable, first hit wins)")
	fl.StringVar(&opts.Shard, "shard", "", "check only shard `i/n` of the sorted inputs, or auto (from CI variables); merge the JSON with \"ozgctl report merge\"")
	fl.IntVar(&opts.ShardCount, "shard-count", 0, "number of shards with --shard auto on a Kubernetes Indexed Job")
	cmdutil.AddExcludeFlag(cmd, &opts.Exclude)
	cmdutil.AddRunFlags(cmd, &opts.RunFlags, report.Formats())
	return cmd
}

func checkRun(ctx context.Context, opts *CheckOptions) error {
	sinks, failOn, err := opts.Output.Resolve(report.Formats())
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
	base, err := opts.Baseline.Load()
	if err != nil {
		return err
	}
	cfg, err := opts.config()
	if err != nil {
		return err
	}
	// The arguments are expanded (a stat per file) on the second core while
	// this one loads or compiles the schemas: on 300 small messages that
	// is ~3 % of a run that would otherwise wait for it.
	type expanded struct {
		inputs []batch.Input
		errs   []error
	}
	expansion := make(chan expanded, 1)
	go func() {
		inputs, errs := batch.ExpandOptions{Exclude: opts.Exclude}.Expand(opts.Args, opts.IO.In)
		expansion <- expanded{inputs, errs}
	}()
	p, err := cmdutil.BuildPipeline(ctx, opts.IO, cfg)
	ex := <-expansion
	if err != nil {
		return err
	}
	inputs, inErrs := ex.inputs, ex.errs
	if err := cmdutil.RefuseReportInputs(sinks, batch.Names(inputs)); err != nil {
		return err
	}
	if opts.Baseline.Update {
		if err := cmdutil.RefuseInputs("--baseline", opts.Baseline.Baseline, batch.Names(inputs)...); err != nil {
			return err
		}
	}
	inputs = shard.Select(inputs)
	if err := cmdutil.CheckPerMessageSinks(sinks, len(inputs)+len(inErrs)); err != nil {
		return err
	}
	if shard.Index > 1 {
		inErrs = nil // arguments that name nothing are reported by the first shard
	}
	startup.HugePages() // the workers grow the heap from here
	update, finish := cmdutil.Progress(opts.IO, "checking", len(inputs))
	results := batch.Run(ctx, inputs, p.Stages, batch.Options{Workers: opts.Jobs, Progress: update})
	finish()
	results = append(results, batch.UnresolvedResults(inErrs)...)
	rep := &finding.Report{Tool: "ozgctl", Version: opts.Build.Version, Command: opts.Command, Files: results, FailOn: failOn, Rules: p.Rules, Shard: shard.String()}
	rep.SortFiles()
	if err := cmdutil.Suppress(opts.IO, rep, opts.Ignores, opts.Baseline, base, ctx.Err() != nil, opts.Output.Lang); err != nil {
		return err
	}
	return cmdutil.Finish(ctx, opts.IO, sinks, rep, opts.Output.Lang)
}

// config turns the flags into what the pipeline checks against; the
// limits were checked when the flags were parsed.
func (opts *CheckOptions) config() (conformance.Config, error) {
	cfg := opts.CheckFlags.Config(opts.Output.Lang)
	// A KoSIT configuration's schemas load as those of --xsd would.
	ko := kosit.Options{Repository: opts.KositRepository, Resources: opts.KositResources, Schema: cfg.Schema}
	if opts.KositConfig != "" {
		props := map[string]string{}
		for _, f := range opts.KositPropertyFiles {
			p, err := kosit.ReadProperties(f)
			if err != nil {
				return conformance.Config{}, fmt.Errorf("--kosit-properties: %w", err)
			}
			maps.Copy(props, p)
		}
		for _, kv := range opts.KositProperties {
			k, v, _ := strings.Cut(kv, "=")
			props[k] = v
		}
		ko.Properties = props
	}
	cfg.Kosit, cfg.KositOptions = opts.KositConfig, ko
	return cfg, nil
}

// checkKosit checks the --kosit-* flags: they need --kosit-config, which
// brings its own schemas and rules and so excludes the other sources.
func (opts *CheckOptions) checkKosit() error {
	if opts.KositConfig == "" {
		switch {
		case len(opts.KositProperties) > 0, len(opts.KositPropertyFiles) > 0, opts.KositRepository != "", len(opts.KositResources) > 0:
			return cmdutil.FlagErrorf("--kosit-property, --kosit-properties, --kosit-repository and --kosit-resources need --kosit-config DIR")
		}
		return nil
	}
	if opts.XSD != "" || opts.SchemaDir != "" || opts.Profile != "" || len(opts.Schematron) > 0 || opts.Phase != "" {
		return cmdutil.FlagErrorf("--kosit-config brings its own schemas and rules: leave out --xsd, --schema-dir, --profile, --schematron and --phase")
	}
	for _, kv := range opts.KositProperties {
		if k, _, ok := strings.Cut(kv, "="); !ok || k == "" {
			return cmdutil.FlagErrorf("--kosit-property %q: want KEY=VALUE", kv)
		}
	}
	return nil
}

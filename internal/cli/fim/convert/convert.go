// Package convert implements "ozgctl fim convert": data contracts, forms and
// typed code generated from one XDatenfelder schema.
package convert

import (
	"context"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/ozgctl/ozgctl/internal/cli/cmdutil"
	"github.com/ozgctl/ozgctl/internal/cli/fim/shared"
	"github.com/ozgctl/ozgctl/internal/cli/iostreams"
	fimconvert "github.com/ozgctl/ozgctl/pkg/fim/convert"
)

// ConvertOptions are the parsed flags and arguments of "ozgctl fim convert".
type ConvertOptions struct {
	IO *iostreams.IOStreams

	shared.Flags
	// To is the target name.
	To string
	// Package is the Go package name of the go target.
	Package string
}

const long = `Generate, from one XDatenfelder 2.0 or 3.0.0 schema, what vendors and
portal teams implement against. All targets come from one plan, so they
agree: what the form exports is what the JSON Schema and the API accept.

Targets:
%s
Properties are keyed by element id (F00000013) as in FIT-Connect schemas;
--keys name uses technical names derived from the element names instead.
Select fields list the codes of their code list when it is found in a
--codelists directory (genericode, matched by canonical URI and version);
otherwise any text is accepted and the list's URN is noted. Patterns are
converted from the XSD regex dialect (implicitly anchored) to ECMA-262.
Label fields carry no data: they appear in the form and the documentation
only. Output is deterministic: the same input gives the same bytes.

With --out-dir DIR, several files and directories are converted on -j
workers, each into DIR/<id>_<version><ext> (ext of the target, e.g.
.schema.json); each written file is listed as "input → output".

What cannot be carried over faithfully is reported as a warning on stderr.
Exit codes: 0 written, 2 usage error or unreadable input.`

const example = `  # JSON Schema with the code lists resolved
  ozgctl fim convert examples/fim/S00000094V1.0_xdf2.xml --to jsonschema --codelists examples/fim/codelists

  # an HTML form written to a file
  ozgctl fim convert examples/fim/S00000094V1.0_xdf2.xml --to html --codelists examples/fim/codelists -o form.html

  # several schemas as JSON Schema, on two workers
  ozgctl fim convert --to jsonschema --out-dir schemas-out -j 2 examples/fim/BlaueKarte.xml examples/fim/G60000000088V1.2.0_xdf3.xml

  # XSD with your own namespace, technical names as element names
  ozgctl fim convert examples/fim/BlaueKarte.xml --to xsd --keys name --namespace urn:example:blaue-karte`

// NewCmdConvert builds the fim convert command.
func NewCmdConvert(f *cmdutil.Factory, runF func(*ConvertOptions) error) *cobra.Command {
	opts := &ConvertOptions{IO: f.IO}
	var lines []string
	for _, t := range fimconvert.Targets() {
		lines = append(lines, fmt.Sprintf("  %-11s %s", t.Name, t.Short))
	}
	cmd := &cobra.Command{
		Use:     "convert [flags] --to TARGET {FILE | -} | --out-dir DIR {FILE | DIR}...",
		Short:   "generate JSON Schema, XSD, OpenAPI, an HTML form, Go, TypeScript or Markdown from a schema",
		Long:    fmt.Sprintf(long, strings.Join(lines, "\n")+"\n"),
		Example: example,
		Args:    cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := opts.SetArgs(args); err != nil {
				return err
			}
			if opts.To == "" {
				return cmdutil.FlagErrorf("--to is required (one of %s)", strings.Join(fimconvert.TargetNames(), ", "))
			}
			if _, ok := fimconvert.LookupTarget(opts.To); !ok {
				return &cmdutil.FlagError{Err: &fimconvert.UnknownTargetError{Name: opts.To}}
			}
			if err := opts.Source.Check(opts.Package, opts.Output, opts.File); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return convertRun(cmd.Context(), opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.To, "to", "", "target: "+strings.Join(fimconvert.TargetNames(), ", "))
	fl.StringVar(&opts.Package, "package", "", "Go package name for --to go (default: the schema id in lower case)")
	shared.AddFlags(cmd, &opts.Flags)
	return cmd
}

func convertRun(ctx context.Context, opts *ConvertOptions) error {
	t, _ := fimconvert.LookupTarget(opts.To)
	g := shared.Generation{Flags: opts.Flags, Package: opts.Package, Ext: t.Ext, What: fmt.Sprintf("convert %s to %s", opts.File, opts.To),
		Gen: func(c *fimconvert.Converter) ([]byte, error) { return c.Convert(opts.To) }}
	return g.Run(ctx, opts.IO)
}

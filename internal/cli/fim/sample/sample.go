// Package sample implements "ozgctl fim sample": an example instance of a
// schema that is valid against the generated JSON Schema or XSD.
package sample

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/ozgctl/ozgctl/internal/cli/cmdutil"
	"github.com/ozgctl/ozgctl/internal/cli/fim/shared"
	"github.com/ozgctl/ozgctl/internal/cli/iostreams"
	fimconvert "github.com/ozgctl/ozgctl/pkg/fim/convert"
)

// SampleOptions are the parsed flags and arguments of "ozgctl fim sample".
type SampleOptions struct {
	IO *iostreams.IOStreams

	shared.Flags
	Format  string
	Minimal bool
	Full    bool
}

const long = `Write an example instance of an XDatenfelder schema: JSON valid against
"fim convert --to jsonschema", or XML valid against "fim convert --to xsd"
(give both commands the same --keys, --codelists and --namespace).

Values respect every constraint (lengths, patterns, ranges) and take the
first code of each code list; well-known fields (names, postal codes,
e-mail) get realistic values. By default the sample holds the required
parts plus the optional fields of the groups it contains; --minimal keeps
only what is required, --full holds every group and field with two items
in repeatable places.

A required field whose constraints admit no value (e.g. minLength above
maxLength) is an error naming the field (exit 2).

With --out-dir DIR, several files and directories get one sample each,
DIR/<id>_<version>.json (or .xml), on -j workers.`

const example = `  ozgctl fim sample examples/fim/S00000094V1.0_xdf2.xml --codelists examples/fim/codelists
  ozgctl fim sample --format xml --out-dir samples examples/fim/BlaueKarte.xml examples/fim/G60000000088V1.2.0_xdf3.xml
  ozgctl fim sample examples/fim/BlaueKarte.xml --format xml --minimal -o blaue-karte.xml`

// NewCmdSample builds the fim sample command.
func NewCmdSample(f *cmdutil.Factory, runF func(*SampleOptions) error) *cobra.Command {
	opts := &SampleOptions{IO: f.IO}
	cmd := &cobra.Command{
		Use:     "sample [flags] {FILE | -} | --out-dir DIR {FILE | DIR}...",
		Short:   "write a valid example instance (JSON or XML) of a schema",
		Long:    long,
		Example: example,
		Args:    cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := opts.SetArgs(args); err != nil {
				return err
			}
			if opts.Format != "json" && opts.Format != "xml" {
				return cmdutil.FlagErrorf("--format %q: want json or xml", opts.Format)
			}
			if opts.Minimal && opts.Full {
				return cmdutil.FlagErrorf("--minimal and --full exclude each other")
			}
			if err := opts.Source.Check("", opts.Output, opts.File); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return sampleRun(cmd.Context(), opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.Format, "format", "json", "instance format: json or xml")
	fl.BoolVar(&opts.Minimal, "minimal", false, "only the required parts")
	fl.BoolVar(&opts.Full, "full", false, "every group and field, two items where repeatable")
	shared.AddFlags(cmd, &opts.Flags)
	return cmd
}

func sampleRun(ctx context.Context, opts *SampleOptions) error {
	mode := fimconvert.SampleDefault
	switch {
	case opts.Minimal:
		mode = fimconvert.SampleMinimal
	case opts.Full:
		mode = fimconvert.SampleFull
	}
	g := shared.Generation{Flags: opts.Flags,
		Ext: "." + opts.Format, What: "sample of " + opts.File,
		Gen: func(c *fimconvert.Converter) ([]byte, error) { return c.Sample(opts.Format, mode) }}
	return g.Run(ctx, opts.IO)
}

// Package convert implements "ozgctl fim convert": data contracts, forms and
// typed code generated from one XDatenfelder schema.
package convert

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/ozgctl/ozgctl/internal/cli/cmdutil"
	"github.com/ozgctl/ozgctl/internal/cli/iostreams"
	"github.com/ozgctl/ozgctl/pkg/fim"
	fimconvert "github.com/ozgctl/ozgctl/pkg/fim/convert"
	"github.com/ozgctl/ozgctl/pkg/finding"
	"github.com/ozgctl/ozgctl/pkg/report"
)

// ConvertOptions are the parsed flags and arguments of "ozgctl fim convert".
type ConvertOptions struct {
	IO *iostreams.IOStreams

	Source SourceOptions
	// To is the target name.
	To string
	// Output is the file to write ("" or "-": standard output).
	Output string
	// Package is the Go package name of the go target.
	Package string
	Batch   BatchFlags
	// Args are the inputs; File is the one input without --out-dir.
	Args []string
	File string
}

// SourceOptions are the flags that fim convert and fim sample share: how
// the schema is read and keyed.
type SourceOptions struct {
	Codelists []string
	BaseURI   string
	Namespace string
	Keys      string
}

// AddSourceFlags registers the shared flags.
func AddSourceFlags(cmd *cobra.Command, o *SourceOptions) {
	fl := cmd.Flags()
	fl.StringArrayVar(&o.Codelists, "codelists", nil, "directory `DIR` of genericode code lists for select fields (repeatable)")
	fl.StringVar(&o.BaseURI, "base-uri", fimconvert.DefaultBaseURI, "base `URI` of the JSON Schema $id (<base><id>_<version>.schema.json)")
	fl.StringVar(&o.Namespace, "namespace", "", "XML target namespace `URI` (default: base URI + <id>_<version>)")
	fl.StringVar(&o.Keys, "keys", string(fimconvert.KeysID), "property keys and element names: id (F00000013) or name (familienname)")
}

// Check validates the shared flags.
func (o *SourceOptions) Check() error {
	if o.Keys != string(fimconvert.KeysID) && o.Keys != string(fimconvert.KeysName) {
		return cmdutil.FlagErrorf("--keys %q: want id or name", o.Keys)
	}
	if err := (fimconvert.Options{BaseURI: o.BaseURI, Namespace: o.Namespace}).Validate(); err != nil {
		return &cmdutil.FlagError{Err: err}
	}
	return cmdutil.CheckDirs("--codelists", o.Codelists)
}

// Load reads the schema file ("-" for stdin) and prepares the converter.
// Warnings of the reader at error level are printed to errOut.
func Load(io *iostreams.IOStreams, file string, o SourceOptions, pkg string) (*fimconvert.Converter, error) {
	var doc *fim.Document
	var fs []finding.Finding
	var err error
	if file == "-" {
		doc, fs, err = fim.Read(io.In, "-", fim.ReadOptions{})
	} else {
		doc, fs, err = fim.ReadFile(file, fim.ReadOptions{})
	}
	if err != nil {
		return nil, err
	}
	n := 0
	for _, f := range fs {
		if f.Severity >= finding.Error {
			n++
		}
	}
	if n > 0 && !io.Quiet() {
		fmt.Fprintf(io.ErrOut, "warning: %s has %d error finding(s) from reading; run \"ozgctl fim lint %s\"\n", file, n, file)
	}
	opts := fimconvert.Options{BaseURI: o.BaseURI, Namespace: o.Namespace, Keys: fimconvert.KeyStyle(o.Keys), Package: pkg}
	if len(o.Codelists) > 0 {
		cl, problems := fimconvert.CodelistDirs(o.Codelists...)
		if !io.Quiet() {
			for _, p := range problems {
				fmt.Fprintf(io.ErrOut, "warning: code lists: %v\n", p)
			}
		}
		opts.Codelists = cl
	}
	c, err := fimconvert.New(doc, opts)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	return c, nil
}

// PrintWarnings writes the converter's warnings to ErrOut.
func PrintWarnings(io *iostreams.IOStreams, file string, ws []fimconvert.Warning) {
	if io.Quiet() {
		return
	}
	for _, w := range ws {
		fmt.Fprintf(io.ErrOut, "warning: %s: %s\n", file, w)
	}
}

// Write writes data to path with [report.WriteAtomic], or to out for ""
// and "-".
func Write(out io.Writer, path string, data []byte) error {
	if path == "" || path == "-" {
		_, err := out.Write(data)
		return err
	}
	return report.WriteAtomic(path, data)
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
			if err := opts.Batch.Check(args, opts.Output); err != nil {
				return err
			}
			opts.Args = args
			if len(args) == 1 {
				opts.File = args[0]
			}
			if opts.To == "" {
				return cmdutil.FlagErrorf("--to is required (one of %s)", strings.Join(fimconvert.TargetNames(), ", "))
			}
			if _, ok := fimconvert.LookupTarget(opts.To); !ok {
				return &cmdutil.FlagError{Err: &fimconvert.UnknownTargetError{Name: opts.To}}
			}
			if err := opts.Source.Check(); err != nil {
				return err
			}
			if err := (fimconvert.Options{Package: opts.Package}).Validate(); err != nil {
				return &cmdutil.FlagError{Err: fmt.Errorf("--package: %w", err)}
			}
			if err := cmdutil.RefuseInputs("-o", opts.Output, opts.File); err != nil {
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
	fl.StringVarP(&opts.Output, "output-file", "o", "", "write to `PATH` (atomically) instead of stdout")
	fl.StringVar(&opts.Package, "package", "", "Go package name for --to go (default: the schema id in lower case)")
	AddBatchFlags(cmd, &opts.Batch)
	AddSourceFlags(cmd, &opts.Source)
	return cmd
}

// AddBatchFlags registers --out-dir and -j.
func AddBatchFlags(cmd *cobra.Command, b *BatchFlags) {
	cmd.Flags().StringVar(&b.OutDir, "out-dir", "", "convert several files and directories, one <id>_<version><ext> each into `DIR`")
	cmd.Flags().IntVarP(&b.Jobs, "jobs", "j", 0, "parallel workers with --out-dir (default: number of CPUs)")
}

func convertRun(ctx context.Context, opts *ConvertOptions) error {
	if opts.Batch.OutDir != "" {
		t, _ := fimconvert.LookupTarget(opts.To)
		return RunBatch(ctx, opts.IO, opts.Args, opts.Batch, opts.Source, opts.Package, t.Ext, func(c *fimconvert.Converter) ([]byte, error) {
			return c.Convert(opts.To)
		})
	}
	c, err := Load(opts.IO, opts.File, opts.Source, opts.Package)
	if err != nil {
		return err
	}
	out, err := c.Convert(opts.To)
	if err != nil {
		return fmt.Errorf("convert %s to %s: %w", opts.File, opts.To, err)
	}
	PrintWarnings(opts.IO, opts.File, c.Warnings())
	return Write(opts.IO.Out, opts.Output, out)
}

// Package shared holds what the "ozgctl fim" commands share: the source and
// batch flags of convert and sample and their run over one or several
// schemas, the --codelists directories, and the checks of --lang.
package shared

import (
	"context"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/ozgctl/ozgctl/internal/cli/cmdutil"
	"github.com/ozgctl/ozgctl/internal/cli/iostreams"
	"github.com/ozgctl/ozgctl/pkg/codelist"
	"github.com/ozgctl/ozgctl/pkg/fim"
	fimconvert "github.com/ozgctl/ozgctl/pkg/fim/convert"
	"github.com/ozgctl/ozgctl/pkg/finding"
	"github.com/ozgctl/ozgctl/pkg/report"
)

// SourceOptions are the flags that fim convert and fim sample share: how
// the schema is read and keyed.
type SourceOptions struct {
	Codelists []string
	BaseURI   string
	Namespace string
	Keys      string
}

// Check validates the shared flags, the Go package name pkg ("" where
// there is none) and that -o (output) does not overwrite the input file.
func (o *SourceOptions) Check(pkg, output, file string) error {
	if o.Keys != string(fimconvert.KeysID) && o.Keys != string(fimconvert.KeysName) {
		return cmdutil.FlagErrorf("--keys %q: want id or name", o.Keys)
	}
	if err := (fimconvert.Options{BaseURI: o.BaseURI, Namespace: o.Namespace}).Validate(); err != nil {
		return &cmdutil.FlagError{Err: err}
	}
	if err := cmdutil.CheckDirs("--codelists", o.Codelists); err != nil {
		return err
	}
	if err := (fimconvert.Options{Package: pkg}).Validate(); err != nil {
		return &cmdutil.FlagError{Err: fmt.Errorf("--package: %w", err)}
	}
	return cmdutil.RefuseInputs("-o", output, file)
}

// options are the converter options of the flags, without code lists.
func (o *SourceOptions) options(pkg string) fimconvert.Options {
	return fimconvert.Options{BaseURI: o.BaseURI, Namespace: o.Namespace, Keys: fimconvert.KeyStyle(o.Keys), Package: pkg}
}

// Flags are the flags and arguments that fim convert and fim sample share.
type Flags struct {
	Source SourceOptions
	Batch  BatchFlags
	// Output is the file to write ("" or "-": standard output).
	Output string
	// Args are the inputs; File is the one input without --out-dir.
	Args []string
	File string
}

// SetArgs checks the batch flags against the arguments and -o and keeps
// the inputs.
func (f *Flags) SetArgs(args []string) error {
	file, err := f.Batch.inputs(args, f.Output)
	if err != nil {
		return err
	}
	f.Args, f.File = args, file
	return nil
}

// AddFlags registers -o, --out-dir, -j and the source flags.
func AddFlags(cmd *cobra.Command, f *Flags) {
	b, o := &f.Batch, &f.Source
	fl := cmd.Flags()
	fl.StringVarP(&f.Output, "output-file", "o", "", "write to `PATH` (atomically) instead of stdout")
	fl.StringVar(&b.OutDir, "out-dir", "", "convert several files and directories, one <id>_<version><ext> each into `DIR`")
	fl.IntVarP(&b.Jobs, "jobs", "j", 0, "parallel workers with --out-dir (default: number of CPUs)")
	fl.StringArrayVar(&o.Codelists, "codelists", nil, "directory `DIR` of genericode code lists for select fields (repeatable)")
	fl.StringVar(&o.BaseURI, "base-uri", fimconvert.DefaultBaseURI, "base `URI` of the JSON Schema $id (<base><id>_<version>.schema.json)")
	fl.StringVar(&o.Namespace, "namespace", "", "XML target namespace `URI` (default: base URI + <id>_<version>)")
	fl.StringVar(&o.Keys, "keys", string(fimconvert.KeysID), "property keys and element names: id (F00000013) or name (familienname)")
}

// Generation is one run of fim convert or fim sample: gen makes the output
// of a schema; without --out-dir it is written to Output (stdout for ""),
// and an error of gen is wrapped as "What: error".
type Generation struct {
	Flags
	// Package is the Go package name of the go target.
	Package string
	// Ext ends the names of the files written into --out-dir.
	Ext  string
	What string
	Gen  GenerateFunc
}

// Run generates the output of the one input or, with --out-dir, of every
// input.
func (g *Generation) Run(ctx context.Context, io *iostreams.IOStreams) error {
	if g.Batch.OutDir != "" {
		return runBatch(ctx, io, g.Args, g.Batch, g.Source, g.Package, g.Ext, g.Gen)
	}
	c, err := load(io, g.File, g.Source, g.Package)
	if err != nil {
		return err
	}
	out, err := g.Gen(c)
	if err != nil {
		return fmt.Errorf("%s: %w", g.What, err)
	}
	if !io.Quiet() {
		writeWarnings(io.ErrOut, g.File, c.Warnings())
	}
	return write(io.Out, g.Output, out)
}

// load reads the schema file ("-" for stdin) and prepares the converter.
// Findings of the reader at error level are counted on ErrOut.
func load(io *iostreams.IOStreams, file string, o SourceOptions, pkg string) (*fimconvert.Converter, error) {
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
	if !io.Quiet() {
		warnReadErrors(io.ErrOut, file, fs)
	}
	opts := o.options(pkg)
	if res := Codelists(io, o.Codelists, "code lists: "); res != nil {
		opts.Codelists = fimconvert.FromResolver(res)
	}
	c, err := fimconvert.New(doc, opts)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	return c, nil
}

// warnReadErrors counts the reader's findings at error level and points
// to fim lint.
func warnReadErrors(w io.Writer, file string, fs []finding.Finding) {
	n := 0
	for _, f := range fs {
		if f.Severity >= finding.Error {
			n++
		}
	}
	if n > 0 {
		fmt.Fprintf(w, "warning: %s has %d error finding(s) from reading; run \"ozgctl fim lint %s\"\n", file, n, file)
	}
}

// writeWarnings writes the converter's warnings.
func writeWarnings(w io.Writer, file string, ws []fimconvert.Warning) {
	for _, x := range ws {
		fmt.Fprintf(w, "warning: %s: %s\n", file, x)
	}
}

// write writes data to path with [report.WriteAtomic], or to out for ""
// and "-".
func write(out io.Writer, path string, data []byte) error {
	if path == "" || path == "-" {
		_, err := out.Write(data)
		return err
	}
	return report.WriteAtomic(path, data)
}

// Codelists returns a resolver over the genericode files of dirs, or nil
// when there are none, and unless --quiet writes each file it could not
// read to ErrOut as "warning: <prefix><problem>".
func Codelists(io *iostreams.IOStreams, dirs []string, prefix string) *codelist.DirResolver {
	if len(dirs) == 0 {
		return nil
	}
	res := codelist.NewDirResolver(dirs...)
	if !io.Quiet() {
		for _, p := range res.Problems() {
			fmt.Fprintf(io.ErrOut, "warning: %s%v\n", prefix, p)
		}
	}
	return res
}

// CheckLangCodelists checks --lang and the --codelists directories.
func CheckLangCodelists(lang string, codelists []string) error {
	if err := cmdutil.CheckLang(lang); err != nil {
		return err
	}
	return cmdutil.CheckDirs("--codelists", codelists)
}

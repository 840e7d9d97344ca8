package shared

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/ozgctl/ozgctl/internal/cli/cmdutil"
	"github.com/ozgctl/ozgctl/internal/cli/iostreams"
	"github.com/ozgctl/ozgctl/pkg/batch"
	"github.com/ozgctl/ozgctl/pkg/codelist"
	"github.com/ozgctl/ozgctl/pkg/fim"
	fimconvert "github.com/ozgctl/ozgctl/pkg/fim/convert"
	"github.com/ozgctl/ozgctl/pkg/report"
)

// BatchFlags are the flags of fim convert and fim sample for several
// inputs.
type BatchFlags struct {
	// OutDir receives one <id>_<version><ext> per input.
	OutDir string
	// Jobs is the number of parallel workers (0: number of CPUs).
	Jobs int
}

// inputs validates the batch flags against the arguments and -o and
// returns the one input (file) of a run without --out-dir.
func (b *BatchFlags) inputs(args []string, output string) (file string, err error) {
	if err := b.check(args, output); err != nil {
		return "", err
	}
	if len(args) == 1 {
		file = args[0]
	}
	return file, nil
}

func (b *BatchFlags) check(args []string, output string) error {
	if b.Jobs < 0 {
		return cmdutil.FlagErrorf("-j %d: want a positive number of workers", b.Jobs)
	}
	if b.OutDir != "" && output != "" {
		return cmdutil.FlagErrorf("-o and --out-dir exclude each other")
	}
	if b.OutDir == "" && (len(args) != 1 || IsDir(args[0])) {
		return cmdutil.FlagErrorf("want exactly one XDatenfelder file (or - for stdin), got %d; give --out-dir DIR for several files or directories", len(args))
	}
	return nil
}

// GenerateFunc produces the output of one schema.
type GenerateFunc func(c *fimconvert.Converter) ([]byte, error)

// batchResult is what one input produced.
type batchResult struct {
	out  string
	data []byte
	msgs bytes.Buffer
	err  error
}

// runBatch converts every XDatenfelder file among args (directories are
// walked; genericode files found below them are left out) on -j workers
// and writes each result atomically to OutDir/<id>_<version><ext>. Each
// written file is listed on Out as "input → output"; warnings and errors
// go to ErrOut, in input order whatever the number of workers. An input
// that fails, or whose output name another input already took, makes the
// run end with ErrInput after the others were written.
func runBatch(ctx context.Context, io *iostreams.IOStreams, args []string, b BatchFlags, src SourceOptions, pkg, ext string, gen GenerateFunc) error {
	if err := os.MkdirAll(b.OutDir, 0o755); err != nil {
		return fmt.Errorf("create --out-dir: %w", err)
	}
	inputs, inErrs := batch.ExpandInputs(args, io.In)
	inputs = dropCodeLists(inputs, args)
	base := src.options(pkg)
	if res := Codelists(io, src.Codelists, "code lists: "); res != nil {
		for _, cl := range res.All() {
			cl.Prepare() // shared by the workers from here on
		}
		base.Codelists = fimconvert.FromResolver(res)
	}
	results := make([]batchResult, len(inputs))
	batch.Each(ctx, len(inputs), b.Jobs, func(i int) {
		results[i] = convertOne(inputs[i], base, ext, gen, io.Quiet())
	})
	if err := ctx.Err(); err != nil {
		return err
	}
	failed := len(inErrs)
	for _, e := range inErrs {
		fmt.Fprintf(io.ErrOut, "error: %v\n", e)
	}
	taken := map[string]string{}
	for i := range results {
		r := &results[i]
		io.ErrOut.Write(r.msgs.Bytes())
		if r.err == nil {
			if prev, dup := taken[r.out]; dup {
				r.err = fmt.Errorf("%s is also the output name of %s; not written", r.out, prev)
			}
		}
		if r.err != nil {
			failed++
			fmt.Fprintf(io.ErrOut, "error: %s: %v\n", inputs[i].Name, r.err)
			continue
		}
		taken[r.out] = inputs[i].Name
		path := filepath.Join(b.OutDir, r.out)
		if err := report.WriteAtomic(path, r.data); err != nil {
			return fmt.Errorf("write %s: %w", path, err)
		}
		fmt.Fprintf(io.Out, "%s → %s\n", inputs[i].Name, path)
	}
	if failed > 0 {
		return cmdutil.ErrInput
	}
	return nil
}

// convertOne reads one input and generates its output.
func convertOne(in batch.Input, base fimconvert.Options, ext string, gen GenerateFunc, quiet bool) batchResult {
	var r batchResult
	rc, err := in.Open()
	if err != nil {
		r.err = cmdutil.PathErr(err)
		return r
	}
	defer rc.Close()
	doc, fs, err := fim.Read(rc, in.Name, fim.ReadOptions{})
	if err != nil {
		r.err = err
		return r
	}
	if !quiet {
		warnReadErrors(&r.msgs, in.Name, fs)
	}
	c, err := fimconvert.New(doc, base)
	if err != nil {
		r.err = err
		return r
	}
	r.data, r.err = gen(c)
	if !quiet {
		writeWarnings(&r.msgs, in.Name, c.Warnings())
	}
	r.out = outputName(doc.RootIdent, ext)
	return r
}

// IsDir reports whether p names a directory.
func IsDir(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}

// outputName is <id>_<version><ext>, with characters that cannot be in a
// file name replaced.
func outputName(id fim.Identifier, ext string) string {
	name := id.ID
	if id.Version != "" {
		name += "_" + id.Version
	}
	if name == "" {
		name = "unnamed"
	}
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, r) || r < ' ' {
			return '_'
		}
		return r
	}, name) + ext
}

// dropCodeLists leaves out genericode files found below a directory
// argument (code lists next to the schemas); a code list named
// explicitly stays and fails as an input that is not XDatenfelder.
func dropCodeLists(inputs []batch.Input, args []string) []batch.Input {
	named := map[string]bool{}
	for _, a := range args {
		named[a] = true
	}
	out := inputs[:0]
	for _, in := range inputs {
		if !named[in.Name] && IsGenericode(in) {
			continue
		}
		out = append(out, in)
	}
	return out
}

// IsGenericode sniffs the start of a file for the genericode namespace.
func IsGenericode(in batch.Input) bool {
	rc, err := in.Open()
	if err != nil {
		return false
	}
	defer rc.Close()
	return codelist.Sniff(rc)
}

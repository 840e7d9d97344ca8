package lint

import (
	"context"
	"fmt"
	"github.com/ozgctl/ozgctl/internal/testenv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sebdah/goldie/v2"

	"github.com/ozgctl/ozgctl/internal/testcorpus"
	"github.com/ozgctl/ozgctl/pkg/codelist"
	"github.com/ozgctl/ozgctl/pkg/fim"
	"github.com/ozgctl/ozgctl/pkg/finding"
)

// fimTestdata holds the real XDatenfelder files copied from the corpus by
// the reader's tests (see its SOURCES.md).
const fimTestdata = "../testdata"

// codelistsFor names the code list directory of a real schema.
var codelistsFor = map[string]string{
	"S00000094V1.0_xdf2.xml": fimTestdata + "/codelists/S00000094",
	"S00000186v1.0_xdf2.xml": fimTestdata + "/codelists/S00000186",
}

func render(fs []finding.Finding) string {
	var b strings.Builder
	for _, f := range fs {
		id := f.ElementID
		if f.ElementVersion != "" {
			id += " v" + f.ElementVersion
		}
		fmt.Fprintf(&b, "%d:%d %s %s [%s] (%s) %s\n", f.Line, f.Column, f.Severity, f.Rule, f.Path, id, f.Text("de"))
	}
	return b.String()
}

// TestGoldenRealFiles lints every real XDatenfelder file of the reader's
// test data (with the schema's code lists where they exist) and compares
// the findings with testdata/golden/<file>.golden; run with -update to
// rewrite them after a deliberate change.
func TestGoldenRealFiles(t *testing.T) {
	files, _ := filepath.Glob(fimTestdata + "/xdf[23]/*.xml")
	synthetic, _ := filepath.Glob(fimTestdata + "/synthetic/*.xml")
	files = append(files, synthetic...)
	if len(files) < 10 {
		t.Fatalf("only %d files in %s", len(files), fimTestdata)
	}
	g := goldie.New(t, goldie.WithFixtureDir("testdata/golden"))
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			doc, _, err := fim.ReadFile(file, fim.ReadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			opts := Options{}
			if dir, ok := codelistsFor[filepath.Base(file)]; ok {
				opts.Codelists = codelist.NewDirResolver(dir)
			}
			fs := Lint(context.Background(), doc, opts)
			checkFindings(t, fs)
			g.Assert(t, strings.TrimSuffix(filepath.Base(file), ".xml"), []byte(render(fs)))
		})
	}
}

// checkFindings asserts what every lint finding must carry.
func checkFindings(t *testing.T, fs []finding.Finding) {
	t.Helper()
	for i, f := range fs {
		r := Lookup(f.Rule)
		switch {
		case r == nil:
			t.Errorf("unknown rule %q", f.Rule)
		case f.Severity != r.Severity():
			t.Errorf("%s: severity %s, want %s", f.Rule, f.Severity, r.Severity())
		case f.Line == 0 || f.Column == 0:
			t.Errorf("%s: no position: %+v", f.Rule, f)
		case f.Path == "" || f.Text("de") == "" || f.Text("en") == "" || f.Source != source:
			t.Errorf("%s: incomplete: %+v", f.Rule, f)
		}
		if i > 0 && finding.Compare(fs[i-1], f) > 0 {
			t.Errorf("findings not sorted at %d", i)
		}
	}
}

// TestCorpus lints every XDatenfelder file of the shared corpus when it is
// present: no panic, and every finding complete.
func TestCorpus(t *testing.T) {
	dir := testcorpus.Dir()
	if dir == "" {
		testenv.Skip(t, "shared corpus not found", "run beside ../shared/corpus or set OZGCTL_CORPUS")
	}
	n := 0
	for _, sub := range []string{"xdf2", "xdf3", "xoev/xdatenfelder"} {
		_ = filepath.WalkDir(filepath.Join(dir, sub), func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(p, ".xml") {
				return nil
			}
			doc, _, err := fim.ReadFile(p, fim.ReadOptions{})
			if err != nil {
				return nil // the reader's tests cover refused files
			}
			n++
			checkFindings(t, Lint(context.Background(), doc, Options{}))
			return nil
		})
	}
	if n == 0 {
		t.Error("no corpus file read")
	}
	t.Logf("%d corpus files linted from %s", n, dir)
}

// BenchmarkLintS00000186 lints the largest real schema (351 KB, 42 groups,
// 156 fields, 38 rules) with its 14 code lists, after reading it once.
func BenchmarkLintS00000186(b *testing.B) {
	doc, _, err := fim.ReadFile(fimTestdata+"/xdf2/S00000186v1.0_xdf2.xml", fim.ReadOptions{})
	if err != nil {
		b.Fatal(err)
	}
	res := codelist.NewDirResolver(fimTestdata + "/codelists/S00000186")
	res.All()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		Lint(context.Background(), doc, Options{Codelists: res})
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}

// BenchmarkReadAndLintS00000186 is the whole per-file work of fim lint:
// read and lint.
func BenchmarkReadAndLintS00000186(b *testing.B) {
	data, err := os.ReadFile(fimTestdata + "/xdf2/S00000186v1.0_xdf2.xml")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		doc, _, err := fim.ReadBytes(data, "S00000186v1.0_xdf2.xml", fim.ReadOptions{})
		if err != nil {
			b.Fatal(err)
		}
		Lint(context.Background(), doc, Options{})
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}

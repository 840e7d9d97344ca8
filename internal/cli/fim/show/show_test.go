package show

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/sebdah/goldie/v2"

	"github.com/ozgctl/ozgctl/internal/cli/cmdutil"
	"github.com/ozgctl/ozgctl/internal/cli/cmdutil/cmdtest"
	"github.com/ozgctl/ozgctl/internal/cli/iostreams"
	"github.com/ozgctl/ozgctl/pkg/fim"
)

// testdata is the reader's test data: real files copied from the corpus.
const testdata = "../../../../pkg/fim/testdata"

func TestNewCmdShow(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		want    ShowOptions
		wantErr string
	}{
		{name: "defaults", args: []string{"a.xml"}, want: ShowOptions{File: "a.xml", Output: "text", Lang: "de"}},
		{name: "all flags", args: []string{"--output", "json", "--strict", "--lang", "en", "--codelists", testdata, "--codelists", testdata, "-"},
			want: ShowOptions{File: "-", Output: "json", Strict: true, Lang: "en", Codelists: []string{testdata, testdata}}},
		{name: "no file", args: []string{}, wantErr: "want exactly one"},
		{name: "two files", args: []string{"a", "b"}, wantErr: "want exactly one"},
		{name: "bad output", args: []string{"--output", "yaml", "a"}, wantErr: `unknown output format "yaml"`},
		{name: "bad lang", args: []string{"--lang", "fr", "a"}, wantErr: `--lang "fr"`},
		{name: "missing codelists dir", args: []string{"--codelists", "nope", "a"}, wantErr: `--codelists "nope"`},
		{name: "codelists not a dir", args: []string{"--codelists", "show.go", "a"}, wantErr: "not a directory"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := cmdtest.ParseFlags(NewCmdShow, tt.args)
			if tt.wantErr != "" {
				cmdtest.WantFlagError(t, err, tt.wantErr)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			got.IO = nil
			if got.File != tt.want.File || got.Output != tt.want.Output || got.Strict != tt.want.Strict || got.Lang != tt.want.Lang || strings.Join(got.Codelists, ",") != strings.Join(tt.want.Codelists, ",") {
				t.Errorf("options %+v, want %+v", *got, tt.want)
			}
		})
	}
}

func run(t *testing.T, opts ShowOptions) (string, string, error) {
	t.Helper()
	ios, _, out, errOut := iostreams.Test()
	opts.IO = ios
	if opts.Output == "" {
		opts.Output = "text"
	}
	if opts.Lang == "" {
		opts.Lang = "de"
	}
	err := showRun(context.Background(), &opts)
	return out.String(), errOut.String(), err
}

func TestShowGolden(t *testing.T) {
	tests := []struct {
		golden string
		opts   ShowOptions
		stderr string
	}{
		{golden: "S00000094", opts: ShowOptions{File: "xdf2/S00000094V1.0_xdf2.xml", Codelists: []string{testdata + "/codelists/S00000094"}}},
		{golden: "S00000186", opts: ShowOptions{File: "xdf2/S00000186v1.0_xdf2.xml", Codelists: []string{testdata + "/codelists/S00000186"}}, stderr: "xdf:invalid-date"},
		{golden: "S00000186-nocodelists-en", opts: ShowOptions{File: "xdf2/S00000186v1.0_xdf2.xml", Lang: "en"}, stderr: "xdf:invalid-date"},
		{golden: "BlaueKarte-missing-codelists", opts: ShowOptions{File: "xdf2/BlaueKarte.xml", Codelists: []string{testdata + "/codelists/S00000094"}}, stderr: "xdf:unresolved-codeliste"},
		{golden: "G60000000088-xdf3", opts: ShowOptions{File: "xdf3/G60000000088-simple.xml"}},
		{golden: "xdf3-schema", opts: ShowOptions{File: "xdf3/xdf3.xml"}},
		{golden: "F60000020-field", opts: ShowOptions{File: "xdf2/F60000020V1.0.xml"}, stderr: "xdf:unqualified-children"},
		{golden: "G60000000088-xdf3-json", opts: ShowOptions{File: "xdf3/G60000000088-simple.xml", Output: "json"}},
		{golden: "G60000000001-werte-file", opts: ShowOptions{File: "synthetic/F60000000002-werte-file-xdf3.xml"}},
		{golden: "F60000000001-select", opts: ShowOptions{File: "synthetic/F60000000001-select-xdf3.xml", Codelists: []string{testdata + "/codelists/S00000094"}}},
	}
	g := goldie.New(t, goldie.WithFixtureDir("testdata/golden"), goldie.WithNameSuffix(".golden"))
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			// Run from the test data directory so that file names are short and stable.
			tt.opts.File = filepath.ToSlash(filepath.Join(testdata, tt.opts.File))
			out, errOut, err := run(t, tt.opts)
			if err != nil {
				t.Fatalf("%v\nstderr: %s", err, errOut)
			}
			if tt.stderr == "" && errOut != "" || !strings.Contains(errOut, tt.stderr) {
				t.Errorf("stderr = %q, want %q", errOut, tt.stderr)
			}
			out = strings.ReplaceAll(out, testdata+"/", "")
			g.Assert(t, tt.golden, []byte(out))
		})
	}
}

func TestShowErrors(t *testing.T) {
	tests := []struct {
		name     string
		file     string
		strict   bool
		findings bool   // ErrFindings expected
		sentinel error  // read error expected
		stderr   string // part of stderr
	}{
		{name: "xdf1", file: "xdf1/WaBeKa.xml", sentinel: fim.ErrXDF1},
		{name: "unknown namespace", file: "bad/unknown-namespace.xml", sentinel: fim.ErrUnknownNamespace},
		{name: "duplicate", file: "bad/duplicate-required-value.xml", sentinel: fim.ErrStructure},
		{name: "near empty", file: "bad/testfield.xml", sentinel: fim.ErrStructure},
		{name: "missing", file: "does-not-exist.xml", sentinel: os.ErrNotExist},
		{name: "strict", file: "xdf2/F60000020V1.0.xml", strict: true, findings: true, stderr: "error xdf:unqualified-children"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errOut, err := run(t, ShowOptions{File: filepath.Join(testdata, tt.file), Strict: tt.strict})
			switch {
			case tt.findings:
				if !errors.Is(err, cmdutil.ErrFindings) {
					t.Fatalf("err = %v, want ErrFindings", err)
				}
			default:
				if !errors.Is(err, tt.sentinel) {
					t.Fatalf("err = %v, want %v", err, tt.sentinel)
				}
			}
			if !strings.Contains(errOut, tt.stderr) {
				t.Errorf("stderr = %q, want %q", errOut, tt.stderr)
			}
		})
	}
}

// TestShowJSONSchema validates the JSON model of every test file against
// schemas/fim-model.schema.json.
func TestShowJSONSchema(t *testing.T) {
	c := jsonschema.NewCompiler()
	sch, err := c.Compile("../../../../schemas/fim-model.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(testdata, "xdf[23]", "*.xml"))
	synthetic, _ := filepath.Glob(filepath.Join(testdata, "synthetic", "*.xml"))
	files = append(files, synthetic...)
	if len(files) < 10 {
		t.Fatalf("only %d test files", len(files))
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			out, _, err := run(t, ShowOptions{File: f, Output: "json"})
			if err != nil {
				t.Fatal(err)
			}
			v, err := jsonschema.UnmarshalJSON(strings.NewReader(out))
			if err != nil {
				t.Fatal(err)
			}
			if err := sch.Validate(v); err != nil {
				t.Errorf("%s: %v", f, err)
			}
			// Key order is stable: the same input gives the same bytes.
			again, _, _ := run(t, ShowOptions{File: f, Output: "json"})
			if again != out {
				t.Error("JSON output differs between two runs")
			}
			var doc map[string]any
			if err := json.Unmarshal([]byte(out), &doc); err != nil || doc["sourceVersion"] == nil {
				t.Errorf("bad JSON: %v", err)
			}
		})
	}
}

func TestShowStdin(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(testdata, "xdf3/xdf3.xml"))
	if err != nil {
		t.Fatal(err)
	}
	ios, in, out, _ := iostreams.Test()
	in.Write(data)
	if err := showRun(context.Background(), &ShowOptions{IO: ios, File: "-", Output: "text", Lang: "de"}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "S12345") {
		t.Errorf("output %q", out)
	}
}

// TestShowExponentialReuse: groups reused in each other (each second use
// written with its id only) give 2^30 places; the table stops at maxRows.
func TestShowExponentialReuse(t *testing.T) {
	ref := func(content string) string {
		return `<x:struktur><x:anzahl>1:1</x:anzahl><x:enthaelt>` + content + `</x:enthaelt></x:struktur>`
	}
	group := func(id, content string) string {
		return `<x:datenfeldgruppe><x:identifikation><x:id>` + id + `</x:id><x:version>1.0</x:version></x:identifikation><x:name>g</x:name>` + content + `</x:datenfeldgruppe>`
	}
	g := group("G0", ref(`<x:datenfeld><x:identifikation><x:id>F1</x:id><x:version>1.0</x:version></x:identifikation><x:name>f</x:name><x:feldart><code>input</code></x:feldart><x:datentyp><code>text</code></x:datentyp></x:datenfeld>`))
	for i := 1; i <= 30; i++ {
		prev := "G" + strconv.Itoa(i-1)
		g = group("G"+strconv.Itoa(i), ref(g)+ref(group(prev, "")))
	}
	in := `<x:xdatenfelder.datenfeldgruppe.0103 xmlns:x="urn:xoev-de:fim:standard:xdatenfelder_2"><x:header/>` + g + `</x:xdatenfelder.datenfeldgruppe.0103>`
	dir := t.TempDir()
	file := filepath.Join(dir, "exp.xml")
	if err := os.WriteFile(file, []byte(in), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, err := run(t, ShowOptions{File: file})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "mehr als 20000 Positionen") {
		t.Errorf("no truncation note; %d bytes of output", len(out))
	}
}

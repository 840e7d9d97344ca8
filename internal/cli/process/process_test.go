package process

import (
	"archive/zip"
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sebdah/goldie/v2"
	"github.com/spf13/cobra"

	"github.com/ozgctl/ozgctl/internal/cli/cmdutil"
	"github.com/ozgctl/ozgctl/internal/cli/cmdutil/cmdtest"
	"github.com/ozgctl/ozgctl/internal/cli/iostreams"
	"github.com/ozgctl/ozgctl/internal/testcorpus"
	"github.com/ozgctl/ozgctl/pkg/finding"
)

const (
	corpusXP = "../../../examples/xprozess/mutterschutz-anzeige.xml"
	forms    = "../../../examples/fim"
	fixture  = "../../../pkg/bpmn/testdata/fixtures/all-elements.bpmn"
	adonis   = "../../../pkg/bpmn/testdata/adonis/mutterschutz-anzeige.bpmn"
)

func golden(t *testing.T) *goldie.Goldie {
	return goldie.New(t, goldie.WithFixtureDir("testdata/golden"), goldie.WithNameSuffix(".golden"))
}

func TestNewCmdFlags(t *testing.T) {
	if _, err := cmdtest.ParseFlags(func(f *cmdutil.Factory, r func(*ConvertOptions) error) *cobra.Command {
		return NewCmdConvert(f, true, r)
	}, []string{"--to", "pdf", "a"}); err == nil {
		t.Error("--to pdf accepted")
	} else {
		cmdtest.WantFlagError(t, err, `--to "pdf"`)
	}
	o, err := cmdtest.ParseFlags(func(f *cmdutil.Factory, r func(*ConvertOptions) error) *cobra.Command {
		return NewCmdConvert(f, true, r)
	},
		[]string{"--to", "markdown", "--forms", forms, "--process", "1", "-o", "x.md", "--lang", "en", "a.xml"})
	if err != nil || o.To != "markdown" || o.Forms[0] != forms || o.Process != "1" || o.Output != "x.md" || o.Lang != "en" || o.File != "a.xml" {
		t.Errorf("%+v %v", o, err)
	}
	_, err = cmdtest.ParseFlags(NewCmdShow, []string{"--forms", "nope", "a"})
	cmdtest.WantFlagError(t, err, `--forms "nope"`)
	_, err = cmdtest.ParseFlags(NewCmdExtract, []string{"a"})
	cmdtest.WantFlagError(t, err, "-o DIR is required")
	_, err = cmdtest.ParseFlags(NewCmdLint, []string{})
	cmdtest.WantFlagError(t, err, "no input")
}

func TestShowGolden(t *testing.T) {
	for _, tt := range []struct {
		name string
		opts ShowOptions
	}{
		{"xprozess-show", ShowOptions{File: corpusXP, Output: "text", Lang: "de"}},
		{"xprozess-show-forms-en", ShowOptions{File: corpusXP, Output: "text", Lang: "en", Forms: []string{forms}}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ios, _, out, errOut := iostreams.Test()
			tt.opts.IO = ios
			if err := showRun(&tt.opts); err != nil {
				t.Fatal(err)
			}
			golden(t).Assert(t, tt.name, out.Bytes())
			if n := strings.Count(errOut.String(), "xprozess:id-prose"); n != 6 {
				t.Errorf("stderr has %d id-prose warnings:\n%s", n, errOut)
			}
		})
	}
}

func TestShowJSON(t *testing.T) {
	ios, _, out, _ := iostreams.Test()
	if err := showRun(&ShowOptions{IO: ios, File: corpusXP, Output: "json", Lang: "de", Forms: []string{forms}}); err != nil {
		t.Fatal(err)
	}
	var v struct {
		Document struct {
			Bibliothek struct {
				Prozesse []struct{ ID string } `json:"prozesse"`
			} `json:"prozessbibliothek"`
		} `json:"document"`
		Forms []struct {
			Links []struct{ Status, SchemaID string } `json:"links"`
		} `json:"forms"`
		Findings []finding.Finding `json:"findings"`
	}
	if err := json.Unmarshal(out.Bytes(), &v); err != nil {
		t.Fatal(err)
	}
	if v.Document.Bibliothek.Prozesse[0].ID != "99006028261000" || v.Forms[0].Links[0].Status != "found" || v.Forms[0].Links[0].SchemaID != "S00000094" || len(v.Findings) != 6 {
		t.Errorf("%s", out)
	}
}

// TestFormsAgainstSharedCorpus: the trigger form D00000094 resolves to
// S00000094 among every XDatenfelder file of the shared corpus.
func TestFormsAgainstSharedCorpus(t *testing.T) {
	dir := testcorpus.Dir()
	if dir == "" {
		t.Skip("no shared corpus")
	}
	ios, _, out, _ := iostreams.Test()
	if err := showRun(&ShowOptions{IO: ios, File: corpusXP, Output: "text", Lang: "de", Forms: []string{dir}}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "D00000094  found   S00000094 V1.0") {
		t.Errorf("%s", out)
	}
}

func TestConvertMarkdownGolden(t *testing.T) {
	ios, _, out, _ := iostreams.Test()
	if err := convertRun(&ConvertOptions{IO: ios, File: corpusXP, To: "markdown", Lang: "de", Forms: []string{forms}, XProzess: true}); err != nil {
		t.Fatal(err)
	}
	golden(t).Assert(t, "xprozess-markdown", out.Bytes())
	ios, _, out, _ = iostreams.Test()
	if err := convertRun(&ConvertOptions{IO: ios, File: fixture, To: "markdown", Lang: "en"}); err != nil {
		t.Fatal(err)
	}
	golden(t).Assert(t, "bpmn-markdown-en", out.Bytes())
	ios, _, out, _ = iostreams.Test()
	if err := convertRun(&ConvertOptions{IO: ios, File: fixture, To: "mermaid", Lang: "de"}); err != nil {
		t.Fatal(err)
	}
	golden(t).Assert(t, "bpmn-mermaid", out.Bytes())
}

func TestConvertSVGToFile(t *testing.T) {
	p := filepath.Join(t.TempDir(), "p.svg")
	ios, _, _, _ := iostreams.Test()
	if err := convertRun(&ConvertOptions{IO: ios, File: corpusXP, To: "svg", Lang: "de", Output: p, XProzess: true}); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(p)
	if n := bytes.Count(b, []byte(`<g class="bpmn-node `)); n != 33 {
		t.Errorf("%d nodes", n)
	}
	// a BPMN file given to xprozess convert: a hint
	err := convertRun(&ConvertOptions{IO: ios, File: fixture, To: "svg", Lang: "de", XProzess: true})
	var he *cmdutil.HintError
	if !errors.As(err, &he) {
		t.Errorf("err %v", err)
	}
}

func lint(t *testing.T, lang string, args ...string) (*finding.Report, string, error) {
	ios, _, out, _ := iostreams.Test()
	opts := &LintOptions{IO: ios, RunFlags: cmdutil.RunFlags{Args: args, Output: cmdutil.OutputFlags{Output: "json", FailOn: "error", Lang: lang}, Jobs: 2}}
	err := lintRun(t.Context(), opts)
	var rep struct {
		Files []finding.FileResult `json:"files"`
	}
	if jerr := json.Unmarshal(out.Bytes(), &rep); jerr != nil {
		t.Fatalf("%v\n%s", jerr, out)
	}
	return &finding.Report{Files: rep.Files}, out.String(), err
}

func TestLint(t *testing.T) {
	dir := t.TempDir()
	broken := filepath.Join(dir, "broken.bpmn")
	os.WriteFile(broken, []byte("<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">\n<process id=\"P\">\n</definitions>\n"), 0o644)
	other := filepath.Join(dir, "other.xml")
	os.WriteFile(other, []byte(`<root xmlns="urn:other"/>`), 0o644)
	// a directory: the BPMN files, the XProzess export; other XML passed over
	sub := filepath.Join(dir, "models")
	os.MkdirAll(sub, 0o755)
	data, _ := os.ReadFile(fixture)
	os.WriteFile(filepath.Join(sub, "a.bpmn"), data, 0o644)
	os.WriteFile(filepath.Join(sub, "skip.xml"), []byte(`<root xmlns="urn:other"/>`), 0o644)

	rep, _, err := lint(t, "en", sub, broken, corpusXP)
	if !errors.Is(err, cmdutil.ErrFindings) {
		t.Errorf("err %v", err)
	}
	byFile := map[string]finding.FileResult{}
	for _, f := range rep.Files {
		byFile[f.File] = f
	}
	if len(rep.Files) != 3 || len(byFile[filepath.Join(sub, "a.bpmn")].Findings) != 0 {
		t.Fatalf("files %+v", rep.Files)
	}
	b := byFile[broken].Findings
	if len(b) != 1 || b[0].Rule != "xml:not-well-formed" || b[0].Line != 3 {
		t.Errorf("broken: %+v", b)
	}
	rules := map[string]int{}
	for _, f := range byFile[corpusXP].Findings {
		rules[f.Rule]++
		if strings.HasPrefix(f.Rule, "bpmn:") && f.File != corpusXP+"!BPMN DI-Export.xml" {
			t.Errorf("embedded finding file %q", f.File)
		}
	}
	if rules["xprozess:id-prose"] != 6 || rules["bpmn:gateway-condition"] != 5 || rules["bpmn:dangling-ref"] != 4 {
		t.Errorf("rules %v", rules)
	}
	// neither BPMN nor XProzess, named explicitly: an input error (exit 2)
	_, out, err := lint(t, "de", other)
	if !errors.Is(err, cmdutil.ErrInput) {
		t.Errorf("err %v\n%s", err, out)
	}
}

// hostileExport builds an XProzess export whose model archive tries to
// write outside the target folder and nests an archive.
func hostileExport(t *testing.T) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range []string{"../../evil.bpmn", "/abs/evil.bpmn", "ok/model.bpmn", "nested.zip"} {
		w, _ := zw.Create(name)
		w.Write([]byte(`<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D"><process id="P"><startEvent id="S"/></process></definitions>`))
	}
	zw.Close()
	return []byte(`<x:alleInhalte.export.0303 xmlns:x="http://www.regierung-mv.de/xprozess/2" xprozessVersion="2.0">
<x:prozessbibliothek><x:prozess><x:id>../99000000000001</x:id><x:name>Test</x:name>
<x:prozessmodell><x:prozessmodelldatei><x:dateiname>BPMN</x:dateiname><x:inhalt>` + base64.StdEncoding.EncodeToString(buf.Bytes()) + `</x:inhalt></x:prozessmodelldatei></x:prozessmodell>
</x:prozess></x:prozessbibliothek></x:alleInhalte.export.0303>`)
}

func TestExtract(t *testing.T) {
	base := t.TempDir()
	out := filepath.Join(base, "out")
	ios, _, stdout, _ := iostreams.Test()
	if err := extractRun(&ExtractOptions{IO: ios, File: corpusXP, Dir: out}); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"BPMN DI-Export.xml", "Modellgrafik.pdf", "Standard Report.pdf"} {
		if _, err := os.Stat(filepath.Join(out, "99006028261000", name)); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	if strings.Count(stdout.String(), "\n") != 3 {
		t.Errorf("stdout %q", stdout)
	}
	// hostile: nothing outside -o
	src := filepath.Join(base, "hostile.xml")
	os.WriteFile(src, hostileExport(t), 0o644)
	out2 := filepath.Join(base, "deep", "out2")
	ios, _, stdout, stderr := iostreams.Test()
	if err := extractRun(&ExtractOptions{IO: ios, File: src, Dir: out2}); err != nil {
		t.Fatal(err)
	}
	var written []string
	filepath.WalkDir(base, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			written = append(written, p)
		}
		return nil
	})
	for _, p := range written {
		if !strings.HasPrefix(p, out+string(filepath.Separator)) && !strings.HasPrefix(p, out2+string(filepath.Separator)) && p != src {
			t.Errorf("written outside -o: %s", p)
		}
	}
	if !strings.Contains(stdout.String(), filepath.Join(out2, "prozess-1", "ok", "model.bpmn")) {
		t.Errorf("stdout %q", stdout)
	}
	for _, want := range []string{"xprozess:zip-slip", "xprozess:nested-archive"} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("stderr lacks %s:\n%s", want, stderr)
		}
	}
}

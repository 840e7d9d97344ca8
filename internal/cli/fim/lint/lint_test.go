package lint

import (
	"context"
	"encoding/json"
	"errors"
	"github.com/ozgctl/ozgctl/internal/testenv"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/ozgctl/ozgctl/internal/cli/cmdutil"
	"github.com/ozgctl/ozgctl/internal/cli/cmdutil/cmdtest"
	"github.com/ozgctl/ozgctl/internal/cli/iostreams"
)

const (
	fimTestdata = "../../../../pkg/fim/testdata"
	s94         = fimTestdata + "/xdf2/S00000094V1.0_xdf2.xml"
	clean       = "../../../../pkg/fim/lint/testdata/rules/base3.xml"
)

func TestNewCmdLint(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		want    LintOptions
		wantErr string
	}{
		{name: "defaults", args: []string{"a.xml"},
			want: LintOptions{RunFlags: cmdutil.RunFlags{Args: []string{"a.xml"}, Output: cmdutil.OutputFlags{Output: "text", FailOn: "error", Lang: "de"}}}},
		{name: "all flags", args: []string{"--output", "json", "--report", "sarif=x.sarif", "--fail-on", "warning", "--lang", "en",
			"--strict", "-j", "3", "--codelists", fimTestdata, "--codelists", fimTestdata, "a.xml", "-"},
			want: LintOptions{Strict: true, Codelists: []string{fimTestdata, fimTestdata}, RunFlags: cmdutil.RunFlags{Args: []string{"a.xml", "-"}, Jobs: 3, Output: cmdutil.OutputFlags{Output: "json", Reports: []string{"sarif=x.sarif"}, FailOn: "warning", Lang: "en"}}}},
		{name: "no input", args: []string{}, wantErr: "no input"},
		{name: "negative jobs", args: []string{"-j", "-1", "a"}, wantErr: "-j -1"},
		{name: "missing codelists dir", args: []string{"--codelists", "nope", "a"}, wantErr: `--codelists "nope"`},
		{name: "codelists not a dir", args: []string{"--codelists", "lint.go", "a"}, wantErr: "not a directory"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := cmdtest.ParseFlags(NewCmdLint, tt.args)
			if tt.wantErr != "" {
				cmdtest.WantFlagError(t, err, tt.wantErr)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if strings.Join(got.Args, "|") != strings.Join(tt.want.Args, "|") || got.Strict != tt.want.Strict || got.Jobs != tt.want.Jobs ||
				strings.Join(got.Codelists, "|") != strings.Join(tt.want.Codelists, "|") ||
				got.Output.Output != tt.want.Output.Output || got.Output.FailOn != tt.want.Output.FailOn || got.Output.Lang != tt.want.Output.Lang ||
				strings.Join(got.Output.Reports, "|") != strings.Join(tt.want.Output.Reports, "|") {
				t.Errorf("options %+v, want %+v", *got, tt.want)
			}
		})
	}
}

func run(t *testing.T, opts LintOptions) (string, error) {
	t.Helper()
	ios, _, out, _ := iostreams.Test()
	opts.IO = ios
	if opts.Output.Output == "" {
		opts.Output.Output = "text"
	}
	if opts.Output.FailOn == "" {
		opts.Output.FailOn = "error"
	}
	if opts.Output.Lang == "" {
		opts.Output.Lang = "de"
	}
	err := lintRun(context.Background(), &opts)
	return out.String(), err
}

func TestLintRunExitErrors(t *testing.T) {
	if _, err := run(t, LintOptions{RunFlags: cmdutil.RunFlags{Args: []string{clean}}}); err != nil {
		t.Errorf("clean file: %v", err)
	}
	if _, err := run(t, LintOptions{RunFlags: cmdutil.RunFlags{Args: []string{s94}}}); !errors.Is(err, cmdutil.ErrFindings) {
		t.Errorf("S00000094: %v, want ErrFindings", err)
	}
	if _, err := run(t, LintOptions{RunFlags: cmdutil.RunFlags{Args: []string{s94, "nope.xml"}}}); !errors.Is(err, cmdutil.ErrInput) {
		t.Errorf("missing file: %v, want ErrInput", err)
	}
	if _, err := run(t, LintOptions{RunFlags: cmdutil.RunFlags{Args: []string{clean}, Output: cmdutil.OutputFlags{Output: "yaml"}}}); err == nil {
		t.Error("unknown format accepted")
	}
}

// TestJobsSameOutput runs a batch with one and with four workers.
func TestJobsSameOutput(t *testing.T) {
	files, _ := filepath.Glob(fimTestdata + "/xdf*/*.xml")
	if len(files) < 5 {
		t.Fatalf("only %d files", len(files))
	}
	a, _ := run(t, LintOptions{RunFlags: cmdutil.RunFlags{Args: files, Jobs: 1, Output: cmdutil.OutputFlags{Output: "json"}}})
	b, _ := run(t, LintOptions{RunFlags: cmdutil.RunFlags{Args: files, Jobs: 4, Output: cmdutil.OutputFlags{Output: "json"}}})
	if a != b {
		t.Error("output differs between -j 1 and -j 4")
	}
}

// TestJSONAgainstSchema validates the JSON output of real files, including
// input errors, against schemas/report.schema.json.
func TestJSONAgainstSchema(t *testing.T) {
	c := jsonschema.NewCompiler()
	sch, err := c.Compile("../../../../schemas/report.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(fimTestdata + "/*/*.xml")
	args := append(files, "nope.xml")
	for _, lang := range []string{"de", "en"} {
		out, _ := run(t, LintOptions{Codelists: []string{fimTestdata + "/codelists"}, RunFlags: cmdutil.RunFlags{Args: args, Output: cmdutil.OutputFlags{Output: "json", Lang: lang}}})
		v, err := jsonschema.UnmarshalJSON(strings.NewReader(out))
		if err != nil {
			t.Fatal(err)
		}
		if err := sch.Validate(v); err != nil {
			t.Errorf("%s: %v", lang, err)
		}
		var rep struct {
			Files []struct {
				Findings []json.RawMessage `json:"findings"`
			} `json:"files"`
		}
		if err := json.Unmarshal([]byte(out), &rep); err != nil || len(rep.Files) != len(args) {
			t.Errorf("files: %d, want %d (%v)", len(rep.Files), len(args), err)
		}
	}
}

// TestJUnitAgainstXSD validates the JUnit output with xmllint against the
// JUnit XSD of the report package.
func TestJUnitAgainstXSD(t *testing.T) {
	xmllint, err := exec.LookPath("xmllint")
	if err != nil {
		testenv.Missing(t, "xmllint", "apt-get install libxml2-utils")
	}
	files, _ := filepath.Glob(fimTestdata + "/*/*.xml")
	out, _ := run(t, LintOptions{RunFlags: cmdutil.RunFlags{Args: append(files, "nope.xml"), Output: cmdutil.OutputFlags{Output: "junit", FailOn: "warning"}}})
	if !strings.Contains(out, "<failure") || !strings.Contains(out, "<error") {
		t.Fatal("expected failures and an error in the JUnit output")
	}
	p := filepath.Join(t.TempDir(), "junit.xml")
	if err := os.WriteFile(p, []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := exec.Command(xmllint, "--noout", "--schema", "../../../../pkg/report/testdata/junit.xsd", p).CombinedOutput()
	if err != nil {
		t.Errorf("xmllint: %v\n%s", err, res)
	}
}

// TestSARIFRules checks that SARIF lists the catalogue rules.
func TestSARIFRules(t *testing.T) {
	out, _ := run(t, LintOptions{RunFlags: cmdutil.RunFlags{Args: []string{s94}, Output: cmdutil.OutputFlags{Output: "sarif", Lang: "en"}}})
	var log struct {
		Version string `json:"version"`
		Runs    []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						ID               string `json:"id"`
						ShortDescription struct {
							Text string `json:"text"`
						} `json:"shortDescription"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Results []struct {
				RuleID string `json:"ruleId"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(out), &log); err != nil {
		t.Fatal(err)
	}
	if log.Version != "2.1.0" || len(log.Runs) != 1 {
		t.Fatalf("version %q, %d runs", log.Version, len(log.Runs))
	}
	rules := map[string]string{}
	for _, r := range log.Runs[0].Tool.Driver.Rules {
		rules[r.ID] = r.ShortDescription.Text
	}
	if rules["1012"] == "" || rules["1048"] != "code list URN has an invalid format" {
		t.Errorf("rules: 1012 %q, 1048 %q", rules["1012"], rules["1048"])
	}
	if _, ok := rules["1089"]; ok {
		t.Error("deactivated rule 1089 listed")
	}
	if len(log.Runs[0].Results) == 0 {
		t.Error("no results")
	}
}

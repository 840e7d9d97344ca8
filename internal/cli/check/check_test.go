package check

import (
	"context"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/spf13/viper"

	"github.com/ozgctl/ozgctl/internal/cli/cmdutil"
	"github.com/ozgctl/ozgctl/internal/cli/cmdutil/cmdtest"
	"github.com/ozgctl/ozgctl/internal/cli/iostreams"
)

func factory() (*cmdutil.Factory, *iostreams.IOStreams) {
	ios, _, _, _ := iostreams.Test()
	return &cmdutil.Factory{IO: ios, Config: viper.New()}, ios
}

func TestNewCmdCheck(t *testing.T) {
	for _, tc := range []struct {
		name    string
		args    []string
		wantErr string
		check   func(*CheckOptions) bool
	}{
		{"xsd and files", []string{"--xsd", "s.xsd", "--catalog", "a.xml", "--catalog", "b.xml", "-j", "3", "m1.xml", "dir"}, "",
			func(o *CheckOptions) bool {
				return o.XSD == "s.xsd" && slices.Equal(o.Catalogs, []string{"a.xml", "b.xml"}) && o.Jobs == 3 && slices.Equal(o.Args, []string{"m1.xml", "dir"})
			}},
		{"codelists strict", []string{"--schema-dir", "d", "--codelists", "c1", "--codelists", "c2", "--strict-codelists", "-"}, "",
			func(o *CheckOptions) bool {
				return o.SchemaDir == "d" && len(o.CodeLists) == 2 && o.StrictCodeLists && o.Args[0] == "-"
			}},
		{"output flags", []string{"--xsd", "s", "--output", "json", "--report", "junit=x.xml", "--fail-on", "warning", "m"}, "",
			func(o *CheckOptions) bool {
				return o.Output.Output == "json" && o.Output.Reports[0] == "junit=x.xml" && o.Output.FailOn == "warning"
			}},
		{"shard", []string{"--xsd", "s", "--shard", "2/3", "m"}, "",
			func(o *CheckOptions) bool { return o.Shard == "2/3" && o.Getenv != nil }},
		{"rule timeout and excludes", []string{"--schematron", "r.sch", "--rule-timeout", "2m", "--exclude", "*.tmp.xml", "--exclude", ".old", "m"}, "",
			func(o *CheckOptions) bool {
				return o.RuleTimeout == 2*time.Minute && slices.Equal(o.Exclude, []string{"*.tmp.xml", ".old"})
			}},
		{"default rule timeout", []string{"--schematron", "r.sch", "m"}, "",
			func(o *CheckOptions) bool { return o.RuleTimeout == cmdutil.DefaultRuleTimeout }},
		{"negative rule timeout", []string{"--schematron", "r.sch", "--rule-timeout", "-1s", "m"}, "--rule-timeout", nil},
		{"no schema", []string{"m.xml"}, "--xsd SCHEMA or --schema-dir", nil},
		{"no input", []string{"--xsd", "s"}, "no input", nil},
		{"both", []string{"--xsd", "s", "--schema-dir", "d", "m"}, "exclude each other", nil},
		{"bad engine", []string{"--xsd", "s", "--engine", "xerces", "m"}, "--engine", nil},
		{"baseline", []string{"--xsd", "s", "--baseline", "b.json", "--update-baseline", "--max-annotations", "7", "m"}, "",
			func(o *CheckOptions) bool {
				return o.Baseline == cmdutil.BaselineFlags{Baseline: "b.json", Update: true} && o.Output.MaxAnnotations == 7
			}},
		{"update without baseline", []string{"--xsd", "s", "--update-baseline", "m"}, "--update-baseline: give the file", nil},
		{"kosit", []string{"--kosit-config", "cfg", "--kosit-property", "a=b=c", "--kosit-properties", "p1", "--kosit-properties", "p2",
			"--kosit-repository", "repo", "--kosit-resources", "r1", "--kosit-resources", "r2", "--output", "kosit", "m"}, "",
			func(o *CheckOptions) bool {
				return o.KositConfig == "cfg" && slices.Equal(o.KositProperties, []string{"a=b=c"}) && slices.Equal(o.KositPropertyFiles, []string{"p1", "p2"}) &&
					o.KositRepository == "repo" && slices.Equal(o.KositResources, []string{"r1", "r2"}) && o.Output.Output == "kosit"
			}},
		{"kosit flags without config", []string{"--xsd", "s", "--kosit-resources", "r", "m"}, "need --kosit-config", nil},
		{"kosit with profile", []string{"--kosit-config", "c", "--profile", "p", "m"}, "brings its own schemas and rules", nil},
		{"kosit property without value", []string{"--kosit-config", "c", "--kosit-property", "k", "m"}, "want KEY=VALUE", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := cmdtest.WantOptions(t, NewCmdCheck, tc.args, tc.wantErr)
			if got == nil {
				return
			}
			if !tc.check(got) {
				t.Errorf("options %+v", got)
			}
		})
	}
}

func TestCheckRun(t *testing.T) {
	f, ios := factory()
	ex := "../../../examples/xoev"
	opts := &CheckOptions{IO: f.IO, CheckFlags: cmdutil.CheckFlags{XSD: ex + "/xsd/demo.xsd", Catalogs: []string{ex + "/catalog.xml"},
		CodeLists: []string{ex + "/codelists"}}, RunFlags: cmdutil.RunFlags{Args: []string{ex + "/messages"}, Output: cmdutil.OutputFlags{Output: "text", FailOn: "error", Lang: "de"}}}
	err := checkRun(context.Background(), opts)
	if !errors.Is(err, cmdutil.ErrFindings) {
		t.Fatalf("err = %v, want ErrFindings", err)
	}
	out := ios.Out.(interface{ String() string }).String()
	if !strings.Contains(out, "FEHLGESCHLAGEN: Dateien: 3, gültig: 1, ungültig: 2, Fehler: 4") || !strings.Contains(out, "codelist:invalid-code") {
		t.Errorf("output:\n%s", out)
	}
	// Schematron runs after XSD and code lists, on the same messages.
	f2, ios2 := factory()
	opts.IO, opts.Schematron, opts.Args = f2.IO, []string{"../../../examples/profiles/xbau/sch/xbau-schematron-leere-elemente.sch"}, []string{ex + "/messages/antrag-gueltig.xml"}
	opts.Output.Output = "json"
	if err := checkRun(context.Background(), opts); err != nil {
		t.Fatal(err)
	}
	if out := ios2.Out.(interface{ String() string }).String(); !strings.Contains(out, `"schematron:helium-xpath3"`) {
		t.Errorf("Schematron stage:\n%s", out)
	}
}

// TestKositJSONAgainstSchema validates the JSON output of a KoSIT run
// (every verdict of the mini configuration) against
// schemas/report.schema.json, and checks that the assessment is in it.
func TestKositJSONAgainstSchema(t *testing.T) {
	sch, err := jsonschema.NewCompiler().Compile("../../../schemas/report.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	mini := "../../../pkg/kosit/testdata/mini"
	f, ios := factory()
	opts := &CheckOptions{IO: f.IO, KositConfig: mini, KositPropertyFiles: []string{mini + "/mini.properties"}, KositResources: []string{mini + "/sch"}, RunFlags: cmdutil.RunFlags{Args: []string{mini + "/messages"}, Output: cmdutil.OutputFlags{Output: "json", FailOn: "error", Lang: "en"}}}
	if err := checkRun(context.Background(), opts); !errors.Is(err, cmdutil.ErrFindings) {
		t.Fatalf("err = %v, want ErrFindings", err)
	}
	out := ios.Out.(interface{ String() string }).String()
	v, err := jsonschema.UnmarshalJSON(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if err := sch.Validate(v); err != nil {
		t.Error(err)
	}
	var rep struct {
		Files []struct {
			File       string `json:"file"`
			Assessment *struct {
				Accept bool `json:"accept"`
			} `json:"assessment"`
		} `json:"files"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	accepted := 0
	for _, fr := range rep.Files {
		if fr.Assessment == nil {
			t.Errorf("%s: no assessment", fr.File)
		} else if fr.Assessment.Accept {
			accepted++
		}
	}
	if len(rep.Files) != 11 || accepted != 4 {
		t.Errorf("%d files, %d accepted; want 11, 4", len(rep.Files), accepted)
	}
}

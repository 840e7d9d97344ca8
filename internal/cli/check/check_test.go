package check

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

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
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := cmdtest.ParseFlags(NewCmdCheck, tc.args)
			if tc.wantErr != "" {
				cmdtest.WantFlagError(t, err, tc.wantErr)
				return
			}
			if err != nil {
				t.Fatal(err)
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
	opts := &CheckOptions{IO: f.IO, XSD: ex + "/xsd/demo.xsd", Catalogs: []string{ex + "/catalog.xml"},
		CodeLists: []string{ex + "/codelists"}, Args: []string{ex + "/messages"},
		Output: cmdutil.OutputFlags{Output: "text", FailOn: "error", Lang: "de"}}
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

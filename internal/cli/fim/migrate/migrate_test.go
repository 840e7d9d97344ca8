package migrate

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/ozgctl/ozgctl/internal/cli/cmdutil"
	"github.com/ozgctl/ozgctl/internal/cli/cmdutil/cmdtest"
	"github.com/ozgctl/ozgctl/internal/cli/iostreams"
)

const fimTestdata = "../../../../pkg/fim/testdata"

func TestNewCmdMigrate(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		want    MigrateOptions
		wantErr string
	}{
		{name: "defaults", args: []string{"--to", "xdf3", "a.xml"},
			want: MigrateOptions{To: "xdf3", Nummernkreis: "000", Output: "text", FailOn: "error", Lang: "de", Args: []string{"a.xml"}}},
		{name: "all flags", args: []string{"--to", "xdf2", "--out-dir", "o", "--nummernkreis", "123", "--output", "json", "--fail-on", "none", "--lang", "en", "a.xml", "b.xml"},
			want: MigrateOptions{To: "xdf2", OutDir: "o", Nummernkreis: "123", Output: "json", FailOn: "none", Lang: "en", Args: []string{"a.xml", "b.xml"}}},
		{name: "no target", args: []string{"a.xml"}, wantErr: "--to"},
		{name: "no input", args: []string{"--to", "xdf3"}, wantErr: "no input"},
		{name: "two outputs", args: []string{"--to", "xdf3", "-o", "x", "--out-dir", "d", "a.xml"}, wantErr: "exclude"},
		{name: "several inputs", args: []string{"--to", "xdf3", "a.xml", "b.xml"}, wantErr: "--out-dir"},
		{name: "bad nummernkreis", args: []string{"--to", "xdf3", "--nummernkreis", "0a0", "a.xml"}, wantErr: "three digits"},
		{name: "bad format", args: []string{"--to", "xdf3", "--output", "sarif", "a.xml"}, wantErr: "--output"},
		{name: "bad lang", args: []string{"--to", "xdf3", "--lang", "fr", "a.xml"}, wantErr: "--lang"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := cmdtest.ParseFlags(NewCmdMigrate, tc.args)
			if tc.wantErr != "" {
				cmdtest.WantFlagError(t, err, tc.wantErr)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			w := tc.want
			if got.To != w.To || got.OutDir != w.OutDir || got.Nummernkreis != w.Nummernkreis || got.Output != w.Output ||
				got.FailOn != w.FailOn || got.Lang != w.Lang || strings.Join(got.Args, " ") != strings.Join(w.Args, " ") {
				t.Errorf("options %+v, want %+v", *got, w)
			}
		})
	}
}

func run(t *testing.T, opts MigrateOptions) (string, string, error) {
	t.Helper()
	ios, _, out, errOut := iostreams.Test()
	opts.IO = ios
	if opts.Nummernkreis == "" {
		opts.Nummernkreis = "000"
	}
	if opts.Lang == "" {
		opts.Lang = "de"
	}
	if opts.FailOn == "" {
		opts.FailOn = "error"
	}
	if opts.Output == "" {
		opts.Output = "text"
	}
	err := migrateRun(context.Background(), &opts)
	return out.String(), errOut.String(), err
}

// TestMigrateRun migrates every test file into a directory; the JSON
// report validates against schemas/fim-migrate.schema.json.
func TestMigrateRun(t *testing.T) {
	sch, err := jsonschema.NewCompiler().Compile("../../../../schemas/fim-migrate.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, to := range []string{"xdf3", "xdf2"} {
		for _, lang := range []string{"de", "en"} {
			dir := t.TempDir()
			out, _, err := run(t, MigrateOptions{To: to, OutDir: dir, Output: "json", Lang: lang, FailOn: "none",
				Args: []string{fimTestdata + "/xdf2", fimTestdata + "/xdf3", "nope.xml"}})
			if !errors.Is(err, cmdutil.ErrInput) {
				t.Fatalf("err = %v, want ErrInput for nope.xml", err)
			}
			v, err := jsonschema.UnmarshalJSON(strings.NewReader(out))
			if err != nil {
				t.Fatal(err)
			}
			if err := sch.Validate(v); err != nil {
				t.Errorf("%s %s: %v", to, lang, err)
			}
			files, _ := filepath.Glob(filepath.Join(dir, "*.xml"))
			if len(files) < 5 {
				t.Errorf("%s: only %d files written", to, len(files))
			}
			if !strings.Contains(out, `"error"`) || !strings.Contains(out, "nope.xml") {
				t.Error("the missing input is not reported")
			}
		}
	}
}

// TestMigrateStdout: one input without -o writes the document to stdout
// and the report to stderr.
func TestMigrateStdout(t *testing.T) {
	out, errOut, err := run(t, MigrateOptions{To: "xdf2", FailOn: "none", Args: []string{fimTestdata + "/xdf3/xdf3.xml"}})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out, "<?xml") || !strings.Contains(errOut, "XDatenfelder 3.0.0 → 2.0") {
		t.Errorf("stdout %.80q, stderr %.200q", out, errOut)
	}
	if _, err := os.Stat("S12345_1.0.xml"); err == nil {
		t.Error("a file was written")
	}
}

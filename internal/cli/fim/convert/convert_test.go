package convert

import (
	"testing"

	"github.com/ozgctl/ozgctl/internal/cli/cmdutil/cmdtest"
	"github.com/ozgctl/ozgctl/internal/cli/fim/shared"
)

func TestNewCmdConvert(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		want    ConvertOptions
		wantErr string
	}{
		{name: "defaults", args: []string{"s.xml", "--to", "xsd"},
			want: ConvertOptions{To: "xsd", Flags: shared.Flags{File: "s.xml", Source: shared.SourceOptions{BaseURI: "https://schema.fitko.de/fim/", Keys: "id"}}}},
		{name: "all flags", args: []string{"-", "--to", "go", "-o", "out.go", "--package", "p", "--keys", "name", "--base-uri", "urn:x:", "--namespace", "urn:ns"},
			want: ConvertOptions{To: "go", Package: "p", Flags: shared.Flags{File: "-", Output: "out.go", Source: shared.SourceOptions{BaseURI: "urn:x:", Namespace: "urn:ns", Keys: "name"}}}},
		{name: "no target", args: []string{"s.xml"}, wantErr: "--to is required"},
		{name: "bad target", args: []string{"s.xml", "--to", "pdf"}, wantErr: `unknown target "pdf"`},
		{name: "two files", args: []string{"a.xml", "b.xml", "--to", "xsd"}, wantErr: "exactly one"},
		{name: "batch", args: []string{"a.xml", "dir", "--to", "xsd", "--out-dir", "out", "-j", "3"},
			want: ConvertOptions{To: "xsd", Flags: shared.Flags{Batch: shared.BatchFlags{OutDir: "out", Jobs: 3}, Source: shared.SourceOptions{BaseURI: "https://schema.fitko.de/fim/", Keys: "id"}}}},
		{name: "batch and -o", args: []string{"a.xml", "--to", "xsd", "--out-dir", "out", "-o", "x.xsd"}, wantErr: "exclude each other"},
		{name: "negative jobs", args: []string{"a.xml", "--to", "xsd", "--out-dir", "out", "-j", "-1"}, wantErr: "-j -1"},
		{name: "bad keys", args: []string{"s.xml", "--to", "xsd", "--keys", "x"}, wantErr: "--keys"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := cmdtest.ParseFlags(NewCmdConvert, tc.args)
			if tc.wantErr != "" {
				cmdtest.WantFlagError(t, err, tc.wantErr)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			got.IO = nil
			if got.File != tc.want.File || got.To != tc.want.To || got.Output != tc.want.Output || got.Package != tc.want.Package ||
				got.Batch != tc.want.Batch || got.Source.BaseURI != tc.want.Source.BaseURI || got.Source.Namespace != tc.want.Source.Namespace || got.Source.Keys != tc.want.Source.Keys {
				t.Errorf("options %+v, want %+v", *got, tc.want)
			}
		})
	}
}

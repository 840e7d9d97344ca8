package diff

import (
	"testing"

	"github.com/ozgctl/ozgctl/internal/cli/cmdutil/cmdtest"
)

func TestNewCmdDiff(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		want    DiffOptions
		wantErr string
	}{
		{name: "defaults", args: []string{"a.xml", "b.xml"}, want: DiffOptions{Old: "a.xml", New: "b.xml", Output: "text", FailOn: "none", Lang: "de"}},
		{name: "flags", args: []string{"--output", "markdown", "--fail-on", "breaking", "--lang", "en", "a.xml", "-"},
			want: DiffOptions{Old: "a.xml", New: "-", Output: "markdown", FailOn: "breaking", Lang: "en"}},
		{name: "one file", args: []string{"a.xml"}, wantErr: "want two"},
		{name: "two stdin", args: []string{"-", "-"}, wantErr: "only one"},
		{name: "bad format", args: []string{"--output", "sarif", "a.xml", "b.xml"}, wantErr: "--output"},
		{name: "bad fail-on", args: []string{"--fail-on", "x", "a.xml", "b.xml"}, wantErr: "--fail-on"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := cmdtest.ParseFlags(NewCmdDiff, tc.args)
			if tc.wantErr != "" {
				cmdtest.WantFlagError(t, err, tc.wantErr)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			got.IO = nil
			if got.Old != tc.want.Old || got.New != tc.want.New || got.Output != tc.want.Output || got.FailOn != tc.want.FailOn || got.Lang != tc.want.Lang {
				t.Errorf("options %+v, want %+v", *got, tc.want)
			}
		})
	}
}

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
		{name: "defaults", args: []string{"a", "b"}, want: DiffOptions{Old: "a", New: "b", Output: "text", FailOn: "none", Lang: "de"}},
		{name: "flags", args: []string{"--old-catalog", "c1.xml", "--new-catalog", "c2.xml", "--output", "json", "--fail-on", "breaking", "--lang", "en", "a", "b"},
			want: DiffOptions{Old: "a", New: "b", OldCatalog: "c1.xml", NewCatalog: "c2.xml", Output: "json", FailOn: "breaking", Lang: "en"}},
		{name: "one arg", args: []string{"a"}, wantErr: "want two"},
		{name: "bad output", args: []string{"--output", "html", "a", "b"}, wantErr: "--output"},
		{name: "bad lang", args: []string{"--lang", "fr", "a", "b"}, wantErr: "--lang"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := cmdtest.WantOptions(t, NewCmdDiff, tc.args, tc.wantErr)
			if got == nil {
				return
			}
			got.IO = nil
			if *got != tc.want {
				t.Errorf("options %+v, want %+v", *got, tc.want)
			}
		})
	}
}

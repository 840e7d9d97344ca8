package interop

import (
	"slices"
	"testing"

	"github.com/ozgctl/ozgctl/internal/cli/cmdutil/cmdtest"
)

func TestNewCmdInterop(t *testing.T) {
	for _, tc := range []struct {
		name    string
		args    []string
		wantErr string
		check   func(*InteropOptions) bool
	}{
		{"defaults", []string{"vendors"}, "",
			func(o *InteropOptions) bool {
				return o.MinMessages == 3 && o.MinDiff == 0.5 && o.Output.Output == "text" && o.Output.Lang == "de" && slices.Equal(o.Args, []string{"vendors"})
			}},
		{"check flags and thresholds", []string{"--profile", "p.yaml", "--codelists", "c", "--min-messages", "5", "--min-diff", "0.25", "--output", "json", "a", "b"}, "",
			func(o *InteropOptions) bool {
				return o.Profile == "p.yaml" && o.CodeLists[0] == "c" && o.MinMessages == 5 && o.MinDiff == 0.25 && o.Output.Output == "json" && len(o.Args) == 2
			}},
		{"shard", []string{"--shard", "auto", "--shard-count", "7", "d"}, "",
			func(o *InteropOptions) bool { return o.Shard == "auto" && o.ShardCount == 7 }},
		{"manifest", []string{"--manifest", "groups.yaml"}, "",
			func(o *InteropOptions) bool { return o.Manifest == "groups.yaml" && len(o.Args) == 0 }},
		{"no groups", nil, "no groups", nil},
		{"manifest and args", []string{"--manifest", "g.yaml", "d"}, "give no arguments", nil},
		{"stdin", []string{"-"}, "standard input", nil},
		{"xsd and schema dir", []string{"--xsd", "a", "--schema-dir", "b", "d"}, "exclude each other", nil},
		{"min messages", []string{"--min-messages", "0", "d"}, "--min-messages", nil},
		{"min diff", []string{"--min-diff", "1.5", "d"}, "--min-diff", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := cmdtest.WantOptions(t, NewCmdInterop, tc.args, tc.wantErr)
			if got == nil {
				return
			}
			if !tc.check(got) {
				t.Errorf("options %+v", got)
			}
		})
	}
}

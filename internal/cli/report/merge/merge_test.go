package merge

import (
	"testing"

	"github.com/ozgctl/ozgctl/internal/cli/cmdutil/cmdtest"
)

func TestNewCmdMerge(t *testing.T) {
	for _, tc := range []struct {
		name    string
		args    []string
		wantErr string
		check   func(*MergeOptions) bool
	}{
		{"files and output", []string{"--output", "junit", "--report", "json=m.json", "--fail-on", "warning", "a.json", "b.json"}, "",
			func(o *MergeOptions) bool {
				return o.Output.Output == "junit" && o.Output.Reports[0] == "json=m.json" && o.Output.FailOn == "warning" && len(o.Args) == 2
			}},
		{"no results", nil, "no results", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := cmdtest.WantOptions(t, NewCmdMerge, tc.args, tc.wantErr)
			if got == nil {
				return
			}
			if !tc.check(got) {
				t.Errorf("options %+v", got)
			}
		})
	}
}

package suggest

import (
	"testing"

	"github.com/ozgctl/ozgctl/internal/cli/cmdutil/cmdtest"
)

func TestNewCmdSuggest(t *testing.T) {
	for _, tc := range []struct {
		name    string
		args    []string
		wantErr string
		check   func(*SuggestOptions) bool
	}{
		{"profile", []string{"--profile", "p.yaml", "-o", "draft.yaml", "vendors"}, "",
			func(o *SuggestOptions) bool {
				return o.Profile == "p.yaml" && o.Out == "draft.yaml" && o.MinMessages == 3 && o.MaxCodes == 12 && o.Lang == "de"
			}},
		{"xsd", []string{"--xsd", "s.xsd", "--max-codes", "5", "--lang", "en", "--id", "mine", "a", "b"}, "",
			func(o *SuggestOptions) bool {
				return o.XSD == "s.xsd" && o.MaxCodes == 5 && o.Lang == "en" && o.ID == "mine" && len(o.Args) == 2
			}},
		{"no groups", nil, "no groups", nil},
		{"both bases", []string{"--profile", "p", "--xsd", "x", "d"}, "exclude each other", nil},
		{"bad lang", []string{"--lang", "fr", "d"}, "--lang", nil},
		{"max codes", []string{"--max-codes", "0", "d"}, "--max-codes", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := cmdtest.WantOptions(t, NewCmdSuggest, tc.args, tc.wantErr)
			if got == nil {
				return
			}
			if !tc.check(got) {
				t.Errorf("options %+v", got)
			}
		})
	}
}

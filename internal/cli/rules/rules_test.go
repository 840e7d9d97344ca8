package rules

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/ozgctl/ozgctl/internal/cli/cmdutil/cmdtest"
	"github.com/ozgctl/ozgctl/internal/cli/iostreams"
)

func TestNewCmdRules(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		want    RulesOptions
		wantErr string
	}{
		{name: "defaults", args: nil, want: RulesOptions{Output: "text", Lang: "de"}},
		{name: "flags", args: []string{"--output", "markdown", "--lang", "en", "--implemented"}, want: RulesOptions{Output: "markdown", Lang: "en", Implemented: true}},
		{name: "bad output", args: []string{"--output", "yaml"}, wantErr: `unknown output format "yaml"`},
		{name: "bad lang", args: []string{"--lang", "fr"}, wantErr: `--lang "fr"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := cmdtest.ParseFlags(NewCmdRules, tt.args)
			if tt.wantErr != "" {
				cmdtest.WantFlagError(t, err, tt.wantErr)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got.Output != tt.want.Output || got.Lang != tt.want.Lang || got.Implemented != tt.want.Implemented {
				t.Errorf("got %+v, want %+v", *got, tt.want)
			}
		})
	}
}

func TestRulesRun(t *testing.T) {
	ios, _, out, _ := iostreams.Test()
	if err := rulesRun(&RulesOptions{IO: ios, Output: "json", Lang: "en"}); err != nil {
		t.Fatal(err)
	}
	var rows []ruleJSON
	if err := json.Unmarshal(out.Bytes(), &rows); err != nil {
		t.Fatal(err)
	}
	if len(rows) != 142 {
		t.Fatalf("%d rules, want 142", len(rows))
	}
	for _, r := range rows {
		if r.Title == "" || (!r.Implemented && r.Reason == "") {
			t.Errorf("%s: title %q, reason %q", r.Code, r.Title, r.Reason)
		}
	}
	out.Reset()
	if err := rulesRun(&RulesOptions{IO: ios, Output: "markdown", Lang: "de"}); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(out.String(), "\n"); n != 144 {
		t.Errorf("markdown has %d lines, want 144", n)
	}
}

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
			got := cmdtest.WantOptions(t, NewCmdRules, tt.args, tt.wantErr)
			if got == nil {
				return
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
	table, notes, ok := strings.Cut(out.String(), "\n## Abweichungen von FIM-XSLT\n")
	if !ok {
		t.Fatalf("markdown without the notes on FIM-XSLT:\n%s", out)
	}
	if n := strings.Count(table, "\n"); n != 144 {
		t.Errorf("the rule table has %d lines, want 144", n)
	}
	for _, r := range rows {
		if has := strings.Contains(notes, "\n| "+r.Code+" | "); has != (r.Note != "") {
			t.Errorf("%s: note %q, in the notes table: %v", r.Code, r.Note, has)
		}
	}
}

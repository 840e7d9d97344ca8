package test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/ozgctl/ozgctl/internal/cli/cmdutil"
	"github.com/ozgctl/ozgctl/internal/cli/iostreams"
)

func TestNewCmdTest(t *testing.T) {
	tests := []struct {
		name    string
		args    string
		want    TestOptions
		wantErr string
	}{
		{"schematron", "--schematron a.sch --phase p --coverage set.xml", TestOptions{Schematron: []string{"a.sch"}, Phase: "p", Coverage: true, Output: "text", Lang: "de", Args: []string{"set.xml"}}, ""},
		{"profile json", "--profile dir --output json --failures-only d1 d2", TestOptions{Profile: "dir", Output: "json", FailuresOnly: true, Lang: "de", Args: []string{"d1", "d2"}}, ""},
		{"no rules", "set.xml", TestOptions{}, "give the rules to test"},
		{"both", "--schematron a.sch --profile p set.xml", TestOptions{}, "exclude each other"},
		{"no set", "--schematron a.sch", TestOptions{}, "no test set given"},
		{"bad output", "--schematron a.sch --output html s", TestOptions{}, `unknown output format "html"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ios, _, _, _ := iostreams.Test()
			var got *TestOptions
			cmd := NewCmdTest(&cmdutil.Factory{IO: ios}, func(o *TestOptions) error { got = o; return nil })
			cmd.SetArgs(strings.Fields(tc.args))
			cmd.SetOut(&bytes.Buffer{})
			cmd.SetErr(&bytes.Buffer{})
			err := cmd.Execute()
			if tc.wantErr != "" {
				var fe *cmdutil.FlagError
				if err == nil || !errors.As(err, &fe) || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("error %v, want FlagError with %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			got.IO = nil
			if strings.Join(got.Schematron, ",") != strings.Join(tc.want.Schematron, ",") || got.Phase != tc.want.Phase || got.Profile != tc.want.Profile ||
				got.Coverage != tc.want.Coverage || got.FailuresOnly != tc.want.FailuresOnly || got.Output != tc.want.Output ||
				strings.Join(got.Args, ",") != strings.Join(tc.want.Args, ",") {
				t.Errorf("options %+v, want %+v", *got, tc.want)
			}
		})
	}
}

package sample

import (
	"errors"
	"strings"
	"testing"

	"github.com/ozgctl/ozgctl/internal/cli/cmdutil"
	"github.com/ozgctl/ozgctl/internal/cli/fim/shared"
	"github.com/ozgctl/ozgctl/internal/cli/iostreams"
)

func TestNewCmdSample(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		want    SampleOptions
		wantErr string
	}{
		{name: "defaults", args: []string{"s.xml"}, want: SampleOptions{Flags: shared.Flags{File: "s.xml"}, Format: "json"}},
		{name: "xml minimal to file", args: []string{"s.xml", "--format", "xml", "--minimal", "-o", "x.xml"}, want: SampleOptions{Flags: shared.Flags{File: "s.xml", Output: "x.xml"}, Format: "xml", Minimal: true}},
		{name: "full", args: []string{"-", "--full", "--keys", "name"}, want: SampleOptions{Flags: shared.Flags{File: "-"}, Format: "json", Full: true}},
		{name: "bad format", args: []string{"s.xml", "--format", "yaml"}, wantErr: "--format"},
		{name: "both sizes", args: []string{"s.xml", "--minimal", "--full"}, wantErr: "exclude each other"},
		{name: "no file", args: nil, wantErr: "exactly one"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ios, _, _, _ := iostreams.Test()
			var got *SampleOptions
			cmd := NewCmdSample(&cmdutil.Factory{IO: ios}, func(o *SampleOptions) error { got = o; return nil })
			cmd.SetArgs(tc.args)
			cmd.SilenceUsage, cmd.SilenceErrors = true, true
			err := cmd.Execute()
			if tc.wantErr != "" {
				var fe *cmdutil.FlagError
				if err == nil || !errors.As(err, &fe) || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("error %v, want a FlagError with %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got.File != tc.want.File || got.Format != tc.want.Format || got.Minimal != tc.want.Minimal || got.Full != tc.want.Full || got.Output != tc.want.Output {
				t.Errorf("options %+v, want %+v", *got, tc.want)
			}
		})
	}
}

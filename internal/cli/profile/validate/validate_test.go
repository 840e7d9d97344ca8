package validate

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/ozgctl/ozgctl/internal/cli/cmdutil"
	"github.com/ozgctl/ozgctl/internal/cli/iostreams"
)

func TestNewCmdValidate(t *testing.T) {
	ios, _, _, _ := iostreams.Test()
	var got *ValidateOptions
	cmd := NewCmdValidate(&cmdutil.Factory{IO: ios}, func(o *ValidateOptions) error { got = o; return nil })
	cmd.SetArgs([]string{"--no-schema", "a.yaml", "dir"})
	cmd.SetOut(&bytes.Buffer{})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	if !got.NoSchema || strings.Join(got.Args, ",") != "a.yaml,dir" {
		t.Errorf("options %+v", got)
	}
	cmd = NewCmdValidate(&cmdutil.Factory{IO: ios}, func(o *ValidateOptions) error { return nil })
	cmd.SetArgs(nil)
	cmd.SetOut(&bytes.Buffer{})
	cmd.SetErr(&bytes.Buffer{})
	var fe *cmdutil.FlagError
	if err := cmd.Execute(); !errors.As(err, &fe) {
		t.Errorf("no args: %v", err)
	}
}

func TestValidateRun(t *testing.T) {
	ios, _, out, _ := iostreams.Test()
	err := validateRun(context.Background(), &ValidateOptions{IO: ios, Lang: "en", Args: []string{"../../../../examples/profiles"}})
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if !strings.Contains(out.String(), "4 profiles: 4 valid, 0 invalid") || !strings.Contains(out.String(), "xbau-2.6-sharpened (XBau 2.6)") {
		t.Errorf("output:\n%s", out)
	}
}

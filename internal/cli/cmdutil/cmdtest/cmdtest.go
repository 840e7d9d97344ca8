// Package cmdtest helps test commands built the cmdutil way: flags parsed
// into Options, the run function replaced by a stub.
package cmdtest

import (
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"github.com/ozgctl/ozgctl/internal/cli/cmdutil"
	"github.com/ozgctl/ozgctl/internal/cli/iostreams"
)

// ParseFlags builds a command with newCmd, executes it with args and stops
// where it would run: it returns the options the command would run with,
// or the error of flag parsing and validation.
func ParseFlags[T any](newCmd func(*cmdutil.Factory, func(*T) error) *cobra.Command, args []string) (*T, error) {
	ios, _, _, _ := iostreams.Test()
	var got *T
	cmd := newCmd(&cmdutil.Factory{IO: ios}, func(o *T) error { got = o; return nil })
	cmd.SetArgs(args)
	cmd.SetOut(io.Discard)
	cmd.SetErr(io.Discard)
	cmd.SilenceUsage, cmd.SilenceErrors = true, true
	if err := cmd.Execute(); err != nil {
		return nil, err
	}
	return got, nil
}

// WantFlagError fails t unless err is a *cmdutil.FlagError whose text
// contains want.
func WantFlagError(t testing.TB, err error, want string) {
	t.Helper()
	var fe *cmdutil.FlagError
	if err == nil || !errors.As(err, &fe) || !strings.Contains(err.Error(), want) {
		t.Fatalf("error %v, want a FlagError containing %q", err, want)
	}
}

// WantOptions is one case of a TestNewCmdX table: with wantErr set it fails
// t unless parsing args gives a *cmdutil.FlagError containing wantErr, and
// returns nil; otherwise it fails t on any error and returns the options.
func WantOptions[T any](t testing.TB, newCmd func(*cmdutil.Factory, func(*T) error) *cobra.Command, args []string, wantErr string) *T {
	t.Helper()
	got, err := ParseFlags(newCmd, args)
	if wantErr != "" {
		WantFlagError(t, err, wantErr)
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	return got
}

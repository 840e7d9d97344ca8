// Package profile holds what the "ozgctl profile" commands and the
// --schematron/--profile stages of "ozgctl check" share.
package profile

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"runtime/debug"

	"github.com/ozgctl/ozgctl/internal/cli/check"
	"github.com/ozgctl/ozgctl/internal/cli/cmdutil"
	"github.com/ozgctl/ozgctl/pkg/conformance"
	"github.com/ozgctl/ozgctl/pkg/conformance/profile"
	"github.com/ozgctl/ozgctl/pkg/schematron"
)

// CheckStages is the stage provider for "ozgctl check": --schematron
// FILE (repeatable, with --phase) adds a Schematron stage, --profile
// FILE|DIR a profile stage.
func CheckStages(ctx context.Context, opts *check.CheckOptions) ([]conformance.Stage, error) {
	var stages []conformance.Stage
	if opts.Profile != "" || len(opts.Schematron) > 0 {
		TuneGC()
	}
	if opts.Profile != "" {
		set, err := profile.LoadSet(opts.Profile, profile.LoadOptions{Phase: opts.Phase})
		if err != nil {
			return nil, LoadError(err)
		}
		stages = append(stages, &profile.Stage{Set: set, Lang: opts.Output.Lang})
	}
	if len(opts.Schematron) > 0 {
		var rules []*schematron.Rules
		for _, f := range opts.Schematron {
			r, err := schematron.Compile(f, schematron.Options{Phase: opts.Phase})
			if err != nil {
				return nil, LoadError(err)
			}
			rules = append(rules, r)
		}
		stages = append(stages, profile.SchematronStage{RuleSets: rules})
	}
	return stages, nil
}

// LoadError phrases a rule or profile load error for the user.
func LoadError(err error) error {
	var le *schematron.LoadError
	switch {
	case errors.As(err, &le) && le.Construct == "phase":
		return &cmdutil.HintError{Err: fmt.Errorf("load rules: %w", err), Hint: "give a phase that every Schematron file of the run defines (listed above), or leave --phase out"}
	case errors.Is(err, fs.ErrNotExist):
		return &cmdutil.HintError{Err: fmt.Errorf("load rules: %w", err), Hint: "check the path of the rule file"}
	case errors.As(err, &le):
		return &cmdutil.HintError{Err: fmt.Errorf("load rules: %w", err), Hint: "fix the rule file at the position shown; run \"ozgctl profile validate\" on a profile to check all its files"}
	}
	return err
}

// TuneGC trades memory for speed in runs that evaluate Schematron: the
// XPath evaluation allocates many short-lived objects, and a GC target of
// 400 % cuts the CPU time of EN16931 + XRechnung runs by about a quarter
// (peak RSS over 175 corpus invoices: 48 → 85 MB). GOGC set in the
// environment wins.
func TuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
}

// Package test implements "ozgctl profile test": runs rule test sets (VEFA
// files such as the EN16931 unit tests, or valid/ + invalid/ directories)
// and prints pass or fail per test.
package test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/ozgctl/ozgctl/internal/cli/cmdutil"
	"github.com/ozgctl/ozgctl/internal/cli/iostreams"
	"github.com/ozgctl/ozgctl/pkg/conformance"
	"github.com/ozgctl/ozgctl/pkg/conformance/profile"
	"github.com/ozgctl/ozgctl/pkg/finding"
	"github.com/ozgctl/ozgctl/pkg/report"
	"github.com/ozgctl/ozgctl/pkg/schematron"
	"github.com/ozgctl/ozgctl/pkg/xoev"
)

// TestOptions are the parsed flags and arguments of "ozgctl profile test".
type TestOptions struct {
	IO *iostreams.IOStreams

	// Schematron files run on every test instance (with Phase).
	Schematron []string
	Phase      string
	// Profile is a profile file or directory; each instance is checked
	// with the profile that matches it (XSD, code lists, sharpenings, Schematron).
	Profile string
	// Coverage lists the rules no test refers to.
	Coverage bool
	// FailuresOnly prints failing tests only (and the summary).
	FailuresOnly bool
	// RuleTimeout bounds the rule evaluation of one test instance.
	RuleTimeout time.Duration
	// NoCache turns the compiled-schema cache off (--no-cache).
	NoCache bool
	Output  string
	// MaxAnnotations caps the annotations of --output github.
	MaxAnnotations int
	// Lang is the language of problems and summary lines: "de" or "en".
	Lang string
	// CommandLine is the invocation, recorded by SARIF.
	CommandLine string
	Args        []string
}

const long = `Run test sets for rules and profiles and print pass or fail per test.

A test set is either a VEFA testSet file (the format of the EN16931 unit
tests: each <test> holds an instance and <success>, <error> or <warning>
rule ids in its <assert>) or a directory with valid/ and invalid/
subdirectories. An instance in valid/ passes when no finding is an error;
an instance invalid/NAME.xml needs a side file invalid/NAME.expect naming
the rules that must fire, one per line: "RULE" or "error RULE",
"warning RULE", "info RULE", or "!RULE" for a rule that must not fire.
An expected rule may pin how often it fires and where:
"error RULE count=2 path=/xbau:nachricht/kopf/uuid" (a step without [n]
matches any position).

Every rule an expectation names must exist in a loaded rule set (a
Schematron assert or report id, a sharpening or code list binding id);
engine rules (xml:…, xsd:…, codelist:…, schematron:…) are always known.
An unknown rule is an error naming its file and line, before any test runs.

A failing test prints its problems and the findings that made it fail
(rule, severity, line, message). --output junit or sarif writes the
results for CI: one testcase (JUnit) or result (SARIF) per problem.

<error>/<warning> ids must fire with that severity (Schematron flag fatal
or error = error), <success> ids must not fire. Other rules do not matter.

The rules come from --schematron (repeatable, with --phase) or from
--profile, which picks each instance's profile by its root element and runs
XSD, code lists, sharpenings and Schematron.

--coverage lists the asserts and reports of the rules that no test names.

Exit codes: 0 all tests pass, 1 a test fails, 2 usage error or a test set
or rule file that cannot be read.`

const example = `  # the EN16931 credit-note unit tests against the CEN Schematron
  ozgctl profile test --schematron examples/profiles/xrechnung/en16931-ubl/EN16931-UBL-validation.sch pkg/conformance/profile/testdata/en16931/test/CreditNote-unit-UBL

  # a profile's own test directory, with the rules no test covers
  ozgctl profile test --profile examples/profiles/xbau-2.6.yaml --coverage examples/profiles/tests/xbau-2.6`

// NewCmdTest builds the command.
func NewCmdTest(f *cmdutil.Factory, runF func(*TestOptions) error) *cobra.Command {
	opts := &TestOptions{IO: f.IO}
	cmd := &cobra.Command{
		Use:     "test [flags] {TESTSET | DIR}...",
		Short:   "run rule test sets (VEFA format or valid/invalid directories)",
		Long:    long,
		Example: example,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Args = args
			if len(args) == 0 {
				return cmdutil.FlagErrorf("no test set given")
			}
			if len(opts.Schematron) == 0 && opts.Profile == "" {
				return cmdutil.FlagErrorf("give the rules to test: --schematron FILE or --profile FILE|DIR")
			}
			if len(opts.Schematron) > 0 && opts.Profile != "" {
				return cmdutil.FlagErrorf("--schematron and --profile exclude each other")
			}
			if err := cmdutil.CheckFormat(opts.Output, formats...); err != nil {
				return err
			}
			if opts.MaxAnnotations < -1 {
				return cmdutil.FlagErrorf("--max-annotations %d: want a positive number, or -1 for no limit", opts.MaxAnnotations)
			}
			if err := cmdutil.CheckLang(opts.Lang); err != nil {
				return err
			}
			opts.CommandLine = cmdutil.CommandLine(cmd)
			if runF != nil {
				return runF(opts)
			}
			return testRun(cmd.Context(), opts)
		},
	}
	fl := cmd.Flags()
	fl.StringArrayVar(&opts.Schematron, "schematron", nil, "Schematron `FILE` to test (repeatable)")
	fl.StringVar(&opts.Phase, "phase", "", "Schematron `PHASE` to run")
	fl.StringVar(&opts.Profile, "profile", "", "profile `FILE|DIR` to test")
	fl.BoolVar(&opts.Coverage, "coverage", false, "list rules that no test refers to")
	fl.BoolVar(&opts.FailuresOnly, "failures-only", false, "print failing tests only")
	cmdutil.AddNoCacheFlag(cmd, &opts.NoCache)
	cmdutil.AddLangFlag(cmd, &opts.Lang, "problems and summaries")
	fl.DurationVar(&opts.RuleTimeout, "rule-timeout", cmdutil.DefaultRuleTimeout, "time the rules may take on one test instance (finding schematron:timeout); 0 for no limit")
	cmdutil.AddFormatFlag(cmd, &opts.Output, formats...)
	fl.IntVar(&opts.MaxAnnotations, "max-annotations", report.DefaultMaxAnnotations, "most annotations --output github writes (GitHub shows 50 per job); -1 for no limit")
	return cmd
}

// Summary lines of the text output.
const (
	msgFindings   finding.Key = "profile.test.findings"
	msgNoFindings finding.Key = "profile.test.no-findings"
	msgLine       finding.Key = "profile.test.line"
	msgSummary    finding.Key = "profile.test.summary"
	msgCoverage   finding.Key = "profile.test.coverage"
)

// testForms holds the message forms of the keys above.
var testForms = []finding.Form{
	{Key: msgCoverage,
		DE: "Abdeckung: %d von %d Regeln von einem Test genannt; nicht abgedeckt: %d",
		EN: "coverage: %d of %d rules named by a test; not covered: %d"},
	{Key: msgFindings, DE: "Befunde:", EN: "findings:"},
	{Key: msgLine, DE: "Zeile %d", EN: "line %d"},
	{Key: msgNoFindings, DE: "Befunde: keine", EN: "findings: none"},
	{Key: msgSummary,
		DE: "%d Tests: %d bestanden, %d fehlgeschlagen",
		EN: "%d tests: %d passed, %d failed"},
}

func init() { finding.Forms(testForms) }

// formats are the --output formats: text and json are this command's
// own; junit and sarif render the results as a findings report through
// package report, for CI systems, as do github and codeclimate.
var formats = []string{report.FormatText, report.FormatJSON, report.FormatJUnit, report.FormatSARIF, report.FormatGitHub, report.FormatCodeClimate}

type jsonTest struct {
	Set         string   `json:"set"`
	Case        string   `json:"case"`
	Line        int      `json:"line,omitempty"`
	Description string   `json:"description,omitempty"`
	Pass        bool     `json:"pass"`
	Problems    []string `json:"problems,omitempty"`
}

type jsonUncovered struct {
	Rule string `json:"rule"`
	File string `json:"file"`
	Line int    `json:"line"`
}

type jsonSummary struct {
	Tests  int `json:"tests"`
	Passed int `json:"passed"`
	Failed int `json:"failed"`
}

type jsonOut struct {
	Tests     []jsonTest      `json:"tests"`
	Summary   jsonSummary     `json:"summary"`
	Uncovered []jsonUncovered `json:"uncovered,omitempty"`
}

func testRun(ctx context.Context, opts *TestOptions) error {
	p, err := cmdutil.BuildPipeline(ctx, opts.IO, conformance.Config{Schematron: opts.Schematron, Profile: opts.Profile, Phase: opts.Phase, RuleTimeout: opts.RuleTimeout,
		Schema: xoev.LoadOptions{Cache: cmdutil.SchemaCache(opts.NoCache)}})
	if err != nil {
		return err
	}
	rules := ruleSets(p)

	var sets []*profile.TestSet
	for _, a := range opts.Args {
		paths, err := profile.TestSetPaths(a)
		if err != nil {
			return err
		}
		for _, p := range paths {
			ts, err := profile.ReadTestSet(p)
			if err != nil {
				return err
			}
			sets = append(sets, ts)
		}
	}
	known := map[string]bool{}
	for _, r := range rules {
		for _, a := range r.Assertions() {
			known[a.ID] = true
		}
	}
	var unknown []error
	for _, err := range profile.UnknownRules(sets, known) {
		if ue := (*profile.UnknownRuleError)(nil); errors.As(err, &ue) && ue.Vacuous {
			fmt.Fprintf(opts.IO.ErrOut, "warning: %v; the test holds trivially\n", err)
			continue
		}
		unknown = append(unknown, err)
	}
	if len(unknown) > 0 {
		return &cmdutil.HintError{Err: errors.Join(unknown...), Hint: "check the spelling, or load the rule set that defines the rule (--schematron, --profile)"}
	}
	out := jsonOut{Tests: []jsonTest{}}
	var text bytes.Buffer
	all := profile.RunSets(ctx, sets, p.Stages, runtime.GOMAXPROCS(0))
	if err := ctx.Err(); err != nil {
		return err
	}
	for si, ts := range sets {
		for _, r := range all[si] {
			jt := jsonTest{Set: ts.File, Case: r.Case.Name, Line: r.Case.Line, Description: r.Case.Description, Pass: r.Pass}
			for _, p := range r.Problems {
				jt.Problems = append(jt.Problems, p.Text(opts.Lang))
			}
			out.Tests = append(out.Tests, jt)
			out.Summary.Tests++
			if r.Pass {
				out.Summary.Passed++
			} else {
				out.Summary.Failed++
			}
			if r.Pass && opts.FailuresOnly {
				continue
			}
			verdict := "PASS"
			if !r.Pass {
				verdict = "FAIL"
			}
			name := filepath.ToSlash(ts.File) + " " + r.Case.Name
			if ts.Configuration != "" || strings.HasPrefix(r.Case.Name, "#") {
				name = fmt.Sprintf("%s:%d %s", filepath.ToSlash(ts.File), r.Case.Line, r.Case.Name)
			}
			fmt.Fprintf(&text, "%s  %s", verdict, name)
			if r.Case.Description != "" {
				fmt.Fprintf(&text, "  %s", r.Case.Description)
			}
			text.WriteByte('\n')
			for _, p := range jt.Problems {
				fmt.Fprintf(&text, "      %s\n", p)
			}
			if !r.Pass && r.Err == nil {
				if len(r.Evidence) == 0 {
					fmt.Fprintf(&text, "      %s\n", msgNoFindings.With().Text(opts.Lang))
				} else {
					fmt.Fprintf(&text, "      %s\n", msgFindings.With().Text(opts.Lang))
				}
				for _, f := range r.Evidence {
					pos := msgLine.With(f.Line).Text(opts.Lang)
					if f.Column > 0 {
						pos += fmt.Sprintf(":%d", f.Column)
					}
					fmt.Fprintf(&text, "        %s  %s %s: %s\n", pos, f.Severity, f.Rule, f.Text(opts.Lang))
				}
			}
		}
	}
	fmt.Fprintln(&text, msgSummary.With(out.Summary.Tests, out.Summary.Passed, out.Summary.Failed).Text(opts.Lang))
	if opts.Coverage {
		ref := profile.Referenced(sets)
		seen := map[string]bool{}
		total := 0
		for _, r := range rules {
			for _, a := range r.Assertions() {
				if seen[a.ID] {
					continue
				}
				seen[a.ID] = true
				total++
				if !ref[a.ID] {
					out.Uncovered = append(out.Uncovered, jsonUncovered{Rule: a.ID, File: filepath.ToSlash(a.File), Line: a.Line})
				}
			}
		}
		slices.SortFunc(out.Uncovered, func(a, b jsonUncovered) int { return strings.Compare(a.Rule, b.Rule) })
		fmt.Fprintln(&text, msgCoverage.With(total-len(out.Uncovered), total, len(out.Uncovered)).Text(opts.Lang))
		for _, u := range out.Uncovered {
			fmt.Fprintf(&text, "  %s  %s:%d\n", u.Rule, u.File, u.Line)
		}
	}
	switch opts.Output {
	case report.FormatJUnit, report.FormatSARIF, report.FormatGitHub, report.FormatCodeClimate:
		rep := profile.TestReport(sets, all)
		rep.Tool, rep.Command = "ozgctl", opts.CommandLine
		rep.Rules = ruleInfos(rules)
		f, err := report.Lookup(opts.Output)
		if err != nil {
			return err
		}
		code := 0
		if out.Summary.Failed > 0 {
			code = 1
		}
		if err := report.Render(opts.IO.Out, f, rep, report.Options{ExitCode: code, Lang: opts.Lang, MaxAnnotations: opts.MaxAnnotations}); err != nil {
			return fmt.Errorf("write %s report: %w", opts.Output, err)
		}
	case report.FormatJSON:
		if err := writeJSON(opts.IO.Out, out); err != nil {
			return err
		}
	default:
		if _, err := opts.IO.Out.Write(text.Bytes()); err != nil {
			return err
		}
	}
	if out.Summary.Failed > 0 {
		return cmdutil.ErrFindings
	}
	return nil
}

// ruleSets returns the Schematron rule sets the pipeline evaluates, for
// the coverage listing.
func ruleSets(p *conformance.Pipeline) []*schematron.Rules {
	var out []*schematron.Rules
	for _, st := range p.Stages {
		switch st := st.(type) {
		case profile.SchematronStage:
			out = append(out, st.RuleSets...)
		case profile.SelectStage:
			for _, c := range st.Set.Profiles {
				out = append(out, c.Rules()...)
			}
		}
	}
	return out
}

// ruleInfos documents the loaded rules for the SARIF rules list, plus
// the rule of a failing case expected valid.
func ruleInfos(sets []*schematron.Rules) []finding.RuleInfo {
	out := []finding.RuleInfo{{ID: profile.RuleTestFailed, Title: "test case failed", Severity: finding.Error}}
	seen := map[string]bool{}
	for _, r := range sets {
		for _, a := range r.Assertions() {
			if seen[a.ID] {
				continue
			}
			seen[a.ID] = true
			out = append(out, finding.RuleInfo{ID: a.ID, Title: a.Text, Severity: a.Severity})
		}
	}
	return out
}

func writeJSON(w io.Writer, v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

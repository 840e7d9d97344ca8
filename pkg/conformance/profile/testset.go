package profile

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"github.com/ozgctl/ozgctl/pkg/batch"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/ozgctl/ozgctl/pkg/finding"

	"github.com/ozgctl/ozgctl/internal/editdist"
)

// TestSetPaths expands a test-set argument into the paths [ReadTestSet]
// reads: a plain test directory (with valid/ or invalid/) or a VEFA file
// stays as it is; a directory of VEFA files gives its *.xml files, sorted.
func TestSetPaths(arg string) ([]string, error) {
	if isPlainTestDir(arg) {
		return []string{arg}, nil
	}
	matches, err := filepath.Glob(filepath.Join(arg, "*.xml"))
	if err != nil {
		return nil, err
	}
	if len(matches) > 0 {
		slices.Sort(matches)
		return matches, nil
	}
	return []string{arg}, nil
}

func isPlainTestDir(p string) bool {
	for _, sub := range []string{"valid", "invalid"} {
		if fi, err := os.Stat(filepath.Join(p, sub)); err == nil && fi.IsDir() {
			return true
		}
	}
	return false
}

// ReadTestSet reads a VEFA test-set file or a plain test directory.
//
// A plain test directory holds valid/ and invalid/ subdirectories of XML
// instances. An instance in valid/ passes when no finding has severity
// error. An instance in invalid/ NAME.xml has a side file NAME.expect that
// lists, one per line, the rules that must fire: "RULE" or "error RULE"
// (must fire as an error), "warning RULE", "info RULE", or "!RULE" (must
// not fire at all); "#" starts a comment. An expected rule may pin its
// count and element path: "error RULE count=2 path=/p:a/b" (see [Pin]).
// valid/ instances may have a .expect file too.
func ReadTestSet(path string) (*TestSet, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("read test set: %w", err)
	}
	if !fi.IsDir() {
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("read test set: %w", err)
		}
		return readVEFA(path, data)
	}
	ts := &TestSet{File: path}
	found := false
	for _, sub := range []string{"valid", "invalid"} {
		dir := filepath.Join(path, sub)
		entries, err := os.ReadDir(dir)
		if os.IsNotExist(err) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("read test set: %w", err)
		}
		found = true
		for _, e := range entries {
			if e.IsDir() || !strings.EqualFold(filepath.Ext(e.Name()), ".xml") {
				continue
			}
			file := filepath.Join(dir, e.Name())
			data, err := os.ReadFile(file)
			if err != nil {
				return nil, fmt.Errorf("read test instance: %w", err)
			}
			c := Case{Name: sub + "/" + e.Name(), File: file, Line: 1, Instance: data, ExpectValid: sub == "valid"}
			side := strings.TrimSuffix(file, filepath.Ext(file)) + ".expect"
			if b, err := os.ReadFile(side); err == nil {
				exp, err := parseExpect(side, b)
				if err != nil {
					return nil, err
				}
				c.Expect = exp
			} else if sub == "invalid" {
				return nil, fmt.Errorf("%s: missing side file %s listing the rules it must trigger", file, filepath.Base(side))
			}
			ts.Cases = append(ts.Cases, c)
		}
	}
	if !found {
		return nil, fmt.Errorf("%s: not a test set (want a VEFA testSet file or a directory with valid/ and invalid/)", path)
	}
	if len(ts.Cases) == 0 {
		return nil, fmt.Errorf("%s: no test cases: valid/ and invalid/ hold no *.xml files", path)
	}
	return ts, nil
}

func parseExpect(file string, b []byte) (Expect, error) {
	e := Expect{File: file, Lines: map[string]int{}}
	sc := bufio.NewScanner(bytes.NewReader(b))
	ln := 0
	bad := func(msg string) error {
		return fmt.Errorf("%s:%d: %s; want [error|warning|info] RULE [count=N] [path=PATH], or !RULE", file, ln, msg)
	}
	for sc.Scan() {
		ln++
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		f := strings.Fields(line)
		if len(f) == 0 {
			continue
		}
		if len(f) == 1 && strings.HasPrefix(f[0], "!") {
			e.Absent = append(e.Absent, f[0][1:])
			e.note(f[0][1:], ln)
			continue
		}
		sev := finding.Error
		switch f[0] {
		case "error", "warning", "info":
			sev, _ = finding.ParseSeverity(f[0])
			f = f[1:]
		}
		if len(f) == 0 {
			return e, bad("no rule")
		}
		rule := f[0]
		if strings.HasPrefix(rule, "!") || strings.Contains(rule, "=") {
			return e, bad(fmt.Sprintf("%q is not a rule id", rule))
		}
		pin := Pin{Rule: rule, Severity: sev, Count: -1, Line: ln}
		for _, opt := range f[1:] {
			k, v, ok := strings.Cut(opt, "=")
			switch {
			case ok && k == "count":
				n, err := strconv.Atoi(v)
				if err != nil || n < 0 {
					return e, bad(fmt.Sprintf("count %q is not a number", v))
				}
				pin.Count = n
			case ok && k == "path" && v != "":
				pin.Path = v
			default:
				return e, bad(fmt.Sprintf("unknown option %q", opt))
			}
		}
		switch sev {
		case finding.Error:
			e.Errors = append(e.Errors, rule)
		case finding.Warning:
			e.Warnings = append(e.Warnings, rule)
		case finding.Info:
			e.Infos = append(e.Infos, rule)
		}
		if pin.Count >= 0 || pin.Path != "" {
			e.Pins = append(e.Pins, pin)
		}
		e.note(rule, ln)
	}
	return e, nil
}

// note records the first line that names rule.
func (e *Expect) note(rule string, line int) {
	if e.Lines == nil {
		e.Lines = map[string]int{}
	}
	if _, ok := e.Lines[rule]; !ok {
		e.Lines[rule] = line
	}
}

// rules returns every rule id the expectation names, sorted.
func (e *Expect) rules() []string {
	var out []string
	for _, l := range [][]string{e.Errors, e.Warnings, e.Infos, e.Absent} {
		out = append(out, l...)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// UnknownRuleError says that an expectation names a rule that no loaded
// rule set defines: a typo, or a test written for other rules.
type UnknownRuleError struct {
	File string
	Line int
	Rule string
	// Nearest is the most similar known rule id, if any is close.
	Nearest string
	// Vacuous is set for a rule a VEFA test expects not to fire
	// (<success>): the expectation holds trivially, and upstream test
	// sets name rules of the other syntax this way (the EN16931 UBL
	// credit-note tests name the invoice-only BR-CO-25), so callers may
	// treat it as a warning.
	Vacuous bool
}

// Error implements error.
func (e *UnknownRuleError) Error() string {
	s := fmt.Sprintf("%s:%d: rule %q exists in no loaded rule set", e.File, e.Line, e.Rule)
	if e.Nearest != "" {
		s += fmt.Sprintf(" (did you mean %q?)", e.Nearest)
	}
	return s
}

// engineRule reports whether id is a rule of an engine rather than of a
// rule set (xml:…, xsd:…, codelist:…, schematron:…): such ids are open
// (XSD rules name the constraint that failed) and are never unknown.
func engineRule(id string) bool {
	for _, p := range []string{"xml:", "xsd:", "codelist:", "schematron:"} {
		if strings.HasPrefix(id, p) {
			return true
		}
	}
	return false
}

// UnknownRules returns an error for every rule the sets' expectations
// name that is neither in known nor an engineRule, sorted by file and
// line.
func UnknownRules(sets []*TestSet, known map[string]bool) []error {
	ids := make([]string, 0, len(known))
	for id := range known {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	var errs []error
	seen := map[string]bool{}
	for _, ts := range sets {
		for _, c := range ts.Cases {
			for _, id := range c.Expect.rules() {
				if known[id] || engineRule(id) {
					continue
				}
				file, line := c.Expect.File, c.Expect.Lines[id]
				if file == "" {
					file, line = c.File, c.Line
				}
				key := fmt.Sprintf("%s:%d:%s", file, line, id)
				if seen[key] {
					continue
				}
				seen[key] = true
				vacuous := ts.VEFA && slices.Contains(c.Expect.Absent, id) && !slices.Contains(c.Expect.Errors, id) && !slices.Contains(c.Expect.Warnings, id)
				ue := &UnknownRuleError{File: file, Line: line, Rule: id, Vacuous: vacuous}
				if !vacuous {
					ue.Nearest = nearest(id, ids)
				}
				errs = append(errs, ue)
			}
		}
	}
	slices.SortStableFunc(errs, func(a, b error) int {
		x, y := a.(*UnknownRuleError), b.(*UnknownRuleError)
		if c := strings.Compare(x.File, y.File); c != 0 {
			return c
		}
		return x.Line - y.Line
	})
	return errs
}

// nearest returns the known id closest to id by edit distance, if the
// distance is at most a third of its length.
func nearest(id string, known []string) string {
	best, bestD := "", len(id)/3+1
	for _, k := range known {
		if d := editdist.Distance(id, k); d < bestD {
			best, bestD = k, d
		}
	}
	return best
}

// pathMatches reports whether a finding's element path fits a pinned
// path: the same steps, where a pinned step without a predicate matches
// any position and one without a prefix matches any prefix.
func pathMatches(pinned, got string) bool {
	ps, gs := strings.Split(pinned, "/"), strings.Split(got, "/")
	if len(ps) != len(gs) {
		return false
	}
	for i := range ps {
		p, g := ps[i], gs[i]
		if p == g {
			continue
		}
		if !strings.Contains(p, "[") {
			if j := strings.IndexByte(g, '['); j >= 0 {
				g = g[:j]
			}
		}
		if !strings.Contains(p, ":") {
			if j := strings.IndexByte(g, ':'); j >= 0 {
				g = g[j+1:]
			}
		}
		if p != g {
			return false
		}
	}
	return true
}

// CaseResult is the verdict for one case.
type CaseResult struct {
	Case *Case
	Pass bool
	// Problems say why a case failed, as message keys (see [finding.Msg]).
	Problems []finding.Msg
	// Evidence are the findings that made the case fail: the errors of a
	// case expected valid, and the findings of every rule an expectation
	// names that fired wrongly; when an expected rule did not fire, all
	// findings of the case (what fired instead).
	Evidence []finding.Finding
	Findings []finding.Finding
	Err      error
}

// RunSets checks the cases of several sets through stages (the pipeline
// conformance.Build assembles) with up to workers goroutines and returns
// the results per set, in case order.
func RunSets(ctx context.Context, sets []*TestSet, stages []batch.Stage, workers int) [][]CaseResult {
	type job struct{ set, c int }
	var jobs []job
	out := make([][]CaseResult, len(sets))
	for si, ts := range sets {
		out[si] = make([]CaseResult, len(ts.Cases))
		for ci := range ts.Cases {
			jobs = append(jobs, job{si, ci})
		}
	}
	workers = max(1, min(workers, len(jobs)))
	next := make(chan job)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range next {
				c := &sets[j.set].Cases[j.c]
				res := batch.CheckOne(ctx, batch.FromBytes(c.File, c.Instance), stages)
				out[j.set][j.c] = judge(c, res.Findings, res.Err)
			}
		}()
	}
	for _, j := range jobs {
		next <- j
	}
	close(next)
	wg.Wait()
	return out
}

// Message forms of a failed case.
const (
	msgNotChecked      finding.Key = "profile.test.not-checked"
	msgDidNotFire      finding.Key = "profile.test.did-not-fire"
	msgFiredAs         finding.Key = "profile.test.fired-as"
	msgFiredUnexpected finding.Key = "profile.test.fired-unexpected"
	msgNotValid        finding.Key = "profile.test.not-valid"
	msgPinPath         finding.Key = "profile.test.pin-path"
	msgPinCount        finding.Key = "profile.test.pin-count"
	msgPinCountAt      finding.Key = "profile.test.pin-count-at"
)

// testsetForms holds the message forms of the keys above.
var testsetForms = []finding.Form{
	{Key: msgDidNotFire,
		DE: "%s: erwartet %s, hat nicht angeschlagen",
		EN: "%s: expected %s, did not fire"},
	{Key: msgFiredAs,
		DE: "%s: erwartet %s, angeschlagen als %s",
		EN: "%s: expected %s, fired as %s"},
	{Key: msgFiredUnexpected,
		DE: "%s: sollte nicht anschlagen, angeschlagen als %s",
		EN: "%s: expected not to fire, fired as %s"},
	{Key: msgNotChecked,
		DE: "nicht prüfbar: %s",
		EN: "could not check: %s"},
	{Key: msgNotValid,
		DE: "erwartet gültig, Fehler: %s",
		EN: "expected valid, errors: %s"},
	{Key: msgPinCount,
		DE: "%s: erwartet %d× %s, angeschlagen %d×",
		EN: "%s: expected %d× %s, fired %d×"},
	{Key: msgPinCountAt,
		DE: "%s: erwartet %d× %s an %s, angeschlagen %d×",
		EN: "%s: expected %d× %s at %s, fired %d×"},
	{Key: msgPinPath,
		DE: "%s: erwartet %s an %s, angeschlagen an %s",
		EN: "%s: expected %s at %s, fired at %s"},
}

func init() { finding.Forms(testsetForms) }

// judge compares findings with a case's expectation.
func judge(c *Case, fs []finding.Finding, err error) CaseResult {
	r := CaseResult{Case: c, Findings: fs, Err: err}
	if err != nil {
		r.Problems = append(r.Problems, msgNotChecked.With(err.Error()))
		return r
	}
	fired := map[string]finding.Severity{}
	for _, f := range fs {
		fired[f.Rule] = max(fired[f.Rule], f.Severity)
	}
	evidence := map[int]bool{}
	of := func(rule string) {
		for i, f := range fs {
			if f.Rule == rule {
				evidence[i] = true
			}
		}
	}
	missing := false
	want := func(ids []string, sev finding.Severity) {
		for _, id := range ids {
			got, ok := fired[id]
			switch {
			case !ok:
				r.Problems = append(r.Problems, msgDidNotFire.With(id, sev.String()))
				missing = true
			case got != sev:
				r.Problems = append(r.Problems, msgFiredAs.With(id, sev.String(), got.String()))
				of(id)
			}
		}
	}
	want(c.Expect.Errors, finding.Error)
	want(c.Expect.Warnings, finding.Warning)
	want(c.Expect.Infos, finding.Info)
	for _, p := range c.Expect.Pins {
		if _, ok := fired[p.Rule]; !ok {
			continue // already reported as not fired
		}
		n := 0
		var at []string
		for _, f := range fs {
			if f.Rule != p.Rule || f.Severity != p.Severity {
				continue
			}
			if p.Path != "" && !pathMatches(p.Path, f.Path) {
				at = append(at, f.Path)
				continue
			}
			n++
		}
		switch {
		case p.Path != "" && n == 0:
			r.Problems = append(r.Problems, msgPinPath.With(p.Rule, p.Severity.String(), p.Path, strings.Join(slices.Compact(at), ", ")))
			of(p.Rule)
		case p.Count >= 0 && n != p.Count:
			if p.Path != "" {
				r.Problems = append(r.Problems, msgPinCountAt.With(p.Rule, p.Count, p.Severity.String(), p.Path, n))
			} else {
				r.Problems = append(r.Problems, msgPinCount.With(p.Rule, p.Count, p.Severity.String(), n))
			}
			of(p.Rule)
		}
	}
	for _, id := range c.Expect.Absent {
		if got, ok := fired[id]; ok {
			r.Problems = append(r.Problems, msgFiredUnexpected.With(id, got.String()))
			of(id)
		}
	}
	if c.ExpectValid {
		var errs []string
		for i, f := range fs {
			if f.Severity == finding.Error && !slices.Contains(c.Expect.Errors, f.Rule) {
				evidence[i] = true
				if !slices.Contains(errs, f.Rule) {
					errs = append(errs, f.Rule)
				}
			}
		}
		if len(errs) > 0 {
			r.Problems = append(r.Problems, msgNotValid.With(strings.Join(errs, ", ")))
		}
	}
	if missing {
		for i := range fs {
			evidence[i] = true
		}
	}
	for i, f := range fs {
		if evidence[i] {
			r.Evidence = append(r.Evidence, f)
		}
	}
	r.Pass = len(r.Problems) == 0
	return r
}

// Referenced returns the rule ids named by any expectation of the sets.
func Referenced(sets []*TestSet) map[string]bool {
	m := map[string]bool{}
	for _, ts := range sets {
		for _, c := range ts.Cases {
			for _, l := range [][]string{c.Expect.Errors, c.Expect.Warnings, c.Expect.Infos, c.Expect.Absent} {
				for _, id := range l {
					m[id] = true
				}
			}
		}
	}
	return m
}

// RuleTestFailed is the rule id of a failing test case in [TestReport]
// when the problem concerns no single rule (a case expected valid).
const RuleTestFailed = "profile-test:failed"

// TestReport turns test results into a [finding.Report] for the
// reporters of package report (JUnit, SARIF): one file result per case
// (the instance file of a plain test directory, the test-set file of a
// VEFA case), and one error finding per problem of a failing case, with
// the rule the problem concerns, the line of the expectation and the
// case name as path. A case that could not be checked is an input error.
func TestReport(sets []*TestSet, results [][]CaseResult) *finding.Report {
	r := &finding.Report{FailOn: finding.Error}
	for si := range sets {
		for _, cr := range results[si] {
			c := cr.Case
			fr := finding.FileResult{File: c.File, Findings: []finding.Finding{}}
			if cr.Err != nil {
				fr.Err = &finding.InputError{File: c.File, Err: cr.Err}
				r.Files = append(r.Files, fr)
				continue
			}
			name := c.Name
			if c.Description != "" {
				name += " " + c.Description
			}
			for _, p := range cr.Problems {
				rule := RuleTestFailed
				if p.Key != msgNotValid && p.Key != msgNotChecked && len(p.Args) > 0 {
					if id, ok := p.Args[0].(string); ok {
						rule = id
					}
				}
				f := finding.Finding{Rule: rule, Severity: finding.Error, Msg: p, Path: name, Source: "profile-test"}
				if c.Expect.File != "" && c.Expect.Lines[rule] > 0 {
					f.Line = c.Expect.Lines[rule]
					if c.Expect.File != c.File {
						f.File = c.Expect.File
					}
				} else if c.Line > 1 {
					f.Line = c.Line
				}
				fr.Findings = append(fr.Findings, f)
			}
			r.Files = append(r.Files, fr)
		}
	}
	return r
}

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
	"strings"
	"sync"

	"github.com/ozgctl/ozgctl/pkg/finding"
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
// not fire at all); "#" starts a comment. valid/ instances may have a
// .expect file too.
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
		return ReadVEFA(path, data)
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
	var e Expect
	sc := bufio.NewScanner(bytes.NewReader(b))
	ln := 0
	for sc.Scan() {
		ln++
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		f := strings.Fields(line)
		switch {
		case len(f) == 0:
		case len(f) == 1 && strings.HasPrefix(f[0], "!"):
			e.Absent = append(e.Absent, f[0][1:])
		case len(f) == 1:
			e.Errors = append(e.Errors, f[0])
		case len(f) == 2 && f[0] == "error":
			e.Errors = append(e.Errors, f[1])
		case len(f) == 2 && f[0] == "warning":
			e.Warnings = append(e.Warnings, f[1])
		case len(f) == 2 && f[0] == "info":
			e.Infos = append(e.Infos, f[1])
		default:
			return e, fmt.Errorf("%s:%d: want RULE, error RULE, warning RULE, info RULE or !RULE", file, ln)
		}
	}
	return e, nil
}

// CaseResult is the verdict for one case.
type CaseResult struct {
	Case *Case
	Pass bool
	// Problems say why a case failed, as message keys (see [finding.Msg]).
	Problems []finding.Msg
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
				out[j.set][j.c] = Judge(c, res.Findings, res.Err)
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
var (
	msgNotChecked = finding.Register("profile.test.not-checked",
		"nicht prüfbar: %s", "could not check: %s")
	msgDidNotFire = finding.Register("profile.test.did-not-fire",
		"%s: erwartet %s, hat nicht angeschlagen", "%s: expected %s, did not fire")
	msgFiredAs = finding.Register("profile.test.fired-as",
		"%s: erwartet %s, angeschlagen als %s", "%s: expected %s, fired as %s")
	msgFiredUnexpected = finding.Register("profile.test.fired-unexpected",
		"%s: sollte nicht anschlagen, angeschlagen als %s", "%s: expected not to fire, fired as %s")
	msgNotValid = finding.Register("profile.test.not-valid",
		"erwartet gültig, Fehler: %s", "expected valid, errors: %s")
)

// Judge compares findings with a case's expectation.
func Judge(c *Case, fs []finding.Finding, err error) CaseResult {
	r := CaseResult{Case: c, Findings: fs, Err: err}
	if err != nil {
		r.Problems = append(r.Problems, msgNotChecked.With(err.Error()))
		return r
	}
	fired := map[string]finding.Severity{}
	for _, f := range fs {
		fired[f.Rule] = max(fired[f.Rule], f.Severity)
	}
	want := func(ids []string, sev finding.Severity) {
		for _, id := range ids {
			got, ok := fired[id]
			switch {
			case !ok:
				r.Problems = append(r.Problems, msgDidNotFire.With(id, sev.String()))
			case got != sev:
				r.Problems = append(r.Problems, msgFiredAs.With(id, sev.String(), got.String()))
			}
		}
	}
	want(c.Expect.Errors, finding.Error)
	want(c.Expect.Warnings, finding.Warning)
	want(c.Expect.Infos, finding.Info)
	for _, id := range c.Expect.Absent {
		if got, ok := fired[id]; ok {
			r.Problems = append(r.Problems, msgFiredUnexpected.With(id, got.String()))
		}
	}
	if c.ExpectValid {
		var errs []string
		for _, f := range fs {
			if f.Severity == finding.Error && !slices.Contains(c.Expect.Errors, f.Rule) && !slices.Contains(errs, f.Rule) {
				errs = append(errs, f.Rule)
			}
		}
		if len(errs) > 0 {
			r.Problems = append(r.Problems, msgNotValid.With(strings.Join(errs, ", ")))
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

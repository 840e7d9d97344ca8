package report

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"time"

	"github.com/ozgctl/ozgctl/pkg/finding"
)

// ReadJSON decodes a report written by renderJSON, for "ozgctl report merge":
// the files with their identities, engines, findings and input errors,
// and for the results of a shard the run's metadata (command, rule
// documentation, fail level, check times).
func ReadJSON(r io.Reader) (*finding.Report, error) {
	var in struct {
		Files *[]jsonFile          `json:"files"`
		Run   *jsonRun             `json:"run"`
		Stale []finding.StaleEntry `json:"stale"`
	}
	if err := json.NewDecoder(r).Decode(&in); err != nil {
		return nil, fmt.Errorf("decode report: %w", err)
	}
	if in.Files == nil {
		return nil, errors.New("decode report: no \"files\"")
	}
	rep := &finding.Report{Files: make([]finding.FileResult, 0, len(*in.Files)), Stale: in.Stale}
	if run := in.Run; run != nil {
		rep.Shard, rep.Tool, rep.Version, rep.Command, rep.FailOn, rep.Rules = run.Shard, run.Tool, run.Version, run.Command, run.FailOn, run.Rules
	}
	for _, jf := range *in.Files {
		fr := finding.FileResult{File: jf.File, Identity: jf.Identity, Engines: jf.Engines, Assessment: jf.Assessment, Findings: jf.Findings}
		if jf.Time != nil {
			fr.Duration = time.Duration(*jf.Time * float64(time.Second))
		}
		if jf.Error != "" {
			fr.Err = &finding.InputError{File: jf.File, Err: errors.New(jf.Error)}
		}
		rep.Files = append(rep.Files, fr)
	}
	return rep, nil
}

// Merge combines reports of disjoint inputs (shards of one run) into one,
// sorted by file as a single run sorts it. The run's metadata is taken
// from the shards, which must agree on it: shards of different runs
// (another command, other rules) are an error.
func Merge(reports ...*finding.Report) (*finding.Report, error) {
	out := &finding.Report{Files: []finding.FileResult{}}
	var first *finding.Report
	for _, r := range reports {
		out.Files = append(out.Files, r.Files...)
		out.Stale = append(out.Stale, r.Stale...)
		if r.Shard == "" {
			continue
		}
		if first == nil {
			first = r
			continue
		}
		if r.Command != first.Command {
			return nil, fmt.Errorf("shards %s and %s are not of one run: %q and %q", first.Shard, r.Shard, first.Command, r.Command)
		}
		if r.FailOn != first.FailOn || !slices.Equal(r.Rules, first.Rules) {
			return nil, fmt.Errorf("shards %s and %s are not of one run: their rules or --fail-on differ", first.Shard, r.Shard)
		}
	}
	if first != nil {
		out.Tool, out.Version, out.Command, out.FailOn, out.Rules = first.Tool, first.Version, first.Command, first.FailOn, first.Rules
	}
	out.SortFiles()
	// Shards judge the baseline entries of their own files only: the
	// stale entries of disjoint shards are disjoint.
	slices.SortStableFunc(out.Stale, func(a, b finding.StaleEntry) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Rule, b.Rule), cmp.Compare(a.Path, b.Path), cmp.Compare(a.Key, b.Key))
	})
	return out, nil
}

package report

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/ozgctl/ozgctl/pkg/finding"
)

// ReadJSON decodes a report written by [JSON], for "ozgctl report merge":
// the files with their identities, engines, findings and input errors.
// Run metadata (command, rule documentation, fail level) is not part of
// the JSON and stays empty.
func ReadJSON(r io.Reader) (*finding.Report, error) {
	var in struct {
		Files *[]jsonFile `json:"files"`
	}
	if err := json.NewDecoder(r).Decode(&in); err != nil {
		return nil, fmt.Errorf("decode report: %w", err)
	}
	if in.Files == nil {
		return nil, errors.New("decode report: no \"files\"")
	}
	rep := &finding.Report{Files: make([]finding.FileResult, 0, len(*in.Files))}
	for _, jf := range *in.Files {
		fr := finding.FileResult{File: jf.File, Identity: jf.Identity, Engines: jf.Engines, Findings: jf.Findings}
		if jf.Error != "" {
			fr.Err = &finding.InputError{File: jf.File, Err: errors.New(jf.Error)}
		}
		rep.Files = append(rep.Files, fr)
	}
	return rep, nil
}

// Merge combines reports of disjoint inputs (shards of one run) into one,
// sorted by file as a single run sorts it.
func Merge(reports ...*finding.Report) *finding.Report {
	out := &finding.Report{Files: []finding.FileResult{}}
	for _, r := range reports {
		out.Files = append(out.Files, r.Files...)
	}
	out.SortFiles()
	return out
}

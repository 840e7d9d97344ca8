package report

import (
	"encoding/json"
	"io"

	"github.com/ozgctl/ozgctl/pkg/finding"
)

type jsonReport struct {
	// Interrupted is present (true) only when the run was stopped early.
	Interrupted bool            `json:"interrupted,omitempty"`
	Files       []jsonFile      `json:"files"`
	Summary     finding.Summary `json:"summary"`
}

type jsonFile struct {
	File     string            `json:"file"`
	Valid    bool              `json:"valid"`
	Identity *finding.Identity `json:"identity,omitempty"`
	Engines  []string          `json:"engines,omitempty"`
	Error    string            `json:"error,omitempty"`
	Findings []finding.Finding `json:"findings"`
}

// JSON renders the documented JSON contract (schemas/report.schema.json).
func JSON(w io.Writer, r *finding.Report, opts Options) error {
	out := jsonReport{Files: make([]jsonFile, 0, len(r.Files)), Summary: finding.Summarize(r), Interrupted: r.Interrupted}
	for i := range r.Files {
		fr := &r.Files[i]
		jf := jsonFile{File: fr.File, Valid: fr.Valid(), Identity: fr.Identity, Engines: fr.Engines, Findings: finding.Rendered(fr.Findings, opts.Lang)}
		if jf.Findings == nil {
			jf.Findings = []finding.Finding{}
		}
		if fr.Err != nil {
			jf.Error = fr.ErrText(opts.Lang)
		}
		out.Files = append(out.Files, jf)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

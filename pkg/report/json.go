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
	// Stale lists the baseline entries no finding matched any more.
	Stale []finding.StaleEntry `json:"stale,omitempty"`
	// Run is written for the results of a shard only (see finding.Report.Shard).
	Run *jsonRun `json:"run,omitempty"`
}

// jsonRun is what "report merge" needs besides the results to render the
// merged report as the unsharded run would.
type jsonRun struct {
	Shard   string             `json:"shard"`
	Tool    string             `json:"tool"`
	Version string             `json:"version"`
	Command string             `json:"command"`
	FailOn  finding.Severity   `json:"failOn"`
	Rules   []finding.RuleInfo `json:"rules"`
}

type jsonFile struct {
	File     string            `json:"file"`
	Valid    bool              `json:"valid"`
	Identity *finding.Identity `json:"identity,omitempty"`
	Engines  []string          `json:"engines,omitempty"`
	Error    string            `json:"error,omitempty"`
	// Assessment is the KoSIT verdict (check --kosit-config).
	Assessment *finding.Assessment `json:"assessment,omitempty"`
	Findings   []finding.Finding   `json:"findings"`
	// Time is the check time in seconds, written for shards only.
	Time *float64 `json:"time,omitempty"`
}

// renderJSON renders the documented JSON contract (schemas/report.schema.json).
func renderJSON(w io.Writer, r *finding.Report, opts Options) error {
	out := jsonReport{Files: make([]jsonFile, 0, len(r.Files)), Summary: finding.Summarize(r), Interrupted: r.Interrupted, Stale: r.Stale}
	for i := range r.Files {
		fr := &r.Files[i]
		jf := jsonFile{File: fr.File, Valid: fr.Valid(), Identity: fr.Identity, Engines: fr.Engines, Assessment: fr.Assessment, Findings: finding.Rendered(fr.Findings, opts.Lang)}
		if jf.Findings == nil {
			jf.Findings = []finding.Finding{}
		}
		if fr.Err != nil {
			jf.Error = fr.ErrText(opts.Lang)
		}
		if r.Shard != "" {
			t := fr.Duration.Seconds()
			jf.Time = &t
		}
		out.Files = append(out.Files, jf)
	}
	if r.Shard != "" {
		out.Run = &jsonRun{Shard: r.Shard, Tool: r.Tool, Version: r.Version, Command: r.Command, FailOn: r.FailOn, Rules: r.Rules}
		if out.Run.Rules == nil {
			out.Run.Rules = []finding.RuleInfo{}
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

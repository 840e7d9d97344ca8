package report

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"strconv"

	"github.com/ozgctl/ozgctl/pkg/finding"
)

type ccIssue struct {
	Type        string     `json:"type"`
	CheckName   string     `json:"check_name"`
	Description string     `json:"description"`
	Categories  []string   `json:"categories"`
	Severity    string     `json:"severity"`
	Fingerprint string     `json:"fingerprint"`
	Location    ccLocation `json:"location"`
}

type ccLocation struct {
	Path  string  `json:"path"`
	Lines ccLines `json:"lines"`
}

type ccLines struct {
	Begin int `json:"begin"`
}

// renderCodeClimate renders GitLab's Code Quality report: a JSON array of Code
// Climate issues, one per finding that is not suppressed and one per input
// that could not be checked. The severity maps error to major (critical
// for the FIM class FehlerKritisch), warning to minor and info to info; an
// input error is a blocker. The fingerprint hashes the finding's
// [finding.MatchKey] (file, rule, stable path, message key) and its
// occurrence among equal keys, never the line, so that GitLab recognises
// the same issue on a branch whose file was edited elsewhere.
func renderCodeClimate(w io.Writer, r *finding.Report, opts Options) error {
	issues := []ccIssue{}
	for i := range r.Files {
		fr := &r.Files[i]
		if fr.Err != nil {
			text := inputErrorText(fr, opts.Lang)
			file := finding.CleanFile(fr.File)
			issues = append(issues, ccIssue{Type: "issue", CheckName: "input-error", Description: text,
				Categories: []string{"Bug Risk"}, Severity: "blocker",
				Fingerprint: fingerprint(finding.MatchKey{File: file, Rule: "input-error"}, 1),
				Location:    ccLocation{Path: file, Lines: ccLines{Begin: 1}}})
		}
		seen := map[finding.MatchKey]int{}
		for j := range fr.Findings {
			f := &fr.Findings[j]
			if !f.Counts() {
				continue
			}
			k := finding.KeyOf(fr, f)
			seen[k]++
			desc := f.Text(opts.Lang)
			if f.Path != "" {
				desc += " [" + f.Path + "]"
			}
			issues = append(issues, ccIssue{Type: "issue", CheckName: f.Rule, Description: desc,
				Categories: []string{ccCategory(f)}, Severity: ccSeverity(f),
				Fingerprint: fingerprint(k, seen[k]),
				Location:    ccLocation{Path: k.File, Lines: ccLines{Begin: max(f.Line, 1)}}})
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(issues)
}

// ccSeverity maps a finding to a Code Climate severity.
func ccSeverity(f *finding.Finding) string {
	switch f.Severity {
	case finding.Error:
		if f.Class == "FehlerKritisch" {
			return "critical"
		}
		return "major"
	case finding.Warning:
		return "minor"
	}
	return "info"
}

// ccCategory files schema and rule violations as bugs and the quality
// hints of lint rules (warnings, infos) as style.
func ccCategory(f *finding.Finding) string {
	if f.Severity == finding.Error {
		return "Bug Risk"
	}
	return "Style"
}

// fingerprint is the hex SHA-256 of the key's fields and the occurrence n
// (1 for the first finding with that key in its file).
func fingerprint(k finding.MatchKey, n int) string {
	h := sha256.New()
	for _, s := range []string{k.File, k.Rule, k.Path, k.Key, strconv.Itoa(n)} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))
}

package profile

import (
	"fmt"
	"path/filepath"

	"github.com/ozgctl/ozgctl/pkg/finding"
	"github.com/ozgctl/ozgctl/pkg/schematron"
)

// ruleInfos documents the asserts and reports of rule sets for reporters
// that list rules (SARIF, JUnit); severity overrides apply.
func ruleInfos(sets []*schematron.Rules, sev map[string]finding.Severity) []finding.RuleInfo {
	var out []finding.RuleInfo
	for _, r := range sets {
		for _, a := range r.Assertions() {
			s := a.Severity
			if o, ok := sev[a.ID]; ok {
				s = o
			}
			out = append(out, finding.RuleInfo{ID: a.ID, Title: a.Text, Severity: s,
				Help: fmt.Sprintf("%s %s (%s:%d)", map[bool]string{false: "assert", true: "report"}[a.Report], a.Test, filepath.ToSlash(a.File), a.Line)})
		}
	}
	return out
}

package baseline_test

import (
	"fmt"

	"github.com/ozgctl/ozgctl/pkg/baseline"
	"github.com/ozgctl/ozgctl/pkg/finding"
)

// A baseline written from one run accepts the same findings in the next,
// wherever their lines moved; a new finding still counts.
func Example() {
	run := func(line int, extra ...finding.Finding) *finding.Report {
		fs := append([]finding.Finding{{Rule: "xsd:facet", Severity: finding.Error, Message: "PLZ ungültig", Line: line, Path: "/p:a[1]/p:plz[1]"}}, extra...)
		r := &finding.Report{Files: []finding.FileResult{{File: "msgs/a.xml", Findings: fs}}}
		r.SortFiles()
		return r
	}
	var none *baseline.Baseline
	base := none.Update(run(16), "de")
	fmt.Print(string(base.Marshal()))

	later := run(19, finding.Finding{Rule: "xsd:facet", Severity: finding.Error, Message: "Betrag ungültig", Line: 24, Path: "/p:a[1]/p:betrag[1]"})
	base.Apply(later, "ozgctl-baseline.json")
	s := finding.Summarize(later)
	fmt.Println("suppressed:", s.Suppressed, "errors:", s.Errors, "exit:", later.ExitCode())
	// Output:
	// {
	//   "version": 1,
	//   "entries": [
	//     {
	//       "file": "msgs/a.xml",
	//       "rule": "xsd:facet",
	//       "path": "a/plz",
	//       "key": "PLZ ungültig",
	//       "count": 1,
	//       "message": "PLZ ungültig"
	//     }
	//   ]
	// }
	// suppressed: 1 errors: 1 exit: 1
}

package report_test

import (
	"fmt"
	"os"

	"github.com/ozgctl/ozgctl/pkg/finding"
	"github.com/ozgctl/ozgctl/pkg/report"
)

// Render a report in a format chosen by name, as --output does.
func ExampleLookup() {
	r := &finding.Report{FailOn: finding.Error, Files: []finding.FileResult{
		{File: "a.xml", Findings: []finding.Finding{{Rule: "xsd:element", Severity: finding.Error,
			Message: "unerwartetes Kindelement DueDate", Line: 12, Column: 3, Path: "/Invoice/DueDate"}}},
		{File: "b.xml"},
	}}
	f, err := report.Lookup("text")
	if err != nil {
		fmt.Println(err)
		return
	}
	_ = report.Render(os.Stdout, f, r, report.Options{Lang: "en"})
	// Output:
	// a.xml:12:3: error xsd:element: unerwartetes Kindelement DueDate [/Invoice/DueDate]
	// FAIL: 2 files, 1 valid, 1 invalid, 1 errors, 0 warnings, 0 infos
}

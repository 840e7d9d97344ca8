package lint_test

import (
	"context"
	"fmt"

	"github.com/ozgctl/ozgctl/pkg/codelist"
	"github.com/ozgctl/ozgctl/pkg/fim"
	"github.com/ozgctl/ozgctl/pkg/fim/lint"
)

// Lint a schema with its code lists and print the errors in English.
func ExampleLint() {
	doc, _, err := fim.ReadFile("../testdata/xdf2/S00000094V1.0_xdf2.xml", fim.ReadOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	opts := lint.Options{Codelists: codelist.NewDirResolver("../testdata/codelists/S00000094")}
	for _, f := range lint.Lint(context.Background(), doc, opts) {
		if f.Severity.String() == "error" {
			fmt.Printf("%d:%d %s %s [%s]\n", f.Line, f.Column, f.Rule, f.Text("en"), f.Path)
		}
	}
	// Output:
	// 95:1038 1048 code list URN has an invalid format ("urn:de:fim:codeliste:artbeschäftigungsverhältnis") [S00000094/F00000463]
}

// Look up a rule of the registry.
func ExampleLookup() {
	r := lint.Lookup("1012")
	fmt.Println(r.Code, r.Class, r.Severity(), r.Implemented())
	fmt.Println(r.Title.In("en"))
	// Output:
	// 1012 FehlerMethodisch error true
	// length given for a selection or static field
}

package schematron_test

import (
	"context"
	"fmt"
	"os"

	"github.com/ozgctl/ozgctl/pkg/schematron"
)

// Compile a rule set once, then check any number of documents with it.
func Example() {
	rules := []byte(`<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt2">
  <pattern>
    <rule context="antrag">
      <assert id="PLZ-1" role="error" test="matches(plz, '^[0-9]{5}$')">Die PLZ <value-of select="plz"/> hat nicht fünf Ziffern.</assert>
    </rule>
  </pattern>
</schema>`)
	read := func(string) ([]byte, error) { return rules, nil }
	r, err := schematron.Compile("rules.sch", schematron.Options{ReadFile: read})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return
	}
	findings, _, err := r.Check(context.Background(), []byte(`<antrag><plz>1234X</plz></antrag>`))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return
	}
	for _, f := range findings {
		fmt.Printf("%s %s line %d: %s\n", f.Severity, f.Rule, f.Line, f.Message)
	}
	// Output:
	// error PLZ-1 line 1: Die PLZ 1234X hat nicht fünf Ziffern.
}

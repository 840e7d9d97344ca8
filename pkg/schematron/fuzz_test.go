package schematron

import (
	"context"
	"errors"
	"os"
	"testing"
)

// FuzzCompile feeds rule files to the loader: it must never panic, and
// every error must be a *LoadError that names a position.
func FuzzCompile(f *testing.F) {
	f.Add([]byte(schema(`<pattern><rule context="a:item"><assert id="x" test="a:price">p</assert></rule></pattern>`)))
	f.Add([]byte(schema(`<let name="g" value="1"/><pattern abstract="true" id="ap"><rule context="$c"><assert test="$t">m</assert></rule></pattern><pattern is-a="ap"><param name="c" value="*"/><param name="t" value="true()"/></pattern>`)))
	f.Add([]byte(`<schema xmlns="http://purl.oclc.org/dsdl/schematron" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:u="urn:u" queryBinding="xslt2"><xsl:function name="u:f"><xsl:param name="p"/><xsl:sequence select="$p"/></xsl:function><pattern><rule context="/"><report test="u:f(1)">r</report></rule></pattern></schema>`))
	if data, err := os.ReadFile("../../examples/profiles/xbau/sch/xbau-schematron-leere-elemente.sch"); err == nil {
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := Compile("fuzz.sch", Options{ReadFile: func(p string) ([]byte, error) {
			if p == "fuzz.sch" {
				return data, nil
			}
			return nil, os.ErrNotExist
		}})
		if err != nil {
			var le *LoadError
			if !errors.As(err, &le) || le.File == "" {
				t.Fatalf("error without position: %T %v", err, err)
			}
			return
		}
		// Whatever compiled must evaluate without panicking.
		d, perr := ParseDocument(context.Background(), []byte(doc1))
		if perr != nil {
			t.Fatal(perr)
		}
		if _, err := r.Evaluate(context.Background(), d); err != nil {
			t.Fatal(err)
		}
	})
}

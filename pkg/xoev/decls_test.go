package xoev

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
)

const xbauNS = "http://www.xleitstelle.de/xbau/2/6"

// chainText renders resolved chains as "name[min..max]" steps, one chain
// per line, for comparison.
func chainText(chains [][]*Decl) string {
	var lines []string
	for _, ch := range chains {
		var parts []string
		for _, d := range ch {
			n := d.Name
			if d.Attribute {
				n = "@" + n
			}
			max := "n"
			if d.Max >= 0 {
				max = string(rune('0' + d.Max))
			}
			parts = append(parts, n+"["+string(rune('0'+d.Min))+".."+max+"]")
		}
		lines = append(lines, strings.Join(parts, "/"))
	}
	return strings.Join(lines, "\n")
}

func steps(ns string, path string) []Step {
	var out []Step
	for _, p := range strings.Split(path, "/") {
		st := Step{Local: p}
		if a, ok := strings.CutPrefix(p, "@"); ok {
			st = Step{Local: a, Attribute: true}
		} else if q, ok := strings.CutPrefix(p, "q:"); ok {
			st = Step{Local: q, Namespace: ns}
		}
		if st.Local == "*" {
			st.Any = true
		}
		out = append(out, st)
	}
	return out
}

func TestDeclsResolve(t *testing.T) {
	demo := loadExample(t, LoadOptions{}).Decls()
	xbauSet, err := LoadSchemaSet(context.Background(), filepath.Join("../../examples/profiles/xbau/xsd/xbau-nachrichten-baugenehmigung.xsd"), LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	xbau := xbauSet.Decls()
	tests := []struct {
		name   string
		x      *Decls
		ns     string
		root   string
		path   string
		want   string
		failAt int // 1-based step of a PathError, 0 for none
		code   bool
	}{
		{"demo: qualified children, inline root type", demo, "urn:example:demo:1.0", "demo.antrag.0101", "q:antragsteller/q:anschrift", "antragsteller[1..n]/anschrift[1..1]", 0, false},
		{"demo: optional element", demo, "urn:example:demo:1.0", "demo.antrag.0101", "q:betrag", "betrag[0..1]", 0, false},
		{"demo: attribute", demo, "urn:example:demo:1.0", "demo.antrag.0101", "@produkt", "@produkt[0..1]", 0, false},
		{"demo: XÖV code type", demo, "urn:example:demo:1.0", "demo.antrag.0101", "q:antragsart", "antragsart[1..1]", 0, true},
		{"demo: unqualified code child of a restriction", demo, "urn:example:demo:1.0", "demo.antrag.0101", "q:antragsart/code", "antragsart[1..1]/code[1..1]", 0, false},
		{"demo: enumerated simple type", demo, "urn:example:demo:1.0", "demo.antrag.0101", "q:antragsteller/q:geschlecht/code", "antragsteller[1..n]/geschlecht[0..1]/code[1..1]", 0, true},
		{"demo: no such element", demo, "urn:example:demo:1.0", "demo.antrag.0101", "q:antragsteller/q:adresse", "", 2, false},
		{"demo: wrong namespace", demo, "urn:example:demo:1.0", "demo.antrag.0101", "antragsart", "", 1, false},
		{"demo: wildcard step", demo, "urn:example:demo:1.0", "demo.antrag.0101", "q:antragsteller/*", "antragsteller[1..n]/name[1..1]\nantragsteller[1..n]/geschlecht[0..1]\nantragsteller[1..n]/anschrift[1..1]\nantragsteller[1..n]/staatsangehoerigkeit[0..1]", 0, false},
		{"xbau: attribute of the extended base type", xbau, xbauNS, "baugenehmigung.antrag.0200", "@produktversion", "@produktversion[0..1]", 0, false},
		{"xbau: header through the base type's sequence", xbau, xbauNS, "baugenehmigung.antrag.0200", "nachrichtenkopf.g2g/identifikation.nachricht/nachrichtenUUID", "nachrichtenkopf.g2g[1..1]/identifikation.nachricht[1..1]/nachrichtenUUID[1..1]", 0, false},
		{"xbau: code child of a code type", xbau, xbauNS, "baugenehmigung.antrag.0200", "nachrichtenkopf.g2g/identifikation.nachricht/nachrichtentyp", "nachrichtenkopf.g2g[1..1]/identifikation.nachricht[1..1]/nachrichtentyp[1..1]", 0, true},
		{"xbau: own content of the message (qualified, unlike the header)", xbau, xbauNS, "baugenehmigung.antrag.0200", "q:antragsteller", "antragsteller[1..n]", 0, false},
		{"xbau: own content without its namespace", xbau, xbauNS, "baugenehmigung.antrag.0200", "antragsteller", "", 1, false},
		{"xbau: a misspelt step", xbau, xbauNS, "baugenehmigung.antrag.0200", "nachrichtenkopf.g2g/identifikation.nachrict", "", 2, false},
		{"xbau: unknown attribute", xbau, xbauNS, "baugenehmigung.antrag.0200", "@testmodus", "", 1, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			root := tc.x.Global(tc.ns, tc.root)
			if root == nil {
				t.Fatalf("no global element {%s}%s", tc.ns, tc.root)
			}
			chains, err := tc.x.Resolve([]*Decl{root}, steps(tc.ns, tc.path))
			if tc.failAt > 0 {
				var pe *PathError
				if !errors.As(err, &pe) || pe.Step != tc.failAt-1 {
					t.Fatalf("err %v (chains %q), want a PathError at step %d", err, chainText(chains), tc.failAt)
				}
				if len(pe.Known) == 0 {
					t.Errorf("PathError lists no known names")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := chainText(chains); got != tc.want {
				t.Errorf("chains\n%s\nwant\n%s", got, tc.want)
			}
			last := chains[0][len(chains[0])-1]
			if got := tc.x.CodeType(last); got != tc.code {
				t.Errorf("CodeType(%s) = %v, want %v", last.Name, got, tc.code)
			}
		})
	}
}

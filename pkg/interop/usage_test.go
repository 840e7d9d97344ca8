package interop

import (
	"context"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/ozgctl/ozgctl/pkg/xoev"
)

// TestObserveXoevCodes reads an XÖV message with and without its schema
// set: with it, the XÖV code types (antragsart, geschlecht, …) are
// code-valued and their value is the "code" child; without it only
// elements that carry listURI/listID or end in "Code" are.
func TestObserveXoevCodes(t *testing.T) {
	set, err := xoev.LoadSchemaSet(context.Background(), "../../examples/xoev/xsd/demo.xsd",
		xoev.LoadOptions{Catalogs: []string{"../../examples/xoev/catalog.xml"}})
	if err != nil {
		t.Fatal(err)
	}
	const msg = "../../examples/xoev/messages/antrag-gueltig.xml"
	tests := []struct {
		name string
		kind func(string) xoev.CodeKind
		want []string // path=value among the codes
		not  []string
	}{
		{"with schema", set.CodeKind,
			[]string{"/demo.antrag.0101/antragsart/code=01", "/demo.antrag.0101/antragsteller/geschlecht/code=w"}, nil},
		{"without schema", nil, nil,
			[]string{"/demo.antrag.0101/antragsart/code=01", "/demo.antrag.0101/antragsteller/geschlecht/code=w"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := os.Open(msg)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			u, err := observeTags(f, tt.kind)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, c := range u.Codes {
				got = append(got, c.Path+"="+c.Value)
			}
			for _, w := range tt.want {
				if !slices.Contains(got, w) {
					t.Errorf("codes %v lack %s", got, w)
				}
			}
			for _, n := range tt.not {
				if slices.Contains(got, n) {
					t.Errorf("codes %v hold %s", got, n)
				}
			}
			for _, p := range u.Paths {
				if strings.Contains(p.Path, "xmlns") || strings.Contains(p.Path, ":") {
					t.Errorf("path %q names a namespace declaration or a prefix", p.Path)
				}
			}
		})
	}
}

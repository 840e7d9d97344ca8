package profile

import (
	"strings"
	"testing"
)

func TestOverlaps(t *testing.T) {
	p := func(id, version string, abstract bool, ms ...Match) *Profile {
		return &Profile{ID: id, File: id + ".yaml", Version: version, Abstract: abstract, Match: ms,
			matchPos: []rulePos{{file: id + ".yaml", line: 4}}}
	}
	ns := Match{Namespace: "urn:s"}
	root := Match{Namespace: "urn:s", Root: "n"}
	tests := []struct {
		name string
		a, b *Profile
		want string // "" for no overlap
	}{
		{"same namespace and root", p("a", "1", false, root), p("b", "1", false, root), `b.yaml:4: profile "b" matches the same messages as profile "a" (a.yaml:4) equally`},
		{"root is more specific", p("a", "1", false, ns), p("b", "1", false, root), ""},
		{"other namespace", p("a", "1", false, root), p("b", "1", false, Match{Namespace: "urn:t", Root: "n"}), ""},
		{"xpath is more specific", p("a", "1", false, root), p("b", "1", false, Match{Namespace: "urn:s", Root: "n", XPath: "@v"}), ""},
		{"versions tell them apart", p("a", "1", false, Match{Namespace: "urn:s", Version: "string(@v)"}), p("b", "2", false, Match{Namespace: "urn:s", Version: "string(@v)"}), ""},
		{"a dotted version meets its prefix", p("a", "2.6", false, Match{Namespace: "urn:s", Version: "string(@v)"}), p("b", "2.6.1", false, Match{Namespace: "urn:s", Version: "string(@v)"}), "equally"},
		{"only one reads the version", p("a", "1", false, Match{Namespace: "urn:s", Version: "string(@v)"}), p("b", "2", false, ns), "equally"},
		{"abstract base", p("a", "1", true, root), p("b", "1", false, root), ""},
		{"one of several entries", p("a", "1", false, Match{Namespace: "urn:x"}, root), p("b", "1", false, root), "equally"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			errs := Overlaps([]*Profile{tc.a, tc.b})
			if tc.want == "" {
				if len(errs) > 0 {
					t.Fatalf("unexpected overlap: %v", errs)
				}
				return
			}
			if len(errs) != 1 || !strings.Contains(errs[0].Error(), tc.want) {
				t.Fatalf("errors %v, want one containing %q", errs, tc.want)
			}
		})
	}
}

func TestParsePath(t *testing.T) {
	c := &Compiled{Profile: &Profile{Namespaces: map[string]string{"x": "urn:x"}}}
	tests := []struct {
		path string
		want string // alternatives joined by " | ", "-" when not a plain path
	}{
		{"a/x:b/@c", "a/{urn:x}b/@c"},
		{"/x:a/b", "{urn:x}a/b"},
		{"x:a[1]/b[c = 'd/e']", "{urn:x}a/b"},
		{"k/(leser | autor)/code", "k/leser/code | k/autor/code"},
		{"child::a/attribute::b", "a/@b"},
		{"*/x:b", "*/{urn:x}b"},
		{"exists(a)", "-"},
		{"self::*[matches(., 'x')]", "-"},
		{"//a", "-"},
		{"y:a", "-"},
		{"a = 'b'", "-"},
		{"..", "-"},
	}
	for _, tc := range tests {
		t.Run(tc.path, func(t *testing.T) {
			alts, ok := c.parsePath(tc.path)
			got := "-"
			if ok {
				var parts []string
				for _, alt := range alts {
					var steps []string
					for _, st := range alt {
						steps = append(steps, st.String())
					}
					parts = append(parts, strings.Join(steps, "/"))
				}
				got = strings.Join(parts, " | ")
			}
			if got != tc.want {
				t.Errorf("parsePath(%q) = %q, want %q", tc.path, got, tc.want)
			}
		})
	}
}

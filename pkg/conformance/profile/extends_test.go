package profile

import (
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/ozgctl/ozgctl/internal/testenv"
)

const federalBase = `id: bund
abstract: true
title: Bund
standard: S
version: "1.0"
match: {namespace: "urn:s", root: antrag}
namespaces: {s: "urn:s"}
schema: {xsd: xsd/s.xsd}
codelists: [codes]
schematron:
  - {file: sch/a.sch, severity: {A-1: warning}}
sharpenings:
  - {id: B-1, message: base one, required: "s:a"}
  - {id: B-2, message: base two, forbidden: "s:b"}
`

func TestExtends(t *testing.T) {
	dir := testenv.WriteFiles(t, map[string]string{
		"bund/base.yaml": federalBase,
		"land/land.yaml": `id: land
extends: ../bund/base.yaml
namespaces: {l: "urn:l"}
schematron:
  - {file: ../bund/sch/a.sch, phase: strict}
  - {file: sch/land.sch}
sharpenings:
  - {id: B-2, message: now a warning, severity: warning, forbidden: "s:b"}
  - {id: L-1, message: land one, required: "s:c"}
`,
		"vendor.yaml": `id: vendor
title: Hersteller
extends: land/land.yaml
version: "1.0.1"
sharpenings:
  - {id: V-1, message: vendor, forbidden: "s:d"}
`,
	})
	p, err := Read(filepath.Join(dir, "vendor.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		got  any
		want any
	}{
		{"own id", p.ID, "vendor"},
		{"own title", p.Title, "Hersteller"},
		{"own version overrides", p.Version, "1.0.1"},
		{"standard inherited", p.Standard, "S"},
		{"abstract not inherited", p.Abstract, false},
		{"match inherited", len(p.Match) == 1 && p.Match[0].Root == "antrag", true},
		{"namespaces merged", len(p.Namespaces), 2},
		{"schema rebased", p.Schema.XSD, "bund/xsd/s.xsd"},
		{"codelists rebased", strings.Join(p.CodeLists, ","), "bund/codes"},
		{"schematron: child entry for the base's file replaces it", len(p.Schematron), 2},
		{"replaced entry keeps its place", p.Schematron[0].Phase, "strict"},
		{"added file rebased", p.Schematron[1].File, "land/sch/land.sch"},
		{"sharpenings: base order, overrides in place, additions after", ids(p.Sharpenings), "B-1 B-2 L-1 V-1"},
		{"override wins", p.Sharpenings[1].Severity, "warning"},
		{"chain", len(p.Chain), 3},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.got != tc.want {
				t.Errorf("got %v, want %v", tc.got, tc.want)
			}
		})
	}
	// Inherited rules point at the file that defines them.
	for id, want := range map[string]string{"B-1": "base.yaml", "B-2": "land.yaml", "V-1": "vendor.yaml"} {
		if f, line := p.rulePos(id); filepath.Base(f) != want || line == 0 {
			t.Errorf("RulePos(%s) = %s:%d, want %s", id, f, line, want)
		}
	}
}

func ids(ss []Sharpening) string {
	var out []string
	for _, s := range ss {
		out = append(out, s.ID)
	}
	return strings.Join(out, " ")
}

func TestExtendsErrors(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		read  string
		want  string
		cycle bool
	}{
		{"self", map[string]string{"a.yaml": "id: a\nextends: a.yaml\n"}, "a.yaml", "extends cycle: a.yaml -> a.yaml", true},
		{"two files", map[string]string{"a.yaml": "id: a\nextends: b.yaml\n", "b.yaml": "id: b\nextends: a.yaml\n"}, "a.yaml", "extends cycle: a.yaml -> b.yaml -> a.yaml", true},
		{"three files through directories", map[string]string{"a.yaml": "id: a\nextends: x/b.yaml\n", "x/b.yaml": "id: b\nextends: ../y/c.yaml\n", "y/c.yaml": "id: c\nextends: ../a.yaml\n"}, "a.yaml", "a.yaml -> b.yaml -> c.yaml -> a.yaml", true},
		{"missing base, with the line of extends", map[string]string{"a.yaml": "id: a\n\nextends: none.yaml\n"}, "a.yaml", "a.yaml:3: extends none.yaml", false},
		{"nothing to inherit standard from", map[string]string{"a.yaml": "id: a\nextends: b.yaml\n", "b.yaml": "id: b\nextends: c.yaml\n", "c.yaml": "id: c\nstandard: S\nversion: '1'\nmatch: {namespace: 'urn:x'}\n"}, "a.yaml", "", false},
		{"without extends the base keys are required", map[string]string{"a.yaml": "id: a\nstandard: S\n"}, "a.yaml", "does not match schemas/profile.schema.json", false},
		{"broken base", map[string]string{"a.yaml": "id: a\nextends: b.yaml\n", "b.yaml": "id: b\nbogus: 1\n"}, "a.yaml", "b.yaml", false},
		{"duplicate ids within the child survive the merge", map[string]string{"b.yaml": federalBase, "a.yaml": "id: a\nextends: b.yaml\nsharpenings:\n  - {id: B-1, message: m, required: x}\n  - {id: B-1, message: m, required: y}\n"}, "a.yaml", `sharpening id "B-1" used twice`, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := testenv.WriteFiles(t, tc.files)
			_, err := Read(filepath.Join(dir, tc.read))
			if tc.want == "" {
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want it to contain %q", err, tc.want)
			}
			if got := errors.Is(err, errExtendsCycle); got != tc.cycle {
				t.Errorf("errors.Is(err, ErrExtendsCycle) = %v, want %v", got, tc.cycle)
			}
		})
	}
}

// A directory of profiles skips abstract bases: only the concrete
// profiles take part in selection.
func TestLoadSetSkipsAbstract(t *testing.T) {
	dir := testenv.WriteFiles(t, map[string]string{
		"base.yaml":  "id: base\nabstract: true\nstandard: S\nversion: '1'\nmatch: {namespace: 'urn:x'}\n",
		"child.yaml": "id: child\nextends: base.yaml\n",
	})
	set, err := LoadSet(dir, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range set.Profiles {
		got = append(got, c.ID)
	}
	if !slices.Equal(got, []string{"child"}) {
		t.Errorf("profiles %v, want [child]", got)
	}
	if _, err := LoadSet(filepath.Join(dir, "base.yaml"), LoadOptions{}); err == nil || !strings.Contains(err.Error(), "abstract") {
		t.Errorf("loading the abstract base alone: %v, want an error naming abstract", err)
	}
}

// Package archtest holds the test that keeps the import arrows of ozgctl
// pointing down the layering described in docs/architecture.md.
package archtest

import (
	"encoding/json"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

const module = "github.com/ozgctl/ozgctl/"

// layers lists, for each package (or package tree, by prefix), the
// packages of this module it may import. The longest matching prefix wins;
// a package under pkg/ or internal/ that matches none fails the test, so
// that a new room is placed on purpose. The internal helpers (xmlscan,
// xmlcharset, xmllimit, xmlpath, membudget, testcorpus, lazy, stack) are leaves that any
// pkg/ package may use.
var layers = []struct {
	pkg     string
	imports []string
}{
	{"internal/xmlscan", nil},
	{"internal/xmlcharset", nil},
	{"internal/xmllimit", nil},
	{"internal/xmlpath", nil},
	{"internal/membudget", nil},
	{"internal/testcorpus", nil},
	{"internal/xmltree", nil},
	{"internal/editdist", nil},
	{"internal/lazy", nil},
	{"internal/stack", nil},
	{"internal/startup", nil},
	{"internal/heapfloor", nil},
	{"internal/testenv", []string{"internal/testcorpus"}},
	{"internal/archtest", nil},
	{"internal/release", []string{"internal/testenv"}},
	{"scripts/release", []string{"internal/release"}},
	{"pkg/finding", nil},
	{"internal/xmlmsg", []string{"pkg/finding"}},
	{"pkg/codelist", []string{"pkg/finding"}},
	{"pkg/report", []string{"pkg/finding"}},
	{"pkg/baseline", []string{"pkg/finding"}},
	{"pkg/schematron", []string{"pkg/finding", "internal/xmlmsg"}},
	{"pkg/batch", []string{"pkg/finding"}},
	{"pkg/fim", []string{"pkg/finding", "pkg/codelist", "pkg/fim"}},
	{"pkg/bpmn", []string{"pkg/finding"}},
	{"pkg/xprozess", []string{"pkg/finding", "pkg/bpmn", "pkg/fim"}},
	{"pkg/xoev", []string{"pkg/finding", "pkg/codelist", "pkg/batch", "pkg/xoev", "internal/xmlmsg"}},
	{"pkg/kosit", []string{"pkg/finding", "pkg/report", "pkg/batch", "pkg/xoev", "pkg/schematron", "pkg/conformance/profile"}},
	{"pkg/conformance", []string{"pkg/finding", "pkg/codelist", "pkg/report", "pkg/batch", "pkg/xoev", "pkg/schematron", "pkg/conformance", "pkg/kosit"}},
	{"pkg/interop", []string{"pkg/finding", "pkg/report", "pkg/batch", "pkg/xoev", "pkg/conformance", "pkg/interop"}},
	{"pkg/serve", []string{"pkg/finding"}},
	{"pkg/serve/api", []string{"pkg/finding", "pkg/report", "pkg/batch", "pkg/codelist", "pkg/fim", "pkg/xoev", "pkg/conformance", "pkg/serve"}},
	{"internal/cli", []string{"pkg/", "internal/"}},
	{"cmd/ozgctl", []string{"internal/cli", "internal/startup"}},
	{"ci", nil},
}

// helpers may be imported by every package of pkg/ and internal/.
var helpers = []string{"internal/xmlscan", "internal/xmlcharset", "internal/xmllimit", "internal/xmlpath", "internal/membudget", "internal/testcorpus", "internal/testenv", "internal/xmltree", "internal/editdist", "internal/lazy", "internal/stack"}

// exceptions are arrows that point the wrong way today and are being
// removed; each must still exist, so that a fixed one is struck from here.
var exceptions = map[string]bool{}

func TestImportsPointDown(t *testing.T) {
	out, err := exec.Command("go", "list", "-json=ImportPath,Imports", "../../...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	dec := json.NewDecoder(strings.NewReader(string(out)))
	seen := map[string]bool{}
	for dec.More() {
		var p struct {
			ImportPath string
			Imports    []string
		}
		if err := dec.Decode(&p); err != nil {
			t.Fatal(err)
		}
		from := strings.TrimPrefix(p.ImportPath, module)
		allowed, ok := rule(from)
		if !ok {
			t.Errorf("%s is not placed in the layering: add it to layers in internal/archtest and to docs/architecture.md", from)
			continue
		}
		for _, imp := range p.Imports {
			to, ours := strings.CutPrefix(imp, module)
			if !ours || isUnder(to, from) || slices.ContainsFunc(helpers, func(h string) bool { return isUnder(to, h) }) {
				continue
			}
			arrow := from + " -> " + to
			if exceptions[arrow] {
				seen[arrow] = true
				continue
			}
			if !slices.ContainsFunc(allowed, func(a string) bool { return isUnder(to, a) }) {
				t.Errorf("%s imports %s: an arrow up or across the layering (see docs/architecture.md)", from, to)
			}
		}
	}
	for arrow := range exceptions {
		if !seen[arrow] {
			t.Errorf("exception %q no longer occurs: remove it from internal/archtest", arrow)
		}
	}
}

// rule returns the allowed imports of pkg by the longest matching prefix.
func rule(pkg string) ([]string, bool) {
	best := -1
	for i, l := range layers {
		if isUnder(pkg, l.pkg) && (best < 0 || len(l.pkg) > len(layers[best].pkg)) {
			best = i
		}
	}
	if best < 0 {
		return nil, false
	}
	return layers[best].imports, true
}

// isUnder reports whether pkg is p or below it ("pkg/" matches every pkg/
// package).
func isUnder(pkg, p string) bool {
	if strings.HasSuffix(p, "/") {
		return strings.HasPrefix(pkg, p)
	}
	return pkg == p || strings.HasPrefix(pkg, p+"/")
}

package interop

import (
	"bytes"
	"context"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ozgctl/ozgctl/pkg/batch"
	"github.com/ozgctl/ozgctl/pkg/conformance"
	"github.com/ozgctl/ozgctl/pkg/conformance/profile"
	"github.com/ozgctl/ozgctl/pkg/xoev"
)

// TestSuggestRoundTrip learns a draft from the example vendors, checks that
// it loads as a profile, and applies it to the same messages: none of its
// required or codes sharpenings may fire there.
func TestSuggestRoundTrip(t *testing.T) {
	const xsd = "../../examples/profiles/xrechnung/ubl-2.1/UBL-2.1-Invoice-CreditNote.xsd"
	sources, err := DirSources([]string{exampleVendors})
	if err != nil {
		t.Fatal(err)
	}
	res := run(t, sources, conformance.Config{XSD: xsd}, batch.Shard{})
	dir := t.TempDir()
	draft, err := Suggest(res, SuggestOptions{XSD: xsd, Dir: dir, Lang: "en"})
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "draft.yaml")
	if err := os.WriteFile(file, draft, 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := profile.Read(file)
	if err != nil {
		t.Fatalf("draft does not read as a profile: %v\n%s", err, draft)
	}
	var req, codes int
	for _, s := range p.Sharpenings {
		switch s.Kind() {
		case "required":
			req++
		case "codes":
			codes++
		}
	}
	if req == 0 || codes == 0 {
		t.Fatalf("%d required and %d codes sharpenings: nothing learned", req, codes)
	}
	for _, want := range []string{"# evidence: used in every message:", "# Differences between the groups", "PaymentMeansCode"} {
		if !strings.Contains(string(draft), want) {
			t.Errorf("draft lacks %q", want)
		}
	}
	pl, err := conformance.Build(context.Background(), conformance.Config{Profile: file})
	if err != nil {
		t.Fatalf("draft does not compile: %v", err)
	}
	inputs, _, _, _ := expand(sources)
	results := batch.Run(context.Background(), inputs, pl.Stages, batch.Options{Workers: 2})
	checked := 0
	for _, fr := range results {
		if fr.Err != nil {
			t.Errorf("%s: %v", fr.File, fr.Err)
			continue
		}
		checked++
		for _, f := range fr.Findings {
			if strings.HasPrefix(f.Rule, "SUG-") {
				t.Errorf("%s: the draft's own sharpening fires: %s %s", fr.File, f.Rule, f.Message)
			}
		}
	}
	if checked != 25 {
		t.Errorf("%d messages checked with the draft, want 25", checked)
	}
}

// TestSuggestFindsViolations applies a draft learned from two vendors to
// the third, which leaves out ProfileID: the required sharpening must
// fire there, so the round trip above is no empty success.
func TestSuggestFindsViolations(t *testing.T) {
	learn := []Source{
		{GroupSpec: GroupSpec{Name: "alpha"}, Inputs: []string{filepath.Join(exampleVendors, "alpha-software")}},
		{GroupSpec: GroupSpec{Name: "beta"}, Inputs: []string{filepath.Join(exampleVendors, "beta-erp")}},
	}
	res := run(t, learn, conformance.Config{}, batch.Shard{})
	dir := t.TempDir()
	draft, err := Suggest(res, SuggestOptions{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "draft.yaml")
	if err := os.WriteFile(file, draft, 0o644); err != nil {
		t.Fatal(err)
	}
	pl, err := conformance.Build(context.Background(), conformance.Config{Profile: file})
	if err != nil {
		t.Fatalf("draft does not compile: %v\n%s", err, draft)
	}
	gamma, _ := batch.ExpandInputs([]string{filepath.Join(exampleVendors, "gamma-cloud")}, nil)
	results := batch.Run(context.Background(), gamma, pl.Stages, batch.Options{Workers: 2})
	fired := 0
	for _, fr := range results {
		for _, f := range fr.Findings {
			if strings.HasPrefix(f.Rule, "SUG-") && strings.Contains(f.Message, "/Invoice/ProfileID") {
				fired++
			}
		}
	}
	if fired != len(gamma) {
		t.Errorf("ProfileID sharpening fired on %d of %d gamma messages", fired, len(gamma))
	}
}

// TestSuggestForbidden learns forbidden sharpenings from two vendors and
// applies the draft to the third. The paths counted by an independent
// reader (encoding/xml) decide what must happen: no learned message
// breaks a forbidden sharpening, and every one that fires on the third
// vendor names a path the third vendor uses and the two others never do.
func TestSuggestForbidden(t *testing.T) {
	const xsd = "../../examples/profiles/xrechnung/ubl-2.1/UBL-2.1-Invoice-CreditNote.xsd"
	learnDirs := []string{filepath.Join(exampleVendors, "alpha-software"), filepath.Join(exampleVendors, "beta-erp")}
	var learn []Source
	for _, d := range learnDirs {
		learn = append(learn, Source{GroupSpec: GroupSpec{Name: filepath.Base(d)}, Inputs: []string{d}})
	}
	res := run(t, learn, conformance.Config{XSD: xsd}, batch.Shard{})
	set, err := xoev.LoadSchemaSet(context.Background(), xsd, xoev.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Suggest(res, SuggestOptions{XSD: xsd, Forbidden: true}); err == nil {
		t.Fatal("forbidden without declarations: want an error")
	}
	dir := t.TempDir()
	draft, err := Suggest(res, SuggestOptions{XSD: xsd, Dir: dir, Lang: "en", Forbidden: true, Decls: set.Decls()})
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "draft.yaml")
	if err := os.WriteFile(file, draft, 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := profile.Read(file)
	if err != nil {
		t.Fatalf("draft does not read as a profile: %v", err)
	}
	forbidden := map[string]bool{} // usage path (root-relative) of every forbidden sharpening
	for _, s := range p.Sharpenings {
		if s.Kind() == "forbidden" {
			forbidden[strings.TrimPrefix(s.Context, "/*:")+"/"+strings.ReplaceAll(s.Forbidden, "*:", "")] = true
		}
	}
	if len(forbidden) == 0 {
		t.Fatal("no forbidden sharpening learned")
	}
	learned := xmlPaths(t, learnDirs...)
	for fp := range forbidden {
		if learned[fp] {
			t.Errorf("forbidden %s is used by a learned message", fp)
		}
	}
	c, err := profile.Compile(p, profile.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if errs, err := c.CheckSchema(context.Background()); err != nil || len(errs) > 0 {
		t.Fatalf("draft against its schema: %v %v", err, errs)
	}
	pl, err := conformance.Build(context.Background(), conformance.Config{Profile: file})
	if err != nil {
		t.Fatalf("draft does not compile: %v", err)
	}
	gammaDir := filepath.Join(exampleVendors, "gamma-cloud")
	gamma := xmlPaths(t, gammaDir)
	var all []batch.Input
	for _, d := range append(learnDirs, gammaDir) {
		in, err := batch.ExpandInputs([]string{d}, nil)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, in...)
	}
	fired := 0
	for _, fr := range batch.Run(context.Background(), all, pl.Stages, batch.Options{Workers: 2}) {
		for _, f := range fr.Findings {
			if !strings.HasPrefix(f.Rule, "SUG-FORB-") {
				continue
			}
			if !strings.Contains(fr.File, "gamma-cloud") {
				t.Errorf("%s: learned message breaks %s: %s", fr.File, f.Rule, f.Message)
				continue
			}
			fired++
		}
	}
	want := 0
	for fp := range forbidden {
		if gamma[fp] {
			want++
		}
	}
	if want == 0 || fired < want {
		t.Errorf("forbidden sharpenings fired %d times on gamma; %d forbidden paths are used there (want each at least once)", fired, want)
	}
}

// xmlPaths returns the element and attribute paths (local names from the
// root, "@name" for attributes, no namespace declarations) used in the
// XML files below dirs, read with encoding/xml.
func xmlPaths(t *testing.T, dirs ...string) map[string]bool {
	t.Helper()
	out := map[string]bool{}
	for _, d := range dirs {
		files, _ := filepath.Glob(filepath.Join(d, "*.xml"))
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			dec := xml.NewDecoder(bytes.NewReader(data))
			var stack []string
			for {
				tok, err := dec.Token()
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatalf("%s: %v", f, err)
				}
				switch e := tok.(type) {
				case xml.StartElement:
					stack = append(stack, e.Name.Local)
					p := strings.Join(stack, "/")
					out[p] = true
					for _, a := range e.Attr {
						if a.Name.Space != "xmlns" && a.Name.Local != "xmlns" {
							out[p+"/@"+a.Name.Local] = true
						}
					}
				case xml.EndElement:
					stack = stack[:len(stack)-1]
				}
			}
		}
	}
	return out
}

package interop

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ozgctl/ozgctl/pkg/batch"
	"github.com/ozgctl/ozgctl/pkg/conformance"
	"github.com/ozgctl/ozgctl/pkg/conformance/profile"
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
	inputs, _, _, _ := Expand(sources)
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

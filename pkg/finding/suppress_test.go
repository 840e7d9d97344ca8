package finding

import (
	"regexp"
	"testing"
)

func TestStablePath(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"empty", "", ""},
		{"positions and prefixes", "/rechnung:Invoice[1]/cac:InvoiceLine[2]/cbc:ID[1]", "Invoice/InvoiceLine/ID"},
		{"attribute with prefix", "/a[1]/b[3]/@xsi:type", "a/b/@type"},
		{"attribute without prefix", "/a[1]/@id", "a/@id"},
		{"fim ids", "S1/G2/F3", "S1/G2/F3"},
		{"position above nine", "/a[12]/b[100]", "a/b"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := StablePath(tc.in); got != tc.want {
				t.Errorf("StablePath(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestCleanFile(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"./msgs/a.xml", "msgs/a.xml"}, {"msgs//a.xml", "msgs/a.xml"}, {"-", "-"}, {"a/../b.xml", "b.xml"},
	} {
		if got := CleanFile(tc.in); got != tc.want {
			t.Errorf("CleanFile(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestKeyOfIgnoresLine(t *testing.T) {
	k := Register("finding.test.key", "x %d", "x %d")
	fr := &FileResult{File: "./a.xml"}
	a := KeyOf(fr, &Finding{Rule: "r", Msg: k.With(1), Line: 3, Path: "/p:a[1]/b[2]"})
	b := KeyOf(fr, &Finding{Rule: "r", Msg: k.With(2), Line: 40, Path: "/q:a[1]/b[7]"})
	if a != b {
		t.Errorf("keys differ: %+v vs %+v", a, b)
	}
	want := MatchKey{File: "a.xml", Rule: "r", Path: "a/b", Key: "finding.test.key"}
	if a != want {
		t.Errorf("KeyOf = %+v, want %+v", a, want)
	}
	// Text without a key is its own key; a finding about another file is keyed by it.
	c := KeyOf(fr, &Finding{Rule: "BR-1", Message: "Zahlung fehlt", File: "inc.xsd"})
	if c.Key != "Zahlung fehlt" || c.File != "inc.xsd" {
		t.Errorf("KeyOf = %+v", c)
	}
}

func TestSuppressedDoesNotCount(t *testing.T) {
	r := &Report{FailOn: Warning, Files: []FileResult{{File: "a.xml", Findings: []Finding{
		{Rule: "r", Severity: Error, Suppressed: &Suppression{Kind: SuppressedByBaseline, Reason: "b.json"}},
		{Rule: "s", Severity: Warning, Suppressed: &Suppression{Kind: SuppressedByConfig, Reason: "known"}},
	}}}, Stale: []StaleEntry{{File: "a.xml", Rule: "x", Key: "k", Count: 2}}}
	if !r.Files[0].Valid() || r.ExitCode() != 0 || r.Files[0].Max() != 0 {
		t.Fatalf("suppressed findings count: valid %v exit %d", r.Files[0].Valid(), r.ExitCode())
	}
	s := Summarize(r)
	if s.Errors != 0 || s.Warnings != 0 || s.Suppressed != 2 || s.Stale != 1 || s.Valid != 1 {
		t.Errorf("summary %+v", s)
	}
	r.Files[0].Findings[1].Suppressed = nil
	if r.ExitCode() != 1 {
		t.Error("an unsuppressed warning must fail at --fail-on warning")
	}
}

func TestDropPositions(t *testing.T) {
	re := regexp.MustCompile(`\[[0-9]+\]`)
	for _, p := range []string{"", "/a[1]/b[23]/@c", "/a[]/b[x1]/c[1", "[1][2]", "[[1]]", "/p:a[0012]", "a[1]b[", "ü[9]ß"} {
		if got, want := dropPositions(p), re.ReplaceAllString(p, ""); got != want {
			t.Errorf("dropPositions(%q) = %q, want %q", p, got, want)
		}
	}
}

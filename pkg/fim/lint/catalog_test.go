package lint

import (
	"encoding/xml"
	"os"
	"regexp"
	"strings"
	"testing"
)

type gcRow struct {
	Values []struct {
		Col  string `xml:"ColumnRef,attr"`
		Text string `xml:"SimpleValue"`
	} `xml:"Value"`
}

// readCatalogue returns code → class from the catalogue copy.
func readCatalogue(t *testing.T) map[string]Class {
	t.Helper()
	data, err := os.ReadFile("testdata/Meldungen.xml")
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Rows []gcRow `xml:"SimpleCodeList>Row"`
	}
	if err := xml.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	out := map[string]Class{}
	for _, r := range doc.Rows {
		var code, typ string
		for _, v := range r.Values {
			switch v.Col {
			case "Code":
				code = strings.TrimSpace(v.Text)
			case "Typ":
				typ = strings.TrimSpace(v.Text)
			}
		}
		out[code] = Class(typ)
	}
	return out
}

// TestRegistryMatchesCatalogue checks that every catalogue code is in the
// registry with the catalogue's class, and nothing else is.
func TestRegistryMatchesCatalogue(t *testing.T) {
	cat := readCatalogue(t)
	if len(cat) != 142 {
		t.Fatalf("catalogue has %d codes, want 142", len(cat))
	}
	if len(Rules()) != len(cat) {
		t.Errorf("registry has %d rules, catalogue %d", len(Rules()), len(cat))
	}
	for code, class := range cat {
		r := Lookup(code)
		if r == nil {
			t.Errorf("code %s (%s) missing from the registry", code, class)
			continue
		}
		if r.Class != class {
			t.Errorf("code %s: class %s, catalogue says %s", code, r.Class, class)
		}
	}
	for _, r := range Rules() {
		if _, ok := cat[r.Code]; !ok {
			t.Errorf("rule %s is not in the catalogue", r.Code)
		}
	}
}

// TestEveryRuleImplementedOrExplained checks that each active catalogue
// code has a check or a reason, and that deactivated codes have no check.
func TestEveryRuleImplementedOrExplained(t *testing.T) {
	for _, r := range Rules() {
		switch {
		case r.Class == Deaktiviert && r.Implemented():
			t.Errorf("%s is deactivated but has a check", r.Code)
		case !r.Implemented() && (r.Reason.DE == "" || r.Reason.EN == ""):
			t.Errorf("%s has neither a check nor a reason in both languages", r.Code)
		case r.Implemented() && r.Reason.DE != "":
			t.Errorf("%s has a check and a reason", r.Code)
		}
		if r.Versions == 0 {
			t.Errorf("%s applies to no version", r.Code)
		}
	}
}

var verbRE = regexp.MustCompile(`%[-+# 0-9.]*[a-zA-Z]`)

// TestTexts checks that every text exists in German and English and that
// both detail formats take the same verbs.
func TestTexts(t *testing.T) {
	cat := readCatalogue(t)
	_ = cat
	for _, r := range Rules() {
		for name, tx := range map[string]Text{"title": r.Title, "help": r.Help} {
			if tx.DE == "" || tx.EN == "" {
				t.Errorf("%s: %s missing in a language: %+v", r.Code, name, tx)
			}
		}
		for key, tx := range r.Cases {
			if tx.DE == "" || tx.EN == "" {
				t.Errorf("%s: title of case %q missing in a language: %+v", r.Code, key, tx)
			}
		}
		if (r.Note.DE == "") != (r.Note.EN == "") {
			t.Errorf("%s: note missing in a language: %+v", r.Code, r.Note)
		}
		de, en := verbRE.FindAllString(r.Detail.DE, -1), verbRE.FindAllString(r.Detail.EN, -1)
		if strings.Join(de, " ") != strings.Join(en, " ") {
			t.Errorf("%s: detail verbs differ: %q vs %q", r.Code, de, en)
		}
		if r.Severity() == 0 && r.Class != Deaktiviert {
			t.Errorf("%s: no severity for class %s", r.Code, r.Class)
		}
	}
}

// TestOwnWords checks that no title or help text repeats a catalogue
// message verbatim.
func TestOwnWords(t *testing.T) {
	data, err := os.ReadFile("testdata/Meldungen.xml")
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Rows []gcRow `xml:"SimpleCodeList>Row"`
	}
	if err := xml.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	for _, row := range doc.Rows {
		var code, text string
		for _, v := range row.Values {
			switch v.Col {
			case "Code":
				code = v.Text
			case "Meldungstext":
				text = strings.TrimSpace(v.Text)
			}
		}
		r := Lookup(code)
		if r == nil || len(text) < 20 {
			continue
		}
		if strings.Contains(r.Title.DE, text) || strings.Contains(r.Help.DE, text) {
			t.Errorf("%s copies the catalogue text", code)
		}
	}
}

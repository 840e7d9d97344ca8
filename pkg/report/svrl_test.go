package report

import (
	"bytes"
	"encoding/xml"
	"testing"

	"github.com/sebdah/goldie/v2"
)

func TestSVRL(t *testing.T) {
	f, err := Lookup("svrl")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f(&buf, sampleReport(), Options{}); err != nil {
		t.Fatal(err)
	}
	g := goldie.New(t, goldie.WithFixtureDir("testdata/golden"), goldie.WithNameSuffix(".golden"))
	g.Assert(t, "svrl", buf.Bytes())
	// Well-formed, in the SVRL namespace, one failed-assert per finding.
	var out struct {
		XMLName xml.Name
		Asserts []struct {
			ID       string `xml:"id,attr"`
			Flag     string `xml:"flag,attr"`
			Location string `xml:"location,attr"`
			Test     string `xml:"test,attr"`
			Text     string `xml:"text"`
		} `xml:"failed-assert"`
	}
	if err := xml.Unmarshal(buf.Bytes(), &out); err != nil {
		t.Fatalf("svrl is not well-formed: %v", err)
	}
	if out.XMLName.Space != nsSVRL || out.XMLName.Local != "schematron-output" {
		t.Fatalf("root = %v", out.XMLName)
	}
	if len(out.Asserts) != 5 || out.Asserts[2].Text != "Bezeichnung fehlt <&>" || out.Asserts[1].Text != `Wert "gestern" ist kein Datum` ||
		out.Asserts[0].Flag != "error" || out.Asserts[4].Test != "cac:PaymentMeans and $x < 1" {
		t.Fatalf("asserts = %+v", out.Asserts)
	}
}

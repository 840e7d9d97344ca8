package main

import (
	"encoding/json"
	"strings"
	"testing"
)

const testSchema = `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:element name="root">
    <xs:complexType>
      <xs:sequence>
        <xs:element name="v" type="xs:int"/>
      </xs:sequence>
    </xs:complexType>
  </xs:element>
</xs:schema>`

func TestFormatXMLData(t *testing.T) {
	resp := formatXMLData(`<root><v>1</v></root>`)
	if resp.Status != statusOK || resp.Error != "" {
		t.Fatalf("formatXMLData() error = %s", resp.Error)
	}
	if resp.XML != "<root>\n  <v>1</v>\n</root>" {
		t.Fatalf("formatted XML = %q", resp.XML)
	}
}

func TestValidateXMLDataValidAndInvalid(t *testing.T) {
	valid := validateXMLData("<root>\n  <v>1</v>\n</root>", testSchema)
	if valid.Status != statusValid || len(valid.Errors) != 0 || valid.Error != "" {
		t.Fatalf("valid response = %+v", valid)
	}

	invalid := validateXMLData("<root>\n  <v>x</v>\n</root>", testSchema)
	if invalid.Status != statusInvalid {
		t.Fatal("invalid document validated")
	}
	if len(invalid.Errors) != 1 {
		t.Fatalf("len(errors) = %d, want 1: %+v", len(invalid.Errors), invalid)
	}
	if invalid.Errors[0].Line != 2 {
		t.Fatalf("error line = %d, want 2", invalid.Errors[0].Line)
	}
	if invalid.Errors[0].Code != "validation.facet" {
		t.Fatalf("error code = %q, want validation.facet", invalid.Errors[0].Code)
	}
	if invalid.Errors[0].Source != "xml" {
		t.Fatalf("error source = %q, want xml", invalid.Errors[0].Source)
	}
}

func TestResponsesMarshalAsDiscriminatedStates(t *testing.T) {
	tests := []struct {
		name string
		got  any
		want string
	}{
		{name: "format success", got: formatResponse{Status: statusOK, XML: "<root/>"}, want: `{"status":"ok","xml":"\u003croot/\u003e"}`},
		{name: "format error", got: formatFailure("bad XML", 2, 3), want: `{"status":"error","error":"bad XML","line":2,"column":3}`},
		{name: "valid", got: validateResponse{Status: statusValid}, want: `{"status":"valid"}`},
		{
			name: "invalid",
			got:  validationInvalid([]errorOutput{{Message: "bad value"}}),
			want: `{"status":"invalid","errors":[{"message":"bad value"}]}`,
		},
		{name: "error", got: validationFailure("failed"), want: `{"status":"error","error":"failed"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, err := json.Marshal(tt.got)
			if err != nil {
				t.Fatalf("Marshal() error = %v", err)
			}
			if string(data) != tt.want {
				t.Fatalf("Marshal() = %s, want %s", data, tt.want)
			}
		})
	}
}

func TestInvalidResponseRequiresDiagnostics(t *testing.T) {
	resp := validationInvalid(nil)
	if resp.Status != statusError || resp.Error == "" || len(resp.Errors) != 0 {
		t.Fatalf("validationInvalid(nil) = %+v, want infrastructure error", resp)
	}
}

func TestValidateXMLDataReportsMalformedXMLBeforeSchemaErrorsWithoutDiscardingEither(t *testing.T) {
	resp := validateXMLData(`<root><v>1</root>`, `<!DOCTYPE xs:schema><xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"/>`)
	if resp.Status != statusInvalid {
		t.Fatal("validateXMLData() accepted malformed XML")
	}
	if resp.Error != "" {
		t.Fatalf("error = %q, want XML error list", resp.Error)
	}
	if len(resp.Errors) != 2 {
		t.Fatalf("len(errors) = %d, want 2: %+v", len(resp.Errors), resp)
	}
	if resp.Errors[0].Source != "xml" {
		t.Fatalf("error source = %q, want xml", resp.Errors[0].Source)
	}
	if resp.Errors[0].Code != "validation.xml" {
		t.Fatalf("error code = %q, want validation.xml", resp.Errors[0].Code)
	}
	if resp.Errors[1].Source != "xsd" || resp.Errors[1].Code != "unsupported.dtd" {
		t.Fatalf("second error = %+v, want xsd unsupported.dtd", resp.Errors[1])
	}
}

func TestValidateXMLDataReportsMalformedXMLAfterSchemaCompiles(t *testing.T) {
	resp := validateXMLData(`<root><v>1</root>`, testSchema)
	if resp.Status != statusInvalid {
		t.Fatal("validateXMLData() accepted malformed XML")
	}
	if resp.Error != "" {
		t.Fatalf("error = %q, want XML error list", resp.Error)
	}
	if len(resp.Errors) != 1 {
		t.Fatalf("len(errors) = %d, want 1: %+v", len(resp.Errors), resp)
	}
	if resp.Errors[0].Source != "xml" {
		t.Fatalf("error source = %q, want xml", resp.Errors[0].Source)
	}
	if resp.Errors[0].Code != "validation.xml" {
		t.Fatalf("error code = %q, want validation.xml", resp.Errors[0].Code)
	}
}

func TestValidateXMLDataUsesParserFailurePosition(t *testing.T) {
	for _, test := range []struct {
		name      string
		xml       string
		line, col int
	}{
		{name: "end tag", xml: "<root>\n</root x>", line: 2, col: 8},
		{name: "buffered character data", xml: "<root>\n<v>1</v>\nabcdefgh\x01</root>", line: 3, col: 9},
	} {
		t.Run(test.name, func(t *testing.T) {
			resp := validateXMLData(test.xml, testSchema)
			if resp.Status != statusInvalid || len(resp.Errors) != 1 {
				t.Fatalf("validateXMLData() = %+v, want one invalid diagnostic", resp)
			}
			got := resp.Errors[0]
			if got.Code != "validation.xml" || got.Line != test.line || got.Column != test.col {
				t.Fatalf("diagnostic = %s at %d:%d, want validation.xml at %d:%d", got.Code, got.Line, got.Column, test.line, test.col)
			}
		})
	}
}

func TestValidateXMLDataReportsMalformedXMLBeyondValidationErrorLimit(t *testing.T) {
	const schema = `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:element name="root">
    <xs:complexType>
      <xs:sequence>
        <xs:element name="v" type="xs:int" maxOccurs="unbounded"/>
      </xs:sequence>
    </xs:complexType>
  </xs:element>
</xs:schema>`

	var input strings.Builder
	input.WriteString(`<root>`)
	for range maxValidationErrors {
		input.WriteString(`<v>x</v>`)
	}
	input.WriteString(`<v>1</root>`)

	resp := validateXMLData(input.String(), schema)
	if resp.Status != statusInvalid {
		t.Fatal("validateXMLData() accepted malformed XML")
	}
	if len(resp.Errors) != 1 {
		t.Fatalf("len(errors) = %d, want 1: %+v", len(resp.Errors), resp)
	}
	if resp.Errors[0].Source != "xml" || resp.Errors[0].Code != "validation.xml" {
		t.Fatalf("error = %+v, want XML syntax error", resp.Errors[0])
	}
}

func TestValidateXMLDataAcceptsCompactXMLWithoutFormatting(t *testing.T) {
	const xml = `<root><v>1</v></root>`
	formatted := formatXMLData(xml)
	if formatted.Error != "" {
		t.Fatalf("formatXMLData() error = %s", formatted.Error)
	}
	if formatted.XML == xml {
		t.Fatalf("formatXMLData() did not change compact XML")
	}

	resp := validateXMLData(xml, testSchema)
	if resp.Status != statusValid || resp.Error != "" || len(resp.Errors) != 0 {
		t.Fatalf("validateXMLData() = %+v", resp)
	}
}

func TestValidateXMLDataRejectsOversizeXML(t *testing.T) {
	resp := validateXMLData(string(make([]byte, int(maxXMLBytes)+1)), testSchema)
	if resp.Status != statusError || resp.Error == "" {
		t.Fatal("validateXMLData() accepted oversize XML")
	}
}

func TestValidateXMLDataRejectsOversizeXSD(t *testing.T) {
	resp := validateXMLData(`<root/>`, string(make([]byte, int(maxXSDBytes)+1)))
	if resp.Status != statusError || resp.Error == "" {
		t.Fatal("validateXMLData() accepted oversize XSD")
	}
}

func TestValidateXMLDataRejectsOversizeXSDBeforeParsingXML(t *testing.T) {
	resp := validateXMLData(`<root>`, string(make([]byte, int(maxXSDBytes)+1)))
	if !strings.Contains(resp.Error, "XSD exceeds") {
		t.Fatalf("validateXMLData() = %+v, want XSD size error", resp)
	}
	if len(resp.Errors) != 0 {
		t.Fatalf("validateXMLData() errors = %+v, want size error only", resp.Errors)
	}
}

func TestValidateXMLDataReportsWhitespaceOnlySchemaAsSchemaError(t *testing.T) {
	resp := validateXMLData(`<root/>`, " \t\r\n")
	if resp.Status != statusInvalid {
		t.Fatal("validateXMLData() accepted whitespace-only schema")
	}
	if resp.Error != "" {
		t.Fatalf("error = %q, want schema error list", resp.Error)
	}
	if len(resp.Errors) == 0 {
		t.Fatalf("len(errors) = 0, want schema error: %+v", resp)
	}
	if resp.Errors[0].Source != "xsd" {
		t.Fatalf("error source = %q, want xsd", resp.Errors[0].Source)
	}
}

func TestValidateXMLDataMarksSchemaErrors(t *testing.T) {
	resp := validateXMLData(`<root/>`, `<!DOCTYPE xs:schema><xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"/>`)
	if resp.Status != statusInvalid {
		t.Fatal("validateXMLData() accepted invalid schema")
	}
	if len(resp.Errors) != 1 {
		t.Fatalf("len(errors) = %d, want 1: %+v", len(resp.Errors), resp)
	}
	if resp.Errors[0].Source != "xsd" {
		t.Fatalf("error source = %q, want xsd", resp.Errors[0].Source)
	}
	if resp.Errors[0].Code != "unsupported.dtd" {
		t.Fatalf("error code = %q, want unsupported.dtd", resp.Errors[0].Code)
	}
}

func TestValidateXMLDataUsesFormattedWhitespaceText(t *testing.T) {
	const schema = `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:element name="root">
    <xs:complexType>
      <xs:sequence>
        <xs:element name="v">
          <xs:simpleType>
            <xs:restriction base="xs:string">
              <xs:minLength value="1"/>
            </xs:restriction>
          </xs:simpleType>
        </xs:element>
      </xs:sequence>
    </xs:complexType>
  </xs:element>
</xs:schema>`

	formatted := formatXMLData(`<root><v> </v></root>`)
	if formatted.Error != "" {
		t.Fatalf("formatXMLData() error = %s", formatted.Error)
	}
	resp := validateXMLData(formatted.XML, schema)
	if resp.Status != statusValid {
		t.Fatalf("validateXMLData() = %+v, formatted XML = %q", resp, formatted.XML)
	}
}

func TestValidateXMLDataUsesCommentOnlySimpleContent(t *testing.T) {
	const schema = `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:element name="v">
    <xs:simpleType>
      <xs:restriction base="xs:string">
        <xs:length value="0"/>
      </xs:restriction>
    </xs:simpleType>
  </xs:element>
</xs:schema>`

	formatted := formatXMLData(`<v><!--c--></v>`)
	if formatted.Error != "" {
		t.Fatalf("formatXMLData() error = %s", formatted.Error)
	}
	if formatted.XML != `<v><!--c--></v>` {
		t.Fatalf("formatted XML = %q", formatted.XML)
	}
	resp := validateXMLData(formatted.XML, schema)
	if resp.Status != statusValid {
		t.Fatalf("validateXMLData() = %+v, formatted XML = %q", resp, formatted.XML)
	}
}

func TestFormatXMLDataCapsFormattedOutput(t *testing.T) {
	const depth = 1200
	var input strings.Builder
	for range depth {
		input.WriteString("<a>")
	}
	for range depth {
		input.WriteString("</a>")
	}

	resp := formatXMLData(input.String())
	if resp.Status != statusError || resp.Error == "" {
		t.Fatal("formatXMLData() accepted oversized formatted output")
	}
	if !strings.Contains(resp.Error, "XML formatted output byte limit exceeded") {
		t.Fatalf("formatXMLData() error = %q", resp.Error)
	}
}

const booksSchema = `<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema"
            targetNamespace="urn:books"
            xmlns:bks="urn:books">
  <xsd:element name="books" type="bks:BooksForm"/>
  <xsd:complexType name="BooksForm">
    <xsd:sequence>
      <xsd:element name="book" type="bks:BookForm" minOccurs="0" maxOccurs="unbounded"/>
    </xsd:sequence>
  </xsd:complexType>
  <xsd:complexType name="BookForm">
    <xsd:sequence>
      <xsd:element name="author" type="xsd:string"/>
      <xsd:element name="title" type="xsd:string"/>
      <xsd:element name="genre" type="xsd:string"/>
      <xsd:element name="price" type="xsd:float"/>
      <xsd:element name="pub_date" type="xsd:date"/>
      <xsd:element name="review" type="xsd:string"/>
    </xsd:sequence>
    <xsd:attribute name="id" type="xsd:string"/>
  </xsd:complexType>
</xsd:schema>`

func TestValidateXMLDataAcceptsUnqualifiedLocalElements(t *testing.T) {
	const xml = `<?xml version="1.0"?>
<x:books xmlns:x="urn:books">
  <book id="bk001">
    <author>Writer</author>
    <title>The First Book</title>
    <genre>Fiction</genre>
    <price>44.95</price>
    <pub_date>2000-10-01</pub_date>
    <review>An amazing story of nothing.</review>
  </book>
  <book id="bk002">
    <author>Poet</author>
    <title>The Poet's First Poem</title>
    <genre>Poem</genre>
    <price>24.95</price>
    <pub_date>2001-10-01</pub_date>
    <review>Least poetic poems.</review>
  </book>
</x:books>`

	formatted := formatXMLData(xml)
	if formatted.Error != "" {
		t.Fatalf("formatXMLData() error = %s", formatted.Error)
	}
	resp := validateXMLData(formatted.XML, booksSchema)
	if resp.Status != statusValid {
		t.Fatalf("validateXMLData() = %+v, formatted XML = %q", resp, formatted.XML)
	}
}

func TestValidateXMLDataRejectsBookMissingPubDate(t *testing.T) {
	const xml = `<?xml version="1.0"?>
<x:books xmlns:x="urn:books">
  <book id="bk002">
    <author>Poet</author>
    <title>The Poet's First Poem</title>
    <genre>Poem</genre>
    <price>24.95</price>
    <review>Least poetic poems.</review>
  </book>
</x:books>`

	formatted := formatXMLData(xml)
	if formatted.Error != "" {
		t.Fatalf("formatXMLData() error = %s", formatted.Error)
	}
	resp := validateXMLData(formatted.XML, booksSchema)
	if resp.Status != statusInvalid {
		t.Fatal("validateXMLData() accepted missing pub_date")
	}
	if len(resp.Errors) == 0 || resp.Errors[0].Code != "validation.element" {
		t.Fatalf("validateXMLData() = %+v, formatted XML = %q", resp, formatted.XML)
	}
}

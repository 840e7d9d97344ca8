package fim

import (
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"testing"
)

// TestScannerWellFormedness: malformed documents are refused with
// ErrNotXML and a position, like encoding/xml refuses them.
func TestScannerWellFormedness(t *testing.T) {
	const open = `<x:xdatenfelder.datenfeld.0104 xmlns:x="urn:xoev-de:fim:standard:xdatenfelder_2">`
	const closeTag = `</x:xdatenfelder.datenfeld.0104>`
	tests := []struct{ name, in string }{
		{"mismatched end", open + `<x:header></x:headr>` + closeTag},
		{"unclosed root", open + `<x:header></x:header>`},
		{"stray end", `</a>`},
		{"unquoted attribute", `<x:a b=1/>`},
		{"attribute without value", `<x:a b/>`},
		{"duplicate attribute", `<a b="1" b="2"/>`},
		{"lt in attribute", `<a b="<"/>`},
		{"unknown entity", open + `<x:header>&nbsp;</x:header>` + closeTag},
		{"bare ampersand", open + `<x:header>a & b</x:header>` + closeTag},
		{"bad char ref", open + `<x:header>&#0;</x:header>` + closeTag},
		{"control char", open + "<x:header>\x01</x:header>" + closeTag},
		{"invalid utf8", open + "<x:header>\xff\xfe\xfd abc</x:header>" + closeTag},
		{"bad name", `<1a/>`},
		{"space before name", `< a/>`},
		{"unterminated comment", open + `<!-- x` + closeTag},
		{"unterminated cdata", open + `<![CDATA[ x` + closeTag},
		{"unterminated pi", `<?xml version="1.0"`},
		{"two roots", open + closeTag + `<b/>`},
		{"text after root", open + closeTag + `text`},
		{"missing space between attributes", `<a b="1"c="2"/>`},
		{"bad after bang", `<!FOO>`},
		{"utf16 broken markup", "\xff\xfe<\x00a\x00/\x00"}, // UTF-16 is read (TestReadCharsets); its markup still has to be well-formed
		{"unsupported encoding", `<?xml version="1.0" encoding="EBCDIC"?><a/>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := ReadBytes([]byte(tt.in), "m.xml", ReadOptions{})
			if !errors.Is(err, ErrNotXML) {
				t.Fatalf("err = %v, want ErrNotXML", err)
			}
			var re *ReadError
			if !errors.As(err, &re) || re.Line == 0 {
				t.Errorf("no position: %v", err)
			}
			// The oracle agrees that the input is not well-formed.
			// encoding/xml is laxer than the XML spec on these.
			lax := map[string]bool{"two roots": true, "text after root": true, "duplicate attribute": true,
				"missing space between attributes": true, "bad after bang": true}
			if stdlibWellFormed(tt.in) && !lax[tt.name] {
				t.Errorf("encoding/xml accepts %q", tt.in)
			}
		})
	}
}

func stdlibWellFormed(s string) bool {
	d := xml.NewDecoder(strings.NewReader(s))
	for {
		_, err := d.Token()
		if err == io.EOF {
			return true
		}
		if err != nil {
			return false
		}
	}
}

// TestScannerAccepts: constructs that are well-formed are read.
func TestScannerAccepts(t *testing.T) {
	const open = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<!DOCTYPE x [ <!ELEMENT x ANY> ]>
<!-- comment -->
<x:xdatenfelder.datenfeld.0104 xmlns:x="urn:xoev-de:fim:standard:xdatenfelder_2" xmlns:o="urn:other">`
	in := "\xEF\xBB\xBF" + open + `<x:header><x:nachrichtID>a&amp;b&#x41;&#66;&lt;&gt;&quot;&apos;<![CDATA[<c>]]></x:nachrichtID></x:header>` +
		`<x:datenfeld><?pi data?><x:identifikation><x:id>F1</x:id></x:identifikation><x:name>N&#xD;
ä</x:name><o:ext a='single'>t</o:ext><x:feldart><code>input</code></x:feldart><x:datentyp><code>text</code></x:datentyp></x:datenfeld></x:xdatenfelder.datenfeld.0104>
`
	doc, fs, err := ReadBytes([]byte(in), "ok.xml", ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if got := doc.Header.NachrichtID; got != `a&bAB<>"'<c>` {
		t.Errorf("nachrichtID = %q", got)
	}
	if doc.Field.Name != "N\r\nä" {
		t.Errorf("name = %q", doc.Field.Name)
	}
	if len(fs) != 1 || fs[0].Rule != ruleUnknownElement || fs[0].Line != 5 {
		t.Errorf("findings %+v", fs)
	}
	if len(doc.Field.Extra) != 1 || doc.Field.Extra[0].Name != "ext" || doc.Field.Extra[0].Text != "t" {
		t.Errorf("extra %+v", doc.Field.Extra)
	}
}

package fim

import (
	"encoding/binary"
	"errors"
	"strings"
	"testing"
	"unicode/utf16"
)

// utf16Bytes encodes s as UTF-16 in the given byte order, with a byte
// order mark when bom is set.
func utf16Bytes(s string, bigEndian, bom bool) []byte {
	var order binary.ByteOrder = binary.LittleEndian
	if bigEndian {
		order = binary.BigEndian
	}
	units := utf16.Encode([]rune(s))
	if bom {
		units = append([]uint16{0xFEFF}, units...)
	}
	out := make([]byte, 2*len(units))
	for i, u := range units {
		order.PutUint16(out[2*i:], u)
	}
	return out
}

// latin1 encodes s, which must hold only Latin-1 characters, byte by byte.
func latin1(s string) []byte {
	var out []byte
	for _, r := range s {
		out = append(out, byte(r))
	}
	return out
}

// TestReadCharsets reads XDatenfelder files in the encodings real exports
// come in through the one charset path of every XML reader
// (internal/xmlcharset): UTF-16 with and without byte order mark, and
// declared single-byte encodings, with positions counted in the decoded
// characters. A Latin-1 file that declares no encoding is invalid UTF-8,
// and the reader says where, not "binary data".
func TestReadCharsets(t *testing.T) {
	// The unknown element on line 4 gives a finding whose position must
	// survive the conversion.
	body := func(decl, name string) string {
		return decl + "\n" + `<x:xdatenfelder.datenfeld.0104 xmlns:x="urn:xoev-de:fim:standard:xdatenfelder_2"><x:header><x:nachrichtID>1</x:nachrichtID></x:header>` + "\n" +
			strings.Replace(field2("F1", "\n  <x:foo>bar</x:foo>"), "<x:name>n</x:name>", "<x:name>"+name+"</x:name>", 1) +
			`</x:xdatenfelder.datenfeld.0104>`
	}
	const decl16 = `<?xml version="1.0" encoding="UTF-16"?>`
	tests := []struct {
		name, want string
		in         []byte
	}{
		{"utf-16le with bom", "Straße €", utf16Bytes(body(decl16, "Straße €"), false, true)},
		{"utf-16be with bom", "Straße €", utf16Bytes(body(decl16, "Straße €"), true, true)},
		{"utf-16le without bom", "Straße €", utf16Bytes(body(decl16, "Straße €"), false, false)},
		{"utf-16be without declaration", "Straße", utf16Bytes(body(`<?xml version="1.0"?>`, "Straße"), true, true)},
		{"iso-8859-1", "Straße", latin1(body(`<?xml version="1.0" encoding="ISO-8859-1"?>`, "Straße"))},
		{"iso-8859-1 single quotes", "Straße", latin1(body(`<?xml version='1.0' encoding='iso-8859-1'?>`, "Straße"))},
		{"windows-1252 euro sign", "Preis in €", []byte(strings.Replace(string(latin1(body(`<?xml version="1.0" encoding="windows-1252"?>`, "Preis in X"))), "X", "\x80", 1))},
		{"iso-8859-15 euro sign", "Preis in €", []byte(strings.Replace(string(latin1(body(`<?xml version="1.0" encoding="ISO-8859-15"?>`, "Preis in X"))), "X", "\xa4", 1))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, fs, err := ReadBytes(tt.in, "f.xml", ReadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			f := doc.FieldByID[Identifier{"F1", "1.0"}]
			if f == nil || f.Name != tt.want {
				t.Fatalf("field name %q, want %q", f.Name, tt.want)
			}
			var unknown int
			for _, x := range fs {
				if x.Rule == ruleUnknownElement {
					unknown++
					if x.Line != 4 || x.Column != 3 {
						t.Errorf("unknown element at %d:%d, want 4:3", x.Line, x.Column)
					}
				}
			}
			if unknown != 1 {
				t.Errorf("findings %+v, want one %s", fs, ruleUnknownElement)
			}
		})
	}
}

// TestReadUndeclaredLatin1 reads Latin-1 bytes in a file without an
// encoding declaration, early and late in the file: invalid UTF-8, said
// with its line and column.
func TestReadUndeclaredLatin1(t *testing.T) {
	long := strings.Repeat("x", 3000)
	tests := []struct {
		name, in, where string
	}{
		{"first line", `<?xml version="1.0"?><x:xdatenfelder.datenfeld.0104 xmlns:x="urn:xoev-de:fim:standard:xdatenfelder_2"><x:header><x:nachrichtID>Stra` + "\xdf" + `e</x:nachrichtID></x:header></x:xdatenfelder.datenfeld.0104>`, "line 1, column 132"},
		{"no declaration", "<x:xdatenfelder.datenfeld.0104 xmlns:x=\"urn:xoev-de:fim:standard:xdatenfelder_2\">\n<x:header><x:nachrichtID>Gr\xf6\xdfe</x:nachrichtID></x:header></x:xdatenfelder.datenfeld.0104>", "line 2, column 28"},
		{"after the first KiB", `<?xml version="1.0" encoding="UTF-8"?>` + "\n" + msg2(strings.Replace(field2("F1", "<x:beschreibung>"+long+"</x:beschreibung>"), "<x:name>n</x:name>", "\n\n<x:name>Stra\xdfe</x:name>", 1)), "line 4, column 13"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := ReadBytes([]byte(tt.in), "f.xml", ReadOptions{})
			if !errors.Is(err, ErrNotXML) {
				t.Fatalf("err = %v, want %v", err, ErrNotXML)
			}
			msg := err.Error()
			if !strings.Contains(msg, "invalid UTF-8 at "+tt.where) || strings.Contains(msg, "binary") {
				t.Errorf("error %q, want \"invalid UTF-8 at %s\" and no \"binary\"", msg, tt.where)
			}
			if !strings.Contains(msg, "ISO-8859-1") {
				t.Errorf("error %q does not say how to declare Latin-1", msg)
			}
		})
	}
	// Real binary data is still called that.
	_, _, err := ReadBytes([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "f.png", ReadOptions{})
	if err == nil || !strings.Contains(err.Error(), "binary data") {
		t.Errorf("PNG: err = %v, want binary data", err)
	}
}

package xmlcharset

import (
	"encoding/xml"
	"regexp"
	"strings"
	"testing"
)

func TestReader(t *testing.T) {
	tests := []struct {
		name, doc, want string
		wantErr         bool
	}{
		{"utf-8", `<?xml version="1.0" encoding="UTF-8"?><a>Straße</a>`, "Straße", false},
		{"latin-1", "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>Stra\xdfe</a>", "Straße", false},
		{"windows-1252", "<?xml version=\"1.0\" encoding=\"windows-1252\"?><a>\x80</a>", "€", false},
		{"unknown", `<?xml version="1.0" encoding="x-klingon"?><a/>`, "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := xml.NewDecoder(strings.NewReader(tt.doc))
			d.CharsetReader = Reader
			var v struct {
				Text string `xml:",chardata"`
			}
			err := d.Decode(&v)
			if (err != nil) != tt.wantErr || v.Text != tt.want {
				t.Fatalf("got %q, %v; want %q, error %v", v.Text, err, tt.want, tt.wantErr)
			}
		})
	}
}

func TestDecode(t *testing.T) {
	le := func(s string, bom bool) []byte {
		var out []byte
		if bom {
			out = append(out, 0xFF, 0xFE)
		}
		for _, r := range s {
			out = append(out, byte(r), byte(r>>8))
		}
		return out
	}
	be := func(s string, bom bool) []byte {
		var out []byte
		if bom {
			out = append(out, 0xFE, 0xFF)
		}
		for _, r := range s {
			out = append(out, byte(r>>8), byte(r))
		}
		return out
	}
	const doc16 = `<?xml version="1.0" encoding="UTF-16"?><a>Straße €</a>`
	const want16 = `<?xml version="1.0" encoding="UTF-8"?><a>Straße €</a>`
	tests := []struct {
		name        string
		in          []byte
		want, label string
		wantErr     bool
	}{
		{"utf-8 untouched", []byte(`<?xml version="1.0"?><a>Straße</a>`), `<?xml version="1.0"?><a>Straße</a>`, "", false},
		{"utf-8 declared", []byte(`<?xml version="1.0" encoding="utf-8"?><a/>`), `<?xml version="1.0" encoding="utf-8"?><a/>`, "", false},
		{"utf-16le bom", le(doc16, true), want16, "UTF-16LE", false},
		{"utf-16be bom", be(doc16, true), want16, "UTF-16BE", false},
		{"utf-16le no bom", le(doc16, false), want16, "UTF-16LE", false},
		{"utf-16be no bom", be(doc16, false), want16, "UTF-16BE", false},
		{"latin-1", []byte("<?xml version='1.0' encoding='ISO-8859-1'?><a>Stra\xdfe</a>"), "<?xml version='1.0' encoding='UTF-8'?><a>Straße</a>", "ISO-8859-1", false},
		{"windows-1252", []byte(`<?xml version="1.0" encoding="windows-1252"?><a>` + "\x80</a>"), `<?xml version="1.0" encoding="UTF-8"?><a>€</a>`, "windows-1252", false},
		{"iso-8859-15", []byte(`<?xml version="1.0" encoding="ISO-8859-15"?><a>` + "\xa4</a>"), `<?xml version="1.0" encoding="UTF-8"?><a>€</a>`, "ISO-8859-15", false},
		{"utf-16 declared in ascii bytes", []byte(`<?xml version="1.0" encoding="UTF-16"?><a/>`), `<?xml version="1.0" encoding="UTF-16"?><a/>`, "", false},
		{"unknown", []byte(`<?xml version="1.0" encoding="x-klingon"?><a/>`), `<?xml version="1.0" encoding="x-klingon"?><a/>`, "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, label, err := Decode(tt.in)
			if (err != nil) != tt.wantErr || string(out) != tt.want || label != tt.label {
				t.Fatalf("got %q, %q, %v; want %q, %q, error %v", out, label, err, tt.want, tt.label, tt.wantErr)
			}
		})
	}
}

// refEncodingDecl is the regular expression encodingDecl replaces.
var refEncodingDecl = regexp.MustCompile(`^(<\?xml[^>]*?encoding\s*=\s*)(["'])([A-Za-z0-9._-]+)(["'])`)

func checkEncodingDecl(t *testing.T, b []byte) {
	t.Helper()
	start, end, ok := encodingDecl(b)
	m := refEncodingDecl.FindSubmatchIndex(b)
	if ok != (m != nil) || ok && (start != m[6] || end != m[7]) {
		t.Errorf("%q: encodingDecl = %d, %d, %v; the regexp finds %v", b, start, end, ok, m)
	}
}

var encodingDeclCases = []string{
	`<?xml version="1.0" encoding="UTF-8"?><a/>`,
	`<?xml version='1.0' encoding = 'ISO-8859-1' ?>`,
	"<?xml\tencoding\r\n=\f\"windows-1252\"?>",
	`<?xmlencoding="x"?>`,
	`<?xml version="1.0"?><a encoding="latin1"/>`,
	`<?xml version="1.0" encoding="UTF-8'?>`,
	`<?xml version="1.0" encoding=""?>`,
	`<?xml version="1.0" encoding="UTF 8"?>`,
	`<?xml encoding encoding="a.b_c-9"?>`,
	`<?xml myencoding="x" encoding='y'?>`,
	`<?xml encodingencoding="z"?>`,
	`<?xml encoding="x`,
	`<?xml encoding=`,
	`<?xml encoding`,
	` <?xml encoding="x"?>`,
	`<?XML encoding="x"?>`,
	`<?xml version="1.0" encoding="utf-8"` + "\xff?>",
}

// FuzzEncodingDecl: the scanner finds what the regular expression did; go test runs it on
// the cases of encodingDeclCases.
func FuzzEncodingDecl(f *testing.F) {
	for _, tc := range encodingDeclCases {
		f.Add([]byte(tc))
	}
	f.Fuzz(func(t *testing.T, b []byte) { checkEncodingDecl(t, b) })
}

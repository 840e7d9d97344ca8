package codelist

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"
)

func TestReadFile(t *testing.T) {
	tests := []struct {
		file, uri, version, key string
		rows                    int
		code, column, want      string
	}{
		{"testdata/C00000020_genericode.xml", "urn:de:fim:codeliste:statusfrauschwangerstillend", "2020-02-06", "code", 2, "002", "name", "hat geboren / ist stillend"},
		{"testdata/Meldungen.xml", "urn:xoev-de:fim-datenfelder:codeliste:xdfm", "1.8", "Code", 142, "1002", "Typ", "FehlerKritisch"},
		{"testdata/xbau-baustoff_2.0.xml", "urn:xoev-de:xbau:codeliste:baustoff", "2.0", "code", 0, "1", "beschreibung", "Ziegel"},
		// Declared ISO-8859-1, as real XÖV library lists are.
		{"testdata/bundesland_2010-04-01-latin1.xml", "urn:de:bund:destatis:bevoelkerungsstatistik:schluessel:bundesland", "2010-04-01", "SCHLUESSEL", 16, "01", "Bezeichnung", "Schleswig-Holstein"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			t.Parallel()
			cl, err := ReadFile(tt.file)
			if err != nil {
				t.Fatal(err)
			}
			id := cl.Identification
			if id.CanonicalURI != tt.uri || id.Version != tt.version || cl.KeyColumn != tt.key {
				t.Errorf("got %q %q key %q", id.CanonicalURI, id.Version, cl.KeyColumn)
			}
			if tt.rows > 0 && len(cl.Rows) != tt.rows {
				t.Errorf("rows = %d, want %d", len(cl.Rows), tt.rows)
			}
			row, ok := cl.Lookup(tt.code)
			if !ok {
				t.Fatalf("Lookup(%q) failed; codes %v", tt.code, cl.Codes())
			}
			if got := cl.Value(row, tt.column); got != tt.want {
				t.Errorf("value = %q, want %q", got, tt.want)
			}
			if row.Line == 0 {
				t.Error("row without line")
			}
			if _, ok := cl.Lookup("no such code"); ok {
				t.Error("Lookup of unknown code succeeded")
			}
		})
	}
}

func TestMeldungenRecommendedKey(t *testing.T) {
	cl, err := ReadFile("testdata/Meldungen.xml")
	if err != nil {
		t.Fatal(err)
	}
	if len(cl.Keys) != 1 || !cl.Keys[0].Recommended {
		t.Errorf("keys = %+v", cl.Keys)
	}
}

func TestReadErrors(t *testing.T) {
	const gc = `xmlns:gc="http://docs.oasis-open.org/codelist/ns/genericode/1.0/"`
	tests := []struct {
		name, in string
		sentinel error
		msg      string
	}{
		{"empty", "", ErrInvalid, "empty"},
		{"not xml", "garbage", ErrInvalid, "end of file"},
		{"binary", "\x00\x01\x02", ErrInvalid, ""},
		{"other root", `<a/>`, ErrNotGenericode, "not a genericode"},
		{"no ident", `<gc:CodeList ` + gc + `><ColumnSet><Column Id="c"/></ColumnSet></gc:CodeList>`, ErrInvalid, "CanonicalUri"},
		{"no columns", `<gc:CodeList ` + gc + `><Identification><CanonicalUri>u</CanonicalUri></Identification></gc:CodeList>`, ErrInvalid, "no columns"},
		{"unknown column", `<gc:CodeList ` + gc + `><Identification><CanonicalUri>u</CanonicalUri></Identification><ColumnSet><Column Id="c"/></ColumnSet><SimpleCodeList><Row><Value ColumnRef="x"><SimpleValue>1</SimpleValue></Value></Row></SimpleCodeList></gc:CodeList>`, ErrInvalid, `unknown column "x"`},
		{"unclosed", `<gc:CodeList ` + gc + `><Identification>`, ErrInvalid, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read(strings.NewReader(tt.in), tt.name+".xml")
			if !errors.Is(err, tt.sentinel) {
				t.Fatalf("err = %v, want %v", err, tt.sentinel)
			}
			if !strings.Contains(err.Error(), tt.msg) || !strings.HasPrefix(err.Error(), tt.name+".xml") {
				t.Errorf("err = %q, want it to name the file and contain %q", err, tt.msg)
			}
		})
	}
}

func TestPositionalValues(t *testing.T) {
	in := `<CodeList xmlns="http://docs.oasis-open.org/codelist/ns/genericode/1.0/"><Identification><CanonicalUri>u</CanonicalUri><Version>1</Version></Identification>
<ColumnSet><Column Id="a"/><Column Id="b"/></ColumnSet>
<SimpleCodeList><Row><Value><SimpleValue>x</SimpleValue></Value><Value><SimpleValue>y</SimpleValue></Value></Row></SimpleCodeList></CodeList>`
	cl, err := Read(strings.NewReader(in), "p.xml")
	if err != nil {
		t.Fatal(err)
	}
	r, ok := cl.Lookup("x")
	if !ok || cl.Value(r, "b") != "y" || r.Line != 3 {
		t.Errorf("row %+v ok=%v", r, ok)
	}
}

func TestDirResolver(t *testing.T) {
	r := NewDirResolver("testdata", "testdata/does-not-exist")
	ctx := context.Background()
	tests := []struct {
		uri, version string
		ok           bool
	}{
		{"urn:de:fim:codeliste:statusfrauschwangerstillend", "2020-02-06", true},
		{"urn:de:fim:codeliste:statusfrauschwangerstillend", "", true},
		{"urn:de:fim:codeliste:statusfrauschwangerstillend_2020-02-06", "", true},
		{"urn:de:fim:codeliste:statusfrauschwangerstillend_2020-02-06" + XRepositorySuffix, "", true},
		{"urn:xoev-de:xbau:codeliste:baustoff", "2.0", true},
		{"urn:de:bund:destatis:bevoelkerungsstatistik:schluessel:bundesland", "2010-04-01", true},
		{"urn:de:fim:codeliste:statusfrauschwangerstillend", "1999-01-01", false},
		{"urn:nope", "", false},
	}
	for _, tt := range tests {
		cl, err := r.Resolve(ctx, tt.uri, tt.version)
		if tt.ok != (err == nil) {
			t.Errorf("Resolve(%q, %q) = %v", tt.uri, tt.version, err)
			continue
		}
		if !tt.ok {
			var nf *NotFoundError
			if !errors.As(err, &nf) || !errors.Is(err, ErrNotFound) || !strings.Contains(err.Error(), "testdata") {
				t.Errorf("error %v is not a NotFoundError naming the directory", err)
			}
			continue
		}
		if cl == nil {
			t.Errorf("nil code list for %q", tt.uri)
		}
	}
	if len(r.Problems()) != 1 {
		t.Errorf("problems = %v, want the missing directory", r.Problems())
	}
	if len(r.All()) != 4 {
		t.Errorf("All() = %d lists", len(r.All()))
	}
}

func TestCompareVersions(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		less bool
	}{{"1.9", "1.10", true}, {"2020-02-06", "2021-01-01", true}, {"2", "10", true}, {"1.0", "1.0.1", true}} {
		if got := compareVersions(tt.a, tt.b) < 0; got != tt.less {
			t.Errorf("compareVersions(%q, %q) < 0 = %v", tt.a, tt.b, got)
		}
	}
}

// TestReadUTF16 reads a code list saved as UTF-16 (with a byte order
// mark, as Windows tools write it), directly and through a directory: the
// charset path of every XML reader, so the directory scan recognises it.
func TestReadUTF16(t *testing.T) {
	src, err := os.ReadFile("../../examples/xoev/codelists/staat_2024-01.xml")
	if err != nil {
		t.Fatal(err)
	}
	doc := strings.Replace(string(src), `encoding="UTF-8"`, `encoding="UTF-16"`, 1)
	units := utf16.Encode([]rune(doc))
	data := []byte{0xFF, 0xFE}
	for _, u := range units {
		data = append(data, byte(u), byte(u>>8))
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "staat-utf16.xml"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	cl, err := ReadFile(filepath.Join(dir, "staat-utf16.xml"))
	if err != nil {
		t.Fatal(err)
	}
	want, err := ReadFile("../../examples/xoev/codelists/staat_2024-01.xml")
	if err != nil {
		t.Fatal(err)
	}
	if got, w := strings.Join(cl.Codes(), ","), strings.Join(want.Codes(), ","); got != w || cl.Identification != want.Identification {
		t.Fatalf("UTF-16 list: %v %q, want %v %q", cl.Identification, got, want.Identification, w)
	}
	r := NewDirResolver(dir)
	if _, err := r.Resolve(context.Background(), want.Identification.CanonicalURI, want.Identification.Version); err != nil {
		t.Fatalf("directory with a UTF-16 list: %v", err)
	}
}

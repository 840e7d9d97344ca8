package codelist

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// FuzzReadGenericode checks that the reader never panics and that every
// error is a *ReadError with a position (only an empty input has none).
func FuzzReadGenericode(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.xml")
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		if len(data) > 16<<10 {
			data = data[:16<<10]
		}
		f.Add(data)
	}
	f.Add([]byte(`<CodeList xmlns="http://docs.oasis-open.org/codelist/ns/genericode/1.0/"><Identification><CanonicalUri>u</CanonicalUri></Identification><ColumnSet><Column Id="a"/><Key><ColumnRef Ref="a"/></Key></ColumnSet><SimpleCodeList><Row><Value><SimpleValue>1</SimpleValue></Value></Row></SimpleCodeList></CodeList>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		cl, err := Read(bytes.NewReader(data), "fuzz.xml")
		if err != nil {
			var re *ReadError
			if !errors.As(err, &re) {
				t.Fatalf("error %T is not a *ReadError: %v", err, err)
			}
			if re.Line <= 0 && len(bytes.TrimSpace(data)) > 0 {
				t.Fatalf("error without position: %v", err)
			}
			return
		}
		for _, c := range cl.Codes() {
			if _, ok := cl.Lookup(c); !ok {
				t.Fatalf("Lookup(%q) of a listed code failed", c)
			}
		}
		if cl.ColumnIndex(cl.KeyColumn) < 0 {
			t.Fatalf("key column %q is not a column", cl.KeyColumn)
		}
	})
}

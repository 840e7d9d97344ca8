package fim

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// FuzzReadXDF checks that the reader never panics, that every error is a
// *ReadError with a position (only an empty input has none), that findings
// have a position and a valid severity, and that the model can be walked
// and written as JSON without looping (no cycles).
func FuzzReadXDF(f *testing.F) {
	for _, dir := range []string{"xdf2", "xdf3", "xdf1", "bad", "synthetic"} {
		files, _ := filepath.Glob(filepath.Join("testdata", dir, "*.xml"))
		for _, file := range files {
			data, err := os.ReadFile(file)
			if err != nil {
				f.Fatal(err)
			}
			if len(data) > 64<<10 {
				continue // keep the mutator on small inputs
			}
			f.Add(data)
		}
	}
	f.Add([]byte(""))
	f.Add([]byte(`<?xml version="1.0" encoding="ISO-8859-1"?><x:xdatenfelder.datenfeld.0104 xmlns:x="urn:xoev-de:fim:standard:xdatenfelder_2"/>`))
	f.Add([]byte(schema2(`<x:struktur><x:anzahl>1:1</x:anzahl><x:enthaelt>` + group2("G1", `<x:struktur><x:anzahl>0:*</x:anzahl><x:enthaelt>`+group2("G1", "")+`</x:enthaelt></x:struktur>`) + `</x:enthaelt></x:struktur>`)))
	f.Add([]byte(msg2(field2("F1", `<x:praezisierung>{"pattern":"\\\\d+","minLength":"a"}</x:praezisierung><x:gueltigAb>2020-28-09</x:gueltigAb>`))))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, fs, err := ReadBytes(data, "fuzz.xml", ReadOptions{})
		if err != nil {
			var re *ReadError
			if !errors.As(err, &re) {
				t.Fatalf("error %T is not a *ReadError: %v", err, err)
			}
			if re.Line <= 0 && !errors.Is(err, ErrEmpty) {
				t.Fatalf("error without position: %v", err)
			}
			if doc != nil {
				t.Fatal("document returned with an error")
			}
			return
		}
		for _, x := range fs {
			if x.Line <= 0 || x.Column <= 0 || !x.Severity.Valid() || x.Text("de") == "" || x.Rule == "" {
				t.Fatalf("bad finding %+v", x)
			}
		}
		visits := 0
		doc.Walk(func(path []int, ref *ElementRef) bool {
			visits++
			if ref.Group == nil && ref.Field == nil {
				t.Fatalf("place %v without element", path)
			}
			return visits < 100000 && len(path) < 1000
		})
		if _, err := json.Marshal(doc); err != nil {
			t.Fatalf("marshal: %v", err)
		}
	})
}

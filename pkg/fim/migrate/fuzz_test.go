package migrate

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/ozgctl/ozgctl/pkg/fim"
)

// FuzzMigrate reads mutated XDatenfelder files, migrates them to the other
// version and checks that the migration never panics, that every note is
// well-formed, and that the written output reads back to the migrated
// model.
func FuzzMigrate(f *testing.F) {
	for _, dir := range []string{"xdf2", "xdf3", "synthetic"} {
		files, _ := filepath.Glob(filepath.Join("..", "testdata", dir, "*.xml"))
		for _, file := range files {
			data, err := os.ReadFile(file)
			if err != nil {
				f.Fatal(err)
			}
			if len(data) <= 16<<10 {
				f.Add(data)
			}
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, _, err := fim.ReadBytes(data, "fuzz.xml", fim.ReadOptions{})
		if err != nil {
			return
		}
		places := 0
		doc.Walk(func([]int, *fim.ElementRef) bool { places++; return places < 5000 })
		if places >= 5000 {
			return
		}
		to := fim.XDF3
		if doc.SourceVersion == fim.XDF3 {
			to = fim.XDF2
		}
		res, err := Migrate(context.Background(), doc, Options{To: to})
		if err != nil {
			return // a code list message has no 3.0.0 form
		}
		for _, n := range res.Notes {
			if !n.Severity.Valid() || n.Key == "" || n.Message("en") == n.Key {
				t.Fatalf("bad note %+v", n)
			}
		}
		out, err := fim.Marshal(res.Doc, fim.WriteOptions{Version: to})
		if err != nil {
			return // text XML cannot hold, reported by the writer
		}
		back, _, err := fim.ReadBytes(out, "migrated.xml", fim.ReadOptions{})
		if err != nil {
			t.Fatalf("read back: %v\n%s", err, out)
		}
		a, _ := fim.CanonicalJSON(res.Doc)
		b, _ := fim.CanonicalJSON(back)
		if !bytes.Equal(a, b) {
			t.Fatalf("written model differs:\n%s", diffLines(a, b))
		}
	})
}

package fim

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sebdah/goldie/v2"

	"github.com/ozgctl/ozgctl/internal/testcorpus"
)

// roundTrip writes doc in version v (unknown elements kept) and reads it
// back; it fails the test unless the canonical models are equal.
func roundTrip(t *testing.T, doc *Document, v SourceVersion) []byte {
	t.Helper()
	out, err := Marshal(doc, WriteOptions{Version: v, KeepUnmapped: true})
	if err != nil {
		t.Fatalf("write: %v", err)
	}
	back, _, err := ReadBytes(out, "roundtrip.xml", ReadOptions{})
	if err != nil {
		t.Fatalf("read back: %v\n%s", err, out)
	}
	// The source version is part of the model; compare as if read from v.
	want := *doc
	want.SourceVersion, want.Namespace = back.SourceVersion, back.Namespace
	a, err := CanonicalJSON(&want)
	if err != nil {
		t.Fatal(err)
	}
	b, err := CanonicalJSON(back)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Fatalf("model changed by write %s → read:\n%s", v, lineDiff(string(a), string(b)))
	}
	return out
}

// lineDiff shows the first lines where a and b differ.
func lineDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) && i < len(bl); i++ {
		if al[i] != bl[i] {
			lo := max(0, i-3)
			return "before:\n" + strings.Join(al[lo:min(len(al), i+4)], "\n") + "\nafter:\n" + strings.Join(bl[lo:min(len(bl), i+4)], "\n")
		}
	}
	return "lengths differ"
}

// TestWriteRoundTrip writes every test file in its own version and reads
// it back: the model must not change, and writing twice gives the same
// bytes.
func TestWriteRoundTrip(t *testing.T) {
	var files []string
	for _, dir := range []string{"xdf2", "xdf3", "synthetic"} {
		m, _ := filepath.Glob(filepath.Join("testdata", dir, "*.xml"))
		files = append(files, m...)
	}
	if len(files) < 10 {
		t.Fatalf("only %d test files", len(files))
	}
	for _, file := range files {
		t.Run(file, func(t *testing.T) {
			t.Parallel()
			doc, _, err := ReadFile(file, ReadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			out := roundTrip(t, doc, doc.SourceVersion)
			again, err := Marshal(doc, WriteOptions{Version: doc.SourceVersion, KeepUnmapped: true})
			if err != nil || !bytes.Equal(out, again) {
				t.Fatalf("second write differs (err %v)", err)
			}
		})
	}
}

// TestWriteCorpus round-trips every readable XDatenfelder file of the
// shared corpus in its own version.
func TestWriteCorpus(t *testing.T) {
	root := testcorpus.Dir()
	if root == "" {
		t.Skip("shared/corpus not found; TestWriteRoundTrip covers the testdata copies")
	}
	n := 0
	for _, dir := range []string{"xdf2", "xdf3", "xdf-variants", "xoev/xdatenfelder"} {
		err := filepath.WalkDir(filepath.Join(root, dir), func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".xml") {
				return err
			}
			doc, _, rerr := ReadFile(path, ReadOptions{})
			if rerr != nil {
				return nil // the negative fixtures; TestCorpus checks them
			}
			n++
			rel, _ := filepath.Rel(root, path)
			t.Run(rel, func(t *testing.T) {
				t.Parallel()
				roundTrip(t, doc, doc.SourceVersion)
			})
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if n < 20 {
		t.Errorf("only %d corpus files round-tripped", n)
	}
}

// TestWriteErrors covers what a version cannot hold and bad text.
func TestWriteErrors(t *testing.T) {
	doc, _, err := ReadFile(filepath.Join("testdata", "xdf3", "G60000000088-simple.xml"), ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		change func(d *Document)
		ver    SourceVersion
		want   string
	}{
		{name: "unknown version", change: func(*Document) {}, ver: "1.0", want: "unknown version"},
		{name: "two bezug in 2.0", change: func(d *Document) {
			d.Group.Bezug = []Bezug{{Text: "a"}, {Text: "b"}}
		}, ver: XDF2, want: "one bezug"},
		{name: "control character", change: func(d *Document) { d.Group.Name = "a\x01b" }, ver: XDF3, want: "U+0001"},
		{name: "invalid UTF-8", change: func(d *Document) { d.Group.Name = "a\xffb" }, ver: XDF3, want: "UTF-8"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, _, _ := ReadFile(filepath.Join("testdata", "xdf3", "G60000000088-simple.xml"), ReadOptions{})
			tc.change(d)
			_, err := Marshal(d, WriteOptions{Version: tc.ver})
			var we *WriteError
			if !errors.As(err, &we) || !errors.Is(err, ErrWrite) || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want a WriteError with %q", err, tc.want)
			}
		})
	}
	_ = doc
}

// TestWriteGolden pins the layout of both versions on two real files.
func TestWriteGolden(t *testing.T) {
	g := goldie.New(t, goldie.WithFixtureDir("testdata/golden/write"), goldie.WithNameSuffix(".xml"))
	for _, tc := range []struct{ file, golden string }{
		{"testdata/xdf3/xdf3.xml", "xdf3"},
		{"testdata/xdf2/select.xml", "select-xdf2"},
	} {
		doc, _, err := ReadFile(tc.file, ReadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		got, err := Marshal(doc, WriteOptions{Version: doc.SourceVersion})
		if err != nil {
			t.Fatal(err)
		}
		g.Assert(t, tc.golden, got)
	}
}

// FuzzWriteRoundTrip builds models with the reader (from the seed files
// and their mutations), puts a fuzzed text into the root's name and
// description, writes the model in both versions and reads it back: the
// model must not change, or the writer must refuse with a *WriteError.
func FuzzWriteRoundTrip(f *testing.F) {
	for _, dir := range []string{"xdf2", "xdf3", "synthetic"} {
		files, _ := filepath.Glob(filepath.Join("testdata", dir, "*.xml"))
		for _, file := range files {
			data, err := os.ReadFile(file)
			if err != nil {
				f.Fatal(err)
			}
			if len(data) > 16<<10 {
				continue
			}
			f.Add(data, "Name & <Wert>\r\nzweite Zeile")
		}
	}
	f.Fuzz(func(t *testing.T, data []byte, text string) {
		doc, _, err := ReadBytes(data, "fuzz.xml", ReadOptions{})
		if err != nil {
			return
		}
		// The writer writes a reused group at every place: keep the
		// expansion small.
		places := 0
		doc.Walk(func([]int, *ElementRef) bool { places++; return places < 5000 })
		if places >= 5000 {
			return
		}
		if c := doc.Root(); c != nil {
			// The reader stores texts trimmed.
			c.Name = strings.TrimSpace(text)
			c.Beschreibung = strings.TrimSpace(text)
		}
		for _, v := range []SourceVersion{XDF3, XDF2} {
			if v == XDF2 {
				// 2.0 holds a praezisierung as JSON text, which is read
				// back into Raw.
				for _, fd := range doc.Fields {
					if fd.Praezisierung.Raw == "" {
						fd.Praezisierung.Raw = PraezisierungJSON(fd.Praezisierung)
					}
				}
			}
			out, err := Marshal(doc, WriteOptions{Version: v, KeepUnmapped: true})
			if err != nil {
				var we *WriteError
				if !errors.As(err, &we) {
					t.Fatalf("write %s: error %T is not a *WriteError: %v", v, err, err)
				}
				continue
			}
			back, _, err := ReadBytes(out, "roundtrip.xml", ReadOptions{})
			if err != nil {
				t.Fatalf("write %s, read back: %v\n%s", v, err, out)
			}
			want := *doc
			want.SourceVersion, want.Namespace = back.SourceVersion, back.Namespace
			a, _ := CanonicalJSON(&want)
			b, _ := CanonicalJSON(back)
			if !bytes.Equal(a, b) {
				t.Fatalf("model changed by write %s → read:\n%s", v, lineDiff(string(a), string(b)))
			}
		}
	})
}

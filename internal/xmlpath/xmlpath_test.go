package xmlpath

import (
	"context"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/lestrrat-go/helium"
)

// trackerPaths returns the path of every element of doc, in document
// order, as the Tracker names them fed by RawToken.
func trackerPaths(t *testing.T, doc string) []string {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(doc))
	var tr Tracker
	var out []string
	for {
		tok, err := dec.RawToken()
		if errors.Is(err, io.EOF) {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			tr.Start(tok)
			out = append(out, tr.Path(tr.Depth()))
		case xml.EndElement:
			tr.End()
		}
	}
}

// locationPaths returns [Location] of every element of doc, in document order.
func locationPaths(t *testing.T, doc string) []string {
	t.Helper()
	d, err := helium.NewParser().Parse(context.Background(), []byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	var walk func(n helium.Node)
	walk = func(n helium.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			if c.Type() == helium.ElementNode {
				out = append(out, Location(c))
				walk(c)
			}
		}
	}
	walk(d)
	return out
}

func TestTracker(t *testing.T) {
	tests := []struct {
		name string
		doc  string
		want []string
	}{
		{"no namespace", `<a><b/><c/><b><d/></b></a>`,
			[]string{"/a[1]", "/a[1]/b[1]", "/a[1]/c[1]", "/a[1]/b[2]", "/a[1]/b[2]/d[1]"}},
		{"prefixes as written", `<p:a xmlns:p="urn:p"><p:b/><q:b xmlns:q="urn:q"/><p:b/></p:a>`,
			[]string{"/p:a[1]", "/p:a[1]/p:b[1]", "/p:a[1]/q:b[1]", "/p:a[1]/p:b[2]"}},
		{"default namespace and unqualified children", `<a xmlns="urn:a"><b/><x:c xmlns:x="urn:x"><d xmlns=""/></x:c></a>`,
			[]string{"/a[1]", "/a[1]/b[1]", "/a[1]/x:c[1]", "/a[1]/x:c[1]/d[1]"}},
		{"positions count the expanded name", `<r xmlns:p="urn:1" xmlns:q="urn:1"><p:e/><q:e/><e/></r>`,
			[]string{"/r[1]", "/r[1]/p:e[1]", "/r[1]/q:e[2]", "/r[1]/e[1]"}},
		{"a prefix rebound below", `<p:a xmlns:p="urn:1"><p:b xmlns:p="urn:2"><p:c/></p:b><p:b/></p:a>`,
			[]string{"/p:a[1]", "/p:a[1]/p:b[1]", "/p:a[1]/p:b[1]/p:c[1]", "/p:a[1]/p:b[1]"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if want := locationPaths(t, tt.doc); !slices.Equal(want, tt.want) {
				t.Fatalf("Location gives %q, the table %q", want, tt.want)
			}
			if got := trackerPaths(t, tt.doc); !slices.Equal(got, tt.want) {
				t.Errorf("tracker\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

// TestTrackerMatchesLocation keeps the streaming and the tree form equal
// on real messages, so XSD, code list and Schematron findings on the same
// element carry the same path.
func TestTrackerMatchesLocation(t *testing.T) {
	files, _ := filepath.Glob("../../examples/xoev/messages/*.xml")
	more, _ := filepath.Glob("../../examples/profiles/tests/*/*/*.xml")
	files = append(files, more...)
	more, _ = filepath.Glob("../../pkg/conformance/profile/testdata/corpus/xoev/xrechnung/testsuite/business-cases/standard/*.xml")
	files = append(files, more...)
	n := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		n++
		want := locationPaths(t, string(data))
		if got := trackerPaths(t, string(data)); !slices.Equal(got, want) {
			t.Errorf("%s:\ntracker  %q\nlocation %q", f, got, want)
		}
	}
	t.Logf("%d messages compared", n)
	if n < 3 {
		t.Fatalf("only %d example messages found", n)
	}
}

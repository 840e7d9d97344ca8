package xoev

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/ozgctl/ozgctl/pkg/finding"
)

// tagEvents lists the element tags of doc as the tag scanner sees them,
// each with the text before it, all its attributes and their values.
func tagEvents(t *testing.T, doc string) []string {
	t.Helper()
	var out []string
	sc := newTagScanner(bufio.NewReader(strings.NewReader(doc)))
	sc.allAttrs, sc.keepText = true, true
	err := sc.scan(func(tag elemTag) bool {
		text := fmt.Sprintf("%q ", tag.text)
		if tag.end {
			out = append(out, text+"end")
		} else {
			out = append(out, fmt.Sprintf("%s%d:%d %s %v", text, tag.line, tag.col, rawQName(tag.start.Name), tag.start.Attr))
		}
		return true
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// xmlEvents lists them as encoding/xml's RawToken does.
func xmlEvents(t *testing.T, doc string) []string {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(doc))
	var out []string
	var text []byte
	for {
		line, col := dec.InputPos()
		tok, err := dec.RawToken()
		if errors.Is(err, io.EOF) {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		switch tok := tok.(type) {
		case xml.CharData:
			text = append(text, tok...)
		case xml.StartElement:
			out = append(out, fmt.Sprintf("%q %d:%d %s %v", text, line, col, rawQName(tok.Name), tok.Attr))
			text = text[:0]
		case xml.EndElement:
			out = append(out, fmt.Sprintf("%q end", text))
			text = text[:0]
		}
	}
}

func rawQName(n xml.Name) string {
	if n.Space == "" {
		return n.Local
	}
	return n.Space + ":" + n.Local
}

func TestScanTags(t *testing.T) {
	tests := map[string]string{
		"nesting and empty elements":         `<a><b/><c></c><b x="1"/></a>`,
		"markup in comments, PIs and CDATA":  "<?xml version=\"1.0\"?>\n<!-- <x> -->\n<a><?pi <b>?><![CDATA[<c></c>]]><!--\n>--><d/></a>",
		"'>' and quotes in attribute values": `<a t='x>"y' u="a>b'c"><b/></a>`,
		"escaped text and values":            `<a v="&lt;&amp;&#x41;">x &amp; y&#228;<![CDATA[<&amp;>]]>z</a>`,
		"tags over several lines":            "<a\n  xmlns:p=\"urn:p\"\n  p:x=\"1\"\n><p:b\n/></a>",
		"non-ASCII text counts bytes":        "<a>Straße <b/>ä<c/></a>",
		"default namespace":                  `<a xmlns="urn:a"><b xmlns=""/></a>`,
	}
	for name, doc := range tests {
		t.Run(name, func(t *testing.T) {
			if got, want := tagEvents(t, doc), xmlEvents(t, doc); !slices.Equal(got, want) {
				t.Errorf("scanTags\n got %q\nwant %q", got, want)
			}
		})
	}
	files, _ := filepath.Glob(filepath.Join(exampleDir, "messages/*.xml"))
	more, _ := filepath.Glob("../conformance/profile/testdata/corpus/xoev/xrechnung/testsuite/business-cases/standard/*.xml")
	for _, f := range append(files, more...) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := tagEvents(t, string(data)), xmlEvents(t, string(data)); !slices.Equal(got, want) {
			t.Errorf("%s: scanTags and encoding/xml differ", f)
		}
	}
}

// BenchmarkAnnotate measures the second read that places an XSD
// finding at the end of a large message.
func BenchmarkAnnotate(b *testing.B) {
	data, err := os.ReadFile(filepath.Join(exampleDir, "messages/antrag-gueltig.xml"))
	if err != nil {
		b.Fatal(err)
	}
	doc := string(data)
	i := strings.Index(doc, "<demo:antragsteller>")
	j := strings.Index(doc, "</demo:antragsteller>") + len("</demo:antragsteller>")
	big := doc[:i] + strings.Repeat(doc[i:j], 2000) + doc[j:]
	lines := strings.Count(big, "\n")
	b.SetBytes(int64(len(big)))
	for b.Loop() {
		fs := []finding.Finding{{Source: "xsd", Line: lines, Column: 3, Path: "/demo.antrag.0101"}}
		annotate(strings.NewReader(big), fs)
	}
}

func TestScanTagsCharacterColumns(t *testing.T) {
	var got []string
	err := scanTags(bufio.NewReader(strings.NewReader("<a>Straße <b/>\nä€<c/></a>")), func(tag elemTag) bool {
		got = append(got, fmt.Sprintf("%d:%d/%d", tag.line, tag.col, tag.charCol))
		return true
	})
	if err != nil {
		t.Fatal(err)
	}
	// bytes/characters of each tag's '<'
	want := []string{"1:1/1", "1:12/11", "1:12/11", "2:6/3", "2:6/3", "2:10/7"}
	if !slices.Equal(got, want) {
		t.Errorf("positions %q, want %q", got, want)
	}
}

// TestTagScannerReset: a scanner reset for another message (as annotate
// reuses one) reports what a new one does, whatever it read before.
func TestTagScannerReset(t *testing.T) {
	docs := []string{
		"<p:a xmlns:p='urn:p'>text<b x='1'/><![CDATA[c]]></p:a>",
		"<a>\n  <b>Straße</b><c xmlns='urn:c'><d/></c></a>",
		"<a",
	}
	tags := func(sc *tagScanner) []string {
		var out []string
		_ = sc.scan(func(tag elemTag) bool {
			sc.keepText = true
			out = append(out, fmt.Sprintf("%+v", tag))
			return true
		})
		return out
	}
	reused := newTagScanner(nil)
	for range 2 {
		for _, d := range docs {
			want := tags(newTagScanner(bufio.NewReader(strings.NewReader(d))))
			reused.reset(bufio.NewReader(strings.NewReader(d)))
			if got := tags(reused); !slices.Equal(got, want) {
				t.Errorf("%q: reset scanner reports\n%q\nwant\n%q", d, got, want)
			}
		}
	}
}

// TestSuffix checks the end-marker buffer of skip and readCDATA against
// keeping every byte read.
func TestSuffix(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		end := []string{"?>", "-->", "]]>"}[rng.IntN(3)]
		var all []byte
		var tail suffix
		for range 1 + rng.IntN(6) {
			chunk := make([]byte, rng.IntN(5))
			for i := range chunk {
				chunk[i] = "]->?-a"[rng.IntN(6)]
			}
			all = append(all, chunk...)
			tail.add(chunk, len(end))
			if got, want := tail.is(end), bytes.HasSuffix(all, []byte(end)); got != want {
				t.Fatalf("%q after %q: %v, want %v", end, all, got, want)
			}
		}
	}
}

func TestRuneCountIsUTF8RuneCount(t *testing.T) {
	for _, s := range []string{"", "a", "abcdefgh", "abcdefghi", "Βικτώρια", "abcdefgΒικτώρια xyz", "\xff\xfe abc", "abcdefg\xe2\x82", "ab\xe2\x82\xacdefghijklmnop\xf0\x9f\x98"} {
		if got, want := runeCount([]byte(s)), utf8.RuneCount([]byte(s)); got != want {
			t.Errorf("runeCount(%q) = %d, want %d", s, got, want)
		}
	}
}

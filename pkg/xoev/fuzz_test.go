package xoev

import (
	"bufio"
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

	"github.com/ozgctl/ozgctl/pkg/codelist"
	"github.com/ozgctl/ozgctl/pkg/finding"
)

// FuzzApplyDoctype: no panic; an error is a DoctypeError with a line.
func FuzzApplyDoctype(f *testing.F) {
	f.Add([]byte(dsigLike))
	f.Add([]byte(`<!DOCTYPE a [<!ATTLIST a b CDATA "c" d CDATA #FIXED 'e'>]><a x="&amp;"/>`))
	f.Add([]byte(`<?xml version="1.0"?><!-- c --><a/>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		_, _, err := applyDoctype("f.xsd", data)
		var de *DoctypeError
		if err != nil && (!errors.As(err, &de) || de.Line < 1) {
			t.Fatalf("error without position: %v", err)
		}
	})
}

// FuzzIdentify: no panic on any input.
func FuzzIdentify(f *testing.F) {
	if b, err := os.ReadFile(filepath.Join(exampleDir, "messages/antrag-gueltig.xml")); err == nil {
		f.Add(b)
	}
	f.Add([]byte(`<x:n xmlns:x="http://www.xjustiz.de"><x:nachrichtenkopf xjustizVersion="3.5.1"/></x:n>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		_, _ = identify(strings.NewReader(string(data)))
	})
}

// FuzzValidate: messages never panic the validator or the code check and
// problems are findings, not errors.
func FuzzValidate(f *testing.F) {
	if b, err := os.ReadFile(filepath.Join(exampleDir, "messages/antrag-gueltig.xml")); err == nil {
		f.Add(b)
	}
	f.Add([]byte("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>\xe4</a>"))
	set, err := LoadSchemaSet(context.Background(), filepath.Join(exampleDir, "xsd/demo.xsd"), LoadOptions{Catalogs: []string{filepath.Join(exampleDir, "catalog.xml")}})
	if err != nil {
		f.Fatal(err)
	}
	res := codelist.NewDirResolver(filepath.Join(exampleDir, "codelists"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if _, err := set.Validate(context.Background(), "f.xml", strings.NewReader(string(data))); err != nil {
			t.Fatalf("validate error (should be a finding): %v", err)
		}
		if _, err := checkCodes(context.Background(), set, strings.NewReader(string(data)), CodeCheckOptions{Resolver: res}); err != nil {
			t.Fatalf("code check error: %v", err)
		}
	})
}

// FuzzScanTags checks the tag scanner against encoding/xml on every input
// encoding/xml reads without error (scanTags only sees well-formed messages).
func FuzzScanTags(f *testing.F) {
	for _, s := range []string{`<a><b/></a>`, "<?xml version=\"1.0\"?>\n<!-- c --><a x='>'><![CDATA[<b>]]></a>", `<p:a xmlns:p="urn:p"><p:b/></p:a>`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, doc string) {
		// Any input: no panic, whatever the scanner is asked to keep (the
		// code list check may read a message the XSD stage did not).
		sc := newTagScanner(bufio.NewReader(strings.NewReader(doc)))
		sc.allAttrs = true
		_ = sc.scan(func(tag elemTag) bool { sc.keepText = !sc.keepText; return true })
		// Only well-formed documents reach scanTags: helium (libxml2's
		// rules) decides, encoding/xml is too lenient for that.
		if _, err := helium.NewParser().Parse(context.Background(), []byte(doc)); err != nil {
			return
		}
		dec := xml.NewDecoder(strings.NewReader(doc))
		dec.Strict = true
		for {
			_, err := dec.RawToken()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				return
			}
		}
		// encoding/xml takes any <!...> directive; a message has none but
		// comments and CDATA sections (a DOCTYPE is refused before).
		for rest := doc; ; {
			i := strings.Index(rest, "<!")
			if i < 0 {
				break
			}
			rest = rest[i+2:]
			if !strings.HasPrefix(rest, "--") && !strings.HasPrefix(rest, "[CDATA[") {
				return
			}
		}
		if got, want := tagEvents(t, doc), xmlEvents(t, doc); !slices.Equal(got, want) {
			t.Errorf("scanTags\n got %q\nwant %q", got, want)
		}
	})
}

// FuzzAnnotate: whatever the message and wherever an engine placed a
// finding, the second read neither panics nor loses the finding.
func FuzzAnnotate(f *testing.F) {
	f.Add("<a>\n<b>x</b></a>", 2, 5, "/a/b", "invalid simple content: pattern facet failed")
	f.Add("<p:a xmlns:p='u'><![CDATA[<]]></p:a>", 1, 0, "a", "This element is not expected.")
	f.Fuzz(func(t *testing.T, doc string, line, col int, path, msg string) {
		fs := []finding.Finding{{Rule: "xsd:x", Source: "xsd", Line: line, Column: col, Path: path, Message: msg}}
		annotate(strings.NewReader(doc), fs)
		if len(fs) != 1 || fs[0].Rule != "xsd:x" || fs[0].Line != line {
			t.Fatalf("finding changed beyond path, column and message: %+v", fs)
		}
	})
}

// FuzzCheckCodes: the code list check reads any input without panicking
// (it can run on a message no XSD stage has looked at).
func FuzzCheckCodes(f *testing.F) {
	f.Add(`<a listURI="urn:x" listVersionID="1"><code>01</code></a>`)
	f.Add(`</a><code>`)
	res := codelist.NewDirResolver(filepath.Join(exampleDir, "codelists"))
	f.Fuzz(func(t *testing.T, doc string) {
		if _, err := checkCodes(context.Background(), nil, strings.NewReader(doc), CodeCheckOptions{Resolver: res}); err != nil {
			t.Fatal(err)
		}
	})
}

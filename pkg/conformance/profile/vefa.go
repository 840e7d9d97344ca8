package profile

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/ozgctl/ozgctl/pkg/finding"
)

// nsVEFA is the namespace of VEFA validator test sets, the format
// of the EN16931 unit tests.
const nsVEFA = "http://difi.no/xsd/vefa/validator/1.0"

// Expect is what one test instance must produce.
type Expect struct {
	// Errors must fire with severity error, Warnings with severity
	// warning, Infos with severity info; Absent must not fire at all.
	Errors   []string
	Warnings []string
	Infos    []string
	Absent   []string
	// Pins pin the number of findings of an expected rule, or the element
	// path where it must fire (.expect "error RULE count=2 path=/a/b").
	Pins []Pin
	// File and Lines say where each named rule is written: the .expect
	// file, or the test-set file, and the line per rule id.
	File  string
	Lines map[string]int
}

// Pin is a count or path pinned for an expected rule.
type Pin struct {
	Rule     string
	Severity finding.Severity
	// Count is the exact number of findings; -1 leaves it open.
	Count int
	// Path is the element path the findings must have; steps without a
	// predicate match any position ("/a:x/y" matches "/a:x[1]/y[2]").
	Path string
	Line int
}

// Case is one test: an instance document and its expectation.
type Case struct {
	// Name identifies the case within its set, e.g. "BR-02.xml#2" or "invalid/foo.xml".
	Name        string
	Description string
	Expect      Expect
	// Instance is the XML of the message under test. For VEFA test sets it
	// is padded with newlines so that line numbers match the test-set file.
	Instance []byte
	// File is the file the instance comes from; Line its first line.
	File string
	Line int
	// ExpectValid means: no finding with severity error may occur (the
	// valid/ directory of a plain test set).
	ExpectValid bool
}

// TestSet is a list of cases read from one VEFA file or one directory.
type TestSet struct {
	File string
	// VEFA is set for a VEFA testSet file (not a plain test directory).
	VEFA          bool
	Configuration string
	Scope         []string
	Cases         []Case
}

// readVEFA parses a VEFA testSet document.
func readVEFA(file string, data []byte) (*TestSet, error) {
	ts := &TestSet{File: file, VEFA: true}
	dec := xml.NewDecoder(bytes.NewReader(data))
	type frameNS struct{ decls map[string]string }
	var stack []frameNS
	var cur *Case
	var textTarget *[]string
	textLine := 0
	var textBuf strings.Builder
	var inDesc bool
	depth := 0
	testNo := 0
	for {
		off := dec.InputOffset()
		line, _ := dec.InputPos()
		tok, err := dec.RawToken()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				return nil, fmt.Errorf("%s:%d: malformed test set: %s", file, se.Line, se.Msg)
			}
			return nil, fmt.Errorf("%s: read test set: %w", file, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			decls := map[string]string{}
			for _, a := range t.Attr {
				if a.Name.Space == "xmlns" {
					decls[a.Name.Local] = a.Value
				} else if a.Name.Space == "" && a.Name.Local == "xmlns" {
					decls[""] = a.Value
				}
			}
			stack = append(stack, frameNS{decls})
			depth++
			local := t.Name.Local
			switch {
			case depth == 1:
				if local != "testSet" {
					return nil, fmt.Errorf("%s:%d: root element is %q, want a VEFA testSet", file, line, local)
				}
				for _, a := range t.Attr {
					if a.Name.Local == "configuration" {
						ts.Configuration = a.Value
					}
				}
			case depth == 2 && local == "test":
				testNo++
				ts.Cases = append(ts.Cases, Case{Name: fmt.Sprintf("#%d", testNo), File: file, Expect: Expect{File: file, Lines: map[string]int{}}})
				cur = &ts.Cases[len(ts.Cases)-1]
			case depth == 3 && cur != nil && local != "assert" && false:
				// unknown VEFA element inside test: ignore
			case depth == 3 && cur != nil && local != "assert":
				// The instance: copy its bytes with the namespaces in scope.
				if err := skipRaw(dec); err != nil {
					return nil, fmt.Errorf("%s:%d: malformed instance: %w", file, line, err)
				}
				end := dec.InputOffset()
				inherited := map[string]string{}
				for _, fr := range stack[:len(stack)-1] {
					for p, u := range fr.decls {
						inherited[p] = u
					}
				}
				own := stack[len(stack)-1].decls
				cur.Instance = instanceBytes(data[off:end], inherited, own, line)
				cur.Line = line
				stack = stack[:len(stack)-1]
				depth--
			case depth == 4 && cur != nil && (local == "success" || local == "error" || local == "warning"):
				textBuf.Reset()
				textLine = line
				switch local {
				case "success":
					textTarget = &cur.Expect.Absent
				case "error":
					textTarget = &cur.Expect.Errors
				case "warning":
					textTarget = &cur.Expect.Warnings
				}
			case depth == 4 && cur != nil && local == "description":
				textBuf.Reset()
				inDesc = true
			case depth == 3 && cur == nil && local == "scope":
				textBuf.Reset()
				textTarget = &ts.Scope
			}
		case xml.CharData:
			if textTarget != nil || inDesc {
				textBuf.Write(t)
			}
		case xml.EndElement:
			if textTarget != nil {
				if id := strings.TrimSpace(textBuf.String()); id != "" {
					*textTarget = append(*textTarget, id)
					if cur != nil {
						if _, ok := cur.Expect.Lines[id]; !ok {
							cur.Expect.Lines[id] = textLine
						}
					}
				}
				textTarget = nil
			}
			if inDesc && cur != nil {
				cur.Description = strings.Join(strings.Fields(textBuf.String()), " ")
				inDesc = false
			}
			if depth == 2 {
				cur = nil
			}
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
			depth--
		}
	}
	for i := range ts.Cases {
		if ts.Cases[i].Instance == nil {
			return nil, fmt.Errorf("%s: test %s has no instance document", file, ts.Cases[i].Name)
		}
	}
	if len(ts.Cases) == 0 {
		return nil, fmt.Errorf("%s: no test cases (an empty file, or a testSet without test elements)", file)
	}
	return ts, nil
}

// instanceBytes returns the instance element's text with the namespace
// declarations it inherits added to its start tag, preceded by line-1
// newlines so that line numbers in findings point into the test set.
func instanceBytes(raw []byte, inherited, own map[string]string, line int) []byte {
	var extra strings.Builder
	prefixes := make([]string, 0, len(inherited))
	for p := range inherited {
		prefixes = append(prefixes, p)
	}
	sort.Strings(prefixes)
	for _, p := range prefixes {
		if _, ok := own[p]; ok {
			continue
		}
		if p == "" {
			fmt.Fprintf(&extra, ` xmlns="%s"`, xmlEscape(inherited[p]))
		} else {
			fmt.Fprintf(&extra, ` xmlns:%s="%s"`, p, xmlEscape(inherited[p]))
		}
	}
	// Insert after the element name in the start tag.
	i := 1
	for i < len(raw) && !isSpaceOrEnd(raw[i]) {
		i++
	}
	var out bytes.Buffer
	out.Grow(len(raw) + extra.Len() + line)
	for l := 1; l < line; l++ {
		out.WriteByte('\n')
	}
	out.Write(raw[:i])
	out.WriteString(extra.String())
	out.Write(raw[i:])
	return out.Bytes()
}

func isSpaceOrEnd(b byte) bool {
	return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '>' || b == '/'
}

func xmlEscape(s string) string {
	var b bytes.Buffer
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

// skipRaw consumes tokens up to the end of the element just started.
func skipRaw(dec *xml.Decoder) error {
	depth := 1
	for depth > 0 {
		tok, err := dec.RawToken()
		if err != nil {
			return err
		}
		switch tok.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
		}
	}
	return nil
}

// Package codelist reads OASIS genericode 1.0 code lists and finds them by
// canonical URI and version through a [Resolver].
//
// The reader accepts both forms seen in practice: children in no namespace
// (what the genericode XSD prescribes, used by XÖV) and children prefixed
// with gc: (FIM portal exports). The key column comes from the key marked
// with the XÖV annotation recommendedKeyColumn, else from the first Key's
// ColumnRef, else it is the first column.
//
// The package is a leaf: it imports only the standard library. It never
// reaches the network; [DirResolver] reads local directories. A later
// XRepository client with an on-disk cache can implement [Resolver].
package codelist

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/ozgctl/ozgctl/internal/xmlcharset"
	"github.com/ozgctl/ozgctl/pkg/finding"
)

// Namespace is the genericode 1.0 namespace.
const Namespace = "http://docs.oasis-open.org/codelist/ns/genericode/1.0/"

// ErrNotGenericode: the input is XML but not a genericode 1.0 CodeList.
var ErrNotGenericode = errors.New("not a genericode 1.0 code list")

// ErrInvalid: the input is not well-formed XML or breaks the genericode
// structure.
var ErrInvalid = errors.New("invalid genericode")

// ReadError is a code list that could not be read, with its position.
type ReadError struct {
	File   string
	Line   int
	Column int
	Msg    string
	Err    error
}

// Error returns "file:line:col: msg".
func (e *ReadError) Error() string {
	return finding.ErrorText(finding.Position{File: e.File, Line: e.Line, Column: e.Column}, e.Msg, nil)
}

// Unwrap returns ErrNotGenericode, ErrInvalid or an I/O error.
func (e *ReadError) Unwrap() error { return e.Err }

// Identification identifies a code list version.
type Identification struct {
	ShortName           string `json:"shortName"`
	LongName            string `json:"longName,omitempty"`
	Version             string `json:"version"`
	CanonicalURI        string `json:"canonicalUri"`
	CanonicalVersionURI string `json:"canonicalVersionUri,omitempty"`
	Agency              string `json:"agency,omitempty"`
}

// Column is one column of the code list.
type Column struct {
	ID        string `json:"id"`
	ShortName string `json:"shortName,omitempty"`
	LongName  string `json:"longName,omitempty"`
	DataType  string `json:"dataType,omitempty"`
	Required  bool   `json:"required"`
}

// Key is a key of the code list: the columns that identify a row.
type Key struct {
	ID         string   `json:"id"`
	ColumnRefs []string `json:"columnRefs"`
	// Recommended is set by the XÖV annotation recommendedKeyColumn.
	Recommended bool `json:"recommended,omitempty"`
}

// Row is one entry; Values are in the order of [CodeList.Columns] ("" when
// the row has no value for a column). Line is the row's line in the file.
type Row struct {
	Values []string `json:"values"`
	Line   int      `json:"line"`
}

// CodeList is a genericode code list.
type CodeList struct {
	File           string         `json:"file,omitempty"`
	Identification Identification `json:"identification"`
	Columns        []Column       `json:"columns"`
	Keys           []Key          `json:"keys,omitempty"`
	// KeyColumn is the id of the column that holds the codes.
	KeyColumn string `json:"keyColumn"`
	Rows      []Row  `json:"rows"`

	index map[string]int
	cols  map[string]int
}

// ColumnIndex returns the position of the column with the given id, or -1.
func (cl *CodeList) ColumnIndex(id string) int {
	if cl.cols == nil {
		cl.cols = make(map[string]int, len(cl.Columns))
		for i, c := range cl.Columns {
			cl.cols[c.ID] = i
		}
	}
	if i, ok := cl.cols[id]; ok {
		return i
	}
	return -1
}

// Value returns the row's value in the column with the given id.
func (cl *CodeList) Value(r *Row, columnID string) string {
	i := cl.ColumnIndex(columnID)
	if i < 0 || i >= len(r.Values) {
		return ""
	}
	return r.Values[i]
}

// Codes returns the values of the key column in row order.
func (cl *CodeList) Codes() []string {
	k := cl.ColumnIndex(cl.KeyColumn)
	out := make([]string, 0, len(cl.Rows))
	for i := range cl.Rows {
		if k >= 0 && k < len(cl.Rows[i].Values) {
			out = append(out, cl.Rows[i].Values[k])
		}
	}
	return out
}

// Lookup returns the row whose key column equals code.
func (cl *CodeList) Lookup(code string) (*Row, bool) {
	if cl.index == nil {
		cl.index = make(map[string]int, len(cl.Rows))
		k := cl.ColumnIndex(cl.KeyColumn)
		for i := range cl.Rows {
			if k >= 0 && k < len(cl.Rows[i].Values) {
				if _, dup := cl.index[cl.Rows[i].Values[k]]; !dup {
					cl.index[cl.Rows[i].Values[k]] = i
				}
			}
		}
	}
	i, ok := cl.index[code]
	if !ok {
		return nil, false
	}
	return &cl.Rows[i], true
}

// Prepare builds the lookup indexes so that the list can then be shared by
// several goroutines (Lookup and ColumnIndex only read afterwards).
func (cl *CodeList) Prepare() {
	cl.ColumnIndex("")
	cl.Lookup("")
}

// ReadFile reads the genericode file at path.
func ReadFile(path string) (*CodeList, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, &ReadError{File: path, Msg: "cannot open code list: " + pathErr(err), Err: err}
	}
	defer f.Close()
	return Read(f, path)
}

func pathErr(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// Read reads a genericode code list; name is used in errors.
func Read(r io.Reader, name string) (*CodeList, error) {
	data, err := io.ReadAll(io.LimitReader(r, 512<<20))
	if err != nil {
		return nil, &ReadError{File: name, Msg: "cannot read code list: " + err.Error(), Err: err}
	}
	if data, _, err = xmlcharset.Decode(data); err != nil {
		return nil, &ReadError{File: name, Msg: err.Error(), Err: ErrInvalid}
	}
	p := &parser{data: data, name: name}
	cl, err := p.parse()
	if err != nil {
		return nil, err
	}
	cl.File = name
	return cl, nil
}

type parser struct {
	data []byte
	name string
	d    *xml.Decoder
	// lineOff and lineNo cache the last line computed, for rows in order.
	lineOff int64
	lineNo  int
}

// line returns the 1-based line of off, scanning on from the last call.
func (p *parser) line(off int64) int {
	off = min(off, int64(len(p.data)))
	if off < p.lineOff || p.lineNo == 0 {
		p.lineOff, p.lineNo = 0, 1
	}
	p.lineNo += bytes.Count(p.data[p.lineOff:off], []byte{'\n'})
	p.lineOff = off
	return p.lineNo
}

func (p *parser) errAt(off int64, sentinel error, format string, args ...any) error {
	line, col := lineCol(p.data, off)
	return &ReadError{File: p.name, Line: line, Column: col, Msg: fmt.Sprintf(format, args...), Err: sentinel}
}

func lineCol(data []byte, off int64) (int, int) {
	if off < 0 {
		return 0, 0
	}
	off = min(off, int64(len(data)))
	before := data[:off]
	line := bytes.Count(before, []byte{'\n'}) + 1
	start := bytes.LastIndexByte(before, '\n') + 1
	return line, len([]rune(string(before[start:]))) + 1
}

// ours reports whether an element name is a genericode element: in the
// genericode namespace or in none.
func ours(n xml.Name) bool { return n.Space == Namespace || n.Space == "" }

func (p *parser) token() (xml.Token, int64, error) {
	for {
		off := p.d.InputOffset()
		t, err := p.d.Token()
		if err != nil {
			if err == io.EOF {
				return nil, off, p.errAt(off, ErrInvalid, "unexpected end of file")
			}
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				return nil, off, &ReadError{File: p.name, Line: se.Line, Msg: "not well-formed XML: " + se.Msg, Err: ErrInvalid}
			}
			return nil, off, p.errAt(off, ErrInvalid, "not well-formed XML: %v", err)
		}
		switch t.(type) {
		case xml.StartElement, xml.EndElement, xml.CharData:
			return t, off, nil
		}
	}
}

// each calls fn for every child element; fn must consume the child.
func (p *parser) each(fn func(se xml.StartElement, off int64) error) error {
	for {
		t, off, err := p.token()
		if err != nil {
			return err
		}
		switch t := t.(type) {
		case xml.StartElement:
			if err := fn(t, off); err != nil {
				return err
			}
		case xml.EndElement:
			return nil
		}
	}
}

// text reads the element's text (children's text included), trimmed.
func (p *parser) text() (string, error) {
	var b []byte
	depth := 0
	for {
		t, _, err := p.token()
		if err != nil {
			return "", err
		}
		switch t := t.(type) {
		case xml.CharData:
			b = append(b, t...)
		case xml.StartElement:
			depth++
		case xml.EndElement:
			if depth == 0 {
				return strings.TrimSpace(string(b)), nil
			}
			depth--
		}
	}
}

// skip consumes the current element.
func (p *parser) skip() error {
	depth := 0
	for {
		t, _, err := p.token()
		if err != nil {
			return err
		}
		switch t.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			if depth == 0 {
				return nil
			}
			depth--
		}
	}
}

func attr(se xml.StartElement, name string) string {
	for _, a := range se.Attr {
		if a.Name.Local == name && a.Name.Space == "" {
			return a.Value
		}
	}
	return ""
}

func (p *parser) parse() (*CodeList, error) {
	if len(bytes.TrimSpace(p.data)) == 0 {
		return nil, &ReadError{File: p.name, Msg: "the code list file is empty", Err: ErrInvalid}
	}
	p.d = xml.NewDecoder(bytes.NewReader(p.data))
	p.d.CharsetReader = xmlcharset.Reader
	var root xml.StartElement
	var rootOff int64
	for {
		t, off, err := p.token()
		if err != nil {
			return nil, err
		}
		if se, ok := t.(xml.StartElement); ok {
			root, rootOff = se, off
			break
		}
	}
	if root.Name.Local != "CodeList" || root.Name.Space != Namespace {
		return nil, p.errAt(rootOff, ErrNotGenericode, "root element <%s> in namespace %q is not a genericode 1.0 CodeList (namespace %q)", root.Name.Local, root.Name.Space, Namespace)
	}
	cl := &CodeList{}
	haveIdent := false
	err := p.each(func(se xml.StartElement, off int64) error {
		if !ours(se.Name) {
			return p.skip()
		}
		switch se.Name.Local {
		case "Identification":
			haveIdent = true
			return p.identification(&cl.Identification)
		case "ColumnSet":
			return p.columnSet(cl)
		case "SimpleCodeList":
			return p.rows(cl)
		}
		return p.skip()
	})
	if err != nil {
		return nil, err
	}
	if !haveIdent || cl.Identification.CanonicalURI == "" {
		return nil, p.errAt(rootOff, ErrInvalid, "code list has no Identification/CanonicalUri")
	}
	if len(cl.Columns) == 0 {
		return nil, p.errAt(rootOff, ErrInvalid, "code list has no columns (ColumnSet/Column)")
	}
	cl.KeyColumn = chooseKey(cl)
	return cl, nil
}

func chooseKey(cl *CodeList) string {
	for _, recommended := range []bool{true, false} {
		for _, k := range cl.Keys {
			if (k.Recommended || !recommended) && len(k.ColumnRefs) > 0 && cl.ColumnIndex(k.ColumnRefs[0]) >= 0 {
				return k.ColumnRefs[0]
			}
		}
	}
	return cl.Columns[0].ID
}

func (p *parser) identification(id *Identification) error {
	return p.each(func(se xml.StartElement, off int64) error {
		if !ours(se.Name) {
			return p.skip()
		}
		var dst *string
		switch se.Name.Local {
		case "ShortName":
			dst = &id.ShortName
		case "LongName":
			dst = &id.LongName
		case "Version":
			dst = &id.Version
		case "CanonicalUri":
			dst = &id.CanonicalURI
		case "CanonicalVersionUri":
			dst = &id.CanonicalVersionURI
		case "Agency":
			return p.each(func(se xml.StartElement, off int64) error {
				if se.Name.Local == "LongName" || (se.Name.Local == "ShortName" && id.Agency == "") {
					s, err := p.text()
					if s != "" {
						id.Agency = s
					}
					return err
				}
				return p.skip()
			})
		default:
			return p.skip()
		}
		s, err := p.text()
		if *dst == "" {
			*dst = s
		}
		return err
	})
}

func (p *parser) columnSet(cl *CodeList) error {
	return p.each(func(se xml.StartElement, off int64) error {
		if !ours(se.Name) {
			return p.skip()
		}
		switch se.Name.Local {
		case "Column":
			c := Column{ID: attr(se, "Id"), Required: attr(se, "Use") == "required"}
			err := p.each(func(ch xml.StartElement, off int64) error {
				switch ch.Name.Local {
				case "ShortName":
					s, err := p.text()
					c.ShortName = s
					return err
				case "LongName":
					s, err := p.text()
					if c.LongName == "" {
						c.LongName = s
					}
					return err
				case "Data":
					c.DataType = attr(ch, "Type")
				}
				return p.skip()
			})
			if err != nil {
				return err
			}
			if c.ID == "" {
				return p.errAt(off, ErrInvalid, "Column without Id")
			}
			cl.Columns = append(cl.Columns, c)
			return nil
		case "Key":
			k := Key{ID: attr(se, "Id")}
			err := p.each(func(ch xml.StartElement, off int64) error {
				switch ch.Name.Local {
				case "ColumnRef":
					k.ColumnRefs = append(k.ColumnRefs, attr(ch, "Ref"))
				case "Annotation":
					return p.annotation(&k)
				}
				return p.skip()
			})
			cl.Keys = append(cl.Keys, k)
			return err
		}
		return p.skip()
	})
}

// annotation looks for the XÖV recommendedKeyColumn marker.
func (p *parser) annotation(k *Key) error {
	depth := 0
	for {
		t, _, err := p.token()
		if err != nil {
			return err
		}
		switch t := t.(type) {
		case xml.StartElement:
			if t.Name.Local == "recommendedKeyColumn" {
				k.Recommended = true
			}
			depth++
		case xml.EndElement:
			if depth == 0 {
				return nil
			}
			depth--
		}
	}
}

func (p *parser) rows(cl *CodeList) error {
	return p.each(func(se xml.StartElement, off int64) error {
		if !ours(se.Name) || se.Name.Local != "Row" {
			return p.skip()
		}
		row := Row{Values: make([]string, len(cl.Columns)), Line: p.line(off)}
		next := 0
		err := p.each(func(v xml.StartElement, voff int64) error {
			if v.Name.Local != "Value" {
				return p.skip()
			}
			ci := next
			if ref := attr(v, "ColumnRef"); ref != "" {
				ci = cl.ColumnIndex(ref)
				if ci < 0 {
					return p.errAt(voff, ErrInvalid, "Value refers to unknown column %q", ref)
				}
			}
			if ci >= len(cl.Columns) {
				return p.errAt(voff, ErrInvalid, "row has more values than the %d columns", len(cl.Columns))
			}
			next = ci + 1
			s, err := p.text()
			row.Values[ci] = s
			return err
		})
		cl.Rows = append(cl.Rows, row)
		return err
	})
}

// Sniff reports whether the first bytes of r name the genericode namespace,
// to tell code lists apart from other XML files found in a directory.
func Sniff(r io.Reader) bool {
	br, _, _ := xmlcharset.NewReader(io.LimitReader(r, 8192))
	buf := make([]byte, 4096)
	n, _ := io.ReadFull(br, buf)
	// Without the trailing slash: some lists write the namespace without it.
	return bytes.Contains(buf[:n], []byte(strings.TrimSuffix(Namespace, "/")))
}

package xoev

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	hxsd "github.com/lestrrat-go/helium/xsd"

	"github.com/ozgctl/ozgctl/internal/xmlcharset"
	"github.com/ozgctl/ozgctl/internal/xmlpath"
	"github.com/ozgctl/ozgctl/pkg/codelist"
	"github.com/ozgctl/ozgctl/pkg/finding"

	"github.com/ozgctl/ozgctl/internal/editdist"
)

// xoevCodeNS is the namespace of the XÖV datatype Code.
const xoevCodeNS = "http://xoev.de/schemata/code/1_0"

// Rule ids of code-list findings.
const (
	ruleInvalidCode    = "codelist:invalid-code"
	ruleUnknownList    = "codelist:unknown-list"
	ruleUnknownVersion = "codelist:unknown-version"
	ruleNoListURI      = "codelist:no-list-uri"
)

type qname struct{ ns, local string }

// codeType is what the schema says about one complex type derived from
// xoev-code:Code.
type codeType struct {
	base qname
	// listURI and version are the attributes' fixed or default values, ""
	// if the message must give them; listURIFrom and versionFrom say which
	// ("fixed" or "default").
	listURI, listURIFrom string
	version, versionFrom string
	// typ1 is set when the code child's type enumerates the values (Typ 1):
	// the XSD checks those, code lists are not consulted.
	typ1     bool
	codeType qname
	// typeName and typeNS name the type the element is declared with;
	// anonymousOf names the element when that type has no name.
	typeName, typeNS, anonymousOf string
}

// codeIndex knows the code types of a schema set. types, when set, gives
// each element of a message its declaration in context (see [typeIndex]);
// the name index (named, enums, elems) answers where it cannot: it knows
// which element names are declared with which types, wherever they occur.
type codeIndex struct {
	types *typeIndex
	named map[qname]*codeType
	enums map[qname]bool     // simple types with enumeration facets
	elems map[string][]qname // element local name → declared types
}

// buildCodeIndex reads the code types from the schema documents: complex
// types that restrict or extend xoev-code:Code (directly or through other
// types), their fixed listURI/listVersionID and whether the code child is
// enumerated (Typ 1).
func buildCodeIndex(docs []*SchemaDoc) *codeIndex {
	ix := &codeIndex{named: map[qname]*codeType{}, enums: map[qname]bool{}, elems: map[string][]qname{}}
	for _, d := range docs {
		ix.scan(d)
	}
	return ix
}

func (ix *codeIndex) scan(d *SchemaDoc) {
	dec := xml.NewDecoder(bytes.NewReader(d.bytes()))
	dec.CharsetReader = xmlcharset.Reader
	type frame struct {
		ns   map[string]string
		name string
	}
	var stack []frame
	resolveQ := func(v string) qname {
		prefix, local, ok := strings.Cut(v, ":")
		if !ok {
			prefix, local = "", v
		}
		for i := len(stack) - 1; i >= 0; i-- {
			if ns, ok := stack[i].ns[prefix]; ok {
				return qname{ns, local}
			}
		}
		if prefix == "" {
			return qname{"", local}
		}
		return qname{"?" + prefix, local}
	}
	var curType *codeType
	var curTypeName qname
	var curSimple qname
	tns := d.TargetNamespace
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) || err != nil {
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			f := frame{ns: map[string]string{}, name: t.Name.Local}
			for _, a := range t.Attr {
				if a.Name.Space == "xmlns" {
					f.ns[a.Name.Local] = a.Value
				} else if a.Name.Space == "" && a.Name.Local == "xmlns" {
					f.ns[""] = a.Value
				}
			}
			stack = append(stack, f)
			if t.Name.Space != xsdNS {
				continue
			}
			get := func(n string) string { return attr(t, xml.Name{Local: n}) }
			switch t.Name.Local {
			case "complexType":
				if len(stack) == 2 && get("name") != "" {
					curTypeName = qname{tns, get("name")}
					curType = &codeType{typeName: get("name"), typeNS: tns}
				}
			case "simpleType":
				if len(stack) == 2 && get("name") != "" {
					curSimple = qname{tns, get("name")}
				}
			case "enumeration":
				if curSimple.local != "" {
					ix.enums[curSimple] = true
				}
			case "restriction", "extension":
				if curType != nil && curType.base.local == "" && get("base") != "" {
					curType.base = resolveQ(get("base"))
				}
			case "attribute":
				if curType != nil {
					v, how := get("fixed"), "fixed"
					if v == "" {
						v, how = get("default"), "default"
					}
					if v = strings.TrimSpace(v); v == "" {
						how = ""
					}
					switch get("name") {
					case "listURI":
						curType.listURI, curType.listURIFrom = v, how
					case "listVersionID":
						curType.version, curType.versionFrom = v, how
					}
				}
			case "element":
				if get("name") == "code" && curType != nil {
					if ty := get("type"); ty != "" {
						curType.codeType = resolveQ(ty)
					}
				} else if get("name") != "" && get("type") != "" {
					ty := resolveQ(get("type"))
					if !slices.Contains(ix.elems[get("name")], ty) {
						ix.elems[get("name")] = append(ix.elems[get("name")], ty)
					}
				}
			}
		case xml.EndElement:
			if t.Name.Space == xsdNS && len(stack) == 2 {
				if t.Name.Local == "complexType" && curType != nil {
					if curType.base.local != "" {
						ix.named[curTypeName] = curType
					}
					curType = nil
				}
				if t.Name.Local == "simpleType" {
					curSimple = qname{}
				}
			}
			stack = stack[:len(stack)-1]
		}
	}
}

// resolved follows a type's derivation chain to xoev-code:Code and merges
// fixed values along the way; ok is false when the type is not a code type.
func (ix *codeIndex) resolved(q qname) (ct codeType, ok bool) {
	ct.typeName, ct.typeNS = q.local, q.ns
	for range 16 {
		if q.ns == xoevCodeNS && q.local == "Code" {
			return ct, true
		}
		t := ix.named[q]
		if t == nil {
			return ct, false
		}
		if ct.listURI == "" {
			ct.listURI, ct.listURIFrom = t.listURI, t.listURIFrom
		}
		if ct.version == "" {
			ct.version, ct.versionFrom = t.version, t.versionFrom
		}
		if t.codeType.local != "" && ix.enums[t.codeType] {
			ct.typ1 = true
		}
		q = t.base
	}
	return ct, false
}

// schemaInfo returns what the schema knows about elements of this local
// name: known is true when every declaration of that name is a code type,
// with the common fixed values ("" where they differ).
func (ix *codeIndex) schemaInfo(local string) (ct codeType, known bool) {
	if ix == nil {
		return ct, false
	}
	decls := ix.elems[local]
	if len(decls) == 0 {
		return ct, false
	}
	for i, q := range decls {
		c, ok := ix.resolved(q)
		if !ok {
			return codeType{}, false
		}
		if i == 0 {
			ct = c
			continue
		}
		if ct.listURI != c.listURI {
			ct.listURI, ct.listURIFrom = "", ""
		}
		if ct.version != c.version {
			ct.version, ct.versionFrom = "", ""
		}
		if ct.typeName != c.typeName || ct.typeNS != c.typeNS {
			ct.typeName, ct.typeNS = "", ""
		}
		ct.typ1 = ct.typ1 && c.typ1
	}
	return ct, true
}

// CodeCheckOptions configure [checkCodes].
type CodeCheckOptions struct {
	// Resolver finds genericode lists by URI and version.
	Resolver codelist.Resolver
	// Strict makes unknown lists and versions errors instead of warnings.
	Strict bool
}

type openElem struct {
	local        string
	line, col    int
	listURI      *string
	listVersion  *string
	code         *string
	codeLine     int
	codeCol      int
	inCode       bool
	schemaCT     codeType
	schemaKnown  bool
	hasCodeChild bool
	// td is the element's type in the schema set, nil when not known.
	td *hxsd.TypeDef
}

// checkCodes checks the XÖV code elements of a message against genericode
// lists. A code element is an element with an unqualified child "code"
// that either carries a listURI attribute or is declared in the schema set
// with a type derived from xoev-code:Code. Each element's declaration is
// taken from its context (the content model of its parent's type, xsi:type
// honoured), so a name declared differently in different places gets the
// right one; the declaration's type supplies the fixed or default listURI
// and listVersionID that the message may omit (Typ 2 and 3), and a finding
// about such a code says which list and version were taken from the
// schema. Typ 1 elements (values enumerated in the XSD) are left to the
// XSD. set may be nil: then only elements with a listURI attribute are
// checked.
func checkCodes(ctx context.Context, set *SchemaSet, r io.Reader, opts CodeCheckOptions) ([]finding.Finding, error) {
	if opts.Resolver == nil {
		return nil, errors.New("check codes: no code list resolver")
	}
	var ix *codeIndex
	if set != nil {
		ix = set.codeIndex(ctx)
	}
	src, _ := utf8Reader(r)
	sc := newTagScanner(src)
	sc.allAttrs = true
	var stack []*openElem
	var paths xmlpath.Tracker
	var out []finding.Finding
	cache := map[[2]string]*codelist.CodeList{}
	missing := map[[2]string]error{}
	_ = sc.scan(func(t elemTag) bool {
		if t.end {
			if len(stack) == 0 {
				return false // not well-formed: the XSD stage says why
			}
			e := stack[len(stack)-1]
			if n := len(stack) - 1; n > 0 && e.local == "code" && stack[n-1].inCode {
				p := stack[n-1]
				p.inCode = false
				code := string(t.text)
				p.code = &code
			}
			if e.code != nil && (e.listURI != nil || e.schemaKnown) {
				if f := checkCode(ctx, e, opts, cache, missing); f != nil {
					f.Path = paths.Path(paths.Depth())
					out = append(out, *f)
				}
			}
			stack = stack[:len(stack)-1]
			paths.End()
			sc.keepText = false
			return true
		}
		paths.Start(t.start)
		// The code is the unqualified child "code": no prefix and no
		// default namespace in scope.
		if n := len(stack); n > 0 && t.start.Name.Space == "" && t.start.Name.Local == "code" && paths.Name().Space == "" {
			p := stack[n-1]
			p.hasCodeChild = true
			p.inCode = true
			p.codeLine, p.codeCol = t.afterLine, t.afterCharCol
			sc.keepText = true
		} else {
			sc.keepText = false
		}
		e := &openElem{local: t.start.Name.Local, line: t.afterLine, col: t.afterCharCol}
		var xsiType string
		for _, a := range t.start.Attr {
			if a.Name.Space != "" {
				if a.Name.Local == "type" {
					if ns, _ := paths.Namespace(a.Name.Space); ns == xsiNS {
						xsiType = a.Value
					}
				}
				continue
			}
			v := a.Value
			switch a.Name.Local {
			case "listURI":
				e.listURI = &v
			case "listVersionID":
				e.listVersion = &v
			}
		}
		e.schemaCT, e.schemaKnown, e.td = ix.info(stack, &paths, t.start.Name.Local, xsiType)
		stack = append(stack, e)
		return ctx.Err() == nil
	})
	return out, nil
}

// info returns what the schema says about the element just started:
// from its declaration in context when the type index knows it, else from
// its name alone.
func (ix *codeIndex) info(stack []*openElem, paths *xmlpath.Tracker, local, xsiType string) (codeType, bool, *hxsd.TypeDef) {
	if ix == nil {
		return codeType{}, false, nil
	}
	if ix.types != nil {
		name := paths.Name()
		var td *hxsd.TypeDef
		if len(stack) == 0 {
			td = ix.types.root(name.Space, name.Local)
		} else {
			td = ix.types.child(stack[len(stack)-1].td, name.Space, name.Local)
		}
		if xsiType != "" {
			prefix, l, ok := strings.Cut(strings.TrimSpace(xsiType), ":")
			if !ok {
				prefix, l = "", prefix
			}
			if ns, ok := paths.Namespace(prefix); ok {
				if xt := ix.types.xsiType(ns, l); xt != nil {
					td = xt
				}
			}
		}
		if td != nil {
			if ct := ix.types.codeType(td, local); ct != nil {
				return *ct, true, td
			}
			return codeType{}, false, td
		}
	}
	ct, known := ix.schemaInfo(local)
	return ct, known, nil
}

func checkCode(ctx context.Context, e *openElem, opts CodeCheckOptions, cache map[[2]string]*codelist.CodeList, missing map[[2]string]error) *finding.Finding {
	if e.schemaKnown && e.schemaCT.typ1 {
		return nil
	}
	uri, version := e.schemaCT.listURI, e.schemaCT.version
	var fromSchema []any // attribute, value, how (a Msg) for each taken from the schema
	if e.listURI != nil && strings.TrimSpace(*e.listURI) != "" {
		uri = strings.TrimSpace(*e.listURI)
	} else if uri != "" {
		fromSchema = append(fromSchema, "listURI", uri, howMsg(e.schemaCT.listURIFrom))
	}
	if e.listVersion != nil && strings.TrimSpace(*e.listVersion) != "" {
		version = strings.TrimSpace(*e.listVersion)
	} else if version != "" {
		fromSchema = append(fromSchema, "listVersionID", version, howMsg(e.schemaCT.versionFrom))
	}
	// withNote adds to a finding's message which list identity the schema
	// supplied, and from which type.
	withNote := func(f *finding.Finding) *finding.Finding {
		switch len(fromSchema) {
		case 3:
			f.Msg = msgFromSchema1.With(append([]any{f.Msg, e.schemaCT.describe()}, fromSchema...)...)
		case 6:
			f.Msg = msgFromSchema2.With(append([]any{f.Msg, e.schemaCT.describe()}, fromSchema...)...)
		}
		return f
	}
	code := strings.TrimSpace(*e.code)
	sev := finding.Warning
	if opts.Strict {
		sev = finding.Error
	}
	base := finding.Finding{Severity: sev, Source: "codelist", Line: e.codeLine, Column: e.codeCol}
	if uri == "" {
		f := base
		f.Rule = ruleNoListURI
		f.Line, f.Column = e.line, e.col
		f.Msg = msgNoListURI.With(e.local, code)
		return &f
	}
	key := [2]string{uri, version}
	cl, ok := cache[key]
	if !ok {
		if err, seen := missing[key]; seen {
			return withNote(unknownList(base, uri, version, err))
		}
		var err error
		cl, err = opts.Resolver.Resolve(ctx, uri, version)
		if err != nil {
			missing[key] = err
			return withNote(unknownList(base, uri, version, err))
		}
		cache[key] = cl
	}
	if _, ok := cl.Lookup(code); ok {
		return nil
	}
	f := base
	f.Severity = finding.Error
	f.Rule = ruleInvalidCode
	ver := cl.Identification.Version
	f.Msg = msgInvalidCode.With(code, uri, ver)
	if near := nearest(code, cl.Codes(), 3); len(near) > 0 {
		f.Msg = msgInvalidCodeNear.With(code, uri, ver, strings.Join(near, ", "))
	}
	return withNote(&f)
}

// howMsg says whether the schema fixes a value or gives it as a default.
func howMsg(how string) finding.Msg {
	if how == "default" {
		return msgSchemaDefault.With()
	}
	return msgSchemaFixed.With()
}

// describe names the type a code element is declared with, in Clark
// notation ({namespace}local) as types of the same local name live in
// several namespaces (xbau:Code.AnlageArt, xbauk:Code.AnlageArt).
func (ct codeType) describe() finding.Msg {
	switch {
	case ct.typeName != "" && ct.typeNS != "":
		return msgSchemaType.With("{" + ct.typeNS + "}" + ct.typeName)
	case ct.typeName != "":
		return msgSchemaType.With(ct.typeName)
	case ct.anonymousOf != "":
		return msgSchemaTypeOfElement.With(ct.anonymousOf)
	}
	return msgSchemaDeclaredType.With()
}

func unknownList(base finding.Finding, uri, version string, err error) *finding.Finding {
	f := base
	var nf *codelist.NotFoundError
	if errors.As(err, &nf) && len(nf.Versions) > 0 {
		f.Rule = ruleUnknownVersion
		f.Msg = msgUnknownVersion.With(uri, version, strings.Join(nf.Versions, ", "))
		return &f
	}
	f.Rule = ruleUnknownList
	if version != "" {
		f.Msg = msgUnknownListVersion.With(uri, version)
	} else {
		f.Msg = msgUnknownList.With(uri)
	}
	if !errors.As(err, &nf) {
		// An operational error (an unreadable list file) stays in its own words.
		f.Msg = msgUnknownListErr.With(f.Msg, err.Error())
	}
	return &f
}

// nearest returns up to n codes closest to code by edit distance.
func nearest(code string, codes []string, n int) []string {
	type cand struct {
		c string
		d int
	}
	cs := make([]cand, 0, len(codes))
	for _, c := range codes {
		cs = append(cs, cand{c, editdist.Distance(strings.ToLower(code), strings.ToLower(c))})
	}
	slices.SortStableFunc(cs, func(a, b cand) int { return a.d - b.d })
	var out []string
	for i := 0; i < len(cs) && i < n; i++ {
		out = append(out, fmt.Sprintf("%q", cs[i].c))
	}
	return out
}

package convert

import (
	"errors"
	"fmt"
	"math/big"
	"strings"

	"github.com/ozgctl/ozgctl/pkg/fim"
	"github.com/ozgctl/ozgctl/pkg/fim/convert/internal/xsdregex"
)

// valueKind is the JSON shape of a field's value.
type valueKind int

const (
	kString valueKind = iota + 1
	kInteger
	kNumber
	kBoolean
	kFile
)

// model is the plan all targets are generated from.
type model struct {
	opts        Options
	doc         *fim.Document
	ID, Version string
	Title       string
	Description string
	SchemaID    string
	Namespace   string
	// RootName is the XML root element name and the Go/TS root type name.
	RootName string
	// Root is the data content; RootMembers adds label fields.
	Root        []*prop
	RootMembers []*prop
	Defs        []*def
	Rules       []*fim.Regel
	Labels      []*def // label fields, shown in forms and docs, not data

	warnings []Warning
	byKey    map[*fim.Datenfeldgruppe]*def
	byField  map[*fim.Datenfeld]*def
	defNames map[string]bool
}

// def is one $defs entry: a group or a field.
type def struct {
	Name   string // $defs key, XSD type name
	Common *fim.Common
	Group  *fim.Datenfeldgruppe
	Field  *fim.Datenfeld
	Props  []*prop // groups
	// Members is the group's content in order, labels included (for
	// forms and docs).
	Members []*prop

	// fields
	Label     bool // feldart label: text only, no data
	Kind      valueKind
	Format    string // date, time, date-time
	Currency  bool
	MinLength *int
	MaxLength *int
	Minimum   string
	Maximum   string
	Pattern   *xsdregex.Regexp
	Select    bool
	Codes     []CodeValue
	CodeRef   *fim.CodelisteRef
	CodeName  string
	Default   string
	ReadOnly  bool
	Notes     []string
	Rules     []*fim.Regel

	// TypeName is the Go/TS type name; filled by the code generators.
	goName string
}

// prop is one place of a group or of the schema: a key with a cardinality.
type prop struct {
	Key string
	Def *def
	Min int
	Max int // fim.Unbounded for *
	Ref *fim.ElementRef
}

func (p *prop) required() bool { return p.Min >= 1 }
func (p *prop) array() bool    { return p.Max == fim.Unbounded || p.Max > 1 }

// ErrNothingToConvert: the message holds no structure (code list,
// Dokumentsteckbrief).
var ErrNothingToConvert = errors.New("message has no data structure to convert")

// CycleError is a group that contains itself; no finite instance exists.
type CycleError struct{ Group string }

// Error names the group that contains itself.
func (e *CycleError) Error() string {
	return fmt.Sprintf("group %s contains itself; a schema with a cycle cannot be converted", e.Group)
}

func build(doc *fim.Document, opts Options) (*model, error) {
	if opts.Keys == "" {
		opts.Keys = KeysID
	}
	if opts.BaseURI == "" {
		opts.BaseURI = DefaultBaseURI
	}
	root := doc.Root()
	if root == nil || doc.Children() == nil && doc.Schema == nil {
		return nil, ErrNothingToConvert
	}
	m := &model{opts: opts, doc: doc, byKey: map[*fim.Datenfeldgruppe]*def{}, byField: map[*fim.Datenfeld]*def{}, defNames: map[string]bool{}}
	m.ID, m.Version = root.Identifier.ID, root.Identifier.Version
	m.Title = txt(root.Label())
	if doc.Schema != nil {
		if doc.Schema.Bezeichnung != "" {
			m.Title = txt(doc.Schema.Bezeichnung)
		}
		m.Description = txt(firstNonEmpty(doc.Schema.Hilfetext, doc.Schema.HilfetextEingabe))
		m.Rules = doc.Schema.Regeln.List()
	} else {
		m.Description = txt(root.HilfetextEingabe)
	}
	stem := strings.ToLower(m.ID)
	if m.Version != "" {
		stem += "_" + m.Version
	}
	m.SchemaID = opts.BaseURI + stem + ".schema.json"
	m.Namespace = opts.Namespace
	if m.Namespace == "" {
		m.Namespace = opts.BaseURI + stem
	}
	m.RootName = m.ID
	if opts.Keys == KeysName {
		if n := technicalName(root.Name); n != "" {
			m.RootName = n
		}
	}
	// Several versions of one id in a document need versioned def names.
	versions := map[string]map[string]bool{}
	for _, g := range doc.Groups {
		addVersion(versions, g.Identifier)
	}
	for _, f := range doc.Fields {
		addVersion(versions, f.Identifier)
	}
	var err error
	m.RootMembers, err = m.props(doc.Children(), versions, nil)
	if err != nil {
		return nil, err
	}
	for _, p := range m.RootMembers {
		if !p.Def.Label {
			m.Root = append(m.Root, p)
		}
	}
	return m, nil
}

func addVersion(v map[string]map[string]bool, id fim.Identifier) {
	if v[id.ID] == nil {
		v[id.ID] = map[string]bool{}
	}
	v[id.ID][id.Version] = true
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}

func (m *model) warn(el, format string, args ...any) {
	m.warnings = append(m.warnings, Warning{Element: el, Message: fmt.Sprintf(format, args...)})
}

func defName(id fim.Identifier, versions map[string]map[string]bool) string {
	if len(versions[id.ID]) > 1 && id.Version != "" {
		return id.ID + "_" + id.Version
	}
	return id.ID
}

// props builds the places of one group (or the root).
func (m *model) props(refs []fim.ElementRef, versions map[string]map[string]bool, stack []*fim.Datenfeldgruppe) ([]*prop, error) {
	var out []*prop
	used := map[string]int{}
	for i := range refs {
		ref := &refs[i]
		if ref.Group == nil && ref.Field == nil {
			continue
		}
		mx := ref.Anzahl.Max
		if ref.Anzahl.Raw == "" {
			ref.Anzahl.Min, mx = 1, 1
		}
		p := &prop{Min: ref.Anzahl.Min, Max: mx, Ref: ref}
		var err error
		if ref.Group != nil {
			for _, g := range stack {
				if g == ref.Group {
					return nil, &CycleError{Group: ref.Group.Identifier.String()}
				}
			}
			p.Def, err = m.groupDef(ref.Group, versions, stack)
		} else {
			p.Def = m.fieldDef(ref.Field, versions)
		}
		if err != nil {
			return nil, err
		}
		c := ref.Common()
		key := c.Identifier.ID
		if m.opts.Keys == KeysName {
			if n := technicalName(c.Name); n != "" {
				key = n
			}
		}
		if used[key] > 0 {
			base := key
			if m.opts.Keys == KeysName {
				key = base + "_" + c.Identifier.ID
			}
			for n := 2; used[key] > 0; n++ {
				key = fmt.Sprintf("%s_%d", base, n)
			}
		}
		used[key]++
		p.Key = key
		if p.Max == 0 {
			m.warn(c.Identifier.ID, "anzahl %s allows no occurrence; left out", ref.Anzahl.Raw)
			continue
		}
		if p.Max != fim.Unbounded && p.Min > p.Max {
			m.warn(c.Identifier.ID, "anzahl %s has min > max; min used as max", ref.Anzahl.Raw)
			p.Max = p.Min
		}
		out = append(out, p)
	}
	return out, nil
}

func (m *model) groupDef(g *fim.Datenfeldgruppe, versions map[string]map[string]bool, stack []*fim.Datenfeldgruppe) (*def, error) {
	if d, ok := m.byKey[g]; ok {
		return d, nil
	}
	d := &def{Name: defName(g.Identifier, versions), Common: &g.Common, Group: g, Rules: g.Regeln.List()}
	m.byKey[g] = d
	m.Defs = append(m.Defs, d)
	members, err := m.props(g.Children, versions, append(stack, g))
	if err != nil {
		return nil, err
	}
	d.Members = members
	for _, p := range members {
		if !p.Def.Label {
			d.Props = append(d.Props, p)
		}
	}
	return d, nil
}

func (m *model) fieldDef(f *fim.Datenfeld, versions map[string]map[string]bool) *def {
	if d, ok := m.byField[f]; ok {
		return d
	}
	d := &def{Name: defName(f.Identifier, versions), Common: &f.Common, Field: f, Rules: f.Regeln.List()}
	m.byField[f] = d
	m.Defs = append(m.Defs, d)
	id := f.Identifier.ID
	c := f.Praezisierung
	if f.Feldart == fim.FeldartLabel {
		d.Label = true
		m.Labels = append(m.Labels, d)
		return d
	}
	d.ReadOnly = f.Feldart == fim.FeldartLocked
	switch f.Datentyp {
	case fim.DatentypText, fim.DatentypTextLatin:
		d.Kind = kString
		if f.Datentyp == fim.DatentypTextLatin {
			d.Notes = append(d.Notes, "Datentyp text_latin: nur Zeichen nach DIN SPEC 91379 (nicht geprüft)")
		}
	case fim.DatentypDate:
		d.Kind, d.Format = kString, "date"
	case fim.DatentypTime:
		d.Kind, d.Format = kString, "time"
	case fim.DatentypDatetime:
		d.Kind, d.Format = kString, "date-time"
	case fim.DatentypBool:
		d.Kind = kBoolean
	case fim.DatentypNum:
		d.Kind = kNumber
	case fim.DatentypNumInt:
		d.Kind = kInteger
	case fim.DatentypNumCurrency:
		d.Kind, d.Currency = kNumber, true
	case fim.DatentypFile, fim.DatentypObj:
		d.Kind = kFile
	default:
		d.Kind = kString
		m.warn(id, "unknown datentyp %q; treated as text", f.Datentyp)
	}
	if f.Feldart == fim.FeldartSelect || len(f.Werte) > 0 {
		d.Select = true
		d.Kind = kString
		d.Format = ""
		m.resolveCodes(d, f)
	}
	dropped := func(what string) {
		d.Notes = append(d.Notes, fmt.Sprintf("Präzisierung %s gilt nicht für diesen Datentyp und ist nicht übernommen", what))
		m.warn(id, "praezisierung %s does not apply to datentyp %s; not carried over", what, f.Datentyp)
	}
	switch {
	case d.Kind == kString && !(d.Select && len(d.Codes) > 0):
		if d.Format == "" {
			d.MinLength, d.MaxLength = c.MinLength, c.MaxLength
			if c.Pattern != "" {
				re, err := xsdregex.Parse(c.Pattern)
				if err != nil {
					d.Notes = append(d.Notes, "Muster nicht übernommen: "+err.Error())
					m.warn(id, "%v; pattern left out", err)
				} else {
					d.Pattern = re
					if re.StrippedAnchors {
						m.warn(id, "pattern %q: leading ^ or trailing $ read as an anchor (XSD patterns are anchored anyway; in XSD they would be literal characters)", c.Pattern)
					}
				}
			}
		} else if c.MinLength != nil || c.MaxLength != nil || c.Pattern != "" {
			dropped("minLength/maxLength/pattern")
		}
		if c.MinValue != nil || c.MaxValue != nil {
			dropped("minValue/maxValue")
		}
	case d.Kind == kInteger || d.Kind == kNumber:
		if c.MinValue != nil {
			d.Minimum = m.decimal(id, *c.MinValue, d.Kind)
		}
		if c.MaxValue != nil {
			d.Maximum = m.decimal(id, *c.MaxValue, d.Kind)
		}
		if c.MinLength != nil || c.MaxLength != nil || c.Pattern != "" {
			dropped("minLength/maxLength/pattern")
		}
	case !c.IsZero() && (c.MinLength != nil || c.MaxLength != nil || c.Pattern != "" || c.MinValue != nil || c.MaxValue != nil):
		if d.Select {
			d.Notes = append(d.Notes, "Präzisierung entfällt, die Werte der Codeliste gelten")
		} else {
			dropped("")
		}
	}
	if d.MinLength != nil && d.MaxLength != nil && *d.MinLength > *d.MaxLength {
		m.warn(id, "minLength %d > maxLength %d: no value is valid", *d.MinLength, *d.MaxLength)
	}
	if f.MaxSize != nil {
		d.Notes = append(d.Notes, fmt.Sprintf("höchstens %d Bytes", *f.MaxSize))
	}
	if v := strings.TrimSpace(f.Inhalt); v != "" {
		if ok, _ := m.valueOK(d, v); ok {
			d.Default = v
		}
	}
	return d
}

// decimal normalises a minValue/maxValue; for integer fields a fraction is
// rounded inwards later by the consumers, so it is kept as written.
func (m *model) decimal(id, s string, k valueKind) string {
	s = strings.TrimSpace(strings.Replace(s, ",", ".", 1))
	r, ok := new(big.Rat).SetString(s)
	if !ok {
		m.warn(id, "minValue/maxValue %q is not a number; left out", s)
		return ""
	}
	if k == kInteger && !r.IsInt() {
		m.warn(id, "minValue/maxValue %q is not an integer for an integer field", s)
	}
	return canonDecimal(r)
}

// canonDecimal writes r as a JSON/XSD number: no exponent, no trailing
// zeros, a leading zero before the point.
func canonDecimal(r *big.Rat) string {
	if r.IsInt() {
		return r.Num().String()
	}
	s := strings.TrimRight(r.FloatString(20), "0")
	return strings.TrimSuffix(s, ".")
}

func (m *model) resolveCodes(d *def, f *fim.Datenfeld) {
	id := f.Identifier.ID
	if len(f.Werte) > 0 {
		for _, w := range f.Werte {
			d.Codes = append(d.Codes, CodeValue{Code: w.Code, Name: w.Name, Help: w.Hilfe})
		}
		d.Codes = dedupe(d.Codes)
		return
	}
	d.CodeRef = f.Codeliste
	if f.Codeliste == nil {
		m.warn(id, "select field without code list or values; any text is accepted")
		return
	}
	if m.opts.Codelists == nil {
		m.warn(id, "code list %s not resolved (pass --codelists DIR); any text is accepted", f.Codeliste)
		return
	}
	cl, err := m.opts.Codelists.ResolveCodelist(f.Codeliste, f.CodeKey, f.NameKey)
	if err != nil {
		m.warn(id, "code list %s: %v", f.Codeliste, err)
		return
	}
	if cl == nil || len(cl.Values) == 0 {
		m.warn(id, "code list %s not found among the given code lists; any text is accepted", f.Codeliste)
		return
	}
	d.Codes = dedupe(cl.Values)
	d.CodeName = cl.Name
}

func dedupe(vs []CodeValue) []CodeValue {
	seen := map[string]bool{}
	out := vs[:0:0]
	for _, v := range vs {
		if !seen[v.Code] {
			seen[v.Code] = true
			out = append(out, v)
		}
	}
	return out
}

// valueOK checks a value (as text) against the field's constraints; it is
// the one place that decides validity for defaults and samples.
func (m *model) valueOK(d *def, v string) (bool, string) {
	switch d.Kind {
	case kString:
		if d.Select && len(d.Codes) > 0 {
			for _, c := range d.Codes {
				if c.Code == v {
					return true, ""
				}
			}
			return false, "not a code of the list"
		}
		n := len([]rune(v))
		if d.MinLength != nil && n < *d.MinLength {
			return false, "too short"
		}
		if d.MaxLength != nil && n > *d.MaxLength {
			return false, "too long"
		}
		if d.Pattern != nil && !d.Pattern.MatchString(v) {
			return false, "pattern"
		}
		switch d.Format {
		case "date":
			return isDate(v), "date"
		case "time":
			return isTime(v), "time"
		case "date-time":
			return isDateTime(v), "date-time"
		}
		return true, ""
	case kInteger, kNumber:
		r, ok := new(big.Rat).SetString(v)
		if !ok || d.Kind == kInteger && !r.IsInt() {
			return false, "not a number"
		}
		if d.Minimum != "" {
			if lo, ok := new(big.Rat).SetString(d.Minimum); ok && r.Cmp(lo) < 0 {
				return false, "below minimum"
			}
		}
		if d.Maximum != "" {
			if hi, ok := new(big.Rat).SetString(d.Maximum); ok && r.Cmp(hi) > 0 {
				return false, "above maximum"
			}
		}
		return true, ""
	case kBoolean:
		return v == "true" || v == "false", "boolean"
	}
	return false, "no default for files"
}

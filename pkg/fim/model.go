package fim

import (
	"encoding/json"
	"strconv"
	"strings"
	"time"
)

// SourceVersion is the XDatenfelder version a document was read from.
type SourceVersion string

// The supported XDatenfelder versions.
const (
	XDF2 SourceVersion = "2.0"
	XDF3 SourceVersion = "3.0.0"
)

// The XDatenfelder namespaces.
const (
	namespaceXDF1 = "urn:xoev-de:fim:standard:xdatenfelder_1"
	NamespaceXDF2 = "urn:xoev-de:fim:standard:xdatenfelder_2"
	NamespaceXDF3 = "urn:xoev-de:fim:standard:xdatenfelder_3.0.0"
)

// Kind names what a model element or a message's root item is.
type Kind string

// The kinds of model elements.
const (
	KindDatenschema        Kind = "datenschema"
	KindDatenfeldgruppe    Kind = "datenfeldgruppe"
	KindDatenfeld          Kind = "datenfeld"
	KindRegel              Kind = "regel"
	KindDokumentsteckbrief Kind = "dokumentsteckbrief"
	KindCodeliste          Kind = "codeliste"
)

// Identifier is the identity of a FIM element: its id and version.
// The version may be empty (optional in XDatenfelder 2.0).
type Identifier struct {
	ID      string `json:"id"`
	Version string `json:"version,omitempty"`
}

// String returns "ID" or "ID Vversion", the way the FIM portal writes it.
func (i Identifier) String() string {
	if i.Version == "" {
		return i.ID
	}
	return i.ID + " V" + i.Version
}

// IsZero reports whether neither id nor version is set.
func (i Identifier) IsZero() bool { return i.ID == "" && i.Version == "" }

// Pos is the place of an element's start tag in the source. Line and Column
// are 1-based (Column counts characters, not bytes); Offset is the byte
// offset of the '<'.
type Pos struct {
	Offset int64 `json:"-"`
	Line   int   `json:"line"`
	Column int   `json:"column"`
}

// Date is a date or timestamp as written in the source, with its parsed
// value when it is valid. An invalid date keeps Raw and has a zero Time.
type Date struct {
	Raw  string
	Time time.Time
}

// Valid reports whether the date parsed.
func (d Date) Valid() bool { return !d.Time.IsZero() }

// IsZero reports whether the element was absent or empty.
func (d Date) IsZero() bool { return d.Raw == "" }

// MarshalJSON writes the date as written in the source.
func (d Date) MarshalJSON() ([]byte, error) { return json.Marshal(d.Raw) }

// Code is a value of an XÖV code type: the code with the list it is from.
type Code struct {
	Code          string `json:"code"`
	ListURI       string `json:"listURI,omitempty"`
	ListVersionID string `json:"listVersionID,omitempty"`
}

// Bezug is a reference to a legal basis (Handlungsgrundlage); XDatenfelder
// 3.0.0 adds an optional link and allows several.
type Bezug struct {
	Text string `json:"text"`
	Link string `json:"link,omitempty"`
}

// Stichwort is a keyword of an XDatenfelder 3.0.0 element.
type Stichwort struct {
	Text string `json:"text"`
	URI  string `json:"uri,omitempty"`
}

// Praedikat is the kind of a [Relation] (XDatenfelder 3.0.0).
type Praedikat string

// The relation predicates.
const (
	PraedikatABL Praedikat = "ABL" // abgeleitet von
	PraedikatERS Praedikat = "ERS" // ersetzt
	PraedikatEQU Praedikat = "EQU" // ist äquivalent zu
	PraedikatVKN Praedikat = "VKN" // ist verknüpft mit
)

// Relation links an element to another element by identifier.
type Relation struct {
	Praedikat Praedikat  `json:"praedikat"`
	Objekt    Identifier `json:"objekt"`
	Pos       Pos        `json:"pos"`
}

// Unmapped is a child element the reader does not map into the model. It is
// kept with its text (all character data below it, whitespace-trimmed) so
// that nothing is silently lost.
type Unmapped struct {
	Name string `json:"name"`
	Text string `json:"text,omitempty"`
	Pos  Pos    `json:"pos"`
}

// Common is the metadata every FIM element (schema, group, field,
// steckbrief, rule) may carry in either version. Fields the source version
// does not have stay empty.
type Common struct {
	Identifier         Identifier `json:"identifier"`
	Name               string     `json:"name"`
	BezeichnungEingabe string     `json:"bezeichnungEingabe,omitempty"`
	BezeichnungAusgabe string     `json:"bezeichnungAusgabe,omitempty"`
	Beschreibung       string     `json:"beschreibung,omitempty"`
	Definition         string     `json:"definition,omitempty"`
	Bezug              []Bezug    `json:"bezug,omitempty"`
	// Status is the XDatenfelder 2.0 status (inVorbereitung, aktiv, inaktiv).
	Status string `json:"status,omitempty"`
	// Freigabestatus is the XDatenfelder 3.0.0 code 1–8
	// (urn:xoev-de:xprozess:codeliste:status).
	Freigabestatus          string      `json:"freigabestatus,omitempty"`
	StatusGesetztAm         Date        `json:"statusGesetztAm,omitzero"`
	StatusGesetztDurch      string      `json:"statusGesetztDurch,omitempty"`
	GueltigAb               Date        `json:"gueltigAb,omitzero"`
	GueltigBis              Date        `json:"gueltigBis,omitzero"`
	Freigabedatum           Date        `json:"freigabedatum,omitzero"`
	Veroeffentlichungsdatum Date        `json:"veroeffentlichungsdatum,omitzero"`
	LetzteAenderung         Date        `json:"letzteAenderung,omitzero"`
	FachlicherErsteller     string      `json:"fachlicherErsteller,omitempty"`
	Versionshinweis         string      `json:"versionshinweis,omitempty"`
	HilfetextEingabe        string      `json:"hilfetextEingabe,omitempty"`
	HilfetextAusgabe        string      `json:"hilfetextAusgabe,omitempty"`
	Schemaelementart        string      `json:"schemaelementart,omitempty"`
	Stichwort               []Stichwort `json:"stichwort,omitempty"`
	Relations               []Relation  `json:"relation,omitempty"`
	Pos                     Pos         `json:"pos"`
	Extra                   []Unmapped  `json:"extra,omitempty"`
}

// Label returns BezeichnungEingabe, or Name when there is none.
func (c *Common) Label() string {
	if c.BezeichnungEingabe != "" {
		return c.BezeichnungEingabe
	}
	return c.Name
}

// Cardinality is an "anzahl" such as 1:1, 0:* or 2:5. Max is -1 when
// unbounded. Raw is the text as written.
type Cardinality struct {
	Min int    `json:"min"`
	Max int    `json:"max"`
	Raw string `json:"raw"`
}

// Unbounded is the Max of a cardinality without upper bound ("*").
const Unbounded = -1

// ParseCardinality parses "min:max" where max may be "*".
func ParseCardinality(s string) (Cardinality, bool) {
	c := Cardinality{Raw: s}
	lo, hi, ok := strings.Cut(strings.TrimSpace(s), ":")
	if !ok {
		return c, false
	}
	mn, err := strconv.Atoi(strings.TrimSpace(lo))
	if err != nil || mn < 0 {
		return c, false
	}
	c.Min = mn
	hi = strings.TrimSpace(hi)
	if hi == "*" {
		c.Max = Unbounded
		return c, true
	}
	mx, err := strconv.Atoi(hi)
	if err != nil || mx < 0 {
		return c, false
	}
	c.Max = mx
	return c, true
}

// String returns "min:max" with "*" for unbounded, or Raw if it did not parse.
func (c Cardinality) String() string {
	if c.Raw != "" {
		if _, ok := ParseCardinality(c.Raw); !ok {
			return c.Raw
		}
	}
	hi := "*"
	if c.Max != Unbounded {
		hi = strconv.Itoa(c.Max)
	}
	return strconv.Itoa(c.Min) + ":" + hi
}

// Required reports whether at least one occurrence is needed.
func (c Cardinality) Required() bool { return c.Min >= 1 }

// ElementRef is one place in a structure (a "struktur" element): the group or
// field used there, with this place's cardinality and bezug. Exactly one of
// Group and Field is set.
type ElementRef struct {
	Anzahl Cardinality
	Bezug  []Bezug
	Group  *Datenfeldgruppe
	Field  *Datenfeld
	Pos    Pos
}

// Kind returns KindDatenfeldgruppe or KindDatenfeld.
func (r *ElementRef) Kind() Kind {
	if r.Group != nil {
		return KindDatenfeldgruppe
	}
	return KindDatenfeld
}

// Common returns the metadata of the referenced element.
func (r *ElementRef) Common() *Common {
	if r.Group != nil {
		return &r.Group.Common
	}
	if r.Field != nil {
		return &r.Field.Common
	}
	return &Common{}
}

// Identifier returns the identifier of the referenced element.
func (r *ElementRef) Identifier() Identifier { return r.Common().Identifier }

type elementRefJSON struct {
	Kind       Kind        `json:"kind"`
	Identifier Identifier  `json:"identifier"`
	Anzahl     Cardinality `json:"anzahl"`
	Bezug      []Bezug     `json:"bezug,omitempty"`
	Pos        Pos         `json:"pos"`
}

// MarshalJSON writes the place as a reference (kind and identifier); the
// element itself is written once in the document's groups or fields list.
func (r ElementRef) MarshalJSON() ([]byte, error) {
	return json.Marshal(elementRefJSON{Kind: r.Kind(), Identifier: r.Identifier(), Anzahl: r.Anzahl, Bezug: r.Bezug, Pos: r.Pos})
}

// RuleRef is one rule element ("regel") under a schema, group or field. A
// rule written at several places is one Regel, kept once in the document's
// rules list with the position of its first occurrence; Pos is where this
// occurrence starts.
type RuleRef struct {
	Regel *Regel
	Pos   Pos
}

// Rules is the list of rules of a schema, group or field; in JSON it is
// written as identifiers, the rules themselves are in the document's rules
// list.
type Rules []RuleRef

// List returns the rules without their positions.
func (rs Rules) List() []*Regel {
	out := make([]*Regel, len(rs))
	for i, r := range rs {
		out[i] = r.Regel
	}
	return out
}

// MarshalJSON writes the identifiers of the rules.
func (rs Rules) MarshalJSON() ([]byte, error) {
	ids := make([]Identifier, len(rs))
	for i, r := range rs {
		ids[i] = r.Regel.Identifier
	}
	return json.Marshal(ids)
}

// Datenschema is a Stammdatenschema (the form's data structure).
type Datenschema struct {
	Common
	// Bezeichnung is the XDatenfelder 3.0.0 label of the schema.
	Bezeichnung string `json:"bezeichnung,omitempty"`
	Hilfetext   string `json:"hilfetext,omitempty"`
	// AbleitungsmodifikationenStruktur is 0–3, Repraesentation 0 or 1.
	AbleitungsmodifikationenStruktur        string      `json:"ableitungsmodifikationenStruktur,omitempty"`
	AbleitungsmodifikationenRepraesentation string      `json:"ableitungsmodifikationenRepraesentation,omitempty"`
	Dokumentsteckbrief                      *Identifier `json:"dokumentsteckbrief,omitempty"`
	// DokumentsteckbriefPos is where the Dokumentsteckbrief reference starts.
	DokumentsteckbriefPos Pos          `json:"-"`
	Regeln                Rules        `json:"regeln,omitempty"`
	Children              []ElementRef `json:"children"`
}

// Datenfeldgruppe is a group of fields and groups.
type Datenfeldgruppe struct {
	Common
	// Art is the XDatenfelder 3.0.0 "art" of a group (e.g. "X"), if given.
	Art      string       `json:"art,omitempty"`
	Regeln   Rules        `json:"regeln,omitempty"`
	Children []ElementRef `json:"children"`
}

// Feldart is the kind of input of a field.
type Feldart string

// The Feldart values of XDatenfelder 2.0 and 3.0.0 (hidden, locked: 3.0.0).
const (
	FeldartInput  Feldart = "input"
	FeldartSelect Feldart = "select"
	FeldartLabel  Feldart = "label"
	FeldartHidden Feldart = "hidden"
	FeldartLocked Feldart = "locked"
)

// known reports whether f is a Feldart of XDatenfelder 2.0 or 3.0.0.
func (f Feldart) known() bool {
	switch f {
	case FeldartInput, FeldartSelect, FeldartLabel, FeldartHidden, FeldartLocked:
		return true
	}
	return false
}

// Datentyp is the data type of a field.
type Datentyp string

// The Datentyp values of XDatenfelder 2.0 and 3.0.0 (text_latin, time,
// datetime: 3.0.0).
const (
	DatentypText        Datentyp = "text"
	DatentypTextLatin   Datentyp = "text_latin"
	DatentypDate        Datentyp = "date"
	DatentypTime        Datentyp = "time"
	DatentypDatetime    Datentyp = "datetime"
	DatentypBool        Datentyp = "bool"
	DatentypNum         Datentyp = "num"
	DatentypNumInt      Datentyp = "num_int"
	DatentypNumCurrency Datentyp = "num_currency"
	DatentypFile        Datentyp = "file"
	DatentypObj         Datentyp = "obj"
)

// known reports whether d is a Datentyp of XDatenfelder 2.0 or 3.0.0.
func (d Datentyp) known() bool {
	switch d {
	case DatentypText, DatentypTextLatin, DatentypDate, DatentypTime, DatentypDatetime,
		DatentypBool, DatentypNum, DatentypNumInt, DatentypNumCurrency, DatentypFile, DatentypObj:
		return true
	}
	return false
}

// Constraints are a field's value constraints ("praezisierung"). Lengths
// are integers; MinValue and MaxValue stay decimal text so that no
// precision is lost. Raw is the praezisierung as written (the JSON text in
// XDatenfelder 2.0; empty for the attribute form of 3.0.0).
type Constraints struct {
	MinLength *int    `json:"minLength,omitempty"`
	MaxLength *int    `json:"maxLength,omitempty"`
	MinValue  *string `json:"minValue,omitempty"`
	MaxValue  *string `json:"maxValue,omitempty"`
	Pattern   string  `json:"pattern,omitempty"`
	Raw       string  `json:"raw,omitempty"`
}

// IsZero reports whether no constraint is set.
func (c Constraints) IsZero() bool {
	return c.MinLength == nil && c.MaxLength == nil && c.MinValue == nil && c.MaxValue == nil && c.Pattern == "" && c.Raw == ""
}

// CodelisteRef points to a genericode code list. XDatenfelder 2.0 has a
// FIM id (C…) plus the genericode identification; 3.0.0 only the latter.
type CodelisteRef struct {
	ID                  string `json:"id,omitempty"`
	CanonicalURI        string `json:"canonicalUri"`
	Version             string `json:"version,omitempty"`
	CanonicalVersionURI string `json:"canonicalVersionUri,omitempty"`
	Pos                 Pos    `json:"pos"`
}

// String returns the canonical version URI, or URI and version.
func (c *CodelisteRef) String() string {
	if c.CanonicalVersionURI != "" {
		return c.CanonicalVersionURI
	}
	if c.Version != "" {
		return c.CanonicalURI + "_" + c.Version
	}
	if c.CanonicalURI != "" {
		return c.CanonicalURI
	}
	return c.ID
}

// Wert is an inline value of a selection field (XDatenfelder 3.0.0 werte).
type Wert struct {
	Code  string `json:"code"`
	Name  string `json:"name"`
	Hilfe string `json:"hilfe,omitempty"`
	Pos   Pos    `json:"pos"`
}

// Vorbefuellung says whether a field is prefilled (XDatenfelder 3.0.0):
// keine, optional or verpflichtend.
type Vorbefuellung string

// Datenfeld is a field.
type Datenfeld struct {
	Common
	Feldart       Feldart       `json:"feldart"`
	Datentyp      Datentyp      `json:"datentyp"`
	Praezisierung Constraints   `json:"praezisierung,omitzero"`
	Inhalt        string        `json:"inhalt,omitempty"`
	Vorbefuellung Vorbefuellung `json:"vorbefuellung,omitempty"`
	Codeliste     *CodelisteRef `json:"codeliste,omitempty"`
	Werte         []Wert        `json:"werte,omitempty"`
	CodeKey       string        `json:"codeKey,omitempty"`
	NameKey       string        `json:"nameKey,omitempty"`
	HelpKey       string        `json:"helpKey,omitempty"`
	// MaxSize is the largest file size in bytes (datentyp file, 3.0.0).
	MaxSize    *int64   `json:"maxSize,omitempty"`
	MediaTypes []string `json:"mediaType,omitempty"`
	Regeln     Rules    `json:"regeln,omitempty"`
}

// Regel is a rule attached to a schema, group or field. Definition holds the
// rule's prose: "definition" in 2.0, "freitextRegel" in 3.0.0.
type Regel struct {
	Common
	// Typ is the 3.0.0 rule type: K, M, V or B.
	Typ string `json:"typ,omitempty"`
	// Skript is "script" (2.0) or "skript" (3.0.0).
	Skript string `json:"skript,omitempty"`
}

// Dokumentsteckbrief describes a document kind (message 0101).
type Dokumentsteckbrief struct {
	Common
	Bezeichnung string `json:"bezeichnung,omitempty"`
	IstAbstrakt *bool  `json:"istAbstrakt,omitempty"`
	Dokumentart string `json:"dokumentart,omitempty"`
	Hilfetext   string `json:"hilfetext,omitempty"`
}

// CodelisteMessage is the content of a code list message
// (xdatenfelder.codeliste.0105): the FIM id and genericode identification.
// Everything else is kept in Extra.
type CodelisteMessage struct {
	Ref   CodelisteRef `json:"ref"`
	Extra []Unmapped   `json:"extra,omitempty"`
	Pos   Pos          `json:"pos"`
}

// Header is the message header.
type Header struct {
	NachrichtID          string `json:"nachrichtID,omitempty"`
	Erstellungszeitpunkt Date   `json:"erstellungszeitpunkt,omitzero"`
	ReferenzID           string `json:"referenzID,omitempty"`
	// Extra holds further header children (e.g. 3.0.0 "nachricht" fields).
	Extra []Unmapped `json:"extra,omitempty"`
}

// Document is one XDatenfelder message read into the canonical model.
// Exactly one of Schema, Group, Field, Steckbrief and Codeliste is set,
// according to Kind.
type Document struct {
	// File is the name the document was read under.
	File          string        `json:"file"`
	SourceVersion SourceVersion `json:"sourceVersion"`
	Namespace     string        `json:"namespace"`
	// Message is the root element's local name,
	// e.g. "xdatenfelder.stammdatenschema.0102".
	Message string `json:"message"`
	Kind    Kind   `json:"kind"`
	Header  Header `json:"header"`

	Schema     *Datenschema        `json:"schema,omitempty"`
	Group      *Datenfeldgruppe    `json:"-"`
	Field      *Datenfeld          `json:"-"`
	Steckbrief *Dokumentsteckbrief `json:"steckbrief,omitempty"`
	Codeliste  *CodelisteMessage   `json:"codeliste,omitempty"`

	// Groups, Fields and Rules hold every element of the document once, in
	// the order of first appearance; the maps index the same objects.
	Groups    []*Datenfeldgruppe              `json:"groups"`
	Fields    []*Datenfeld                    `json:"fields"`
	Rules     []*Regel                        `json:"rules"`
	GroupByID map[Identifier]*Datenfeldgruppe `json:"-"`
	FieldByID map[Identifier]*Datenfeld       `json:"-"`
	RuleByID  map[Identifier]*Regel           `json:"-"`
	RootIdent Identifier                      `json:"root"`
	// Extra holds unknown children of the message element.
	Extra []Unmapped `json:"extra,omitempty"`
}

// Root returns the metadata of the message's root item, or nil for a code
// list message.
func (d *Document) Root() *Common {
	switch {
	case d.Schema != nil:
		return &d.Schema.Common
	case d.Group != nil:
		return &d.Group.Common
	case d.Field != nil:
		return &d.Field.Common
	case d.Steckbrief != nil:
		return &d.Steckbrief.Common
	}
	return nil
}

// Children returns the top-level structure: the schema's or the root
// group's children; a root field is returned as one place with anzahl 1:1.
func (d *Document) Children() []ElementRef {
	switch {
	case d.Schema != nil:
		return d.Schema.Children
	case d.Group != nil:
		return []ElementRef{{Anzahl: Cardinality{Min: 1, Max: 1, Raw: "1:1"}, Group: d.Group, Pos: d.Group.Pos}}
	case d.Field != nil:
		return []ElementRef{{Anzahl: Cardinality{Min: 1, Max: 1, Raw: "1:1"}, Field: d.Field, Pos: d.Field.Pos}}
	}
	return nil
}

// Walk calls fn for every place of the structure in document order, depth
// first, with the place's path of 1-based positions (1, 1.2, 1.2.3). A
// group used at several places is visited at each (so the number of places
// can grow exponentially with the nesting of reused groups: bound your work
// in fn). fn returning false skips the children of that place. path is
// reused between calls: copy it to keep it.
func (d *Document) Walk(fn func(path []int, ref *ElementRef) bool) {
	var walk func(path []int, refs []ElementRef)
	walk = func(path []int, refs []ElementRef) {
		for i := range refs {
			p := append(path, i+1)
			ref := &refs[i]
			if !fn(p, ref) {
				continue
			}
			if ref.Group != nil {
				walk(p, ref.Group.Children)
			}
		}
	}
	walk(make([]int, 0, 8), d.Children())
}

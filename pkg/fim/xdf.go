package fim

import (
	"strconv"
	"strings"

	"github.com/ozgctl/ozgctl/pkg/finding"
)

// Bits of single-valued children for duplicate detection. Common children
// use 0–23, element-specific ones 32 and up.
const (
	bIdent uint = iota
	bName
	bBezEin
	bBezAus
	bBeschr
	bDef
	bBezug
	bStatus
	bFreigabestatus
	bStatusAm
	bStatusDurch
	bGueltigAb
	bGueltigBis
	bFreigabedatum
	bVeroeff
	bLetzte
	bErsteller
	bVersionshinweis
	bHilfeEin
	bHilfeAus
	bSchemaelementart
)

const (
	bX0 uint = 32 + iota
	bX1
	bX2
	bX3
	bX4
	bX5
	bX6
	bX7
	bX8
	bX9
	bX10
	bX11
	bX12
	bX13
)

// readCommon handles a child that belongs to [Common]; it reports false when
// the child is not one of them.
func (r *reader) readCommon(c *Common, seen *uint64, el *element) (bool, error) {
	name := el.local
	var err error
	str := func(b uint, dst *string) error { return r.onceText(seen, b, el, dst, r.text) }
	date := func(b uint, dst *Date, withTime bool) error {
		if err := r.once(seen, b, el); err != nil {
			return err
		}
		s, err := r.text(el)
		if err != nil {
			return err
		}
		*dst = r.parseDate(s, el, c, withTime)
		return nil
	}
	switch name {
	case "identifikation":
		if err := r.once(seen, bIdent, el); err != nil {
			return true, err
		}
		c.Identifier, err = r.readIdent(el)
		// The element's id joins the path of later findings; the caller
		// restores the path when the element ends.
		r.idPath = append(r.idPath, c.Identifier.ID)
	case "name":
		err = str(bName, &c.Name)
	case "bezeichnungEingabe":
		err = str(bBezEin, &c.BezeichnungEingabe)
	case "bezeichnungAusgabe":
		err = str(bBezAus, &c.BezeichnungAusgabe)
	case "beschreibung":
		err = str(bBeschr, &c.Beschreibung)
	case "definition":
		err = str(bDef, &c.Definition)
	case "bezug":
		if r.ver == XDF2 {
			if err := r.once(seen, bBezug, el); err != nil {
				return true, err
			}
		}
		var b Bezug
		b, err = r.readBezug(el)
		if err == nil && (b.Text != "" || b.Link != "") {
			c.Bezug = append(c.Bezug, b)
		}
	case "status":
		c.Status, err = r.onceCode(seen, bStatus, el, c, "inVorbereitung", "aktiv", "inaktiv")
	case "freigabestatus":
		c.Freigabestatus, err = r.onceCode(seen, bFreigabestatus, el, c, "1", "2", "3", "4", "5", "6", "7", "8")
	case "statusGesetztAm":
		err = date(bStatusAm, &c.StatusGesetztAm, false)
	case "statusGesetztDurch":
		err = str(bStatusDurch, &c.StatusGesetztDurch)
	case "gueltigAb":
		err = date(bGueltigAb, &c.GueltigAb, false)
	case "gueltigBis":
		err = date(bGueltigBis, &c.GueltigBis, false)
	case "freigabedatum":
		err = date(bFreigabedatum, &c.Freigabedatum, false)
	case "veroeffentlichungsdatum":
		err = date(bVeroeff, &c.Veroeffentlichungsdatum, false)
	case "letzteAenderung":
		err = date(bLetzte, &c.LetzteAenderung, true)
	case "fachlicherErsteller":
		err = str(bErsteller, &c.FachlicherErsteller)
	case "versionshinweis":
		err = str(bVersionshinweis, &c.Versionshinweis)
	case "hilfetextEingabe":
		err = str(bHilfeEin, &c.HilfetextEingabe)
	case "hilfetextAusgabe":
		err = str(bHilfeAus, &c.HilfetextAusgabe)
	case "schemaelementart":
		c.Schemaelementart, err = r.onceCode(seen, bSchemaelementart, el, c, "ABS", "HAR", "RNG")
	case "stichwort":
		var s Stichwort
		s.URI = strings.TrimSpace(attrValue(el, "uri"))
		s.Text, err = r.text(el)
		s.Text = strings.TrimSpace(s.Text)
		c.Stichwort = append(c.Stichwort, s)
	case "relation":
		var rel Relation
		rel, err = r.readRelation(el, c)
		c.Relations = append(c.Relations, rel)
	default:
		return false, nil
	}
	return true, err
}

// readIdent reads identifikation (or any {id, version} pair).
func (r *reader) readIdent(el *element) (Identifier, error) {
	var id Identifier
	var seen uint64
	err := r.children(el, func(ch *element) error {
		switch ch.local {
		case "id":
			return r.onceText(&seen, 0, ch, &id.ID, r.trimmed)
		case "version":
			return r.onceText(&seen, 1, ch, &id.Version, r.trimmed)
		}
		_, err := r.unmapped(ch, el.local, nil)
		return err
	})
	return id, err
}

func (r *reader) readBezug(el *element) (Bezug, error) {
	b := Bezug{Link: strings.TrimSpace(attrValue(el, "link"))}
	s, err := r.text(el)
	b.Text = strings.TrimSpace(s)
	return b, err
}

func attrValue(el *element, name string) string {
	for _, a := range el.attrs {
		if a.local == name && a.prefix == "" {
			return a.value
		}
	}
	return ""
}

// readCode reads an XÖV code type value: listURI and listVersionID
// attributes and a code child (in any namespace).
func (r *reader) readCode(el *element, c *Common) (Code, error) {
	code := Code{ListURI: attrValue(el, "listURI"), ListVersionID: attrValue(el, "listVersionID")}
	err := r.children(el, func(ch *element) error {
		if ch.class == nameUnqualified {
			// code and name of XÖV code types are unqualified by design.
			r.unqualified--
		}
		switch ch.local {
		case "code":
			s, err := r.text(ch)
			code.Code = strings.TrimSpace(s)
			return err
		case "name":
			_, err := r.skip(ch)
			return err
		}
		_, err := r.unmapped(ch, el.local, c)
		return err
	})
	return code, err
}

// checkCode reports a code value outside the allowed ones.
func (r *reader) checkCode(v string, el *element, c *Common, what string, allowed ...string) {
	if v == "" {
		return
	}
	for _, a := range allowed {
		if v == a {
			return
		}
	}
	r.addFinding(ruleUnknownCode, finding.Error, el.off, c, "",
		msgReadUnknownValueForIn.With(v, what, r.ver, strings.Join(allowed, ", ")))
}

func (r *reader) readRelation(el *element, c *Common) (Relation, error) {
	rel := Relation{Pos: Pos{Offset: el.off}}
	var seen uint64
	err := r.children(el, func(ch *element) error {
		switch ch.local {
		case "praedikat":
			if err := r.once(&seen, 0, ch); err != nil {
				return err
			}
			code, err := r.readCode(ch, c)
			rel.Praedikat = Praedikat(code.Code)
			r.checkCode(code.Code, ch, c, "praedikat", "ABL", "ERS", "EQU", "VKN")
			return err
		case "objekt":
			if err := r.once(&seen, 1, ch); err != nil {
				return err
			}
			id, err := r.readIdent(ch)
			rel.Objekt = id
			return err
		}
		_, err := r.unmapped(ch, "relation", c)
		return err
	})
	return rel, err
}

// parseDate parses an xs:date (or xs:dateTime when withTime) and reports
// impossible values.
func (r *reader) parseDate(s string, el *element, c *Common, withTime bool) Date {
	d := Date{Raw: strings.TrimSpace(s)}
	if d.Raw == "" {
		return d
	}
	t, ok := parseDateText(d.Raw, withTime)
	if ok {
		d.Time = t
		return d
	}
	want := msgReadDateForm.With()
	if withTime {
		want = msgReadDateTimeForm.With()
	}
	r.addFinding(ruleInvalidDate, finding.Warning, el.off, c, "", msgReadInvalidDate.With(el.local, d.Raw, want))
	return d
}

// finishCommon checks what every element needs after its children were read.
func (r *reader) finishCommon(c *Common, el *element) error {
	if c.Identifier.ID == "" {
		return r.fail(el.off, ErrStructure, msgFailHasNoIdentifikationId.With(el.local))
	}
	return nil
}

// readElement reads the children of el, an element with [Common]: those of
// Common into c, every other one through own, which shares the bits of
// seen with them; then it checks what every element needs (finishCommon).
// The caller restores r.idPath when it is done with the element, so that its
// own findings after the children still carry the element's id. (seen is
// the caller's, not readElement's, because handing own a pointer would put
// it on the heap for every element.)
func (r *reader) readElement(el *element, c *Common, seen *uint64, own func(ch *element) error) error {
	c.Pos.Offset = el.off
	err := r.children(el, func(ch *element) error {
		if ok, err := r.readCommon(c, seen, ch); ok {
			return err
		}
		return own(ch)
	})
	if err != nil {
		return err
	}
	return r.finishCommon(c, el)
}

// readDescribed reads a schema or a Dokumentsteckbrief, which have
// bezeichnung and hilfetext (bits bX0 and bX1) besides [Common], like
// readElement, and restores r.idPath at its end.
func (r *reader) readDescribed(el *element, c *Common, seen *uint64, bezeichnung, hilfetext *string, own func(ch *element) error) error {
	defer r.restorePath(len(r.idPath))
	return r.readElement(el, c, seen, func(ch *element) error {
		switch ch.local {
		case "bezeichnung":
			return r.onceText(seen, bX0, ch, bezeichnung, r.text)
		case "hilfetext":
			return r.onceText(seen, bX1, ch, hilfetext, r.text)
		}
		return own(ch)
	})
}

func (r *reader) readHeader(el *element, h *Header) error {
	var seen uint64
	return r.children(el, func(ch *element) error {
		switch ch.local {
		case "nachrichtID":
			return r.onceText(&seen, 0, ch, &h.NachrichtID, r.trimmed)
		case "erstellungszeitpunkt":
			if err := r.once(&seen, 1, ch); err != nil {
				return err
			}
			s, err := r.text(ch)
			h.Erstellungszeitpunkt = r.parseDate(s, ch, nil, true)
			return err
		case "referenzID":
			return r.onceText(&seen, 2, ch, &h.ReferenzID, r.trimmed)
		}
		// Header fields differ between producers; keep them without a finding.
		txt, err := r.skip(ch)
		h.Extra = append(h.Extra, Unmapped{Name: ch.local, Text: txt, Pos: Pos{Offset: ch.off}})
		return err
	})
}

func (r *reader) readSchema(el *element) (*Datenschema, error) {
	s := &Datenschema{}
	var seen uint64
	err := r.readDescribed(el, &s.Common, &seen, &s.Bezeichnung, &s.Hilfetext, func(ch *element) (err error) {
		switch ch.local {
		case "ableitungsmodifikationenStruktur":
			s.AbleitungsmodifikationenStruktur, err = r.onceCode(&seen, bX2, ch, &s.Common, "0", "1", "2", "3")
		case "ableitungsmodifikationenRepraesentation":
			s.AbleitungsmodifikationenRepraesentation, err = r.onceCode(&seen, bX3, ch, &s.Common, "0", "1")
		case "dokumentsteckbrief":
			if err := r.once(&seen, bX4, ch); err != nil {
				return err
			}
			var id Identifier
			id, err = r.readIdent(ch)
			s.Dokumentsteckbrief = &id
			s.DokumentsteckbriefPos = Pos{Offset: ch.off}
		default:
			err = r.readMember(ch, el.local, &s.Common, &s.Regeln, &s.Children)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	return s, nil
}

// readMember reads a child that schemas, groups and fields share: a rule,
// a structure entry (children nil: none allowed, so it is unmapped like
// any element ozgctl does not model) or an unmapped element.
func (r *reader) readMember(ch *element, parent string, c *Common, regeln *Rules, children *[]ElementRef) error {
	switch {
	case ch.local == "regel":
		rg, err := r.readRegel(ch)
		if rg != nil {
			*regeln = append(*regeln, RuleRef{Regel: rg, Pos: Pos{Offset: ch.off}})
		}
		return err
	case ch.local == "struktur" && children != nil:
		ref, ok, err := r.readStruktur(ch, c)
		if ok {
			*children = append(*children, ref)
		}
		return err
	}
	u, err := r.unmapped(ch, parent, c)
	c.Extra = append(c.Extra, u)
	return err
}

// readStruktur reads one place: anzahl, bezug and enthaelt with one group or
// field. ok is false when the place has no element (reported as a finding).
func (r *reader) readStruktur(el *element, parent *Common) (ElementRef, bool, error) {
	ref := ElementRef{Pos: Pos{Offset: el.off}}
	var seen uint64
	anzahl := false
	err := r.children(el, func(ch *element) error {
		switch ch.local {
		case "anzahl":
			if err := r.once(&seen, 0, ch); err != nil {
				return err
			}
			s, err := r.text(ch)
			if err != nil {
				return err
			}
			anzahl = true
			c, ok := ParseCardinality(s)
			ref.Anzahl = c
			if !ok {
				r.addFinding(ruleInvalidValue, finding.Error, ch.off, parent, "",
					msgReadInvalidAnzahlExpectedMin.With(strings.TrimSpace(s)))
			} else if c.Max != Unbounded && c.Max < c.Min {
				r.addFinding(ruleInvalidValue, finding.Error, ch.off, parent, "",
					msgReadAnzahlTheMaximumIs.With(c.Raw))
			}
			return nil
		case "bezug":
			if r.ver == XDF2 {
				if err := r.once(&seen, 1, ch); err != nil {
					return err
				}
			}
			b, err := r.readBezug(ch)
			if b.Text != "" || b.Link != "" {
				ref.Bezug = append(ref.Bezug, b)
			}
			return err
		case "enthaelt":
			if err := r.once(&seen, 2, ch); err != nil {
				return err
			}
			return r.children(ch, func(e *element) error {
				if ref.Group != nil || ref.Field != nil {
					return r.fail(e.off, ErrStructure, msgFailEnthaeltHoldsASecond.With(e.local))
				}
				switch e.local {
				case "datenfeldgruppe":
					g, err := r.readGroup(e)
					ref.Group = g
					return err
				case "datenfeld":
					f, err := r.readField(e)
					ref.Field = f
					return err
				}
				_, err := r.unmapped(e, "enthaelt", parent)
				return err
			})
		}
		_, err := r.unmapped(ch, "struktur", parent)
		return err
	})
	if err != nil {
		return ref, false, err
	}
	if ref.Group == nil && ref.Field == nil {
		r.addFinding(ruleMissingElement, finding.Error, el.off, parent, "",
			msgReadStrukturHoldsNoElement.With())
		return ref, false, nil
	}
	if !anzahl {
		r.addFinding(ruleMissingElement, finding.Error, el.off, ref.Common(), "",
			msgReadStrukturWithoutAnzahlIs.With())
		ref.Anzahl = Cardinality{Min: 1, Max: 1}
	}
	return ref, true, nil
}

func (r *reader) readGroup(el *element) (*Datenfeldgruppe, error) {
	r.depth++
	defer func() { r.depth-- }()
	if len(r.groupStack) >= maxDepth {
		return nil, r.fail(el.off, ErrStructure, msgFailGroupsAreNestedMore.With(maxDepth))
	}
	g := &Datenfeldgruppe{}
	defer r.restorePath(len(r.idPath))
	pushed := false
	var seen uint64
	err := r.readElement(el, &g.Common, &seen, func(ch *element) error {
		// Once its identifikation is read, the group is on the stack that
		// nested groups (read below) are checked against for cycles.
		if !pushed && seen&(1<<bIdent) != 0 {
			r.groupStack = append(r.groupStack, g.Identifier)
			pushed = true
		}
		if ch.local == "art" {
			var err error
			g.Art, err = r.onceCode(&seen, bX0, ch, &g.Common)
			return err
		}
		return r.readMember(ch, el.local, &g.Common, &g.Regeln, &g.Children)
	})
	if pushed {
		r.groupStack = r.groupStack[:len(r.groupStack)-1]
	}
	if err != nil {
		return nil, err
	}
	return r.registerGroup(g, el), nil
}

// registerGroup returns the document's one object for g's identifier.
func (r *reader) registerGroup(g *Datenfeldgruppe, el *element) *Datenfeldgruppe {
	for _, id := range r.groupStack {
		if id == g.Identifier {
			r.addFinding(ruleCycle, finding.Error, el.off, &g.Common, "",
				msgReadGroupContainsItself.With(g.Identifier))
			// Keep it as a separate object so that the model has no cycle.
			return g
		}
	}
	old, found := register(r.doc.GroupByID, &r.doc.Groups, g.Identifier, g)
	if found {
		r.checkCopy(&old.Common, &g.Common, el)
	}
	return old
}

// register returns the document's one object for id: the one read before
// (found), or v, which it records in byID and list.
func register[T any](byID map[Identifier]*T, list *[]*T, id Identifier, v *T) (one *T, found bool) {
	if old, ok := byID[id]; ok {
		return old, true
	}
	byID[id] = v
	*list = append(*list, v)
	return v, false
}

func (r *reader) checkCopy(old, cur *Common, el *element) {
	if old.Name != cur.Name {
		r.addFinding(ruleInconsistentCopy, finding.Warning, el.off, cur, "",
			msgReadOccursSeveralTimesWith.With(cur.Identifier, cur.Name, old.Name))
	}
}

// The feldart and datentyp codes each XDatenfelder version allows, as
// tables the linker lays out (a map would be made in every process).
var (
	feldartenXDF2  = []string{"input", "select", "label"}
	feldartenXDF3  = []string{"input", "select", "label", "hidden", "locked"}
	datentypenXDF2 = []string{"text", "date", "bool", "num", "num_int", "num_currency", "file", "obj"}
	datentypenXDF3 = []string{"text", "text_latin", "date", "time", "datetime", "bool", "num", "num_int", "num_currency", "file", "obj"}
)

// codesOf returns xdf2 or xdf3 for version v, nil for another version.
func codesOf(v SourceVersion, xdf2, xdf3 []string) []string {
	switch v {
	case XDF2:
		return xdf2
	case XDF3:
		return xdf3
	}
	return nil
}

func (r *reader) readField(el *element) (*Datenfeld, error) {
	f := &Datenfeld{}
	defer r.restorePath(len(r.idPath))
	var praez *element
	var praezText string
	var seen uint64
	err := r.readElement(el, &f.Common, &seen, func(ch *element) error {
		var err error
		switch ch.local {
		case "feldart":
			var code string
			code, err = r.onceCode(&seen, bX0, ch, &f.Common, codesOf(r.ver, feldartenXDF2, feldartenXDF3)...)
			f.Feldart = Feldart(code)
		case "datentyp":
			var code string
			code, err = r.onceCode(&seen, bX1, ch, &f.Common, codesOf(r.ver, datentypenXDF2, datentypenXDF3)...)
			f.Datentyp = Datentyp(code)
		case "praezisierung":
			if err := r.once(&seen, bX2, ch); err != nil {
				return err
			}
			c := *ch
			praez = &c
			r.readConstraintAttrs(ch, f)
			praezText, err = r.text(ch)
		case "inhalt":
			err = r.onceText(&seen, bX3, ch, &f.Inhalt, r.text)
		case "vorbefuellung":
			var code string
			code, err = r.onceCode(&seen, bX4, ch, &f.Common, "keine", "optional", "verpflichtend")
			f.Vorbefuellung = Vorbefuellung(code)
		case "codelisteReferenz":
			if err := r.once(&seen, bX5, ch); err != nil {
				return err
			}
			f.Codeliste, err = r.readCodelisteRef(ch, &f.Common)
		case "werte":
			if err := r.once(&seen, bX6, ch); err != nil {
				return err
			}
			err = r.readWerte(ch, f)
		case "codeKey":
			err = r.onceText(&seen, bX7, ch, &f.CodeKey, r.trimmed)
		case "nameKey":
			err = r.onceText(&seen, bX8, ch, &f.NameKey, r.trimmed)
		case "helpKey":
			err = r.onceText(&seen, bX9, ch, &f.HelpKey, r.trimmed)
		case "maxSize":
			if err := r.once(&seen, bX10, ch); err != nil {
				return err
			}
			var s string
			s, err = r.trimmed(ch)
			if s != "" {
				n, perr := strconv.ParseInt(s, 10, 64)
				if perr != nil || n < 0 {
					r.addFinding(ruleInvalidValue, finding.Error, ch.off, &f.Common, "",
						msgReadMaxsizeIsNotA.With(s))
				} else {
					f.MaxSize = &n
				}
			}
		case "mediaType":
			var s string
			s, err = r.trimmed(ch)
			if s != "" {
				f.MediaTypes = append(f.MediaTypes, s)
			}
		default:
			err = r.readMember(ch, el.local, &f.Common, &f.Regeln, nil)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	if praez != nil {
		r.parsePraezisierung(praezText, praez, f)
	}
	one, found := register(r.doc.FieldByID, &r.doc.Fields, f.Identifier, f)
	if found {
		r.checkCopy(&one.Common, &f.Common, el)
	}
	return one, nil
}

func (r *reader) trimmed(el *element) (string, error) {
	s, err := r.text(el)
	return strings.TrimSpace(s), err
}

func (r *reader) readCodelisteRef(el *element, c *Common) (*CodelisteRef, error) {
	ref := &CodelisteRef{Pos: Pos{Offset: el.off}}
	var seen uint64
	var gen func(ch *element) error
	gen = func(ch *element) error {
		var err error
		switch ch.local {
		case "identifikation":
			if err := r.once(&seen, 0, ch); err != nil {
				return err
			}
			var id Identifier
			id, err = r.readIdent(ch)
			ref.ID = id.ID
		case "genericodeIdentification":
			if err := r.once(&seen, 1, ch); err != nil {
				return err
			}
			err = r.children(ch, gen)
		case "canonicalIdentification":
			err = r.onceText(&seen, 2, ch, &ref.CanonicalURI, r.trimmed)
		case "version":
			err = r.onceText(&seen, 3, ch, &ref.Version, r.trimmed)
			if err == nil {
				r.checkDateShaped(ref.Version, ch, c)
			}
		case "canonicalVersionUri":
			err = r.onceText(&seen, 4, ch, &ref.CanonicalVersionURI, r.trimmed)
		default:
			_, err = r.unmapped(ch, el.local, c)
		}
		return err
	}
	err := r.children(el, gen)
	if err == nil && ref.CanonicalURI == "" && ref.CanonicalVersionURI == "" {
		r.addFinding(ruleMissingElement, finding.Error, el.off, c, "",
			msgReadCodelistereferenzWithoutCanonicalidentificationThe.With())
	}
	return ref, err
}

// checkDateShaped warns about a code list version that looks like a date
// (YYYY-MM-DD) but is not one, e.g. "2020-28-09".
func (r *reader) checkDateShaped(v string, el *element, c *Common) {
	if len(v) != 10 || v[4] != '-' || v[7] != '-' {
		return
	}
	for i := 0; i < 10; i++ {
		if i != 4 && i != 7 && (v[i] < '0' || v[i] > '9') {
			return
		}
	}
	if _, ok := parseDateText(v, false); ok {
		return
	}
	r.addFinding(ruleInvalidDate, finding.Warning, el.off, c, "",
		msgReadCodeListVersionIs.With(v))
}

func (r *reader) readWerte(el *element, f *Datenfeld) error {
	return r.children(el, func(ch *element) error {
		if ch.local != "wert" {
			_, err := r.unmapped(ch, "werte", &f.Common)
			return err
		}
		w := Wert{Pos: Pos{Offset: ch.off}}
		var seen uint64
		err := r.children(ch, func(e *element) error {
			var err error
			switch e.local {
			case "code":
				err = r.onceText(&seen, 0, e, &w.Code, r.trimmed)
			case "name":
				err = r.onceText(&seen, 1, e, &w.Name, r.text)
			case "hilfe":
				err = r.onceText(&seen, 2, e, &w.Hilfe, r.text)
			default:
				_, err = r.unmapped(e, "wert", &f.Common)
			}
			return err
		})
		f.Werte = append(f.Werte, w)
		return err
	})
}

func (r *reader) readRegel(el *element) (*Regel, error) {
	rg := &Regel{}
	defer r.restorePath(len(r.idPath))
	var scriptEl *element
	scriptSeen := false
	var seen uint64
	err := r.readElement(el, &rg.Common, &seen, func(ch *element) error {
		var err error
		switch ch.local {
		case "freitextRegel":
			err = r.onceText(&seen, bDef, ch, &rg.Definition, r.text)
		case "typ":
			rg.Typ, err = r.onceCode(&seen, bX0, ch, &rg.Common, "K", "M", "V", "B")
		case "script", "skript":
			if err := r.once(&seen, bX1, ch); err != nil {
				return err
			}
			c := *ch
			scriptEl, scriptSeen = &c, true
			rg.Skript, err = r.text(ch)
		default:
			var u Unmapped
			u, err = r.unmapped(ch, "regel", &rg.Common)
			rg.Extra = append(rg.Extra, u)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	if scriptSeen && emptyScript(rg.Skript) {
		r.addFinding(ruleEmptyScript, finding.Info, scriptEl.off, &rg.Common, "",
			msgReadRuleHasNoExecutable.With(rg.Identifier))
	}
	one, _ := register(r.doc.RuleByID, &r.doc.Rules, rg.Identifier, rg)
	return one, nil
}

// emptyScript reports "", whitespace, or a function with an empty body.
func emptyScript(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return true
	}
	if !strings.HasPrefix(s, "function") {
		return false
	}
	open := strings.IndexByte(s, '{')
	if open < 0 || !strings.HasSuffix(s, "}") {
		return false
	}
	return strings.TrimSpace(s[open+1:len(s)-1]) == ""
}

func (r *reader) readSteckbrief(el *element) (*Dokumentsteckbrief, error) {
	s := &Dokumentsteckbrief{}
	var seen uint64
	err := r.readDescribed(el, &s.Common, &seen, &s.Bezeichnung, &s.Hilfetext, func(ch *element) (err error) {
		switch ch.local {
		case "istAbstrakt", "isAbstrakt":
			if err := r.once(&seen, bX2, ch); err != nil {
				return err
			}
			var v string
			v, err = r.trimmed(ch)
			switch v {
			case "true", "1":
				t := true
				s.IstAbstrakt = &t
			case "false", "0":
				f := false
				s.IstAbstrakt = &f
			case "":
			default:
				r.addFinding(ruleInvalidValue, finding.Error, ch.off, &s.Common, "",
					msgReadIstabstraktIsNotA.With(v))
			}
		case "dokumentart":
			s.Dokumentart, err = r.onceCode(&seen, bX3, ch, &s.Common)
		default:
			var u Unmapped
			u, err = r.unmapped(ch, el.local, &s.Common)
			s.Extra = append(s.Extra, u)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	return s, nil
}

func (r *reader) readCodelisteMessage(el *element) (*CodelisteMessage, error) {
	m := &CodelisteMessage{Pos: Pos{Offset: el.off}}
	var seen uint64
	err := r.children(el, func(ch *element) error {
		var err error
		switch ch.local {
		case "identifikation":
			if err := r.once(&seen, 0, ch); err != nil {
				return err
			}
			var id Identifier
			id, err = r.readIdent(ch)
			m.Ref.ID = id.ID
		case "genericodeIdentification", "codelisteReferenz":
			if err := r.once(&seen, 1, ch); err != nil {
				return err
			}
			var ref *CodelisteRef
			ref, err = r.readCodelisteRef(ch, nil)
			if ref != nil {
				id := m.Ref.ID
				if ref.ID != "" {
					id = ref.ID
				}
				m.Ref = *ref
				m.Ref.ID = id
			}
		default:
			// The code list content itself (genericode) is kept as text.
			txt, e := r.skip(ch)
			m.Extra = append(m.Extra, Unmapped{Name: ch.local, Text: txt, Pos: Pos{Offset: ch.off}})
			err = e
		}
		return err
	})
	return m, err
}

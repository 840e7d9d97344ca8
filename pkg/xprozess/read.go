package xprozess

import (
	"archive/zip"
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"regexp"
	"strconv"
	"strings"

	"github.com/ozgctl/ozgctl/internal/lazy"
	"github.com/ozgctl/ozgctl/internal/xmltree"
	"github.com/ozgctl/ozgctl/pkg/bpmn"
	"github.com/ozgctl/ozgctl/pkg/finding"
)

// Limits bound the embedded archives. Zero values take the defaults.
type Limits struct {
	// MaxEncoded is the longest base64 text of one embedded file
	// (default 128 MiB).
	MaxEncoded int
	// MaxUnpacked is the most bytes unpacked from one document's
	// archives together (default 256 MiB).
	MaxUnpacked int64
	// MaxEntries is the most entries of one archive (default 64).
	MaxEntries int
}

func (l Limits) withDefaults() Limits {
	if l.MaxEncoded <= 0 {
		l.MaxEncoded = 128 << 20
	}
	if l.MaxUnpacked <= 0 {
		l.MaxUnpacked = 256 << 20
	}
	if l.MaxEntries <= 0 {
		l.MaxEntries = 64
	}
	return l
}

// ReadOptions tune [Read].
type ReadOptions struct {
	// Lang selects the language of finding messages: "de" (default) or "en".
	Lang   string
	Limits Limits
	// MaxBytes bounds the XProzess document itself (default 512 MiB).
	MaxBytes int64
}

// ReadError says why a file could not be read as XProzess at all.
type ReadError struct {
	File          string
	Line, Column  int
	Msg           string
	NotWellFormed bool
	NotXProzess   bool
	Err           error
}

// Error implements error: "file:line:col: msg".
func (e *ReadError) Error() string {
	return finding.ErrorText(finding.Position{File: e.File, Line: e.Line, Column: e.Column}, e.Msg, nil)
}

// Unwrap returns the underlying error.
func (e *ReadError) Unwrap() error { return e.Err }

// ReadFile reads the XProzess message in the named file.
func ReadFile(name string, opts ReadOptions) (*Document, []finding.Finding, error) {
	f, err := os.Open(name)
	if err != nil {
		msg := err.Error()
		var pe *os.PathError
		if errors.As(err, &pe) {
			msg = pe.Err.Error()
		}
		return nil, nil, &ReadError{File: name, Msg: "cannot open file: " + msg, Err: err}
	}
	defer f.Close()
	return Read(f, name, opts)
}

// Read reads an XProzess 2.0 message. Only input that is not well-formed
// XML or no XProzess message is an error (a *ReadError); everything else
// is a finding. It never panics.
func Read(r io.Reader, name string, opts ReadOptions) (*Document, []finding.Finding, error) {
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = 512 << 20
	}
	root, err := xmltree.Parse(r, xmltree.Limits{MaxBytes: opts.MaxBytes})
	if err != nil {
		var xe *xmltree.Error
		if errors.As(err, &xe) {
			return nil, nil, &ReadError{File: name, Line: xe.Line, Column: xe.Column, Msg: xe.Msg, NotWellFormed: true, Err: err}
		}
		if errors.Is(err, xmltree.ErrEmpty) {
			return nil, nil, &ReadError{File: name, Msg: err.Error(), NotWellFormed: true, Err: err}
		}
		return nil, nil, &ReadError{File: name, Msg: err.Error(), Err: err}
	}
	if root.Space != Namespace {
		ns := root.Space
		if ns == "" {
			ns = "no namespace"
		}
		return nil, nil, &ReadError{File: name, Line: root.Line, Column: root.Column, NotXProzess: true,
			Msg: fmt.Sprintf("not an XProzess 2.0 message: root element %s (%s), want namespace %s", root.Local, ns, Namespace)}
	}
	rd := &reader{lang: opts.Lang, lim: opts.Limits.withDefaults(), file: name}
	doc := rd.document(root)
	doc.File = name
	return doc, finding.Normalize(rd.findings), nil
}

// Sniff reports whether data starts like an XProzess message (its
// namespace appears in the first 4 KiB).
func Sniff(head []byte) bool {
	if len(head) > 4096 {
		head = head[:4096]
	}
	return bytes.Contains(head, []byte(Namespace))
}

type reader struct {
	lang     string
	lim      Limits
	file     string
	unpacked int64
	findings []finding.Finding
}

func (r *reader) add(rule string, n *xmltree.Node, path string, args ...any) {
	line := 0
	if n != nil {
		line = n.Line
	}
	r.findings = append(r.findings, newFinding(rule, r.lang, line, path, args...))
}

// txt returns the trimmed text of the first child with the local name, in
// the XProzess namespace or unqualified.
func txt(n *xmltree.Node, local string) string {
	if c := child(n, local); c != nil {
		return strings.TrimSpace(c.Text)
	}
	return ""
}

func child(n *xmltree.Node, local string) *xmltree.Node {
	for _, c := range n.Children {
		if c.Local == local && (c.Space == Namespace || c.Space == "") {
			return c
		}
	}
	return nil
}

func children(n *xmltree.Node, local string) []*xmltree.Node {
	var out []*xmltree.Node
	for _, c := range n.Children {
		if c.Local == local && (c.Space == Namespace || c.Space == "") {
			out = append(out, c)
		}
	}
	return out
}

func code(n *xmltree.Node) Code {
	if n == nil {
		return Code{}
	}
	return Code{Code: txt(n, "code"), ListURI: n.A("listURI"), ListVersionID: n.A("listVersionID")}
}

func (r *reader) document(root *xmltree.Node) *Document {
	d := &Document{Message: root.Local, Version: root.A("xprozessVersion"), Produkt: root.A("produkt"), Hersteller: root.A("produkthersteller")}
	if h := child(root, "nachrichtenkopf"); h != nil {
		d.Header = Header{NachrichtUUID: txt(h, "nachrichtUUID"), Nachrichtentyp: code(child(h, "nachrichtentyp")),
			Erstellungszeitpunkt: txt(h, "erstellungszeitpunkt"), Autor: txt(h, "autor"), Leser: txt(h, "leser")}
	}
	// The catalogue and library may be the root's children (alleInhalte)
	// or the message content itself (prozesskatalog.*, prozessbibliothek.*).
	var katalog, bibliothek []*xmltree.Node
	katalog = append(katalog, children(root, "prozesskatalog")...)
	bibliothek = append(bibliothek, children(root, "prozessbibliothek")...)
	if len(katalog) == 0 && len(children(root, "prozessklasse")) > 0 {
		katalog = append(katalog, root)
	}
	if len(bibliothek) == 0 && len(children(root, "prozess")) > 0 {
		bibliothek = append(bibliothek, root)
	}
	for _, k := range katalog {
		if d.Katalog == nil {
			d.Katalog = &Katalog{Name: txt(k, "name")}
		}
		for _, c := range children(k, "prozessklasse") {
			d.Katalog.Klassen = append(d.Katalog.Klassen, r.klasse(c))
		}
	}
	for _, b := range bibliothek {
		if d.Bibliothek == nil {
			d.Bibliothek = &Bibliothek{Name: txt(b, "name")}
		}
		for _, c := range children(b, "prozess") {
			d.Bibliothek.Prozesse = append(d.Bibliothek.Prozesse, r.prozess(c))
		}
	}
	return d
}

var leikaRe = lazy.Value[*regexp.Regexp]{F: func() *regexp.Regexp { return regexp.MustCompile(`^\d{14}$`) }}

func (r *reader) key(n *xmltree.Node, what string) string {
	id := txt(n, "id")
	switch {
	case id == "":
		r.add(ruleMissingElement, n, what, what+"/id")
	case !leikaRe.Get().MatchString(id):
		r.add(ruleInvalidKey, child(n, "id"), id, id)
	}
	return id
}

func handlungsgrundlagen(n *xmltree.Node) []Handlungsgrundlage {
	var out []Handlungsgrundlage
	for _, h := range children(n, "handlungsgrundlage") {
		out = append(out, Handlungsgrundlage{Name: txt(h, "name"), Art: code(child(h, "art")), URI: txt(h, "uri")})
	}
	return out
}

func klassifikationen(n *xmltree.Node) []Klassifikation {
	var out []Klassifikation
	for _, k := range children(n, "klassifikation") {
		out = append(out, Klassifikation{Ordnungsrahmen: txt(k, "ordnungsrahmenName"), OrdnungsrahmenVersion: txt(k, "ordnungsrahmenVersion"),
			KlasseID: txt(k, "klasseID"), KlasseName: txt(k, "klasseName")})
	}
	return out
}

func schlagworte(n *xmltree.Node) []string {
	var out []string
	for _, s := range children(n, "schlagwort") {
		for _, w := range strings.Split(s.Text, "|") {
			if w = strings.TrimSpace(w); w != "" {
				out = append(out, w)
			}
		}
	}
	return out
}

func zustand(n *xmltree.Node) *Zustand {
	z := child(n, "zustandsangaben")
	if z == nil {
		return nil
	}
	out := &Zustand{LetzteAenderung: txt(z, "letzterAenderungszeitpunkt"), LetzterBearbeiter: txt(z, "letzterBearbeiter"),
		Status: code(child(z, "status")), AnmerkungLetzteAenderung: txt(z, "anmerkungLetzteAenderung"),
		FachlicheFreigabe: txt(z, "fachlicherFreigabezeitpunkt"), FormelleFreigabe: txt(z, "formellerFreigabezeitpunkt")}
	if g := child(z, "gueltigkeitszeitraum"); g != nil {
		out.GueltigAb, out.GueltigBis = txt(g, "beginn"), txt(g, "ende")
	}
	return out
}

func (r *reader) klasse(n *xmltree.Node) *Prozessklasse {
	k := &Prozessklasse{ID: r.key(n, "prozessklasse"), Version: txt(n, "version"), UebergeordneteKlasse: txt(n, "uebergeordneteProzessklasseID"),
		Name: txt(n, "name"), Bezeichnung: txt(n, "bezeichnung"), Definition: txt(n, "definition"),
		Handlungsgrundlagen: handlungsgrundlagen(n), Zwecksetzung: code(child(n, "zwecksetzung")),
		OperativesZiel: code(child(n, "operativesZiel")), Handlungsform: code(child(n, "handlungsform")),
		Verfahrensart: code(child(n, "verfahrensart")), FachlichFreigebendeStelle: txt(n, "fachlichFreigebendeStelle"),
		Klassifikationen: klassifikationen(n), Schlagworte: schlagworte(n), Zustand: zustand(n), Line: n.Line}
	for _, m := range children(n, "merkmal") {
		k.Merkmale = append(k.Merkmale, Merkmal{Name: txt(m, "merkmalName"), Datentyp: code(child(m, "merkmalDatentyp")), Wert: txt(m, "merkmalWert")})
	}
	if k.Name == "" {
		r.add(ruleMissingElement, n, k.ID, "prozessklasse/name")
	}
	return k
}

func (r *reader) prozess(n *xmltree.Node) *Prozess {
	p := &Prozess{ID: r.key(n, "prozess"), Version: txt(n, "version"), Name: txt(n, "name"), Bezeichnung: txt(n, "bezeichnung"),
		FachlichFreigebendeStelle: txt(n, "fachlichFreigebendeStelle"), Klassifikationen: klassifikationen(n),
		Schlagworte: schlagworte(n), Zustand: zustand(n), Line: n.Line}
	if p.Name == "" {
		r.add(ruleMissingElement, n, p.ID, "prozess/name")
	}
	if s := child(n, "prozesssteckbrief"); s != nil {
		p.Steckbrief = r.steckbrief(s, p.ID)
	}
	if sb := child(n, "prozessstrukturbeschreibung"); sb != nil {
		if m := child(sb, "modellierungsmethode"); m != nil {
			p.Modellierungsmethode = code(child(m, "code"))
		}
		if fim := child(sb, "strukturbeschreibungFIM"); fim != nil {
			for _, g := range children(fim, "aktivitaetengruppe") {
				p.Aktivitaetengruppen = append(p.Aktivitaetengruppen, r.gruppe(g, p.ID))
			}
		}
	}
	m := child(n, "prozessmodell")
	if m == nil {
		r.add(ruleModelMissing, n, p.ID, "prozessmodell")
		return p
	}
	p.Modell = &Modell{}
	for _, c := range m.Children {
		if c.Space != Namespace && c.Space != "" {
			continue
		}
		switch c.Local {
		case "prozessmodelldatei", "visualisierungsdatei", "beschreibungsdatei":
			p.Modell.Dateien = append(p.Modell.Dateien, r.datei(c, p.ID))
		}
	}
	var model *Modelldatei
	for _, f := range p.Modell.Dateien {
		if f.Rolle == "prozessmodelldatei" {
			model = f
			break
		}
	}
	switch {
	case model == nil:
		r.add(ruleModelMissing, m, p.ID, "prozessmodelldatei")
	case model.EncodedSize == 0:
		r.add(ruleModelMissing, m, p.ID, "prozessmodelldatei/inhalt")
	case model.Problem == "":
		has := false
		for _, e := range model.Entries {
			has = has || e.Kind == "bpmn"
		}
		if !has {
			r.add(ruleNoBPMN, nil, p.ID, model.Dateiname)
			r.findings[len(r.findings)-1].Line = model.Line
		}
	}
	return p
}

// idRe matches FIM ids: a letter and 8 digits (XDatenfelder 2) or 11
// digits (XDatenfelder 3).
var idRe = lazy.Value[*regexp.Regexp]{F: func() *regexp.Regexp { return regexp.MustCompile(`^[A-Z]\d{8}(\d{3})?$`) }}

// isFIMID reports whether s looks like a FIM element id (D00000094).
func isFIMID(s string) bool { return idRe.Get().MatchString(s) }

func (r *reader) verweis(n *xmltree.Node, pid string) Formularverweis {
	f := Formularverweis{FormularID: txt(n, "formularID"), FormularsteckbriefID: txt(n, "formularsteckbriefID"),
		TextuelleBeschreibung: txt(n, "textuelleBeschreibung"), Line: n.Line}
	for _, name := range []string{"formularID", "formularsteckbriefID", "textuelleBeschreibung"} {
		if c := child(n, name); c != nil {
			f.Line = c.Line
			break
		}
	}
	// nested formularverweis (seen in real exports)
	if inner := child(n, "formularverweis"); inner != nil && f.ID() == "" && f.TextuelleBeschreibung == "" {
		return r.verweis(inner, pid)
	}
	for _, fld := range []struct {
		name string
		val  *string
	}{{"formularID", &f.FormularID}, {"formularsteckbriefID", &f.FormularsteckbriefID}} {
		if *fld.val == "" || isFIMID(*fld.val) || !isProse(*fld.val) {
			continue // an id, maybe a malformed one (see FormIndex.Resolve)
		}
		c := child(n, fld.name)
		r.add(ruleIDProse, c, pid, fld.name, *fld.val)
		if f.TextuelleBeschreibung == "" {
			f.TextuelleBeschreibung = *fld.val
		}
		*fld.val = ""
	}
	return f
}

// isProse tells text from an id that may be malformed: ids have no
// spaces and are short.
func isProse(s string) bool {
	return strings.ContainsAny(s, " \t\n") || len(s) > 24
}

func (r *reader) verweise(n *xmltree.Node, pid string) []Formularverweis {
	var out []Formularverweis
	for _, v := range children(n, "formularverweis") {
		out = append(out, r.verweis(v, pid))
	}
	if len(out) == 0 && (child(n, "formularID") != nil || child(n, "formularsteckbriefID") != nil || child(n, "textuelleBeschreibung") != nil) {
		out = append(out, r.verweis(n, pid))
	}
	return out
}

func (r *reader) steckbrief(n *xmltree.Node, pid string) *Steckbrief {
	s := &Steckbrief{Definition: txt(n, "definition"), Beschreibung: txt(n, "beschreibung"),
		Detaillierungsstufe: code(child(n, "detaillierungsstufe"))}
	for _, a := range children(n, "ausloeser") {
		s.Ausloeser = append(s.Ausloeser, r.verweise(a, pid)...)
	}
	for _, a := range children(n, "ergebnis") {
		s.Ergebnis = append(s.Ergebnis, r.verweise(a, pid)...)
	}
	for _, t := range children(n, "prozessteilnehmer") {
		s.Teilnehmer = append(s.Teilnehmer, Teilnehmer{Name: txt(t, "name"), Rolle: code(child(t, "rolle"))})
	}
	for _, k := range children(n, "verwaltungspolitischeKodierung") {
		if b := child(k, "bundesland"); b != nil {
			s.Bundeslaender = append(s.Bundeslaender, code(b).Code)
		}
	}
	return s
}

func (r *reader) gruppe(n *xmltree.Node, pid string) *Aktivitaetengruppe {
	g := &Aktivitaetengruppe{ID: txt(n, "id"), Typ: code(child(n, "referenzaktivitaetengruppeTyp")),
		TypVersion: txt(n, "referenzaktivitaetengruppeVersion"), SubProzessID: txt(n, "subProzessID"),
		Name: txt(n, "name"), Beschreibung: txt(n, "beschreibung"), Handlungsgrundlagen: handlungsgrundlagen(n), Line: n.Line}
	for _, e := range children(n, "eingehendeDaten") {
		g.Eingehend = append(g.Eingehend, r.verweise(e, pid)...)
	}
	sa := child(n, "spezifischeAttribute")
	if sa == nil {
		return g
	}
	for _, c := range sa.Children {
		num, ok := strings.CutPrefix(c.Local, "spezifischeAttribute")
		if !ok {
			continue
		}
		g.Attribute, _ = strconv.Atoi(num)
		for _, b := range children(c, "bereitgestellteDaten") {
			g.Bereitgestellt = append(g.Bereitgestellt, Datenaustausch{Formulare: r.verweise(b, pid),
				Uebermittlungsart: code(child(b, "uebermittlungsart")), Partner: txt(b, "empfaenger"), Line: b.Line})
		}
		for _, b := range children(c, "empfangeneDaten") {
			g.Empfangen = append(g.Empfangen, Datenaustausch{Formulare: r.verweise(b, pid),
				Uebermittlungsart: code(child(b, "uebermittlungsart")), Partner: txt(b, "sender"), Line: b.Line})
		}
		g.Mitwirkungspflicht = txt(c, "mitwirkungspflicht")
		g.Beteiligungsform = code(child(c, "beteiligungsform"))
		for _, f := range children(c, "formellePruefung") {
			g.FormellePruefung = append(g.FormellePruefung, code(f))
		}
		g.Entscheidungsart = code(child(c, "entscheidungsart"))
		g.Hilfsmittel = txt(c, "hilfsmittel")
	}
	return g
}

// datei reads one embedded file group and unpacks its archive.
func (r *reader) datei(n *xmltree.Node, pid string) *Modelldatei {
	f := &Modelldatei{Rolle: n.Local, Dateiname: txt(n, "dateiname"), MimeType: code(child(n, "mimeType")), Line: n.Line}
	if m := child(n, "modellierungsmethode"); m != nil {
		f.Modellierungsmethode = code(child(m, "code"))
	}
	in := child(n, "inhalt")
	if in == nil {
		return f
	}
	enc := stripSpace(in.Text)
	f.EncodedSize = len(enc)
	if len(enc) == 0 {
		return f
	}
	path := pid + "/" + f.Rolle
	problem := func(rule string, detail string) {
		f.Problem = detail
		r.add(rule, in, path, detail)
	}
	if len(enc) > r.lim.MaxEncoded {
		problem(ruleArchiveLimit, fmt.Sprintf("%s: %d base64 characters > %d", f.Rolle, len(enc), r.lim.MaxEncoded))
		return f
	}
	data, err := base64.StdEncoding.DecodeString(enc)
	if err != nil {
		data, err = base64.RawStdEncoding.DecodeString(strings.TrimRight(enc, "="))
	}
	if err != nil {
		problem(ruleBase64, err.Error())
		return f
	}
	if !bytes.HasPrefix(data, []byte("PK")) {
		// a bare file, not an archive: keep it as its only entry
		e := &Entry{Name: entryName(f.Dateiname, data), Size: int64(len(data)), Data: data}
		r.unpacked += e.Size
		if r.unpacked > r.lim.MaxUnpacked {
			problem(ruleArchiveLimit, fmt.Sprintf("more than %d bytes unpacked", r.lim.MaxUnpacked))
			return f
		}
		r.classify(e, in, path)
		f.Entries = append(f.Entries, e)
		return f
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		problem(ruleArchive, err.Error())
		return f
	}
	if len(zr.File) > r.lim.MaxEntries {
		problem(ruleArchiveLimit, fmt.Sprintf("%d entries > %d", len(zr.File), r.lim.MaxEntries))
		return f
	}
	for _, zf := range zr.File {
		if zf.FileInfo().IsDir() {
			continue
		}
		if !SafeName(zf.Name) {
			r.add(ruleZipSlip, in, path, zf.Name)
			continue
		}
		if isArchiveName(zf.Name) {
			r.add(ruleNestedArchive, in, path, zf.Name)
			continue
		}
		remaining := r.lim.MaxUnpacked - r.unpacked
		if zf.UncompressedSize64 > uint64(remaining) {
			problem(ruleArchiveLimit, fmt.Sprintf("%s: %d bytes unpacked > %d", zf.Name, zf.UncompressedSize64, remaining))
			return f
		}
		rc, err := zf.Open()
		if err != nil {
			problem(ruleArchive, fmt.Sprintf("%s: %v", zf.Name, err))
			continue
		}
		// the header's size is not trusted: read at most what is left
		b, err := io.ReadAll(io.LimitReader(rc, remaining+1))
		rc.Close()
		if int64(len(b)) > remaining {
			problem(ruleArchiveLimit, fmt.Sprintf("%s: more than %d bytes unpacked", zf.Name, remaining))
			return f
		}
		if err != nil {
			problem(ruleArchive, fmt.Sprintf("%s: %v", zf.Name, err))
			continue
		}
		r.unpacked += int64(len(b))
		if isArchiveData(b) {
			r.add(ruleNestedArchive, in, path, zf.Name)
			continue
		}
		e := &Entry{Name: zf.Name, Size: int64(len(b)), Data: b}
		r.classify(e, in, path)
		f.Entries = append(f.Entries, e)
	}
	return f
}

func (r *reader) classify(e *Entry, in *xmltree.Node, path string) {
	switch {
	case bytes.HasPrefix(e.Data, []byte("%PDF")):
		e.Kind = "pdf"
	case looksLikeBPMN(e.Data):
		e.Kind = "bpmn"
		d, fs, err := bpmn.ReadBytes(e.Data, e.Name, bpmn.ReadOptions{Lang: r.lang})
		if err != nil {
			r.add(ruleBPMNInvalid, in, path, err.Error())
			return
		}
		_ = fs // the BPMN reader's findings belong to bpmn lint
		e.BPMN = d
	default:
		e.Kind = "other"
	}
}

func looksLikeBPMN(b []byte) bool {
	head := b
	if len(head) > 8192 {
		head = head[:8192]
	}
	return bytes.Contains(head, []byte(bpmn.NSModel)) && bytes.Contains(head, []byte("definitions"))
}

func entryName(dateiname string, data []byte) string {
	name := strings.TrimSpace(dateiname)
	if name == "" {
		name = "inhalt"
	}
	switch {
	case bytes.HasPrefix(data, []byte("%PDF")) && !strings.HasSuffix(strings.ToLower(name), ".pdf"):
		name += ".pdf"
	case looksLikeBPMN(data) && !strings.HasSuffix(strings.ToLower(name), ".xml") && !strings.HasSuffix(strings.ToLower(name), ".bpmn"):
		name += ".bpmn"
	}
	if !SafeName(name) {
		name = "inhalt"
	}
	return name
}

func stripSpace(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\t', '\n', '\r':
			return -1
		}
		return r
	}, s)
}

// SafeName reports whether an archive entry name stays inside the folder
// it is unpacked to: relative, no "..", no backslashes or drive letters,
// no control characters.
func SafeName(name string) bool {
	if name == "" || strings.ContainsAny(name, "\\:\x00") || strings.HasPrefix(name, "/") {
		return false
	}
	for _, r := range name {
		if r < 0x20 || r == 0x7f {
			return false
		}
	}
	clean := path.Clean(name)
	if clean == "." || clean == ".." || strings.HasPrefix(clean, "../") {
		return false
	}
	for _, part := range strings.Split(name, "/") {
		if part == ".." {
			return false
		}
	}
	return true
}

func isArchiveName(name string) bool {
	n := strings.ToLower(name)
	for _, ext := range []string{".zip", ".jar", ".gz", ".tgz", ".7z", ".rar", ".tar", ".bz2", ".xz", ".zst"} {
		if strings.HasSuffix(n, ext) {
			return true
		}
	}
	return false
}

func isArchiveData(b []byte) bool {
	for _, magic := range [][]byte{[]byte("PK\x03\x04"), []byte("PK\x05\x06"), {0x1f, 0x8b}, []byte("7z\xbc\xaf"), []byte("Rar!"), []byte("BZh"), {0xfd, '7', 'z', 'X', 'Z'}} {
		if bytes.HasPrefix(b, magic) {
			return true
		}
	}
	return false
}

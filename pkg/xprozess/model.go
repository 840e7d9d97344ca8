// Package xprozess reads XProzess 2.0 messages (namespace
// http://www.regierung-mv.de/xprozess/2): the process catalogue with its
// process classes, the process library with its processes, their
// Steckbrief, FIM structure description (activity groups) and the embedded
// process model, a base64 ZIP holding BPMN 2.0 and usually a PDF.
//
// Real exports put prose where an id belongs and sometimes leave the model
// out; the reader reports such things as findings with their line and goes
// on. The embedded archives are unpacked within limits: decoded and
// unpacked size, number of entries; paths that leave the archive (zip-slip)
// and nested archives are refused.
package xprozess

import "github.com/ozgctl/ozgctl/pkg/bpmn"

// Namespace is the XProzess 2.0 namespace.
const Namespace = "http://www.regierung-mv.de/xprozess/2"

// Code is a code value with its list, as XÖV codes travel.
type Code struct {
	Code          string `json:"code"`
	ListURI       string `json:"listURI,omitempty"`
	ListVersionID string `json:"listVersionID,omitempty"`
}

// IsZero reports whether the code is empty.
func (c Code) IsZero() bool { return c.Code == "" }

// Document is one XProzess message.
type Document struct {
	File string `json:"file"`
	// Message is the root element's local name, e.g. "alleInhalte.export.0303".
	Message    string `json:"message"`
	Version    string `json:"xprozessVersion,omitempty"`
	Produkt    string `json:"produkt,omitempty"`
	Hersteller string `json:"produkthersteller,omitempty"`
	Header     Header `json:"nachrichtenkopf"`

	Katalog    *Katalog    `json:"prozesskatalog,omitempty"`
	Bibliothek *Bibliothek `json:"prozessbibliothek,omitempty"`
}

// Header is the Nachrichtenkopf.
type Header struct {
	NachrichtUUID        string `json:"nachrichtUUID,omitempty"`
	Nachrichtentyp       Code   `json:"nachrichtentyp"`
	Erstellungszeitpunkt string `json:"erstellungszeitpunkt,omitempty"`
	Autor                string `json:"autor,omitempty"`
	Leser                string `json:"leser,omitempty"`
}

// Katalog is the process catalogue.
type Katalog struct {
	Name    string           `json:"name,omitempty"`
	Klassen []*Prozessklasse `json:"prozessklassen"`
}

// Bibliothek is the process library.
type Bibliothek struct {
	Name     string     `json:"name,omitempty"`
	Prozesse []*Prozess `json:"prozesse"`
}

// Handlungsgrundlage is a legal basis.
type Handlungsgrundlage struct {
	Name string `json:"name"`
	Art  Code   `json:"art"`
	URI  string `json:"uri,omitempty"`
}

// Klassifikation places a process class in a classification scheme.
type Klassifikation struct {
	Ordnungsrahmen        string `json:"ordnungsrahmenName,omitempty"`
	OrdnungsrahmenVersion string `json:"ordnungsrahmenVersion,omitempty"`
	KlasseID              string `json:"klasseID,omitempty"`
	KlasseName            string `json:"klasseName,omitempty"`
}

// Merkmal is a free attribute.
type Merkmal struct {
	Name     string `json:"name"`
	Datentyp Code   `json:"datentyp"`
	Wert     string `json:"wert"`
}

// Zustand holds the state and release information.
type Zustand struct {
	LetzteAenderung          string `json:"letzterAenderungszeitpunkt,omitempty"`
	LetzterBearbeiter        string `json:"letzterBearbeiter,omitempty"`
	Status                   Code   `json:"status"`
	AnmerkungLetzteAenderung string `json:"anmerkungLetzteAenderung,omitempty"`
	GueltigAb                string `json:"gueltigAb,omitempty"`
	GueltigBis               string `json:"gueltigBis,omitempty"`
	FachlicheFreigabe        string `json:"fachlicherFreigabezeitpunkt,omitempty"`
	FormelleFreigabe         string `json:"formellerFreigabezeitpunkt,omitempty"`
}

// Prozessklasse is a process class of the catalogue; ID is the 14-digit
// LeiKa key.
type Prozessklasse struct {
	ID                        string               `json:"id"`
	Version                   string               `json:"version,omitempty"`
	UebergeordneteKlasse      string               `json:"uebergeordneteProzessklasseID,omitempty"`
	Name                      string               `json:"name"`
	Bezeichnung               string               `json:"bezeichnung,omitempty"`
	Definition                string               `json:"definition,omitempty"`
	Handlungsgrundlagen       []Handlungsgrundlage `json:"handlungsgrundlagen,omitempty"`
	Zwecksetzung              Code                 `json:"zwecksetzung"`
	OperativesZiel            Code                 `json:"operativesZiel"`
	Handlungsform             Code                 `json:"handlungsform"`
	Verfahrensart             Code                 `json:"verfahrensart"`
	FachlichFreigebendeStelle string               `json:"fachlichFreigebendeStelle,omitempty"`
	Merkmale                  []Merkmal            `json:"merkmale,omitempty"`
	Klassifikationen          []Klassifikation     `json:"klassifikationen,omitempty"`
	Schlagworte               []string             `json:"schlagworte,omitempty"`
	Zustand                   *Zustand             `json:"zustandsangaben,omitempty"`
	Line                      int                  `json:"line"`
}

// Prozess is a process of the library.
type Prozess struct {
	ID                        string                `json:"id"`
	Version                   string                `json:"version,omitempty"`
	Name                      string                `json:"name"`
	Bezeichnung               string                `json:"bezeichnung,omitempty"`
	FachlichFreigebendeStelle string                `json:"fachlichFreigebendeStelle,omitempty"`
	Klassifikationen          []Klassifikation      `json:"klassifikationen,omitempty"`
	Schlagworte               []string              `json:"schlagworte,omitempty"`
	Steckbrief                *Steckbrief           `json:"prozesssteckbrief,omitempty"`
	Modellierungsmethode      Code                  `json:"modellierungsmethode"`
	Aktivitaetengruppen       []*Aktivitaetengruppe `json:"aktivitaetengruppen,omitempty"`
	Modell                    *Modell               `json:"prozessmodell,omitempty"`
	Zustand                   *Zustand              `json:"zustandsangaben,omitempty"`
	Line                      int                   `json:"line"`
}

// Steckbrief is the process profile.
type Steckbrief struct {
	Definition   string `json:"definition,omitempty"`
	Beschreibung string `json:"beschreibung,omitempty"`
	// Ausloeser are the triggers: usually a form (formularID).
	Ausloeser           []Formularverweis `json:"ausloeser,omitempty"`
	Ergebnis            []Formularverweis `json:"ergebnis,omitempty"`
	Teilnehmer          []Teilnehmer      `json:"prozessteilnehmer,omitempty"`
	Detaillierungsstufe Code              `json:"detaillierungsstufe"`
	Bundeslaender       []string          `json:"bundeslaender,omitempty"`
}

// Teilnehmer is a process participant.
type Teilnehmer struct {
	Name  string `json:"name"`
	Rolle Code   `json:"rolle"`
}

// Formularverweis refers to a form: by formularID (a Dokumentsteckbrief
// id, D00000094), formularsteckbriefID, or only a textual description.
type Formularverweis struct {
	FormularID            string `json:"formularID,omitempty"`
	FormularsteckbriefID  string `json:"formularsteckbriefID,omitempty"`
	TextuelleBeschreibung string `json:"textuelleBeschreibung,omitempty"`
	Line                  int    `json:"line"`
}

// ID returns the form id given (formularID first), or "".
func (f Formularverweis) ID() string {
	if f.FormularID != "" {
		return f.FormularID
	}
	return f.FormularsteckbriefID
}

// Label returns what the reference says: the id, or its text.
func (f Formularverweis) Label() string {
	if id := f.ID(); id != "" {
		return id
	}
	return f.TextuelleBeschreibung
}

// Datenaustausch is data provided to or received from a participant.
type Datenaustausch struct {
	Formulare         []Formularverweis `json:"formulare,omitempty"`
	Uebermittlungsart Code              `json:"uebermittlungsart"`
	// Partner is the receiver (bereitgestellteDaten) or sender (empfangeneDaten).
	Partner string `json:"partner,omitempty"`
	Line    int    `json:"line"`
}

// Aktivitaetengruppe is an activity group of the FIM structure description.
type Aktivitaetengruppe struct {
	ID                  string               `json:"id"`
	Typ                 Code                 `json:"referenzaktivitaetengruppeTyp"`
	TypVersion          string               `json:"referenzaktivitaetengruppeVersion,omitempty"`
	SubProzessID        string               `json:"subProzessID,omitempty"`
	Name                string               `json:"name"`
	Beschreibung        string               `json:"beschreibung,omitempty"`
	Handlungsgrundlagen []Handlungsgrundlage `json:"handlungsgrundlagen,omitempty"`
	Eingehend           []Formularverweis    `json:"eingehendeDaten,omitempty"`
	// Attribute is the number of the spezifischeAttribute element (1–7), 0 if none.
	Attribute          int              `json:"spezifischeAttribute,omitempty"`
	Bereitgestellt     []Datenaustausch `json:"bereitgestellteDaten,omitempty"`
	Empfangen          []Datenaustausch `json:"empfangeneDaten,omitempty"`
	Mitwirkungspflicht string           `json:"mitwirkungspflicht,omitempty"`
	Beteiligungsform   Code             `json:"beteiligungsform"`
	FormellePruefung   []Code           `json:"formellePruefung,omitempty"`
	Entscheidungsart   Code             `json:"entscheidungsart"`
	Hilfsmittel        string           `json:"hilfsmittel,omitempty"`
	Line               int              `json:"line"`
}

// Modell is the embedded process model.
type Modell struct {
	Dateien []*Modelldatei `json:"dateien"`
}

// Modelldatei is one embedded file group: prozessmodelldatei (the BPMN),
// visualisierungsdatei (a picture or PDF of it), beschreibungsdatei (a
// report).
type Modelldatei struct {
	Rolle                string `json:"rolle"`
	Dateiname            string `json:"dateiname,omitempty"`
	Modellierungsmethode Code   `json:"modellierungsmethode"`
	MimeType             Code   `json:"mimeType"`
	// EncodedSize is the length of the base64 text.
	EncodedSize int `json:"encodedSize"`
	// Entries are the files of the ZIP, when it could be unpacked.
	Entries []*Entry `json:"entries,omitempty"`
	// Problem says why the content could not be unpacked; "" if it could.
	Problem string `json:"problem,omitempty"`
	Line    int    `json:"line"`
}

// Entry is one file of an embedded archive.
type Entry struct {
	Name string `json:"name"`
	Size int64  `json:"size"`
	Data []byte `json:"-"`
	// Kind is "bpmn", "pdf" or "other", from the content.
	Kind string `json:"kind"`
	// BPMN is the model read from a bpmn entry, nil otherwise.
	BPMN *bpmn.Definitions `json:"-"`
}

// BPMN returns the first BPMN model embedded in the process, and the
// entry holding it; nil if there is none.
func (p *Prozess) BPMN() (*bpmn.Definitions, *Entry) {
	if p.Modell == nil {
		return nil, nil
	}
	for _, f := range p.Modell.Dateien {
		for _, e := range f.Entries {
			if e.BPMN != nil {
				return e.BPMN, e
			}
		}
	}
	return nil, nil
}

// forms returns every form reference of the process: the trigger
// (ausloeser), the result, and those of the activity groups, in document
// order.
func (p *Prozess) forms() []Formularverweis {
	var out []Formularverweis
	if p.Steckbrief != nil {
		out = append(out, p.Steckbrief.Ausloeser...)
		out = append(out, p.Steckbrief.Ergebnis...)
	}
	for _, g := range p.Aktivitaetengruppen {
		out = append(out, g.Eingehend...)
		for _, d := range g.Bereitgestellt {
			out = append(out, d.Formulare...)
		}
		for _, d := range g.Empfangen {
			out = append(out, d.Formulare...)
		}
	}
	return out
}

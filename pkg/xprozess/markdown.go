package xprozess

import (
	"fmt"
	"strings"

	"github.com/ozgctl/ozgctl/pkg/bpmn"
	"github.com/ozgctl/ozgctl/pkg/fim"
)

type t = bpmn.Text

var mdText = struct {
	klasse, steckbrief, grundlagen, teilnehmer, gruppen, formulare, modell, felder, definition, beschreibung,
	ausloeser, ergebnis, detail, verfahrensart, handlungsform, stelle, status, version, id, name, art, rolle,
	nichtGefunden, keineID, nurText, schema, datei, empfangen, bereitgestellt, an, von, keinModell, schlagworte, klassifikation Text
}{
	klasse: t{DE: "Prozessklasse", EN: "Process class"}, steckbrief: t{DE: "Prozesssteckbrief", EN: "Process profile"},
	grundlagen: t{DE: "Handlungsgrundlagen", EN: "Legal basis"}, teilnehmer: t{DE: "Prozessteilnehmer", EN: "Participants"},
	gruppen: t{DE: "Aktivitätengruppen", EN: "Activity groups"}, formulare: t{DE: "Verknüpfte Formulare", EN: "Linked forms"},
	modell: t{DE: "Prozessmodell", EN: "Process model"}, felder: t{DE: "Felder", EN: "Fields"},
	definition: t{DE: "Definition", EN: "Definition"}, beschreibung: t{DE: "Beschreibung", EN: "Description"},
	ausloeser: t{DE: "Auslöser", EN: "Trigger"}, ergebnis: t{DE: "Ergebnis", EN: "Result"},
	detail: t{DE: "Detaillierungsstufe", EN: "Level of detail"}, verfahrensart: t{DE: "Verfahrensart", EN: "Procedure type"},
	handlungsform: t{DE: "Handlungsform", EN: "Form of action"}, stelle: t{DE: "Fachlich freigebende Stelle", EN: "Approving authority"},
	status: t{DE: "Status", EN: "Status"}, version: t{DE: "Version", EN: "Version"}, id: t{DE: "ID", EN: "ID"},
	name: t{DE: "Name", EN: "Name"}, art: t{DE: "Art", EN: "Kind"}, rolle: t{DE: "Rolle", EN: "Role"},
	nichtGefunden: t{DE: "nicht gefunden", EN: "not found"}, keineID: t{DE: "keine gültige Kennung", EN: "not a valid id"},
	nurText: t{DE: "nur Beschreibung", EN: "description only"}, schema: t{DE: "Datenschema", EN: "Schema"},
	datei: t{DE: "Datei", EN: "File"}, empfangen: t{DE: "empfängt", EN: "receives"}, bereitgestellt: t{DE: "stellt bereit", EN: "provides"},
	an: t{DE: "an", EN: "to"}, von: t{DE: "von", EN: "from"}, keinModell: t{DE: "Der Prozess enthält kein lesbares BPMN-Modell.", EN: "The process contains no readable BPMN model."},
	schlagworte: t{DE: "Schlagworte", EN: "Keywords"}, klassifikation: t{DE: "Klassifikation", EN: "Classification"},
}

// Text is a German and English text.
type Text = bpmn.Text

// MarkdownOptions tune [Markdown].
type MarkdownOptions struct {
	Lang string
	// Forms resolves formularID references; nil leaves them unresolved.
	Forms *FormIndex
}

func esc(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	r := strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`, "<", "&lt;", ">", "&gt;", "|", `\|`)
	return r.Replace(s)
}

func codeText(c Code) string {
	if c.IsZero() {
		return ""
	}
	return c.Code
}

// Markdown describes every process of the document: its class, legal
// basis, Steckbrief, participants, activity groups with the data they
// exchange, the linked forms with their fields, and the steps of the
// embedded BPMN model in flow order. Deterministic.
func Markdown(d *Document, opts MarkdownOptions) []byte {
	var b strings.Builder
	lang := opts.Lang
	klassen := map[string]*Prozessklasse{}
	if d.Katalog != nil {
		for _, k := range d.Katalog.Klassen {
			klassen[k.ID] = k
		}
	}
	var prozesse []*Prozess
	if d.Bibliothek != nil {
		prozesse = d.Bibliothek.Prozesse
	}
	if len(prozesse) == 0 && d.Katalog != nil {
		// a catalogue only: describe the classes
		for _, k := range d.Katalog.Klassen {
			fmt.Fprintf(&b, "# %s\n\n", esc(k.Name))
			writeKlasse(&b, k, lang)
		}
		return []byte(b.String())
	}
	for i, p := range prozesse {
		if i > 0 {
			b.WriteString("\n---\n\n")
		}
		fmt.Fprintf(&b, "# %s\n\n", esc(orText(p.Name, p.ID)))
		fmt.Fprintf(&b, "- %s: %s\n", mdText.id.In(lang), esc(p.ID))
		if p.Version != "" {
			fmt.Fprintf(&b, "- %s: %s\n", mdText.version.In(lang), esc(p.Version))
		}
		if p.Bezeichnung != "" {
			fmt.Fprintf(&b, "- %s: %s\n", mdText.name.In(lang), esc(p.Bezeichnung))
		}
		if p.FachlichFreigebendeStelle != "" {
			fmt.Fprintf(&b, "- %s: %s\n", mdText.stelle.In(lang), esc(p.FachlichFreigebendeStelle))
		}
		if p.Zustand != nil && !p.Zustand.Status.IsZero() {
			fmt.Fprintf(&b, "- %s: %s\n", mdText.status.In(lang), esc(p.Zustand.Status.Code))
		}
		if len(p.Schlagworte) > 0 {
			fmt.Fprintf(&b, "- %s: %s\n", mdText.schlagworte.In(lang), esc(strings.Join(p.Schlagworte, ", ")))
		}
		b.WriteString("\n")
		if k := klassen[p.ID]; k != nil {
			fmt.Fprintf(&b, "## %s\n\n", mdText.klasse.In(lang))
			writeKlasse(&b, k, lang)
		}
		writeSteckbrief(&b, p, lang)
		writeGruppen(&b, p, lang)
		writeForms(&b, p, opts.Forms, lang)
		fmt.Fprintf(&b, "## %s\n\n", mdText.modell.In(lang))
		if def, e := p.BPMN(); def != nil {
			fmt.Fprintf(&b, "%s: `%s`\n\n", mdText.datei.In(lang), strings.ReplaceAll(e.Name, "`", "'"))
			var body strings.Builder
			bpmn.WriteMarkdownBody(&body, def, lang, 3)
			b.WriteString(body.String())
		} else {
			fmt.Fprintf(&b, "%s\n\n", mdText.keinModell.In(lang))
		}
	}
	return []byte(strings.TrimRight(b.String(), "\n") + "\n")
}

func orText(a, b string) string {
	if strings.TrimSpace(a) != "" {
		return a
	}
	return b
}

func writeKlasse(b *strings.Builder, k *Prozessklasse, lang string) {
	fmt.Fprintf(b, "- %s: %s (%s)\n", mdText.id.In(lang), esc(k.ID), esc(k.Name))
	if k.Definition != "" {
		fmt.Fprintf(b, "- %s: %s\n", mdText.definition.In(lang), esc(k.Definition))
	}
	if c := codeText(k.Verfahrensart); c != "" {
		fmt.Fprintf(b, "- %s: %s\n", mdText.verfahrensart.In(lang), c)
	}
	if c := codeText(k.Handlungsform); c != "" {
		fmt.Fprintf(b, "- %s: %s\n", mdText.handlungsform.In(lang), c)
	}
	for _, kl := range k.Klassifikationen {
		fmt.Fprintf(b, "- %s: %s %s (%s)\n", mdText.klassifikation.In(lang), esc(kl.KlasseID), esc(kl.KlasseName), esc(kl.Ordnungsrahmen))
	}
	b.WriteString("\n")
	writeGrundlagen(b, k.Handlungsgrundlagen, lang, "###")
}

func writeGrundlagen(b *strings.Builder, hs []Handlungsgrundlage, lang, h string) {
	if len(hs) == 0 {
		return
	}
	fmt.Fprintf(b, "%s %s\n\n", h, mdText.grundlagen.In(lang))
	for _, g := range hs {
		if g.URI != "" {
			fmt.Fprintf(b, "- [%s](%s)\n", esc(g.Name), strings.ReplaceAll(g.URI, ")", "%29"))
		} else {
			fmt.Fprintf(b, "- %s\n", esc(g.Name))
		}
	}
	b.WriteString("\n")
}

func writeSteckbrief(b *strings.Builder, p *Prozess, lang string) {
	s := p.Steckbrief
	if s == nil {
		return
	}
	fmt.Fprintf(b, "## %s\n\n", mdText.steckbrief.In(lang))
	if s.Definition != "" {
		fmt.Fprintf(b, "- %s: %s\n", mdText.definition.In(lang), esc(s.Definition))
	}
	if s.Beschreibung != "" {
		fmt.Fprintf(b, "- %s: %s\n", mdText.beschreibung.In(lang), esc(s.Beschreibung))
	}
	for _, a := range s.Ausloeser {
		fmt.Fprintf(b, "- %s: %s\n", mdText.ausloeser.In(lang), esc(a.Label()))
	}
	for _, a := range s.Ergebnis {
		fmt.Fprintf(b, "- %s: %s\n", mdText.ergebnis.In(lang), esc(a.Label()))
	}
	if c := codeText(s.Detaillierungsstufe); c != "" {
		fmt.Fprintf(b, "- %s: %s\n", mdText.detail.In(lang), c)
	}
	b.WriteString("\n")
	if len(s.Teilnehmer) > 0 {
		fmt.Fprintf(b, "### %s\n\n| %s | %s |\n| --- | --- |\n", mdText.teilnehmer.In(lang), mdText.name.In(lang), mdText.rolle.In(lang))
		for _, t := range s.Teilnehmer {
			fmt.Fprintf(b, "| %s | %s |\n", esc(t.Name), esc(t.Rolle.Code))
		}
		b.WriteString("\n")
	}
}

func writeGruppen(b *strings.Builder, p *Prozess, lang string) {
	if len(p.Aktivitaetengruppen) == 0 {
		return
	}
	fmt.Fprintf(b, "## %s\n\n", mdText.gruppen.In(lang))
	// in the order of their ids (01, 02 …), as the FIM method numbers them
	gs := append([]*Aktivitaetengruppe(nil), p.Aktivitaetengruppen...)
	sortGroups(gs)
	for _, g := range gs {
		fmt.Fprintf(b, "- **%s %s**", esc(g.ID), esc(g.Name))
		if c := codeText(g.Typ); c != "" {
			fmt.Fprintf(b, " (%s %s)", mdText.art.In(lang), c)
		}
		var law []string
		for _, h := range g.Handlungsgrundlagen {
			law = append(law, esc(h.Name))
		}
		if len(law) > 0 {
			fmt.Fprintf(b, " — %s", strings.Join(law, ", "))
		}
		b.WriteString("\n")
		for _, x := range g.Empfangen {
			for _, f := range x.Formulare {
				fmt.Fprintf(b, "  - %s %s %s: %s\n", mdText.empfangen.In(lang), mdText.von.In(lang), esc(orText(x.Partner, "?")), esc(f.Label()))
			}
		}
		for _, x := range g.Bereitgestellt {
			for _, f := range x.Formulare {
				fmt.Fprintf(b, "  - %s %s %s: %s\n", mdText.bereitgestellt.In(lang), mdText.an.In(lang), esc(orText(x.Partner, "?")), esc(f.Label()))
			}
		}
	}
	b.WriteString("\n")
}

func sortGroups(gs []*Aktivitaetengruppe) {
	for i := 1; i < len(gs); i++ {
		for j := i; j > 0 && gs[j].ID < gs[j-1].ID; j-- {
			gs[j], gs[j-1] = gs[j-1], gs[j]
		}
	}
}

func writeForms(b *strings.Builder, p *Prozess, ix *FormIndex, lang string) {
	links := ix.Resolve(p)
	var ids []FormLink
	seen := map[string]bool{}
	for _, l := range links {
		if l.Status == FormText || seen[l.Ref.ID()] {
			continue
		}
		seen[l.Ref.ID()] = true
		ids = append(ids, l)
	}
	if len(ids) == 0 {
		return
	}
	fmt.Fprintf(b, "## %s\n\n", mdText.formulare.In(lang))
	for _, l := range ids {
		switch l.Status {
		case FormFound:
			doc := l.Form.Doc
			s := doc.Schema
			fmt.Fprintf(b, "### %s → %s %s\n\n", esc(l.Ref.ID()), esc(s.Identifier.String()), esc(s.Label()))
			fmt.Fprintf(b, "%s: `%s`\n\n", mdText.datei.In(lang), strings.ReplaceAll(l.File, "`", "'"))
			fmt.Fprintf(b, "| %s | %s | %s | %s |\n| --- | --- | --- | --- |\n", mdText.id.In(lang), mdText.name.In(lang), "Datentyp", "Anzahl")
			writeFields(b, s.Children, "")
			b.WriteString("\n")
		case FormMissing:
			fmt.Fprintf(b, "### %s → %s (%s)\n\n", esc(l.Ref.ID()), esc(l.SchemaID), mdText.nichtGefunden.In(lang))
		case FormMalformed:
			fmt.Fprintf(b, "### %s (%s)\n\n", esc(l.Ref.ID()), mdText.keineID.In(lang))
		}
	}
}

func writeFields(b *strings.Builder, refs []fim.ElementRef, indent string) {
	for _, r := range refs {
		switch {
		case r.Group != nil:
			fmt.Fprintf(b, "| %s%s | **%s** | | %s |\n", indent, esc(r.Group.Identifier.String()), esc(r.Group.Label()), esc(r.Anzahl.String()))
			writeFields(b, r.Group.Children, indent+"· ")
		case r.Field != nil:
			fmt.Fprintf(b, "| %s%s | %s | %s | %s |\n", indent, esc(r.Field.Identifier.String()), esc(r.Field.Label()), esc(string(r.Field.Datentyp)), esc(r.Anzahl.String()))
		}
	}
}

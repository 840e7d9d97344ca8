package convert

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/ozgctl/ozgctl/internal/lazy"
)

func genMarkdown(m *model, b *bytes.Buffer) error {
	fmt.Fprintf(b, "# %s\n\n", mdInline(m.Title))
	fmt.Fprintf(b, "%s %s, XDatenfelder %s. JSON Schema `%s`, XML-Namensraum `%s`.\n\n",
		kindWord(m.doc.Kind), mdInline(m.doc.Root().Identifier.String()), m.doc.SourceVersion, m.SchemaID, m.Namespace)
	if m.Description != "" {
		b.WriteString(mdBlock(m.Description) + "\n\n")
	}
	b.WriteString("Schlüssel sind die Property-Namen im JSON und die Elementnamen im XML. Anzahl `min:max`, `*` für unbegrenzt.\n\n")
	if rs := ruleTexts(m.Rules); len(rs) > 0 {
		b.WriteString("Regeln:\n\n")
		for _, r := range rs {
			b.WriteString("- " + mdInline(r) + "\n")
		}
		b.WriteByte('\n')
	}
	b.WriteString("## Übersicht\n\n")
	m.mdTable(b, m.RootMembers)
	for _, d := range m.Defs {
		if d.Group == nil {
			continue
		}
		fmt.Fprintf(b, "## %s (%s)\n\n", mdInline(d.title()), mdInline(d.Common.Identifier.String()))
		if h := d.help(); h != "" {
			b.WriteString(mdBlock(h) + "\n\n")
		}
		if rs := ruleTexts(d.Rules); len(rs) > 0 {
			b.WriteString("Regeln:\n\n")
			for _, r := range rs {
				b.WriteString("- " + mdInline(r) + "\n")
			}
			b.WriteByte('\n')
		}
		m.mdTable(b, d.Members)
	}
	var lists []*def
	for _, d := range m.Defs {
		if len(d.Codes) > 0 {
			lists = append(lists, d)
		}
	}
	if len(lists) > 0 {
		b.WriteString("## Codelisten\n\n")
		for _, d := range lists {
			fmt.Fprintf(b, "### %s (%s)\n\n", mdInline(d.title()), d.Common.Identifier.ID)
			if d.CodeRef != nil {
				fmt.Fprintf(b, "Codeliste `%s`.\n\n", d.CodeRef.String())
			}
			b.WriteString("| Code | Bezeichnung |\n|---|---|\n")
			for _, c := range d.Codes {
				fmt.Fprintf(b, "| `%s` | %s |\n", mdCode(c.Code), mdCell(c.Name))
			}
			b.WriteByte('\n')
		}
	}
	return nil
}

func (m *model) mdTable(b *bytes.Buffer, props []*prop) {
	if len(props) == 0 {
		b.WriteString("(keine Elemente)\n\n")
		return
	}
	b.WriteString("| Schlüssel | Bezeichnung | Typ | Anzahl | Einschränkungen | Codeliste | Regeln |\n")
	b.WriteString("|---|---|---|---|---|---|---|\n")
	for _, p := range props {
		d := p.Def
		key := "`" + mdCode(p.Key) + "`"
		card := cardText(p)
		if d.Label {
			key, card = "–", "–"
		}
		label := mdCell(d.title())
		if d.Group != nil {
			anchor := mdAnchor(d.title() + " (" + d.Common.Identifier.String() + ")")
			label = "[" + label + "](#" + anchor + ")"
		}
		label += " (" + mdCell(d.Common.Identifier.String()) + ")"
		list := ""
		switch {
		case d.CodeRef != nil && len(d.Codes) > 0:
			list = "`" + mdCode(d.CodeRef.String()) + "` (" + fmt.Sprint(len(d.Codes)) + " Codes)"
		case d.CodeRef != nil:
			list = "`" + mdCode(d.CodeRef.String()) + "` (nicht aufgelöst)"
		case len(d.Codes) > 0:
			list = fmt.Sprintf("%d Werte", len(d.Codes))
		}
		var rules []string
		for _, r := range d.Rules {
			rules = append(rules, r.Identifier.String())
		}
		fmt.Fprintf(b, "| %s | %s | %s | %s | %s | %s | %s |\n", key, label, mdTypeText(d), card,
			mdCell(d.constraintText()), list, strings.Join(rules, ", "))
	}
	b.WriteByte('\n')
}

func mdTypeText(d *def) string {
	switch {
	case d.Group != nil:
		return "Gruppe"
	case d.Label:
		return "Hinweistext"
	case len(d.Codes) > 0 || d.Select:
		return "Auswahl"
	}
	switch d.Kind {
	case kBoolean:
		return "Ja/Nein"
	case kInteger:
		return "Ganzzahl"
	case kNumber:
		if d.Currency {
			return "Betrag"
		}
		return "Zahl"
	case kFile:
		return "Datei"
	}
	switch d.Format {
	case "date":
		return "Datum"
	case "time":
		return "Uhrzeit"
	case "date-time":
		return "Zeitpunkt"
	}
	return "Text"
}

var mdEscaper = lazy.Value[*strings.Replacer]{F: func() *strings.Replacer {
	return strings.NewReplacer(`\`, `\\`, "|", `\|`, "*", `\*`, "_", `\_`, "`", "\\`", "<", "&lt;", ">", "&gt;", "[", `\[`, "]", `\]`)
}}

// mdInline escapes a text for one line of Markdown.
func mdInline(s string) string { return mdEscaper.Get().Replace(strings.Join(strings.Fields(s), " ")) }

// mdCell escapes a text for a table cell.
func mdCell(s string) string { return mdInline(s) }

// mdBlock escapes a paragraph, keeping its line breaks.
func mdBlock(s string) string {
	lines := strings.Split(txt(s), "\n")
	for i, l := range lines {
		lines[i] = mdEscaper.Get().Replace(strings.TrimSpace(l))
	}
	return strings.Join(lines, "  \n")
}

// mdCode makes s safe inside `…` in a table.
func mdCode(s string) string { return mdCodeEscaper.Get().Replace(s) }

var mdCodeEscaper = lazy.Value[*strings.Replacer]{F: func() *strings.Replacer {
	return strings.NewReplacer("`", "'", "|", `\|`, "\n", " ")
}}

// mdAnchor is the GitHub-style anchor of a heading.
func mdAnchor(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r == ' ' || r == '-':
			b.WriteRune('-')
		case r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r > 0x7F && !strings.ContainsRune("–—§„“”«»·", r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

package diff

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/ozgctl/ozgctl/internal/lazy"
)

// texts holds the fixed texts of the text and markdown output by key, in
// German and English.
var texts = lazy.Value[map[string][2]string]{F: func() map[string][2]string {
	return map[string][2]string{
		"same-identity": {"ACHTUNG: %s hat in beiden Dateien dieselbe Id und Version, aber anderen Inhalt (%d Änderungen)",
			"WARNING: %s has the same id and version in both files but different content (%d changes)"},
		"same-content": {"%s: keine inhaltlichen Unterschiede", "%s: no differences in content"},
		"header":       {"%s (%s, XDatenfelder %s) → %s (%s, XDatenfelder %s)", "%s (%s, XDatenfelder %s) → %s (%s, XDatenfelder %s)"},
		"summary": {"%d inkompatibel, %d kompatibel, %d redaktionell",
			"%d breaking, %d compatible, %d editorial"},
		"md-title":         {"Änderungen", "Changes"},
		"md-cols":          {"| Klasse | Art | Element | Eigenschaft | alt | neu |", "| class | kind | element | property | old | new |"},
		string(Breaking):   {"inkompatibel", "breaking"},
		string(Compatible): {"kompatibel", "compatible"},
		string(Editorial):  {"redaktionell", "editorial"},
		string(Added):      {"hinzugefügt", "added"},
		string(Removed):    {"entfernt", "removed"},
		string(Moved):      {"verschoben", "moved"},
		string(Renamed):    {"umbenannt", "renamed"},
		string(Changed):    {"geändert", "changed"},
	}
}}

// msgText returns the text of key in lang ("de" or "en").
func msgText(lang, key string) string {
	t, ok := texts.Get()[key]
	if !ok {
		return key
	}
	if lang == "en" {
		return t[1]
	}
	return t[0]
}

// textKeys returns every text key (for tests).
func textKeys() []string {
	out := make([]string, 0, len(texts.Get()))
	for k := range texts.Get() {
		out = append(out, k)
	}
	return out
}

func value(v any) string {
	if v == nil {
		return "–"
	}
	s := fmt.Sprint(v)
	s = strings.Join(strings.Fields(s), " ")
	if len([]rune(s)) > 80 {
		s = string([]rune(s)[:77]) + "…"
	}
	return s
}

func idString(i Identity) string {
	if i.Version == "" {
		return i.ID
	}
	return i.ID + " V" + i.Version
}

// WriteText writes the result as text: a warning first when the content
// changed under the same id and version, then one line per change and a
// summary.
func WriteText(w io.Writer, r *Result, lang string) error {
	var b bytes.Buffer
	fmt.Fprintf(&b, msgText(lang, "header")+"\n", r.Old.File, idString(r.Old), r.Old.XDatenfelder, r.New.File, idString(r.New), r.New.XDatenfelder)
	if r.SameIdentity && len(r.Changes) > 0 {
		fmt.Fprintf(&b, msgText(lang, "same-identity")+"\n", idString(r.New), len(r.Changes))
	}
	if len(r.Changes) == 0 {
		fmt.Fprintf(&b, msgText(lang, "same-content")+"\n", idString(r.New))
	}
	for _, c := range r.Changes {
		fmt.Fprintf(&b, "  %-13s %-12s %s", msgText(lang, string(c.Class)), msgText(lang, string(c.Kind)), c.Path)
		if c.What != "" {
			fmt.Fprintf(&b, " %s", c.What)
		}
		fmt.Fprintf(&b, ": %s → %s\n", value(c.Old), value(c.New))
	}
	fmt.Fprintf(&b, msgText(lang, "summary")+"\n", r.Summary.Breaking, r.Summary.Compatible, r.Summary.Editorial)
	_, err := w.Write(b.Bytes())
	return err
}

// WriteJSON writes the result as JSON (schemas/fim-diff.schema.json).
func WriteJSON(w io.Writer, r *Result, _ string) error {
	data, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return fmt.Errorf("render diff: %w", err)
	}
	_, err = w.Write(append(data, '\n'))
	return err
}

func mdCell(v any) string {
	s := value(v)
	return strings.NewReplacer("|", `\|`, "<", "&lt;", ">", "&gt;").Replace(s)
}

// WriteMarkdown writes the result as a Markdown table, for pull request
// comments.
func WriteMarkdown(w io.Writer, r *Result, lang string) error {
	var b bytes.Buffer
	fmt.Fprintf(&b, "## %s: %s → %s\n\n", msgText(lang, "md-title"), idString(r.Old), idString(r.New))
	if r.SameIdentity && len(r.Changes) > 0 {
		fmt.Fprintf(&b, "> **"+msgText(lang, "same-identity")+"**\n\n", idString(r.New), len(r.Changes))
	}
	fmt.Fprintf(&b, msgText(lang, "summary")+"\n\n", r.Summary.Breaking, r.Summary.Compatible, r.Summary.Editorial)
	if len(r.Changes) > 0 {
		b.WriteString(msgText(lang, "md-cols") + "\n|---|---|---|---|---|---|\n")
		for _, c := range r.Changes {
			fmt.Fprintf(&b, "| %s | %s | `%s` | %s | %s | %s |\n", msgText(lang, string(c.Class)), msgText(lang, string(c.Kind)), c.Path, c.What, mdCell(c.Old), mdCell(c.New))
		}
	}
	_, err := w.Write(b.Bytes())
	return err
}

package diff

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/ozgctl/ozgctl/internal/lazy"
	"github.com/ozgctl/ozgctl/pkg/finding"
)

// texts holds the fixed texts of the text output by key, German and English.
var texts = lazy.Value[map[string]finding.Text]{F: func() map[string]finding.Text {
	return map[string]finding.Text{
		"header":     {DE: "%s (%d Nachrichtentypen, %s) → %s (%d Nachrichtentypen, %s)", EN: "%s (%d message types, %s) → %s (%d message types, %s)"},
		"summary":    {DE: "Nachrichtentypen: %d neu, %d entfernt, %d geändert; %d inkompatible Änderungen (%d für Sender, %d für Empfänger), %d kompatible", EN: "message types: %d added, %d removed, %d changed; %d breaking changes (%d for senders, %d for receivers), %d compatible"},
		"senders":    {DE: "Sender", EN: "senders"},
		"receivers":  {DE: "Empfänger", EN: "receivers"},
		"breaking":   {DE: "inkompatibel", EN: "breaking"},
		"compatible": {DE: "kompatibel", EN: "compatible"},
		"added":      {DE: "neu", EN: "added"},
		"removed":    {DE: "entfernt", EN: "removed"},
		"changed":    {DE: "geändert", EN: "changed"},
	}
}}

// tr returns the text of key in lang ("de" or "en").
func tr(lang, key string) string {
	if t, ok := texts.Get()[key]; ok {
		return t.In(lang)
	}
	return key
}

// val shows a value on one line, long patterns cut to 60 characters.
func val(v any) string {
	if v == nil {
		return "–"
	}
	s := strings.Join(strings.Fields(fmt.Sprint(v)), " ")
	if r := []rune(s); len(r) > 60 {
		s = string(r[:57]) + "…"
	}
	return fmt.Sprintf("%q", s)
}

// WriteText writes one line per change: class, kind, message path, what
// changed, old → new, and which side it breaks; then a summary.
func WriteText(w io.Writer, r *Result, lang string) error {
	var b bytes.Buffer
	fmt.Fprintf(&b, tr(lang, "header")+"\n", r.Old.Source, r.Old.Messages, strings.Join(r.Old.Namespaces, " "),
		r.New.Source, r.New.Messages, strings.Join(r.New.Namespaces, " "))
	for _, c := range r.Changes {
		fmt.Fprintf(&b, "  %-13s %-9s %s", tr(lang, c.class()), tr(lang, c.Kind), c.Path)
		if c.What != "" {
			fmt.Fprintf(&b, " %s", c.What)
		}
		if c.Old != nil || c.New != nil {
			fmt.Fprintf(&b, ": %s → %s", val(c.Old), val(c.New))
		}
		var sides []string
		if c.Senders == breaks {
			sides = append(sides, tr(lang, "senders"))
		}
		if c.Receivers == breaks {
			sides = append(sides, tr(lang, "receivers"))
		}
		if len(sides) > 0 {
			fmt.Fprintf(&b, " [%s]", strings.Join(sides, ", "))
		}
		b.WriteByte('\n')
	}
	s := r.Summary
	fmt.Fprintf(&b, tr(lang, "summary")+"\n", s.MessagesAdded, s.MessagesRemoved, s.MessagesChanged, s.Breaking, s.BreakingSenders, s.BreakingReceivers, s.Compatible)
	_, err := w.Write(b.Bytes())
	return err
}

type jsonChange struct {
	Class string `json:"class"`
	Change
}

type jsonResult struct {
	Old     SetIdentity  `json:"old"`
	New     SetIdentity  `json:"new"`
	Changes []jsonChange `json:"changes"`
	Summary Summary      `json:"summary"`
}

// WriteJSON writes the result as JSON (schemas/xoev-diff.schema.json).
func WriteJSON(w io.Writer, r *Result, _ string) error {
	out := jsonResult{Old: r.Old, New: r.New, Changes: make([]jsonChange, 0, len(r.Changes)), Summary: r.Summary}
	for _, c := range r.Changes {
		out.Changes = append(out.Changes, jsonChange{Class: c.class(), Change: c})
	}
	data, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		return fmt.Errorf("render xoev diff: %w", err)
	}
	_, err = w.Write(append(data, '\n'))
	return err
}

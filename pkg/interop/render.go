package interop

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/ozgctl/ozgctl/pkg/report"

	"github.com/ozgctl/ozgctl/internal/lazy"
	"github.com/ozgctl/ozgctl/pkg/finding"
)

// RenderOptions adjust rendering without changing content.
type RenderOptions struct {
	// Lang is the language of headings and fixed texts: "de" (default) or "en".
	Lang string
}

// Func renders a complete result to w.
type Func func(w io.Writer, r *Result, opts RenderOptions) error

// formats are the interop renderers, named by the one list of format
// names in package report.
var formats = lazy.Value[map[string]Func]{F: func() map[string]Func {
	return map[string]Func{
		report.FormatText:     renderText,
		report.FormatJSON:     renderJSON,
		report.FormatMarkdown: renderMarkdown,
		report.FormatHTML:     renderHTML,
	}
}}

// Formats lists the format names of interop results, sorted.
func Formats() []string {
	out := make([]string, 0, len(formats.Get()))
	for n := range formats.Get() {
		out = append(out, n)
	}
	slices.Sort(out)
	return out
}

// Lookup returns the renderer of a format; an unknown name is a
// [*report.UnknownFormatError] listing the valid ones.
func Lookup(name string) (Func, error) {
	f, ok := formats.Get()[name]
	if !ok {
		return nil, &report.UnknownFormatError{Name: name, Valid: Formats()}
	}
	return f, nil
}

// Render renders r into memory and writes it to w in one piece.
func Render(w io.Writer, f Func, r *Result, opts RenderOptions) error {
	var buf bytes.Buffer
	if err := f(&buf, r, opts); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// WriteFile renders r to path atomically.
func WriteFile(path string, f Func, r *Result, opts RenderOptions) error {
	var buf bytes.Buffer
	if err := f(&buf, r, opts); err != nil {
		return fmt.Errorf("render interop report %s: %w", path, err)
	}
	return report.WriteAtomic(path, buf.Bytes())
}

// renderJSON renders the JSON contract (schemas/interop.schema.json).
func renderJSON(w io.Writer, r *Result, _ RenderOptions) error { return writeJSON(w, r) }

// texts are the fixed texts of the human-readable formats, German first.
var texts = lazy.Value[map[string]finding.Text]{F: func() map[string]finding.Text {
	return map[string]finding.Text{
		"title":         {DE: "Interoperabilitätsbericht", EN: "Interoperability report"},
		"summary":       {DE: "%d Gruppen, %d Nachrichten: %d gültig, %d ungültig", EN: "%d groups, %d messages: %d valid, %d invalid"},
		"group":         {DE: "%s: %d Nachrichten, %d gültig, %d ungültig", EN: "%s: %d messages, %d valid, %d invalid"},
		"groups":        {DE: "Gruppen", EN: "Groups"},
		"types":         {DE: "Nachrichtentypen", EN: "Message types"},
		"rules":         {DE: "Regeln (betroffene Nachrichten)", EN: "Rules (messages affected)"},
		"usage":         {DE: "%d Pfade, %d Codewerte", EN: "%d paths, %d code values"},
		"differences":   {DE: "Unterschiede (nach Spannweite)", EN: "Differences (by spread)"},
		"none":          {DE: "keine", EN: "none"},
		"settings":      {DE: "verglichen: Gruppen mit mindestens %d Nachrichten eines Typs, Unterschied ab %g", EN: "compared: groups with at least %d messages of a type, difference from %g"},
		"matrix":        {DE: "Konformität je Gruppe und Nachrichtentyp", EN: "Conformance by group and message type"},
		"kind":          {DE: "Art", EN: "Kind"},
		"what":          {DE: "Was", EN: "What"},
		"spread":        {DE: "Spannweite", EN: "Spread"},
		"name":          {DE: "Gruppe", EN: "Group"},
		"messages":      {DE: "Nachrichten", EN: "Messages"},
		"valid":         {DE: "gültig", EN: "valid"},
		"invalid":       {DE: "ungültig", EN: "invalid"},
		"topFindings":   {DE: "Häufigste Befunde je Gruppe", EN: "Top findings per group"},
		"codes":         {DE: "Codewerte je Code-Element", EN: "Code values per code element"},
		"k:path":        {DE: "Pfad", EN: "path"},
		"k:code":        {DE: "Code", EN: "code"},
		"k:messageType": {DE: "Nachrichtentyp", EN: "message type"},
		"k:rule":        {DE: "Regel", EN: "rule"},
		"rate":          {DE: "Quote", EN: "rate"},
		"example":       {DE: "Beispiel", EN: "Example"},
	}
}}

func tr(lang, key string) string {
	if t, ok := texts.Get()[key]; ok {
		return t.In(lang)
	}
	return key
}

// what names the subject of a difference in one line.
func what(d *Difference) string {
	switch d.Kind {
	case "code":
		return d.Root + " " + d.Path + " = " + d.Value
	case "rule":
		return d.Rule
	case "messageType":
		return d.Root
	}
	return d.Root + " " + d.Path
}

// ranked returns the differences by spread, largest first, then in their
// canonical order.
func ranked(ds []Difference) []Difference {
	out := slices.Clone(ds)
	slices.SortStableFunc(out, func(a, b Difference) int {
		sa, sb := a.spread(), b.spread()
		switch {
		case sa > sb+epsilon:
			return -1
		case sb > sa+epsilon:
			return 1
		}
		return 0
	})
	return out
}

func groupCounts(d *Difference) string {
	var parts []string
	for _, g := range d.Groups {
		parts = append(parts, fmt.Sprintf("%s %d/%d", g.Name, g.Messages, g.Of))
	}
	return strings.Join(parts, ", ")
}

// renderText renders a plain-text report: the summary, each group with its
// message types and rules, and the differences ranked by spread.
func renderText(w io.Writer, r *Result, opts RenderOptions) error {
	l := opts.Lang
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n%s\n", tr(l, "title"), fmt.Sprintf(tr(l, "summary"), r.Summary.Groups, r.Summary.Messages, r.Summary.Valid, r.Summary.Invalid))
	for i := range r.Groups {
		g := &r.Groups[i]
		fmt.Fprintf(&b, "\n"+tr(l, "group")+"\n", g.Name, g.Messages, g.Valid, g.Invalid)
		fmt.Fprintf(&b, "  %s:\n", tr(l, "types"))
		for _, mt := range g.MessageTypes {
			fmt.Fprintf(&b, "    %s %s %s: %d\n", mt.Root, mt.Standard, mt.Version, mt.Messages)
		}
		if len(g.Rules) > 0 {
			fmt.Fprintf(&b, "  %s:\n", tr(l, "rules"))
			for _, rc := range g.Rules {
				fmt.Fprintf(&b, "    %s: %d\n", rc.Rule, rc.Messages)
			}
		}
		fmt.Fprintf(&b, "  "+tr(l, "usage")+"\n", len(g.Usage), len(g.Codes))
	}
	fmt.Fprintf(&b, "\n%s (%s):\n", tr(l, "differences"), fmt.Sprintf(tr(l, "settings"), r.Settings.MinMessages, r.Settings.MinDiff))
	ds := ranked(r.Differences)
	if len(ds) == 0 {
		fmt.Fprintf(&b, "  %s\n", tr(l, "none"))
	}
	for i := range ds {
		d := &ds[i]
		fmt.Fprintf(&b, "  %.2f %s %s: %s\n", d.spread(), tr(l, "k:"+d.Kind), what(d), groupCounts(d))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// renderMarkdown renders the report for a wiki page or a merge request: a
// table of groups, one of message types and one of differences.
func renderMarkdown(w io.Writer, r *Result, opts RenderOptions) error {
	l := opts.Lang
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n%s\n\n", tr(l, "title"), fmt.Sprintf(tr(l, "summary"), r.Summary.Groups, r.Summary.Messages, r.Summary.Valid, r.Summary.Invalid))
	fmt.Fprintf(&b, "## %s\n\n| %s | %s | %s | %s |\n| --- | ---: | ---: | ---: |\n", tr(l, "groups"), tr(l, "name"), tr(l, "messages"), tr(l, "valid"), tr(l, "invalid"))
	for _, g := range r.Groups {
		fmt.Fprintf(&b, "| %s | %d | %d | %d |\n", md(g.Name), g.Messages, g.Valid, g.Invalid)
	}
	fmt.Fprintf(&b, "\n## %s\n\n| %s | %s | Standard | Version | %s |\n| --- | --- | --- | --- | ---: |\n", tr(l, "types"), tr(l, "name"), "Root", tr(l, "messages"))
	for _, g := range r.Groups {
		for _, mt := range g.MessageTypes {
			fmt.Fprintf(&b, "| %s | `%s` | %s | %s | %d |\n", md(g.Name), mt.Root, md(mt.Standard), md(mt.Version), mt.Messages)
		}
	}
	fmt.Fprintf(&b, "\n## %s\n\n| %s | %s | %s |\n| --- | --- | --- |\n", tr(l, "rules"), tr(l, "name"), tr(l, "k:rule"), tr(l, "messages"))
	for _, g := range r.Groups {
		for _, rc := range g.Rules {
			fmt.Fprintf(&b, "| %s | `%s` | %d |\n", md(g.Name), rc.Rule, rc.Messages)
		}
	}
	fmt.Fprintf(&b, "\n## %s\n\n%s\n\n", tr(l, "differences"), fmt.Sprintf(tr(l, "settings"), r.Settings.MinMessages, r.Settings.MinDiff))
	ds := ranked(r.Differences)
	if len(ds) == 0 {
		fmt.Fprintf(&b, "%s\n", tr(l, "none"))
	} else {
		fmt.Fprintf(&b, "| %s | %s | %s | %s |\n| ---: | --- | --- | --- |\n", tr(l, "spread"), tr(l, "kind"), tr(l, "what"), tr(l, "groups"))
		for i := range ds {
			d := &ds[i]
			fmt.Fprintf(&b, "| %.2f | %s | `%s` | %s |\n", d.spread(), tr(l, "k:"+d.Kind), strings.ReplaceAll(what(d), "`", "'"), md(groupCounts(d)))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// md escapes the characters that break a Markdown table cell.
func md(s string) string {
	return strings.NewReplacer("|", `\|`, "\n", " ").Replace(s)
}

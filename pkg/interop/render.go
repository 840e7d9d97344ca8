package interop

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/ozgctl/ozgctl/pkg/report"
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
var formats = map[string]Func{
	report.FormatText:     Text,
	report.FormatJSON:     JSON,
	report.FormatMarkdown: Markdown,
	report.FormatHTML:     HTML,
}

// Formats lists the format names of interop results, sorted.
func Formats() []string {
	out := make([]string, 0, len(formats))
	for n := range formats {
		out = append(out, n)
	}
	slices.Sort(out)
	return out
}

// Lookup returns the renderer of a format; an unknown name is a
// [*report.UnknownFormatError] listing the valid ones.
func Lookup(name string) (Func, error) {
	f, ok := formats[name]
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

// JSON renders the JSON contract (schemas/interop.schema.json).
func JSON(w io.Writer, r *Result, _ RenderOptions) error { return WriteJSON(w, r) }

// texts are the fixed texts of the human-readable formats, German first.
var texts = map[string][2]string{
	"title":         {"Interoperabilitätsbericht", "Interoperability report"},
	"summary":       {"%d Gruppen, %d Nachrichten: %d gültig, %d ungültig", "%d groups, %d messages: %d valid, %d invalid"},
	"group":         {"%s: %d Nachrichten, %d gültig, %d ungültig", "%s: %d messages, %d valid, %d invalid"},
	"groups":        {"Gruppen", "Groups"},
	"types":         {"Nachrichtentypen", "Message types"},
	"rules":         {"Regeln (betroffene Nachrichten)", "Rules (messages affected)"},
	"usage":         {"%d Pfade, %d Codewerte", "%d paths, %d code values"},
	"differences":   {"Unterschiede (nach Spannweite)", "Differences (by spread)"},
	"none":          {"keine", "none"},
	"settings":      {"verglichen: Gruppen mit mindestens %d Nachrichten eines Typs, Unterschied ab %g", "compared: groups with at least %d messages of a type, difference from %g"},
	"matrix":        {"Konformität je Gruppe und Nachrichtentyp", "Conformance by group and message type"},
	"kind":          {"Art", "Kind"},
	"what":          {"Was", "What"},
	"spread":        {"Spannweite", "Spread"},
	"name":          {"Gruppe", "Group"},
	"messages":      {"Nachrichten", "Messages"},
	"valid":         {"gültig", "valid"},
	"invalid":       {"ungültig", "invalid"},
	"topFindings":   {"Häufigste Befunde je Gruppe", "Top findings per group"},
	"codes":         {"Codewerte je Code-Element", "Code values per code element"},
	"k:path":        {"Pfad", "path"},
	"k:code":        {"Code", "code"},
	"k:messageType": {"Nachrichtentyp", "message type"},
	"k:rule":        {"Regel", "rule"},
	"rate":          {"Quote", "rate"},
	"example":       {"Beispiel", "Example"},
}

func tr(lang, key string) string {
	t, ok := texts[key]
	if !ok {
		return key
	}
	if lang == "en" {
		return t[1]
	}
	return t[0]
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
		sa, sb := a.Spread(), b.Spread()
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

// Text renders a plain-text report: the summary, each group with its
// message types and rules, and the differences ranked by spread.
func Text(w io.Writer, r *Result, opts RenderOptions) error {
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
		fmt.Fprintf(&b, "  %.2f %s %s: %s\n", d.Spread(), tr(l, "k:"+d.Kind), what(d), groupCounts(d))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// Markdown renders the report for a wiki page or a merge request: a
// table of groups, one of message types and one of differences.
func Markdown(w io.Writer, r *Result, opts RenderOptions) error {
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
			fmt.Fprintf(&b, "| %.2f | %s | `%s` | %s |\n", d.Spread(), tr(l, "k:"+d.Kind), strings.ReplaceAll(what(d), "`", "'"), md(groupCounts(d)))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// md escapes the characters that break a Markdown table cell.
func md(s string) string {
	return strings.NewReplacer("|", `\|`, "\n", " ").Replace(s)
}

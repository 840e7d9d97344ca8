package report

import (
	"bufio"
	"fmt"
	"io"

	"github.com/ozgctl/ozgctl/pkg/finding"
)

const (
	ansiReset  = "\x1b[0m"
	ansiRed    = "\x1b[31m"
	ansiYellow = "\x1b[33m"
	ansiBlue   = "\x1b[36m"
	ansiBold   = "\x1b[1m"
	ansiGreen  = "\x1b[32m"
)

func colorFor(s finding.Severity) string {
	switch s {
	case finding.Error:
		return ansiRed
	case finding.Warning:
		return ansiYellow
	default:
		return ansiBlue
	}
}

// renderText renders one line per finding, grouped by file, then a summary line.
// Lines read "file:line:col: severity rule: message [path]".
func renderText(w io.Writer, r *finding.Report, opts Options) error {
	bw := bufio.NewWriter(w)
	paint := func(color, s string) string {
		if !opts.Color {
			return s
		}
		return color + s + ansiReset
	}
	for i := range r.Files {
		fr := &r.Files[i]
		switch {
		case fr.Interrupted():
			fmt.Fprintf(bw, "%s: %s\n", fr.File, msgInterruptedFile.With().Text(opts.Lang))
		case fr.Err != nil:
			fmt.Fprintf(bw, "%s: %s %s\n", fr.File, paint(ansiRed+ansiBold, msgInputError.With().Text(opts.Lang)), fr.ErrText(opts.Lang))
		}
		for j := range fr.Findings {
			f := &fr.Findings[j]
			if !f.Counts() && !opts.Verbose {
				continue
			}
			// Written piece by piece into the buffer: no string is made
			// for the position or the message of each finding.
			pos := finding.Position{File: findingFile(fr, f), Line: f.Line, Column: f.Column}
			bw.Write(pos.AppendTo(bw.AvailableBuffer()))
			bw.WriteString(": ")
			bw.WriteString(paint(colorFor(f.Severity), f.Severity.String()))
			bw.WriteByte(' ')
			bw.WriteString(f.Rule)
			bw.WriteString(": ")
			bw.Write(f.AppendText(bw.AvailableBuffer(), opts.Lang))
			if f.ElementID != "" {
				id := f.ElementID
				if f.ElementVersion != "" {
					id += " v" + f.ElementVersion
				}
				fmt.Fprintf(bw, " (%s)", id)
			}
			if f.Path != "" {
				fmt.Fprintf(bw, " [%s]", f.Path)
			}
			if f.Suppressed != nil {
				bw.WriteString(" (" + suppressionMarker(f.Suppressed, opts.Lang) + ")")
			}
			bw.WriteByte('\n')
		}
	}
	s := finding.Summarize(r)
	bw.WriteString(summaryLine(s, opts.Lang, paint))
	bw.WriteByte('\n')
	writeStale(bw, r, opts.Lang)
	if r.Interrupted {
		fmt.Fprintln(bw, paint(ansiRed+ansiBold, msgInterrupted.With(s.NotChecked, s.Files).Text(opts.Lang)))
	}
	return bw.Flush()
}

// Texts of the text format, in German and English.
const (
	msgInputError   finding.Key = "report.input-error"
	msgVerdictOK    finding.Key = "report.verdict-ok"
	msgVerdictBad   finding.Key = "report.verdict-fail"
	msgSummary      finding.Key = "report.summary"
	msgNotChecked   finding.Key = "report.not-checked"
	msgSuppressed   finding.Key = "report.suppressed"
	msgStale        finding.Key = "report.stale"
	msgStaleEntry   finding.Key = "report.stale-entry"
	msgMarkBaseline finding.Key = "report.suppressed-baseline"
	msgMarkConfig   finding.Key = "report.suppressed-config"
)

// textForms holds the message forms of the keys above.
var textForms = []finding.Form{
	{Key: msgInputError, DE: "nicht prüfbar:", EN: "input error:"},
	{Key: msgNotChecked, DE: ", nicht geprüft: %d", EN: ", %d not checked"},
	{Key: msgStale, DE: ", veraltete Baseline-Einträge: %d", EN: ", %d stale baseline entries"},
	{Key: msgStaleEntry,
		DE: "veralteter Baseline-Eintrag (%d nicht mehr gefunden): %s %s %s %s",
		EN: "stale baseline entry (%d no longer found): %s %s %s %s"},
	{Key: msgSummary,
		DE: "Dateien: %d, gültig: %d, ungültig: %d, Fehler: %d, Warnungen: %d, Hinweise: %d",
		EN: "%d files, %d valid, %d invalid, %d errors, %d warnings, %d infos"},
	{Key: msgSuppressed, DE: ", unterdrückt: %d", EN: ", %d suppressed"},
	{Key: msgMarkBaseline, DE: "unterdrückt: Baseline %s", EN: "suppressed: baseline %s"},
	{Key: msgMarkConfig, DE: "unterdrückt: %s", EN: "suppressed: %s"},
	{Key: msgVerdictBad, DE: "FEHLGESCHLAGEN", EN: "FAIL"},
	{Key: msgVerdictOK, DE: "ok", EN: "ok"},
}

func init() { finding.Forms(textForms) }

// suppressionMarker is the text that marks a suppressed finding.
func suppressionMarker(s *finding.Suppression, lang string) string {
	if s.Kind == finding.SuppressedByBaseline {
		return msgMarkBaseline.With(s.Reason).Text(lang)
	}
	return msgMarkConfig.With(s.Reason).Text(lang)
}

// writeStale lists the stale baseline entries of r, one line each, after
// the summary of the line-oriented formats.
func writeStale(w *bufio.Writer, r *finding.Report, lang string) {
	for _, e := range r.Stale {
		path := e.Path
		if path == "" {
			path = "-"
		}
		w.WriteString(msgStaleEntry.With(e.Count, e.File, e.Rule, path, e.Key).Text(lang))
		w.WriteByte('\n')
	}
}

// summaryLine renders the one-line summary that ends a text report, in
// lang; paint colours the verdict (pass nil for none).
func summaryLine(s finding.Summary, lang string, paint func(color, s string) string) string {
	if paint == nil {
		paint = func(_, s string) string { return s }
	}
	verdict := paint(ansiGreen, msgVerdictOK.With().Text(lang))
	if s.Invalid > 0 {
		verdict = paint(ansiRed, msgVerdictBad.With().Text(lang))
	}
	line := verdict + ": " + msgSummary.With(s.Files, s.Valid, s.Invalid, s.Errors, s.Warnings, s.Infos).Text(lang)
	if s.InputErrors > 0 {
		line += msgNotChecked.With(s.InputErrors).Text(lang)
	}
	if s.Suppressed > 0 {
		line += msgSuppressed.With(s.Suppressed).Text(lang)
	}
	if s.Stale > 0 {
		line += msgStale.With(s.Stale).Text(lang)
	}
	return line
}

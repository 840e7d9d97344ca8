package report

import (
	_ "embed"
	"io"
	"strings"

	"github.com/ozgctl/ozgctl/internal/lazy"
	"github.com/ozgctl/ozgctl/pkg/finding"
	"github.com/ozgctl/stdtemplate/html/template"
)

//go:embed html.tmpl
var htmlSource string

// htmlTemplate is parsed on first use, not at start-up: most runs write no
// HTML report.
var htmlTemplate = lazy.Value[*template.Template]{F: func() *template.Template {
	return template.Must(template.New("report").Funcs(template.FuncMap{
		"lower": strings.ToLower,
	}).Parse(htmlSource))
}}

type htmlFile struct {
	File     string
	Valid    bool
	Err      string
	Identity *finding.Identity
	Header   []htmlField // of Identity, in the order of their names
	Engines  string
	Findings []finding.Finding
	Errors   int
	Warnings int
}

// htmlField is a named value the page lists.
type htmlField struct{ Name, Value string }

// headerFields lists the fields of h that are set, under their JSON names.
func headerFields(h finding.Header) []htmlField {
	var out []htmlField
	for _, f := range []htmlField{{"autor", h.Autor}, {"erstellungszeitpunkt", h.Erstellungszeitpunkt},
		{"leser", h.Leser}, {"nachrichtenUUID", h.NachrichtenUUID}, {"nachrichtentyp", h.Nachrichtentyp}} {
		if f.Value != "" {
			out = append(out, f)
		}
	}
	return out
}

type htmlData struct {
	Title    string
	Tool     string
	Version  string
	Command  string
	ExitCode int
	// Interrupted says that the run was stopped early; empty otherwise.
	Interrupted string
	Summary     finding.Summary
	Files       []htmlFile
	Lang        string
	T           map[string]string
}

var htmlTexts = lazy.Value[map[string]map[string]string]{F: func() map[string]map[string]string {
	return map[string]map[string]string{
		"de": {"title": "Prüfbericht", "files": "Dateien", "valid": "gültig", "invalid": "ungültig", "errors": "Fehler",
			"warnings": "Warnungen", "infos": "Hinweise", "notchecked": "nicht geprüft", "file": "Datei", "message": "Nachricht",
			"standard": "Standard", "header": "Nachrichtenkopf", "engines": "Prüfschritte", "line": "Zeile", "rule": "Regel",
			"severity": "Schwere", "path": "Pfad", "nofindings": "Keine Befunde.", "inputerror": "Nicht prüfbar", "exit": "Exit-Code",
			"filter": "Nur ungültige Dateien zeigen", "suppressed": "unterdrückt"},
		"en": {"title": "Check report", "files": "files", "valid": "valid", "invalid": "invalid", "errors": "errors",
			"warnings": "warnings", "infos": "infos", "notchecked": "not checked", "file": "File", "message": "Message",
			"standard": "Standard", "header": "Message header", "engines": "Checks", "line": "Line", "rule": "Rule",
			"severity": "Severity", "path": "Path", "nofindings": "No findings.", "inputerror": "Could not be checked", "exit": "exit code",
			"filter": "Show invalid files only", "suppressed": "suppressed"},
	}
}}

// renderHTML renders one self-contained page (inline CSS, no scripts or external
// assets) with a summary, and per file its identity and findings.
func renderHTML(w io.Writer, r *finding.Report, opts Options) error {
	lang := opts.Lang
	if _, ok := htmlTexts.Get()[lang]; !ok {
		lang = "de"
	}
	d := htmlData{Tool: r.Tool, Version: r.Version, Command: r.Command, ExitCode: opts.ExitCode,
		Summary: finding.Summarize(r), Lang: lang, T: htmlTexts.Get()[lang]}
	if d.Tool == "" {
		d.Tool = "ozgctl"
	}
	d.Title = d.T["title"]
	if r.Interrupted {
		d.Interrupted = msgInterrupted.With(d.Summary.NotChecked, d.Summary.Files).Text(lang)
	}
	for i := range r.Files {
		fr := &r.Files[i]
		hf := htmlFile{File: fr.File, Valid: fr.Valid(), Identity: fr.Identity, Engines: strings.Join(fr.Engines, ", "), Findings: finding.Rendered(fr.Findings, lang)}
		if fr.Identity != nil {
			hf.Header = headerFields(fr.Identity.Header)
		}
		if fr.Err != nil {
			hf.Err = inputErrorText(fr, lang)
		}
		for _, f := range fr.Findings {
			if !f.Counts() {
				continue
			}
			switch f.Severity {
			case finding.Error:
				hf.Errors++
			case finding.Warning:
				hf.Warnings++
			}
		}
		d.Files = append(d.Files, hf)
	}
	return htmlTemplate.Get().Execute(w, d)
}

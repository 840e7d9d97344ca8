package migrate

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"

	"github.com/ozgctl/ozgctl/internal/lazy"
	"github.com/ozgctl/ozgctl/pkg/fim"
	"github.com/ozgctl/ozgctl/pkg/finding"
)

// FileReport is the migration report of one input file.
type FileReport struct {
	// File is the input as given.
	File string
	// Output is where the migrated document was written ("" for stdout).
	Output string
	From   fim.SourceVersion
	To     fim.SourceVersion
	// Root is the identifier of the migrated root element (target form).
	Root  fim.Identifier
	Notes []Note
	// Err is set when the file could not be migrated.
	Err error
}

// Report is the migration report of a run.
type Report struct {
	Files []FileReport
	// FailOn is the lowest severity that fails the run (0: none does).
	FailOn finding.Severity
}

// Summary counts the notes of a report by severity.
type Summary struct {
	Files    int `json:"files"`
	Failed   int `json:"failed"`
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
	Infos    int `json:"infos"`
}

// summary counts the report's files and notes.
func (r *Report) summary() Summary {
	s := Summary{Files: len(r.Files)}
	for _, f := range r.Files {
		if f.Err != nil {
			s.Failed++
		}
		for _, n := range f.Notes {
			switch n.Severity {
			case finding.Error:
				s.Errors++
			case finding.Warning:
				s.Warnings++
			default:
				s.Infos++
			}
		}
	}
	return s
}

// ExitCode is 2 when a file could not be migrated, 1 when a note is at or
// above FailOn, else 0.
func (r *Report) ExitCode() int {
	code := 0
	for _, f := range r.Files {
		if f.Err != nil {
			return 2
		}
		for _, n := range f.Notes {
			if r.FailOn.Valid() && n.Severity >= r.FailOn {
				code = 1
			}
		}
	}
	return code
}

// text holds the fixed texts of the text report by key.
var text = lazy.Value[map[string][2]string]{F: func() map[string][2]string {
	return map[string][2]string{
		"summary": {"%d Datei(en) migriert, %d fehlgeschlagen: %d Fehler, %d Warnungen, %d Hinweise\n",
			"%d file(s) migrated, %d failed: %d errors, %d warnings, %d infos\n"},
		"file":  {"%s: XDatenfelder %s → %s, %s%s\n", "%s: XDatenfelder %s → %s, %s%s\n"},
		"to":    {" → %s", " → %s"},
		"error": {"%s: nicht migriert: %v\n", "%s: not migrated: %v\n"},
	}
}}

func tr(lang, key string) string {
	if lang == "en" {
		return text.Get()[key][1]
	}
	return text.Get()[key][0]
}

// WriteText writes the report as text: per file a head line, then one
// line per note (severity, key, element path, message), then a summary.
func WriteText(w io.Writer, r *Report, lang string) error {
	var b bytes.Buffer
	for _, f := range r.Files {
		if f.Err != nil {
			fmt.Fprintf(&b, tr(lang, "error"), f.File, f.Err)
			continue
		}
		out := ""
		if f.Output != "" {
			out = fmt.Sprintf(tr(lang, "to"), f.Output)
		}
		fmt.Fprintf(&b, tr(lang, "file"), f.File, f.From, f.To, f.Root, out)
		for _, n := range f.Notes {
			path := n.Path
			if path == "" {
				path = "-"
			}
			fmt.Fprintf(&b, "  %-7s %-22s %s: %s\n", n.Severity, n.Key, path, n.Message(lang))
		}
	}
	s := r.summary()
	fmt.Fprintf(&b, tr(lang, "summary"), s.Files-s.Failed, s.Failed, s.Errors, s.Warnings, s.Infos)
	_, err := w.Write(b.Bytes())
	return err
}

// jsonNote is a Note with its message in the report's language (the
// embedded Note's fields come first in the JSON object).
type jsonNote struct {
	Note
	Message string `json:"message"`
}

type jsonFile struct {
	File   string            `json:"file"`
	Output string            `json:"output,omitempty"`
	From   fim.SourceVersion `json:"from,omitempty"`
	To     fim.SourceVersion `json:"to"`
	Root   *fim.Identifier   `json:"root,omitempty"`
	Notes  []jsonNote        `json:"notes"`
	Error  string            `json:"error,omitempty"`
}

type jsonReport struct {
	Files   []jsonFile `json:"files"`
	Summary Summary    `json:"summary"`
}

// WriteJSON writes the report as JSON (schemas/fim-migrate.schema.json).
func WriteJSON(w io.Writer, r *Report, lang string) error {
	out := jsonReport{Files: make([]jsonFile, 0, len(r.Files)), Summary: r.summary()}
	for _, f := range r.Files {
		jf := jsonFile{File: f.File, Output: f.Output, From: f.From, To: f.To, Notes: []jsonNote{}}
		if f.Err != nil {
			jf.Error = f.Err.Error()
		} else {
			root := f.Root
			jf.Root = &root
		}
		for _, n := range f.Notes {
			jf.Notes = append(jf.Notes, jsonNote{Note: n, Message: n.Message(lang)})
		}
		out.Files = append(out.Files, jf)
	}
	data, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		return fmt.Errorf("render migration report: %w", err)
	}
	_, err = w.Write(append(data, '\n'))
	return err
}

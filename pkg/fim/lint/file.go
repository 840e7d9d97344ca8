package lint

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/ozgctl/ozgctl/pkg/fim"
	"github.com/ozgctl/ozgctl/pkg/finding"
)

// Rule ids of findings about files that cannot be read into the model.
const (
	ruleNotWellFormed = "xml:not-well-formed"
	ruleStructure     = "xdf:structure"
)

// FileOptions tune [CheckFile].
type FileOptions struct {
	Options
	// Strict raises the reader's warnings about messy exports to errors.
	Strict bool
}

// CheckFile reads one XDatenfelder message from r and lints it. A file
// that is not well-formed or whose structure is broken beyond reading is
// a finding (rules "xml:not-well-formed", "xdf:structure"); one that is
// empty, XDatenfelder 1.x or no XDatenfelder message at all sets the
// result's input error.
func CheckFile(ctx context.Context, r io.Reader, name string, opts FileOptions) finding.FileResult {
	fr := finding.FileResult{File: name}
	doc, rfs, err := fim.Read(r, name, fim.ReadOptions{Strict: opts.Strict})
	fr.Findings = append(fr.Findings, rfs...)
	if err != nil {
		var re *fim.ReadError
		if errors.As(err, &re) && (errors.Is(err, fim.ErrNotXML) || errors.Is(err, fim.ErrStructure)) {
			rule := ruleNotWellFormed
			if errors.Is(err, fim.ErrStructure) {
				rule = ruleStructure
			}
			fr.Findings = append(fr.Findings, finding.Finding{Rule: rule, Severity: finding.Error, Message: re.Msg, Msg: re.Text,
				Line: re.Line, Column: re.Column, Source: fim.FindingSource})
			return fr
		}
		fr.Err = &finding.InputError{Err: withoutFile(err)}
		return fr
	}
	fr.Identity = &finding.Identity{Root: doc.Message, Namespace: doc.Namespace, Standard: "XDatenfelder",
		Version: string(doc.SourceVersion), Message: doc.Message}
	fr.Engines = []string{source}
	fr.Findings = append(fr.Findings, Lint(ctx, doc, opts.Options)...)
	return fr
}

// FileRuleInfos lists the catalogue rules that run plus the rules for files
// that cannot be read, for reporters that list rules (SARIF, JUnit).
func FileRuleInfos(lang string) []finding.RuleInfo {
	out := ruleInfos(lang)
	pick := func(de, en string) string {
		if lang == "en" {
			return en
		}
		return de
	}
	return append(out,
		finding.RuleInfo{ID: ruleNotWellFormed, Severity: finding.Error,
			Title: pick("Datei ist kein wohlgeformtes XML", "file is not well-formed XML")},
		finding.RuleInfo{ID: ruleStructure, Severity: finding.Error,
			Title: pick("XDatenfelder-Struktur so verletzt, dass die Datei nicht gelesen werden kann", "XDatenfelder structure broken so that the file cannot be read")},
	)
}

// withoutFile drops the file name from a ReadError: the report names the file.
func withoutFile(err error) error {
	var re *fim.ReadError
	if !errors.As(err, &re) {
		return err
	}
	msg := re.Msg
	if msg == "" && re.Err != nil {
		msg = re.Err.Error()
	}
	text := re.Text
	if re.Line > 0 {
		msg = fmt.Sprintf("line %d: %s", re.Line, msg)
		if !text.IsZero() {
			text = msgInputLine.With(re.Line, text)
		}
	}
	return &lineError{msg: msg, text: text, err: re}
}

// msgInputLine places an input error's text on its line.
const msgInputLine finding.Key = "fim.lint.input-line"

// fileForms holds the message forms of the keys above.
var fileForms = []finding.Form{
	{Key: msgInputLine, DE: "Zeile %d: %v", EN: "line %d: %v"},
}

func init() { finding.Forms(fileForms) }

type lineError struct {
	msg  string
	text finding.Msg
	err  error
}

func (e *lineError) Error() string             { return e.msg }
func (e *lineError) Unwrap() error             { return e.err }
func (e *lineError) LocalizedMsg() finding.Msg { return e.text }

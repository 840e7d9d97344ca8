package finding

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Severity orders findings: Info < Warning < Error. The zero value is
// invalid so that a finding whose severity was never set is caught.
type Severity int

// The severities, in ascending order.
const (
	Info Severity = iota + 1
	Warning
	Error
)

var severityNames = [...]string{Info: "info", Warning: "warning", Error: "error"}

// String returns the lower-case name used in the JSON contract.
func (s Severity) String() string {
	if s < Info || s > Error {
		return fmt.Sprintf("severity(%d)", int(s))
	}
	return severityNames[s]
}

// Valid reports whether s is one of Info, Warning and Error.
func (s Severity) Valid() bool { return s >= Info && s <= Error }

// ParseSeverity parses "error", "warning" or "info" (also "note",
// "information" and "fatal", as used by SARIF and Schematron flags).
func ParseSeverity(s string) (Severity, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "error", "fatal":
		return Error, nil
	case "warning", "warn":
		return Warning, nil
	case "info", "information", "note", "hint":
		return Info, nil
	}
	return 0, fmt.Errorf("unknown severity %q (want error, warning or info)", s)
}

// MarshalText implements encoding.TextMarshaler.
func (s Severity) MarshalText() ([]byte, error) {
	if !s.Valid() {
		return nil, fmt.Errorf("marshal severity: invalid value %d", int(s))
	}
	return []byte(s.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (s *Severity) UnmarshalText(b []byte) error {
	v, err := ParseSeverity(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// Position is a place in a file; Line and Column are 1-based, 0 if unknown.
type Position struct {
	File   string `json:"file,omitempty"`
	Line   int    `json:"line,omitempty"`
	Column int    `json:"column,omitempty"`
}

// String returns "file:line:col", leaving out what is unknown; a missing
// file name reads "<input>".
func (p Position) String() string {
	return string(p.AppendTo(nil))
}

// AppendTo appends the position as [Position.String] writes it to dst.
func (p Position) AppendTo(dst []byte) []byte {
	if p.File == "" {
		dst = append(dst, "<input>"...)
	} else {
		dst = append(dst, p.File...)
	}
	if p.Line > 0 {
		dst = strconv.AppendInt(append(dst, ':'), int64(p.Line), 10)
		if p.Column > 0 {
			dst = strconv.AppendInt(append(dst, ':'), int64(p.Column), 10)
		}
	}
	return dst
}

// Finding is one observation about an input: a broken rule with its place.
type Finding struct {
	// Rule is a stable identifier: a FIM quality code ("1012"), an XSD
	// rule ("xsd:cvc-complex-type.2.4.a"), a Schematron assert id, …
	Rule     string   `json:"rule"`
	Severity Severity `json:"severity"`
	// Message is the text as rendered in the run's language. Engines set
	// Msg instead; they set Message only for text they cannot translate
	// (a Schematron assert's own words). Reporters call [Finding.Text].
	Message string `json:"message"`
	// Msg is the message key and its arguments, rendered at report time.
	Msg    Msg `json:"-"`
	Line   int `json:"line"`
	Column int `json:"column"`
	// Path is the element path in the document or model structure.
	Path string `json:"path"`
	// File is set only when the finding is about another file than its
	// FileResult (an included schema, a referenced code list).
	File string `json:"file,omitempty"`
	// ElementID and ElementVersion identify the FIM element concerned.
	ElementID      string `json:"elementId,omitempty"`
	ElementVersion string `json:"elementVersion,omitempty"`
	// Class is the rule's class in its catalogue, e.g. the FIM quality
	// class "FehlerKritisch" of a fim lint finding; empty if none.
	Class string `json:"class,omitempty"`
	// Source names the engine that produced the finding ("xsd",
	// "schematron", "codelist", "profile", "fim-lint", "xml").
	Source string `json:"source,omitempty"`
	// Test is the rule's expression that did not hold (a Schematron
	// assert's or report's test), for authors tracing a finding.
	Test string `json:"test,omitempty"`
	// URL points to the rule's documentation.
	URL string `json:"url,omitempty"`
	// Related lists further positions that explain the finding.
	Related []Position `json:"related,omitempty"`
	// Suppressed is set when a baseline or an ignore entry of the
	// configuration accepts the finding: it is reported, but does not
	// count toward validity, the severity counts or the exit code.
	Suppressed *Suppression `json:"suppressed,omitempty"`
}

// Counts reports whether the finding counts toward validity, the summary's
// severity counts and the exit code: it is not suppressed.
func (f *Finding) Counts() bool { return f.Suppressed == nil }

// Compare orders findings by line, column, rule, severity (descending) and message.
func Compare(a, b Finding) int {
	if c := cmp.Compare(a.File, b.File); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Line, b.Line); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Column, b.Column); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Rule, b.Rule); c != 0 {
		return c
	}
	if c := cmp.Compare(b.Severity, a.Severity); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Path, b.Path); c != 0 {
		return c
	}
	return cmp.Compare(a.Text("de"), b.Text("de"))
}

// Text returns the finding's message in lang ("de" or "en"): its [Msg]
// rendered, or Message when it has no key.
func (f *Finding) Text(lang string) string {
	if !f.Msg.IsZero() {
		return f.Msg.Text(lang)
	}
	return f.Message
}

// AppendText appends [Finding.Text] to dst without making the string.
func (f *Finding) AppendText(dst []byte, lang string) []byte {
	if !f.Msg.IsZero() {
		return f.Msg.AppendText(dst, lang)
	}
	return append(dst, f.Message...)
}

// Rendered returns copies of fs whose Message holds the text in lang, for
// reporters that serialise findings as they are (JSON, HTML).
func Rendered(fs []Finding, lang string) []Finding {
	if fs == nil {
		return nil
	}
	out := make([]Finding, len(fs))
	for i := range fs {
		out[i] = fs[i]
		out[i].Message = fs[i].Text(lang)
	}
	return out
}

// Normalize sorts findings and drops exact duplicates.
func Normalize(fs []Finding) []Finding {
	slices.SortStableFunc(fs, Compare)
	return slices.CompactFunc(fs, func(a, b Finding) bool {
		return Compare(a, b) == 0 && a.ElementID == b.ElementID && a.ElementVersion == b.ElementVersion
	})
}

// Identity describes what an input is: the message or document kind.
type Identity struct {
	Root      string `json:"root,omitempty"`
	Namespace string `json:"namespace,omitempty"`
	Standard  string `json:"standard,omitempty"`
	Version   string `json:"version,omitempty"`
	// Message is the message type, e.g. "baugenehmigung.antrag.0200".
	Message string `json:"message,omitempty"`
	// Header holds the XÖV Nachrichtenkopf fields when present.
	Header Header `json:"header,omitzero"`
	// Profile names the conformance profile applied, if any.
	Profile string `json:"profile,omitempty"`
}

// Header holds the fields of an XÖV message header (Nachrichtenkopf) that
// identify a message, each empty when absent. In JSON it is an object of
// the fields present, in the order of their names.
type Header struct {
	Autor                string `json:"autor,omitempty"`
	Erstellungszeitpunkt string `json:"erstellungszeitpunkt,omitempty"`
	Leser                string `json:"leser,omitempty"`
	NachrichtenUUID      string `json:"nachrichtenUUID,omitempty"`
	Nachrichtentyp       string `json:"nachrichtentyp,omitempty"`
}

// ErrorText is the text of an error at a place in a file, the one form
// every positioned error type of ozgctl prints: "file:line:col: msg: err",
// leaving out what is empty (no position at all: "msg: err").
func ErrorText(p Position, msg string, err error) string {
	var b strings.Builder
	if p != (Position{}) {
		b.WriteString(p.String())
	}
	for _, part := range [...]string{msg, errText(err)} {
		if part == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString(": ")
		}
		b.WriteString(part)
	}
	return b.String()
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// InputError says why an input could not be checked at all.
type InputError struct {
	File string
	Err  error
}

// Error implements error.
func (e *InputError) Error() string {
	return ErrorText(Position{File: e.File}, "", e.Err)
}

// Unwrap returns the underlying error.
func (e *InputError) Unwrap() error { return e.Err }

// ErrInterrupted is the input error of an input that an interrupted run
// (Ctrl-C, SIGTERM) did not finish: it was not checked, and any findings
// of a check cut short are dropped.
var ErrInterrupted = errors.New("not checked: the run was interrupted")

// Interrupted reports whether the input was left unchecked because the
// run was interrupted.
func (r *FileResult) Interrupted() bool { return errors.Is(r.Err, ErrInterrupted) }

// FileResult is the outcome for one input.
type FileResult struct {
	// File is the input exactly as given on the command line or found
	// below a given directory.
	File     string    `json:"file"`
	Identity *Identity `json:"identity,omitempty"`
	// Engines lists the engines that checked the file, e.g. "xsd:jacoelho".
	Engines  []string  `json:"engines,omitempty"`
	Findings []Finding `json:"findings"`
	// Err is set when the input could not be checked (unreadable file,
	// unsupported kind); such a result is invalid and makes the run exit 2.
	Err error `json:"-"`
	// Duration is how long checking the input took (JUnit's time).
	Duration time.Duration `json:"-"`
	// Assessment is the verdict of a validator configuration (check
	// --kosit-config); nil when none was applied.
	Assessment *Assessment `json:"assessment,omitempty"`
}

// Valid reports whether the input was checked and has no error finding.
func (r *FileResult) Valid() bool {
	if r.Err != nil {
		return false
	}
	for _, f := range r.Findings {
		if f.Severity >= Error && f.Counts() {
			return false
		}
	}
	return true
}

// Max returns the highest severity among the findings that are not
// suppressed, or 0 if none.
func (r *FileResult) Max() Severity {
	var m Severity
	for _, f := range r.Findings {
		if f.Counts() {
			m = max(m, f.Severity)
		}
	}
	return m
}

// RuleInfo documents one rule for reporters that list rules (SARIF, JUnit).
type RuleInfo struct {
	ID       string   `json:"id"`
	Title    string   `json:"title,omitempty"`
	Help     string   `json:"help,omitempty"`
	URL      string   `json:"url,omitempty"`
	Severity Severity `json:"severity,omitempty"`
}

// Report is the complete outcome of a run.
type Report struct {
	Tool    string `json:"-"`
	Version string `json:"-"`
	// Command is the invocation, for SARIF and HTML reports.
	Command string       `json:"-"`
	Files   []FileResult `json:"files"`
	// Rules documents the rules that may appear in findings.
	Rules []RuleInfo `json:"-"`
	// FailOn is the severity at or above which the run fails.
	FailOn Severity `json:"-"`
	// Interrupted is set when the run was stopped (Ctrl-C, SIGTERM) before
	// every input was checked; the inputs it did not finish carry
	// [ErrInterrupted].
	Interrupted bool `json:"-"`
	// Shard ("i/n") is set on the results of one shard of a run; their
	// JSON then carries the run's metadata, so that the merged report
	// renders as the unsharded run's in every format.
	Shard string `json:"-"`
	// Stale lists the baseline entries no finding matched any more.
	Stale []StaleEntry `json:"-"`
}

// Summary counts the results of a report.
type Summary struct {
	Files       int `json:"files"`
	Valid       int `json:"valid"`
	Invalid     int `json:"invalid"`
	Errors      int `json:"errors"`
	Warnings    int `json:"warnings"`
	Infos       int `json:"infos"`
	InputErrors int `json:"inputErrors"`
	// NotChecked counts the inputs an interrupted run did not finish
	// (also counted in InputErrors).
	NotChecked int `json:"notChecked,omitempty"`
	// Suppressed counts the findings a baseline or the configuration
	// accepts; they are not in Errors, Warnings and Infos.
	Suppressed int `json:"suppressed,omitempty"`
	// Stale counts the baseline entries no finding matched any more.
	Stale int `json:"stale,omitempty"`
}

// Summarize counts files and findings; every reporter uses it.
func Summarize(r *Report) Summary {
	var s Summary
	s.Stale = len(r.Stale)
	for i := range r.Files {
		fr := &r.Files[i]
		s.Files++
		if fr.Valid() {
			s.Valid++
		} else {
			s.Invalid++
		}
		if fr.Err != nil {
			s.InputErrors++
		}
		if fr.Interrupted() {
			s.NotChecked++
		}
		for _, f := range fr.Findings {
			if !f.Counts() {
				s.Suppressed++
				continue
			}
			switch f.Severity {
			case Error:
				s.Errors++
			case Warning:
				s.Warnings++
			case Info:
				s.Infos++
			}
		}
	}
	return s
}

// ExitCode maps a report to the process exit code: 2 if any input could
// not be checked, 1 if a finding is at or above failOn, else 0.
func (r *Report) ExitCode() int {
	failOn := r.FailOn
	if !failOn.Valid() {
		failOn = Error
	}
	code := 0
	for i := range r.Files {
		fr := &r.Files[i]
		if fr.Err != nil {
			return 2
		}
		if m := fr.Max(); m.Valid() && m >= failOn {
			code = 1
		}
	}
	return code
}

// SortFiles sorts the results by file name as given and normalizes findings.
func (r *Report) SortFiles() {
	slices.SortStableFunc(r.Files, func(a, b FileResult) int { return cmp.Compare(a.File, b.File) })
	for i := range r.Files {
		r.Files[i].Findings = Normalize(r.Files[i].Findings)
	}
}

// LocalizedError is an error whose text also exists as a message key, so
// that reporters can print an input error in the run's language.
type LocalizedError interface {
	error
	// LocalizedMsg returns the text as a key; the zero Msg means none.
	LocalizedMsg() Msg
}

// ErrText returns the input error's text in lang without repeating the
// file name that every reporter already prints, or "" when the input was
// checked. Errors that are not a [LocalizedError] (an OS error) keep their
// own, English, words.
func (r *FileResult) ErrText(lang string) string {
	if r.Err == nil {
		return ""
	}
	err := r.Err
	var ie *InputError
	if errors.As(r.Err, &ie) && (ie.File == r.File || ie.File == "") {
		err = ie.Err
	}
	if le, ok := err.(LocalizedError); ok {
		if m := le.LocalizedMsg(); !m.IsZero() {
			return m.Text(lang)
		}
	}
	return err.Error()
}

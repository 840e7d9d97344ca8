package report

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/ozgctl/ozgctl/internal/lazy"
	"github.com/ozgctl/ozgctl/pkg/finding"
)

// Options adjusts rendering without changing content.
type Options struct {
	// Color enables ANSI colours in the text format.
	Color bool
	// ExitCode is the process exit code, recorded by SARIF.
	ExitCode int
	// Lang is the language of fixed texts ("de" or "en"); default "de".
	Lang string
	// Verbose lists suppressed findings in the text format, each marked
	// with its suppression; otherwise only their number is given.
	Verbose bool
	// MaxAnnotations caps the workflow commands of the github format;
	// 0 means [DefaultMaxAnnotations], a negative value no cap.
	MaxAnnotations int
}

// DefaultMaxAnnotations is the github format's cap: GitHub shows at most
// 10 error and 10 warning annotations per step and 50 per job, so more
// only clutter the log.
const DefaultMaxAnnotations = 50

// Func renders a complete report to w.
type Func func(w io.Writer, r *finding.Report, opts Options) error

// The format names, one list for every command: a command offers the
// subset it can produce (fim show has no junit, rules has markdown).
const (
	FormatText     = "text"
	FormatJSON     = "json"
	FormatJUnit    = "junit"
	FormatSARIF    = "sarif"
	FormatHTML     = "html"
	FormatSVRL     = "svrl"
	FormatMarkdown = "markdown"
	FormatGitHub   = "github"
	// FormatCodeClimate is GitLab's Code Quality report (a Code Climate
	// issue list).
	FormatCodeClimate = "codeclimate"
	// FormatKoSIT is the KoSIT validator's report (VARL), one message per
	// report (check --kosit-config).
	FormatKoSIT = "kosit"
)

// registry maps the names of the formats that render a [finding.Report]
// to their reporter.
var registry = lazy.Value[map[string]Func]{F: func() map[string]Func {
	return map[string]Func{
		FormatText:  renderText,
		FormatJSON:  renderJSON,
		FormatJUnit: renderJUnit,
		FormatSARIF: renderSARIF,
		FormatHTML:  renderHTML,
		FormatSVRL:  renderSVRL,

		FormatGitHub:      renderGitHub,
		FormatCodeClimate: renderCodeClimate,
		FormatKoSIT:       KoSIT,
	}
}}

// Formats lists the formats that render a [finding.Report], sorted.
func Formats() []string {
	names := make([]string, 0, len(registry.Get()))
	for n := range registry.Get() {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// UnknownFormatError is returned by [Lookup] for a name that is not registered.
type UnknownFormatError struct {
	Name  string
	Valid []string
}

// Error implements error.
func (e *UnknownFormatError) Error() string {
	return fmt.Sprintf("unknown output format %q (valid: %s)", e.Name, strings.Join(e.Valid, ", "))
}

// Lookup returns the reporter for name, restricted to allowed if non-empty.
func Lookup(name string, allowed ...string) (Func, error) {
	valid := Formats()
	if len(allowed) > 0 {
		valid = slices.DeleteFunc(slices.Clone(allowed), func(s string) bool { _, ok := registry.Get()[s]; return !ok })
		slices.Sort(valid)
	}
	f, ok := registry.Get()[name]
	if !ok || !slices.Contains(valid, name) {
		return nil, &UnknownFormatError{Name: name, Valid: valid}
	}
	return f, nil
}

// Render renders r into memory first so that w receives the report in one piece.
func Render(w io.Writer, f Func, r *finding.Report, opts Options) error {
	var buf bytes.Buffer
	buf.Grow(sizeHint(r))
	if err := f(&buf, r, opts); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// WriteFile writes the report to path atomically: a temporary file in the
// same directory, renamed into place, so the file is complete or absent.
func WriteFile(path string, f Func, r *finding.Report, opts Options) error {
	var buf bytes.Buffer
	buf.Grow(sizeHint(r))
	if err := f(&buf, r, opts); err != nil {
		return fmt.Errorf("render report %s: %w", path, err)
	}
	return WriteAtomic(path, buf.Bytes())
}

// sizeHint guesses how many bytes a report of r takes, so that the
// buffer it is rendered into is made once instead of doubled (and copied,
// and its new pages faulted in) a dozen times for a batch of thousands of
// messages. Too little only means the buffer grows as before.
func sizeHint(r *finding.Report) int {
	n := 4 << 10
	for i := range r.Files {
		fr := &r.Files[i]
		n += 64 + len(fr.File)
		for j := range fr.Findings {
			n += 160 + len(fr.File) + len(fr.Findings[j].Path)
		}
	}
	return min(n, 256<<20)
}

// WriteAtomic writes data to path through a temporary file and a rename.
// A path that exists and is not a regular file (/dev/stdout, a named pipe)
// is written directly: renaming over it would replace the device.
func WriteAtomic(path string, data []byte) error {
	if st, err := os.Stat(path); err == nil && !st.Mode().IsRegular() {
		if st.IsDir() {
			return fmt.Errorf("write %s: is a directory", path)
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			return fmt.Errorf("write %s: %w", path, err)
		}
		return nil
	}
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	name := tmp.Name()
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		os.Remove(name)
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		os.Remove(name)
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Chmod(name, 0o644); err != nil {
		os.Remove(name)
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(name, path); err != nil {
		os.Remove(name)
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// findingPos returns "file:line:col" of a finding.
func findingPos(fr *finding.FileResult, f *finding.Finding) string {
	return finding.Position{File: findingFile(fr, f), Line: f.Line, Column: f.Column}.String()
}

// findingFile returns the file a finding is about.
func findingFile(fr *finding.FileResult, f *finding.Finding) string {
	if f.File != "" {
		return f.File
	}
	return fr.File
}

package baseline

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"os"
	"slices"

	"github.com/ozgctl/ozgctl/pkg/finding"
)

// formatVersion is the format version a baseline file is written in.
const formatVersion = 1

// Baseline is the set of accepted findings, as read from or written to a
// baseline file (schemas/baseline.schema.json).
type Baseline struct {
	Version int     `json:"version"`
	Entries []Entry `json:"entries"`
}

// Entry accepts Count findings of one match key.
type Entry struct {
	finding.MatchKey
	// Count is how many findings with this key the entry accepts.
	Count int `json:"count"`
	// Message is the first finding's text when the entry was written, for
	// people reviewing the file; matching ignores it.
	Message string `json:"message,omitempty"`
}

// FileError is a baseline file that cannot be used, with the line of the
// problem when known.
type FileError struct {
	File string
	Line int
	Err  error
}

// Error implements error.
func (e *FileError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("baseline %s:%d: %v", e.File, e.Line, e.Err)
	}
	return fmt.Sprintf("baseline %s: %v", e.File, e.Err)
}

// Unwrap returns the underlying error.
func (e *FileError) Unwrap() error { return e.Err }

// Read reads the baseline file at path.
func Read(path string) (*Baseline, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, &FileError{File: path, Err: err}
	}
	return parse(data, path)
}

// parse reads a baseline from data; name is the file for error messages.
// Unknown keys, a missing or later version and entries without rule, key
// or a positive count are errors.
func parse(data []byte, name string) (*Baseline, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var b Baseline
	if err := dec.Decode(&b); err != nil {
		line := 0
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			line = lineAt(data, se.Offset)
		case errors.As(err, &te):
			line = lineAt(data, te.Offset)
		case errors.Is(err, io.EOF):
			err = errors.New("empty file; write one with --update-baseline")
		case errors.Is(err, io.ErrUnexpectedEOF):
			line = lineAt(data, int64(len(bytes.TrimRight(data, " \t\r\n"))))
			err = errors.New("the JSON ends before the baseline object is closed (a cut-off file?)")
		}
		return nil, &FileError{File: name, Line: line, Err: err}
	}
	if dec.More() {
		return nil, &FileError{File: name, Err: errors.New("data after the baseline object")}
	}
	if b.Version != formatVersion {
		return nil, &FileError{File: name, Err: fmt.Errorf("version %d, want %d; rewrite it with --update-baseline", b.Version, formatVersion)}
	}
	for i, e := range b.Entries {
		if e.File == "" || e.Rule == "" || e.Key == "" || e.Count < 1 {
			return nil, &FileError{File: name, Err: fmt.Errorf("entry %d: want file, rule, key and a count of at least 1", i+1)}
		}
	}
	return &b, nil
}

func lineAt(data []byte, off int64) int {
	off = min(max(off, 0), int64(len(data)))
	return bytes.Count(data[:off], []byte("\n")) + 1
}

// Marshal returns the baseline as written to its file: entries sorted by
// file, rule, path and key, indented, ending in a newline, so that the
// same findings give the same bytes.
func (b *Baseline) Marshal() []byte {
	out := Baseline{Version: formatVersion, Entries: slices.Clone(b.Entries)}
	if out.Entries == nil {
		out.Entries = []Entry{}
	}
	slices.SortFunc(out.Entries, func(x, y Entry) int { return compareKey(x.MatchKey, y.MatchKey) })
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	_ = enc.Encode(out) // plain structs of strings and ints
	return buf.Bytes()
}

func compareKey(a, b finding.MatchKey) int {
	return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Rule, b.Rule), cmp.Compare(a.Path, b.Path), cmp.Compare(a.Key, b.Key))
}

// checked returns the files of r that were checked: inputs without an
// input error and the files findings are about; only their entries are
// judged stale or replaced by [Baseline.Update].
func checked(r *finding.Report) map[string]bool {
	out := map[string]bool{}
	for i := range r.Files {
		fr := &r.Files[i]
		if fr.Err != nil {
			continue
		}
		out[finding.CleanFile(fr.File)] = true
		for j := range fr.Findings {
			if f := fr.Findings[j].File; f != "" {
				out[finding.CleanFile(f)] = true
			}
		}
	}
	return out
}

// Update returns the baseline that accepts every finding of r that is not
// already suppressed (by an ignore entry), keeping the entries of b (which
// may be nil) for files r did not check. lang is the language of the
// entries' messages.
func (b *Baseline) Update(r *finding.Report, lang string) *Baseline {
	seen := checked(r)
	out := &Baseline{Version: formatVersion}
	if b != nil {
		for _, e := range b.Entries {
			if !seen[e.File] {
				out.Entries = append(out.Entries, e)
			}
		}
	}
	idx := map[finding.MatchKey]int{}
	for fr, f := range counting(r) {
		if fr.Err != nil {
			continue
		}
		k := finding.KeyOf(fr, f)
		if n, ok := idx[k]; ok {
			out.Entries[n].Count++
			continue
		}
		idx[k] = len(out.Entries)
		out.Entries = append(out.Entries, Entry{MatchKey: k, Count: 1, Message: f.Text(lang)})
	}
	slices.SortFunc(out.Entries, func(x, y Entry) int { return compareKey(x.MatchKey, y.MatchKey) })
	return out
}

// Apply marks the findings of r that b accepts as suppressed, with name
// (the baseline file) as the reason, and sets r.Stale to the entries of
// checked files that accepted more findings than were found. Findings
// already suppressed are left alone. Call it after [finding.Report.SortFiles],
// so that of more findings with one key than the entry accepts, the first
// ones in the file are taken.
func (b *Baseline) Apply(r *finding.Report, name string) {
	left := make(map[finding.MatchKey]int, len(b.Entries))
	for _, e := range b.Entries {
		left[e.MatchKey] += e.Count
	}
	for fr, f := range counting(r) {
		k := finding.KeyOf(fr, f)
		if left[k] > 0 {
			left[k]--
			f.Suppressed = &finding.Suppression{Kind: finding.SuppressedByBaseline, Reason: name}
		}
	}
	seen := checked(r)
	r.Stale = nil
	for _, e := range b.Entries {
		if n := left[e.MatchKey]; n > 0 && seen[e.File] {
			r.Stale = append(r.Stale, finding.StaleEntry{File: e.File, Rule: e.Rule, Path: e.Path, Key: e.Key, Count: min(n, e.Count)})
			left[e.MatchKey] -= min(n, e.Count)
		}
	}
	slices.SortFunc(r.Stale, func(x, y finding.StaleEntry) int {
		return compareKey(finding.MatchKey{File: x.File, Rule: x.Rule, Path: x.Path, Key: x.Key}, finding.MatchKey{File: y.File, Rule: y.Rule, Path: y.Path, Key: y.Key})
	})
}

// counting yields, in report order, every finding of r that counts (is not
// suppressed yet) with its file result, as pointers into r.
func counting(r *finding.Report) iter.Seq2[*finding.FileResult, *finding.Finding] {
	return func(yield func(*finding.FileResult, *finding.Finding) bool) {
		for i := range r.Files {
			fr := &r.Files[i]
			for j := range fr.Findings {
				if f := &fr.Findings[j]; f.Counts() && !yield(fr, f) {
					return
				}
			}
		}
	}
}

package batch

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/ozgctl/ozgctl/pkg/finding"
)

// StdinName is the file name used for a message read from standard input.
const StdinName = "-"

// Input is one message to check.
type Input struct {
	// Name is the input exactly as given on the command line or as found
	// below a given directory; "-" for standard input.
	Name string
	// data holds standard input, read once, or the bytes of [FromBytes].
	data     []byte
	inMemory bool
}

// FromBytes returns an input named name whose content is data, for
// callers that hold a message in memory (a test case, a request body).
func FromBytes(name string, data []byte) Input {
	return Input{Name: name, data: data, inMemory: true}
}

// Open opens the input for reading. Each call returns a fresh reader, so
// several stages can stream the same message one after another.
func (in Input) Open() (io.ReadCloser, error) {
	if in.inMemory {
		return io.NopCloser(bytes.NewReader(in.data)), nil
	}
	f, err := os.Open(in.Name)
	if err != nil {
		return nil, err
	}
	if st, err := f.Stat(); err == nil && st.IsDir() {
		f.Close()
		return nil, fmt.Errorf("%s is a directory", in.Name)
	}
	return f, nil
}

// PathError says that an argument names nothing that can be read.
type PathError struct {
	Arg string
	Err error
}

// Error implements error.
func (e *PathError) Error() string { return fmt.Sprintf("%s: %v", e.Arg, e.Err) }

// Unwrap returns the underlying error.
func (e *PathError) Unwrap() error { return e.Err }

// UnresolvedResults turns the errors of [ExpandInputs] into file results,
// one per argument that named nothing, so that a report counts it as not
// checked instead of leaving it out. The message is the bare reason ("no
// such file or directory"): the result already names the argument.
func UnresolvedResults(errs []error) []finding.FileResult {
	out := make([]finding.FileResult, 0, len(errs))
	for _, e := range errs {
		name := ""
		var pe *PathError
		if errors.As(e, &pe) {
			name, e = pe.Arg, pe.Err
		}
		var ope *os.PathError
		if errors.As(e, &ope) {
			e = ope.Err
		}
		out = append(out, finding.FileResult{File: name, Err: &finding.InputError{File: name, Err: e}})
	}
	return out
}

// ExpandInputs turns arguments into inputs: a file is taken as is, a
// directory is walked recursively for *.xml files (in lexical order), a
// pattern with glob characters is expanded, and "-" reads stdin once.
// Duplicates are dropped and the result is sorted by name. An argument
// that names nothing (a missing file, a glob without match) is a
// [PathError]; the caller decides whether that ends the run.
func ExpandInputs(args []string, stdin io.Reader) ([]Input, []error) {
	seen := map[string]bool{}
	var out []Input
	var errs []error
	add := func(in Input) {
		if !seen[in.Name] {
			seen[in.Name] = true
			out = append(out, in)
		}
	}
	for _, a := range args {
		if a == StdinName {
			if seen[StdinName] {
				continue
			}
			data, err := io.ReadAll(stdin)
			if err != nil {
				errs = append(errs, &PathError{Arg: a, Err: fmt.Errorf("read stdin: %w", err)})
				continue
			}
			add(Input{Name: StdinName, data: data, inMemory: true})
			continue
		}
		st, err := os.Stat(a)
		if err != nil && strings.ContainsAny(a, "*?[") {
			matches, gerr := filepath.Glob(a)
			if gerr != nil {
				errs = append(errs, &PathError{Arg: a, Err: gerr})
				continue
			}
			if len(matches) == 0 {
				errs = append(errs, &PathError{Arg: a, Err: errors.New("pattern matches no file")})
				continue
			}
			slices.Sort(matches)
			for _, m := range matches {
				if mst, err := os.Stat(m); err == nil && mst.IsDir() {
					errs = append(errs, walkDir(m, add)...)
				} else {
					add(Input{Name: m})
				}
			}
			continue
		}
		if err != nil {
			errs = append(errs, &PathError{Arg: a, Err: err})
			continue
		}
		if st.IsDir() {
			before := len(out)
			errs = append(errs, walkDir(a, add)...)
			if len(out) == before {
				errs = append(errs, &PathError{Arg: a, Err: errors.New("directory holds no *.xml file")})
			}
			continue
		}
		add(Input{Name: a})
	}
	slices.SortFunc(out, func(a, b Input) int { return strings.Compare(a.Name, b.Name) })
	return out, errs
}

func walkDir(dir string, add func(Input)) []error {
	var errs []error
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			errs = append(errs, &PathError{Arg: p, Err: err})
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if !d.IsDir() && strings.EqualFold(filepath.Ext(p), ".xml") {
			add(Input{Name: p})
		}
		return nil
	})
	if err != nil {
		errs = append(errs, &PathError{Arg: dir, Err: err})
	}
	return errs
}

package batch

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"

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
	data []byte
	// size is the size of the regular file Name when sized is set: the
	// stat of ExpandInputs, which preload then need not repeat.
	size     int64
	inMemory bool
	sized    bool
}

// statted returns the input named name, a file whose stat is st.
func statted(name string, st fs.FileInfo) Input {
	if !st.Mode().IsRegular() {
		return Input{Name: name}
	}
	return Input{Name: name, size: st.Size(), sized: true}
}

// FromBytes returns an input named name whose content is data, for
// callers that hold a message in memory (a test case, a request body).
func FromBytes(name string, data []byte) Input {
	return Input{Name: name, data: data, inMemory: true}
}

// Bytes returns the input's content when it is held in memory (standard
// input, [FromBytes], or a small file read once for all stages); ok is
// false when the input is streamed. The bytes must not be changed or kept
// after the stage returns.
func (in Input) Bytes() (data []byte, ok bool) { return in.data, in.inMemory }

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

// preloadLimit is the largest regular file [CheckOne] reads into memory
// once for all its stages; a larger file is streamed by each stage that
// reads it, so a message of hundreds of MB never sits in memory.
const preloadLimit = 4 << 20

// poolLimit is the largest buffer returned to preloadBufs, so that one big
// message does not pin its size in the pool.
const poolLimit = 1 << 20

var preloadBufs = sync.Pool{New: func() any { b := make([]byte, 0, 32<<10); return &b }}

// preload returns in with its file's bytes held in a pooled buffer, read
// once, and the buffer to give back with [releasePreloaded]; in unchanged
// (and a nil buffer) when in is in memory already or not a regular file
// of at most preloadLimit bytes, or cannot be read: Open then streams it
// and reports what is wrong exactly as before. Stages must not keep the
// bytes (see [Input.Bytes]), so nothing refers to the buffer once the
// message is done.
func (in Input) preload() (Input, *[]byte) {
	if in.inMemory {
		return in, nil
	}
	size := int64(-1)
	if in.sized {
		size = in.size
	}
	bp := preloadBufs.Get().(*[]byte)
	b, ok := readSmallFile(in.Name, size, (*bp)[:0])
	*bp = b
	if !ok {
		releasePreloaded(bp)
		return in, nil
	}
	return Input{Name: in.Name, data: b, inMemory: true}, bp
}

// releasePreloaded gives a buffer of preload back to the pool (nil is
// nothing to give back).
func releasePreloaded(bp *[]byte) {
	if bp != nil && cap(*bp) <= poolLimit {
		*bp = (*bp)[:0]
		preloadBufs.Put(bp)
	}
}

// readToEOF reads through read into b, sized for a file of size bytes
// (+1: see EOF without a second grow), until EOF; false if read fails or
// the file is longer than preloadLimit (it grew since its stat). A short read that ends
// where size says the file ends is taken as EOF: a regular file returns
// fewer bytes than asked only there, and it saves a read per message.
func readToEOF(size int, b []byte, read func([]byte) (int, error)) ([]byte, bool) {
	if need := size + 1; cap(b) < need {
		b = make([]byte, 0, need)
	}
	for {
		if len(b) == cap(b) {
			if len(b) > preloadLimit { // the file grew while read
				return b, false
			}
			b = append(b, 0)[:len(b)]
		}
		room := cap(b) - len(b)
		n, err := read(b[len(b):cap(b)])
		if n > 0 {
			b = b[:len(b)+n]
		}
		switch {
		case errors.Is(err, io.EOF), err == nil && n == 0: // n == 0: a raw read's EOF
			return b, len(b) <= preloadLimit
		case err != nil:
			return b, false
		case n < room && len(b) == size:
			return b, true
		}
	}
}

// ReadAll reads r to the end. A regular file (what [Input.Open] returns
// for a named input that was not preloaded, such as one above the preload
// limit) is read into one buffer of its size, instead of the doubling
// buffers of io.ReadAll.
func ReadAll(r io.Reader) ([]byte, error) {
	if f, ok := r.(*os.File); ok {
		if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
			b := bytes.NewBuffer(make([]byte, 0, int(st.Size())+bytes.MinRead))
			_, err := b.ReadFrom(f)
			return b.Bytes(), err
		}
	}
	return io.ReadAll(r)
}

// Names returns the names of inputs.
func Names(inputs []Input) []string {
	out := make([]string, len(inputs))
	for i, in := range inputs {
		out[i] = in.Name
	}
	return out
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

// ExpandInputs is [ExpandOptions.Expand] with the defaults: *.xml files,
// nothing excluded.
func ExpandInputs(args []string, stdin io.Reader) ([]Input, []error) {
	return ExpandOptions{}.Expand(args, stdin)
}

// ExpandOptions adjust how [ExpandOptions.Expand] finds inputs.
type ExpandOptions struct {
	// Exclude holds glob patterns (path.Match syntax) of files and
	// directories to leave out, matched against the base name and against
	// the whole path as found (forward slashes); an excluded directory is
	// not walked.
	Exclude []string
	// Keep, if set, drops inputs found below a directory argument or by a
	// pattern that are not of the command's kind (a code list next to the
	// schemas, say); inputs named explicitly are always kept. A directory argument left
	// with no input is then an error, as one without *.xml files is.
	Keep func(Input) bool
	// Exts are the file name endings (with the dot, any case) walked below
	// directory arguments; nil means .xml.
	Exts []string
}

// walked reports whether a file found below a directory is taken.
func (o ExpandOptions) walked(p string) bool {
	ext := filepath.Ext(p)
	if o.Exts == nil {
		return strings.EqualFold(ext, ".xml")
	}
	return slices.ContainsFunc(o.Exts, func(e string) bool { return strings.EqualFold(ext, e) })
}

// noInput is the error of a directory argument without a walked file.
func (o ExpandOptions) noInput() error {
	exts := o.Exts
	if exts == nil {
		exts = []string{".xml"}
	}
	return fmt.Errorf("directory holds no *%s file", strings.Join(exts, " or *"))
}

// Expand turns arguments into inputs: a file is taken as is, a directory
// (or a symbolic link to one) is walked recursively for *.xml files in
// lexical order, skipping hidden directories (.git) below it, a pattern
// with glob characters is expanded, and "-" reads stdin once. Duplicates
// are dropped and the result is sorted by name. An argument that names
// nothing (a missing file, a glob without match, a directory without
// input) is a [PathError]; the caller decides whether that ends the run.
func (o ExpandOptions) Expand(args []string, stdin io.Reader) ([]Input, []error) {
	seen := map[string]bool{}
	var out []Input
	var errs []error
	add := func(in Input) {
		if !seen[in.Name] {
			seen[in.Name] = true
			out = append(out, in)
		}
	}
	// dir walks a directory argument and says when it held no input.
	dir := func(arg string) {
		var found []Input
		walkErrs := o.walkDir(arg, func(in Input) { found = append(found, in) })
		errs = append(errs, walkErrs...)
		kept := 0
		for _, in := range found {
			if o.Keep == nil || o.Keep(in) {
				add(in)
				kept++
			}
		}
		switch {
		case kept > 0 || len(walkErrs) > 0:
			// An unreadable directory is reported once, by the walk.
		case len(found) > 0:
			errs = append(errs, &PathError{Arg: arg, Err: errors.New("directory holds no input of this command's kind")})
		default:
			errs = append(errs, &PathError{Arg: arg, Err: o.noInput()})
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
			slices.Sort(matches)
			matches = slices.DeleteFunc(matches, o.excluded)
			if len(matches) == 0 {
				errs = append(errs, &PathError{Arg: a, Err: errors.New("pattern matches no file")})
				continue
			}
			for _, m := range matches {
				mst, err := os.Stat(m)
				in := Input{Name: m}
				switch {
				case err == nil && mst.IsDir():
					dir(m)
					continue
				case err == nil:
					in = statted(m, mst)
				}
				if o.Keep == nil || o.Keep(in) {
					add(in)
				}
			}
			continue
		}
		if err != nil {
			errs = append(errs, &PathError{Arg: a, Err: err})
			continue
		}
		if st.IsDir() {
			dir(a)
			continue
		}
		add(statted(a, st))
	}
	slices.SortFunc(out, func(a, b Input) int { return strings.Compare(a.Name, b.Name) })
	return out, errs
}

// excluded reports whether p matches an --exclude pattern.
func (o ExpandOptions) excluded(p string) bool {
	slash := filepath.ToSlash(p)
	base := path.Base(slash)
	for _, g := range o.Exclude {
		if ok, _ := path.Match(g, base); ok {
			return true
		}
		if ok, _ := path.Match(g, slash); ok {
			return true
		}
		if ok, _ := path.Match(g, strings.TrimPrefix(slash, "./")); ok {
			return true
		}
	}
	return false
}

// walkDir walks dir (following it if it is a symbolic link; links below
// it are not followed, so a cycle cannot be walked) for the files of o.Exts.
func (o ExpandOptions) walkDir(dir string, add func(Input)) []error {
	var errs []error
	root := dir
	if fi, err := os.Lstat(dir); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
		// WalkDir does not descend into a root that is a link; a trailing
		// separator makes the walk start at its target. Names keep the
		// argument as given (Join cleans the separator away).
		root = dir + string(filepath.Separator)
	}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if p == root {
			p = dir
		}
		if err != nil {
			errs = append(errs, &PathError{Arg: p, Err: err})
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			if p != dir && (strings.HasPrefix(d.Name(), ".") || o.excluded(p)) {
				return fs.SkipDir
			}
			return nil
		}
		if o.walked(p) && !o.excluded(p) {
			add(Input{Name: p})
		}
		return nil
	})
	if err != nil {
		errs = append(errs, &PathError{Arg: dir, Err: err})
	}
	return errs
}

package xoev

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
)

// SchemaDir picks a schema set per message from the schemas found in a
// directory tree, by the message's root element and namespace. Only the
// candidate's documents are scanned up front; a schema set is compiled the
// first time a message needs it, once, whatever the number of workers.
type SchemaDir struct {
	Dir  string
	opts LoadOptions
	// byRoot maps "{ns}local" to the schema files declaring that global element.
	byRoot map[string][]string
	mu     sync.Mutex
	sets   map[string]*lazySet
}

type lazySet struct {
	once sync.Once
	set  *SchemaSet
	err  error
}

// SelectError says that no schema, or more than one, fits a message.
type SelectError struct {
	Root       string
	Namespace  string
	Dir        string
	Candidates []string
}

// Error implements error.
func (e *SelectError) Error() string {
	if len(e.Candidates) == 0 {
		return fmt.Sprintf("no schema in %s declares the root element {%s}%s", e.Dir, e.Namespace, e.Root)
	}
	return fmt.Sprintf("several schemas in %s declare the root element {%s}%s: %s; pass --xsd to choose one",
		e.Dir, e.Namespace, e.Root, strings.Join(e.Candidates, ", "))
}

// LoadSchemaDir scans dir recursively for *.xsd files and indexes their
// global elements. Documents that are not schemas are skipped.
func LoadSchemaDir(dir string, opts LoadOptions) (*SchemaDir, error) {
	if fi, err := os.Stat(dir); err != nil {
		return nil, &LoadError{File: dir, Err: fmt.Errorf("schema directory: %w", err)}
	} else if !fi.IsDir() {
		return nil, &LoadError{File: dir, Err: errors.New("not a directory: --schema-dir wants the directory that holds the schema sets (use --xsd for one schema file)")}
	}
	d := &SchemaDir{Dir: dir, opts: opts, byRoot: map[string][]string{}, sets: map[string]*lazySet{}}
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if e.IsDir() || !strings.EqualFold(filepath.Ext(p), ".xsd") {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		data, _, err = applyDoctype(p, data)
		if err != nil {
			return nil // not loadable on its own; it may still be part of another set
		}
		doc := &SchemaDoc{Path: p, data: data}
		if scanSchema(doc, p) != nil {
			return nil
		}
		for _, el := range doc.elements {
			k := "{" + doc.TargetNamespace + "}" + el
			d.byRoot[k] = append(d.byRoot[k], p)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("scan schema directory %s: %w", dir, err)
	}
	if len(d.byRoot) == 0 {
		return nil, fmt.Errorf("schema directory %s holds no XML Schema with global elements", dir)
	}
	return d, nil
}

// pick returns the schema set whose documents declare {ns}local as a
// global element, compiling it on first use.
func (d *SchemaDir) pick(ctx context.Context, ns, local string) (*SchemaSet, error) {
	cands := d.byRoot["{"+ns+"}"+local]
	if len(cands) != 1 {
		c := slices.Clone(cands)
		slices.Sort(c)
		return nil, &SelectError{Root: local, Namespace: ns, Dir: d.Dir, Candidates: c}
	}
	d.mu.Lock()
	ls := d.sets[cands[0]]
	if ls == nil {
		ls = &lazySet{}
		d.sets[cands[0]] = ls
	}
	d.mu.Unlock()
	ls.once.Do(func() {
		opts := d.opts
		opts.Roots = append(slices.Clone(opts.Roots), d.Dir)
		ls.set, ls.err = LoadSchemaSet(ctx, cands[0], opts)
	})
	return ls.set, ls.err
}

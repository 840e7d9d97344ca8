package interop

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/ozgctl/ozgctl/pkg/batch"
	"github.com/ozgctl/ozgctl/pkg/finding"
)

// Source is a group and the arguments (files, directories, globs) that
// hold its messages.
type Source struct {
	GroupSpec `yaml:",inline"`
	Inputs    []string `yaml:"inputs"`
}

// manifest lists the groups of a run (the --manifest file):
//
//	groups:
//	  - name: vendor-a
//	    vendor: Alpha Software GmbH
//	    product: AlphaInvoice
//	    version: "4.2"
//	    inputs: [vendor-a, "extra/alpha-*.xml"]
//
// Inputs are relative to the manifest's directory.
type manifest struct {
	Groups []Source `yaml:"groups"`
}

// ManifestError is a problem in a manifest file.
type ManifestError struct {
	File string
	Msg  string
	Err  error
}

// Error implements error.
func (e *ManifestError) Error() string {
	return finding.ErrorText(finding.Position{File: e.File}, e.Msg, e.Err)
}

// Unwrap returns the underlying error.
func (e *ManifestError) Unwrap() error { return e.Err }

// ReadManifest reads a manifest file and resolves its inputs against the
// file's directory. Every group needs a unique name and an input.
func ReadManifest(path string) ([]Source, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, &ManifestError{File: path, Msg: "read manifest", Err: err}
	}
	var m manifest
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&m); err != nil {
		return nil, &ManifestError{File: path, Msg: "parse manifest", Err: err}
	}
	if len(m.Groups) == 0 {
		return nil, &ManifestError{File: path, Msg: "no groups"}
	}
	seen := map[string]bool{}
	dir := filepath.Dir(path)
	for i := range m.Groups {
		g := &m.Groups[i]
		switch {
		case g.Name == "":
			return nil, &ManifestError{File: path, Msg: fmt.Sprintf("group %d has no name", i+1)}
		case seen[g.Name]:
			return nil, &ManifestError{File: path, Msg: fmt.Sprintf("group name %q appears twice", g.Name)}
		case len(g.Inputs) == 0:
			return nil, &ManifestError{File: path, Msg: fmt.Sprintf("group %q has no inputs", g.Name)}
		}
		seen[g.Name] = true
		for j, in := range g.Inputs {
			if !filepath.IsAbs(in) {
				g.Inputs[j] = filepath.Join(dir, in)
			}
		}
	}
	return m.Groups, nil
}

// DirSources turns command-line arguments into groups: a single directory
// whose first-level subdirectories are the groups, or several arguments
// that are one group each, named by their base name.
func DirSources(args []string) ([]Source, error) {
	if len(args) == 1 {
		entries, err := os.ReadDir(args[0])
		if err != nil {
			return nil, fmt.Errorf("read group directory: %w", err)
		}
		var out []Source
		for _, e := range entries {
			if e.IsDir() && !strings.HasPrefix(e.Name(), ".") {
				out = append(out, Source{GroupSpec: GroupSpec{Name: e.Name()}, Inputs: []string{filepath.Join(args[0], e.Name())}})
			}
		}
		if len(out) > 0 {
			return out, nil
		}
	}
	var out []Source
	seen := map[string]bool{}
	for _, a := range args {
		name := filepath.Base(filepath.Clean(a))
		if seen[name] {
			return nil, fmt.Errorf("two groups are named %q: give directories with different names, or a --manifest", name)
		}
		seen[name] = true
		out = append(out, Source{GroupSpec: GroupSpec{Name: name}, Inputs: []string{a}})
	}
	return out, nil
}

// expand lists the messages of every group: one sorted input list (the
// order shards are cut from) and the group index of each input name. A
// message below two groups belongs to the first. Arguments that name
// nothing come back as errors, each with its group index in errGroups.
func expand(sources []Source) (inputs []batch.Input, groupOf map[string]int, errs []error, errGroups []int) {
	groupOf = map[string]int{}
	for gi, s := range sources {
		ins, es := batch.ExpandInputs(s.Inputs, nil)
		for _, in := range ins {
			if _, dup := groupOf[in.Name]; dup {
				continue
			}
			groupOf[in.Name] = gi
			inputs = append(inputs, in)
		}
		for _, e := range es {
			errs = append(errs, e)
			errGroups = append(errGroups, gi)
		}
	}
	slices.SortFunc(inputs, func(a, b batch.Input) int { return strings.Compare(a.Name, b.Name) })
	return inputs, groupOf, errs, errGroups
}

// specs returns the group descriptions of sources.
func specs(sources []Source) []GroupSpec {
	out := make([]GroupSpec, len(sources))
	for i, s := range sources {
		out[i] = s.GroupSpec
	}
	return out
}

// errNoGroups says that the arguments hold no group.
var errNoGroups = errors.New("no groups")

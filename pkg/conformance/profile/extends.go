package profile

import (
	"maps"
	"path/filepath"
	"slices"
)

// merge returns the profile child (which names base in extends) with
// everything it inherits from base. The rules, also given in
// docs/profiles.md:
//
//   - id, title, description, standard, version, abstract: the child's
//     value when it sets one, else the base's (abstract is never
//     inherited: a profile that extends an abstract base is concrete
//     unless it says otherwise);
//   - match and schema: replaced as a whole when the child sets them;
//   - namespaces: merged, the child's URI wins for a prefix both declare;
//   - codelists: the base's directories, then the child's;
//   - schematron: the base's files, then the child's; a child entry for
//     a file the base already runs replaces that entry (phase, severity);
//   - sharpenings and codelistBindings: the base's, then the child's; a
//     child entry with the id of a base entry replaces it in place (to
//     change its severity, message or test).
//
// Paths the base names are rewritten relative to the child's directory,
// so the merged profile resolves every file as its own.
func merge(base, child *Profile) *Profile {
	m := *child
	if m.Title == "" {
		m.Title = base.Title
	}
	if m.Description == "" {
		m.Description = base.Description
	}
	if m.Standard == "" {
		m.Standard = base.Standard
	}
	if m.Version == "" {
		m.Version = base.Version
	}
	if len(m.Match) == 0 {
		m.Match = slices.Clone(base.Match)
		m.matchPos = slices.Clone(base.matchPos)
	}
	m.Namespaces = maps.Clone(base.Namespaces)
	if m.Namespaces == nil && len(child.Namespaces) > 0 {
		m.Namespaces = map[string]string{}
	}
	maps.Copy(m.Namespaces, child.Namespaces)
	rebase := func(rel string) string { return rebasePath(base, child, rel) }
	if m.Schema == nil && base.Schema != nil {
		sc := &Schema{XSD: rebase(base.Schema.XSD)}
		for _, c := range base.Schema.Catalogs {
			sc.Catalogs = append(sc.Catalogs, rebase(c))
		}
		m.Schema = sc
	}
	m.CodeLists = nil
	for _, d := range base.CodeLists {
		m.CodeLists = append(m.CodeLists, rebase(d))
	}
	for _, d := range child.CodeLists {
		if !slices.Contains(m.CodeLists, d) {
			m.CodeLists = append(m.CodeLists, d)
		}
	}
	m.Schematron = nil
	for _, s := range base.Schematron {
		s.File = rebase(s.File)
		m.Schematron = append(m.Schematron, s)
	}
	for _, s := range child.Schematron {
		i := slices.IndexFunc(m.Schematron, func(b SchematronRef) bool {
			return filepath.Clean(child.resolve(b.File)) == filepath.Clean(child.resolve(s.File))
		})
		if i >= 0 && i < len(base.Schematron) {
			m.Schematron[i] = s
			continue
		}
		m.Schematron = append(m.Schematron, s)
	}
	m.Sharpenings = mergeByID(base.Sharpenings, child.Sharpenings, func(s Sharpening) string { return s.ID })
	m.CodeListBindings = mergeByID(base.CodeListBindings, child.CodeListBindings, func(b CodeListBinding) string { return b.ID })
	m.ruleLines = maps.Clone(base.ruleLines)
	if m.ruleLines == nil {
		m.ruleLines = map[string]rulePos{}
	}
	maps.Copy(m.ruleLines, child.ruleLines)
	m.Chain = append(slices.Clone(child.Chain), base.Chain...)
	return &m
}

// mergeByID appends child to base; a child entry whose id a base entry
// has replaces that entry once, so duplicates within the child survive
// and are reported by [Profile.check].
func mergeByID[T any](base, child []T, id func(T) string) []T {
	out := slices.Clone(base)
	replaced := map[int]bool{}
	for _, c := range child {
		i := slices.IndexFunc(base, func(b T) bool { return id(b) == id(c) })
		if i >= 0 && !replaced[i] {
			out[i] = c
			replaced[i] = true
			continue
		}
		out = append(out, c)
	}
	return out
}

// rebasePath rewrites a path of base so that it resolves the same from
// the child's directory.
func rebasePath(base, child *Profile, rel string) string {
	if filepath.IsAbs(rel) {
		return rel
	}
	abs, err := filepath.Abs(base.resolve(rel))
	if err != nil {
		return base.resolve(rel)
	}
	dir, err := filepath.Abs(filepath.Dir(child.File))
	if err != nil {
		return abs
	}
	r, err := filepath.Rel(dir, abs)
	if err != nil {
		return abs
	}
	return filepath.ToSlash(r)
}

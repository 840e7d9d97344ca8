package interop

import (
	"bytes"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/ozgctl/ozgctl/pkg/conformance/profile"
	"github.com/ozgctl/ozgctl/pkg/xoev"
)

// SuggestOptions configure [Suggest].
type SuggestOptions struct {
	// Base is the profile the draft sharpens; its match, schema, code
	// lists, Schematron and sharpenings are kept. Without it the draft is
	// a new profile for the XSD (may be "") and the message types seen.
	Base *profile.Profile
	XSD  string
	// Dir is the directory the draft will be written to: file paths in
	// the draft are relative to it.
	Dir string
	// ID names the draft; default the base's id + "-draft".
	ID string
	// MaxCodes is the most distinct values a code element may have to
	// become a codes sharpening (more look like free text); default 12.
	MaxCodes int
	// Lang is the language of the sharpenings' messages: "de" or "en".
	Lang string
	// Forbidden, with Decls set, also suggests forbidden sharpenings for
	// the optional elements and attributes no group uses.
	Forbidden bool
	// Decls are the declarations of the schema the messages follow; they
	// tell which parts are optional. Forbidden candidates need them.
	Decls *xoev.Decls
}

// Suggest writes a draft profile (YAML) whose sharpenings are the
// candidates the usage data of r supports, each with its evidence as a
// comment:
//
//   - required: for each message type with at least r.Settings.MinMessages
//     messages, the paths every group uses in every message of the type
//     (the deepest ones only: a required child implies its parents). The
//     usage data does not tell optional from mandatory parts, so a
//     candidate the XSD requires already is redundant, never wrong;
//   - codes: for each code element with at most MaxCodes distinct values,
//     the values the groups use together;
//   - forbidden (with Forbidden and Decls): for each message type with at
//     least r.Settings.MinMessages messages, the optional children of used
//     elements that no message uses (the outermost ones only);
//   - the differences between the groups as open questions, in comments.
//
// Paths are XPath with "*:" name tests, so the draft needs no namespace
// prefixes. Applied to the messages it was learned from, the draft's
// required and codes sharpenings find nothing.
func Suggest(r *Result, opts SuggestOptions) ([]byte, error) {
	if opts.MaxCodes <= 0 {
		opts.MaxCodes = 12
	}
	draft, err := draftBase(r, opts)
	if err != nil {
		return nil, err
	}
	var doc yaml.Node
	if err := doc.Encode(draft); err != nil {
		return nil, fmt.Errorf("encode draft profile: %w", err)
	}
	doc.HeadComment = "Draft profile learned by \"ozgctl profile suggest\" from " + groupList(r) + ".\nReview every sharpening before use: each says how many messages support it."
	seq := sharpeningsNode(&doc)
	n := 0
	for _, root := range typeRoots(r) {
		for _, c := range requiredCandidates(r, root) {
			n++
			s := profile.Sharpening{ID: fmt.Sprintf("SUG-REQ-%03d", n), Message: msg(opts.Lang, "required", c.path),
				Context: rootPattern(root), Required: xpathOf(c.path)}
			if err := appendSharpening(seq, s, "evidence: "+c.evidence); err != nil {
				return nil, err
			}
		}
	}
	n = 0
	for _, root := range typeRoots(r) {
		for _, c := range codeCandidates(r, root, opts.MaxCodes) {
			n++
			s := profile.Sharpening{ID: fmt.Sprintf("SUG-CODE-%03d", n), Message: msg(opts.Lang, "codes", c.path),
				Context: rootPattern(root), Path: xpathOf(c.path), Codes: c.values}
			if err := appendSharpening(seq, s, "evidence: "+c.evidence+"\nonly these values were seen; compare with the code list before adopting"); err != nil {
				return nil, err
			}
		}
	}
	if opts.Forbidden {
		if opts.Decls == nil {
			return nil, fmt.Errorf("suggest profile: forbidden sharpenings need the schema (--xsd, or a base profile with one)")
		}
		n = 0
		for _, root := range typeRoots(r) {
			for _, c := range forbiddenCandidates(r, opts.Decls, root) {
				n++
				s := profile.Sharpening{ID: fmt.Sprintf("SUG-FORB-%03d", n), Message: msg(opts.Lang, "forbidden", c.path),
					Context: rootPattern(root), Forbidden: xpathOf(c.path)}
				if err := appendSharpening(seq, s, "evidence: "+c.evidence); err != nil {
					return nil, err
				}
			}
		}
	}
	var q []string
	for _, d := range ranked(r.Differences) {
		q = append(q, fmt.Sprintf("open question (%s, spread %.2f): %s: %s", d.Kind, d.spread(), what(&d), groupCounts(&d)))
	}
	if len(q) > 0 {
		doc.FootComment = "Differences between the groups, to settle before sharpening further:\n" + strings.Join(q, "\n")
	}
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return nil, fmt.Errorf("write draft profile: %w", err)
	}
	return buf.Bytes(), nil
}

func msg(lang, kind, path string) string {
	switch {
	case lang == "en" && kind == "required":
		return "draft sharpening: " + path + " is required"
	case lang == "en" && kind == "forbidden":
		return "draft sharpening: " + path + " is not allowed"
	case lang == "en":
		return "draft sharpening: " + path + " has a value outside the values in use"
	case kind == "required":
		return "Schärfungsvorschlag: " + path + " ist Pflicht"
	case kind == "forbidden":
		return "Schärfungsvorschlag: " + path + " ist nicht erlaubt"
	}
	return "Schärfungsvorschlag: " + path + " hat einen Wert außerhalb der verwendeten Werte"
}

func groupList(r *Result) string {
	var names []string
	for _, g := range r.Groups {
		names = append(names, fmt.Sprintf("%s (%d)", g.Name, g.Messages))
	}
	return strings.Join(names, ", ")
}

// draftBase is the draft without the new sharpenings.
func draftBase(r *Result, opts SuggestOptions) (*profile.Profile, error) {
	if opts.Base != nil {
		b := *opts.Base
		rel := func(p string) string {
			if p == "" || filepath.IsAbs(p) {
				return p
			}
			return relTo(opts.Dir, filepath.Join(filepath.Dir(b.File), p))
		}
		if b.Schema != nil {
			s := *b.Schema
			s.XSD = rel(s.XSD)
			s.Catalogs = mapStrings(s.Catalogs, rel)
			b.Schema = &s
		}
		b.CodeLists = mapStrings(b.CodeLists, rel)
		b.Schematron = slices.Clone(b.Schematron)
		for i := range b.Schematron {
			b.Schematron[i].File = rel(b.Schematron[i].File)
		}
		b.ID = cmpOr(opts.ID, b.ID+"-draft")
		return &b, nil
	}
	p := &profile.Profile{ID: cmpOr(opts.ID, "draft")}
	for _, g := range r.Groups {
		for _, mt := range g.MessageTypes {
			ns, local := splitClark(mt.Root)
			m := profile.Match{Namespace: ns, Root: local}
			if !slices.Contains(p.Match, m) {
				p.Match = append(p.Match, m)
			}
			if p.Standard == "" {
				p.Standard, p.Version = mt.Standard, mt.Version
			}
		}
	}
	if len(p.Match) == 0 {
		return nil, fmt.Errorf("suggest profile: no message was identified, nothing to match")
	}
	slices.SortFunc(p.Match, func(a, b profile.Match) int {
		return strings.Compare(a.Namespace+" "+a.Root, b.Namespace+" "+b.Root)
	})
	p.Standard, p.Version = cmpOr(p.Standard, "unknown"), cmpOr(p.Version, "0")
	if opts.XSD != "" {
		p.Schema = &profile.Schema{XSD: relTo(opts.Dir, opts.XSD)}
	}
	return p, nil
}

// relTo returns path relative to dir, both taken from the working
// directory; the absolute path when there is no relative one.
func relTo(dir, path string) string {
	absDir, err1 := filepath.Abs(dir)
	abs, err2 := filepath.Abs(path)
	if err1 != nil || err2 != nil {
		return path
	}
	if r, err := filepath.Rel(absDir, abs); err == nil {
		return filepath.ToSlash(r)
	}
	return abs
}

func mapStrings(in []string, f func(string) string) []string {
	out := make([]string, len(in))
	for i, s := range in {
		out[i] = f(s)
	}
	return out
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func splitClark(c string) (ns, local string) {
	if strings.HasPrefix(c, "{") {
		if i := strings.IndexByte(c, '}'); i > 0 {
			return c[1:i], c[i+1:]
		}
	}
	return "", c
}

// rootPattern is an XSLT pattern matching the root element of a type.
func rootPattern(root string) string {
	_, local := splitClark(root)
	return "/*:" + local
}

// xpathOf turns a usage path into an XPath relative to the root element:
// /Invoice/A/@b → *:A/@b.
func xpathOf(path string) string {
	steps := strings.Split(strings.TrimPrefix(path, "/"), "/")[1:]
	for i, s := range steps {
		if !strings.HasPrefix(s, "@") {
			steps[i] = "*:" + s
		}
	}
	return strings.Join(steps, "/")
}

// typeRoots lists the message types of r, sorted.
func typeRoots(r *Result) []string {
	seen := map[string]bool{}
	for _, m := range typeCounts(r.Groups) {
		for root := range m {
			seen[root] = true
		}
	}
	return sortedKeys(seen)
}

type candidate struct {
	path     string
	values   []string
	evidence string
}

func requiredCandidates(r *Result, root string) []candidate {
	per := typeCounts(r.Groups)
	total := 0
	var groups []int
	for i := range r.Groups {
		if per[i][root] > 0 {
			total += per[i][root]
			groups = append(groups, i)
		}
	}
	if total < r.Settings.MinMessages || len(groups) == 0 {
		return nil
	}
	always := map[string]bool{}
	for k, gi := range groups {
		here := map[string]bool{}
		for _, u := range r.Groups[gi].Usage {
			if u.Root == root && u.Messages == per[gi][root] {
				here[u.Path] = true
			}
		}
		if k == 0 {
			always = here
			continue
		}
		for p := range always {
			if !here[p] {
				delete(always, p)
			}
		}
	}
	var out []candidate
	for _, p := range sortedKeys(always) {
		if strings.Count(p, "/") < 2 {
			continue // the root element itself
		}
		deeper := false
		for q := range always {
			if strings.HasPrefix(q, p+"/") {
				deeper = true
				break
			}
		}
		if deeper {
			continue
		}
		var ev []string
		for _, gi := range groups {
			ev = append(ev, fmt.Sprintf("%s %d/%d", r.Groups[gi].Name, per[gi][root], per[gi][root]))
		}
		out = append(out, candidate{path: p, evidence: "used in every message: " + strings.Join(ev, ", ")})
	}
	return out
}

func codeCandidates(r *Result, root string, maxCodes int) []candidate {
	per := typeCounts(r.Groups)
	values := map[string]map[string][]string{} // path → value → "group n"
	msgs := map[string]int{}
	for gi, g := range r.Groups {
		for _, c := range g.Codes {
			if c.Root != root {
				continue
			}
			if values[c.Path] == nil {
				values[c.Path] = map[string][]string{}
			}
			values[c.Path][c.Value] = append(values[c.Path][c.Value], fmt.Sprintf("%s %d/%d", g.Name, c.Messages, per[gi][root]))
		}
		for _, u := range g.Usage {
			if u.Root == root {
				msgs[u.Path] += u.Messages
			}
		}
	}
	var out []candidate
	for _, p := range sortedKeys(values) {
		vals := sortedKeys(values[p])
		if len(vals) > maxCodes || msgs[p] < r.Settings.MinMessages {
			continue
		}
		var ev []string
		for _, v := range vals {
			ev = append(ev, fmt.Sprintf("%q (%s)", v, strings.Join(values[p][v], ", ")))
		}
		out = append(out, candidate{path: p, values: vals, evidence: "values in use: " + strings.Join(ev, "; ")})
	}
	return out
}

// forbiddenCandidates walks the schema from the root declaration of a
// message type along the paths the groups use and returns the optional
// children (elements and attributes with minOccurs 0 where they are
// reached) that no message of the type uses. It does not descend into an
// unused child: forbidding it forbids what is below it. Open content
// (wildcards) offers no names and gives no candidates.
func forbiddenCandidates(r *Result, x *xoev.Decls, root string) []candidate {
	per := typeCounts(r.Groups)
	total := 0
	var ev []string
	for i, g := range r.Groups {
		if n := per[i][root]; n > 0 {
			total += n
			ev = append(ev, fmt.Sprintf("%s 0/%d", g.Name, n))
		}
	}
	ns, local := splitClark(root)
	top := x.Global(ns, local)
	if total < r.Settings.MinMessages || top == nil {
		return nil
	}
	used := map[string]bool{}
	for _, g := range r.Groups {
		for _, u := range g.Usage {
			if u.Root == root && u.Messages > 0 {
				used[u.Path] = true
			}
		}
	}
	var out []candidate
	seen := map[string]bool{}
	var walk func(d *xoev.Decl, path string)
	walk = func(d *xoev.Decl, path string) {
		c := x.Children(d)
		// One path may be reached through several declarations (a name
		// in two branches of a choice): it is optional only when every
		// one of them is.
		var order []string
		decls := map[string][]*xoev.Decl{}
		for _, k := range append(slices.Clone(c.Attributes), c.Elements...) {
			p := path + "/" + k.Name
			if k.Attribute {
				p = path + "/@" + k.Name
			}
			if decls[p] == nil {
				order = append(order, p)
			}
			decls[p] = append(decls[p], k)
		}
		for _, p := range order {
			if seen[p] {
				continue
			}
			seen[p] = true
			if used[p] {
				for _, k := range decls[p] {
					if !k.Attribute {
						walk(k, p)
					}
				}
				continue
			}
			optional := true
			for _, k := range decls[p] {
				if k.Min != 0 || k.Max == 0 {
					optional = false
				}
			}
			if optional {
				out = append(out, candidate{path: p, evidence: "used in no message: " + strings.Join(ev, ", ")})
			}
		}
	}
	walk(top, "/"+local)
	slices.SortFunc(out, func(a, b candidate) int { return strings.Compare(a.path, b.path) })
	return out
}

// sharpeningsNode returns the sequence node of the draft's sharpenings,
// adding the key when the base has none.
func sharpeningsNode(doc *yaml.Node) *yaml.Node {
	m := doc
	if m.Kind == yaml.DocumentNode {
		m = m.Content[0]
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == "sharpenings" {
			return m.Content[i+1]
		}
	}
	seq := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
	m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: "sharpenings"}, seq)
	return seq
}

func appendSharpening(seq *yaml.Node, s profile.Sharpening, comment string) error {
	var n yaml.Node
	if err := n.Encode(s); err != nil {
		return fmt.Errorf("encode sharpening %s: %w", s.ID, err)
	}
	n.HeadComment = comment
	seq.Content = append(seq.Content, &n)
	return nil
}

package profile

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/lestrrat-go/helium"
	"github.com/lestrrat-go/helium/xpath3"

	"github.com/ozgctl/ozgctl/pkg/codelist"
	"github.com/ozgctl/ozgctl/pkg/finding"
	"github.com/ozgctl/ozgctl/pkg/xoev"
)

type matchExprs struct {
	// per Match entry
	xpath   []*xpath3.Expression
	version []*xpath3.Expression

	once    sync.Once
	set     *xoev.SchemaSet
	codes   *xoev.CodeCheckOptions
	loadErr error
}

func compileMatch(p *Profile) (*matchExprs, error) {
	m := &matchExprs{xpath: make([]*xpath3.Expression, len(p.Match)), version: make([]*xpath3.Expression, len(p.Match))}
	for i, mt := range p.Match {
		for _, it := range []struct {
			src  string
			dst  **xpath3.Expression
			what string
		}{{mt.XPath, &m.xpath[i], "match.xpath"}, {mt.Version, &m.version[i], "match.version"}} {
			if it.src == "" {
				continue
			}
			e, err := xpath3.NewCompiler().Compile(it.src)
			if err != nil {
				return nil, &ProfileError{File: p.File, Msg: msgMatchExpr.With(it.what, it.src), Err: err}
			}
			if err := e.Validate(p.Namespaces); err != nil {
				return nil, &ProfileError{File: p.File, Msg: msgMatchExpr.With(it.what, it.src), Err: err}
			}
			*it.dst = e
		}
	}
	return m, nil
}

// SelectError says that no profile, or more than one, fits a message.
type SelectError struct {
	Namespace, Root string
	// Candidates are the ids of the profiles that matched equally well
	// (ambiguous), or of all profiles (none matched).
	Candidates []string
	Ambiguous  bool
}

// Error implements error, in English.
func (e *SelectError) Error() string { return e.LocalizedMsg().Text("en") }

// LocalizedMsg returns the error as a message key, for reports in the
// run's language (finding.LocalizedError).
func (e *SelectError) LocalizedMsg() finding.Msg {
	if e.Ambiguous {
		return msgSelectAmbiguous.With(e.Namespace, e.Root, strings.Join(e.Candidates, ", "))
	}
	return msgSelectNone.With(e.Namespace, e.Root, strings.Join(e.Candidates, ", "))
}

func (c *Compiled) eval(ctx context.Context, e *xpath3.Expression, doc *helium.Document) (xpath3.Sequence, error) {
	res, err := xpath3.NewEvaluator(xpath3.DefaultEvaluatorOptions).Namespaces(c.Namespaces).Evaluate(ctx, e, doc)
	if err != nil {
		return nil, err
	}
	return res.Sequence(), nil
}

// choose picks the one profile for doc: the profiles whose match fits
// (namespace, root, xpath); among several, the more specific match wins
// (xpath over root over namespace alone), then the one whose version
// equals the message's (match.version). Anything else is a *[SelectError].
func (s *Set) choose(ctx context.Context, doc *helium.Document) (*Compiled, error) {
	root := doc.DocumentElement()
	if root == nil {
		return nil, fmt.Errorf("message has no root element")
	}
	ns, local := root.URI(), root.LocalName()
	type cand struct {
		c     *Compiled
		score int
		entry int
	}
	var cands []cand
	for _, c := range s.Profiles {
		best := cand{c: c, entry: -1}
		for i, mt := range c.Match {
			if mt.Namespace != ns || (mt.Root != "" && mt.Root != local) {
				continue
			}
			score := 1
			if mt.Root != "" {
				score += 2
			}
			if x := c.match.xpath[i]; x != nil {
				seq, err := c.eval(ctx, x, doc)
				if err != nil {
					return nil, fmt.Errorf("profile %s: match.xpath: %w", c.ID, err)
				}
				ok, err := xpath3.EBV(seq)
				if err != nil || !ok {
					continue
				}
				score += 4
			}
			if score > best.score {
				best.score, best.entry = score, i
			}
		}
		if best.entry >= 0 {
			cands = append(cands, best)
		}
	}
	if len(cands) == 0 {
		ids := make([]string, len(s.Profiles))
		for i, c := range s.Profiles {
			ids[i] = c.ID
		}
		return nil, &SelectError{Namespace: ns, Root: local, Candidates: ids}
	}
	best := 0
	for _, c := range cands {
		best = max(best, c.score)
	}
	cands = slices.DeleteFunc(cands, func(c cand) bool { return c.score < best })
	if len(cands) > 1 {
		var exact []cand
		for _, c := range cands {
			ve := c.c.match.version[c.entry]
			if ve == nil {
				continue
			}
			seq, err := c.c.eval(ctx, ve, doc)
			if err != nil {
				continue
			}
			v := strings.TrimSpace(seqText(seq))
			if v == c.c.Version || strings.HasPrefix(v, c.c.Version+".") {
				exact = append(exact, c)
			}
		}
		if len(exact) > 0 {
			cands = exact
		}
	}
	if len(cands) > 1 {
		ids := make([]string, len(cands))
		for i, c := range cands {
			ids[i] = c.c.ID
		}
		return nil, &SelectError{Namespace: ns, Root: local, Candidates: ids, Ambiguous: true}
	}
	return cands[0].c, nil
}

func seqText(seq xpath3.Sequence) string {
	var parts []string
	for i := 0; seq != nil && i < seq.Len(); i++ {
		av, err := xpath3.AtomizeItem(seq.Get(i))
		if err != nil {
			continue
		}
		s, _ := xpath3.AtomicToString(av)
		parts = append(parts, s)
	}
	return strings.Join(parts, " ")
}

// load reads the profile's schema set and code lists once per run.
func (c *Compiled) load(ctx context.Context) (*xoev.SchemaSet, *xoev.CodeCheckOptions, error) {
	m := c.match
	m.once.Do(func() {
		if c.Schema != nil {
			var cats []string
			for _, cat := range c.Schema.Catalogs {
				cats = append(cats, c.resolve(cat))
			}
			set, err := xoev.LoadSchemaSet(ctx, c.resolve(c.Schema.XSD), xoev.LoadOptions{Catalogs: cats, Limits: c.limits, Cache: c.cache})
			if err != nil {
				m.loadErr = fmt.Errorf("profile %s: load schema: %w", c.ID, err)
				return
			}
			m.set = set
		}
		if len(c.CodeLists) > 0 {
			var dirs []string
			for _, d := range c.CodeLists {
				dirs = append(dirs, c.resolve(d))
			}
			m.codes = &xoev.CodeCheckOptions{Resolver: codelist.NewDirResolver(dirs...)}
		}
	})
	return m.set, m.codes, m.loadErr
}

// SchemaSet loads the profile's schema set now, once per run; nil when the
// profile names none.
func (c *Compiled) SchemaSet(ctx context.Context) (*xoev.SchemaSet, error) {
	set, _, err := c.load(ctx)
	return set, err
}

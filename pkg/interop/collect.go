package interop

import (
	"context"
	"sync"

	"github.com/ozgctl/ozgctl/pkg/batch"
	"github.com/ozgctl/ozgctl/pkg/finding"
)

// GroupSpec describes a group: its name and, from a manifest, the vendor,
// product and version it stands for.
type GroupSpec struct {
	Name    string `yaml:"name" json:"name"`
	Vendor  string `yaml:"vendor,omitempty" json:"vendor,omitempty"`
	Product string `yaml:"product,omitempty" json:"product,omitempty"`
	Version string `yaml:"version,omitempty" json:"version,omitempty"`
}

// collector adds the usage of each message to its group's counts while a
// run goes on, so that no per-message data outlives its message.
type collector struct {
	specs   []GroupSpec
	groupOf map[string]int
	groups  []*groupAcc
}

type pathKey struct{ root, path string }
type codeKey struct{ root, path, value string }

type groupAcc struct {
	mu sync.Mutex
	usage
}

// usage counts, per path and per code value, the messages of a group that
// use them.
type usage struct {
	paths map[pathKey]*counter
	codes map[codeKey]*counter
}

func newUsage() usage {
	return usage{paths: map[pathKey]*counter{}, codes: map[codeKey]*counter{}}
}

// fill appends the counts to g's Usage and Codes (in map order; the
// result's finish sorts them).
func (u usage) fill(g *Group) {
	for k, n := range u.paths {
		g.Usage = append(g.Usage, PathCount{Root: k.root, Path: k.path, Messages: n.n, Example: n.example})
	}
	for k, n := range u.codes {
		g.Codes = append(g.Codes, CodeCount{Root: k.root, Path: k.path, Value: k.value, Messages: n.n, Example: n.example})
	}
}

// count adds n messages with the example ex to the counter of k in m.
func count[K comparable](m map[K]*counter, k K, n int, ex *Example) {
	c := m[k]
	if c == nil {
		c = &counter{}
		m[k] = c
	}
	c.add(n, ex)
}

// counter counts messages and keeps the example with the smallest file.
type counter struct {
	n       int
	example *Example
}

func (c *counter) add(n int, ex *Example) {
	c.n += n
	c.example = minExample(c.example, ex)
}

// newCollector returns a collector for the groups; groupOf maps an input
// name to the index of its group in groups.
func newCollector(groups []GroupSpec, groupOf map[string]int) *collector {
	c := &collector{specs: groups, groupOf: groupOf}
	for range groups {
		c.groups = append(c.groups, &groupAcc{usage: newUsage()})
	}
	return c
}

// stage returns the stage that adds a message's [Usage] (left by
// [UsageStage] under [UsageKey]) to its group; it goes last.
func (c *collector) stage() batch.Stage {
	return batch.StageFunc{ID: "interop-collect", Fn: func(_ context.Context, msg *batch.Message, _ *finding.FileResult) error {
		u, ok := UsageKey.Get(msg)
		gi, known := c.groupOf[msg.Input.Name]
		if !ok || !known {
			return nil
		}
		c.groups[gi].add(msg.Input.Name, u)
		return nil
	}}
}

func (g *groupAcc) add(file string, u *Usage) {
	g.mu.Lock()
	defer g.mu.Unlock()
	for _, p := range u.Paths {
		count(g.paths, pathKey{u.Root, p.Path}, 1, &Example{File: file, Line: p.Line})
	}
	for _, cu := range u.Codes {
		count(g.codes, codeKey{u.Root, cu.Path, cu.Value}, 1, &Example{File: file, Line: cu.Line})
	}
}

// result counts the check results per group, adds the collected usage and
// computes the differences. results are the run's file results (their
// File is the input name of groupOf).
func (c *collector) result(results []finding.FileResult, s Settings) *Result {
	r := &Result{Settings: s, Groups: make([]Group, len(c.specs))}
	type mtKey struct{ root, standard, version string }
	mts := make([]map[mtKey][2]int, len(c.specs))
	rules := make([]map[string]int, len(c.specs))
	for i, sp := range c.specs {
		r.Groups[i] = Group{Name: sp.Name, Vendor: sp.Vendor, Product: sp.Product, Version: sp.Version}
		mts[i], rules[i] = map[mtKey][2]int{}, map[string]int{}
	}
	for i := range results {
		fr := &results[i]
		gi, ok := c.groupOf[fr.File]
		if !ok {
			continue
		}
		g := &r.Groups[gi]
		g.Messages++
		valid := 0
		if fr.Valid() {
			g.Valid++
			valid = 1
		} else {
			g.Invalid++
		}
		if root := clark(fr.Identity); root != "" {
			k := mtKey{root, fr.Identity.Standard, fr.Identity.Version}
			mts[gi][k] = [2]int{mts[gi][k][0] + 1, mts[gi][k][1] + valid}
		}
		seen := map[string]bool{}
		for _, f := range fr.Findings {
			if !seen[f.Rule] {
				seen[f.Rule] = true
				rules[gi][f.Rule]++
			}
		}
	}
	for i, acc := range c.groups {
		g := &r.Groups[i]
		for k, n := range mts[i] {
			g.MessageTypes = append(g.MessageTypes, MessageType{Root: k.root, Standard: k.standard, Version: k.version, Messages: n[0], Valid: n[1]})
		}
		for k, n := range rules[i] {
			g.Rules = append(g.Rules, RuleCount{Rule: k, Messages: n})
		}
		acc.fill(g)
	}
	r.finish()
	return r
}

package interop

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Result is the outcome of an interoperability run: the JSON contract of
// "ozgctl report interop" (schemas/interop.schema.json). It holds counts
// only, so that results of disjoint shards add up (see [Merge]).
type Result struct {
	Groups      []Group      `json:"groups"`
	Differences []Difference `json:"differences"`
	Summary     Summary      `json:"summary"`
	// Settings are the thresholds the differences were computed with.
	Settings Settings `json:"settings"`
}

// Settings are the thresholds of differences.
type Settings struct {
	// MinMessages is the number of messages of a type a group needs to
	// be compared on it.
	MinMessages int `json:"minMessages"`
	// MinDiff is the smallest difference of shares that is reported.
	MinDiff float64 `json:"minDiff"`
}

// DefaultSettings are the thresholds the command uses unless told.
var DefaultSettings = Settings{MinMessages: 3, MinDiff: 0.5}

// Group is what one vendor or product sent.
type Group struct {
	Name    string `json:"name"`
	Vendor  string `json:"vendor,omitempty"`
	Product string `json:"product,omitempty"`
	Version string `json:"version,omitempty"`
	// Messages counts every input of the group, Valid those without an
	// error finding, Invalid the rest (input errors included).
	Messages     int           `json:"messages"`
	Valid        int           `json:"valid"`
	Invalid      int           `json:"invalid"`
	MessageTypes []MessageType `json:"messageTypes"`
	Rules        []RuleCount   `json:"rules"`
	Usage        []PathCount   `json:"usage"`
	Codes        []CodeCount   `json:"codes"`
}

// MessageType counts the messages of one root element, standard and version.
type MessageType struct {
	Root     string `json:"root"`
	Standard string `json:"standard"`
	Version  string `json:"version"`
	Messages int    `json:"messages"`
	// Valid counts the messages of the type without an error finding.
	Valid int `json:"valid"`
}

// Example is where a path or code value occurs: the first line in the
// smallest file name of a group that uses it (a minimum, so shards merge).
type Example struct {
	File string `json:"file"`
	Line int    `json:"line"`
}

// String returns "file:line".
func (e *Example) String() string {
	if e == nil {
		return ""
	}
	return fmt.Sprintf("%s:%d", e.File, e.Line)
}

// minExample returns the example with the smaller file name.
func minExample(a, b *Example) *Example {
	if a == nil || (b != nil && b.File < a.File) {
		return b
	}
	return a
}

// RuleCount counts the messages with at least one finding of a rule.
type RuleCount struct {
	Rule     string `json:"rule"`
	Messages int    `json:"messages"`
}

// PathCount counts the messages of a type in which a path occurs.
type PathCount struct {
	Root     string   `json:"root"`
	Path     string   `json:"path"`
	Messages int      `json:"messages"`
	Example  *Example `json:"example,omitempty"`
}

// CodeCount counts the messages of a type that use a code value at a path.
type CodeCount struct {
	Root     string   `json:"root"`
	Path     string   `json:"path"`
	Value    string   `json:"value"`
	Messages int      `json:"messages"`
	Example  *Example `json:"example,omitempty"`
}

// Difference is a path, code value, message type or rule whose use
// differs between groups; Groups lists every group compared on it.
type Difference struct {
	// Kind is "path", "code", "messageType" or "rule".
	Kind   string      `json:"kind"`
	Root   string      `json:"root"`
	Path   string      `json:"path"`
	Value  string      `json:"value"`
	Rule   string      `json:"rule,omitempty"`
	Groups []DiffGroup `json:"groups"`
}

// DiffGroup is one group's count in a [Difference]: Messages of Of.
type DiffGroup struct {
	Name     string `json:"name"`
	Messages int    `json:"messages"`
	Of       int    `json:"of"`
}

// spread is the largest difference between two groups' shares.
func (d *Difference) spread() float64 {
	lo, hi := 1.0, 0.0
	for _, g := range d.Groups {
		s := share(g.Messages, g.Of)
		lo, hi = min(lo, s), max(hi, s)
	}
	return max(hi-lo, 0)
}

func share(n, of int) float64 {
	if of == 0 {
		return 0
	}
	return float64(n) / float64(of)
}

// Summary counts groups and messages.
type Summary struct {
	Groups   int `json:"groups"`
	Messages int `json:"messages"`
	Valid    int `json:"valid"`
	Invalid  int `json:"invalid"`
}

// sortGroup puts every list of g in its canonical order.
func sortGroup(g *Group) {
	slices.SortFunc(g.MessageTypes, func(a, b MessageType) int {
		return cmp.Or(strings.Compare(a.Root, b.Root), strings.Compare(a.Standard, b.Standard), strings.Compare(a.Version, b.Version))
	})
	slices.SortFunc(g.Rules, func(a, b RuleCount) int { return strings.Compare(a.Rule, b.Rule) })
	slices.SortFunc(g.Usage, func(a, b PathCount) int {
		return cmp.Or(strings.Compare(a.Root, b.Root), strings.Compare(a.Path, b.Path))
	})
	slices.SortFunc(g.Codes, func(a, b CodeCount) int {
		return cmp.Or(strings.Compare(a.Root, b.Root), strings.Compare(a.Path, b.Path), strings.Compare(a.Value, b.Value))
	})
}

// finish sorts the groups and their lists, computes the differences and
// the summary: the one way every Result is completed, so a merged result
// and an unsharded one come out the same.
func (r *Result) finish() {
	slices.SortFunc(r.Groups, func(a, b Group) int { return strings.Compare(a.Name, b.Name) })
	r.Summary = Summary{Groups: len(r.Groups)}
	for i := range r.Groups {
		g := &r.Groups[i]
		sortGroup(g)
		if g.MessageTypes == nil {
			g.MessageTypes = []MessageType{}
		}
		if g.Rules == nil {
			g.Rules = []RuleCount{}
		}
		if g.Usage == nil {
			g.Usage = []PathCount{}
		}
		if g.Codes == nil {
			g.Codes = []CodeCount{}
		}
		r.Summary.Messages += g.Messages
		r.Summary.Valid += g.Valid
		r.Summary.Invalid += g.Invalid
	}
	r.Differences = differences(r.Groups, r.Settings)
	if r.Differences == nil {
		r.Differences = []Difference{}
	}
}

package interop

import (
	"encoding/json"
	"fmt"
	"io"
)

// SettingsMismatchError says that results to merge were computed with
// different thresholds.
type SettingsMismatchError struct {
	Index     int
	Got, Want Settings
}

// Error implements error.
func (e *SettingsMismatchError) Error() string {
	return fmt.Sprintf("result %d was made with --min-messages %d --min-diff %g, the first with --min-messages %d --min-diff %g",
		e.Index+1, e.Got.MinMessages, e.Got.MinDiff, e.Want.MinMessages, e.Want.MinDiff)
}

// Merge adds up results of disjoint sets of messages (shards of one
// run): groups of the same name are summed count by count, and the
// differences are computed again from the sums. Merging the shards of a
// run gives the result of the unsharded run.
func Merge(results ...*Result) (*Result, error) {
	out := &Result{Settings: DefaultSettings}
	if len(results) > 0 {
		out.Settings = results[0].Settings
	}
	index := map[string]int{}
	type acc struct {
		types map[MessageType][2]int
		rules map[string]int
		usage
	}
	var accs []*acc
	for ri, r := range results {
		if r.Settings != out.Settings {
			return nil, &SettingsMismatchError{Index: ri, Got: r.Settings, Want: out.Settings}
		}
		for _, g := range r.Groups {
			gi, ok := index[g.Name]
			if !ok {
				gi = len(out.Groups)
				index[g.Name] = gi
				out.Groups = append(out.Groups, Group{Name: g.Name})
				accs = append(accs, &acc{types: map[MessageType][2]int{}, rules: map[string]int{}, usage: newUsage()})
			}
			m, a := &out.Groups[gi], accs[gi]
			m.Vendor, m.Product, m.Version = first(m.Vendor, g.Vendor), first(m.Product, g.Product), first(m.Version, g.Version)
			m.Messages += g.Messages
			m.Valid += g.Valid
			m.Invalid += g.Invalid
			for _, mt := range g.MessageTypes {
				n, v := mt.Messages, mt.Valid
				mt.Messages, mt.Valid = 0, 0
				a.types[mt] = [2]int{a.types[mt][0] + n, a.types[mt][1] + v}
			}
			for _, rc := range g.Rules {
				a.rules[rc.Rule] += rc.Messages
			}
			for _, u := range g.Usage {
				count(a.paths, pathKey{u.Root, u.Path}, u.Messages, u.Example)
			}
			for _, c := range g.Codes {
				count(a.codes, codeKey{c.Root, c.Path, c.Value}, c.Messages, c.Example)
			}
		}
	}
	for gi, a := range accs {
		g := &out.Groups[gi]
		for mt, n := range a.types {
			mt.Messages, mt.Valid = n[0], n[1]
			g.MessageTypes = append(g.MessageTypes, mt)
		}
		for r, n := range a.rules {
			g.Rules = append(g.Rules, RuleCount{Rule: r, Messages: n})
		}
		a.fill(g)
	}
	out.finish()
	return out, nil
}

func first(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// ReadResult decodes a result written by writeJSON.
func ReadResult(r io.Reader) (*Result, error) {
	var res Result
	dec := json.NewDecoder(r)
	if err := dec.Decode(&res); err != nil {
		return nil, fmt.Errorf("decode interop result: %w", err)
	}
	if res.Groups == nil {
		return nil, fmt.Errorf("decode interop result: no \"groups\"")
	}
	return &res, nil
}

// writeJSON writes the result as indented JSON ending in a newline.
func writeJSON(w io.Writer, r *Result) error {
	b, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return fmt.Errorf("encode interop result: %w", err)
	}
	_, err = w.Write(append(b, '\n'))
	return err
}

package interop

import (
	"cmp"
	"slices"
	"strings"
)

// differences compares the groups (see [Difference]):
//
//   - path and code: for each message type, the share of a type's
//     messages that use a path or a code value, between the groups with
//     at least s.MinMessages messages of that type, when the shares
//     differ by at least s.MinDiff;
//   - messageType: a message type some groups send and others with at
//     least s.MinMessages messages of the same standard do not;
//   - rule: a rule that fails in some groups' messages and never in
//     others' (groups with at least s.MinMessages messages).
//
// The result is sorted by kind, root, path, value and rule.
func differences(groups []Group, s Settings) []Difference {
	var out []Difference
	out = append(out, usageDiffs(groups, s)...)
	out = append(out, typeDiffs(groups, s)...)
	out = append(out, ruleDiffs(groups, s)...)
	slices.SortFunc(out, func(a, b Difference) int {
		return cmp.Or(strings.Compare(a.Kind, b.Kind), strings.Compare(a.Root, b.Root),
			strings.Compare(a.Path, b.Path), strings.Compare(a.Value, b.Value), strings.Compare(a.Rule, b.Rule))
	})
	return out
}

// typeCounts returns the messages per root element of each group.
func typeCounts(groups []Group) []map[string]int {
	out := make([]map[string]int, len(groups))
	for i, g := range groups {
		out[i] = map[string]int{}
		for _, mt := range g.MessageTypes {
			out[i][mt.Root] += mt.Messages
		}
	}
	return out
}

const epsilon = 1e-9

func usageDiffs(groups []Group, s Settings) []Difference {
	per := typeCounts(groups)
	roots := map[string]bool{}
	for _, m := range per {
		for r := range m {
			roots[r] = true
		}
	}
	var out []Difference
	for _, root := range sortedKeys(roots) {
		var eligible []int
		for i := range groups {
			if per[i][root] >= s.MinMessages && per[i][root] > 0 {
				eligible = append(eligible, i)
			}
		}
		if len(eligible) < 2 {
			continue
		}
		paths := map[string][]int{}
		codes := map[[2]string][]int{}
		for k, gi := range eligible {
			for _, u := range groups[gi].Usage {
				if u.Root != root {
					continue
				}
				if paths[u.Path] == nil {
					paths[u.Path] = make([]int, len(eligible))
				}
				paths[u.Path][k] = u.Messages
			}
			for _, c := range groups[gi].Codes {
				if c.Root != root {
					continue
				}
				key := [2]string{c.Path, c.Value}
				if codes[key] == nil {
					codes[key] = make([]int, len(eligible))
				}
				codes[key][k] = c.Messages
			}
		}
		mk := func(kind, path, value string, counts []int) {
			d := Difference{Kind: kind, Root: root, Path: path, Value: value}
			for k, gi := range eligible {
				d.Groups = append(d.Groups, DiffGroup{Name: groups[gi].Name, Messages: counts[k], Of: per[gi][root]})
			}
			if d.spread() >= s.MinDiff-epsilon {
				out = append(out, d)
			}
		}
		for p, counts := range paths {
			mk("path", p, "", counts)
		}
		for k, counts := range codes {
			mk("code", k[0], k[1], counts)
		}
	}
	return out
}

func typeDiffs(groups []Group, s Settings) []Difference {
	// standard → root → group → messages; standard → group → messages
	byStd := map[string]map[int]int{}
	rootStd := map[string]string{}
	per := typeCounts(groups)
	for i, g := range groups {
		for _, mt := range g.MessageTypes {
			if byStd[mt.Standard] == nil {
				byStd[mt.Standard] = map[int]int{}
			}
			byStd[mt.Standard][i] += mt.Messages
			rootStd[mt.Root] = mt.Standard
		}
	}
	var out []Difference
	for root, std := range rootStd {
		var d Difference
		sends, misses := false, false
		for i := range groups {
			of := byStd[std][i]
			if of < s.MinMessages || of == 0 {
				continue
			}
			n := per[i][root]
			sends, misses = sends || n > 0, misses || n == 0
			d.Groups = append(d.Groups, DiffGroup{Name: groups[i].Name, Messages: n, Of: of})
		}
		if sends && misses {
			d.Kind, d.Root = "messageType", root
			out = append(out, d)
		}
	}
	return out
}

func ruleDiffs(groups []Group, s Settings) []Difference {
	var eligible []int
	for i, g := range groups {
		if g.Messages >= s.MinMessages && g.Messages > 0 {
			eligible = append(eligible, i)
		}
	}
	counts := map[string]map[int]int{}
	for _, gi := range eligible {
		for _, rc := range groups[gi].Rules {
			if counts[rc.Rule] == nil {
				counts[rc.Rule] = map[int]int{}
			}
			counts[rc.Rule][gi] = rc.Messages
		}
	}
	var out []Difference
	for rule, by := range counts {
		if len(by) == len(eligible) {
			continue // fails everywhere
		}
		d := Difference{Kind: "rule", Rule: rule}
		for _, gi := range eligible {
			d.Groups = append(d.Groups, DiffGroup{Name: groups[gi].Name, Messages: by[gi], Of: groups[gi].Messages})
		}
		out = append(out, d)
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

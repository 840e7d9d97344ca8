package profile

import (
	"path/filepath"
	"strings"
)

// Overlaps returns one *[ProfileError] for each pair of profiles that
// match the same messages equally, so that Set.choose could never
// choose between them: two match entries with the same namespace, the
// same root (or none), the same match.xpath (or none), and no
// match.version that tells the profiles' versions apart. The error names
// the later profile's match entry and the earlier one's. Abstract
// profiles take no part.
func Overlaps(ps []*Profile) []error {
	var errs []error
	for j := range ps {
		for i := range j {
			a, b := ps[i], ps[j]
			if a.Abstract || b.Abstract {
				continue
			}
			if ai, bi, ok := overlap(a, b); ok {
				bp, ap := b.matchAt(bi), a.matchAt(ai)
				m := b.Match[bi]
				what := "namespace " + m.Namespace // XML terms, the same in both languages
				if m.Root != "" {
					what += ", root " + m.Root
				}
				if m.XPath != "" {
					what += ", xpath " + m.XPath
				}
				errs = append(errs, &ProfileError{File: bp.file, Line: bp.line,
					Msg: msgOverlap.With(b.ID, a.ID, filepath.ToSlash(ap.file), ap.line, what)})
			}
		}
	}
	return errs
}

func (p *Profile) matchAt(i int) rulePos {
	if i < len(p.matchPos) {
		return p.matchPos[i]
	}
	return rulePos{file: p.File}
}

// overlap finds match entries of a and b that select the same messages
// with the same score.
func overlap(a, b *Profile) (int, int, bool) {
	for i, x := range a.Match {
		for j, y := range b.Match {
			if x.Namespace != y.Namespace || x.Root != y.Root || x.XPath != y.XPath {
				continue
			}
			// Versions tell them apart when both read the message's
			// version and the profiles are of different versions.
			if x.Version != "" && y.Version != "" && !versionsMeet(a.Version, b.Version) {
				continue
			}
			return i, j, true
		}
	}
	return 0, 0, false
}

// versionsMeet reports whether one message version could select both
// profile versions: they are equal, or one is a dotted prefix of the
// other (2.6 and 2.6.1 both take a message of version 2.6.1).
func versionsMeet(a, b string) bool {
	return a == b || strings.HasPrefix(a, b+".") || strings.HasPrefix(b, a+".")
}

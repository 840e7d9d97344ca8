package finding

import (
	"path"
	"path/filepath"
	"strings"
)

// The kinds of [Suppression]: where the decision to accept a finding was
// recorded. Both are "external" to the checked file in SARIF's terms.
const (
	// SuppressedByBaseline marks a finding recorded in a baseline file.
	SuppressedByBaseline = "baseline"
	// SuppressedByConfig marks a finding an ignore entry of the config file matches.
	SuppressedByConfig = "config"
)

// Suppression says why a finding is reported but does not count: it was
// accepted in a baseline or is ignored by the configuration. A suppressed
// finding is left out of [Summarize]'s severity counts, [FileResult.Valid]
// and the exit code.
type Suppression struct {
	// Kind is [SuppressedByBaseline] or [SuppressedByConfig].
	Kind string `json:"kind"`
	// Reason is the justification: the ignore entry's reason, or the
	// baseline file that recorded the finding.
	Reason string `json:"reason"`
}

// StaleEntry is a baseline entry that no finding of the run matched any
// more: the defect it accepted was fixed, so the entry can go.
type StaleEntry struct {
	File string `json:"file"`
	Rule string `json:"rule"`
	Path string `json:"path,omitempty"`
	Key  string `json:"key"`
	// Count is how many of the findings the entry accepted were not found.
	Count int `json:"count"`
}

// MatchKey identifies a finding across edits of its file: the file, the
// rule, the stable path and the message key, but not the line, so that a
// change elsewhere in the file does not turn an accepted finding into a
// new one. Baselines and Code Quality fingerprints use it.
type MatchKey struct {
	File string `json:"file"`
	Rule string `json:"rule"`
	Path string `json:"path,omitempty"`
	Key  string `json:"key"`
}

// KeyOf returns the match key of f, a finding of fr.
func KeyOf(fr *FileResult, f *Finding) MatchKey {
	file := f.File
	if file == "" {
		file = fr.File
	}
	key := string(f.Msg.Key)
	if key == "" {
		// Text no catalogue knows (a Schematron assert's own words) is
		// its own key: it does not depend on the run's language.
		key = f.Message
	}
	return MatchKey{File: CleanFile(file), Rule: f.Rule, Path: StablePath(f.Path), Key: key}
}

// CleanFile returns a file name in the form baselines and CI reports use:
// forward slashes, cleaned, without a leading "./".
func CleanFile(name string) string {
	if name == "" || name == "-" {
		return name
	}
	return strings.TrimPrefix(path.Clean(filepath.ToSlash(name)), "./")
}

// dropPositions removes every position among siblings ("[" decimal
// digits "]") from p, as a regexp \[[0-9]+\] replaced by "" would.
func dropPositions(p string) string {
	if strings.IndexByte(p, '[') < 0 {
		return p
	}
	var b strings.Builder
	b.Grow(len(p))
	for i := 0; i < len(p); {
		if p[i] == '[' {
			j := i + 1
			for j < len(p) && p[j] >= '0' && p[j] <= '9' {
				j++
			}
			if j > i+1 && j < len(p) && p[j] == ']' {
				i = j + 1
				continue
			}
		}
		b.WriteByte(p[i])
		i++
	}
	return b.String()
}

// StablePath turns an element path into a key that survives edits of the
// document: positions among siblings ("[2]") and namespace prefixes are
// dropped, so /p:a[1]/p:b[3]/@c reads a/b/@c. Paths without positions or
// prefixes (fim lint's element ids) are returned as they are, without a
// leading "/".
func StablePath(p string) string {
	if p == "" {
		return ""
	}
	p = dropPositions(p)
	steps := strings.Split(strings.TrimPrefix(p, "/"), "/")
	for i, s := range steps {
		at := strings.HasPrefix(s, "@")
		s = strings.TrimPrefix(s, "@")
		if _, local, ok := strings.Cut(s, ":"); ok {
			s = local
		}
		if at {
			s = "@" + s
		}
		steps[i] = s
	}
	return strings.Join(steps, "/")
}

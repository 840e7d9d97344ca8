package baseline

import (
	"errors"
	"fmt"
	"path"
	"regexp"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/ozgctl/ozgctl/pkg/finding"
)

// Ignore is one ignore entry of the configuration: the findings of Rule,
// optionally only those whose stable path matches Path and whose file
// matches File, are accepted for Reason.
type Ignore struct {
	Rule   string
	Path   string
	File   string
	Reason string
	// At is where the entry is written ("ozgctl.yaml:12").
	At string

	path, file *regexp.Regexp
}

// ConfigError is an ignore entry that cannot be used, at File:Line.
type ConfigError struct {
	File string
	Line int
	Err  error
}

// Error implements error.
func (e *ConfigError) Error() string { return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err) }

// Unwrap returns the underlying error.
func (e *ConfigError) Unwrap() error { return e.Err }

// ignoreKeys are the keys of an ignore entry.
var ignoreKeys = []string{"rule", "path", "file", "reason"}

// ParseIgnores reads the value of the config file's "ignore" key: a list
// of mappings with rule and reason (required), path and file (globs,
// optional). Unknown keys, missing or empty required keys, values that
// are not strings and bad globs are errors at their line of file.
func ParseIgnores(n *yaml.Node, file string) ([]Ignore, error) {
	fail := func(line int, format string, args ...any) error {
		return &ConfigError{File: file, Line: line, Err: fmt.Errorf(format, args...)}
	}
	if n.Kind != yaml.SequenceNode {
		return nil, fail(n.Line, "ignore: want a list of entries (- rule: …, reason: …)")
	}
	var out []Ignore
	for _, e := range n.Content {
		if e.Kind != yaml.MappingNode {
			return nil, fail(e.Line, "ignore entry: want a mapping with rule, reason and optionally path and file")
		}
		ig := Ignore{At: fmt.Sprintf("%s:%d", file, e.Line)}
		seen := map[string]bool{}
		for i := 0; i+1 < len(e.Content); i += 2 {
			k, v := e.Content[i], e.Content[i+1]
			if !slices.Contains(ignoreKeys, k.Value) {
				return nil, fail(k.Line, "ignore entry: unknown key %q (want %s)", k.Value, strings.Join(ignoreKeys, ", "))
			}
			if seen[k.Value] {
				return nil, fail(k.Line, "ignore entry: %s given twice", k.Value)
			}
			seen[k.Value] = true
			if v.Kind != yaml.ScalarNode || v.Tag == "!!null" {
				return nil, fail(v.Line, "ignore entry: %s: want a string", k.Value)
			}
			switch k.Value {
			case "rule":
				ig.Rule = v.Value
			case "path":
				ig.Path = v.Value
			case "file":
				ig.File = v.Value
			case "reason":
				ig.Reason = strings.TrimSpace(v.Value)
			}
		}
		if ig.Rule == "" {
			return nil, fail(e.Line, "ignore entry: rule is required (the rule id, e.g. xsd:cvc-complex-type.2.4.a or 1012)")
		}
		if ig.Reason == "" {
			return nil, fail(e.Line, "ignore entry for rule %q: reason is required (say why the findings are accepted)", ig.Rule)
		}
		if err := ig.compile(); err != nil {
			return nil, fail(e.Line, "ignore entry for rule %q: %v", ig.Rule, err)
		}
		out = append(out, ig)
	}
	return out, nil
}

// newIgnore returns the ignore entry of rule for reason, limited to the
// stable paths matching the glob pth and the files matching the glob file
// when these are not empty.
func newIgnore(rule, pth, file, reason string) (Ignore, error) {
	ig := Ignore{Rule: rule, Path: pth, File: file, Reason: reason}
	if rule == "" || strings.TrimSpace(reason) == "" {
		return ig, errors.New("an ignore entry needs a rule and a reason")
	}
	return ig, ig.compile()
}

// compile compiles the globs of ig.
func (ig *Ignore) compile() error {
	var err error
	if ig.Path != "" {
		if ig.path, err = compileGlob(ig.Path); err != nil {
			return fmt.Errorf("path %q: %w", ig.Path, err)
		}
	}
	if ig.File != "" {
		if ig.file, err = compileGlob(ig.File); err != nil {
			return fmt.Errorf("file %q: %w", ig.File, err)
		}
	}
	return nil
}

// compileGlob turns a glob into a regular expression: "*" matches within
// one path step, "**" across steps, "?" one character of a step, and
// "[…]" a character class as in [path.Match].
func compileGlob(g string) (*regexp.Regexp, error) {
	if _, err := path.Match(g, ""); err != nil {
		return nil, errors.New("malformed glob (an unclosed [ or a trailing \\)")
	}
	var b strings.Builder
	b.WriteString("^")
	for i := 0; i < len(g); i++ {
		switch c := g[i]; c {
		case '*':
			if i+1 < len(g) && g[i+1] == '*' {
				i++
				if i+1 < len(g) && g[i+1] == '/' {
					// "**/" also matches no step at all.
					i++
					b.WriteString("(?:.*/)?")
					continue
				}
				b.WriteString(".*")
				continue
			}
			b.WriteString("[^/]*")
		case '?':
			b.WriteString("[^/]")
		case '[':
			j := strings.IndexByte(g[i:], ']')
			class := g[i+1 : i+j]
			if strings.HasPrefix(class, "!") || strings.HasPrefix(class, "^") {
				class = "^" + class[1:]
			}
			b.WriteString("[" + strings.ReplaceAll(class, `\`, `\\`) + "]")
			i += j
		case '\\':
			i++
			b.WriteString(regexp.QuoteMeta(string(g[i])))
		default:
			b.WriteString(regexp.QuoteMeta(string(c)))
		}
	}
	b.WriteString("$")
	return regexp.Compile(b.String())
}

// matches reports whether ig accepts f, a finding of fr. The path glob is
// matched against the finding's stable path; a file glob with a "/"
// against the file name (forward slashes, no leading "./"), one without
// against its last element.
func (ig *Ignore) matches(fr *finding.FileResult, f *finding.Finding) bool {
	if f.Rule != ig.Rule {
		return false
	}
	k := finding.KeyOf(fr, f)
	if ig.path != nil && !ig.path.MatchString(k.Path) {
		return false
	}
	if ig.file != nil {
		name := k.File
		if !strings.Contains(ig.File, "/") {
			name = path.Base(name)
		}
		if !ig.file.MatchString(name) {
			return false
		}
	}
	return true
}

// ApplyIgnores marks the findings of r that an entry of ignores accepts
// as suppressed, with the first matching entry's reason. Call it before
// [Baseline.Apply], so that a baseline records only what the
// configuration does not already accept.
func ApplyIgnores(r *finding.Report, ignores []Ignore) {
	if len(ignores) == 0 {
		return
	}
	for fr, f := range counting(r) {
		for k := range ignores {
			if ignores[k].matches(fr, f) {
				f.Suppressed = &finding.Suppression{Kind: finding.SuppressedByConfig, Reason: ignores[k].Reason}
				break
			}
		}
	}
}

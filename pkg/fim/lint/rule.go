package lint

import (
	"slices"
	"strings"

	"github.com/ozgctl/ozgctl/internal/lazy"
	"github.com/ozgctl/ozgctl/pkg/fim"
	"github.com/ozgctl/ozgctl/pkg/finding"
)

// Class is the class of a check in the FIM quality catalogue (column Typ).
type Class string

// The classes of the catalogue.
const (
	FehlerKritisch   Class = "FehlerKritisch"
	FehlerMethodisch Class = "FehlerMethodisch"
	Warnung          Class = "Warnung"
	Hinweis          Class = "Hinweis"
	Deaktiviert      Class = "Deaktiviert"
)

// severity maps the class to a finding severity: FehlerKritisch and
// FehlerMethodisch are errors, Warnung a warning, Hinweis info. Deaktiviert
// returns 0: such checks are not run.
func (c Class) severity() finding.Severity {
	switch c {
	case FehlerKritisch, FehlerMethodisch:
		return finding.Error
	case Warnung:
		return finding.Warning
	case Hinweis:
		return finding.Info
	}
	return 0
}

// Versions is a set of XDatenfelder versions a rule applies to.
type Versions uint8

// The version sets.
const (
	V2   Versions = 1 << iota // XDatenfelder 2.0
	V3                        // XDatenfelder 3.0.0
	Both = V2 | V3
)

// has reports whether the set contains the source version v.
func (vs Versions) has(v fim.SourceVersion) bool {
	switch v {
	case fim.XDF2:
		return vs&V2 != 0
	case fim.XDF3:
		return vs&V3 != 0
	}
	return false
}

// String lists the versions, e.g. "2.0, 3.0.0".
func (vs Versions) String() string {
	var s []string
	if vs&V2 != 0 {
		s = append(s, string(fim.XDF2))
	}
	if vs&V3 != 0 {
		s = append(s, string(fim.XDF3))
	}
	return strings.Join(s, ", ")
}

// Text is a text in German and English.
type Text struct {
	DE, EN string
}

// In returns the text in lang ("de" or "en"); German is the default.
func (t Text) In(lang string) string {
	if lang == "en" && t.EN != "" {
		return t.EN
	}
	return t.DE
}

// Rule is one check of the FIM quality catalogue. The registry ([Rules])
// is the one place where codes, classes, titles, explanations and the check
// functions are kept; `ozgctl rules`, SARIF rule metadata and the README
// table are generated from it.
type Rule struct {
	// Code is the catalogue code, e.g. "1012".
	Code string
	// Class is the catalogue class; it decides the severity.
	Class Class
	// Versions are the XDatenfelder versions the check applies to.
	Versions Versions
	// Title says in one line what is wrong when the rule reports.
	Title Text
	// Help explains the rule and what to do.
	Help Text
	// Detail is an optional format for the finding's details; its verbs
	// are filled by the check's arguments. A finding's message is the
	// title, followed by the formatted detail in parentheses.
	Detail Text
	// Cases are titles for cases the check tells apart, by key; a finding
	// of such a case has that title instead of Title (1022: "schema", a
	// use directly in a Datenschema rather than in an RNG group).
	Cases map[string]Text
	// Reason says why the check is not implemented (Check is nil).
	Reason Text
	// Note says where ozgctl deliberately reads the catalogue entry
	// differently from FIM-XSLT (https://github.com/vs5000/FIM-XSLT), the
	// XSLT quality report used in the FIM community, and why; empty where
	// the readings agree. `ozgctl rules --output markdown` lists the notes
	// below the table.
	Note Text

	check func(p *pass)
}

// Implemented reports whether the rule has a check function.
func (r *Rule) Implemented() bool { return r.check != nil }

// Severity is the severity of the rule's findings, 0 for deactivated rules.
func (r *Rule) Severity() finding.Severity { return r.Class.severity() }

// message formats a finding message in lang from the detail arguments.
func (r *Rule) message(lang string, args ...any) string {
	return r.msg(args...).Text(lang)
}

// msg returns the finding message as a key with the detail arguments: the
// title, followed by the formatted detail in parentheses when there are
// arguments. Reporters render it in the run's language.
func (r *Rule) msg(args ...any) finding.Msg { return r.caseMsg("", args...) }

// caseMsg is Rule.msg for the case with the key (see Cases), whose
// message keys are fim.lint.<code>.<case>[.detail]; key "" is the rule's
// title.
func (r *Rule) caseMsg(key string, args ...any) finding.Msg {
	k := "fim.lint." + r.Code
	if _, ok := r.Cases[key]; ok && key != "" {
		k += "." + key
	}
	if r.Detail.DE != "" && len(args) > 0 {
		return finding.Key(k + ".detail").With(args...)
	}
	return finding.Key(k).With()
}

// ruleMessages registers every rule's message forms (see Rule.msg), and
// those of its cases, before the first lookup of a fim.lint key.
func init() { finding.RegisterFunc("fim.lint.", ruleMessages) }

func ruleMessages() {
	esc := func(s string) string { return strings.ReplaceAll(s, "%", "%%") }
	register := func(r *Rule, key string, title Text) {
		finding.Register(key, esc(title.DE), esc(title.EN))
		if r.Detail.DE != "" || r.Detail.EN != "" {
			finding.Register(key+".detail", esc(title.DE)+" ("+r.Detail.DE+")", esc(title.EN)+" ("+r.Detail.EN+")")
		}
	}
	for i := range registry {
		r := &registry[i]
		register(r, "fim.lint."+r.Code, r.Title)
		for key, title := range r.Cases {
			register(r, "fim.lint."+r.Code+"."+key, title)
		}
	}
}

// info returns the rule's metadata for reporters.
func (r *Rule) info(lang string) finding.RuleInfo {
	help := r.Help.In(lang)
	if !r.Implemented() {
		help += " " + notImplementedPrefix.In(lang) + r.Reason.In(lang)
	}
	return finding.RuleInfo{ID: r.Code, Title: r.Title.In(lang), Help: help, Severity: r.Severity()}
}

var notImplementedPrefix = Text{DE: "Nicht geprüft: ", EN: "Not checked: "}

// byCode maps each code to its rule; built on the first [Lookup].
var byCode = lazy.Value[map[string]*Rule]{F: func() map[string]*Rule {
	m := make(map[string]*Rule, len(registry))
	for i := range registry {
		r := &registry[i]
		if _, dup := m[r.Code]; dup {
			panic("lint: duplicate rule " + r.Code)
		}
		m[r.Code] = r
	}
	return m
}}

// Rules returns every rule of the catalogue, sorted by code.
func Rules() []*Rule {
	out := make([]*Rule, 0, len(registry))
	for i := range registry {
		out = append(out, &registry[i])
	}
	slices.SortFunc(out, func(a, b *Rule) int { return strings.Compare(a.Code, b.Code) })
	return out
}

// Lookup returns the rule with the code, or nil.
func Lookup(code string) *Rule { return byCode.Get()[code] }

// ruleInfos returns the metadata of every rule that is run (implemented and
// not deactivated) plus the reader's rules, for SARIF and JUnit reports.
func ruleInfos(lang string) []finding.RuleInfo {
	var out []finding.RuleInfo
	for _, r := range Rules() {
		if r.Class == Deaktiviert {
			continue
		}
		out = append(out, r.info(lang))
	}
	return out
}

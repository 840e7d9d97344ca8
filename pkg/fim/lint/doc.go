// Package lint runs the FIM quality-assurance checks on a document of the
// canonical FIM model ([fim.Document]).
//
// # Rules
//
// Every check is identified by its code in the FIM quality catalogue
// ("Meldungen XDF-Qualität", urn:xoev-de:fim-datenfelder:codeliste:xdfm
// version 1.8, 142 codes from 1001 to 1144) so that findings can be
// compared with other FIM tools. The catalogue's class decides the
// severity: FehlerKritisch and FehlerMethodisch are errors, Warnung a
// warning, Hinweis info; Deaktiviert checks are not run.
//
// The registry ([Rules], [Lookup]) is the one place where each rule is
// documented: code, class, the XDatenfelder versions it applies to, a title
// and an explanation in German and English (our own words, not the
// catalogue's), and the check function. Rules that cannot be decided from
// the file and local code lists carry the reason instead
// ([Rule.Reason]); `ozgctl rules`, SARIF rule metadata and the README table
// are generated from the registry.
//
// # Findings
//
// [Lint] returns [finding.Finding] values with Rule = code, Severity from
// the class, a message key with its arguments ([finding.Msg], rendered by
// the reporters in German or English), the element's id and version, its line and column, and Path:
// the element ids from the root down to the element, joined by "/"
// ("S00000094/G00000111/F00000123"); when an id occurs more than once among
// the children of one group, its 1-based occurrence is appended in
// brackets ("G00000111[2]"). Rules get the path of their owner plus their
// own id. Findings about one use of an element (cardinality, bezug at the
// use) are placed at that use; findings about an element itself are placed
// at its first occurrence, once per element. A group used at several
// places is one element of the model: the uses inside it are reported
// once, under the path of its first occurrence.
//
// Code list checks (1044, 1045, 1076, 1093, 1115, 1122) use genericode
// lists found through [Options.Codelists]; without a resolver they see only
// inline value lists (XDatenfelder 3.0.0 werte).
package lint

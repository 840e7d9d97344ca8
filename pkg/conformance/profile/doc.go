// Package profile holds conformance profiles (sharpened standards), the
// stages that check messages with them, and the test-set runner used by
// standards authors.
//
// # Profiles
//
// A profile is a YAML file (JSON Schema: schemas/profile.schema.json):
//
//	id: xbau-2.6-sharpened          # name in reports (identity.profile)
//	standard: XBau
//	version: "2.6"
//	match:                           # one entry or a list of alternatives
//	  namespace: http://www.xleitstelle.de/xbau/2/6
//	  root: baugenehmigung.antrag.0200   # optional local name
//	  xpath: "@produktversion"       # optional, true at the document node
//	  version: "string(/*/@v)"       # optional, the message's version
//	namespaces: {xbau: http://www.xleitstelle.de/xbau/2/6}
//	schema: {xsd: xsd/xbau.xsd, catalogs: [catalog.xml]}
//	codelists: [codelists]           # genericode directories
//	codelistBindings:                # values at path must be codes of a list
//	  - {id: B1, message: "…", path: "xbau:art/code", list: "urn:…", version: "1.0"}
//	schematron:
//	  - {file: sch/xbau.sch, phase: "#ALL", severity: {sch-xbau-gen-001: warning}}
//	sharpenings:                     # each with id, message, optional severity and context
//	  - {id: S1, message: "…", required: "@produktversion"}
//	  - {id: S2, message: "…", forbidden: "@test"}
//	  - {id: S3, message: "…", path: "xbau:x", cardinality: {min: 1, max: 1}}
//	  - {id: S4, message: "…", path: "xbau:x/code", codes: ["01", "02"]}
//	  - {id: S5, message: "…", path: "xbau:plz", pattern: "[0-9]{5}"}
//	  - {id: S6, message: "…", if: "xbau:a", then: "xbau:b"}
//
// Paths are relative to the profile file. extends names a base profile
// whose keys are inherited (merge has the rules); abstract: true marks
// a base that is never selected. docs/profiles.md is the reference of
// every key. Sharpenings and code list
// bindings are compiled into a Schematron schema (one pattern each) and
// run by the same engine as the Schematron files; their findings have
// source "profile" and the sharpening id as rule.
//
// [Compiled.CheckSchema] resolves sharpening paths in the declarations
// of the profile's schema set (see xoev.Decls), and [Overlaps] finds
// profiles that would always tie in selection.
//
// Set.choose gives each message exactly one profile: the profiles whose
// match fits; among several, the more specific match (xpath over root
// over namespace), then the one whose version equals the message's
// (match.version). None or several is a *[SelectError] naming the
// candidates. [Stage] then runs XSD, code lists, sharpenings and
// Schematron on the message in one pass, parsing it into a tree once.
//
// # Test sets
//
// [ReadTestSet] reads a VEFA testSet file (the format of the EN16931 unit
// tests: each test holds an instance and expected success, error and
// warning rule ids) or a plain directory with valid/ and invalid/
// instances, where every invalid/NAME.xml has a NAME.expect side file.
// [RunSets] checks the cases with a [CheckFunc] on several goroutines and
// judge compares the findings with each expectation.
package profile

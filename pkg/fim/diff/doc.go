// Package diff compares two XDatenfelder documents (2.0, 3.0.0 or one of
// each) on the canonical model of package fim and classifies every change
// for the people who build against the schema.
//
// # Matching
//
// Elements (groups, fields, rules) are matched by id; a 2.0 id matches the
// 3.0.0 id it widens to with the sub-Nummernkreis 000 (G60000088 and
// G60000000088), and versions are compared in the 3.0.0 form (1.2 = 1.2.0).
// Elements left over on both sides are matched by kind and name when the
// name is unique on both sides; the id change is then reported.
//
// # Classes
//
//   - breaking: what breaks data already submitted or implementations: a
//     removed element, a new required element or rule, a narrower type,
//     length, range or pattern, a lower maximum or higher minimum anzahl,
//     a removed code or a changed code list (unless the --codelists show
//     that every old code is still there), a changed rule, a changed
//     feldart, an id change, a move to another parent or position.
//   - compatible: a new optional element, a wider constraint, a removed
//     constraint, added codes, a new version or status.
//   - editorial: texts only (names, labels, descriptions, help texts, bezug).
//
// [Compare] returns the changes with [Result.SameIdentity] set when both
// documents have the same id and version: content changed under an
// unchanged id and version is what FIM re-exports sometimes do, and the
// text output says so first. Output: [WriteText], [WriteJSON] (the
// contract in schemas/fim-diff.schema.json) and [WriteMarkdown], every
// fixed text in German and English (msgText).
package diff

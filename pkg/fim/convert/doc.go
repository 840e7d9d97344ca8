// Package convert generates, from one XDatenfelder schema read into the
// canonical model ([fim.Document]), what implementers build against: a JSON
// Schema, an XSD, an OpenAPI document, an HTML form, Go and TypeScript
// types, Markdown documentation, and example instances.
//
// All targets are rendered from one plan that [New] builds once, so they
// agree with each other: what the HTML form exports is what the JSON Schema
// and the OpenAPI request body accept, the Go and TypeScript types decode
// the same JSON, and the XSD states the same constraints for XML.
//
// # Keys
//
// Properties (and XML elements) are keyed by element id (F00000013,
// G00000630), as FIT-Connect schemas are: ids are stable when labels
// change and unique within a schema. [KeysName] uses technical names made
// from the element names instead (familienname); a clash within a group
// gets the id appended. Each group and field is one $defs entry (one XSD
// type) named by its id, with the version appended only when a document
// holds several versions of one id.
//
// # Mapping
//
//   - anzahl with max 1 is a single property, required when min ≥ 1;
//     otherwise an array with minItems/maxItems (XSD minOccurs/maxOccurs).
//   - datentyp: text, text_latin → string; date, time, datetime → string
//     with format date, time, date-time (xs:date, xs:time, xs:dateTime);
//     bool → boolean; num, num_currency → number (xs:decimal, currency
//     with at most two fraction digits); num_int → integer; file and obj →
//     an object {filename, mediaType, content (base64)}.
//   - praezisierung: minLength/maxLength and pattern for text,
//     minimum/maximum for numbers; constraints that do not apply to the
//     datentyp are reported as warnings and noted in $comment.
//   - Patterns are XSD regular expressions: implicitly anchored, \d is any
//     Unicode digit, "." excludes only CR and LF, \i \c, blocks and
//     character class subtraction exist. They are parsed once and written
//     as ECMA-262 (anchored ^(?:…)$, "u" flag semantics) for JSON Schema and
//     the form, and as normalised XSD. A leading "^" or trailing "$" — not
//     XSD, but common in exports — is read as an anchor.
//   - Select fields: the codes of the code list, resolved through a
//     [CodelistResolver] (genericode files, see [CodelistDirs]), or the
//     inline values of XDatenfelder 3: oneOf {const, title} in JSON Schema,
//     enumerations in XSD, typed constants in Go and TypeScript. An
//     unresolved list leaves a string and notes the list's URN.
//   - Labels and help texts become title/description (documentation,
//     comments); rules (regel) become $comment; every object has
//     additionalProperties false. Label fields (feldart label) carry no
//     data: they appear only in the form and the documentation.
//
// # Samples
//
// [Converter.Sample] writes a JSON or XML instance valid against the
// generated JSON Schema or XSD: constraint-respecting values, realistic
// ones for well-known fields, the first code of each list. A required
// field whose constraints admit no value is a [*SampleError].
//
// # Determinism and speed
//
// The same input gives byte-identical output: objects keep document order
// and nothing depends on map order, time or environment. Converting the
// largest corpus schema (S00000186) to all targets takes about 25 ms.
package convert

// Package fim holds the canonical model of FIM data definitions, the
// readers that fill it from XDatenfelder 2.0 and 3.0.0 messages and the
// writers that write it back in either version.
//
// Everything downstream (fim lint, the generators, migration, diff) works
// on this one model, so it is written once for both XDatenfelder versions.
//
// # Model
//
// A [Document] is one message: its [Header], its [SourceVersion] and one root
// item (a [Datenschema], [Datenfeldgruppe], [Datenfeld], [Dokumentsteckbrief]
// or [CodelisteMessage]). Groups, fields and rules are kept once per
// [Identifier] in the document's lookup maps; a group that is used at several
// places of the structure is one object, and each place is an [ElementRef]
// carrying that place's own cardinality ([Cardinality]) and bezug.
//
// Metadata that both versions carry is in [Common]. Children the reader does
// not map are kept in [Common.Extra] as [Unmapped] (name, text, position),
// so nothing is silently lost; the reader also reports them as findings.
//
// # Reading
//
// [Read] and [ReadFile] detect the version from the root namespace
// (urn:xoev-de:fim:standard:xdatenfelder_2 or …_3.0.0). XDatenfelder 1.x is
// recognised and refused with a [*ReadError] that names the version.
//
// Real exports are messy. The reader accepts them and reports each oddity as
// a finding (see the Rule… constants), with the line and column of the
// element:
//
//   - "xdf:unqualified-children": children without the XDatenfelder namespace
//     (only the root qualified). Accepted, one warning per document.
//   - "xdf:praezisierung-json": an XDatenfelder 2.0 praezisierung that is not a
//     JSON object or has values that are not numbers. Kept in
//     [Constraints.Raw]; the usable parts are taken. Numbers written as JSON
//     strings ({"minLength":"1"}) are how every FIM export writes them and
//     are accepted without a finding.
//   - "xdf:pattern-escaping": a pattern that was escaped twice ("\\\\." for
//     "\\."); the reader keeps the once-unescaped form and warns.
//   - "xdf:invalid-date": a date or timestamp that does not exist
//     ("2020-28-09"), also in code list versions that are shaped like dates.
//   - "xdf:empty-script": a regel whose script is empty or an empty function
//     (info: almost every XDatenfelder 2.0 rule has one).
//   - "xdf:unknown-element": a child element the model does not know; kept in
//     [Common.Extra].
//   - "xdf:unknown-code" (error): a code value (feldart, datentyp, status, …)
//     outside the code list of the version; the value is kept as read.
//   - "xdf:cycle" (error): a group that contains itself.
//   - "xdf:invalid-value" (error for anzahl, maxSize, istAbstrakt; warning
//     for praezisierung values): a value that does not parse.
//   - "xdf:missing-element" (error): a struktur without element or anzahl, a
//     codelisteReferenz without canonical identification.
//   - "xdf:inconsistent-copy": the same id and version written twice with
//     different names; the first one is used.
//
// [ResolveCodelists] adds "xdf:unresolved-codeliste" (warning) for code lists
// that a [codelist.Resolver] cannot find; it is not raised by Strict.
//
// With [ReadOptions.Strict], every warning is raised to an error finding.
// Findings are data: the document is still returned. Structural breakage
// that leaves no usable model (not XML, empty input, unknown namespace,
// XDatenfelder 1.x, a duplicated single-valued element, a missing id, a
// message without its content element) is a [*ReadError] carrying the file,
// line and column.
//
// Text values are stored without leading and trailing white space; line
// breaks inside (and characters written as references, such as &#xD;) are
// kept.
//
// # Writing
//
// [Write] and [Marshal] write a model as XDatenfelder 2.0 or 3.0.0, indented
// and with the xdf prefix as the FIM portal writes it, deterministically.
// The writer serialises what the model holds in the element names and
// order of the target version, so that reading the output gives the same
// model ([CanonicalJSON] compares models without positions); making a
// model conform to the other version, and listing what that costs, is the
// job of package migrate. [PraezisierungJSON] gives the 2.0 text form of a
// praezisierung.
//
// # Performance
//
// The reader is a recursive-descent loop over a small XML scanner of its own
// (encoding/xml's tokenizer alone takes twice as long as the whole reader);
// it builds no generic tree and interns tag names. The scanner checks
// well-formedness (names, quoting, references, allowed characters, UTF-8),
// the reader checks that every end tag matches its start tag. Positions are
// byte offsets while reading and are turned into line and column numbers
// (columns count characters) in one pass at the end. Input declared as
// ISO-8859-1 is converted to UTF-8 first; other encodings are refused.
package fim

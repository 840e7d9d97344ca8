// Package xoev loads XÖV schema sets and checks XÖV messages against them:
// XSD validation, message identification and code-list checks.
//
// # Schema sets
//
// [LoadSchemaSet] reads a main schema with its whole xs:include/xs:import
// closure before compiling: relative locations against the referencing
// document, absolute URLs through OASIS XML Catalogs 1.1 (loadCatalog:
// uri, system, rewriteURI, rewriteSystem, delegate*, nextCatalog, group,
// xml:base). Every import is followed, also several documents of one
// namespace (xmllint and libxml2 keep only the first). Nothing is ever
// fetched from the network: an absolute URL without a catalog entry is a
// [LoadError] wrapping [ErrNoCatalogEntry], with a hint naming --catalog.
// Reads are confined to the main schema's distribution directory (the
// parent of its directory), the catalogs' directories, the directories of
// files a catalog entry names and [LoadOptions.Roots]; anything else is
// refused with [ErrOutsideRoots].
//
// A schema document with a DOCTYPE (the W3C xmldsig schema imported by UBL
// 2.1 and XBildung) has its internal subset applied — internal entities
// expanded, #FIXED and default attributes added — and the DOCTYPE removed
// with its lines kept, so that positions stay right. External entities and
// DTDs are never read: such a declaration is an error.
//
// # Engines
//
// Sets are compiled once with github.com/jacoelho/xsd, a streaming
// validator; [SchemaSet.Validate] and per-worker [Validator]s reuse its
// sessions, and memory does not grow with the message size. Sets that
// jacoelho rejects (unsupported constructs; none of the corpus sets since
// the carried copy compiles xdomea 3.0.0) are validated with helium's XSD validator
// instead, which sees only an in-memory file system holding the set's
// documents. [SchemaSet.Engine] says which engine validates.
//
// A jacoelho compile can be kept on disk: with [LoadOptions.Cache] a
// [SchemaCache] entry keyed by the build and every document of the set
// replaces the compile on the next load ([SchemaSet.Cached]).
//
// # Messages
//
// Problems of a message are findings, never errors: not well-formed
// ([RuleNotWellFormed]), a DOCTYPE ([RuleDoctype]; entities in messages are
// never expanded), an unknown encoding ([RuleEncoding]; ISO-8859-x,
// windows-125x and UTF-16 are transcoded while streaming), XSD rules
// ("xsd:element", "xsd:facet", …), and an odd-length xsi:schemaLocation
// ([RuleSchemaLocation], a warning). identify reads the root element,
// namespace, standard, version and the Nachrichtenkopf.
//
// # Code lists
//
// [checkCodes] checks XÖV code elements (listURI, listVersionID, code)
// against genericode lists. Code elements are recognised by their shape (an
// unqualified child "code") together with a listURI attribute or a schema
// declaration whose type derives from xoev-code:Code; the schema supplies
// the fixed listURI and listVersionID that Typ 2 and 3 messages may omit,
// and marks Typ 1 codes (enumerated in the XSD), which are left to the XSD.
package xoev

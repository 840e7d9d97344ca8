// Package diff compares two versions of an XÖV schema set: which message
// types were added or removed, and per message type the element tree by
// stable path (local names from the message element, attributes as @name)
// — elements, attributes, types, cardinalities, facets, enumerations and
// code list bindings (fixed listURI and listVersionID values).
//
// Each change says whether it breaks senders (messages valid under the old
// version may be invalid under the new one: a new required element, a
// tighter facet, a removed enumeration value) and whether it breaks
// receivers (messages valid under the new version may be invalid under the
// old one: a new optional element, a looser facet, an added value); a
// change that breaks either side is breaking.
//
// A version is a directory (every XSD below it; message types are the
// global elements named like area.message.NNNN) or an entry XSD, whose
// include/import closure [xoev.LoadSchemaSet] loads with a catalog. Paths
// use local names, so a version whose namespace changed (…/1/2 → …/1/3) or
// whose files were renamed or split compares element by element.
package diff

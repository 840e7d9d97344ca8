// Package migrate converts XDatenfelder documents between 2.0 and 3.0.0
// on the canonical model of package fim, and reports every assumption it
// makes and everything the target version cannot hold, one [Note] per
// element and property, with a severity and a message key ([Note.Message]
// gives German or English text).
//
// # Upcast 2.0 → 3.0.0
//
//   - Ids are widened by the Nummernkreis rule: a 2.0 id is a kind letter,
//     the two-digit Nummernkreis and a six-digit number (G60000086); 3.0.0
//     puts a three-digit sub-Nummernkreis after the Nummernkreis
//     (G60000000086). [Options.Nummernkreis] is that sub-number, default
//     [DefaultNummernkreis] "000", as the FIM portal migrates. Ids of
//     another shape are kept (warning). Versions become semantic: 1.0 →
//     1.0.0; a missing version is assumed 1.0.0 (warning).
//   - status → freigabestatus: inVorbereitung → 2 (in Bearbeitung), aktiv →
//     6 (fachlich freigegeben, gold), inaktiv → 7; freigabedatum →
//     statusGesetztAm and fachlicherErsteller → statusGesetztDurch (rules
//     keep fachlicherErsteller).
//   - praezisierung: the JSON text becomes attributes; unknown keys are
//     dropped (warning), text that is no JSON object is dropped (error).
//   - codelisteReferenz: the FIM id (C…) is dropped, the genericode URN and
//     version stay (info). With [Options.InlineCodelists] a list of at most
//     that many codes becomes inline werte.
//   - Schema and steckbrief: bezeichnungEingabe → bezeichnung; a schema
//     gets a dokumentsteckbrief reference, derived from its id (S… → D…,
//     warning) unless [Options.Dokumentsteckbrief] names one.
//   - Rules: definition → freitextRegel, script → skript; 2.0 has no rule
//     type, so typ stays empty (warning); ids of the 2.0 form in the rule
//     text are listed with their new form (the text is not changed).
//
// # Downcast 3.0.0 → 2.0
//
// The inverse mappings, and what 2.0 cannot hold is dropped or mapped and
// listed: ids whose sub-Nummernkreis is not the given one (error),
// freigabestatus levels other than 2, 6 and 7 (coarsened, warning),
// letzteAenderung, stichwort, relation, bezug links, several bezug (joined),
// feldart hidden/locked (→ input, warning), datentyp text_latin, time and
// datetime (→ text, error: the value space gets wider), werte, maxSize and
// mediaType (error: the accepted data changes), vorbefuellung, codeKey,
// nameKey, helpKey, the rule type and the group art.
//
// Unknown elements the reader kept are dropped in both directions
// (warning). Severities: info for mappings that lose nothing, warning for
// dropped descriptions and assumptions to check, error for losses that
// change which data a form accepts or ids that do not fit the target.
// Migrating twice (2.0 → 3.0.0 → 2.0) gives the source model back except
// for what the notes list.
package migrate

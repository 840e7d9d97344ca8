// Package interop compares how groups of messages (vendors, products) use
// a standard: which message types they send, which rules they break,
// which element and attribute paths and which code values occur in how
// many of their messages, and where the groups differ.
//
// # Observation
//
// [UsageStage] is one more [batch.Stage] after the check pipeline of
// package conformance: it streams each message once and leaves its
// [Usage] (the set of stable paths and code values) under [UsageKey].
// collector.stage adds it to the message's group right away, so memory
// grows with the number of distinct paths, not with the number of
// messages.
//
// A path is the stable key of finding paths: local names joined by "/",
// no prefixes, no positions, attributes as "…/@name" (namespace
// declarations are not attributes). An element is code-valued when the
// schema set the message was validated with declares it with an
// enumerated simple type or an XÖV code type, or when its local name ends
// in "Code" or it carries listID or listURI (UBL's and CII's code types
// are not enumerated in their XSDs, so the schema alone would miss them).
// The value of an element with an unqualified child "code" (the XÖV code
// datatype) is that child's text, recorded at the child's path; otherwise
// the element's own text, whitespace-collapsed.
//
// # Result
//
// [Aggregate] turns the check results and the collected usage into a
// [Result]: per group the counts of messages, valid and invalid ones,
// message types, rules, paths and code values; then differences. Every
// number is a count, so [Merge] of results from shards equals the
// unsharded result. [Suggest] derives a draft profile from a result.
package interop

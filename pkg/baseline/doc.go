// Package baseline decides which findings a run accepts: those recorded in
// a baseline file and those an ignore entry of the configuration matches.
// Accepted findings stay in the report, marked with a
// [finding.Suppression], and count toward neither validity nor the exit
// code.
//
// # Matching
//
// A finding is matched by its [finding.MatchKey]: the file, the rule, the
// stable path (element names without prefixes and positions) and the
// message key. The line is not part of it, so edits elsewhere in a file
// keep its accepted findings accepted. A baseline entry records how many
// findings share its key; a further finding with the same key is new and
// counts.
//
// # Stale entries
//
// An entry that matched fewer findings than it records is stale: the
// defect was fixed. Only entries of files the run checked are judged, so a
// sharded or partial run does not call the entries of other files stale,
// and [Baseline.Update] keeps them.
package baseline

// Package conformance runs the checks of a message as a pipeline of stages
// over one input at a time, for many inputs in parallel:
//
//	identify → XSD → code lists → [sharpenings → Schematron]
//
// # Inputs
//
// [ExpandInputs] turns command-line arguments (files, directories walked
// recursively for *.xml, globs, "-" for stdin) into a sorted, de-duplicated
// list of [Input]s. The report order is that sorted order, whatever the
// number of workers.
//
// # Stages
//
// A [Stage] checks one [Message] and adds findings to its
// [finding.FileResult]. Stages run in the order given; a stage that needs a
// well-formed message looks at [Message.WellFormed] and skips otherwise.
// Stages are built once per run and shared by all workers, so they must be
// safe for concurrent use; per-worker scratch goes through sync.Pool or
// similar. Further stages (Schematron, profiles) implement the same
// interface and are appended after the code-list stage.
//
// # Runner
//
// [Run] expands nothing and prints nothing: it takes the inputs and the
// stages, runs a pool of workers, and returns one FileResult per input in
// input order. A panic inside a stage becomes that file's input error.
package conformance

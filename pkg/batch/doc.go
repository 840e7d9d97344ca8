// Package batch runs checks over many inputs: it expands command-line
// arguments into inputs, hands each input as a [Message] through a list of
// [Stage]s, and runs a pool of workers whose results come back in input
// order.
//
// # Inputs
//
// [ExpandInputs] turns arguments (files, directories walked recursively for
// *.xml, globs, "-" for stdin) into a sorted, de-duplicated list of
// [Input]s; [FromBytes] makes an input of bytes held in memory. The report
// order is that sorted order, whatever the number of workers.
//
// # Stages
//
// A [Stage] checks one Message and adds findings to its
// [finding.FileResult]. Stages run in the order given; a stage that needs a
// well-formed message looks at [Message.WellFormed] and skips otherwise.
// What one stage leaves for later ones (the schema set it chose, a parsed
// tree) travels under a typed [Key] owned by the package that declares it.
// Stages are built once per run and shared by all workers, so they must be
// safe for concurrent use.
//
// # Runner
//
// [Run] prints nothing: it takes the inputs and the stages, runs a pool of
// workers, and returns one FileResult per input in input order. A panic
// inside a stage becomes that file's input error.
package batch

// Package bpmn reads BPMN 2.0 process models and writes them out again:
//
//   - [Read] builds the model — processes, collaborations with pools and
//     lanes, every flow node kind, sub-processes, events with their
//     definitions, gateways, sequence flows with conditions, message flows,
//     data objects and stores, artifacts — and the diagram interchange
//     (BPMNShape bounds, BPMNEdge waypoints). Vendor extensions (Camunda,
//     Signavio, ADONIS …) are kept opaque. Broken input is a *ReadError
//     with file, line and column; the reader never panics (fuzzed) and is
//     bounded in size and nesting.
//   - [Lint] runs structural checks with stable rule ids ([Rules]) and
//     German or English messages, as findings of the shared finding model.
//   - [SVG] draws the diagram from its DI, or from layout, an automatic
//     layered layout for models without DI; [Mermaid] and [Markdown] write
//     a flowchart and a process description.
//
// Every writer is deterministic: the same model gives the same bytes.
package bpmn

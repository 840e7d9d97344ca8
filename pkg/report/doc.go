// Package report renders a [finding.Report] in the formats ozgctl offers:
// text, json, junit, sarif (and more registered by other files). Every
// reporter is a pure function of the report and its [Options]; none reads
// the clock, the environment or the working directory, so output is
// byte-for-byte reproducible.
package report

// Package finding is the result model shared by every check in ozgctl:
// FIM lint, XSD validation, code list checks, profile sharpenings and
// Schematron all produce [Finding] values grouped into [FileResult]s and a
// [Report]. Reporters in package report render a Report; the CLI derives the
// exit code from it. The package depends on the standard library only.
package finding

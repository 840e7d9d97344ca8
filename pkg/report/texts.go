package report

import "github.com/ozgctl/ozgctl/pkg/finding"

// Texts about a run as a whole, in German and English: a run stopped by
// Ctrl-C or SIGTERM (arguments: inputs not checked, inputs) and an input it
// did not finish.
var (
	msgInterrupted = finding.Register("report.interrupted",
		"ABGEBROCHEN: Lauf unterbrochen, %d von %d Dateien nicht geprüft",
		"INTERRUPTED: run stopped, %d of %d files not checked")
	msgInterruptedFile = finding.Register("report.interrupted-file",
		"nicht geprüft: der Lauf wurde unterbrochen",
		"not checked: the run was interrupted")
)

// inputErrorText is the text of fr's input error in lang; a file the run
// was interrupted before says it was not checked.
func inputErrorText(fr *finding.FileResult, lang string) string {
	if fr.Interrupted() {
		return msgInterruptedFile.With().Text(lang)
	}
	return fr.ErrText(lang)
}

package report

import "github.com/ozgctl/ozgctl/pkg/finding"

// Texts about a run as a whole, in German and English: a run stopped by
// Ctrl-C or SIGTERM (arguments: inputs not checked, inputs) and an input it
// did not finish.
const (
	msgInterrupted     finding.Key = "report.interrupted"
	msgInterruptedFile finding.Key = "report.interrupted-file"
)

// textsForms holds the message forms of the keys above.
var textsForms = []finding.Form{
	{Key: msgInterrupted,
		DE: "ABGEBROCHEN: Lauf unterbrochen, %d von %d Dateien nicht geprüft",
		EN: "INTERRUPTED: run stopped, %d of %d files not checked"},
	{Key: msgInterruptedFile,
		DE: "nicht geprüft: der Lauf wurde unterbrochen",
		EN: "not checked: the run was interrupted"},
}

func init() { finding.Forms(textsForms) }

// inputErrorText is the text of fr's input error in lang; a file the run
// was interrupted before says it was not checked.
func inputErrorText(fr *finding.FileResult, lang string) string {
	if fr.Interrupted() {
		return msgInterruptedFile.With().Text(lang)
	}
	return fr.ErrText(lang)
}

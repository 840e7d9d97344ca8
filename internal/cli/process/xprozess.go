package process

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/ozgctl/ozgctl/internal/cli/cmdutil"
	"github.com/ozgctl/ozgctl/internal/cli/iostreams"
	"github.com/ozgctl/ozgctl/pkg/bpmn"
	"github.com/ozgctl/ozgctl/pkg/finding"
	"github.com/ozgctl/ozgctl/pkg/xprozess"
)

// ShowOptions are the parsed flags of "xprozess show".
type ShowOptions struct {
	IO     *iostreams.IOStreams
	File   string
	Forms  []string
	Output string
	Lang   string
}

const showLong = `Show an XProzess 2.0 message: the process catalogue (process classes with
LeiKa key, Verfahrensart, legal basis) and the process library (processes
with their trigger form, participants, level of detail, activity groups
and the files of the embedded model) as tables.

With --forms DIR the form references (formularID of the trigger, and the
forms of the activity groups) are resolved against the XDatenfelder files
in DIR: D00000094 names the Dokumentsteckbrief of schema S00000094. Each
reference is reported as found (with the file), missing, malformed (an
id-like value that is no FIM id) or text (a description only).

Findings of the reader (prose where an id belongs, a missing model,
embedded archives beyond the limits) and unresolved forms go to stderr;
they do not change the exit code. --output json writes the model, the
form links and the findings.

Exit codes: 0 shown, 2 usage error or unreadable input.`

// oneInput returns the one argument, a file or - for stdin; what names
// the file in the usage error.
func oneInput(args []string, what string) (string, error) {
	if len(args) != 1 {
		return "", cmdutil.FlagErrorf("want exactly one %s (or - for stdin), got %d", what, len(args))
	}
	return args[0], nil
}

// checkLangForms checks --lang and the --forms directories.
func checkLangForms(lang string, forms []string) error {
	if err := cmdutil.CheckLang(lang); err != nil {
		return err
	}
	return cmdutil.CheckDirs("--forms", forms)
}

// NewCmdShow builds "xprozess show".
func NewCmdShow(f *cmdutil.Factory, runF func(*ShowOptions) error) *cobra.Command {
	opts := &ShowOptions{IO: f.IO}
	cmd := &cobra.Command{
		Use:   "show [flags] {FILE | -}",
		Short: "the catalogue and processes of an XProzess export as tables",
		Long:  showLong,
		Example: `  ozgctl xprozess show examples/xprozess/mutterschutz-anzeige.xml
  ozgctl xprozess show --forms examples/fim examples/xprozess/mutterschutz-anzeige.xml
  ozgctl xprozess show --output json examples/xprozess/mutterschutz-anzeige.xml`,
		RunE: func(cmd *cobra.Command, args []string) error {
			var err error
			if opts.File, err = oneInput(args, "XProzess file"); err != nil {
				return err
			}
			if opts.Output != "text" && opts.Output != "json" {
				return cmdutil.FlagErrorf("--output %q: want text or json", opts.Output)
			}
			if err := checkLangForms(opts.Lang, opts.Forms); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return showRun(opts)
		},
	}
	fl := cmd.Flags()
	fl.StringArrayVar(&opts.Forms, "forms", nil, "directory `DIR` of XDatenfelder files to resolve formularID against (repeatable)")
	fl.StringVar(&opts.Output, "output", "text", "output format: text, json")
	cmdutil.AddLangFlag(cmd, &opts.Lang, "headings and messages")
	return cmd
}

func readXProzess(io_ *iostreams.IOStreams, file, lang string) (*xprozess.Document, []finding.Finding, error) {
	data, err := readInput(io_, file)
	if err != nil {
		return nil, nil, err
	}
	doc, fs, err := xprozess.Read(strings.NewReader(string(data)), file, xprozess.ReadOptions{Lang: lang})
	if err != nil {
		var xe *xprozess.ReadError
		if errors.As(err, &xe) && xe.NotXProzess && bytesContainBPMN(data) {
			return nil, nil, &cmdutil.HintError{Err: err, Hint: "this is a BPMN file: use \"ozgctl bpmn convert\" or \"ozgctl bpmn lint\""}
		}
		return nil, nil, err
	}
	return doc, fs, nil
}

func bytesContainBPMN(data []byte) bool {
	if len(data) > 4096 {
		data = data[:4096]
	}
	return strings.Contains(string(data), bpmn.NSModel)
}

type showJSON struct {
	Document *xprozess.Document `json:"document"`
	Forms    []processLinks     `json:"forms,omitempty"`
	Findings []finding.Finding  `json:"findings"`
}

type processLinks struct {
	Process string              `json:"process"`
	Links   []xprozess.FormLink `json:"links"`
}

var hdr = struct {
	katalog, bibliothek, id, version, name, verfahrensart, grundlagen, ausloeser, stufe, teilnehmer, gruppen, modell,
	formulare, prozess, verweis, status, schema, datei, keine text
}{
	katalog: tx("Prozesskatalog", "Process catalogue"), bibliothek: tx("Prozessbibliothek", "Process library"),
	id: tx("ID", "ID"), version: tx("Version", "Version"), name: tx("Name", "Name"),
	verfahrensart: tx("Verfahrensart", "Procedure"), grundlagen: tx("Handlungsgrundlagen", "Legal basis"),
	ausloeser: tx("Auslöser", "Trigger"), stufe: tx("Stufe", "Level"), teilnehmer: tx("Teilnehmer", "Participants"),
	gruppen: tx("Aktivitätengruppen", "Activity groups"), modell: tx("Modell", "Model"),
	formulare: tx("Formularverweise", "Form references"), prozess: tx("Prozess", "Process"),
	verweis: tx("Verweis", "Reference"), status: tx("Status", "Status"), schema: tx("Schema", "Schema"),
	datei: tx("Datei", "File"), keine: tx("keine", "none"),
}

// text is a German and English text.
type text = bpmn.Text

func tx(de, en string) text { return text{DE: de, EN: en} }

func showRun(opts *ShowOptions) error {
	doc, fs, err := readXProzess(opts.IO, opts.File, opts.Lang)
	if err != nil {
		return err
	}
	var ix *xprozess.FormIndex
	if len(opts.Forms) > 0 {
		ix = xprozess.LoadForms(opts.Forms...)
	}
	var links []processLinks
	if doc.Bibliothek != nil && ix != nil {
		for _, p := range doc.Bibliothek.Prozesse {
			l := ix.Resolve(p)
			links = append(links, processLinks{Process: p.ID, Links: l})
			fs = append(fs, xprozess.LinkFindings(p, l, opts.Lang)...)
		}
	}
	fs = finding.Normalize(fs)
	if opts.Output == "json" {
		if fs == nil {
			fs = []finding.Finding{}
		}
		b, err := json.MarshalIndent(showJSON{Document: doc, Forms: links, Findings: fs}, "", "  ")
		if err != nil {
			return err
		}
		_, err = opts.IO.Out.Write(append(b, '\n'))
		return err
	}
	printFindings(opts.IO, opts.File, fs)
	return writeShowText(opts.IO.Out, doc, links, opts.Lang)
}

func writeShowText(w io.Writer, doc *xprozess.Document, links []processLinks, lang string) error {
	var b strings.Builder
	fmt.Fprintf(&b, "XProzess %s %s", doc.Version, doc.Message)
	if doc.Produkt != "" {
		fmt.Fprintf(&b, " (%s", doc.Produkt)
		if doc.Hersteller != "" {
			fmt.Fprintf(&b, ", %s", doc.Hersteller)
		}
		b.WriteString(")")
	}
	if doc.Header.Erstellungszeitpunkt != "" {
		fmt.Fprintf(&b, ", %s", doc.Header.Erstellungszeitpunkt)
	}
	b.WriteString("\n")
	if k := doc.Katalog; k != nil {
		fmt.Fprintf(&b, "\n%s: %s\n", hdr.katalog.In(lang), k.Name)
		rows := [][]string{{hdr.id.In(lang), hdr.version.In(lang), hdr.name.In(lang), hdr.verfahrensart.In(lang), hdr.grundlagen.In(lang)}}
		for _, c := range k.Klassen {
			var gs []string
			for _, g := range c.Handlungsgrundlagen {
				gs = append(gs, g.Name)
			}
			rows = append(rows, []string{c.ID, c.Version, c.Name, c.Verfahrensart.Code, strings.Join(gs, "; ")})
		}
		table(&b, rows)
	}
	if l := doc.Bibliothek; l != nil {
		fmt.Fprintf(&b, "\n%s: %s\n", hdr.bibliothek.In(lang), l.Name)
		rows := [][]string{{hdr.id.In(lang), hdr.version.In(lang), hdr.name.In(lang), hdr.ausloeser.In(lang), hdr.stufe.In(lang), hdr.teilnehmer.In(lang), hdr.gruppen.In(lang), hdr.modell.In(lang)}}
		for _, p := range l.Prozesse {
			var trig, parts []string
			stufe := ""
			if s := p.Steckbrief; s != nil {
				for _, a := range s.Ausloeser {
					trig = append(trig, a.Label())
				}
				for _, t := range s.Teilnehmer {
					parts = append(parts, t.Name)
				}
				stufe = s.Detaillierungsstufe.Code
			}
			rows = append(rows, []string{p.ID, p.Version, p.Name, strings.Join(trig, "; "), stufe, strings.Join(parts, "; "),
				fmt.Sprint(len(p.Aktivitaetengruppen)), modelSummary(p, lang)})
		}
		table(&b, rows)
	}
	for _, pl := range links {
		fmt.Fprintf(&b, "\n%s (%s %s)\n", hdr.formulare.In(lang), hdr.prozess.In(lang), pl.Process)
		rows := [][]string{{hdr.verweis.In(lang), hdr.status.In(lang), hdr.schema.In(lang), hdr.datei.In(lang)}}
		for _, l := range pl.Links {
			if l.Status == xprozess.FormText {
				continue
			}
			schema := l.SchemaID
			if l.Form != nil {
				schema = l.Form.Doc.Schema.Identifier.String()
			}
			rows = append(rows, []string{l.Ref.ID(), l.Status, schema, l.File})
		}
		text := 0
		for _, l := range pl.Links {
			if l.Status == xprozess.FormText {
				text++
			}
		}
		table(&b, rows)
		if text > 0 {
			if lang == "en" {
				fmt.Fprintf(&b, "(%d further references are descriptions only, without an id)\n", text)
			} else {
				fmt.Fprintf(&b, "(%d weitere Verweise sind nur Beschreibungen, ohne Kennung)\n", text)
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func modelSummary(p *xprozess.Prozess, lang string) string {
	if p.Modell == nil {
		return hdr.keine.In(lang)
	}
	var parts []string
	for _, f := range p.Modell.Dateien {
		for _, e := range f.Entries {
			s := e.Name
			if e.BPMN != nil {
				n := 0
				e.BPMN.WalkNodes(func(*bpmn.Node) { n++ })
				s += fmt.Sprintf(" (BPMN, %d)", n)
			} else {
				s += " (" + e.Kind + ")"
			}
			parts = append(parts, s)
		}
		if f.Problem != "" {
			parts = append(parts, f.Rolle+": "+f.Problem)
		}
	}
	if len(parts) == 0 {
		return hdr.keine.In(lang)
	}
	return strings.Join(parts, "; ")
}

// table writes rows as aligned columns, the first row as heading.
func table(b *strings.Builder, rows [][]string) {
	widths := make([]int, len(rows[0]))
	for _, r := range rows {
		for i, c := range r {
			widths[i] = max(widths[i], utf8.RuneCountInString(c))
		}
	}
	line := func(r []string) {
		var s strings.Builder
		for i, c := range r {
			if i > 0 {
				s.WriteString("  ")
			}
			s.WriteString(c)
			if i < len(r)-1 {
				s.WriteString(strings.Repeat(" ", widths[i]-utf8.RuneCountInString(c)))
			}
		}
		b.WriteString(strings.TrimRight(s.String(), " ") + "\n")
	}
	line(rows[0])
	var sep []string
	for _, w := range widths {
		sep = append(sep, strings.Repeat("-", max(w, 1)))
	}
	line(sep)
	for _, r := range rows[1:] {
		line(r)
	}
}

// ExtractOptions are the parsed flags of "xprozess extract".
type ExtractOptions struct {
	IO   *iostreams.IOStreams
	File string
	Dir  string
	Lang string
}

const extractLong = `Write the files embedded in an XProzess export (the BPMN model, the
model graphic and report PDFs) to DIR, as DIR/<process id>/<file>.

Nothing is written outside DIR: entry names that are absolute or climb out
with ".." (zip-slip) and nested archives are refused by the reader, and the
files are created through a handle on DIR that does not follow links out
of it. The limits on decoded and unpacked size and number of entries
apply. The files written are listed on stdout.

Exit codes: 0 written, 2 usage error or unreadable input.`

// NewCmdExtract builds "xprozess extract".
func NewCmdExtract(f *cmdutil.Factory, runF func(*ExtractOptions) error) *cobra.Command {
	opts := &ExtractOptions{IO: f.IO}
	cmd := &cobra.Command{
		Use:     "extract [flags] -o DIR {FILE | -}",
		Short:   "write the embedded BPMN and PDF files of an XProzess export to a directory",
		Long:    extractLong,
		Example: `  ozgctl xprozess extract -o prozess-dateien examples/xprozess/mutterschutz-anzeige.xml`,
		RunE: func(cmd *cobra.Command, args []string) error {
			var err error
			if opts.File, err = oneInput(args, "XProzess file"); err != nil {
				return err
			}
			if opts.Dir == "" {
				return cmdutil.FlagErrorf("-o DIR is required")
			}
			if runF != nil {
				return runF(opts)
			}
			return extractRun(opts)
		},
	}
	cmd.Flags().StringVarP(&opts.Dir, "output-dir", "o", "", "directory `DIR` to write to (created if missing)")
	cmdutil.AddLangFlag(cmd, &opts.Lang, "messages")
	return cmd
}

func extractRun(opts *ExtractOptions) error {
	doc, fs, err := readXProzess(opts.IO, opts.File, opts.Lang)
	if err != nil {
		return err
	}
	printFindings(opts.IO, opts.File, fs)
	if err := os.MkdirAll(opts.Dir, 0o755); err != nil {
		return fmt.Errorf("-o %s: %w", opts.Dir, cmdutil.PathErr(err))
	}
	root, err := os.OpenRoot(opts.Dir)
	if err != nil {
		return fmt.Errorf("-o %s: %w", opts.Dir, cmdutil.PathErr(err))
	}
	defer root.Close()
	n := 0
	if doc.Bibliothek != nil {
		for i, p := range doc.Bibliothek.Prozesse {
			sub := p.ID
			if !xprozess.SafeName(sub) || strings.Contains(sub, "/") {
				sub = fmt.Sprintf("prozess-%d", i+1)
			}
			if p.Modell == nil {
				continue
			}
			written := map[string]bool{}
			for _, f := range p.Modell.Dateien {
				for _, e := range f.Entries {
					name := path.Join(sub, e.Name)
					if !xprozess.SafeName(name) || written[name] {
						name = path.Join(sub, f.Rolle+"-"+path.Base(e.Name))
					}
					if !xprozess.SafeName(name) || written[name] {
						continue
					}
					written[name] = true
					if err := writeInRoot(root, name, e.Data); err != nil {
						return fmt.Errorf("write %s: %w", filepath.Join(opts.Dir, filepath.FromSlash(name)), err)
					}
					fmt.Fprintln(opts.IO.Out, filepath.Join(opts.Dir, filepath.FromSlash(name)))
					n++
				}
			}
		}
	}
	if n == 0 && !opts.IO.Quiet() {
		fmt.Fprintf(opts.IO.ErrOut, "warning: %s: no embedded files\n", opts.File)
	}
	return nil
}

// writeInRoot writes data to name below root, creating folders; os.Root
// refuses paths that leave it, symbolic links included.
func writeInRoot(root *os.Root, name string, data []byte) error {
	if dir := path.Dir(name); dir != "." {
		if err := root.MkdirAll(dir, 0o755); err != nil {
			return err
		}
	}
	fh, err := root.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	if _, err := fh.Write(data); err != nil {
		fh.Close()
		return err
	}
	return fh.Close()
}

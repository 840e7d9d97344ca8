package show

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"

	"github.com/ozgctl/ozgctl/internal/lazy"
	"github.com/ozgctl/ozgctl/pkg/codelist"
)

// codelistTexts are the fixed texts of a code list's display, by key.
var codelistTexts = lazy.Value[map[string][2]string]{F: func() map[string][2]string {
	return map[string][2]string{
		"title":   {"Codeliste %s (Version %s)", "code list %s (version %s)"},
		"uri":     {"Kennung: %s", "canonical URI: %s"},
		"key":     {"Schlüsselspalte: %s", "key column: %s"},
		"summary": {"%d Spalten, %d Codes", "%d columns, %d codes"},
	}
}}

func clText(english bool, key string) string {
	if english {
		return codelistTexts.Get()[key][1]
	}
	return codelistTexts.Get()[key][0]
}

// readInput returns the input's bytes and whether it is a genericode code
// list; a named file is only read in full when it is one.
func readInput(opts *ShowOptions) ([]byte, bool, error) {
	if opts.File == "-" {
		data, err := io.ReadAll(opts.IO.In)
		if err != nil {
			return nil, false, fmt.Errorf("read stdin: %w", err)
		}
		return data, codelist.Sniff(bytes.NewReader(data)), nil
	}
	f, err := os.Open(opts.File)
	if err != nil {
		return nil, false, nil // the XDatenfelder reader reports it
	}
	defer f.Close()
	if !codelist.Sniff(f) {
		return nil, false, nil
	}
	data, err := os.ReadFile(opts.File)
	return data, true, err
}

// showCodelist prints a genericode code list: identification, columns and
// every row, or the parsed list as JSON.
func showCodelist(opts *ShowOptions, data []byte) error {
	cl, err := codelist.Read(bytes.NewReader(data), opts.File)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if opts.Output == "json" {
		enc := json.NewEncoder(&buf)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(cl); err != nil {
			return fmt.Errorf("encode code list: %w", err)
		}
	} else {
		en := opts.Lang == "en"
		id := cl.Identification
		name := id.ShortName
		if id.LongName != "" {
			name = id.LongName
		}
		fmt.Fprintf(&buf, clText(en, "title")+"\n", name, id.Version)
		fmt.Fprintf(&buf, clText(en, "uri")+"\n", id.CanonicalURI)
		fmt.Fprintf(&buf, clText(en, "key")+"\n", cl.KeyColumn)
		tb := tablewriter.NewTable(&buf,
			tablewriter.WithHeaderAutoFormat(tw.Off),
			tablewriter.WithRowAutoWrap(tw.WrapNone),
			tablewriter.WithHeaderAlignment(tw.AlignLeft),
			tablewriter.WithRowAlignment(tw.AlignLeft),
			tablewriter.WithTrimSpace(tw.Off),
		)
		head := make([]string, len(cl.Columns))
		for i, c := range cl.Columns {
			head[i] = c.ID
			if c.ID == cl.KeyColumn {
				head[i] += " *"
			}
		}
		tb.Header(head)
		for i := range cl.Rows {
			row := make([]string, len(cl.Columns))
			for j, c := range cl.Columns {
				row[j] = cl.Value(&cl.Rows[i], c.ID)
			}
			if err := tb.Append(row); err != nil {
				return fmt.Errorf("render code list: %w", err)
			}
		}
		if err := tb.Render(); err != nil {
			return fmt.Errorf("render code list: %w", err)
		}
		fmt.Fprintf(&buf, clText(en, "summary")+"\n", len(cl.Columns), len(cl.Rows))
	}
	if _, err := opts.IO.Out.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("write output: %w", err)
	}
	return nil
}

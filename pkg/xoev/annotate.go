package xoev

import (
	"bytes"
	"cmp"
	"encoding/xml"
	"io"
	"math"
	"slices"
	"strings"
	"sync"

	"github.com/ozgctl/ozgctl/internal/xmlpath"
	"github.com/ozgctl/ozgctl/pkg/finding"
)

// pathTarget is an XSD finding whose path [annotate] makes precise.
type pathTarget struct {
	i         int // index in the findings
	line, col int
	depth     int      // jacoelho: the number of steps of its path
	name      xml.Name // helium: the element named, starting on line
}

// annotate adds to the XSD findings fs of a message what the engines leave
// out, from a second read r of the message (read once, up to the last
// finding; a message that is not well-formed is read up to where it
// breaks):
//   - precise paths: the form Schematron locations use (see
//     internal/xmlpath), the message's own prefixes and each element's
//     position among its siblings, e.g.
//     /xbau:baugenehmigung.antrag.0200[1]/xbau:antragsteller[2]; jacoelho
//     gives a path of local names and the position of the token it
//     stopped at, helium the element's name and line;
//   - the offending value of jacoelho's simple-content findings, which
//     it places at the end tag after the value: "invalid simple content:
//     pattern facet failed" becomes `invalid simple content "1234X":
//     pattern facet failed` (values on one line, up to 200 bytes);
//   - columns in characters, as editors count, where jacoelho counts
//     bytes (findings at a tag, which are nearly all).
//
// A finding the scan cannot place is left as it is.
func annotate(r io.Reader, fs []finding.Finding) {
	var at, named []pathTarget // placed by position, by name and line
	for i, f := range fs {
		if f.Source != "xsd" && f.Rule != RuleNotWellFormed && f.Rule != RuleXMLLimit || f.Line <= 0 {
			continue
		}
		switch {
		case strings.HasPrefix(f.Path, "/") && f.Path != "/":
			// Without a column (an unclosed element at the end of the
			// input), the finding sees the elements open at the end of
			// its line.
			col := f.Column
			if col == 0 {
				col = math.MaxInt
			}
			at = append(at, pathTarget{i: i, line: f.Line, col: col, depth: strings.Count(f.Path, "/")})
		case f.Column == 0 && f.Path != "" && !strings.HasPrefix(f.Path, "/"):
			named = append(named, pathTarget{i: i, line: f.Line, name: clarkName(f.Path)})
		}
	}
	if len(at)+len(named) == 0 {
		return
	}
	byPos := func(a, b pathTarget) int { return cmp.Or(a.line-b.line, a.col-b.col) }
	slices.SortStableFunc(at, byPos)
	slices.SortStableFunc(named, byPos)
	src, _ := utf8Reader(r)
	st := annotateStates.Get().(*annotateState)
	defer annotateStates.Put(st)
	sc, tr := &st.sc, &st.tr
	sc.reset(src)
	defer sc.reset(nil)
	tr.Reset()
	// Nothing after the last finding matters (a limit finding sits inside
	// a text node that may go on for hundreds of MB).
	for _, a := range at {
		if a.line > sc.stopLine || a.line == sc.stopLine && a.col > sc.stopCol {
			sc.stopLine, sc.stopCol = a.line, a.col
		}
	}
	for _, n := range named {
		if n.line >= sc.stopLine {
			sc.stopLine, sc.stopCol = n.line+1, 0
		}
	}
	if sc.stopCol == math.MaxInt {
		sc.stopLine, sc.stopCol = sc.stopLine+1, 0
	}
	var placed []pathTarget // named findings placed on the current line
	quoted := 0
	defer func() {
		// Findings after the last tag (or where a broken message ends)
		// see the elements still open there.
		for _, a := range at {
			if tr.Depth() >= a.depth {
				fs[a.i].Path = tr.Path(a.depth)
			}
		}
	}()
	_ = sc.scan(func(t elemTag) bool {
		// Keep the text that follows when a finding waits on this line.
		defer func() { sc.keepText = len(at) > 0 && at[0].line == t.afterLine }()
		line, col := t.line, t.col
		// Findings placed before this tag see the elements open now.
		for len(at) > 0 && (at[0].line < line || at[0].line == line && at[0].col < col) {
			fs[at[0].i].Path = tr.Path(at[0].depth)
			at = at[1:]
		}
		if len(placed) > 0 && placed[0].line < line {
			placed = placed[:0]
		}
		for len(named) > 0 && named[0].line < line {
			named = named[1:] // no element of that name starts on its line
		}
		if t.end {
			// A finding at an end tag is about the element it closes,
			// and a simple-content one about the text before the tag.
			for len(at) > 0 && at[0].line == line && at[0].col == col {
				f := &fs[at[0].i]
				f.Path, f.Column = tr.Path(at[0].depth), t.charCol
				if f.Msg.Key == msgSimpleContent && len(f.Msg.Args) == 1 && t.text != nil && quoted < maxQuotedValues &&
					len(t.text) <= 200 && !bytes.ContainsAny(t.text, "\r\n") {
					f.Msg = msgSimpleValue.With(quote(string(t.text)), f.Msg.Args[0])
					quoted++
				}
				at = at[1:]
			}
			tr.End()
			return len(at)+len(named)+len(placed) > 0
		}
		tr.Start(t.start)
		for len(at) > 0 && at[0].line == line && at[0].col == col {
			fs[at[0].i].Path, fs[at[0].i].Column = tr.Path(at[0].depth), t.charCol
			at = at[1:]
		}
		name := tr.Name()
		for _, p := range placed {
			if p.depth == tr.Depth() && nameMatches(p.name, name) {
				// Two such elements start on the line: only their
				// parent is certain.
				fs[p.i].Path = tr.Path(p.depth - 1)
			}
		}
		for len(named) > 0 && named[0].line == line && nameMatches(named[0].name, name) {
			fs[named[0].i].Path = tr.Path(tr.Depth())
			named[0].depth = tr.Depth()
			placed = append(placed, named[0])
			named = named[1:]
		}
		return len(at)+len(named)+len(placed) > 0
	})
}

// annotateState is the memory [annotate] reuses from one message to the
// next: the scanner (with the names it has interned) and the tracker.
type annotateState struct {
	sc tagScanner
	tr xmlpath.Tracker
}

var annotateStates = sync.Pool{New: func() any {
	return &annotateState{sc: tagScanner{names: map[string]string{}, text: make([]byte, 0, 64)}}
}}

// clarkName parses "{uri}local" or "local".
func clarkName(s string) xml.Name {
	if rest, ok := strings.CutPrefix(s, "{"); ok {
		if uri, local, ok := strings.Cut(rest, "}"); ok {
			return xml.Name{Space: uri, Local: local}
		}
	}
	return xml.Name{Local: s}
}

func nameMatches(want, got xml.Name) bool {
	return want.Local == got.Local && (want.Space == "" || want.Space == got.Space)
}

// maxQuotedValues bounds how many values [annotate] quotes per message.
const maxQuotedValues = 200

func quote(s string) string {
	return `"` + strings.ReplaceAll(s, `"`, `\"`) + `"`
}

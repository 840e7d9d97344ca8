package stream

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
)

// tokensWithoutComments reads input and lists every token other than a
// comment (kind and position) and how the read ended.
func tokensWithoutComments(input string, chunk int, emit bool) []string {
	names, values := NewCache(), NewCache()
	var p Parser
	var r io.Reader = strings.NewReader(input)
	if chunk > 0 {
		r = chunkReader{r: r, n: chunk}
	}
	if err := p.ResetWithConfig(r, &names, &values, Config{EmitComments: emit}); err != nil {
		return []string{"reset: " + err.Error()}
	}
	var out []string
	for range 10000 {
		tok, err := p.Next()
		if err != nil {
			line, col := p.Pos()
			if errors.Is(err, io.EOF) {
				return append(out, fmt.Sprintf("EOF at %d:%d", line, col))
			}
			return append(out, fmt.Sprintf("error at %d:%d: %v", line, col, err))
		}
		if tok.Kind != KindComment {
			out = append(out, fmt.Sprintf("%v %d:%d %q", tok.Kind, tok.Line, tok.Column, tok.Data))
		}
	}
	return out
}

func checkCommentSkip(t *testing.T, input string) {
	t.Helper()
	for _, chunk := range []int{0, 1, 3} {
		skipped := tokensWithoutComments(input, chunk, false)
		emitted := tokensWithoutComments(input, chunk, true)
		if strings.Join(skipped, "\n") != strings.Join(emitted, "\n") {
			t.Fatalf("%q, chunks of %d: skipping comments reads\n%s\nemitting them\n%s", input, chunk,
				strings.Join(skipped, "\n"), strings.Join(emitted, "\n"))
		}
	}
}

var commentSkipCases = []string{
	"<!-- a plain comment --><root/>",
	"<root><!-- x - y --><a/>\n<!--\r\nline\rbreaks\n--> <b/></root>",
	"<root><!--a--b--></root>",
	"<root><!-- ends --->x</root>",
	"<root><!-- Straße € 😀 --><a/></root>",
	"<root><!--\t\x01--></root>",
	"<root><!--\xff--></root>",
	"<root><!--\ufffe--></root>",
	"<root><!-- unclosed",
	"<root><!-- -- -->",
	"<root><!----></root>",
	"<root><!--" + strings.Repeat("long comment ", 2000) + "--><after/></root>",
}

// FuzzCommentSkip: a comment read past (the parser's default) moves the
// reader exactly as one read into a token, and fails alike; go test runs it
// on commentSkipCases.
func FuzzCommentSkip(f *testing.F) {
	for _, c := range commentSkipCases {
		f.Add(c)
	}
	f.Fuzz(func(t *testing.T, input string) {
		if len(input) > 4096 {
			t.Skip()
		}
		checkCommentSkip(t, input)
	})
}

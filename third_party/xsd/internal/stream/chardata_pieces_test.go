package stream

import (
	"io"
	"strings"
	"testing"
	"unicode/utf8"
)

// The tests below cover a change that is not part of upstream jacoelho/xsd
// v0.4.0: long character data comes in pieces (see readCharDataRest and
// third_party/xsd/PATCHES.md).

// readText returns the character data tokens of the root element of doc.
func readText(t *testing.T, doc string) ([]string, error) {
	t.Helper()
	names, values := NewCache(), NewCache()
	var p Parser
	if err := p.Reset(strings.NewReader(doc), &names, &values); err != nil {
		t.Fatal(err)
	}
	var pieces []string
	for {
		tok, err := p.Next()
		if err != nil {
			if IsOnlyEOF(err) {
				return pieces, nil
			}
			return pieces, err
		}
		if tok.Kind == KindCharData {
			pieces = append(pieces, string(tok.Data))
		}
	}
}

func TestCharDataPieces(t *testing.T) {
	t.Parallel()
	piece := charDataPieceBytes(xmlInputBufferSize)
	unit := "Straße &amp; Maß\r\n€ ]] x" // multi-byte runes, an entity, CRLF, "]]" without ">"
	want := strings.ReplaceAll(strings.ReplaceAll(unit, "&amp;", "&"), "\r\n", "\n")
	n := 3*piece/len(want) + 7
	pieces, err := readText(t, "<a>"+strings.Repeat(unit, n)+"</a>")
	if err != nil {
		t.Fatal(err)
	}
	if len(pieces) < 3 {
		t.Fatalf("%d pieces for %d bytes of text, want at least 3", len(pieces), n*len(want))
	}
	for i, p := range pieces {
		if len(p) > piece+xmlInputBufferSize {
			t.Errorf("piece %d holds %d bytes, want at most about %d", i, len(p), piece)
		}
		if !utf8.ValidString(p) {
			t.Errorf("piece %d ends inside a character", i)
		}
	}
	if got := strings.Join(pieces, ""); got != strings.Repeat(want, n) {
		t.Errorf("pieces joined differ from the text (%d vs %d bytes)", len(got), n*len(want))
	}
}

// A "]]>" is refused wherever the pieces are cut.
func TestCharDataPiecesCDataEnd(t *testing.T) {
	t.Parallel()
	piece := charDataPieceBytes(xmlInputBufferSize)
	for _, at := range []int{piece - 2, piece - 1, piece, piece + 1} {
		text := strings.Repeat("x", at) + "]]>" + strings.Repeat("y", 10)
		if _, err := readText(t, "<a>"+text+"</a>"); err == nil || !strings.Contains(err.Error(), "]]>") {
			t.Errorf("\"]]>\" at %d: err = %v, want the ]]> error", at, err)
		}
	}
}

// A text that ends exactly where a piece is cut gives no empty token.
func TestCharDataPiecesExactEnd(t *testing.T) {
	t.Parallel()
	piece := charDataPieceBytes(xmlInputBufferSize)
	pieces, err := readText(t, "<a>"+strings.Repeat("z", 2*piece)+"</a>")
	if err != nil {
		t.Fatal(err)
	}
	for i, p := range pieces {
		if p == "" {
			t.Errorf("piece %d is empty", i)
		}
	}
	if got := len(strings.Join(pieces, "")); got != 2*piece {
		t.Errorf("%d bytes, want %d", got, 2*piece)
	}
}

// TestCharDataPiecesStayNearBufferSize: a piece takes no more of the
// buffer than fills it to the piece size (whole characters: up to three
// bytes more), wherever the text starts in the buffer, read from a reader
// in any chunks or in place.
func TestCharDataPiecesStayNearBufferSize(t *testing.T) {
	piece := charDataPieceBytes(xmlInputBufferSize)
	for _, lead := range []int{0, 100, xmlInputBufferSize / 2, xmlInputBufferSize - 10} {
		doc := "<r>" + strings.Repeat(" ", lead) + "<t>" + strings.Repeat("ab€", 3*piece/5) + "</t></r>"
		for _, chunk := range []int{0, 7000, readInPlace} {
			names, values := NewCache(), NewCache()
			var p Parser
			var err error
			if chunk == readInPlace {
				err = p.ResetBytesWithConfig([]byte(doc), &names, &values, Config{})
			} else {
				var r io.Reader = strings.NewReader(doc)
				if chunk > 0 {
					r = chunkReader{r: r, n: chunk}
				}
				err = p.ResetWithConfig(r, &names, &values, Config{})
			}
			if err != nil {
				t.Fatal(err)
			}
			for {
				tok, err := p.Next()
				if err != nil {
					break
				}
				if tok.Kind == KindCharData && len(tok.Data) > piece+utf8.UTFMax-1 {
					t.Fatalf("lead %d, chunks of %d: a piece of %d bytes, want at most %d", lead, chunk, len(tok.Data), piece+utf8.UTFMax-1)
				}
			}
		}
	}
}

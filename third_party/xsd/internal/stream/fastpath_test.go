package stream

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fastPathConfigs are the parser configurations the fast and the
// byte-by-byte paths are compared under: the validator's (lazy attribute
// values, limits), eager values with comments and PIs emitted, and token
// limits small enough to be reached inside names and texts.
var fastPathConfigs = []Config{
	{LazyAttrValues: true, Limits: Limits{MaxTokenBytes: 4 << 20, MaxAttrs: 4096}},
	{EmitComments: true, EmitPI: true},
	{LazyAttrValues: true, Limits: Limits{MaxTokenBytes: 7}},
	{Limits: Limits{MaxTokenBytes: 40, MaxAttrs: 2}},
}

// readInPlace is the chunk size of parseTrace that reads the input in
// place (ResetBytesWithConfig) instead of from a reader.
const readInPlace = -1

// parseTrace reads input twice with one parser and one pair of caches (the
// second time with the names the first left behind) and lists every token
// in full, with its position, and how each read ended and where.
func parseTrace(input string, chunk int, config Config, slow bool) string {
	names, values := NewCache(), NewCache()
	p := Parser{noFastPaths: slow}
	var out strings.Builder
	for pass := range 2 {
		var r io.Reader = strings.NewReader(input)
		if chunk > 0 {
			r = chunkReader{r: r, n: chunk}
		}
		fmt.Fprintf(&out, "pass %d\n", pass)
		var err error
		if chunk == readInPlace {
			data := []byte(input)
			defer func() {
				if string(data) != input {
					panic(fmt.Sprintf("the parser changed the document it read in place: %q", data))
				}
			}()
			err = p.ResetBytesWithConfig(data, &names, &values, config)
		} else {
			err = p.ResetWithConfig(r, &names, &values, config)
		}
		if err != nil {
			fmt.Fprintf(&out, "reset: %v\n", err)
			continue
		}
		for range 20000 {
			tok, err := p.Next()
			if err != nil {
				line, col := p.Pos()
				fmt.Fprintf(&out, "end at %d:%d: %v\n", line, col, err)
				break
			}
			fmt.Fprintf(&out, "%d %d:%d cdata=%v data=%q dir=%q", tok.Kind, tok.Line, tok.Column, tok.CDATA, tok.Data, tok.Directive)
			switch tok.Kind {
			case KindStart:
				fmt.Fprintf(&out, " <%s:%s>", tok.Start.Name.Space, tok.Start.Name.Local)
				for i := range tok.Start.Attr {
					a := &tok.Start.Attr[i]
					fmt.Fprintf(&out, " %s:%s=%q", a.Name.Space, a.Name.Local, a.StringValue(&values))
				}
			case KindEnd:
				fmt.Fprintf(&out, " </%s:%s>", tok.End.Name.Space, tok.End.Name.Local)
			}
			line, col := p.Pos()
			fmt.Fprintf(&out, " then at %d:%d\n", line, col)
		}
	}
	return out.String()
}

func checkFastPath(t *testing.T, input string) {
	t.Helper()
	for _, config := range fastPathConfigs {
		for _, chunk := range []int{0, 1, 3, 7} {
			fast := parseTrace(input, chunk, config, false)
			slow := parseTrace(input, chunk, config, true)
			if fast != slow {
				t.Fatalf("%q, chunks of %d, %+v: fast paths read\n%s\nbyte by byte\n%s", input, chunk, config, fast, slow)
			}
		}
		checkInPlace(t, input, config)
	}
}

// checkInPlace: a document read in place gives the tokens, positions and
// errors of the same bytes read from a bytes.Reader, by the fast paths and
// byte by byte, and is not changed (parseTrace panics if it is).
func checkInPlace(t *testing.T, input string, config Config) {
	t.Helper()
	for _, slow := range []bool{false, true} {
		stream := parseTrace(input, 0, config, slow)
		inPlace := parseTrace(input, readInPlace, config, slow)
		if stream != inPlace {
			t.Fatalf("%q, %+v, byte by byte %v: read from a reader\n%s\nin place\n%s", input, config, slow, stream, inPlace)
		}
	}
}

var fastPathCases = []string{
	"<root/>",
	"0000000]",
	"<?xml version=\"1.0\"?>\n<p:root xmlns:p=\"urn:x\" a=\"1\">\n  <p:a>text</p:a>\n  <b c='2'/>\n</p:root>\n",
	"<root>\r\n  <a>x\r\ny</a>\r  <b>\n\t</b>\n</root>",
	"<root>a &amp; b &lt; c &#x41; &#65; &bogus; </root>",
	"<root>]]></root>",
	"<root>a]b]]c]]]>d</root>",
	"<root>]x</root>",
	"<root>a]</root><r>a]]</r><r>a]>b] ]]</r>",
	"<root>" + strings.Repeat("x", xmlInputBufferSize-9) + "]]>" + "</root>",
	"<root>" + strings.Repeat("x", xmlInputBufferSize-8) + "]]>" + "</root>",
	"<root>" + strings.Repeat("x", xmlInputBufferSize-7) + "]]>" + "</root>",
	"<root><![CDATA[x<y]]]]><!-- c --><?pi v?></root>",
	"<root>Straße € 😀 \xc3</root>",
	"<root>bad \xff utf8</root>",
	"<root>ctl \x01 char</root>",
	"<root>\ufffe</root>",
	"<a:b:c/>",
	"<:a/>",
	"<a:/>",
	"<1a/>",
	"<a-b.c_d1/>",
	"<é/><a é='1'/>",
	"<root a=\"1\"b=\"2\"/>",
	"<root a = '1' ></root >",
	"<root></roo>",
	"< root/>",
	"</ root>",
	"<root",
	"<root>text",
	"<root>text<",
	"<root attr=\"unterminated",
	"<root><a\"b/></root>",
	"<!DOCTYPE root><root/>",
	"<root><x:y/><x:y/><y:x/><x:y></x:y></root>",
	"<abcdefghijklmnop/><root>abcdefghijklmnopqrstuvwxyz 0123456789</root>",
	"<root>" + strings.Repeat("0123456789\n", 7000) + "</root>",
	"<root>" + strings.Repeat("x", xmlInputBufferSize-8) + "<a/>" + strings.Repeat("y", 20) + "</root>",
	"<root>" + strings.Repeat("€", 30000) + "</root>",
	strings.Repeat(" ", xmlInputBufferSize-10) + "<root><averyveryverylongname/></root>",
	strings.Repeat("<a>", maxOpenNames+3) + "x" + strings.Repeat("</a>", maxOpenNames+3),
	strings.Repeat("<a>", maxOpenNames+1) + "<b></b></a><c></a>",
	"\xef\xbb\xbf<?xml version=\"1.0\" encoding=\"UTF-8\"?><root>bom</root>",
	"\xef\xbb\xbf<root/>",
	"\xef\xbb",
	"",
	"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><root/>",
	"<?xml version=\"1.1\"?><root/>",
	"<?xml version=\"1.0\"" + strings.Repeat(" ", xmlInputBufferSize) + "?><root/>",
	"\xef\xbb\xbf<?xml version=\"1.0\"" + strings.Repeat(" ", xmlInputBufferSize-30) + "?><root/>",
	"<root>" + strings.Repeat("x", 3*xmlInputBufferSize) + "</root>",
	"<root a=\"" + strings.Repeat("v", 2*xmlInputBufferSize) + "\"/>",
	"<" + strings.Repeat("n", 2*xmlInputBufferSize) + "/>",
	"<root><![CDATA[" + strings.Repeat("c", 2*xmlInputBufferSize) + "]]></root>",
}

func TestFastPathsReadAsByteByByte(t *testing.T) {
	for _, c := range fastPathCases {
		checkFastPath(t, c)
	}
}

// TestFastPathsReadCorpusAsByteByByte compares the two ways on the
// messages of the parser benchmark, when the shared corpus is there.
func TestFastPathsReadCorpusAsByteByByte(t *testing.T) {
	dir := corpusXOEVDir()
	if dir == "" {
		t.Skip("shared corpus not found (set OZGCTL_CORPUS)")
	}
	for _, m := range corpusMessages {
		data, err := os.ReadFile(filepath.Join(dir, m.path))
		if err != nil {
			t.Skip(err)
		}
		for _, config := range fastPathConfigs[:2] {
			fast := parseTrace(string(data), 0, config, false)
			if slow := parseTrace(string(data), 0, config, true); fast != slow {
				t.Fatalf("%s: the fast paths read otherwise than byte by byte", m.name)
			}
			if inPlace := parseTrace(string(data), readInPlace, config, false); inPlace != fast {
				t.Fatalf("%s: read in place otherwise than from a reader", m.name)
			}
		}
	}
}

// FuzzFastPaths: the fast paths read the same tokens at the same positions
// and fail alike as the byte-by-byte path, in reads of every size; go test
// runs it on fastPathCases.
func FuzzFastPaths(f *testing.F) {
	for _, c := range fastPathCases {
		if len(c) <= 4096 {
			f.Add(c)
		}
	}
	f.Fuzz(func(t *testing.T, input string) {
		if len(input) > 4096 {
			t.Skip()
		}
		checkFastPath(t, input)
	})
}

// TestAttributeValueChunkLenEightAtATime: the eight-byte scan of an
// attribute value stops where a byte-by-byte scan does, for each stopping
// byte at each place in and after the first eight bytes.
func TestAttributeValueChunkLenEightAtATime(t *testing.T) {
	byteByByte := func(chunk []byte, quote byte) int {
		for i, b := range chunk {
			if b >= 0x80 || b < 0x20 || b == quote || b == '<' || b == '&' {
				return i
			}
		}
		return len(chunk)
	}
	for _, quote := range []byte{'"', '\''} {
		for stop := range 256 {
			for at := range 20 {
				chunk := []byte(strings.Repeat("value-x_", 3))
				if at < len(chunk) {
					chunk[at] = byte(stop)
				}
				for end := range len(chunk) + 1 {
					if got, want := attributeValueChunkLen(chunk[:end], quote), byteByByte(chunk[:end], quote); got != want {
						t.Fatalf("%q quote %q: %d, byte by byte %d", chunk[:end], quote, got, want)
					}
				}
			}
		}
	}
}

// TestFastPathsAreTaken: on plain input the fast paths run (so that the
// comparisons above compare two ways): a text is a slice of the input
// buffer, a name is in the table of read names, and an end tag is
// predicted from the open element.
func TestFastPathsAreTaken(t *testing.T) {
	names, values := NewCache(), NewCache()
	var p Parser
	if err := p.Reset(strings.NewReader("<p:root a='1'>text\n more</p:root>"), &names, &values); err != nil {
		t.Fatal(err)
	}
	start, err := p.Next()
	if err != nil || start.Kind != KindStart {
		t.Fatal(start, err)
	}
	if got := p.qnames.entries[qnameSlot([]byte("p:root"))]; got != start.Start.Name {
		t.Fatalf("read names table holds %v for p:root", got)
	}
	if len(p.open) != 1 {
		t.Fatalf("open elements %v", p.open)
	}
	text, err := p.Next()
	if err != nil || string(text.Data) != "text\n more" {
		t.Fatal(text, err)
	}
	if &text.Data[0] != &p.br.buf[14] {
		t.Fatal("a plain text was copied, not read from the buffer")
	}
	end, err := p.Next()
	if err != nil || end.End.Name != start.Start.Name || len(p.open) != 0 {
		t.Fatal(end, err, p.open)
	}
}

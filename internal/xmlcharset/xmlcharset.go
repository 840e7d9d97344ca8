// Package xmlcharset gives encoding/xml decoders the character encodings
// real standard artefacts use (ISO-8859-1, windows-1252, UTF-16 …), through
// the IANA registry of golang.org/x/text.
package xmlcharset

import (
	"fmt"
	"io"
	"strings"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/ianaindex"
	"golang.org/x/text/transform"
)

// Reader converts input in the encoding named by label to UTF-8; it fits
// xml.Decoder.CharsetReader.
func Reader(label string, input io.Reader) (io.Reader, error) {
	enc, err := ianaindex.IANA.Encoding(strings.ToLower(label))
	if err != nil || enc == nil {
		return nil, fmt.Errorf("unsupported character encoding %q", label)
	}
	if enc == encoding.Nop {
		return input, nil
	}
	return transform.NewReader(input, enc.NewDecoder()), nil
}

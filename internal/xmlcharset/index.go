package xmlcharset

import (
	"errors"
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/transform"
)

// ianaEncoding returns the decoder golang.org/x/text's IANA index
// (encoding/ianaindex) gives for name, nil for a name it does not know or
// has no decoder for. It searches ianaNames, a table the linker lays out:
// importing ianaindex would make its map of ~800 names in every process
// (55 KB, ~17 page faults) for the rare document not in UTF-8.
func ianaEncoding(name string) encoding.Encoding {
	name = strings.ToLower(strings.TrimSpace(name))
	i, ok := slices.BinarySearchFunc(ianaNames[:], name, func(e struct {
		name string
		enc  uint8
	}, name string) int {
		return strings.Compare(e.name, name)
	})
	if !ok {
		return nil
	}
	return ianaDecoder(ianaNames[i].enc)
}

// ascii is US-ASCII as x/text's IANA index has it (its own, unexported):
// a byte above 0x7F decodes to U+FFFD.
var ascii encoding.Encoding = asciiEncoding{}

type asciiEncoding struct{}

func (asciiEncoding) NewDecoder() *encoding.Decoder {
	return &encoding.Decoder{Transformer: asciiTransformer{decode: true}}
}

// NewEncoder is there for the interface; documents are only decoded.
func (asciiEncoding) NewEncoder() *encoding.Encoder {
	return &encoding.Encoder{Transformer: asciiTransformer{}}
}

func (asciiEncoding) String() string { return "US-ASCII" }

// errNotASCII is the encoder's error for a rune above U+007F.
var errNotASCII = errors.New("xmlcharset: rune not in US-ASCII")

// asciiTransformer copies ASCII bytes; a byte above 0x7F decodes to
// U+FFFD and cannot be encoded.
type asciiTransformer struct {
	transform.NopResetter
	decode bool
}

func (t asciiTransformer) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	for _, c := range src {
		if c >= utf8.RuneSelf {
			if !t.decode {
				return nDst, nSrc, errNotASCII
			}
			if nDst+utf8.RuneLen(utf8.RuneError) > len(dst) {
				return nDst, nSrc, transform.ErrShortDst
			}
			nDst += utf8.EncodeRune(dst[nDst:], utf8.RuneError)
			nSrc++
			continue
		}
		if nDst >= len(dst) {
			return nDst, nSrc, transform.ErrShortDst
		}
		dst[nDst] = c
		nDst++
		nSrc++
	}
	return nDst, nSrc, nil
}

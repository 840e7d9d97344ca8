package runtime

import (
	"math/rand/v2"
	"testing"
)

// base64ByteByByte is the scan appendBase64Text replaces: append for every
// byte, remembering the last data byte.
func base64ByteByByte(pieces ...[]byte) (base64BinaryScan, byte, bool) {
	var s base64BinaryScan
	var last byte
	for _, p := range pieces {
		for _, b := range p {
			data, err := s.append(b)
			if err != nil {
				return s, last, false
			}
			if data {
				last = b
			}
		}
	}
	return s, last, true
}

func base64InPieces(pieces ...[]byte) (base64BinaryScan, byte, bool) {
	var s base64BinaryScan
	var last byte
	for _, p := range pieces {
		var err error
		if last, err = appendBase64Text(&s, p, last); err != nil {
			return s, last, false
		}
	}
	return s, last, true
}

func checkBase64Pieces(t *testing.T, pieces ...[]byte) {
	t.Helper()
	ws, wl, wok := base64ByteByByte(pieces...)
	gs, gl, gok := base64InPieces(pieces...)
	if gok != wok || gok && (gs != ws || gl != wl) {
		t.Fatalf("pieces %q: got scan %+v last %q ok %v, byte by byte %+v %q %v", pieces, gs, gl, gok, ws, wl, wok)
	}
}

func TestAppendBase64Text(t *testing.T) {
	for _, tc := range [][]string{
		{""},
		{"QUJD"},
		{"QU JD\n\tRA==", ""},
		{"QUJ", "DRA", "=="},
		{"QUJDRA=", "="},
		{"QUJDRA==", "x"},
		{"QUJDRA=", " ", "QQ"},
		{"QU-D"},
		{"QUJD", "\x00"},
		{"  ", "\r\n", "AA=="},
		{"+/+/", "09az", "AZ=="},
		{"\xc3\xa4AAA"},
		{"AAA\x80"},
		{"[]{}@`"},
	} {
		pieces := make([][]byte, len(tc))
		for i, p := range tc {
			pieces[i] = []byte(p)
		}
		checkBase64Pieces(t, pieces...)
	}
	// Every byte value alone, after data and after padding.
	for b := range 256 {
		checkBase64Pieces(t, []byte{byte(b)})
		checkBase64Pieces(t, []byte("QUJD"), []byte{byte(b), 'A'})
		checkBase64Pieces(t, []byte("QUI="), []byte{byte(b)})
	}
	// Random texts over a small alphabet that mixes data, whitespace,
	// padding and invalid bytes, cut at random places.
	const alphabet = "AZaz09+/= \n\t\r-\x00\xff"
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		text := make([]byte, rng.IntN(24))
		for i := range text {
			text[i] = alphabet[rng.IntN(len(alphabet))]
		}
		var pieces [][]byte
		for rest := text; ; {
			n := rng.IntN(len(rest) + 1)
			pieces = append(pieces, rest[:n])
			rest = rest[n:]
			if len(rest) == 0 {
				break
			}
		}
		checkBase64Pieces(t, pieces...)
	}
}

func FuzzAppendBase64Text(f *testing.F) {
	f.Add([]byte("QUJDRA=="), uint8(3))
	f.Add([]byte("QU JD\nRA=\n="), uint8(5))
	f.Add([]byte("QUJD=A"), uint8(0))
	f.Fuzz(func(t *testing.T, text []byte, cut uint8) {
		c := int(cut) % (len(text) + 1)
		checkBase64Pieces(t, text[:c], text[c:])
	})
}

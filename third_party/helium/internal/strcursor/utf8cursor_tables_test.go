package strcursor

import "testing"

// TestByteClassTables (ozgctl patch): the literal tables equal the ones
// upstream built in init.
func TestByteClassTables(t *testing.T) {
	if charDataByteClass != buildCharDataByteClass() {
		t.Error("charDataByteClass differs from upstream's construction")
	}
	if ncNameByteClass != buildNCNameByteClass() {
		t.Error("ncNameByteClass differs from upstream's construction")
	}
}

func buildCharDataByteClass() [256]uint8 {
	var tbl [256]uint8
	for i := range 0x80 {
		tbl[i] = 0
	}
	for i := range 0x20 {
		tbl[i] = 1
	}
	tbl['\t'] = 0
	tbl['\n'] = 0
	tbl['<'] = 1
	tbl['&'] = 1
	tbl['\r'] = 1
	tbl[']'] = 1
	for i := 0x80; i < 0x100; i++ {
		tbl[i] = 1
	}
	return tbl
}

func buildNCNameByteClass() [256]uint8 {
	var tbl [256]uint8
	for i := range 0x100 {
		tbl[i] = 1
	}
	for i := 'A'; i <= 'Z'; i++ {
		tbl[i] = 0
	}
	for i := 'a'; i <= 'z'; i++ {
		tbl[i] = 0
	}
	for i := '0'; i <= '9'; i++ {
		tbl[i] = 0
	}
	tbl['_'] = 0
	tbl['-'] = 0
	tbl['.'] = 0
	return tbl
}

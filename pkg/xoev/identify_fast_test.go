package xoev

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/ozgctl/ozgctl/internal/testcorpus"
)

// sameIdentity checks that identifyBytes either declines data or gives
// exactly what Identify gives, and returns whether it answered.
func sameIdentity(t *testing.T, name string, data []byte) bool {
	t.Helper()
	got, ok := identifyBytes(data)
	if !ok {
		return false
	}
	want, err := identify(bytes.NewReader(data))
	if err != nil {
		t.Errorf("%s: identifyBytes answered %+v where Identify fails: %v", name, got, err)
		return true
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s:\n fast     %+v\n Identify %+v", name, got, want)
	}
	return true
}

// TestIdentifyBytesTable: the plain form is read, everything else is left
// to Identify.
func TestIdentifyBytesTable(t *testing.T) {
	head := `<x:n xmlns:x="urn:xoev-de:xbau:2.6"><x:nachrichtenkopf.g2g><x:nachrichtentyp>0200 Antrag</x:nachrichtentyp><x:erstellungszeitpunkt>2026-01-01T00:00:00Z</x:erstellungszeitpunkt></x:nachrichtenkopf.g2g><x:a/></x:n>`
	for _, tc := range []struct {
		name, doc string
		fast      bool
	}{
		{"header", head, true},
		{"declaration and comment", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- c -->\n" + head + "\n", true},
		{"crlf", strings.ReplaceAll("<?xml version=\"1.0\"?>\n"+strings.ReplaceAll(head, "0200 Antrag", "0200\nAntrag"), "\n", "\r\n"), true},
		{"xjustiz", `<x:n xmlns:x="http://www.xjustiz.de"><x:nachrichtenkopf xjustizVersion="3.5.1"><x:erstellungszeitpunkt>2026</x:erstellungszeitpunkt></x:nachrichtenkopf></x:n>`, true},
		{"root attributes", `<n xmlns="urn:a" standard="xyz" p:version="1.1" xmlns:p="urn:p"/>`, true},
		{"no header", `<n xmlns="urn:x:2"><a/><b>t</b><c/><d/></n>`, true},
		{"latin-1", `<?xml version="1.0" encoding="ISO-8859-1"?><n/>`, false},
		{"bom", "\ufeff<n/>", false},
		{"entity", `<n><nachrichtenkopf><autor>A &amp; B</autor></nachrichtenkopf></n>`, false},
		{"cdata", `<n><nachrichtenkopf><autor><![CDATA[x]]></autor></nachrichtenkopf></n>`, false},
		{"comment in body", `<n><!-- c --><a/></n>`, true},
		{"comment in a header value", `<n><nachrichtenkopf><autor>A<!-- c -->B</autor><leser> L <!--x--> M <!----></leser></nachrichtenkopf></n>`, true},
		{"double hyphen in a comment", `<n><!-- a -- b --><a/></n>`, false},
		{"unclosed comment", `<n><!-- c <a/></n>`, false},
		{"comment after the root", `<n/><!-- c -->`, false},
		{"unbound prefix", `<p:n/>`, false},
		{"mismatched end", `<n><a></b></n>`, false},
		{"text before root", `x<n/>`, false},
		{"doctype", `<!DOCTYPE n><n/>`, false},
		{"unquoted attribute", `<n a=b/>`, false},
		{"duplicate attribute", `<n a="1" a="2"/>`, false},
		{"cut off", `<n><a>`, true},
		{"long run", "<n><nachrichtenkopf><autor>" + strings.Repeat("a", maxPlainRun) + "</autor></nachrichtenkopf></n>", false},
		{"second root", `<n/><m/>`, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := sameIdentity(t, tc.name, []byte(tc.doc)); got != tc.fast {
				t.Errorf("answered = %v, want %v", got, tc.fast)
			}
		})
	}
}

// TestIdentifyBytesCorpus: on every message of the examples, the test data
// and the shared corpus (when present), and on each cut short at every
// 97th byte, identifyBytes agrees with Identify or declines.
func TestIdentifyBytesCorpus(t *testing.T) {
	dirs := []string{"testdata", filepath.Join("..", "..", "examples")}
	if c := tryCorpusDir(); c != "" {
		dirs = append(dirs, c)
	}
	files, answered := 0, 0
	for _, dir := range dirs {
		filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.EqualFold(filepath.Ext(p), ".xml") {
				return nil
			}
			data, err := os.ReadFile(p)
			if err != nil || len(data) > 4<<20 {
				return nil
			}
			files++
			if sameIdentity(t, p, data) {
				answered++
			}
			for cut := 1; cut < len(data) && cut < 8<<10; cut += 97 {
				sameIdentity(t, p+" cut", data[:cut])
			}
			return nil
		})
	}
	if answered == 0 || answered*2 < files {
		t.Errorf("identifyBytes answered for %d of %d messages: the fast path is not taken", answered, files)
	}
	t.Logf("identifyBytes answered for %d of %d messages", answered, files)
}

// FuzzIdentifyBytes: identifyBytes never answers differently from Identify.
func FuzzIdentifyBytes(f *testing.F) {
	f.Add([]byte(`<?xml version="1.0"?><x:n xmlns:x="http://www.xjustiz.de"><x:nachrichtenkopf xjustizVersion="3.5.1"><x:autor>a b</x:autor></x:nachrichtenkopf></x:n>`))
	f.Add([]byte("<n xmlns='urn:x:1.0'>\r\n<kopf><leser>x</leser></kopf></n>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		sameIdentity(t, "fuzz", data)
	})
}

// tryCorpusDir returns shared/corpus/xoev, or "" without it.
func tryCorpusDir() string {
	if d := testcorpus.Dir(); d != "" {
		return filepath.Join(d, "xoev")
	}
	return ""
}

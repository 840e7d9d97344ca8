package diff

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/ozgctl/ozgctl/internal/testcorpus"
)

// variant copies testdata/base into a temporary directory, applying the
// replacements old → new to the named file ("*": to whichever file has
// the old text), and loads it.
func variant(t *testing.T, file string, repl ...string) *Set {
	t.Helper()
	dir := t.TempDir()
	if file == "*" {
		for i := 0; i+1 < len(repl); i += 2 {
			found := false
			for _, f := range []string{"demo.xsd", "demo-types.xsd"} {
				data, _ := os.ReadFile(filepath.Join("testdata", "base", f))
				if strings.Contains(string(data), repl[i]) {
					found = true
				}
			}
			if !found {
				t.Fatalf("no file contains %q", repl[i])
			}
		}
	}
	for _, f := range []string{"demo.xsd", "demo-types.xsd"} {
		data, err := os.ReadFile(filepath.Join("testdata", "base", f))
		if err != nil {
			t.Fatal(err)
		}
		s := string(data)
		if file == "*" {
			for i := 0; i+1 < len(repl); i += 2 {
				s = strings.ReplaceAll(s, repl[i], repl[i+1])
			}
		} else if f == file {
			for i := 0; i+1 < len(repl); i += 2 {
				if !strings.Contains(s, repl[i]) {
					t.Fatalf("%s does not contain %q", f, repl[i])
				}
				s = strings.Replace(s, repl[i], repl[i+1], 1)
			}
		}
		if err := os.WriteFile(filepath.Join(dir, f), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	set, err := Load(context.Background(), dir, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return set
}

// TestGeneratedPairs changes one thing per pair and expects that change
// with its effect on senders and receivers.
func TestGeneratedPairs(t *testing.T) {
	tests := []struct {
		name               string
		file               string
		repl               []string
		kind, path, what   string
		senders, receivers Effect
	}{
		{"optional element added", "demo-types.xsd", []string{`<xs:element name="vorname" type="d:Text200" minOccurs="0"/>`,
			`<xs:element name="vorname" type="d:Text200" minOccurs="0"/><xs:element name="rufname" type="d:Text200" minOccurs="0"/>`},
			"added", "/demo.antrag.0100/antragsteller/rufname", "", compatible, breaks},
		{"required element added", "demo-types.xsd", []string{`<xs:element name="vorname" type="d:Text200" minOccurs="0"/>`,
			`<xs:element name="vorname" type="d:Text200" minOccurs="0"/><xs:element name="geburtsdatum" type="xs:date"/>`},
			"added", "/demo.antrag.0100/antragsteller/geburtsdatum", "", breaks, breaks},
		{"element removed", "demo.xsd", []string{`<xs:element name="bemerkung" type="d:Text200" minOccurs="0"/>`, ``},
			"removed", "/demo.antrag.0100/bemerkung", "", breaks, compatible},
		{"cardinality up", "demo.xsd", []string{`name="bemerkung" type="d:Text200" minOccurs="0"`, `name="bemerkung" type="d:Text200"`},
			"changed", "/demo.antrag.0100/bemerkung", "cardinality", breaks, compatible},
		{"max raised", "demo.xsd", []string{`maxOccurs="3"`, `maxOccurs="unbounded"`},
			"changed", "/demo.antrag.0100/antragsteller", "cardinality", compatible, breaks},
		{"max lowered", "demo.xsd", []string{`maxOccurs="3"`, `maxOccurs="2"`},
			"changed", "/demo.antrag.0100/antragsteller", "cardinality", breaks, compatible},
		{"facet tighter", "demo-types.xsd", []string{`<xs:maxLength value="200"/>`, `<xs:maxLength value="100"/>`},
			"changed", "/demo.antrag.0100/bemerkung", "facet.maxLength", breaks, compatible},
		{"facet looser", "demo-types.xsd", []string{`<xs:maxLength value="200"/>`, `<xs:maxLength value="255"/>`},
			"changed", "/demo.antrag.0100/bemerkung", "facet.maxLength", compatible, breaks},
		{"pattern added", "demo-types.xsd", []string{`<xs:maxLength value="200"/>`, `<xs:maxLength value="200"/><xs:pattern value="[A-Z].*"/>`},
			"changed", "/demo.antrag.0100/bemerkung", "facet.pattern", breaks, compatible},
		{"enumeration value removed", "demo-types.xsd", []string{`<xs:enumeration value="abgelehnt"/>`, ``},
			"changed", "/demo.quittung.0101/status", "enumeration", breaks, compatible},
		{"enumeration value added", "demo-types.xsd", []string{`<xs:enumeration value="abgelehnt"/>`, `<xs:enumeration value="abgelehnt"/><xs:enumeration value="offen"/>`},
			"changed", "/demo.quittung.0101/status", "enumeration", compatible, breaks},
		{"code list version", "demo-types.xsd", []string{`fixed="2"`, `fixed="3"`},
			"changed", "/demo.antrag.0100/antragsteller/geschlecht/@listVersionID", "codelist", breaks, breaks},
		{"type changed", "demo.xsd", []string{`<xs:element name="email" type="xs:string"/>`, `<xs:element name="email" type="xs:anyURI"/>`},
			"changed", "/demo.antrag.0100/email", "base", breaks, breaks},
		{"type renamed", "*", []string{`type="d:Status"`, `type="d:Quittungsstatus"`, `<xs:simpleType name="Status">`, `<xs:simpleType name="Quittungsstatus">`},
			"changed", "/demo.quittung.0101/status", "type", compatible, compatible},
		{"message added", "demo.xsd", []string{`</xs:schema>`, `<xs:element name="demo.storno.0102" type="d:Kopf"/></xs:schema>`},
			"added", "/demo.storno.0102", "message", compatible, breaks},
		{"message removed", "demo.xsd", []string{`<xs:element name="demo.quittung.0101">`, `<xs:element name="demo.quittung">`},
			"removed", "/demo.quittung.0101", "message", breaks, compatible},
	}
	old := variant(t, "")
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := Compare(old, variant(t, tc.file, tc.repl...))
			var found *Change
			for i, c := range res.Changes {
				if c.Kind == tc.kind && c.Path == tc.path && c.What == tc.what {
					found = &res.Changes[i]
				}
			}
			if found == nil {
				t.Fatalf("no %s %s %s; got %+v", tc.kind, tc.path, tc.what, res.Changes)
			}
			if found.Senders != tc.senders || found.Receivers != tc.receivers {
				t.Errorf("senders %s receivers %s, want %s %s", found.Senders, found.Receivers, tc.senders, tc.receivers)
			}
		})
	}
}

// TestUnseenRestructurings: a new namespace, renamed and split files do
// not change any path; the set compares equal.
func TestUnseenRestructurings(t *testing.T) {
	old := variant(t, "")
	dir := t.TempDir()
	// One file under a new name, with a new namespace and prefix.
	main, _ := os.ReadFile(filepath.Join("testdata", "base", "demo.xsd"))
	types, _ := os.ReadFile(filepath.Join("testdata", "base", "demo-types.xsd"))
	body := string(types)
	body = body[strings.Index(body, "<xs:complexType"):strings.LastIndex(body, "</xs:schema>")]
	merged := strings.Replace(string(main), `<xs:include schemaLocation="demo-types.xsd"/>`, body, 1)
	merged = strings.ReplaceAll(merged, "urn:demo:1", "urn:demo:2")
	merged = strings.ReplaceAll(merged, "d:", "neu:")
	merged = strings.ReplaceAll(merged, "xmlns:d=", "xmlns:neu=")
	if err := os.WriteFile(filepath.Join(dir, "alles-in-einem.xsd"), []byte(merged), 0o644); err != nil {
		t.Fatal(err)
	}
	nw, err := Load(context.Background(), dir, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	res := Compare(old, nw)
	if len(res.Changes) != 0 {
		t.Errorf("changes %+v", res.Changes)
	}
	if len(old.Messages) != 2 || len(old.Messages["demo.antrag.0100"]) < 10 {
		t.Errorf("messages %v", old.Messages)
	}
}

// TestEntrySchema loads a version from its entry XSD (the include closure).
func TestEntrySchema(t *testing.T) {
	set, err := Load(context.Background(), filepath.Join("testdata", "base", "demo.xsd"), LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(set.Files) != 2 || len(set.Messages) != 2 {
		t.Errorf("files %v, messages %d", set.Files, len(set.Messages))
	}
}

// TestXBeteiligung compares the real 1.2 and 1.3 schema sets.
func TestXBeteiligung(t *testing.T) {
	root := testcorpus.Dir()
	if root == "" {
		t.Skip("shared/corpus not found")
	}
	dir := filepath.Join(root, "xoev", "xbeteiligung")
	old, err := Load(context.Background(), filepath.Join(dir, "1.2", "xsd"), LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	nw, err := Load(context.Background(), filepath.Join(dir, "1.3", "xsd"), LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	res := Compare(old, nw)
	if len(old.Messages) != len(nw.Messages) || len(old.Messages) < 50 {
		t.Errorf("messages: %d and %d", len(old.Messages), len(nw.Messages))
	}
	want := map[string]string{
		"/planfeststellung.Aktualisieren.0202/nachrichteninhalt/beteiligung/verfahrensschritt": "added",
		"/kommunal.Initiieren.0401/nachrichteninhalt/beteiligung/durchgang":                    "removed",
	}
	for _, c := range res.Changes {
		if k, ok := want[c.Path]; ok && k == c.Kind {
			delete(want, c.Path)
		}
	}
	if len(want) > 0 {
		t.Errorf("changes not found: %v", want)
	}
	sch, err := jsonschema.NewCompiler().Compile("../../../schemas/xoev-diff.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := WriteJSON(&b, res, "de"); err != nil {
		t.Fatal(err)
	}
	v, err := jsonschema.UnmarshalJSON(&b)
	if err != nil {
		t.Fatal(err)
	}
	if err := sch.Validate(v); err != nil {
		t.Error(err)
	}
	b.Reset()
	for _, lang := range []string{"de", "en"} {
		if err := WriteText(&b, res, lang); err != nil {
			t.Fatal(err)
		}
	}
}

// TestTexts checks that every text key has German and English.
func TestTexts(t *testing.T) {
	for k, v := range texts.Get() {
		if v.DE == "" || v.EN == "" {
			t.Errorf("key %s: %q", k, v)
		}
	}
}

// TestSplitNamespace: the types move into a namespace of their own,
// imported by the message schema; no path changes.
func TestSplitNamespace(t *testing.T) {
	old := variant(t, "")
	dir := t.TempDir()
	main, _ := os.ReadFile(filepath.Join("testdata", "base", "demo.xsd"))
	types, _ := os.ReadFile(filepath.Join("testdata", "base", "demo-types.xsd"))
	m := strings.Replace(string(main), `<xs:include schemaLocation="demo-types.xsd"/>`,
		`<xs:import namespace="urn:demo:typen" schemaLocation="typen/typen.xsd"/>`, 1)
	m = strings.Replace(m, `xmlns:d="urn:demo:1"`, `xmlns:d="urn:demo:typen" xmlns:m="urn:demo:1"`, 1)
	ty := strings.ReplaceAll(string(types), "urn:demo:1", "urn:demo:typen")
	if err := os.MkdirAll(filepath.Join(dir, "typen"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "nachrichten.xsd"), []byte(m), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "typen", "typen.xsd"), []byte(ty), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, src := range []string{dir, filepath.Join(dir, "nachrichten.xsd")} {
		nw, err := Load(context.Background(), src, LoadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if res := Compare(old, nw); len(res.Changes) != 0 {
			t.Errorf("%s: changes %+v", src, res.Changes)
		}
	}
}

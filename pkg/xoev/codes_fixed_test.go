package xoev

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	hxsd "github.com/lestrrat-go/helium/xsd"

	"github.com/ozgctl/ozgctl/internal/testcorpus"
	"github.com/ozgctl/ozgctl/pkg/codelist"
	"github.com/ozgctl/ozgctl/pkg/finding"
)

// xbauDir holds the XBau 2.6 schema set (the self-contained xsd_dev
// variant of the release), bundled with the example profile.
const xbauDir = "../../examples/profiles/xbau/xsd"

// TestFixedListURIAnlageart is the case of issue 10: XBau's anlageart
// (type xbau:Code.AnlageArt) fixes listURI in the schema; a message that
// leaves it out and carries a code that is not in the list must fail, and
// the finding says where the list came from.
func TestFixedListURIAnlageart(t *testing.T) {
	t.Parallel()
	set, err := LoadSchemaSet(context.Background(), filepath.Join(xbauDir, "xbau-nachrichten-baugenehmigung.xsd"), LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile("../../examples/profiles/tests/xbau-2.6/valid/antrag.xml")
	if err != nil {
		t.Fatal(err)
	}
	const valid = `<anlageart listVersionID="3.0"><code>0100</code></anlageart>`
	if !strings.Contains(string(src), valid) {
		t.Fatalf("example message has no %s", valid)
	}
	res := codelist.NewDirResolver("testdata/corpus/xbau/codelists")
	check := func(doc string) []finding.Finding {
		t.Helper()
		fs, err := checkCodes(context.Background(), set, strings.NewReader(doc), CodeCheckOptions{Resolver: res})
		if err != nil {
			t.Fatal(err)
		}
		var out []finding.Finding
		for _, f := range fs {
			if strings.HasSuffix(f.Path, "/anlageart[1]") {
				out = append(out, f)
			}
		}
		return out
	}
	if fs := check(string(src)); len(fs) != 0 {
		t.Fatalf("code 0100 of anlagen 3.0: want no finding, got %+v", fs)
	}
	bad := strings.Replace(string(src), valid, `<anlageart listVersionID="3.0"><code>0177</code></anlageart>`, 1)
	fs := check(bad)
	if len(fs) != 1 || fs[0].Rule != ruleInvalidCode || fs[0].Severity != finding.Error {
		t.Fatalf("code 0177: want one %s error, got %+v", ruleInvalidCode, fs)
	}
	en := fs[0].Text("en")
	for _, want := range []string{`"0177"`, "urn:xoev-de:xbau:codeliste:anlagen version 3.0", "from the schema", "Code.AnlageArt", "listURI urn:xoev-de:xbau:codeliste:anlagen (fixed)"} {
		if !strings.Contains(en, want) {
			t.Errorf("English message %q lacks %q", en, want)
		}
	}
	de := fs[0].Text("de")
	for _, want := range []string{`Code "0177" ist nicht in der Codeliste urn:xoev-de:xbau:codeliste:anlagen Version 3.0`, "aus dem Schema", "Code.AnlageArt", "listURI urn:xoev-de:xbau:codeliste:anlagen (fest)"} {
		if !strings.Contains(de, want) {
			t.Errorf("German message %q lacks %q", de, want)
		}
	}
}

// fixedCodeType is a complex type of the XBau schema set that fixes (or
// defaults) listURI, as a plain scan of the schema documents finds it.
type fixedCodeType struct {
	ns, name, listURI, version string
	used                       bool // some element declaration names it as its type
	// typ1: the code child's type enumerates the codes (XÖV Typ 1), which
	// the XSD checks; the code-list check leaves these alone.
	typ1     bool
	codeType string
}

var (
	reComplexType = regexp.MustCompile(`(?s)<xs:complexType\s+name="([^"]+)".*?</xs:complexType>`)
	reAttrListURI = regexp.MustCompile(`(?s)<xs:attribute\s+name="listURI"[^>]*?(?:fixed|default)="([^"]*)"`)
	reAttrVersion = regexp.MustCompile(`(?s)<xs:attribute\s+name="listVersionID"[^>]*?(?:fixed|default)="([^"]*)"`)
	reTNS         = regexp.MustCompile(`targetNamespace="([^"]*)"`)
	reCodeChild   = regexp.MustCompile(`<xs:element\s[^>]*name="code"[^>]*type="(?:[^":]*:)?([^"]+)"`)
	reEnumType    = regexp.MustCompile(`(?s)<xs:simpleType\s+name="([^"]+)"(?:(?:[^<]|<[^/]|</[^x]|</xs:[^s])*?)<xs:enumeration`)
)

// scanFixedCodeTypes finds the fixed-listURI code types of the XBau
// schema documents with regular expressions, independently of the code
// under test.
func scanFixedCodeTypes(t *testing.T) map[string]*fixedCodeType {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(xbauDir, "*.xsd"))
	out := map[string]*fixedCodeType{}
	var all strings.Builder
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		all.Write(data)
		tns := reTNS.FindSubmatch(data)
		if tns == nil {
			continue
		}
		for _, m := range reComplexType.FindAllSubmatch(data, -1) {
			u := reAttrListURI.FindSubmatch(m[0])
			if u == nil {
				continue
			}
			ct := &fixedCodeType{ns: string(tns[1]), name: string(m[1]), listURI: string(u[1])}
			if v := reAttrVersion.FindSubmatch(m[0]); v != nil {
				ct.version = string(v[1])
			}
			if c := reCodeChild.FindSubmatch(m[0]); c != nil {
				ct.codeType = string(c[1])
			} else if strings.Contains(string(m[0]), "<xs:enumeration") {
				ct.typ1 = true // an anonymous simple type enumerates the codes
			}
			out["{"+ct.ns+"}"+ct.name] = ct
		}
	}
	enums := map[string]bool{}
	for _, m := range reEnumType.FindAllStringSubmatch(all.String(), -1) {
		enums[m[1]] = true
	}
	for _, ct := range out {
		ct.typ1 = ct.typ1 || enums[ct.codeType]
		ct.used = regexp.MustCompile(`<xs:element\s[^>]*type="[^":]*:` + regexp.QuoteMeta(ct.name) + `"`).MatchString(all.String())
	}
	return out
}

// xbauAllMessages loads one schema set that includes every XBau 2.6
// message schema, through a wrapper document in a temporary directory.
func xbauAllMessages(t *testing.T, engine string) *SchemaSet {
	t.Helper()
	abs, err := filepath.Abs(xbauDir)
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(abs, "xbau-nachrichten-*.xsd"))
	files = append(files, filepath.Join(abs, "xbau-bauordnungsrechtlicheProzessnachrichten.xsd"))
	var b strings.Builder
	b.WriteString(`<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="http://www.xleitstelle.de/xbau/2/6" elementFormDefault="qualified">` + "\n")
	for _, f := range files {
		fmt.Fprintf(&b, "  <xs:include schemaLocation=%q/>\n", filepath.ToSlash(f))
	}
	b.WriteString("</xs:schema>\n")
	dir := t.TempDir()
	wrapper := filepath.Join(dir, "xsd", "xbau-alle-nachrichten.xsd")
	if err := os.MkdirAll(filepath.Dir(wrapper), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(wrapper, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	set, err := LoadSchemaSet(context.Background(), wrapper, LoadOptions{Roots: []string{abs}, Engine: engine})
	if err != nil {
		t.Fatal(err)
	}
	return set
}

// codePath is a way from a message root down to an element declaration
// whose type is a code type.
type codePath struct {
	decls []*hxsd.ElementDecl
}

// pathsToTypes walks the compiled schema breadth-first from the message
// roots and returns, per named type, the shortest element path to an
// element declared with it. It reads helium's compiled component model
// (the same model the XSD fallback validates with), not the code index.
func pathsToTypes(sch *hxsd.Schema, roots []string) map[string]codePath {
	out := map[string]codePath{}
	seenType := map[*hxsd.TypeDef]bool{}
	var queue []codePath
	for _, r := range roots {
		ns, local, _ := strings.Cut(strings.TrimPrefix(r, "{"), "}")
		if d, ok := sch.LookupElement(local, ns); ok && !d.Abstract {
			queue = append(queue, codePath{decls: []*hxsd.ElementDecl{d}})
		}
	}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		last := p.decls[len(p.decls)-1]
		td := last.Type
		if td == nil || seenType[td] {
			continue
		}
		seenType[td] = true
		if td.Name.Local != "" {
			key := "{" + td.Name.NS + "}" + td.Name.Local
			if _, ok := out[key]; !ok {
				out[key] = p
			}
		}
		if td.Abstract {
			continue
		}
		var visit func(mg *hxsd.ModelGroup)
		visit = func(mg *hxsd.ModelGroup) {
			if mg == nil {
				return
			}
			for _, pt := range mg.Particles {
				if pt.MaxOccurs == 0 {
					continue
				}
				switch term := pt.Term.(type) {
				case *hxsd.ModelGroup:
					visit(term)
				case *hxsd.ElementDecl:
					cands := []*hxsd.ElementDecl{term}
					if term.IsRef {
						if g, ok := sch.LookupElement(term.Name.Local, term.Name.NS); ok {
							cands = []*hxsd.ElementDecl{g}
						}
					}
					cands = append(cands, sch.SubstGroupMembers(term.Name)...)
					for _, c := range cands {
						if c.Abstract || c.Type == nil {
							continue
						}
						queue = append(queue, codePath{decls: append(slices.Clip(p.decls), c)})
					}
				}
			}
		}
		visit(td.ContentModel)
	}
	return out
}

// message writes a minimal message along p whose last element carries
// code (and listVersionID when version is not ""). Namespaces are bound
// to prefixes on the root; unqualified elements have none.
func (p codePath) message(code, version string) string {
	prefixes := map[string]string{}
	var decl strings.Builder
	for _, d := range p.decls {
		if ns := d.Name.NS; ns != "" && prefixes[ns] == "" {
			prefixes[ns] = fmt.Sprintf("n%d", len(prefixes))
			fmt.Fprintf(&decl, " xmlns:%s=%q", prefixes[ns], ns)
		}
	}
	name := func(d *hxsd.ElementDecl) string {
		if d.Name.NS == "" {
			return d.Name.Local
		}
		return prefixes[d.Name.NS] + ":" + d.Name.Local
	}
	var b strings.Builder
	for i, d := range p.decls {
		b.WriteString("<" + name(d))
		if i == 0 {
			b.WriteString(decl.String())
		}
		if i == len(p.decls)-1 {
			if version != "" {
				fmt.Fprintf(&b, " listVersionID=%q", version)
			}
			b.WriteString("><code>" + code + "</code>")
		} else {
			b.WriteString(">\n")
		}
	}
	for i := len(p.decls) - 1; i >= 0; i-- {
		b.WriteString("</" + name(p.decls[i]) + ">\n")
	}
	return b.String()
}

// anyListResolver knows every list in every version, each with the one
// code "gueltig".
type anyListResolver struct {
	mu    sync.Mutex
	lists map[[2]string]*codelist.CodeList
}

func (r *anyListResolver) Resolve(_ context.Context, uri, version string) (*codelist.CodeList, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if cl := r.lists[[2]string{uri, version}]; cl != nil {
		return cl, nil
	}
	if version == "" {
		version = "1.0"
	}
	doc := fmt.Sprintf(`<gc:CodeList xmlns:gc="http://docs.oasis-open.org/codelist/ns/genericode/1.0/">
<Identification><ShortName>x</ShortName><Version>%s</Version><CanonicalUri>%s</CanonicalUri><CanonicalVersionUri>%s_%s</CanonicalVersionUri></Identification>
<ColumnSet><Column Id="code" Use="required"><ShortName>Code</ShortName><Data Type="string"/></Column><Key Id="k"><ShortName>K</ShortName><ColumnRef Ref="code"/></Key></ColumnSet>
<SimpleCodeList><Row><Value ColumnRef="code"><SimpleValue>gueltig</SimpleValue></Value></Row></SimpleCodeList></gc:CodeList>`, version, uri, uri, version)
	cl, err := codelist.Read(strings.NewReader(doc), uri)
	if err != nil {
		return nil, err
	}
	if r.lists == nil {
		r.lists = map[[2]string]*codelist.CodeList{}
	}
	r.lists[[2]string{uri, version}] = cl
	return cl, nil
}

// TestEveryFixedListURIType checks every code type of XBau 2.6 that fixes
// listURI: a message that reaches an element of that type, leaves listURI
// out and carries a code outside the list gets codelist:invalid-code for
// the list and version of the schema, and says they came from it.
func TestEveryFixedListURIType(t *testing.T) {
	t.Parallel()
	types := scanFixedCodeTypes(t)
	if len(types) < 90 {
		t.Fatalf("found %d fixed-listURI code types in the XBau 2.6 schemas, want at least the 79 of xbau-codes.xsd and those of the Kernmodul and the XÖV library", len(types))
	}
	// The set is compiled by helium, whose component model the test walks
	// to build messages; the code index uses the same model.
	// TestFixedListURIAnlageart covers a set validated by jacoelho.
	set := xbauAllMessages(t, "helium")
	// Every global element of the set is a possible message (or part of
	// one, through a wildcard): XBau's own messages, those of the
	// XBau-Kernmodul and the XÖV Basisnachricht.
	var roots []string
	for _, d := range set.Docs {
		for _, e := range d.elements {
			roots = append(roots, "{"+d.TargetNamespace+"}"+e)
		}
	}
	paths := pathsToTypes(set.hel.schema, roots)
	for _, resolver := range []struct {
		name string
		res  codelist.Resolver
		real bool
	}{
		{"synthetic lists", &anyListResolver{}, false},
		{"corpus lists", corpusResolver(t), true},
	} {
		t.Run(resolver.name, func(t *testing.T) {
			if resolver.res == nil {
				t.Skip("shared/corpus not found (set OZGCTL_CORPUS); the XBau code lists of the corpus are not checked")
			}
			checked, typ1 := 0, 0
			keys := make([]string, 0, len(types))
			for k := range types {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, key := range keys {
				ct := types[key]
				p, ok := paths[key]
				if !ok {
					// XBau 2.6 includes the XÖV Basisnachricht 1.0 documents
					// beside 1.1, but no global element leads to their
					// types: no message can hold them.
					if ct.used && strings.Contains(ct.ns, "xleitstelle.de/xbau") {
						t.Errorf("%s: an element declares this type, but no message reaches it", key)
					} else if ct.used {
						t.Logf("%s: no global element leads to an element of this type", key)
					}
					continue
				}
				checked++
				version := ct.version
				msgVersion := ""
				if version == "" {
					version, msgVersion = "1.0", "1.0"
					if resolver.real {
						version, msgVersion = "", ""
					}
				}
				doc := p.message("§ungültig§", msgVersion)
				fs, err := checkCodes(context.Background(), set, strings.NewReader(doc), CodeCheckOptions{Resolver: resolver.res})
				if err != nil {
					t.Fatal(err)
				}
				if ct.typ1 {
					if len(fs) != 0 {
						t.Errorf("%s: Typ 1 (codes enumerated in %s, checked by the XSD): want no code-list finding, got %+v", key, ct.codeType, fs)
					}
					typ1++
					continue
				}
				if len(fs) != 1 {
					t.Errorf("%s: want one finding, got %d: %+v\n%s", key, len(fs), fs, doc)
					continue
				}
				f := fs[0]
				wantRule := ruleInvalidCode
				if resolver.real && f.Rule != ruleInvalidCode {
					// The corpus holds the newest version of each list only.
					wantRule = f.Rule
					if f.Rule != ruleUnknownList && f.Rule != ruleUnknownVersion {
						wantRule = ruleInvalidCode
					}
				}
				if f.Rule != wantRule {
					t.Errorf("%s: rule %s, want %s: %s", key, f.Rule, wantRule, f.Text("en"))
					continue
				}
				wants := []string{ct.listURI + " (fixed)", "from the schema", ct.name}
				if ct.version != "" {
					wants = append(wants, "listVersionID "+ct.version+" (fixed)")
				}
				if f.Rule == ruleInvalidCode {
					wants = append(wants, "code list "+ct.listURI+" version ")
				}
				for _, w := range wants {
					if !strings.Contains(f.Text("en"), w) {
						t.Errorf("%s: message %q lacks %q", key, f.Text("en"), w)
					}
				}
				if leaf := p.decls[len(p.decls)-1].Name.Local + "[1]"; !strings.HasSuffix(f.Path, "/"+leaf) && !strings.HasSuffix(f.Path, ":"+leaf) {
					t.Errorf("%s: finding at %s, want the code element", key, f.Path)
				}
			}
			t.Logf("%d fixed-listURI code types, %d reached from a message and checked, %d of them Typ 1", len(types), checked, typ1)
			if checked < 90 || checked-typ1 < 15 {
				t.Errorf("only %d fixed-listURI code types checked, %d of them against code lists", checked, checked-typ1)
			}
		})
	}
}

// corpusResolver returns the XBau code lists of the shared corpus, or nil
// without the corpus.
func corpusResolver(t *testing.T) codelist.Resolver {
	d := testcorpus.Dir()
	if d == "" {
		return nil
	}
	dir := filepath.Join(d, "xoev", "xbau", "codelists")
	if _, err := os.Stat(dir); err != nil {
		return nil
	}
	return codelist.NewDirResolver(dir)
}

// TestCheckCodesConcurrent checks messages of one schema set from several
// goroutines, as the worker pool does: the code index is built once, by
// whichever comes first, and its caches of types are shared (run with
// -race, see make test-race).
func TestCheckCodesConcurrent(t *testing.T) {
	set := loadExample(t, LoadOptions{})
	res := codelist.NewDirResolver(filepath.Join(exampleDir, "codelists"))
	valid, err := os.ReadFile(filepath.Join(exampleDir, "messages/antrag-gueltig.xml"))
	if err != nil {
		t.Fatal(err)
	}
	bad := strings.Replace(string(valid), "<code>01</code>", "<code>07</code>", 1)
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			doc := string(valid)
			if i%2 == 1 {
				doc = bad
			}
			fs, err := checkCodes(context.Background(), set, strings.NewReader(doc), CodeCheckOptions{Resolver: res})
			if err != nil {
				t.Error(err)
				return
			}
			if want := i % 2; len(fs) != want {
				t.Errorf("worker %d: %d findings, want %d: %+v", i, len(fs), want, fs)
			}
		})
	}
	wg.Wait()
}

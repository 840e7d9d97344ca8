package schematron

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/ozgctl/ozgctl/pkg/finding"
)

// files is an in-memory rule directory for tests.
type files map[string]string

func (fs files) read(path string) ([]byte, error) {
	if s, ok := fs[filepath.ToSlash(path)]; ok {
		return []byte(s), nil
	}
	return nil, os.ErrNotExist
}

func compile(t *testing.T, fs files, opts Options) (*Rules, error) {
	t.Helper()
	opts.ReadFile = fs.read
	return Compile("main.sch", opts)
}

func mustCompile(t *testing.T, fs files, opts Options) *Rules {
	t.Helper()
	r, err := compile(t, fs, opts)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func run(t *testing.T, r *Rules, doc string) *Result {
	t.Helper()
	d, err := ParseDocument(context.Background(), []byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	res, err := r.Evaluate(context.Background(), d)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// fired renders the fired assertions as "ID severity location: message".
func fired(res *Result) []string {
	var out []string
	for _, f := range res.Fired {
		s := fmt.Sprintf("%s %s %s: %s", f.ID, f.Severity, f.Location, f.Message)
		if f.Err != nil {
			s += " [dynamic error]"
		}
		out = append(out, s)
	}
	return out
}

func schema(body string) string {
	return `<?xml version="1.0"?>
<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt2">
  <ns prefix="a" uri="urn:a"/>
` + body + `
</schema>`
}

const doc1 = `<?xml version="1.0"?>
<a:root xmlns:a="urn:a" xmlns:b="urn:b" version="2">
  <a:item n="1"><a:price>10.50</a:price><b:code>X</b:code></a:item>
  <a:item n="2"><a:price>abc</a:price><b:code>Y</b:code></a:item>
  <a:item n="3"><a:price>9</a:price></a:item>
  <plain>text</plain>
</a:root>`

func TestFeatures(t *testing.T) {
	cases := []struct {
		name string
		fs   files
		opts Options
		doc  string
		want []string
	}{
		{
			name: "assert report flags value-of name",
			fs: files{"main.sch": schema(`
  <pattern id="p">
    <rule context="a:item">
      <assert id="A1" test="a:price" flag="fatal">always there</assert>
      <assert id="A2" test="*:code" flag="warning"><name/> <value-of select="@n"/> has no code</assert>
      <report id="R1" test="@n = 1" role="information">first item <value-of select="a:price, *:code"/></report>
      <assert test="@n != 3">no id, role error</assert>
    </rule>
  </pattern>`)},
			doc: doc1,
			want: []string{
				"R1 info /a:root[1]/a:item[1]: first item 10.50 X",
				"A2 warning /a:root[1]/a:item[3]: a:item 3 has no code",
				"main.sch:10 error /a:root[1]/a:item[3]: no id, role error",
			},
		},
		{
			name: "first matching rule per pattern wins, patterns are independent",
			fs: files{"main.sch": schema(`
  <pattern>
    <rule context="a:item[@n = 1]"><report id="first" test="true()">first rule</report></rule>
    <rule context="a:item"><report id="second" test="true()">second rule</report></rule>
  </pattern>
  <pattern>
    <rule context="a:root/a:item | a:item"><report id="other" test="@n = 2">other pattern</report></rule>
  </pattern>`)},
			doc: doc1,
			want: []string{
				"first error /a:root[1]/a:item[1]: first rule",
				"second error /a:root[1]/a:item[2]: second rule",
				"second error /a:root[1]/a:item[3]: second rule",
				"other error /a:root[1]/a:item[2]: other pattern",
			},
		},
		{
			name: "lets at schema, pattern and rule level",
			fs: files{"main.sch": schema(`
  <let name="limit" value="10"/>
  <pattern id="vars">
    <let name="codes" value="('X', 'Z')"/>
  </pattern>
  <pattern>
    <rule context="a:item">
      <let name="p" value="number(a:price)"/>
      <let name="over" value="$p gt $limit"/>
      <report id="over" test="$over">price <value-of select="$p"/> over <value-of select="$limit"/></report>
      <report id="code" test="*:code = $codes">code in list</report>
    </rule>
  </pattern>`)},
			doc: doc1,
			want: []string{
				"over error /a:root[1]/a:item[1]: price 10.5 over 10",
				"code error /a:root[1]/a:item[1]: code in list",
			},
		},
		{
			name: "abstract rules with extends",
			fs: files{"main.sch": schema(`
  <pattern>
    <rule abstract="true" id="hasPrice"><assert id="price" test="a:price">needs a price</assert></rule>
    <rule abstract="true" id="both"><extends rule="hasPrice"/><assert id="code" test="*:code">needs a code</assert></rule>
    <rule context="a:item"><extends rule="both"/></rule>
  </pattern>`)},
			doc:  doc1,
			want: []string{"code error /a:root[1]/a:item[3]: needs a code"},
		},
		{
			name: "abstract pattern with is-a and params",
			fs: files{"main.sch": schema(`
  <pattern abstract="true" id="needs">
    <rule context="$ctx"><assert id="$id-x" test="$test">missing in <name/></assert></rule>
  </pattern>
  <pattern is-a="needs" id="items"><param name="ctx" value="a:item"/><param name="test" value="*:code"/><param name="id" value="ignored"/></pattern>`)},
			doc: doc1,
			// Parameters are substituted in attribute values only where a
			// parameter of that name exists; id="$id-x" names the param "id-x".
			want: []string{"$id-x error /a:root[1]/a:item[3]: missing in a:item"},
		},
		{
			name: "include relative to the including file",
			fs: files{
				"main.sch":     schema(`<include href="sub/inc.sch"/>`),
				"sub/inc.sch":  `<pattern xmlns="http://purl.oclc.org/dsdl/schematron"><include href="rule.sch"/></pattern>`,
				"sub/rule.sch": `<rule xmlns="http://purl.oclc.org/dsdl/schematron" context="/a:root"><report id="inc" test="@version = '2'">included</report></rule>`,
			},
			doc:  doc1,
			want: []string{"inc error /a:root[1]: included"},
		},
		{
			name: "phase selects patterns",
			fs: files{"main.sch": `<schema xmlns="http://purl.oclc.org/dsdl/schematron" defaultPhase="one">
  <ns prefix="a" uri="urn:a"/>
  <phase id="one"><active pattern="p1"/></phase>
  <phase id="two"><active pattern="p2"/></phase>
  <pattern id="p1"><rule context="/a:root"><report id="in-p1" test="true()">p1</report></rule></pattern>
  <pattern id="p2"><rule context="/a:root"><report id="in-p2" test="true()">p2</report></rule></pattern>
</schema>`},
			doc:  doc1,
			want: []string{"in-p1 error /a:root[1]: p1"},
		},
		{
			name: "phase #ALL",
			fs: files{"main.sch": `<schema xmlns="http://purl.oclc.org/dsdl/schematron" defaultPhase="one">
  <ns prefix="a" uri="urn:a"/>
  <phase id="one"><active pattern="p1"/></phase>
  <pattern id="p1"><rule context="/a:root"><report id="in-p1" test="true()">p1</report></rule></pattern>
  <pattern id="p2"><rule context="/a:root"><report id="in-p2" test="true()">p2</report></rule></pattern>
</schema>`},
			opts: Options{Phase: "#ALL"},
			doc:  doc1,
			want: []string{"in-p1 error /a:root[1]: p1", "in-p2 error /a:root[1]: p2"},
		},
		{
			name: "xsl:function and current()",
			fs: files{"main.sch": `<schema xmlns="http://purl.oclc.org/dsdl/schematron" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:u="urn:u" queryBinding="xslt2">
  <ns prefix="a" uri="urn:a"/>
  <ns prefix="xs" uri="http://www.w3.org/2001/XMLSchema"/>
  <xsl:function name="u:orZero" as="xs:decimal">
    <xsl:param name="e"/>
    <xsl:variable name="s" select="normalize-space($e)"/>
    <xsl:sequence select="if ($s castable as xs:decimal) then xs:decimal($s) else 0"/>
  </xsl:function>
  <pattern>
    <rule context="a:item">
      <report id="zero" test="u:orZero(a:price) = 0">not a number: <value-of select="a:price"/></report>
      <report id="max" test="not(../a:item[u:orZero(a:price) gt u:orZero(current()/a:price)])">largest price</report>
    </rule>
  </pattern>
</schema>`},
			doc: doc1,
			want: []string{
				"max error /a:root[1]/a:item[1]: largest price",
				"zero error /a:root[1]/a:item[2]: not a number: abc",
			},
		},
		{
			name: "diagnostics",
			fs: files{"main.sch": schema(`
  <pattern><rule context="a:item[not(*:code)]"><assert id="d" test="false()" diagnostics="why">no code</assert></rule></pattern>
  <diagnostics><diagnostic id="why">item <value-of select="@n"/></diagnostic></diagnostics>`)},
			doc:  doc1,
			want: []string{"d error /a:root[1]/a:item[3]: no code"},
		},
		{
			name: "dynamic error is reported and the rest goes on",
			fs: files{"main.sch": schema(`
  <pattern><rule context="a:item">
    <assert id="dec" test="xs:decimal(a:price) ge 0" xmlns:xs="http://www.w3.org/2001/XMLSchema">price is a decimal</assert>
    <assert id="after" test="@n != 3">evaluated after the error</assert>
  </rule></pattern>`)},
			doc: doc1,
			want: []string{
				"dec error /a:root[1]/a:item[2]: price is a decimal [dynamic error]",
				"after error /a:root[1]/a:item[3]: evaluated after the error",
			},
		},
		{
			name: "query binding xslt uses XPath 1.0 rules",
			fs: files{"main.sch": `<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt">
  <ns prefix="a" uri="urn:a"/>
  <pattern><rule context="a:item"><report id="sum" test="a:price + 1 > 10">big</report></rule></pattern>
</schema>`},
			doc:  doc1,
			want: []string{"sum error /a:root[1]/a:item[1]: big"},
		},
		{
			name: "attribute and root contexts, text()",
			fs: files{"main.sch": schema(`
  <pattern><rule context="@n"><report id="attr" test=". = '2'">attribute <name/></report></rule></pattern>
  <pattern><rule context="/"><assert id="root" test="a:root">root</assert></rule></pattern>
  <pattern><rule context="plain/text()"><report id="text" test=". = 'text'">text node</report></rule></pattern>`)},
			doc: doc1,
			want: []string{
				"attr error /a:root[1]/a:item[2]/@n: attribute n",
				"text error /a:root[1]/plain[1]/text(): text node",
			},
		},
		{
			name: "positional predicate in a context falls back to XPath",
			fs: files{"main.sch": schema(`
  <pattern><rule context="a:item[2]"><report id="second" test="true()">second item</report></rule></pattern>
  <pattern><rule context="a:item[last()]"><report id="last" test="true()">last item</report></rule></pattern>`)},
			doc: doc1,
			want: []string{
				"second error /a:root[1]/a:item[2]: second item",
				"last error /a:root[1]/a:item[3]: last item",
			},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := mustCompile(t, tc.fs, tc.opts)
			got := fired(run(t, r, tc.doc))
			if !slices.Equal(got, tc.want) {
				t.Errorf("fired:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(tc.want, "\n  "))
			}
		})
	}
}

func TestDiagnosticsInFindings(t *testing.T) {
	r := mustCompile(t, files{"main.sch": schema(`
  <pattern><rule context="a:item[not(*:code)]"><assert id="d" test="false()" diagnostics="why">no code</assert></rule></pattern>
  <diagnostics><diagnostic id="why">item <value-of select="@n"/></diagnostic></diagnostics>`)}, Options{})
	res := run(t, r, doc1)
	if len(res.Fired) != 1 || !slices.Equal(res.Fired[0].Diagnostics, []string{"item 3"}) {
		t.Fatalf("diagnostics = %+v", res.Fired)
	}
	fs := res.Findings()
	if len(fs) != 1 || fs[0].Message != "no code — item 3" || fs[0].Line != 5 || fs[0].Source != "schematron" {
		t.Fatalf("findings = %+v", fs)
	}
}

func TestXPathEdgeCases(t *testing.T) {
	const doc = `<?xml version="1.0"?>
<Invoice xmlns="urn:inv" xmlns:c="urn:c">
  <c:Amount currencyID="EUR">100.00</c:Amount>
  <c:Amount currencyID="EUR">99.995</c:Amount>
  <c:Date>2024-02-29</c:Date>
  <c:Count>10</c:Count>
  <Plain>1</Plain>
</Invoice>`
	tests := []struct {
		name, test string
		want       bool
	}{
		{"prefix bound by sch:ns", "exists(/inv:Invoice/c:Amount)", true},
		{"unprefixed names are in no namespace", "exists(/Invoice)", false},
		{"wildcard namespace", "count(/*:Invoice/*:Amount) = 2", true},
		{"wildcard local name", "count(/inv:Invoice/c:*) = 4", true},
		{"untyped compared to number is numeric", "/inv:Invoice/c:Count > 9", true},
		{"string comparison stays string", "string(/inv:Invoice/c:Count) > '9'", false},
		{"decimals are exact", "xs:decimal('0.1') + xs:decimal('0.2') = xs:decimal('0.3')", true},
		{"doubles are not", "0.1e0 + 0.2e0 = 0.3e0", false},
		{"rounding of decimals", "round(xs:decimal(/inv:Invoice/c:Amount[2]) * 100) div 100 = 100", true},
		{"dates compare as dates", "xs:date(/inv:Invoice/c:Date) gt xs:date('2024-02-28')", true},
		{"general comparison is existential", "/inv:Invoice/c:Amount/@currencyID = ('USD', 'EUR')", true},
		{"every/satisfies", "every $a in /inv:Invoice/c:Amount satisfies $a/@currencyID = 'EUR'", true},
		{"regex", "matches(/inv:Invoice/c:Date, '^\\d{4}-\\d{2}-\\d{2}$')", true},
		{"tokenize and string-join", "string-join(tokenize('a b  c', '\\s+'), ',') = 'a,b,c'", true},
		{"default element namespace of the document does not leak", "empty(//Plain)", true},
		{"index rewrite keeps document order", "(//c:Amount)[1] = '100.00'", true},
		{"index rewrite with predicate", "count(//c:Amount[@currencyID = 'EUR']) = 2", true},
		{"index rewrite of //(a|b)", "count(//(c:Amount|c:Date)) = 3", true},
		{"positional predicate not rewritten", "count(//c:Amount[1]) = 1", true},
		{"attribute index", "count(//@currencyID) = 2", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := mustCompile(t, files{"main.sch": `<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt2">
  <ns prefix="inv" uri="urn:inv"/><ns prefix="c" uri="urn:c"/><ns prefix="xs" uri="http://www.w3.org/2001/XMLSchema"/>
  <pattern><rule context="/"><report id="t" test="` + strings.ReplaceAll(tc.test, "'", "&apos;") + `">x</report></rule></pattern>
</schema>`}, Options{})
			res := run(t, r, doc)
			for _, f := range res.Fired {
				if f.Err != nil {
					t.Fatalf("dynamic error: %v", f.Err)
				}
			}
			if got := len(res.Fired) == 1; got != tc.want {
				t.Errorf("%s = %v, want %v", tc.test, got, tc.want)
			}
		})
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name string
		fs   files
		opts Options
		// want is a substring of the error; line the reported line.
		want string
		line int
	}{
		{"malformed XML", files{"main.sch": "<schema xmlns=\"http://purl.oclc.org/dsdl/schematron\">\n<pattern>\n</schema>"}, Options{}, "malformed XML", 3},
		{"not a schematron schema", files{"main.sch": "<schema/>"}, Options{}, "want a Schematron schema element", 1},
		{"unknown query binding", files{"main.sch": `<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xquery"/>`}, Options{}, `unknown query binding "xquery"`, 1},
		{"XPath syntax error", files{"main.sch": schema("<pattern>\n<rule context=\"a:item\">\n<assert id=\"bad\" test=\"a:price[\">x</assert></rule></pattern>")}, Options{}, `assert id="bad": XPath syntax error`, 6},
		{"syntax error in context", files{"main.sch": schema("<pattern>\n<rule context=\"a:item[[\"/></pattern>")}, Options{}, "XPath syntax error in rule context", 5},
		{"unknown function", files{"main.sch": schema(`<pattern><rule context="a:item"><assert test="nosuch(.)">x</assert></rule></pattern>`)}, Options{}, "unknown function nosuch#1", 4},
		{"wrong arity", files{"main.sch": schema(`<pattern><rule context="a:item"><assert test="contains(.)">x</assert></rule></pattern>`)}, Options{}, "does not accept 1 arguments", 4},
		{"unknown variable", files{"main.sch": schema(`<pattern><rule context="a:item"><assert test="$nope">x</assert></rule></pattern>`)}, Options{}, "unknown variable $nope", 4},
		{"rule let not visible in another rule", files{"main.sch": schema(`<pattern><rule context="a:item"><let name="v" value="1"/></rule><rule context="a:root"><assert test="$v">x</assert></rule></pattern>`)}, Options{}, "unknown variable $v", 4},
		{"undeclared prefix", files{"main.sch": schema(`<pattern><rule context="a:item"><assert test="zz:price">x</assert></rule></pattern>`)}, Options{}, "zz", 4},
		{"cyclic include", files{"main.sch": schema(`<include href="a.sch"/>`), "a.sch": `<pattern xmlns="http://purl.oclc.org/dsdl/schematron"><include href="b.sch"/></pattern>`, "b.sch": `<rule xmlns="http://purl.oclc.org/dsdl/schematron" context="x"><include href="a.sch"/></rule>`}, Options{}, "cyclic include: main.sch -> a.sch -> b.sch -> a.sch", 1},
		{"missing include", files{"main.sch": schema(`<include href="gone.sch"/>`)}, Options{}, `cannot read "gone.sch"`, 4},
		{"missing abstract rule", files{"main.sch": schema("<pattern>\n<rule context=\"a:item\"><extends rule=\"nothere\"/></rule></pattern>")}, Options{}, `no abstract rule with id "nothere"`, 5},
		{"cyclic extends", files{"main.sch": schema(`<pattern><rule abstract="true" id="x"><extends rule="y"/></rule><rule abstract="true" id="y"><extends rule="x"/></rule><rule context="a:item"><extends rule="x"/></rule></pattern>`)}, Options{}, "cyclic extends", 4},
		{"missing abstract pattern", files{"main.sch": schema(`<pattern is-a="gone" id="p"/>`)}, Options{}, `unknown abstract pattern "gone"`, 4},
		{"unknown phase", files{"main.sch": schema(`<phase id="one"/>`)}, Options{Phase: "two"}, `unknown phase "two" (phases: #ALL, one)`, 2},
		{"rule without context", files{"main.sch": schema(`<pattern><rule/></pattern>`)}, Options{}, "missing context attribute", 4},
		{"unsupported xsl in function", files{"main.sch": `<schema xmlns="http://purl.oclc.org/dsdl/schematron" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:u="urn:u" queryBinding="xslt2"><xsl:function name="u:f"><xsl:if test="1"/></xsl:function></schema>`}, Options{}, "xsl:if is not supported", 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := compile(t, tc.fs, tc.opts)
			if err == nil {
				t.Fatal("no error")
			}
			var le *LoadError
			if !errors.As(err, &le) {
				t.Fatalf("error %T %v is not a *LoadError", err, err)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q does not contain %q", err, tc.want)
			}
			if le.Line != tc.line {
				t.Errorf("line %d, want %d (%v)", le.Line, tc.line, err)
			}
		})
	}
}

func TestCheckNotWellFormed(t *testing.T) {
	r := mustCompile(t, files{"main.sch": schema(`<pattern><rule context="/"><assert test="true()">x</assert></rule></pattern>`)}, Options{})
	fs, res, err := r.Check(context.Background(), []byte("<a:root xmlns:a='urn:a'>\n<open>\n</a:root>"))
	if err != nil || res != nil {
		t.Fatalf("err=%v res=%v", err, res)
	}
	if len(fs) != 1 || fs[0].Rule != "xml:not-well-formed" || fs[0].Severity != finding.Error {
		t.Fatalf("findings = %+v", fs)
	}
	// The parser's position becomes the finding's, its first line the message.
	if fs[0].Line != 3 || fs[0].Column == 0 || strings.Contains(fs[0].Text("de"), "\n") || strings.Contains(fs[0].Text("en"), " at line ") {
		t.Errorf("finding %+v: want line 3 with a column and a one-line message", fs[0])
	}
	// The message is rendered in the run's language: --lang en once printed
	// German here because the text was fixed to "de" when it was made.
	for lang, want := range map[string]string{
		"de": "Nachricht ist kein wohlgeformtes XML: End-Tag 'open' erwartet",
		"en": "message is not well-formed XML: expected end tag 'open'",
	} {
		if got := fs[0].Text(lang); got != want {
			t.Errorf("Text(%q) = %q, want %q", lang, got, want)
		}
	}
}

func TestAssertions(t *testing.T) {
	r := mustCompile(t, files{"main.sch": schema(`<pattern id="p"><rule context="a:item">
  <assert id="one" test="a:price" flag="warning">price of <name/> is <value-of select="a:price"/></assert>
  <report test="true()">generated</report>
</rule></pattern>`)}, Options{})
	as := r.Assertions()
	if len(as) != 2 {
		t.Fatalf("assertions = %+v", as)
	}
	if as[0].ID != "one" || as[0].Severity != finding.Warning || as[0].Text != "price of {name} is {…}" || as[0].Pattern != "p" || as[0].Line != 5 {
		t.Errorf("first = %+v", as[0])
	}
	if as[1].ID != "main.sch:6" || !as[1].Report {
		t.Errorf("second = %+v", as[1])
	}
	if r.QueryBinding() != "xslt2" || r.Phase() != "#ALL" {
		t.Errorf("binding %q phase %q", r.QueryBinding(), r.Phase())
	}
}

func TestConcurrentEvaluate(t *testing.T) {
	r := mustCompile(t, files{"main.sch": schema(`<let name="g" value="count(//a:item)"/><pattern><rule context="a:item"><let name="p" value="a:price"/><report id="r" test="$g = 3 and $p">x</report></rule></pattern>`)}, Options{})
	done := make(chan []string, 8)
	for range 8 {
		go func() { done <- fired(run(t, r, doc1)) }()
	}
	first := <-done
	for range 7 {
		if got := <-done; !slices.Equal(got, first) {
			t.Fatalf("results differ: %v vs %v", got, first)
		}
	}
	if len(first) != 3 {
		t.Fatalf("fired = %v", first)
	}
}

// TestPathTestShortcut: the Go shortcut for tests like not(a/b) and the
// name prefilters of contexts like //*[ends-with(name(), 'Amount')] give
// exactly the XPath results, on the EN16931 rules and corpus invoices.
func TestPathTestShortcut(t *testing.T) {
	r, err := Compile("../../examples/profiles/xrechnung/en16931-ubl/EN16931-UBL-validation.sch", Options{})
	if err != nil {
		t.Fatal(err)
	}
	fast := 0
	for _, ck := range r.checks {
		if ck.fast != nil {
			fast++
		}
	}
	if fast < 400 {
		t.Errorf("only %d path tests recognised", fast)
	}
	slow := *r
	slow.noFast = true
	files, _ := filepath.Glob("../conformance/profile/testdata/corpus/xoev/xrechnung/*/*/*/*ubl*.xml")
	more, _ := filepath.Glob("../conformance/profile/testdata/corpus/xoev/xrechnung/*/*/*/*ubl*/*.xml")
	files = append(files, more...)
	if len(files) < 4 {
		t.Fatalf("%d invoices", len(files))
	}
	for _, f := range files {
		data, _ := os.ReadFile(f)
		d, err := ParseDocument(context.Background(), data)
		if err != nil {
			t.Fatal(err)
		}
		a, _ := r.Evaluate(context.Background(), d)
		b, _ := slow.Evaluate(context.Background(), d)
		if !slices.Equal(fired(a), fired(b)) || !slices.Equal(a.Evaluated, b.Evaluated) {
			t.Errorf("%s: shortcut %v, XPath %v", f, fired(a), fired(b))
		}
	}
	// And on a document where the paths do exist.
	d, _ := ParseDocument(context.Background(), []byte(`<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"><cbc:UBLVersionID>2.0</cbc:UBLVersionID><cac:Delivery><cac:DeliveryTerms/><cac:DeliveryLocation><cac:Address><cbc:Region>x</cbc:Region></cac:Address></cac:DeliveryLocation></cac:Delivery></Invoice>`))
	a, _ := r.Evaluate(context.Background(), d)
	b, _ := slow.Evaluate(context.Background(), d)
	if !slices.Equal(fired(a), fired(b)) || len(a.Fired) < 3 {
		t.Errorf("shortcut %v\nXPath %v", fired(a), fired(b))
	}
}

// TestFastTests checks each Go shortcut form against XPath evaluation.
func TestFastTests(t *testing.T) {
	tests := []string{
		"a:item", "not(a:item)", "exists(a:item/a:price)", "empty(a:item/b:code)", "boolean(a:nothing)",
		"not(a:item) and not(a:nothing)", "a:nothing or a:item/a:price", "not(a:nothing or a:item)",
		"count(a:item) = 3", "count(a:item/a:price) <= 2", "count(a:item/b:code) > 1", "count(a:nothing) ge 0", "count(a:item) ne 3", "count(a:item) lt 3",
		"not((a:item|a:nothing)/a:price)", "count((a:nothing|a:item|a:item)/b:code) = 2", "a:item/@n", "not(a:item/@zz)", "count(a:item/@n) = 3", "exists((a:x|a:y)/@n)",
		"string-length(substring-after(a:nothing, '.')) <= 2", "string-length(substring-after(., 'text')) = 0",
	}
	body := ""
	for i, tc := range tests {
		body += fmt.Sprintf(`<pattern><rule context="/a:root"><report id="t%d" test="%s">x</report></rule></pattern>`, i, strings.ReplaceAll(strings.ReplaceAll(tc, "<", "&lt;"), ">", "&gt;"))
	}
	r := mustCompile(t, files{"main.sch": `<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt2"><ns prefix="a" uri="urn:a"/><ns prefix="b" uri="urn:b"/>` + body + `</schema>`}, Options{})
	for i, ck := range r.checks {
		if ck.fast == nil {
			t.Errorf("%q has no shortcut", tests[i])
		}
	}
	slow := *r
	slow.noFast = true
	a, b := fired(run(t, r, doc1)), fired(run(t, &slow, doc1))
	if !slices.Equal(a, b) {
		t.Errorf("shortcut %v\nXPath    %v", a, b)
	}
	if len(a) != 11 {
		t.Errorf("%d tests true, want 11: %v", len(a), a)
	}
	// A decimal test on several nodes declines the shortcut: XPath reports
	// the type error.
	r2 := mustCompile(t, files{"main.sch": schema(`<pattern><rule context="/a:root"><assert id="dec" test="string-length(substring-after(a:item/a:price, '.')) &lt;= 2">x</assert></rule></pattern>
  <pattern><rule context="a:price"><assert id="p" test="string-length(substring-after(., '.')) &lt;= 1">x</assert></rule></pattern>`)}, Options{})
	got := fired(run(t, r2, doc1))
	want := []string{"dec error /a:root[1]: x [dynamic error]", "p error /a:root[1]/a:item[1]/a:price[1]: x"}
	if !slices.Equal(got, want) {
		t.Errorf("fired %v, want %v", got, want)
	}
}

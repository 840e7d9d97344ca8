package schematron

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

const docStr = `<?xml version="1.0"?>
<a:root xmlns:a="urn:a" xmlns:b="urn:b" cur=" EUR ">
  <a:item n="1" cur="EUR"><a:code> S </a:code><a:flag>true</a:flag><a:scheme><a:id>vat</a:id></a:scheme></a:item>
  <a:item n="2" cur="E UR"><a:code>Z<!-- c -->Z</a:code><a:flag> 0 </a:flag><a:scheme><a:id>VAT</a:id></a:scheme><a:scheme><a:id>x</a:id></a:scheme></a:item>
  <a:item n="3" cur="XXX"><a:code>AE</a:code><a:code>S</a:code><a:flag>yes</a:flag><a:scheme><a:id>straße</a:id></a:scheme></a:item>
  <a:item n=" 4.0E0 "><a:flag>false</a:flag><a:flag>1</a:flag><a:scheme><a:id>a</a:id><a:id>b</a:id></a:scheme></a:item>
</a:root>`

// TestStringShortcuts checks each string shortcut form (code lists,
// comparisons with literals, boolean values, self::, lone attributes),
// as an assert and as a rule-context predicate, against plain XPath:
// the same results, the same dynamic errors (where a shortcut declines).
func TestStringShortcuts(t *testing.T) {
	tests := []string{
		"contains(' EUR USD ', concat(' ', normalize-space(@cur), ' '))",
		"not(contains(normalize-space(@cur), ' ')) and contains(' EUR USD ', concat(' ', normalize-space(@cur), ' '))",
		"contains(' AE S Z ', concat(' ', normalize-space(a:code), ' '))", // several codes: a type error
		"normalize-space(a:code) = 'S'", "normalize-space(a:code) != 'S'", "normalize-space(a:code) = ('AE', 'ZZ')",
		"a:code = 'S'", "a:code != 'S'", "a:code = ('AE','S')", ". = 'x'", "@n = '2'",
		"a:flag = true()", "a:flag = false()", // "yes" is no boolean: an error
		"a:scheme/normalize-space(upper-case(a:id)) = 'VAT'", // ß: not ASCII; two ids: an error
		"a:scheme/normalize-space(a:id) != 'x'",
		"self::a:item", "self::a:root or self::b:item", "@cur", "not(@n)",
		"upper-case(string(@cur)) = ' EUR '", "concat(@n, a:flag) = '1true'",
		// Paths with predicate shortcuts (on /a:root they select the items).
		"exists(a:scheme[normalize-space(upper-case(a:id)) = 'VAT']/a:id)", "a:scheme[a:id = 'x']", "count(a:scheme[a:id != 'x']) = 1",
		"a:item[a:code = 'S'][@cur = 'XXX']", "count(a:item[normalize-space(a:code) = 'S']) = 1", "not(a:item[a:flag = true()])",
		"count(a:item[a:scheme/normalize-space(upper-case(a:id)) = 'VAT']/a:code) >= 1",
		// From the name index or a per-document memo of //name[p].
		"exists(//a:scheme[a:id = 'VAT']/a:id)", "count(//a:item[normalize-space(a:code) = 'S']) = 1", "//a:item/a:code = 'AE'",
		"not(//a:scheme[a:id = 'x'])", "count(//a:code) = 5", "normalize-space(//a:scheme[a:id = 'x']/a:id) = 'x'",
		// P/(comparison): one boolean per node.
		"a:scheme/(normalize-space(upper-case(a:id)) = 'VAT')", "exists(a:scheme[a:id/(. = 'VAT')])",
		// name() and the ancestor axis, as in //*[ends-with(name(), 'Amount') and not(ancestor::cac:Price/cac:AllowanceCharge)].
		"ends-with(name(), 'item') and not(starts-with(name(), 'b:'))", "ancestor::a:root", "not(ancestor::a:root/a:item[a:code = 'AE'])",
		"ancestor::a:item", "ancestor::a:root/a:item/@cur", "contains(name(), ':')",
		// Numbers (untyped values cast to xs:double; "true" and "E UR" are errors), lone and absolute attributes.
		"@n >= 2", "@n = 3", "@n != 1", "(a:item/@n) > 3", "a:flag > 0", "@cur < 1", "a:item/@n <= 1",
		"exists(@cur)", "empty(@zz)", "not(//@cur)", "count(//@n) = 4",
	}
	var body strings.Builder
	for i, tc := range tests {
		x := strings.NewReplacer("<", "&lt;", ">", "&gt;").Replace(tc)
		fmt.Fprintf(&body, `<pattern><rule context="a:item"><assert id="i%d" test="%s">x</assert></rule></pattern>`, i, x)
		fmt.Fprintf(&body, `<pattern><rule context="/a:root"><report id="r%d" test="%s">x</report></rule></pattern>`, i, x)
		fmt.Fprintf(&body, `<pattern><rule context="a:item[%s]"><report id="c%d" test="true()">x</report></rule></pattern>`, x, i)
		fmt.Fprintf(&body, `<pattern><rule context="a:id[%s]"><report id="d%d" test="true()">x</report></rule></pattern>`, x, i)
	}
	src := `<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt2"><ns prefix="a" uri="urn:a"/><ns prefix="b" uri="urn:b"/>` + body.String() + `</schema>`
	r := mustCompile(t, files{"main.sch": src}, Options{})
	plain := mustCompile(t, files{"main.sch": src}, Options{plain: true})
	for _, ck := range r.checks {
		if !ck.report || ck.test != "true()" {
			if ck.fast == nil {
				t.Errorf("%s %q has no shortcut", ck.ruleID, ck.test)
			}
		}
	}
	for _, p := range r.patterns {
		for _, ru := range p.rules {
			for _, b := range ru.match.branches {
				for _, s := range b.steps {
					for i, f := range s.fast {
						if f == nil {
							t.Errorf("context %q: predicate %d has no shortcut", ru.context, i)
						}
					}
				}
			}
		}
	}
	a, b := run(t, r, docStr), run(t, plain, docStr)
	fa, fb := fired(a), fired(b)
	if !slices.Equal(fa, fb) {
		t.Errorf("shortcut %q\nXPath    %q", fa, fb)
	}
	errs := 0
	for i := range a.Fired {
		if a.Fired[i].Err != nil {
			errs++
			if b.Fired[i].Err == nil || a.Fired[i].Err.Error() != b.Fired[i].Err.Error() {
				t.Errorf("%s: error %v, XPath %v", a.Fired[i].ID, a.Fired[i].Err, b.Fired[i].Err)
			}
		}
	}
	if errs < 3 || len(fa) < 40 {
		t.Errorf("%d fired, %d errors: the document no longer exercises the declining cases", len(fa), errs)
	}
}

// normalizeSpace returns what strings.Fields joined by spaces returns
// (helium's normalize-space), also where it skips the copy.
func TestNormalizeSpace(t *testing.T) {
	for _, s := range []string{"", "a", "a b", " a", "a ", "a  b", "a\tb", "a\nb", "a\u00a0b", "a\u0085", "\u3000", "a b c", " ", "AE", "x\vy", "x\fy", "x\ry"} {
		if got, want := normalizeSpace(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("normalizeSpace(%q) = %q, want %q", s, got, want)
		}
	}
}

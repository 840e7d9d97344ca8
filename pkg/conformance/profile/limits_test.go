package profile

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ozgctl/ozgctl/pkg/batch"
	"github.com/ozgctl/ozgctl/pkg/finding"
	"github.com/ozgctl/ozgctl/pkg/schematron"
)

// slowRules compiles a rule set whose xsl:function takes 2^90 calls: it
// never ends on its own and never nests deeply.
func slowRules(t *testing.T) *schematron.Rules {
	t.Helper()
	p := filepath.Join(t.TempDir(), "slow.sch")
	src := `<schema xmlns="http://purl.oclc.org/dsdl/schematron" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" queryBinding="xslt2">
<ns prefix="f" uri="urn:f"/>
<xsl:function name="f:fib" xmlns:f="urn:f"><xsl:param name="n"/><xsl:sequence select="if ($n lt 2) then $n else f:fib($n - 1) + f:fib($n - 2)"/></xsl:function>
<pattern><rule context="/*"><assert id="slow" test="f:fib(90) = 0">x</assert></rule></pattern>
</schema>`
	if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := schematron.Compile(p, schematron.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestRuleTimeout: rules that outlast the message's budget give one
// schematron:timeout finding on that message, in either language, and the
// budget is shared by all rule sets of the message.
func TestRuleTimeout(t *testing.T) {
	r := slowRules(t)
	for _, lang := range []string{"de", "en"} {
		st := SchematronStage{RuleSets: []*schematron.Rules{r, r}, Limits: RuleLimits{Timeout: 300 * time.Millisecond}}
		start := time.Now()
		res := batch.CheckOne(context.Background(), batch.FromBytes("m.xml", []byte("<m/>")), []batch.Stage{st})
		if took := time.Since(start); took > 5*time.Second {
			t.Errorf("%s: took %s for a 300ms budget", lang, took)
		}
		if res.Err != nil || len(res.Findings) != 1 || res.Findings[0].Rule != ruleTimeout || res.Findings[0].Severity != finding.Error {
			t.Fatalf("%s: result %+v (err %v), want one %s finding", lang, res.Findings, res.Err, ruleTimeout)
		}
		if want, text := map[string]string{"de": "Regelauswertung", "en": "rule evaluation"}[lang], res.Findings[0].Text(lang); !strings.Contains(text, want) ||
			!strings.Contains(text, "300ms") {
			t.Errorf("%s: message %q", lang, text)
		}
	}
	// An interrupt is no timeout: the stage returns the cancellation.
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(100*time.Millisecond, cancel)
	st := SchematronStage{RuleSets: []*schematron.Rules{r}, Limits: RuleLimits{Timeout: time.Minute}}
	if err := st.Check(ctx, &batch.Message{Input: batch.FromBytes("m.xml", []byte("<m/>")), WellFormed: true}, &finding.FileResult{}); err == nil {
		t.Error("cancelled evaluation: no error")
	}
}

// TestRuleTimeoutMessages: the rule's title differs by language.
func TestRuleTimeoutMessages(t *testing.T) {
	if ri := timeoutRuleInfo("en"); ri.ID != ruleTimeout || ri.Title == "" || timeoutRuleInfo("de").Title == ri.Title {
		t.Errorf("rule info %+v", ri)
	}
}

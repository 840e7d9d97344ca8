package profile

import (
	"context"
	"github.com/ozgctl/ozgctl/internal/testenv"
	"github.com/ozgctl/ozgctl/pkg/batch"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/ozgctl/ozgctl/internal/testcorpus"
	"github.com/ozgctl/ozgctl/pkg/finding"
	"github.com/ozgctl/ozgctl/pkg/schematron"
)

// corpusRoots returns the roots the corpus tests run on: the subset in
// testdata always, and shared/corpus (OZGCTL_CORPUS or found by walking
// up) when present.
func corpusRoots(t *testing.T) map[string]string {
	roots := map[string]string{"subset": "testdata/corpus"}
	if d := testcorpus.Dir(); d != "" {
		roots["corpus"] = d
	} else {
		t.Log("shared/corpus not found (set OZGCTL_CORPUS): running on the testdata subset only")
	}
	return roots
}

func compileRules(t *testing.T, files ...string) []*schematron.Rules {
	t.Helper()
	var out []*schematron.Rules
	for _, f := range files {
		r, err := schematron.Compile(f, schematron.Options{})
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, r)
	}
	return out
}

func checkWith(t *testing.T, rules []*schematron.Rules, file string) []finding.Finding {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	res := batch.CheckOne(context.Background(), batch.FromBytes(file, data), []batch.Stage{SchematronStage{RuleSets: rules}})
	if res.Err != nil {
		t.Fatal(res.Err)
	}
	return res.Findings
}

var (
	ublRules = []string{examples + "/xrechnung/en16931-ubl/EN16931-UBL-validation.sch", examples + "/xrechnung/xrechnung/ubl/XRechnung-UBL-validation.sch"}
	ciiRules = []string{examples + "/xrechnung/en16931-cii/EN16931-CII-validation.sch", examples + "/xrechnung/xrechnung/cii/XRechnung-CII-validation.sch"}
)

// TestXRechnungTestsuite: the business and technical cases of the
// XRechnung test suite are valid XRechnung invoices; EN16931 and
// XRechnung Schematron must find no error in them.
func TestXRechnungTestsuite(t *testing.T) {
	ubl, cii := compileRules(t, ublRules...), compileRules(t, ciiRules...)
	for name, root := range corpusRoots(t) {
		t.Run(name, func(t *testing.T) {
			files, _ := filepath.Glob(filepath.Join(root, "xoev/xrechnung/testsuite/*/*/*.xml"))
			if len(files) == 0 {
				t.Fatal("no test suite instances found")
			}
			for _, f := range files {
				rules := ubl
				if strings.HasSuffix(f, "_uncefact.xml") {
					rules = cii
				}
				if errs := rules2(checkWith(t, rules, f), finding.Error); len(errs) > 0 {
					t.Errorf("%s: errors %v", filepath.Base(f), errs)
				}
			}
			t.Logf("%d test suite instances valid", len(files))
		})
	}
}

func rules2(fs []finding.Finding, sev finding.Severity) []string { return rules(fs, sev) }

var (
	negativeName = regexp.MustCompile(`negative|wrong|incorrect|too-much|case-sensitive|text-after-end`)
	positiveName = regexp.MustCompile(`-test\.xml$`)
	ruleInName   = regexp.MustCompile(`^(?:ubl-inv|ubl-cn|cii)-(br-(?:de|dex|tmp)-\d+)`)
)

// TestXRechnungTestInstances checks the verdicts that the names of the
// XRechnung Schematron test instances state: a name with "negative",
// "wrong", "incorrect", … must trigger the rule it names (BR-DE-18 or one
// of BR-DE-23-a/-b for br-de-23); a name ending in "-test.xml" must not.
// Numbered variants ("-test-3.xml") do not say which way they go and are
// not judged. On the whole corpus: 36 negative, 56 positive instances.
func TestXRechnungTestInstances(t *testing.T) {
	ubl, cii := compileRules(t, ublRules...), compileRules(t, ciiRules...)
	for name, root := range corpusRoots(t) {
		t.Run(name, func(t *testing.T) {
			files, _ := filepath.Glob(filepath.Join(root, "xoev/xrechnung/xrechnung-schematron/test-instances/*/*.xml"))
			if len(files) == 0 {
				t.Fatal("no test instances found")
			}
			neg, pos := 0, 0
			for _, f := range files {
				base := filepath.Base(f)
				m := ruleInName.FindStringSubmatch(base)
				if m == nil {
					continue
				}
				rule := strings.ToUpper(m[1])
				rules := ubl
				if strings.HasPrefix(base, "cii-") {
					rules = cii
				}
				errs := rules2(checkWith(t, rules, f), finding.Error)
				fired := slices.ContainsFunc(errs, func(id string) bool { return id == rule || strings.HasPrefix(id, rule+"-") })
				switch {
				case negativeName.MatchString(base):
					neg++
					if !fired {
						t.Errorf("%s: %s did not fire (errors %v)", base, rule, errs)
					}
				case positiveName.MatchString(base):
					pos++
					if fired {
						t.Errorf("%s: %s fired", base, rule)
					}
				}
			}
			t.Logf("%d negative and %d positive instances agree with their names", neg, pos)
			if name == "corpus" && (neg != 36 || pos != 56) {
				t.Errorf("judged %d negative and %d positive instances, want 36 and 56", neg, pos)
			}
		})
	}
}

// TestXHochschuleSamples: the XHochschule 1.1 samples are documented to
// carry exactly one Schematron error each.
func TestXHochschuleSamples(t *testing.T) {
	for name, root := range corpusRoots(t) {
		t.Run(name, func(t *testing.T) {
			rules := compileRules(t, filepath.Join(root, "xoev/xbildung/artefacts/xhochschule/1.1/xhochschule-schematron.sch"))
			want := map[string][]string{
				"1_1_XHS_Hochschulabschlusszeugnis.xml":     {"SCH-XHS-0019-BenotungsschemaGesamtnoteundAbschlussarbeit"},
				"1_1_XHS_Immatrikulationsbescheinigung.xml": {"SCH-XHS-0016-WertNichtInListeImmatrikulationsstatus"},
			}
			for f, w := range want {
				got := rules2(checkWith(t, rules, filepath.Join(root, "xoev/xbildung/samples", f)), finding.Error)
				if !slices.Equal(got, w) {
					t.Errorf("%s: errors %v, want %v", f, got, w)
				}
			}
		})
	}
}

// TestCorpusRuleSetsCompile compiles every Schematron file of the corpus
// (XBau, XBildung, XHochschule, EN16931, XRechnung) and runs the XÖV ones
// on the XBildung samples without dynamic errors.
func TestCorpusRuleSetsCompile(t *testing.T) {
	root, ok := corpusRoots(t)["corpus"]
	if !ok {
		testenv.Skip(t, "shared corpus not found", "run beside ../shared/corpus or set OZGCTL_CORPUS")
	}
	var files []string
	filepath.WalkDir(filepath.Join(root, "xoev"), func(p string, d os.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".sch") && !strings.Contains(p, "kosit-prueftool") &&
			!strings.Contains(p, "/abstract/") && !strings.Contains(p, "/codelist/") && !strings.Contains(p, "/UBL/") && !strings.Contains(p, "/CII/") && !strings.HasSuffix(p, "common.sch") {
			files = append(files, p)
		}
		return nil
	})
	samples, _ := filepath.Glob(filepath.Join(root, "xoev/xbildung/samples/*.xml"))
	for _, f := range files {
		r, err := schematron.Compile(f, schematron.Options{})
		if err != nil {
			t.Errorf("%v", err)
			continue
		}
		if !strings.Contains(f, "/xbau/") && !strings.Contains(f, "/xbildung/") {
			continue
		}
		for _, s := range samples {
			data, _ := os.ReadFile(s)
			_, res, err := r.Check(context.Background(), data)
			if err != nil {
				t.Fatal(err)
			}
			for _, fd := range res.Fired {
				if fd.Err != nil {
					t.Errorf("%s on %s: dynamic error in %s: %v", filepath.Base(f), filepath.Base(s), fd.ID, fd.Err)
				}
			}
		}
	}
	t.Logf("%d rule files compiled", len(files))
}

// TestExampleProfilesPickXRechnung: with all example profiles loaded,
// every test-suite invoice gets the XRechnung profile of its syntax.
func TestExampleProfilesPickXRechnung(t *testing.T) {
	set, err := LoadSet(examples, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for name, root := range corpusRoots(t) {
		t.Run(name, func(t *testing.T) {
			files, _ := filepath.Glob(filepath.Join(root, "xoev/xrechnung/testsuite/*/*/*.xml"))
			for _, f := range files {
				data, _ := os.ReadFile(f)
				d, err := schematron.ParseDocument(context.Background(), data)
				if err != nil {
					t.Fatal(err)
				}
				c, err := set.choose(context.Background(), d)
				want := "xrechnung-3.0-ubl"
				if strings.HasSuffix(f, "_uncefact.xml") {
					want = "xrechnung-3.0-cii"
				}
				if err != nil || c.ID != want {
					t.Errorf("%s: profile %v (%v), want %s", filepath.Base(f), c, err, want)
				}
			}
		})
	}
}

// TestXRechnungProfileWithXSD runs the example XRechnung UBL profile
// (bundled UBL 2.1 XSD, EN16931 and XRechnung Schematron) over the test
// suite's UBL invoices, in the testdata subset and in the corpus when
// present: XSD and Schematron in one pass, all valid.
func TestXRechnungProfileWithXSD(t *testing.T) {
	set, err := LoadSet(filepath.Join(examples, "xrechnung-ubl.yaml"), LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for name, root := range corpusRoots(t) {
		t.Run(name, func(t *testing.T) {
			files, _ := filepath.Glob(filepath.Join(root, "xoev/xrechnung/testsuite/*/*/*_ubl.xml"))
			if len(files) == 0 {
				t.Fatal("no UBL invoices in the test suite")
			}
			for _, f := range files {
				res := checkFile(t, set, f)
				if res.Err != nil {
					t.Fatalf("%s: %v", f, res.Err)
				}
				if errs := rules(res.Findings, finding.Error); len(errs) > 0 {
					t.Errorf("%s: errors %v", filepath.Base(f), errs)
				}
				if len(res.Engines) < 2 || !strings.HasPrefix(res.Engines[0], "xsd:") {
					t.Errorf("%s: engines %v, want XSD and Schematron", filepath.Base(f), res.Engines)
				}
			}
			t.Logf("%d UBL invoices valid against UBL 2.1 XSD + EN16931 + XRechnung", len(files))
		})
	}
}

package report

import (
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/ozgctl/ozgctl/pkg/finding"
)

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Time     string       `xml:"time,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"`
	Skipped  int         `xml:"skipped,attr,omitempty"`
	Time     string      `xml:"time,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string `xml:"name,attr"`
	Classname string `xml:"classname,attr"`
	Time      string `xml:"time,attr"`
	// File is the file the testcase is about, as GitLab shows it.
	File      string        `xml:"file,attr,omitempty"`
	Failure   *junitProblem `xml:"failure,omitempty"`
	Error     *junitProblem `xml:"error,omitempty"`
	Skipped   *junitProblem `xml:"skipped,omitempty"`
	SystemOut string        `xml:"system-out,omitempty"`
}

type junitProblem struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

// renderJUnit renders one testsuite per file and one testcase per rule and
// element; findings at or above the report's fail level are failures, the
// others are passing testcases whose system-out carries the message. An
// input that could not be checked is a testcase with an error; one that an
// interrupted run did not finish is skipped, and the run itself is then a
// last suite with an error testcase.
func renderJUnit(w io.Writer, r *finding.Report, opts Options) error {
	failOn := r.FailOn
	if !failOn.Valid() {
		failOn = finding.Error
	}
	doc := junitSuites{Name: toolName(r)}
	var total time.Duration
	for i := range r.Files {
		fr := &r.Files[i]
		s := junitSuite{Name: fr.File}
		if fr.Interrupted() {
			text := msgInterruptedFile.With().Text(opts.Lang)
			s.Cases = append(s.Cases, junitCase{Name: "input", Classname: fr.File, File: finding.CleanFile(fr.File),
				Skipped: &junitProblem{Message: text, Type: "not-checked", Text: text}})
			s.Skipped++
		} else if fr.Err != nil {
			s.Cases = append(s.Cases, junitCase{Name: "input", Classname: fr.File, File: finding.CleanFile(fr.File),
				Error: &junitProblem{Message: fr.ErrText(opts.Lang), Type: "input-error", Text: fr.ErrText(opts.Lang)}})
			s.Errors++
		}
		type key struct{ rule, element string }
		idx := map[key]int{}
		counted := map[int]bool{}
		suppressedOnly := map[int]string{}
		for j := range fr.Findings {
			f := &fr.Findings[j]
			elem := f.ElementID
			if elem != "" && f.ElementVersion != "" {
				elem += " v" + f.ElementVersion
			}
			if elem == "" {
				elem = f.Path
			}
			k := key{f.Rule, elem}
			ci, ok := idx[k]
			if !ok {
				name := f.Rule
				if elem != "" {
					name += " " + elem
				}
				s.Cases = append(s.Cases, junitCase{Name: name, Classname: fr.File, File: finding.CleanFile(findingFile(fr, f))})
				ci = len(s.Cases) - 1
				idx[k] = ci
			}
			c := &s.Cases[ci]
			text := f.Text(opts.Lang)
			line := fmt.Sprintf("%s %s: %s", findingPos(fr, f), f.Severity, text)
			if f.Suppressed != nil {
				// Accepted by a baseline or the configuration: a line in
				// system-out; a testcase of nothing else is skipped.
				marker := suppressionMarker(f.Suppressed, opts.Lang)
				c.SystemOut = joinLine(c.SystemOut, line+" "+marker)
				if suppressedOnly[ci] == "" {
					suppressedOnly[ci] = marker
				}
				continue
			}
			counted[ci] = true
			if f.Severity >= failOn {
				if c.Failure == nil {
					c.Failure = &junitProblem{Message: text, Type: f.Severity.String()}
					s.Failures++
				}
				c.Failure.Text = joinLine(c.Failure.Text, line)
			} else {
				c.SystemOut = joinLine(c.SystemOut, line)
			}
		}
		for ci, marker := range suppressedOnly {
			if !counted[ci] {
				s.Cases[ci].Skipped = &junitProblem{Message: marker, Type: "suppressed"}
				s.Skipped++
			}
		}
		if len(s.Cases) == 0 {
			s.Cases = append(s.Cases, junitCase{Name: "valid", Classname: fr.File, File: finding.CleanFile(fr.File)})
		}
		s.Tests = len(s.Cases)
		// The stages check a file as a whole; its time is shared evenly
		// among its testcases, so that they add up to the suite's.
		s.Time = seconds(fr.Duration)
		for i := range s.Cases {
			s.Cases[i].Time = seconds(fr.Duration / time.Duration(len(s.Cases)))
		}
		total += fr.Duration
		doc.Tests += s.Tests
		doc.Failures += s.Failures
		doc.Errors += s.Errors
		doc.Suites = append(doc.Suites, s)
	}
	if r.Interrupted {
		// A suite of its own makes the interruption an error on every CI
		// dashboard, next to the skipped inputs.
		sum := finding.Summarize(r)
		text := msgInterrupted.With(sum.NotChecked, sum.Files).Text(opts.Lang)
		name := toolName(r)
		doc.Suites = append(doc.Suites, junitSuite{Name: name, Tests: 1, Errors: 1, Time: seconds(0), Cases: []junitCase{{Name: "run", Classname: name,
			Time: seconds(0), Error: &junitProblem{Message: text, Type: "interrupted", Text: text}}}})
		doc.Tests++
		doc.Errors++
	}
	doc.Time = seconds(total)
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// seconds renders d as JUnit's time: seconds with millisecond precision.
func seconds(d time.Duration) string {
	return strconv.FormatFloat(d.Seconds(), 'f', 3, 64)
}

func joinLine(a, b string) string {
	if a == "" {
		return b
	}
	return strings.Join([]string{a, b}, "\n")
}

func toolName(r *finding.Report) string {
	if r.Tool != "" {
		return r.Tool
	}
	return "ozgctl"
}

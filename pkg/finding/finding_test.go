package finding

import (
	"errors"
	"testing"
)

func TestParseSeverity(t *testing.T) {
	tests := []struct {
		in      string
		want    Severity
		wantErr bool
	}{
		{"error", Error, false},
		{"fatal", Error, false},
		{"Warning", Warning, false},
		{"info", Info, false},
		{"information", Info, false},
		{"note", Info, false},
		{"", 0, true},
		{"critical", 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseSeverity(tt.in)
			if (err != nil) != tt.wantErr || got != tt.want {
				t.Fatalf("ParseSeverity(%q) = %v, %v; want %v, err %v", tt.in, got, err, tt.want, tt.wantErr)
			}
		})
	}
}

func TestSeverityZeroInvalid(t *testing.T) {
	var s Severity
	if s.Valid() {
		t.Fatal("zero severity must be invalid")
	}
	if _, err := s.MarshalText(); err == nil {
		t.Fatal("marshalling the zero severity must fail")
	}
	if !(Info < Warning && Warning < Error) {
		t.Fatal("severities out of order")
	}
}

func TestExitCode(t *testing.T) {
	warn := Finding{Rule: "w", Severity: Warning}
	errF := Finding{Rule: "e", Severity: Error}
	tests := []struct {
		name   string
		files  []FileResult
		failOn Severity
		want   int
	}{
		{"empty", nil, Error, 0},
		{"clean", []FileResult{{File: "a"}}, Error, 0},
		{"warning below error", []FileResult{{File: "a", Findings: []Finding{warn}}}, Error, 0},
		{"warning at warning", []FileResult{{File: "a", Findings: []Finding{warn}}}, Warning, 1},
		{"error", []FileResult{{File: "a", Findings: []Finding{errF}}}, Error, 1},
		{"input error wins", []FileResult{{File: "a", Findings: []Finding{errF}}, {File: "b", Err: errors.New("x")}}, Error, 2},
		{"unset fail level means error", []FileResult{{File: "a", Findings: []Finding{warn}}}, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := &Report{Files: tt.files, FailOn: tt.failOn}
			if got := r.ExitCode(); got != tt.want {
				t.Fatalf("ExitCode() = %d, want %d", got, tt.want)
			}
		})
	}
}

func TestSummarizeAndNormalize(t *testing.T) {
	r := &Report{Files: []FileResult{
		{File: "b.xml", Findings: []Finding{
			{Rule: "r2", Severity: Warning, Line: 3},
			{Rule: "r1", Severity: Error, Line: 1},
			{Rule: "r1", Severity: Error, Line: 1},
		}},
		{File: "a.xml"},
		{File: "c.xml", Err: errors.New("unreadable")},
	}}
	r.SortFiles()
	if r.Files[0].File != "a.xml" || r.Files[2].File != "c.xml" {
		t.Fatalf("files not sorted: %v", r.Files)
	}
	if n := len(r.Files[1].Findings); n != 2 {
		t.Fatalf("duplicates kept: %d findings", n)
	}
	if r.Files[1].Findings[0].Line != 1 {
		t.Fatal("findings not sorted by line")
	}
	got := Summarize(r)
	want := Summary{Files: 3, Valid: 1, Invalid: 2, Errors: 1, Warnings: 1, InputErrors: 1}
	if got != want {
		t.Fatalf("Summarize = %+v, want %+v", got, want)
	}
}

func TestPositionString(t *testing.T) {
	tests := []struct {
		p    Position
		want string
	}{
		{Position{File: "a.xml", Line: 3, Column: 7}, "a.xml:3:7"},
		{Position{File: "a.xml", Line: 3}, "a.xml:3"},
		{Position{File: "a.xml", Column: 7}, "a.xml"},
		{Position{Line: 1}, "<input>:1"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			if got := tt.p.String(); got != tt.want {
				t.Fatalf("String() = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestErrorText(t *testing.T) {
	err := errors.New("boom")
	for _, tc := range []struct {
		p    Position
		msg  string
		err  error
		want string
	}{
		{Position{File: "a.xml", Line: 3, Column: 7}, "bad", err, "a.xml:3:7: bad: boom"},
		{Position{File: "a.xml", Line: 3}, "bad", nil, "a.xml:3: bad"},
		{Position{File: "a.xml"}, "", err, "a.xml: boom"},
		{Position{Line: 2}, "bad", nil, "<input>:2: bad"},
		{Position{}, "bad", err, "bad: boom"},
		{Position{}, "", err, "boom"},
	} {
		if got := ErrorText(tc.p, tc.msg, tc.err); got != tc.want {
			t.Errorf("ErrorText(%+v, %q, %v) = %q, want %q", tc.p, tc.msg, tc.err, got, tc.want)
		}
	}
}

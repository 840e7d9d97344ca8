package batch

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/ozgctl/ozgctl/pkg/finding"
)

func names(ins []Input) []string {
	var out []string
	for _, in := range ins {
		out = append(out, in.Name)
	}
	return out
}

func TestExpandInputs(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"b/2.xml", "b/1.xml", "a.xml", "c.txt", "b/sub/3.XML"} {
		p := filepath.Join(dir, f)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte("<x/>"), 0o644)
	}
	j := func(p string) string { return filepath.Join(dir, p) }
	ins, errs := ExpandInputs([]string{j("b"), j("*.xml"), j("a.xml"), "-", "-", j("c.txt"), j("missing.xml"), j("nomatch*.xml")}, strings.NewReader("<stdin/>"))
	want := []string{"-", j("a.xml"), j("b/1.xml"), j("b/2.xml"), j("b/sub/3.XML"), j("c.txt")}
	slices.Sort(want)
	if got := names(ins); !slices.Equal(got, want) {
		t.Errorf("inputs %v\nwant %v", got, want)
	}
	if len(errs) != 2 {
		t.Errorf("errors %v, want missing.xml and nomatch*", errs)
	}
	for _, in := range ins {
		if in.Name == "-" {
			rc, _ := in.Open()
			b := make([]byte, 20)
			n, _ := rc.Read(b)
			if string(b[:n]) != "<stdin/>" {
				t.Errorf("stdin = %q", b[:n])
			}
		}
	}
}

var nop = StageFunc{ID: "nop", Fn: func(context.Context, *Message, *finding.FileResult) error { return nil }}

func TestRunCanceled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	res := Run(ctx, []Input{{Name: "a"}, {Name: "b"}}, []Stage{nop}, Options{Workers: 1})
	for _, r := range res {
		if !r.Interrupted() {
			t.Errorf("%s: err %v, want not checked (interrupted)", r.File, r.Err)
		}
	}
}

// TestRunInterrupted cancels a run while its second input is checked: the
// first keeps its findings, the one cut short and the ones never started
// are not checked and carry no findings (a stage that notices the
// cancellation only by its failing evaluations must not turn them into
// findings).
func TestRunInterrupted(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	stage := StageFunc{ID: "slow", Fn: func(ctx context.Context, msg *Message, res *finding.FileResult) error {
		if msg.Input.Name == "b" {
			cancel()
			<-ctx.Done()
			res.Findings = append(res.Findings, finding.Finding{Rule: "R", Severity: finding.Error, Message: "context canceled"})
			return nil
		}
		res.Findings = append(res.Findings, finding.Finding{Rule: "R", Severity: finding.Error, Message: "real"})
		return nil
	}}
	res := Run(ctx, []Input{{Name: "a"}, {Name: "b"}, {Name: "c"}, {Name: "d"}}, []Stage{stage}, Options{Workers: 1})
	if res[0].Err != nil || len(res[0].Findings) != 1 || res[0].Findings[0].Message != "real" {
		t.Errorf("finished input: %+v", res[0])
	}
	for _, r := range res[1:] {
		if !r.Interrupted() || len(r.Findings) != 0 || r.File == "" {
			t.Errorf("%s: %+v, want not checked without findings", r.File, r)
		}
	}
}

type ruleStage struct{ StageFunc }

func (ruleStage) Rules() []finding.RuleInfo {
	return []finding.RuleInfo{{ID: "B-1"}, {ID: "xml:not-well-formed", Title: "ignored duplicate"}}
}

func TestCollectRules(t *testing.T) {
	rs := CollectRules([]Stage{nop, ruleStage{}}, finding.RuleInfo{ID: "xml:not-well-formed"}, finding.RuleInfo{ID: "codelist:invalid-code"})
	var ids []string
	for _, r := range rs {
		ids = append(ids, r.ID)
		if r.ID == "xml:not-well-formed" && r.Title == "ignored duplicate" {
			t.Error("later duplicate replaced the first definition")
		}
	}
	if !slices.IsSorted(ids) || !slices.Contains(ids, "B-1") || !slices.Contains(ids, "codelist:invalid-code") {
		t.Errorf("ids %v", ids)
	}
}

func TestOnDoneRunsAfterLastStage(t *testing.T) {
	tests := []struct {
		name string
		last func() error
	}{
		{"all stages ran", func() error { return nil }},
		{"a stage could not check", func() error { return errors.New("unreadable") }},
		{"a stage panicked", func() error { panic("boom") }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var events []string
			stages := []Stage{
				StageFunc{ID: "tree", Fn: func(_ context.Context, msg *Message, _ *finding.FileResult) error {
					events = append(events, "reserve")
					msg.OnDone(func() { events = append(events, "release") })
					return nil
				}},
				StageFunc{ID: "last", Fn: func(context.Context, *Message, *finding.FileResult) error {
					events = append(events, "last")
					return tt.last()
				}},
			}
			CheckOne(context.Background(), Input{Name: "m.xml"}, stages)
			if want := []string{"reserve", "last", "release"}; !slices.Equal(events, want) {
				t.Errorf("events %v, want %v", events, want)
			}
		})
	}
}

func TestUnresolvedResults(t *testing.T) {
	_, errs := ExpandInputs([]string{filepath.Join(t.TempDir(), "missing.xml"), filepath.Join(t.TempDir(), "*.nothing")}, nil)
	res := UnresolvedResults(errs)
	if len(res) != 2 {
		t.Fatalf("%d results for %d errors", len(res), len(errs))
	}
	for _, r := range res {
		if r.File == "" || r.Err == nil || strings.Contains(r.ErrText("en"), r.File) {
			t.Errorf("%+v: want the argument as file and the bare reason as error (%q)", r, r.ErrText("en"))
		}
	}
}

func TestKey(t *testing.T) {
	a, b := NewKey[string]("a"), NewKey[string]("a")
	var m Message
	if _, ok := a.Get(&m); ok {
		t.Error("value on an empty message")
	}
	a.Set(&m, "x")
	if v, ok := a.Get(&m); !ok || v != "x" {
		t.Errorf("Get = %q, %v", v, ok)
	}
	if _, ok := b.Get(&m); ok {
		t.Error("a second key of the same name sees the first's value")
	}
}

func TestFromBytes(t *testing.T) {
	in := FromBytes("case.xml", []byte("<a/>"))
	for range 2 {
		rc, err := in.Open()
		if err != nil {
			t.Fatal(err)
		}
		b := make([]byte, 10)
		n, _ := rc.Read(b)
		if in.Name != "case.xml" || string(b[:n]) != "<a/>" {
			t.Errorf("%s: %q", in.Name, b[:n])
		}
	}
}

func TestExpandOptions(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"msgs/a.xml", "msgs/.git/objects/x.xml", "msgs/.hidden.xml", "msgs/old/b.xml", "msgs/c.xml",
		"msgs/tmp-1.xml", ".dot/d.xml", "lists/l.xml", "empty/readme.txt", "models/m.BPMN", "models/n.xml"} {
		p := filepath.Join(dir, f)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte("<x/>"), 0o644)
	}
	if err := os.Symlink(filepath.Join(dir, "msgs"), filepath.Join(dir, "link")); err != nil {
		t.Skip("no symbolic links:", err)
	}
	t.Chdir(dir)
	notList := func(in Input) bool { return !strings.HasPrefix(in.Name, "lists") }
	for _, tc := range []struct {
		name    string
		opts    ExpandOptions
		args    []string
		want    []string
		wantErr []string
	}{
		{"hidden directories skipped", ExpandOptions{}, []string{"msgs"},
			[]string{"msgs/.hidden.xml", "msgs/a.xml", "msgs/c.xml", "msgs/old/b.xml", "msgs/tmp-1.xml"}, nil},
		{"hidden directory named", ExpandOptions{}, []string{".dot", "msgs/.git"},
			[]string{".dot/d.xml", "msgs/.git/objects/x.xml"}, nil},
		{"symbolic link to a directory", ExpandOptions{}, []string{"link"},
			[]string{"link/.hidden.xml", "link/a.xml", "link/c.xml", "link/old/b.xml", "link/tmp-1.xml"}, nil},
		{"exclude by name, directory and path", ExpandOptions{Exclude: []string{"tmp-*.xml", "old", "msgs/c.xml"}}, []string{"msgs"},
			[]string{"msgs/.hidden.xml", "msgs/a.xml"}, nil},
		{"exclude in a glob", ExpandOptions{Exclude: []string{"tmp-*"}}, []string{"msgs/*.xml"},
			[]string{"msgs/.hidden.xml", "msgs/a.xml", "msgs/c.xml"}, nil},
		{"directory without input of the kind", ExpandOptions{Keep: notList}, []string{"lists", "msgs/a.xml"},
			[]string{"msgs/a.xml"}, []string{"lists: directory holds no input of this command's kind"}},
		{"explicit file kept", ExpandOptions{Keep: notList}, []string{"lists/l.xml"}, []string{"lists/l.xml"}, nil},
		{"directory without xml", ExpandOptions{}, []string{"empty"}, nil, []string{"empty: directory holds no *.xml file"}},
		{"other endings, any case", ExpandOptions{Exts: []string{".bpmn", ".xml"}}, []string{"models"}, []string{"models/m.BPMN", "models/n.xml"}, nil},
		{"other endings only", ExpandOptions{Exts: []string{".bpmn"}}, []string{"models", "empty"}, []string{"models/m.BPMN"},
			[]string{"empty: directory holds no *.bpmn file"}},
		{"directory without any ending", ExpandOptions{Exts: []string{".bpmn", ".xml"}}, []string{"empty"}, nil,
			[]string{"empty: directory holds no *.bpmn or *.xml file"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ins, errs := tc.opts.Expand(tc.args, nil)
			if got := names(ins); !slices.Equal(got, tc.want) {
				t.Errorf("inputs %v\nwant   %v", got, tc.want)
			}
			var gotErr []string
			for _, e := range errs {
				gotErr = append(gotErr, e.Error())
			}
			if !slices.Equal(gotErr, tc.wantErr) {
				t.Errorf("errors %q, want %q", gotErr, tc.wantErr)
			}
		})
	}
}

// TestExpandUnreadableDirectory: a directory that cannot be read is one
// input error, not a second one saying it holds no file.
func TestExpandUnreadableDirectory(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads every directory")
	}
	dir := filepath.Join(t.TempDir(), "locked")
	os.MkdirAll(dir, 0o755)
	os.WriteFile(filepath.Join(dir, "a.xml"), []byte("<x/>"), 0o644)
	if err := os.Chmod(dir, 0); err != nil {
		t.Skip(err)
	}
	defer os.Chmod(dir, 0o755)
	ins, errs := ExpandInputs([]string{dir}, nil)
	if len(ins) != 0 || len(errs) != 1 || !errors.Is(errs[0], os.ErrPermission) {
		t.Errorf("inputs %v, errors %v; want one permission error", names(ins), errs)
	}
}

// TestPreload: CheckOne hands stages a small regular file from memory
// (every Open reads the same bytes) and leaves what it cannot or must not
// hold (a file above the limit, a directory, a missing file) to Open,
// which streams it or reports the error as before.
func TestPreload(t *testing.T) {
	dir := t.TempDir()
	small := filepath.Join(dir, "small.xml")
	big := filepath.Join(dir, "big.xml")
	content := "<a>" + strings.Repeat("x", 40<<10) + "</a>"
	if err := os.WriteFile(small, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(big, make([]byte, preloadLimit+1), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name     string
		inMemory bool
		openErr  bool
	}{
		{small, true, false},
		{big, false, false},
		{dir, false, true},
		{filepath.Join(dir, "missing.xml"), false, true},
	} {
		t.Run(filepath.Base(tc.name), func(t *testing.T) {
			var reads []string
			stage := StageFunc{ID: "read", Fn: func(_ context.Context, msg *Message, _ *finding.FileResult) error {
				if msg.Input.inMemory != tc.inMemory {
					t.Errorf("in memory = %v, want %v", msg.Input.inMemory, tc.inMemory)
				}
				rc, err := msg.Input.Open()
				if err != nil {
					return err
				}
				defer rc.Close()
				b := new(strings.Builder)
				if _, err := io.Copy(b, rc); err != nil {
					return err
				}
				reads = append(reads, b.String())
				return nil
			}}
			res := CheckOne(context.Background(), Input{Name: tc.name}, []Stage{stage, stage})
			if (res.Err != nil) != tc.openErr {
				t.Fatalf("error = %v, want one: %v", res.Err, tc.openErr)
			}
			if tc.openErr {
				return
			}
			want, _ := os.ReadFile(tc.name)
			if len(reads) != 2 || reads[0] != string(want) || reads[1] != string(want) {
				t.Errorf("stages read %d times, not the file's bytes each time", len(reads))
			}
		})
	}
}

// TestPreloadAfterExpand: an input ExpandInputs found carries the size of
// its stat, which preload reads by instead of a second stat; a file that
// changed since is read as it is then, whole, and one that grew past the
// preload limit is streamed.
func TestPreloadAfterExpand(t *testing.T) {
	dir := t.TempDir()
	grown := "<a>" + strings.Repeat("y", 100<<10) + "</a>"
	for _, tc := range []struct {
		name, before, after string
		inMemory            bool
	}{
		{"same.xml", "<a>same</a>", "", true},
		{"grew.xml", "<a/>", grown, true},
		{"shrank.xml", grown, "<b/>", true},
		{"emptied.xml", "<a/>", "-", true},
		{"too-big.xml", "<a/>", strings.Repeat(" ", preloadLimit+1), false},
		{"was-big.xml", strings.Repeat(" ", preloadLimit+1), "<c/>", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := filepath.Join(dir, tc.name)
			if err := os.WriteFile(p, []byte(tc.before), 0o644); err != nil {
				t.Fatal(err)
			}
			inputs, errs := ExpandInputs([]string{p}, nil)
			if len(inputs) != 1 || len(errs) > 0 || !inputs[0].sized || inputs[0].size != int64(len(tc.before)) {
				t.Fatalf("ExpandInputs = %+v, %v; want one input of size %d", inputs, errs, len(tc.before))
			}
			want := tc.before
			switch tc.after {
			case "":
			case "-":
				want = ""
			default:
				want = tc.after
			}
			if err := os.WriteFile(p, []byte(want), 0o644); err != nil {
				t.Fatal(err)
			}
			in, bp := inputs[0].preload()
			defer releasePreloaded(bp)
			if in.inMemory != tc.inMemory {
				t.Errorf("in memory = %v, want %v", in.inMemory, tc.inMemory)
			}
			rc, err := in.Open()
			if err != nil {
				t.Fatal(err)
			}
			defer rc.Close()
			if got, err := io.ReadAll(rc); err != nil || string(got) != want {
				t.Errorf("read %d bytes, %v; want the file's %d", len(got), err, len(want))
			}
		})
	}
}

// TestReadAll reads files (empty, small, larger than a first buffer) and
// in-memory inputs completely.
func TestReadAll(t *testing.T) {
	dir := t.TempDir()
	for _, size := range []int{0, 7, 600, 100_000} {
		data := bytes.Repeat([]byte("<x/>"), size/4+1)[:size]
		p := filepath.Join(dir, "f.xml")
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		for _, in := range []Input{{Name: p}, FromBytes("mem", data)} {
			rc, err := in.Open()
			if err != nil {
				t.Fatal(err)
			}
			got, err := ReadAll(rc)
			rc.Close()
			if err != nil || !bytes.Equal(got, data) {
				t.Errorf("%s, %d bytes: got %d bytes, %v", in.Name, size, len(got), err)
			}
		}
	}
}

// TestReadToEOF: short reads short of the size fstat gave go on reading,
// one that ends there is EOF, a file that grows or shrinks while read is
// read to its end.
func TestReadToEOF(t *testing.T) {
	reader := func(data []byte, chunk int) func([]byte) (int, error) {
		calls := 0
		return func(p []byte) (int, error) {
			calls++
			if calls > 1000 {
				t.Fatal("reads on after EOF")
			}
			if len(data) == 0 {
				return 0, io.EOF
			}
			n := copy(p[:min(len(p), chunk)], data)
			data = data[n:]
			return n, nil
		}
	}
	data := bytes.Repeat([]byte("0123456789"), 100)
	for _, tc := range []struct {
		name  string
		size  int // as fstat said
		data  []byte
		chunk int
		ok    bool
	}{
		{"whole", len(data), data, 1 << 20, true},
		{"in pieces", len(data), data, 7, true},
		{"empty", 0, nil, 10, true},
		{"grown", 10, data, 1 << 20, true},
		{"shrunk", len(data) + 50, data, 1 << 20, true},
	} {
		got, ok := readToEOF(tc.size, nil, reader(tc.data, tc.chunk))
		if ok != tc.ok || ok && !bytes.Equal(got, tc.data) {
			t.Errorf("%s: read %d bytes, %v; want %d, %v", tc.name, len(got), ok, len(tc.data), tc.ok)
		}
	}
	if _, ok := readToEOF(10, nil, func([]byte) (int, error) { return 0, errors.New("broken") }); ok {
		t.Error("a read error is not a preload")
	}
}

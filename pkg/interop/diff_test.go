package interop

import (
	"bytes"
	"testing"

	"github.com/sebdah/goldie/v2"
)

const inv = "{urn:x}Invoice"
const cn = "{urn:y}CreditNote"

func groupOf(name string, msgs int, types map[string]int, rules map[string]int, paths map[string]int, codes map[[2]string]int) Group {
	g := Group{Name: name, Messages: msgs, Valid: msgs}
	for r, n := range types {
		g.MessageTypes = append(g.MessageTypes, MessageType{Root: r, Standard: "ubl", Version: "2", Messages: n})
	}
	for r, n := range rules {
		g.Rules = append(g.Rules, RuleCount{Rule: r, Messages: n})
	}
	for p, n := range paths {
		g.Usage = append(g.Usage, PathCount{Root: inv, Path: p, Messages: n})
	}
	for c, n := range codes {
		g.Codes = append(g.Codes, CodeCount{Root: inv, Path: c[0], Value: c[1], Messages: n})
	}
	return g
}

func TestDifferences(t *testing.T) {
	tests := []struct {
		name   string
		groups []Group
		s      Settings
		want   []string // kind + what
	}{
		{
			name: "path share differs by the threshold",
			groups: []Group{
				groupOf("a", 4, map[string]int{inv: 4}, nil, map[string]int{"/Invoice/Note": 4, "/Invoice/ID": 4}, nil),
				groupOf("b", 4, map[string]int{inv: 4}, nil, map[string]int{"/Invoice/Note": 2, "/Invoice/ID": 4}, nil),
			},
			s:    DefaultSettings,
			want: []string{"path " + inv + " /Invoice/Note"},
		},
		{
			name: "below the threshold",
			groups: []Group{
				groupOf("a", 4, map[string]int{inv: 4}, nil, map[string]int{"/Invoice/Note": 4}, nil),
				groupOf("b", 4, map[string]int{inv: 4}, nil, map[string]int{"/Invoice/Note": 3}, nil),
			},
			s: DefaultSettings,
		},
		{
			name: "a group with too few messages of the type is not compared",
			groups: []Group{
				groupOf("a", 4, map[string]int{inv: 4}, nil, map[string]int{"/Invoice/Note": 4}, nil),
				groupOf("b", 2, map[string]int{inv: 2}, nil, map[string]int{}, nil),
			},
			s: DefaultSettings,
		},
		{
			name: "code value used by one group only",
			groups: []Group{
				groupOf("a", 3, map[string]int{inv: 3}, nil, nil, map[[2]string]int{{"/Invoice/PaymentMeansCode", "58"}: 3}),
				groupOf("b", 3, map[string]int{inv: 3}, nil, nil, map[[2]string]int{{"/Invoice/PaymentMeansCode", "30"}: 3}),
			},
			s: DefaultSettings,
			want: []string{"code " + inv + " /Invoice/PaymentMeansCode = 30",
				"code " + inv + " /Invoice/PaymentMeansCode = 58"},
		},
		{
			name: "message type one group sends and another of the standard not",
			groups: []Group{
				groupOf("a", 5, map[string]int{inv: 3, cn: 2}, nil, nil, nil),
				groupOf("b", 3, map[string]int{inv: 3}, nil, nil, nil),
			},
			s:    DefaultSettings,
			want: []string{"messageType " + cn},
		},
		{
			name: "rule failing in one group and never in another; one failing in both is no difference",
			groups: []Group{
				groupOf("a", 3, map[string]int{inv: 3}, map[string]int{"BR-DE-15": 1, "BR-01": 1}, nil, nil),
				groupOf("b", 3, map[string]int{inv: 3}, map[string]int{"BR-01": 3}, nil, nil),
			},
			s:    DefaultSettings,
			want: []string{"rule BR-DE-15"},
		},
		{
			name: "lower min-messages compares small groups",
			groups: []Group{
				groupOf("a", 4, map[string]int{inv: 4}, nil, map[string]int{"/Invoice/Note": 4}, nil),
				groupOf("b", 2, map[string]int{inv: 2}, nil, map[string]int{}, nil),
			},
			s:    Settings{MinMessages: 2, MinDiff: 0.5},
			want: []string{"path " + inv + " /Invoice/Note"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ds := differences(tt.groups, tt.s)
			var got []string
			for i := range ds {
				got = append(got, ds[i].Kind+" "+what(&ds[i]))
			}
			if len(got) != len(tt.want) {
				t.Fatalf("differences %q, want %q", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("difference %d = %q, want %q", i, got[i], tt.want[i])
				}
			}
		})
	}
}

// goldenResult is a small result with every kind of difference.
func goldenResult() *Result {
	r := &Result{Settings: DefaultSettings, Groups: []Group{
		groupOf("vendor-a", 5, map[string]int{inv: 3, cn: 2}, map[string]int{"BR-DE-15": 1}, map[string]int{"/Invoice/Note": 3, "/Invoice/ID": 3},
			map[[2]string]int{{"/Invoice/PaymentMeansCode", "58"}: 3}),
		groupOf("vendor-b", 4, map[string]int{inv: 4}, nil, map[string]int{"/Invoice/ID": 4},
			map[[2]string]int{{"/Invoice/PaymentMeansCode", "30"}: 4}),
	}}
	r.Groups[0].Valid, r.Groups[0].Invalid = 4, 1
	r.finish()
	return r
}

func TestRenderGolden(t *testing.T) {
	g := goldie.New(t, goldie.WithFixtureDir("testdata/golden"), goldie.WithNameSuffix(".golden"))
	for _, format := range []string{"text", "markdown", "json"} {
		for _, lang := range []string{"de", "en"} {
			t.Run(format+"-"+lang, func(t *testing.T) {
				f, err := Lookup(format)
				if err != nil {
					t.Fatal(err)
				}
				var buf bytes.Buffer
				if err := f(&buf, goldenResult(), RenderOptions{Lang: lang}); err != nil {
					t.Fatal(err)
				}
				g.Assert(t, format+"-"+lang, buf.Bytes())
			})
		}
	}
}

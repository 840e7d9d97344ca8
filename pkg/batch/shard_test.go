package batch

import (
	"fmt"
	"slices"
	"testing"
)

func TestParseShard(t *testing.T) {
	tests := []struct {
		name  string
		spec  string
		count int
		env   map[string]string
		want  Shard
		err   bool
	}{
		{name: "none", spec: "", want: Shard{}},
		{name: "explicit", spec: "2/3", want: Shard{2, 3}},
		{name: "explicit with agreeing count", spec: "2/3", count: 3, want: Shard{2, 3}},
		{name: "explicit with other count", spec: "2/3", count: 4, err: true},
		{name: "zero index", spec: "0/3", err: true},
		{name: "index above count", spec: "4/3", err: true},
		{name: "not numbers", spec: "a/b", err: true},
		{name: "no slash", spec: "3", err: true},
		{name: "count without auto", spec: "", count: 3, err: true},
		{name: "gitlab", spec: "auto", env: map[string]string{"CI_NODE_INDEX": "3", "CI_NODE_TOTAL": "7"}, want: Shard{3, 7}},
		{name: "kubernetes", spec: "auto", count: 7, env: map[string]string{"JOB_COMPLETION_INDEX": "0"}, want: Shard{1, 7}},
		{name: "kubernetes without count", spec: "auto", env: map[string]string{"JOB_COMPLETION_INDEX": "0"}, err: true},
		{name: "github matrix", spec: "auto", env: map[string]string{"OZGCTL_SHARD_INDEX": "6", "OZGCTL_SHARD_TOTAL": "7"}, want: Shard{7, 7}},
		{name: "github out of range", spec: "auto", env: map[string]string{"OZGCTL_SHARD_INDEX": "7", "OZGCTL_SHARD_TOTAL": "7"}, err: true},
		{name: "auto without environment", spec: "auto", err: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseShard(tt.spec, tt.count, func(k string) string { return tt.env[k] })
			if (err != nil) != tt.err {
				t.Fatalf("err = %v, want error %v", err, tt.err)
			}
			if got != tt.want {
				t.Errorf("shard %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestShardSelectPartitions(t *testing.T) {
	var ins []Input
	for i := range 23 {
		ins = append(ins, Input{Name: fmt.Sprintf("m%02d.xml", i)})
	}
	for _, n := range []int{1, 3, 7} {
		var all []string
		for i := 1; i <= n; i++ {
			part := Shard{Index: i, Count: n}.Select(ins)
			if n > 1 && len(part) > 0 && part[0].Name != ins[i-1].Name {
				t.Errorf("shard %d/%d starts with %s, want %s", i, n, part[0].Name, ins[i-1].Name)
			}
			all = append(all, names(part)...)
		}
		slices.Sort(all)
		if !slices.Equal(all, names(ins)) {
			t.Errorf("n=%d: shards hold %v", n, all)
		}
	}
}

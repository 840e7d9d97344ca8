package batch

import (
	"fmt"
	"strconv"
	"strings"
)

// Shard selects the inputs of one of N parallel runs: Index is 1-based,
// Count the number of runs. The zero Shard selects everything.
type Shard struct {
	Index, Count int
}

// String returns "i/n", or "" for the zero Shard.
func (s Shard) String() string {
	if s.Count == 0 {
		return ""
	}
	return fmt.Sprintf("%d/%d", s.Index, s.Count)
}

// Select keeps the inputs whose index in the sorted list ≡ Index−1
// (mod Count). Inputs from [ExpandInputs] are sorted already; every run
// of a sharded job expands the same arguments, so the shards are disjoint
// and together hold every input once.
func (s Shard) Select(inputs []Input) []Input {
	if s.Count <= 1 {
		return inputs
	}
	var out []Input
	for i, in := range inputs {
		if i%s.Count == s.Index-1 {
			out = append(out, in)
		}
	}
	return out
}

// ShardError says why a --shard value or the CI environment behind
// "--shard auto" gives no shard.
type ShardError struct {
	Spec string
	Msg  string
}

// Error implements error.
func (e *ShardError) Error() string { return fmt.Sprintf("shard %q: %s", e.Spec, e.Msg) }

// ParseShard reads "i/n" (1 ≤ i ≤ n), "" (no sharding) or "auto", which
// takes the shard from the environment (getenv), in this order:
//
//   - GitLab parallel jobs: CI_NODE_INDEX (1-based) and CI_NODE_TOTAL;
//   - a Kubernetes Indexed Job: JOB_COMPLETION_INDEX (0-based), with the
//     count from count (the --shard-count flag; the Job's completions);
//   - anything else, e.g. a GitHub Actions matrix, through variables the
//     workflow maps: OZGCTL_SHARD_INDEX (0-based, as strategy.job-index)
//     and OZGCTL_SHARD_TOTAL (strategy.job-total).
//
// A count given with a plain "i/n" must agree with n.
func ParseShard(spec string, count int, getenv func(string) string) (Shard, error) {
	switch spec {
	case "":
		if count > 0 {
			return Shard{}, &ShardError{Spec: spec, Msg: "a shard count needs --shard auto"}
		}
		return Shard{}, nil
	case "auto":
		return autoShard(count, getenv)
	}
	i, n, ok := strings.Cut(spec, "/")
	if !ok {
		return Shard{}, &ShardError{Spec: spec, Msg: `want "i/n" (1 ≤ i ≤ n) or "auto"`}
	}
	s, err := makeShard(spec, i, n, 1)
	if err == nil && count > 0 && count != s.Count {
		return Shard{}, &ShardError{Spec: spec, Msg: fmt.Sprintf("the shard count %d disagrees with %d", count, s.Count)}
	}
	return s, err
}

func autoShard(count int, getenv func(string) string) (Shard, error) {
	if i := getenv("CI_NODE_INDEX"); i != "" {
		return makeShard("auto", i, getenv("CI_NODE_TOTAL"), 1)
	}
	if i := getenv("JOB_COMPLETION_INDEX"); i != "" {
		if count <= 0 {
			return Shard{}, &ShardError{Spec: "auto", Msg: "JOB_COMPLETION_INDEX is set: give the Job's completions as --shard-count"}
		}
		return makeShard("auto", i, strconv.Itoa(count), 0)
	}
	if i := getenv("OZGCTL_SHARD_INDEX"); i != "" {
		n := getenv("OZGCTL_SHARD_TOTAL")
		if n == "" && count > 0 {
			n = strconv.Itoa(count)
		}
		return makeShard("auto", i, n, 0)
	}
	return Shard{}, &ShardError{Spec: "auto", Msg: "no shard in the environment: set CI_NODE_INDEX/CI_NODE_TOTAL (GitLab), JOB_COMPLETION_INDEX with --shard-count (Kubernetes) or OZGCTL_SHARD_INDEX/OZGCTL_SHARD_TOTAL (e.g. from a GitHub Actions matrix)"}
}

// makeShard parses index and count; base is the index of the first shard
// in the source (1 for "i/n" and GitLab, 0 for Kubernetes and GitHub).
func makeShard(spec, index, count string, base int) (Shard, error) {
	i, err1 := strconv.Atoi(strings.TrimSpace(index))
	n, err2 := strconv.Atoi(strings.TrimSpace(count))
	if err1 != nil || err2 != nil {
		return Shard{}, &ShardError{Spec: spec, Msg: fmt.Sprintf("index %q and count %q must be numbers", index, count)}
	}
	i += 1 - base
	if n < 1 || i < 1 || i > n {
		return Shard{}, &ShardError{Spec: spec, Msg: fmt.Sprintf("shard %d of %d is out of range (want 1 ≤ i ≤ n)", i, n)}
	}
	return Shard{Index: i, Count: n}, nil
}

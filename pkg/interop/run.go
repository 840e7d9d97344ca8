package interop

import (
	"context"

	"github.com/ozgctl/ozgctl/pkg/batch"
	"github.com/ozgctl/ozgctl/pkg/finding"
)

// RunOptions configure [Run].
type RunOptions struct {
	Settings Settings
	// Shard selects a part of the sorted inputs; the zero Shard all.
	Shard batch.Shard
	// Batch configures the worker pool.
	Batch batch.Options
}

// Run checks the messages of every group with the check stages (from
// conformance.Build), observes each message once more for its usage, and
// returns the counted result and the file results. Arguments that name
// nothing are counted, as invalid, by the first shard only, so that merged
// shards count them once.
func Run(ctx context.Context, check []batch.Stage, sources []Source, opts RunOptions) (*Result, []finding.FileResult) {
	inputs, groupOf, inErrs, errGroups := expand(sources)
	inputs = opts.Shard.Select(inputs)
	col := newCollector(specs(sources), groupOf)
	stages := append(check[:len(check):len(check)], UsageStage{}, col.stage())
	results := batch.Run(ctx, inputs, stages, opts.Batch)
	if opts.Shard.Index <= 1 {
		unresolved := batch.UnresolvedResults(inErrs)
		for i := range unresolved {
			groupOf[unresolved[i].File] = errGroups[i]
		}
		results = append(results, unresolved...)
	}
	return col.result(results, opts.Settings), results
}

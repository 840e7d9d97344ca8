package xsd

import (
	"github.com/jacoelho/xsd/internal/compile"
	"github.com/jacoelho/xsd/internal/runtime"
	"github.com/jacoelho/xsd/internal/source"
)

// Engine is an immutable compiled schema validator.
type Engine struct {
	rt *runtime.Schema
}

// CompileOptions controls schema compilation resource limits.
type CompileOptions struct {
	// MaxSchemaDepth caps nested schema XML elements. Zero uses the default.
	MaxSchemaDepth int
	// MaxSchemaAttributes caps attributes on one schema XML element. Zero uses the default.
	MaxSchemaAttributes int
	// MaxSchemaTokenBytes caps retained schema XML token payloads. Zero uses the default.
	MaxSchemaTokenBytes int64
	// MaxSchemaSourceBytes caps bytes read from each schema source. Zero uses the default.
	MaxSchemaSourceBytes int64
	// MaxSchemaSources caps explicit source descriptors and distinct resolver-loaded
	// source identities admitted to one compilation. Zero uses the default.
	MaxSchemaSources int
	// MaxSchemaTotalBytes caps aggregate bytes read across all schema sources. Zero uses the default.
	MaxSchemaTotalBytes int64
	// MaxSchemaReferences caps include/import references processed during compilation. Zero uses the default.
	MaxSchemaReferences int
	// MaxSchemaDependencySteps caps aggregate schema-graph expansion, target-context
	// propagation, and component-dependency resolution work. Zero uses the default.
	MaxSchemaDependencySteps int
	// MaxSchemaTargetContexts caps distinct source/effective-target-namespace contexts,
	// including primary and chameleon-derived contexts. Zero uses the default.
	MaxSchemaTargetContexts int
	// MaxSchemaInstantiatedNodes caps aggregate raw schema nodes across all target contexts. Zero uses the default.
	MaxSchemaInstantiatedNodes int
	// MaxSchemaNames caps interned schema names, including built-ins. Zero means no explicit limit.
	MaxSchemaNames int
	// MaxFiniteOccurs caps finite maxOccurs values. Zero uses the uint32 runtime cap.
	MaxFiniteOccurs uint64
	// MaxContentModelStates caps compiled content-model DFA states. Zero uses the default.
	MaxContentModelStates int
	// MaxContentModelAnalysisSteps caps content-model traversal, determinization, and ambiguity-analysis work. Zero uses the default.
	MaxContentModelAnalysisSteps int
	// MaxSubstitutionClosureEntries caps aggregate transitive substitution-group relationships. Zero uses the default.
	MaxSubstitutionClosureEntries int
	// MaxSimpleUnionMemberEntries caps aggregate flattened simple-union members. Zero uses the default.
	MaxSimpleUnionMemberEntries int
	// ParseAhead lists schema documents the compile is likely to load (ozgctl
	// patch). They are parsed in parallel before they are needed; the result
	// is the same as without, since a document parsed ahead is used only when
	// the loader reads the same name and bytes.
	ParseAhead []SchemaSource
}

// Compile compiles schema sources into an immutable validation engine.
func Compile(sources ...SchemaSource) (*Engine, error) {
	return CompileWithOptions(CompileOptions{}, sources...)
}

// CompileWithOptions compiles schema sources with explicit resource limits.
func CompileWithOptions(opts CompileOptions, sources ...SchemaSource) (*Engine, error) {
	rt, err := compile.CompileMappedSources(internalCompileOptions(opts), sources, internalSchemaSource)
	if err != nil {
		return nil, err
	}
	return &Engine{rt: rt}, nil
}

func internalCompileOptions(opts CompileOptions) compile.Options {
	return compile.Options{
		MaxSchemaDepth:                opts.MaxSchemaDepth,
		MaxSchemaAttributes:           opts.MaxSchemaAttributes,
		MaxSchemaTokenBytes:           opts.MaxSchemaTokenBytes,
		MaxSchemaSourceBytes:          opts.MaxSchemaSourceBytes,
		MaxSchemaSources:              opts.MaxSchemaSources,
		MaxSchemaTotalBytes:           opts.MaxSchemaTotalBytes,
		MaxSchemaReferences:           opts.MaxSchemaReferences,
		MaxSchemaDependencySteps:      opts.MaxSchemaDependencySteps,
		MaxSchemaTargetContexts:       opts.MaxSchemaTargetContexts,
		MaxSchemaInstantiatedNodes:    opts.MaxSchemaInstantiatedNodes,
		MaxSchemaNames:                opts.MaxSchemaNames,
		MaxFiniteOccurs:               opts.MaxFiniteOccurs,
		MaxContentModelStates:         opts.MaxContentModelStates,
		MaxContentModelAnalysisSteps:  opts.MaxContentModelAnalysisSteps,
		MaxSubstitutionClosureEntries: opts.MaxSubstitutionClosureEntries,
		MaxSimpleUnionMemberEntries:   opts.MaxSimpleUnionMemberEntries,
		ParseAhead:                    internalSchemaSources(opts.ParseAhead),
	}
}

func internalSchemaSources(srcs []SchemaSource) []source.Source {
	if len(srcs) == 0 {
		return nil
	}
	out := make([]source.Source, len(srcs))
	for i, s := range srcs {
		out[i] = internalSchemaSource(s)
	}
	return out
}

// ozgctl patch (see PATCHES.md): the compiled schema of an Engine in a
// binary form, for callers that keep compiled schemas on disk.

// AppendBinary appends the engine's compiled schema in a binary form to b.
// Only a binary built from the same runtime types can load it
// ([EngineFormat] says which); the bytes carry no checksum, so a caller
// storing them should add one.
func (e *Engine) AppendBinary(b []byte) ([]byte, error) {
	return e.rt.AppendBinary(b)
}

// LoadEngine returns the engine whose compiled schema [Engine.AppendBinary]
// encoded. Input of another format or damaged input is an error.
func LoadEngine(data []byte) (*Engine, error) {
	rt, err := runtime.UnmarshalSchema(data)
	if err != nil {
		return nil, err
	}
	return &Engine{rt: rt}, nil
}

// LoadEngineOwned is [LoadEngine] for bytes the caller hands over (read
// from a file for this load): the engine's names and tables point into
// data instead of copies, so data must not change afterwards. It loads
// fastest when data starts at an address aligned to 8 bytes (a fresh
// allocation, or an offset of a multiple of 8 into one).
func LoadEngineOwned(data []byte) (*Engine, error) {
	rt, err := runtime.UnmarshalSchemaOwned(data)
	if err != nil {
		return nil, err
	}
	return &Engine{rt: rt}, nil
}

// EngineFormat identifies the binary form of [Engine.AppendBinary]: it
// changes whenever the shape of the compiled schema's types changes.
func EngineFormat() ([32]byte, error) {
	return runtime.SchemaCodecFingerprint()
}

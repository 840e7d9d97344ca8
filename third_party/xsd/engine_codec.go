package xsd

import "github.com/jacoelho/xsd/internal/runtime"

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

// EngineFormat identifies the binary form of [Engine.AppendBinary]: it
// changes whenever the shape of the compiled schema's types changes.
func EngineFormat() ([32]byte, error) {
	return runtime.SchemaCodecFingerprint()
}

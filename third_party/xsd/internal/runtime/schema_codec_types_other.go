//go:build !amd64

package runtime

import "reflect"

// schemaRuntimeCodecTypes describes the types of the published tables by
// reflection (on amd64 the description is generated, see
// schema_codec_types_amd64.go).
func schemaRuntimeCodecTypes() ([]codecType, []reflect.Type, [32]byte, error) {
	return describeCodecTypes(reflect.TypeFor[schemaRuntime]())
}

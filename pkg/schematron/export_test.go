package schematron

// CompilePlain compiles without memos and Go shortcuts: plain XPath
// evaluation, the reference of the differential tests.
func CompilePlain(path string) (*Rules, error) { return Compile(path, Options{plain: true}) }

package xsd_test

const (
	testLabelEmpty          = "empty"
	testLabelWhitespaceOnly = "whitespace-only"
)

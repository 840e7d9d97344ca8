package xoev

type codeIndex struct{}

func buildCodeIndex(docs []*SchemaDoc) *codeIndex { return &codeIndex{} }

module github.com/ozgctl/ozgctl/third_party/template

go 1.26

module github.com/ozgctl/stdtemplate

go 1.26

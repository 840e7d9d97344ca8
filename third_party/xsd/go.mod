module github.com/jacoelho/xsd

go 1.26.2

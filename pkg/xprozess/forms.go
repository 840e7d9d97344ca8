package xprozess

import (
	"io/fs"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/ozgctl/ozgctl/internal/lazy"
	"github.com/ozgctl/ozgctl/pkg/fim"
	"github.com/ozgctl/ozgctl/pkg/finding"
)

// Form is an XDatenfelder schema found for a form reference.
type Form struct {
	File string
	Doc  *fim.Document
}

// FormIndex finds XDatenfelder schemas by id.
type FormIndex struct {
	byID map[string]*Form
	// Problems lists files below the directories that look like
	// XDatenfelder but could not be read.
	Problems []error
}

// LoadForms reads every *.xml below the directories that is an
// XDatenfelder 2.0 or 3.0.0 message with a Datenschema; other files are
// passed over.
func LoadForms(dirs ...string) *FormIndex {
	ix := &FormIndex{byID: map[string]*Form{}}
	for _, dir := range dirs {
		var files []string
		_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.EqualFold(filepath.Ext(p), ".xml") {
				files = append(files, p)
			}
			return nil
		})
		slices.Sort(files)
		for _, p := range files {
			doc, _, err := fim.ReadFile(p, fim.ReadOptions{})
			if err != nil || doc.Schema == nil {
				continue
			}
			ix.add(doc.Schema.Identifier.ID, &Form{File: p, Doc: doc})
			if ds := doc.Schema.Dokumentsteckbrief; ds != nil && ds.ID != "" {
				ix.add(ds.ID, &Form{File: p, Doc: doc})
			}
		}
	}
	return ix
}

func (ix *FormIndex) add(id string, f *Form) {
	if _, dup := ix.byID[id]; !dup && id != "" {
		ix.byID[id] = f
	}
}

// len returns the number of ids indexed.
func (ix *FormIndex) len() int { return len(ix.byID) }

var dsRe = lazy.Value[*regexp.Regexp]{F: func() *regexp.Regexp { return regexp.MustCompile(`^D(\d{8}|\d{11})$`) }}

// SchemaIDFor maps a Dokumentsteckbrief id to the id of its Datenschema:
// D00000094 → S00000094 (the FIM numbering keeps the number). Other ids
// are returned as they are.
func SchemaIDFor(id string) string {
	if m := dsRe.Get().FindStringSubmatch(id); m != nil {
		return "S" + m[1]
	}
	return id
}

// Status of a form reference.
const (
	FormFound     = "found"
	FormMissing   = "missing"
	FormMalformed = "malformed"
	FormText      = "text"
)

// FormLink is a form reference and what it resolved to.
type FormLink struct {
	Ref Formularverweis `json:"ref"`
	// Status is found, missing, malformed (an id-like value that is not a
	// FIM id) or text (only a description, nothing to resolve).
	Status string `json:"status"`
	// SchemaID is the schema id looked for.
	SchemaID string `json:"schemaId,omitempty"`
	File     string `json:"file,omitempty"`
	Form     *Form  `json:"-"`
}

// Resolve looks up every form reference of the process. With a nil index
// nothing is found: every id is missing.
func (ix *FormIndex) Resolve(p *Prozess) []FormLink {
	var out []FormLink
	for _, ref := range p.forms() {
		l := FormLink{Ref: ref}
		id := ref.ID()
		switch {
		case id == "":
			l.Status = FormText
		case !isFIMID(id):
			l.Status = FormMalformed
		default:
			l.SchemaID = SchemaIDFor(id)
			var f *Form
			if ix != nil {
				if f = ix.byID[id]; f == nil {
					f = ix.byID[l.SchemaID]
				}
			}
			if f != nil {
				l.Status, l.File, l.Form = FormFound, f.File, f
			} else {
				l.Status = FormMissing
			}
		}
		out = append(out, l)
	}
	return out
}

// LinkFindings turns unresolved links into findings.
func LinkFindings(p *Prozess, links []FormLink, lang string) []finding.Finding {
	var out []finding.Finding
	for _, l := range links {
		switch l.Status {
		case FormMissing:
			out = append(out, newFinding(ruleFormMissing, lang, l.Ref.Line, p.ID, l.Ref.ID(), l.SchemaID))
		case FormMalformed:
			out = append(out, newFinding(ruleFormMalformed, lang, l.Ref.Line, p.ID, l.Ref.ID()))
		}
	}
	return out
}

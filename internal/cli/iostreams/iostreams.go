// Package iostreams holds the standard streams of a command and decides
// whether colour and progress output are appropriate.
package iostreams

import (
	"bytes"
	"io"
	"os"

	"github.com/mattn/go-isatty"
)

// IOStreams are the streams a command reads and writes.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer

	outTTY, errTTY bool
	noColor        bool
	quiet          bool
	verbose        bool
}

// System returns the process's streams with TTY detection.
func System() *IOStreams {
	s := &IOStreams{In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr}
	s.outTTY = isTerminal(os.Stdout)
	s.errTTY = isTerminal(os.Stderr)
	if _, ok := os.LookupEnv("NO_COLOR"); ok {
		s.noColor = true
	}
	if os.Getenv("TERM") == "dumb" {
		s.noColor = true
	}
	return s
}

func isTerminal(f *os.File) bool {
	return isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd())
}

// Test returns streams backed by buffers: stdin, stdout and stderr.
func Test() (*IOStreams, *bytes.Buffer, *bytes.Buffer, *bytes.Buffer) {
	in, out, errOut := &bytes.Buffer{}, &bytes.Buffer{}, &bytes.Buffer{}
	return &IOStreams{In: in, Out: out, ErrOut: errOut}, in, out, errOut
}

// SetNoColor disables colour regardless of the terminal.
func (s *IOStreams) SetNoColor(v bool) { s.noColor = s.noColor || v }

// SetQuiet suppresses progress and hints on stderr.
func (s *IOStreams) SetQuiet(v bool) { s.quiet = v }

// Quiet reports whether progress and hints are suppressed.
func (s *IOStreams) Quiet() bool { return s.quiet }

// SetVerbose asks for more detail: the config read, suppressed findings.
func (s *IOStreams) SetVerbose(v bool) { s.verbose = v }

// Verbose reports whether --verbose was given.
func (s *IOStreams) Verbose() bool { return s.verbose }

// ColorEnabled reports whether stdout gets ANSI colours.
func (s *IOStreams) ColorEnabled() bool { return s.outTTY && !s.noColor }

// ProgressEnabled reports whether a progress bar may be drawn on stderr.
func (s *IOStreams) ProgressEnabled() bool { return s.errTTY && !s.quiet }

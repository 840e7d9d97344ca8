package sax

//go:generate perl gencbsax.pl

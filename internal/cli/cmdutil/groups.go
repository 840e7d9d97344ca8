package cmdutil

import "github.com/ozgctl/ozgctl/pkg/interop"

// CheckGroupArgs checks the arguments of a command that compares groups of
// messages ("report interop", "profile suggest"): group directories, or
// --manifest FILE naming the groups, never both.
func CheckGroupArgs(args []string, manifest string) error {
	if len(args) == 0 && manifest == "" {
		return FlagErrorf("no groups: give a directory of group directories, group directories, or --manifest")
	}
	if len(args) > 0 && manifest != "" {
		return FlagErrorf("--manifest names the groups: give no arguments with it")
	}
	return nil
}

// GroupSources reads the groups [CheckGroupArgs] accepted: from the
// manifest if there is one, else from the directories.
func GroupSources(args []string, manifest string) ([]interop.Source, error) {
	var sources []interop.Source
	var err error
	if manifest != "" {
		sources, err = interop.ReadManifest(manifest)
	} else {
		sources, err = interop.DirSources(args)
	}
	if err != nil {
		return nil, &FlagError{Err: err}
	}
	return sources, nil
}

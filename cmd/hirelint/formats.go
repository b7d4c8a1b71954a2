package main

import (
	"io"
	"os"
	"strings"

	"github.com/hirelint/hirelint/linter/output"
)

var formats = []string{"text", "json", "sarif", "github", "checkstyle", "line"}

var formatNames = strings.Join(formats, ", ")

func validFormat(f string) bool {
	for _, x := range formats {
		if x == f {
			return true
		}
	}
	return false
}

// newReporter returns the reporter for --format.
func newReporter(o options, color bool, stdout io.Writer, cfgs *configs) (output.Reporter, error) {
	if o.diff {
		// --diff prints diffs only, as gofmt -d does.
		return output.Discard, nil
	}
	switch o.format {
	case "json":
		return output.NewJSONReporter(stdout), nil
	case "sarif":
		// Rule metadata comes from the rule set in effect for the working
		// directory; rules met only elsewhere get a bare entry.
		cfg := cfgs.explicit
		if cfg == nil {
			wd, err := os.Getwd()
			if err != nil {
				return nil, err
			}
			if cfg, err = cfgs.forDir(wd); err != nil {
				return nil, err
			}
		}
		return output.NewSARIFReporter(stdout, cfg.Active(), versionString()), nil
	case "github":
		return output.NewGitHubReporter(stdout), nil
	case "checkstyle":
		return output.NewCheckstyleReporter(stdout, versionString()), nil
	case "line":
		return output.NewLineReporter(stdout), nil
	}
	return output.NewTextReporter(stdout, output.TextOptions{Color: color}), nil
}

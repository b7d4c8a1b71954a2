package linter

import (
	"fmt"
	"regexp"
	"strings"
)

// GlobRegexp compiles a slash-separated glob to a regular expression over
// slash-separated relative paths: "*" matches within a path segment, "?"
// one character, "[...]" a class, and "**" any number of whole segments
// ("postings/**/*.md", "**/drafts"). The glob also matches everything
// under a path it matches (a directory stands for its files); see
// GlobExact for a match of the whole path only.
func GlobRegexp(glob string) (*regexp.Regexp, error) { return globRegexp(glob, true) }

// GlobExact is GlobRegexp without the paths below a match.
func GlobExact(glob string) (*regexp.Regexp, error) { return globRegexp(glob, false) }

func globRegexp(glob string, under bool) (*regexp.Regexp, error) {
	g := strings.TrimPrefix(glob, "./")
	var b strings.Builder
	b.WriteString("^")
	for i := 0; i < len(g); i++ {
		c := g[i]
		switch {
		case c == '*' && i+1 < len(g) && g[i+1] == '*':
			// "**/" matches zero or more segments; a trailing "**"
			// matches everything below.
			if i+2 < len(g) && g[i+2] == '/' {
				b.WriteString("(?:.*/)?")
				i += 2
			} else {
				b.WriteString(".*")
				i++
			}
		case c == '*':
			b.WriteString("[^/]*")
		case c == '?':
			b.WriteString("[^/]")
		case c == '[':
			j := strings.IndexByte(g[i:], ']')
			if j < 0 {
				return nil, fmt.Errorf("glob %q: unclosed [", glob)
			}
			class := g[i+1 : i+j]
			if strings.HasPrefix(class, "!") {
				class = "^" + class[1:]
			}
			b.WriteString("[" + class + "]")
			i += j
		case c == '\\' && i+1 < len(g):
			i++
			b.WriteString(regexp.QuoteMeta(string(g[i])))
		default:
			b.WriteString(regexp.QuoteMeta(string(c)))
		}
	}
	expr := strings.TrimSuffix(b.String(), "/")
	if under {
		expr += "(?:/.*)?"
	}
	re, err := regexp.Compile(expr + "$")
	if err != nil {
		return nil, fmt.Errorf("glob %q: %v", glob, err)
	}
	return re, nil
}

// ForPath returns the rule set for a file at rel, a slash-separated path
// relative to the directory of the config file: the first [[override]]
// whose paths match, else c.
func (c *Config) ForPath(rel string) *Config {
	for _, o := range c.Overrides {
		for _, re := range o.paths {
			if re.MatchString(rel) {
				return o.Config
			}
		}
	}
	return c
}

package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/hirelint/hirelint/linter"
	"github.com/hirelint/hirelint/rules"
)

// ConfigName is the user config file looked up from each linted file's
// directory upwards.
const ConfigName = ".hirelint.toml"

// maxConfigSize bounds what is read of a config file: a config with a
// phrase list of 100,000 entries is a few megabytes.
const maxConfigSize = 64 << 20

// configs finds and caches the rule set for each directory.
type configs struct {
	base     *linter.Config
	explicit *linter.Config // from --config, used for every file
	byDir    map[string]*linter.Config
	byFile   map[string]*linter.Config
	// dirOf maps a loaded config to its file's directory, which the paths
	// of its [[override]] tables are relative to.
	dirOf   map[*linter.Config]string
	enable  []string
	disable []string
}

func loadDefault() (*linter.Config, error) {
	return rules.LoadDefault()
}

func newConfigs(explicit string, enable, disable []string) (*configs, error) {
	base, err := loadDefault()
	if err != nil {
		return nil, err
	}
	c := &configs{base: base, byDir: map[string]*linter.Config{}, byFile: map[string]*linter.Config{}, dirOf: map[*linter.Config]string{}, enable: enable, disable: disable}
	if explicit != "" {
		if c.explicit, err = c.load(explicit); err != nil {
			return nil, err
		}
	}
	// Selections given on the command line must name real rules even when
	// no file is linted.
	if _, err := c.selected(base); err != nil {
		return nil, err
	}
	return c, nil
}

func (c *configs) load(path string) (*linter.Config, error) {
	if cfg, ok := c.byFile[path]; ok {
		return cfg, nil
	}
	src, err := readRegular(path, maxConfigSize, "the limit for config files")
	if err != nil {
		return nil, fmt.Errorf("read config %s: %w", displayPath(path), unwrapPathErr(err))
	}
	cfg, err := c.base.Extend(displayPath(path), src)
	if err != nil {
		return nil, err
	}
	if cfg, err = c.selected(cfg); err != nil {
		return nil, err
	}
	c.byFile[path] = cfg
	if abs, err := filepath.Abs(path); err == nil {
		c.dirOf[cfg] = filepath.Dir(abs)
	}
	return cfg, nil
}

func (c *configs) selected(cfg *linter.Config) (*linter.Config, error) {
	var err error
	if cfg, err = cfg.Select(c.disable, false); err != nil {
		return nil, fmt.Errorf("--disable: %w", err)
	}
	if cfg, err = cfg.Select(c.enable, true); err != nil {
		return nil, fmt.Errorf("--enable: %w", err)
	}
	return cfg, nil
}

// forFile returns the rule set for a file: --config if given, else the
// nearest .hirelint.toml in the file's directory or above, else the
// built-in rules.
func (c *configs) forFile(path string) (*linter.Config, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	cfg := c.explicit
	if cfg == nil {
		if cfg, err = c.forDir(filepath.Dir(abs)); err != nil {
			return nil, err
		}
	}
	// Per-path [[override]] tables apply by the path relative to the
	// config file's directory.
	if dir, ok := c.dirOf[cfg]; ok && len(cfg.Overrides) > 0 {
		if rel, err := filepath.Rel(dir, abs); err == nil {
			return cfg.ForPath(filepath.ToSlash(rel)), nil
		}
	}
	return cfg, nil
}

func (c *configs) forDir(dir string) (*linter.Config, error) {
	if cfg, ok := c.byDir[dir]; ok {
		return cfg, nil
	}
	var cfg *linter.Config
	cand := filepath.Join(dir, ConfigName)
	_, err := os.Stat(cand)
	switch {
	case err == nil:
		cfg, err = c.load(cand)
	case errors.Is(err, fs.ErrNotExist):
		if parent := filepath.Dir(dir); parent != dir {
			cfg, err = c.forDir(parent)
		} else {
			cfg, err = c.selected(c.base)
		}
	default:
		err = fmt.Errorf("config %s: %w", cand, err)
	}
	if err != nil {
		return nil, err
	}
	c.byDir[dir] = cfg
	return cfg, nil
}

// displayPath shows a path relative to the working directory when it is
// under it, as users typed it.
func displayPath(p string) string {
	wd, err := os.Getwd()
	if err != nil || !filepath.IsAbs(p) {
		return p
	}
	if rel, err := filepath.Rel(wd, p); err == nil && !strings.HasPrefix(rel, "..") {
		return rel
	}
	return p
}

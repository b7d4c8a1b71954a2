package rules

import (
	"hash/crc32"

	hirelint "github.com/hirelint/hirelint"
	"github.com/hirelint/hirelint/linter"
)

// LoadDefault returns the built-in rule set. Its [[rule]] tables come
// decoded ahead of time from builtin_gen.go, generated from rules.toml, so
// loading parses no TOML; when rules.toml has changed since (its size or
// checksum differs), it is parsed as any config file is. The checksum
// guards against a table left stale by mistake, which TestBuiltinTable
// also catches; CRC-32 is computed in hardware, in microseconds.
func LoadDefault() (*linter.Config, error) {
	c := linter.NewConfig(Kinds())
	if len(hirelint.DefaultRules) == builtinSize && crc32.ChecksumIEEE(hirelint.DefaultRules) == builtinCRC32 {
		return c.ExtendDecoded(hirelint.DefaultRulesName, hirelint.DefaultRules, builtinRules())
	}
	return c.Extend(hirelint.DefaultRulesName, hirelint.DefaultRules)
}

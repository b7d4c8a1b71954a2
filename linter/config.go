package linter

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/BurntSushi/toml"
)

// RuleHeader holds the keys every rule instance has, whatever its kind.
type RuleHeader struct {
	ID       string   `toml:"id"`
	Kind     string   `toml:"kind"`
	Severity Severity `toml:"severity"`
	Family   string   `toml:"family"`
	Message  string   `toml:"message"`
	Enabled  *bool    `toml:"enabled"`
	// Requires lists rules that must also report on a document for this
	// rule's findings to be kept (e.g. vague pay talk only matters when no
	// pay figure is given).
	Requires []string `toml:"requires"`
	// OnlyIf and SkipIf are regular expressions over the whole prose of an
	// ad (case-insensitive): the rule runs only if one of OnlyIf matches
	// (when given) and none of SkipIf does ("an ML ad", "not a research
	// role").
	OnlyIf []string `toml:"only_if"`
	SkipIf []string `toml:"skip_if"`
	Docs
}

// RuleConfig is one rule instance after all config layers are applied.
type RuleConfig struct {
	RuleHeader
	KindImpl Kind
	Options  any
	Rule     Rule

	onlyIf, skipIf []func(*Document) bool
	// File and Line say where the rule was (last) defined.
	File string
	Line int

	layers []layer
}

// IsEnabled reports whether the rule runs by default.
func (r *RuleConfig) IsEnabled() bool { return r.Enabled == nil || *r.Enabled }

// AppliesTo reports whether the rule's only_if and skip_if conditions let
// it run on doc.
func (r *RuleConfig) AppliesTo(doc *Document) bool {
	if len(r.onlyIf) > 0 {
		ok := false
		for _, match := range r.onlyIf {
			if match(doc) {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	for _, match := range r.skipIf {
		if match(doc) {
			return false
		}
	}
	return true
}

// DocMatcher returns a function reporting whether pattern, an only_if or
// skip_if expression, matches in the prose (Text) of a document,
// case-insensitively. The rules package replaces it with one that compiles
// the built-in rules' expressions on first use and looks for the literals
// every match holds before running one.
var DocMatcher = func(pattern string) (func(*Document) bool, error) {
	re, err := CompileProse(pattern)
	if err != nil {
		return nil, err
	}
	return func(d *Document) bool { return re.MatchString(d.Text) }, nil
}

// ProseFlags are the flags an only_if or skip_if pattern is compiled with:
// case-insensitive, ^ and $ at line edges.
const ProseFlags = "(?im)"

// ProseExpr returns the expression an only_if or skip_if pattern is
// compiled as: ProseFlags, then the pattern.
func ProseExpr(pattern string) string { return ProseFlags + pattern }

// CompileProse compiles an only_if or skip_if pattern as ProseExpr(pattern),
// with an error fit for a config error when it is too large or wrong.
func CompileProse(pattern string) (*regexp.Regexp, error) {
	if err := CheckRegexpSize(pattern); err != nil {
		return nil, err
	}
	re, err := regexp.Compile(ProseExpr(pattern))
	if err != nil {
		return nil, fmt.Errorf("bad regular expression %q: %v", pattern, err)
	}
	return re, nil
}

type layer struct {
	file string
	src  []byte
	md   toml.MetaData
	prim toml.Primitive
	// header is "rule" or "override.rule"; idx is the index of the table
	// among the tables with that header in its file.
	header string
	idx    int
	// decoded, when set, gives the table's values decoded ahead of time
	// (md and prim are then unset).
	decoded *DecodedRule
}

// A DecodedRule is a [[rule]] table of a config file decoded ahead of time,
// so that loading the file needs no TOML parsing (see rules.LoadDefault).
type DecodedRule struct {
	// ID and Kind are the rule's id and kind, as Decode gives them.
	ID, Kind string
	// Decode returns fresh values of the rule's header and options (a
	// pointer to its kind's options struct), as decoding the table into
	// an empty header and the kind's NewOptions gives.
	Decode func() (RuleHeader, any)
	// Line is the line of the table's [[rule]] header.
	Line int
}

// Config is a compiled rule set: the default rules with any number of user
// config files layered on top.
type Config struct {
	Rules []*RuleConfig
	// Files lists the config files applied, in order.
	Files []string
	// selects turn rules on or off by id or family, applied in order after
	// each rule's own enabled key.
	selects []selection

	// Overrides are the [[override]] tables of the last config file.
	Overrides []Override

	corpus *Corpus

	byID  map[string]*RuleConfig
	kinds map[string]Kind
}

// ConfigError is a problem in a config file. It names the file, the line
// and column when known, the rule id and the key.
type ConfigError struct {
	File      string
	Line, Col int
	Rule      string
	Key       string
	Err       error
}

func (e *ConfigError) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
		if e.Col > 0 {
			fmt.Fprintf(&b, ":%d", e.Col)
		}
	}
	b.WriteString(":")
	if e.Rule != "" {
		fmt.Fprintf(&b, " rule %q:", e.Rule)
	}
	if e.Key != "" {
		fmt.Fprintf(&b, " key %q:", e.Key)
	}
	fmt.Fprintf(&b, " %v", e.Err)
	return b.String()
}

func (e *ConfigError) Unwrap() error { return e.Err }

type fileSchema struct {
	Disable  []string         `toml:"disable"`
	Enable   []string         `toml:"enable"`
	Rule     []toml.Primitive `toml:"rule"`
	Override []struct {
		Paths   []string         `toml:"paths"`
		Disable []string         `toml:"disable"`
		Enable  []string         `toml:"enable"`
		Rule    []toml.Primitive `toml:"rule"`
	} `toml:"override"`
}

var idRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`) })

// NewConfig returns an empty rule set that knows the given kinds.
func NewConfig(kinds []Kind) *Config {
	c := &Config{byID: map[string]*RuleConfig{}, kinds: map[string]Kind{}}
	for _, k := range kinds {
		c.kinds[k.Name()] = k
	}
	return c
}

// Kinds returns the kinds the config knows, sorted by name.
func (c *Config) Kinds() []Kind {
	out := make([]Kind, 0, len(c.kinds))
	for _, k := range c.kinds {
		out = append(out, k)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name() < out[j].Name() })
	return out
}

// Lookup returns the rule with the given id.
func (c *Config) Lookup(id string) *RuleConfig { return c.byID[id] }

// Extend returns a new Config with the TOML rule file src (named file in
// errors) layered on c: a [[rule]] whose id is already defined overrides
// only the keys it sets; a new id adds a rule, which then needs a kind. c
// is not changed.
func (c *Config) Extend(file string, src []byte) (*Config, error) {
	var fs fileSchema
	md, err := toml.Decode(string(src), &fs)
	if err != nil {
		return nil, syntaxError(file, src, err)
	}
	for _, k := range md.Undecoded() {
		if len(k) > 0 && (k[0] == "rule" || (k[0] == "override" && len(k) > 1 && k[1] == "rule")) {
			continue
		}
		line := locateTopKey(src, k[0])
		return nil, &ConfigError{File: file, Line: line, Col: 1, Key: k.String(), Err: errors.New("unknown key")}
	}
	n := c.clone(file)
	if err := n.applyLayer(file, src, md, "rule", 0, fs.Rule, fs.Disable, fs.Enable); err != nil {
		return nil, err
	}
	n.Overrides = nil
	ruleIdx := 0
	for i, o := range fs.Override {
		if len(o.Paths) == 0 {
			return nil, &ConfigError{File: file, Line: locateHeader(src, "override", i), Col: 1, Key: "paths", Err: errors.New("an override needs paths (globs relative to this file)")}
		}
		var res []*regexp.Regexp
		for _, p := range o.Paths {
			re, err := GlobRegexp(p)
			if err != nil {
				return nil, &ConfigError{File: file, Line: locateHeader(src, "override", i), Col: 1, Key: "paths", Err: err}
			}
			res = append(res, re)
		}
		ov := n.clone(file)
		if err := ov.applyLayer(file, src, md, "override.rule", ruleIdx, o.Rule, o.Disable, o.Enable); err != nil {
			return nil, err
		}
		ruleIdx += len(o.Rule)
		n.Overrides = append(n.Overrides, Override{Paths: o.Paths, Config: ov, paths: res})
	}
	return n, nil
}

// Override is a [[override]] table of a config file: the rule set to use
// for files whose path, relative to the config file's directory, matches one
// of Paths (globs with "**").
type Override struct {
	Paths  []string
	Config *Config
	paths  []*regexp.Regexp
}

func (c *Config) clone(file string) *Config {
	n := &Config{
		byID:      map[string]*RuleConfig{},
		kinds:     c.kinds,
		Files:     append(append([]string(nil), c.Files...), file),
		selects:   append([]selection(nil), c.selects...),
		Overrides: c.Overrides,
	}
	for _, r := range c.Rules {
		cp := new(RuleConfig)
		*cp = *r
		n.Rules = append(n.Rules, cp)
		n.byID[r.ID] = cp
	}
	return n
}

// ExtendDecoded is Extend for a file whose [[rule]] tables are given
// decoded (and that has nothing else): src is the file's text, used to
// locate errors and to size the tables. The rules are compiled in
// parallel.
func (c *Config) ExtendDecoded(file string, src []byte, rules []DecodedRule) (*Config, error) {
	n := c.clone(file)
	var touched []*RuleConfig
	for i := range rules {
		dr := &rules[i]
		r, err := n.ruleFor(dr.ID, dr.Kind)
		if err != nil {
			return nil, &ConfigError{File: file, Line: dr.Line, Col: 1, Rule: dr.ID, Key: "kind", Err: err}
		}
		n.addLayer(r, layer{file: file, src: src, header: "rule", idx: i, decoded: dr}, dr.Line)
		touched = append(touched, r)
	}
	// The rules are built on several goroutines, the longest tables
	// first: a rule's build time grows with its phrase and pattern lists,
	// and one long rule started last would keep the others waiting.
	order := make([]int, len(touched))
	size := make([]int, len(touched))
	for i := range order {
		order[i] = i
		size[i] = decodedLines(rules, i, src)
	}
	sort.SliceStable(order, func(a, b int) bool { return size[order[a]] > size[order[b]] })
	errs := make([]error, len(touched))
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := 0; w < min(runtime.GOMAXPROCS(0), 4); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				k := int(next.Add(1)) - 1
				if k >= len(order) {
					return
				}
				i := order[k]
				errs[i] = n.build(touched[i])
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return n, n.checkRequires()
}

// decodedLines is the number of lines of the table of rules[i]: up to the
// next table starting below it, or to the end of src.
func decodedLines(rules []DecodedRule, i int, src []byte) int {
	if i+1 < len(rules) && rules[i+1].Line > rules[i].Line {
		return rules[i+1].Line - rules[i].Line
	}
	return max(bytes.Count(src, []byte{'\n'})+1-rules[i].Line, 0)
}

// ruleFor returns rule id, added to n when new (kind is then required);
// a kind given for an existing rule must be its kind.
func (n *Config) ruleFor(id, kind string) (*RuleConfig, error) {
	r := n.byID[id]
	switch {
	case r == nil && kind == "":
		return nil, errors.New("a new rule needs a kind")
	case r == nil:
		r = &RuleConfig{}
		r.ID = id
		n.Rules = append(n.Rules, r)
		n.byID[id] = r
	case kind != "" && kind != r.Kind:
		return nil, fmt.Errorf("cannot change the kind of rule %q from %q to %q; give the new rule another id", id, r.Kind, kind)
	}
	return r, nil
}

// addLayer layers l, a table defining rule r at line, on r, which must then
// be compiled again.
func (n *Config) addLayer(r *RuleConfig, l layer, line int) {
	r.layers = append(append([]layer(nil), r.layers...), l)
	r.File, r.Line = l.file, line
	r.Rule = nil
}

// applyLayer layers rule tables (written under header, the first being the
// base-th such table in the file) and selections on n and rebuilds the
// rules it touches.
func (n *Config) applyLayer(file string, src []byte, md toml.MetaData, header string, base int, prims []toml.Primitive, disable, enable []string) error {
	seen := map[string]bool{}
	for j, prim := range prims {
		i := base + j
		line := locateHeader(src, header, i)
		var h struct {
			ID   string `toml:"id"`
			Kind string `toml:"kind"`
		}
		if err := md.PrimitiveDecode(prim, &h); err != nil {
			return &ConfigError{File: file, Line: line, Err: typeError(err)}
		}
		cerr := func(key string, err error) error {
			l, col := line, 1
			if key != "" {
				l, col = locateKey(src, header, i, key)
			}
			return &ConfigError{File: file, Line: l, Col: col, Rule: h.ID, Key: key, Err: err}
		}
		switch {
		case h.ID == "":
			return cerr("id", errors.New("missing rule id"))
		case !idRe().MatchString(h.ID):
			return cerr("id", fmt.Errorf("rule id %q is not kebab-case (lower-case words joined by -)", h.ID))
		case seen[h.ID]:
			return cerr("id", fmt.Errorf("duplicate rule id %q in this file", h.ID))
		}
		seen[h.ID] = true
		r, err := n.ruleFor(h.ID, h.Kind)
		if err != nil {
			return cerr("kind", err)
		}
		n.addLayer(r, layer{file: file, src: src, md: md, prim: prim, header: header, idx: i}, line)
	}
	// Rules this layer does not touch keep what they were compiled to.
	for _, r := range n.Rules {
		if r.Rule != nil {
			continue
		}
		if err := n.build(r); err != nil {
			return err
		}
	}
	for _, sel := range []struct {
		key string
		ids []string
		on  bool
	}{{"disable", disable, false}, {"enable", enable, true}} {
		for _, id := range sel.ids {
			if !n.known(id) {
				return &ConfigError{File: file, Line: locateTopKey(src, sel.key), Col: 1, Key: sel.key, Err: fmt.Errorf("no rule or family %q", id)}
			}
			n.selects = append(n.selects, selection{id, sel.on})
		}
	}
	return n.checkRequires()
}

// checkRequires checks that the rules rules require exist.
func (n *Config) checkRequires() error {
	for _, r := range n.Rules {
		for _, dep := range r.Requires {
			if n.byID[dep] == nil || dep == r.ID {
				return &ConfigError{File: r.File, Line: r.Line, Rule: r.ID, Key: "requires", Err: fmt.Errorf("no rule %q to require", dep)}
			}
		}
	}
	return nil
}

// known reports whether id names a rule or a family.
func (c *Config) known(id string) bool {
	if c.byID[id] != nil {
		return true
	}
	for _, r := range c.Rules {
		if r.Family == id {
			return true
		}
	}
	return false
}

// build decodes a rule's layers, in order, into its header and a fresh
// options struct of its kind, checks for unknown keys and compiles it.
func (c *Config) build(r *RuleConfig) error {
	var hdr RuleHeader
	var kind Kind
	var opts any
	for _, l := range r.layers {
		if l.decoded != nil {
			hdr, opts = l.decoded.Decode()
			kind = c.kinds[hdr.Kind]
			if kind == nil {
				return &ConfigError{File: l.file, Line: l.decoded.Line, Col: 1, Rule: r.ID, Key: "kind", Err: fmt.Errorf("unknown kind %q", hdr.Kind)}
			}
			continue
		}
		line := locateHeader(l.src, l.header, l.idx)
		cerr := func(key string, err error) error {
			ln, col := line, 1
			if key != "" {
				ln, col = locateKey(l.src, l.header, l.idx, key)
			}
			return &ConfigError{File: l.file, Line: ln, Col: col, Rule: r.ID, Key: key, Err: err}
		}
		if err := l.md.PrimitiveDecode(l.prim, &hdr); err != nil {
			return cerr(lastKey(err), typeError(err))
		}
		if kind == nil {
			kind = c.kinds[hdr.Kind]
			if kind == nil {
				return cerr("kind", fmt.Errorf("unknown kind %q (known: %s)", hdr.Kind, strings.Join(c.kindNames(), ", ")))
			}
			opts = kind.NewOptions()
		}
		if err := l.md.PrimitiveDecode(l.prim, opts); err != nil {
			return cerr(lastKey(err), typeError(err))
		}
		var keys map[string]any
		if err := l.md.PrimitiveDecode(l.prim, &keys); err != nil {
			return cerr("", err)
		}
		allowed := tomlKeys(reflect.TypeOf(hdr))
		for k := range tomlKeys(reflect.TypeOf(opts)) {
			allowed[k] = true
		}
		var unknown []string
		for k := range keys {
			if !allowed[k] {
				unknown = append(unknown, k)
			}
		}
		if len(unknown) > 0 {
			sort.Strings(unknown)
			names := make([]string, 0, len(allowed))
			for k := range allowed {
				names = append(names, k)
			}
			sort.Strings(names)
			return cerr(unknown[0], fmt.Errorf("unknown key for kind %q (known keys: %s)", kind.Name(), strings.Join(names, ", ")))
		}
	}
	r.RuleHeader = hdr
	last := r.layers[len(r.layers)-1]
	lerr := func(key string, err error) error {
		ln, col := locateKey(last.src, last.header, last.idx, key)
		for i := len(r.layers) - 1; i >= 0; i-- { // the layer that set the key
			l := r.layers[i]
			if hasKey(l.src, l.header, l.idx, key) {
				last = l
				ln, col = locateKey(l.src, l.header, l.idx, key)
				break
			}
		}
		return &ConfigError{File: last.file, Line: ln, Col: col, Rule: r.ID, Key: key, Err: err}
	}
	if hdr.Severity == SeverityNone {
		return lerr("severity", errors.New("missing severity (error, warning or info)"))
	}
	if hdr.Message == "" {
		return lerr("message", errors.New("missing message"))
	}
	if hdr.Family == "" {
		return lerr("family", errors.New("missing family"))
	}
	for _, c := range []struct {
		key  string
		pats []string
		dst  *[]func(*Document) bool
	}{{"only_if", hdr.OnlyIf, &r.onlyIf}, {"skip_if", hdr.SkipIf, &r.skipIf}} {
		*c.dst = nil
		for _, p := range c.pats {
			match, err := DocMatcher(p)
			if err != nil {
				return lerr(c.key, err)
			}
			*c.dst = append(*c.dst, match)
		}
	}
	rule, err := kind.Build(opts)
	if err != nil {
		var oe *OptionError
		if errors.As(err, &oe) {
			return lerr(oe.Key, oe.Err)
		}
		return lerr("", err)
	}
	r.KindImpl, r.Options, r.Rule = kind, opts, rule
	return nil
}

func (c *Config) kindNames() []string {
	var ns []string
	for n := range c.kinds {
		ns = append(ns, n)
	}
	sort.Strings(ns)
	return ns
}

// tomlKeys lists the toml keys of a struct type, following embedded structs.
func tomlKeys(t reflect.Type) map[string]bool {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	out := map[string]bool{}
	if t.Kind() != reflect.Struct {
		return out
	}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag := strings.Split(f.Tag.Get("toml"), ",")[0]
		if f.Anonymous && tag == "" {
			for k := range tomlKeys(f.Type) {
				out[k] = true
			}
			continue
		}
		if tag == "-" || !f.IsExported() {
			continue
		}
		if tag == "" {
			tag = strings.ToLower(f.Name)
		}
		out[tag] = true
	}
	return out
}

var lastKeyRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`last key "([^"]*)"`) })

// lastKey extracts the key a TOML decoding error is about.
func lastKey(err error) string {
	var pe toml.ParseError
	k := ""
	if errors.As(err, &pe) {
		k = pe.LastKey
	} else if m := lastKeyRe().FindStringSubmatch(err.Error()); m != nil {
		k = m[1]
	}
	k = strings.TrimPrefix(k, "rule.")
	if i := strings.IndexByte(k, '.'); i >= 0 {
		k = k[:i]
	}
	return k
}

var tomlPrefixRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^toml: (line \d+ )?(\(last key "[^"]*"\): )?`) })

// typeError strips the TOML library's prefix from a decoding error, since
// the ConfigError gives the place itself.
func typeError(err error) error {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		return errors.New(pe.Message)
	}
	return errors.New(tomlPrefixRe().ReplaceAllString(err.Error(), ""))
}

func syntaxError(file string, src []byte, err error) error {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		return &ConfigError{File: file, Line: pe.Position.Line, Col: pe.Position.Col, Key: strings.TrimPrefix(pe.LastKey, "rule."), Err: fmt.Errorf("TOML syntax: %s", pe.Message)}
	}
	// A type error in a top-level key ("disable" given a string).
	key := lastKey(err)
	line, col := 0, 0
	if key != "" {
		if line = locateTopKey(src, key); line > 0 {
			col = 1
		}
	}
	return &ConfigError{File: file, Line: line, Col: col, Key: key, Err: typeError(err)}
}

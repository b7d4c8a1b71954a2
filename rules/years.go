package rules

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/hirelint/hirelint/linter"
)

// YearsOptions configure a years rule, which reads requirements such as
// "5+ years of PyTorch", "3-5 years' experience with Python and SQL" or
// "at least 12 years of experience". Check is one of:
//   - "technology-age": the years asked exceed the age of the technology
//     named (Technologies gives first-release years; ReferenceYear is the
//     year to compare with, the current year when 0);
//   - "experience": more than Max years are asked (when Max > 0), or years
//     are asked for more than MaxTools of the Tools (when MaxTools > 0).
type YearsOptions struct {
	Scope
	Check         string         `toml:"check"`
	Max           int            `toml:"max"`
	MaxTools      int            `toml:"max_tools"`
	ReferenceYear int            `toml:"reference_year"`
	Technologies  map[string]int `toml:"technologies"`
	Tools         []string       `toml:"tools"`
	// ToolsMessage is the message for the years-per-tool finding ({count}
	// is the number of tools with years).
	ToolsMessage string `toml:"tools_message"`
}

type yearsKind struct{}

func (yearsKind) Name() string { return "years" }
func (yearsKind) Summary() string {
	return "reads \"N years of X\" requirements: years beyond the age of X, too many years, years per tool"
}
func (yearsKind) NewOptions() any { return &YearsOptions{} }

type yearsRule struct {
	opts  *YearsOptions
	scope scope
	techs *linter.PhraseSet
	names []string // by phrase id
}

func (yearsKind) Build(o any) (linter.Rule, error) {
	opts := o.(*YearsOptions)
	r := &yearsRule{opts: opts}
	var err error
	if r.scope, err = opts.Scope.compile(); err != nil {
		return nil, err
	}
	switch opts.Check {
	case "technology-age":
		if len(opts.Technologies) == 0 {
			return nil, linter.OptErr("technologies", fmt.Errorf("check %q needs a technologies table (name = first-release year)", opts.Check))
		}
	case "experience":
		if opts.Max <= 0 && opts.MaxTools <= 0 {
			return nil, linter.OptErr("max", fmt.Errorf("check \"experience\" needs max or max_tools"))
		}
		if opts.MaxTools > 0 && (len(opts.Tools) == 0 || opts.ToolsMessage == "") {
			return nil, linter.OptErr("max_tools", fmt.Errorf("max_tools needs tools and tools_message"))
		}
		if len(opts.Technologies) > 0 {
			return nil, linter.OptErr("technologies", fmt.Errorf("check \"experience\" takes tools, not technologies"))
		}
	case "":
		return nil, linter.OptErr("check", fmt.Errorf("missing check (technology-age or experience)"))
	default:
		return nil, linter.OptErr("check", fmt.Errorf("unknown check %q (want technology-age or experience)", opts.Check))
	}
	r.techs = linter.NewPhraseSet()
	r.techs.Grow(len(opts.Tools) + len(opts.Technologies))
	for _, name := range opts.Tools {
		if err := r.techs.Add(name, len(r.names), linter.Inflect{}); err != nil {
			return nil, linter.OptErr("tools", err)
		}
		r.names = append(r.names, name)
	}
	for _, name := range sortedKeys(opts.Technologies) {
		y := opts.Technologies[name]
		if y < 1900 || y > 2200 {
			return nil, linter.OptErr("technologies", fmt.Errorf("%q: %d is not a plausible release year", name, y))
		}
		if err := r.techs.Add(name, len(r.names), linter.Inflect{}); err != nil {
			return nil, linter.OptErr("technologies", err)
		}
		r.names = append(r.names, name)
	}
	return r, nil
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// yearsPattern is yearsExpr with its prefilter: its windows, around
// "year" and "yr", are searched with yearsFindAll. (The built-in table's
// entry compiles the whole expression only if it is ever run, which it
// is not.)
var yearsPattern = sync.OnceValue(func() regexpRule {
	r, err := prefiltered("", yearsExpr(), regexp.Compile)
	if err != nil {
		panic(err)
	}
	return r
})

type yearsMatch struct {
	block int
	m     []int // submatch offsets in the block's text
}

type yearsKey struct{}

// yearsMatches returns the matches of yearsExpr in d, computed once per
// document for all years rules.
func yearsMatches(d *linter.Document) []yearsMatch {
	return d.Memo(yearsKey{}, func() any {
		var out []yearsMatch
		re := yearsPattern()
		for _, sp := range re.spans(d) {
			b := d.Blocks[sp.block]
			base, _, ms := findIn(d, sp, yearsFindAll)
			for _, m := range ms {
				for i := range m {
					if m[i] >= 0 {
						m[i] += base - b.Start
					}
				}
				out = append(out, yearsMatch{sp.block, m})
			}
		}
		return out
	}).([]yearsMatch)
}

// yearsReq is one requirement found: Text[start:end] is "N years of X", n
// the years and techs the technologies named.
type yearsReq struct {
	start, end int
	n          int
	techs      []int // phrase ids
}

func (r *yearsRule) find(d *linter.Document) []yearsReq {
	yms := yearsMatches(d)
	if len(yms) == 0 {
		return nil // most ads: no technologies to look for
	}
	words := d.Words()
	// Technology matches by the Text offset where they start.
	techAt := map[int]linter.PhraseMatch{}
	if r.techs.Len() > 0 {
		r.techs.Longest(d, func(m linter.PhraseMatch) { techAt[words[m.Start].Start] = m })
	}
	var out []yearsReq
	for _, ym := range yms {
		bi, m := ym.block, ym.m
		b := d.Blocks[bi]
		if !r.scope.all() && !r.scope.in(d, bi) {
			continue
		}
		text := d.Text[b.Start:b.End]
		n, _ := strconv.Atoi(text[m[2]:m[3]])
		req := yearsReq{start: b.Start + m[0], end: b.Start + m[1], n: n}
		// A list of technologies may follow: "Python, SQL and Spark".
		pos := b.Start + m[1]
		for len(req.techs) < 6 {
			tm, ok := techAt[pos]
			if !ok {
				break
			}
			req.techs = append(req.techs, tm.ID)
			_, req.end = tm.Span(d)
			rest := d.Text[req.end:b.End]
			sep := len(rest) - len(strings.TrimLeft(rest, " ,/&"))
			lower := d.LowerText()[req.end+sep : b.End]
			for _, conj := range []string{"and ", "or ", "and/or "} {
				if strings.HasPrefix(lower, conj) {
					sep += len(conj)
					break
				}
			}
			pos = req.end + sep
		}
		if len(req.techs) == 0 {
			// Nothing named follows: end at "experience", not at a
			// dangling "in" or "with".
			req.end = b.Start + m[0] + len(strings.TrimRight(trailingConnector().ReplaceAllString(text[m[0]:m[1]], ""), " "))
		}
		for req.end > req.start && d.Text[req.end-1] == ' ' {
			req.end--
		}
		out = append(out, req)
	}
	return out
}

func (r *yearsRule) Check(p *linter.Pass) {
	d := p.Doc
	reqs := r.find(d)
	switch r.opts.Check {
	case "experience":
		var tools []yearsReq
		for _, q := range reqs {
			if r.opts.Max > 0 && q.n > r.opts.Max {
				p.ReportText(q.start, q.end, p.Message("match", d.Text[q.start:q.end], "years", strconv.Itoa(q.n), "max", strconv.Itoa(r.opts.Max)))
			} else if len(q.techs) > 0 {
				tools = append(tools, q)
			}
		}
		if r.opts.MaxTools > 0 && len(tools) > r.opts.MaxTools {
			for _, q := range tools {
				p.ReportText(q.start, q.end, linter.ExpandMessage(r.opts.ToolsMessage, "match", d.Text[q.start:q.end], "count", strconv.Itoa(len(tools))))
			}
		}
	case "technology-age":
		ref := r.opts.ReferenceYear
		if ref == 0 {
			ref = time.Now().Year()
		}
		for _, q := range reqs {
			for _, id := range q.techs {
				name := r.names[id]
				age := ref - r.opts.Technologies[name]
				if q.n > age {
					p.ReportText(q.start, q.end, p.Message("match", d.Text[q.start:q.end], "years", strconv.Itoa(q.n),
						"technology", name, "released", strconv.Itoa(r.opts.Technologies[name]), "age", strconv.Itoa(age)))
					break
				}
			}
		}
	}
}

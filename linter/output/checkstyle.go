package output

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"
)

// WriteCheckstyle writes results as Checkstyle XML, which many CI systems
// and code review tools read:
//
//	<?xml version="1.0" encoding="UTF-8"?>
//	<checkstyle version="VERSION">
//	  <file name="PATH">
//	    <error line="L" column="C" severity="warning" message="..." source="hirelint.RULE-ID"/>
//	  </file>
//	</checkstyle>
//
// Every file is listed, those without findings as an empty element, so a
// consumer can tell a clean file from one not linted. Severities are
// error, warning and info; a document-level finding has line 1 and no
// column. Attribute values are escaped with encoding/xml.
func WriteCheckstyle(w io.Writer, results []FileResult, version string) error {
	return writeAll(NewCheckstyleReporter(w, version), results)
}

// NewCheckstyleReporter returns a Reporter that streams Checkstyle XML
// (see WriteCheckstyle), one file element at a time.
func NewCheckstyleReporter(w io.Writer, version string) Reporter {
	return &checkstyleReporter{w: w, version: version}
}

type checkstyleReporter struct {
	w       io.Writer
	version string
	started bool
}

func (c *checkstyleReporter) header(b *strings.Builder) {
	if !c.started {
		b.WriteString(xml.Header)
		fmt.Fprintf(b, "<checkstyle version=\"%s\">\n", xmlAttr(c.version))
		c.started = true
	}
}

func (c *checkstyleReporter) File(r FileResult) error {
	var b strings.Builder
	c.header(&b)
	if len(r.Findings) == 0 {
		fmt.Fprintf(&b, "  <file name=\"%s\"></file>\n", xmlAttr(r.Path))
	} else {
		fmt.Fprintf(&b, "  <file name=\"%s\">\n", xmlAttr(r.Path))
		for _, f := range r.Findings {
			p := PositionOf(r.Doc, f)
			fmt.Fprintf(&b, "    <error line=\"%d\"", p.Line)
			if !f.Doc {
				fmt.Fprintf(&b, " column=\"%d\"", p.Column)
			}
			fmt.Fprintf(&b, " severity=\"%s\" message=\"%s\" source=\"%s\"/>\n",
				xmlAttr(f.Severity.String()), xmlAttr(f.Message), xmlAttr("hirelint."+f.Rule))
		}
		b.WriteString("  </file>\n")
	}
	_, err := io.WriteString(c.w, b.String())
	return err
}

func (c *checkstyleReporter) Close() error {
	var b strings.Builder
	c.header(&b)
	b.WriteString("</checkstyle>\n")
	_, err := io.WriteString(c.w, b.String())
	return err
}

// xmlAttr escapes s for a double-quoted XML attribute value. Line breaks
// and tabs become character references, so they survive attribute
// normalisation, and characters XML cannot hold become U+FFFD.
func xmlAttr(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s)) // writes to a strings.Builder never fail
	return b.String()
}

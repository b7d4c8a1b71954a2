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
	var b strings.Builder
	b.WriteString(xml.Header)
	fmt.Fprintf(&b, "<checkstyle version=\"%s\">\n", xmlAttr(version))
	for _, r := range results {
		if len(r.Findings) == 0 {
			fmt.Fprintf(&b, "  <file name=\"%s\"></file>\n", xmlAttr(r.Path))
			continue
		}
		fmt.Fprintf(&b, "  <file name=\"%s\">\n", xmlAttr(r.Path))
		for _, f := range r.Findings {
			p := PositionOf(r.Doc, f)
			b.WriteString("    <error")
			fmt.Fprintf(&b, " line=\"%d\"", p.Line)
			if !f.Doc {
				fmt.Fprintf(&b, " column=\"%d\"", p.Column)
			}
			fmt.Fprintf(&b, " severity=\"%s\" message=\"%s\" source=\"%s\"/>\n",
				xmlAttr(f.Severity.String()), xmlAttr(f.Message), xmlAttr("hirelint."+f.Rule))
		}
		b.WriteString("  </file>\n")
	}
	b.WriteString("</checkstyle>\n")
	_, err := io.WriteString(w, b.String())
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

use std::collections::BTreeMap;
use std::io::{self, Write};

use rampart_core::{Finding, Report};

/// JUnit XML: one test suite per file with findings (a failed test case per finding), one for
/// inputs that could not be scanned, and a passing case when there is nothing to report.
pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let mut by_path: BTreeMap<&str, Vec<&Finding>> = BTreeMap::new();
    for f in &report.findings {
        by_path.entry(f.location.path.as_str()).or_default().push(f);
    }
    let total = report.findings.len() + report.errors.len();
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<testsuites name="rampart" tests="{}" failures="{}" errors="{}" time="{:.3}">"#,
        total.max(1),
        report.findings.len(),
        report.errors.len(),
        report.summary.duration_ms as f64 / 1000.0
    )?;
    for (path, findings) in &by_path {
        writeln!(
            out,
            r#"  <testsuite name="{}" tests="{}" failures="{}" errors="0">"#,
            escape(path),
            findings.len(),
            findings.len()
        )?;
        for f in findings {
            writeln!(
                out,
                r#"    <testcase classname="{}" name="{} at line {}">"#,
                escape(path),
                escape(&f.rule_id),
                f.location.start_line
            )?;
            writeln!(
                out,
                r#"      <failure message="{}" type="{}">{}

Severity: {}
Location: {}:{}:{}
Fingerprint: {}
Remediation: {}</failure>"#,
                escape(&f.message),
                f.severity,
                escape(&f.title),
                f.severity,
                escape(path),
                f.location.start_line,
                f.location.start_column,
                f.fingerprint,
                escape(&f.remediation),
            )?;
            writeln!(out, "    </testcase>")?;
        }
        writeln!(out, "  </testsuite>")?;
    }
    if !report.errors.is_empty() {
        writeln!(
            out,
            r#"  <testsuite name="not scanned" tests="{0}" failures="0" errors="{0}">"#,
            report.errors.len()
        )?;
        for e in &report.errors {
            writeln!(
                out,
                r#"    <testcase classname="{}" name="scan"><error message="{}" type="{:?}"/></testcase>"#,
                escape(&e.path),
                escape(&e.message),
                e.kind
            )?;
        }
        writeln!(out, "  </testsuite>")?;
    }
    if total == 0 {
        writeln!(
            out,
            r#"  <testsuite name="{}" tests="1" failures="0" errors="0">"#,
            escape(&report.target.name)
        )?;
        writeln!(out, r#"    <testcase classname="rampart" name="scan"/>"#)?;
        writeln!(out, "  </testsuite>")?;
    }
    writeln!(out, "</testsuites>")
}

/// Escape text for XML attributes and content; drops characters XML 1.0 forbids.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn escapes_markup_and_control_characters() {
        assert_eq!(
            escape(r#"<a href="x">&'"#),
            "&lt;a href=&quot;x&quot;&gt;&amp;&apos;"
        );
        assert_eq!(escape("a\u{1}b"), "a\u{FFFD}b");
    }
}

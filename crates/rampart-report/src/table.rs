use std::io::{self, Write};

use owo_colors::{OwoColorize, Style};
use rampart_core::{Report, Severity};

fn style(severity: Severity) -> Style {
    match severity {
        Severity::Critical => Style::new().bright_red().bold(),
        Severity::High => Style::new().red(),
        Severity::Medium => Style::new().yellow(),
        Severity::Low => Style::new().blue(),
        Severity::Info => Style::new().dimmed(),
    }
}

/// Findings grouped by file, one line each, then errors, warnings and a summary line.
pub fn render(report: &Report, color: bool, out: &mut dyn Write) -> io::Result<()> {
    let paint = |text: &str, s: Style| {
        if color {
            text.style(s).to_string()
        } else {
            text.to_string()
        }
    };
    let bold = Style::new().bold();
    let dim = Style::new().dimmed();
    let rule_width = report
        .findings
        .iter()
        .map(|f| f.rule_id.len())
        .max()
        .unwrap_or(0);
    let mut current: Option<&str> = None;
    for finding in &report.findings {
        let path = finding.location.path.as_str();
        if current != Some(path) {
            if current.is_some() {
                writeln!(out)?;
            }
            writeln!(out, "{}", paint(path, bold))?;
            current = Some(path);
        }
        let position = format!(
            "{}:{}",
            finding.location.start_line, finding.location.start_column
        );
        let severity = format!("{:<8}", finding.severity.as_str().to_ascii_uppercase());
        writeln!(
            out,
            "  {} {:<8} {:<rule_width$}  {}",
            paint(&severity, style(finding.severity)),
            position,
            finding.rule_id,
            finding.message,
        )?;
        if let Some(git) = &finding.git {
            let short = git.commit.get(..10).unwrap_or(&git.commit);
            let state = if git.present_at_head {
                "still in HEAD"
            } else {
                "not in HEAD (still in history)"
            };
            let line = format!(
                "           added in {short} by {} on {}; {state}",
                git.author,
                git.date.get(..10).unwrap_or(&git.date)
            );
            writeln!(out, "{}", paint(&line, dim))?;
        }
    }
    if !report.findings.is_empty() {
        writeln!(out)?;
    }
    if !report.errors.is_empty() {
        writeln!(out, "{}", paint("Not scanned:", bold))?;
        for error in &report.errors {
            writeln!(out, "  {}: {}", error.path, error.message)?;
        }
        writeln!(out)?;
    }
    for warning in &report.warnings {
        writeln!(
            out,
            "{} {warning}",
            paint("warning:", Style::new().yellow())
        )?;
    }
    let summary = &report.summary;
    let counts: Vec<String> = Severity::ALL
        .iter()
        .filter(|s| summary.by_severity.get(**s) > 0)
        .map(|s| paint(&format!("{} {}", summary.by_severity.get(*s), s), style(*s)))
        .collect();
    let findings = match summary.findings {
        0 => "No findings".to_string(),
        1 => format!("1 finding ({})", counts.join(", ")),
        n => format!("{n} findings ({})", counts.join(", ")),
    };
    let mut extra = Vec::new();
    if summary.suppressed > 0 {
        extra.push(format!("{} suppressed", summary.suppressed));
    }
    if summary.filtered > 0 {
        extra.push(format!("{} below --severity", summary.filtered));
    }
    if summary.errors > 0 {
        extra.push(format!("{} not scanned", summary.errors));
    }
    let extra = if extra.is_empty() {
        String::new()
    } else {
        format!("; {}", extra.join(", "))
    };
    writeln!(
        out,
        "{} in {} files ({}) in {:.2}s{}",
        paint(&findings, bold),
        summary.files_scanned,
        human_bytes(summary.bytes_scanned),
        summary.duration_ms as f64 / 1000.0,
        paint(&extra, dim),
    )
}

fn human_bytes(bytes: u64) -> String {
    let mb = bytes as f64 / (1024.0 * 1024.0);
    if mb >= 1.0 {
        format!("{mb:.1} MiB")
    } else {
        format!("{:.1} KiB", bytes as f64 / 1024.0)
    }
}

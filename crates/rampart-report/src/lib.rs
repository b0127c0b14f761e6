//! Renderers: each output format is one module writing a [`rampart_core::Report`] to a writer.
//! They never print on their own; the binary chooses where the bytes go.

mod json;
mod junit;
mod rules;
mod sarif;
pub mod sbom;
mod table;

use std::io::{self, Write};
use std::str::FromStr;

use rampart_core::{Report, RuleMeta};

pub use rules::{explain_rule, rules_markdown, rules_table};
pub use sarif::SarifOptions;

/// An output format of `rampart scan`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Human table grouped by file, with colors on a terminal.
    Table,
    /// The versioned JSON report (`docs/json-schema.json`).
    Json,
    /// SARIF 2.1.0, as GitHub code scanning reads it.
    Sarif,
    /// JUnit XML, for CI test dashboards.
    Junit,
}

impl Format {
    /// Every format name, for help and errors.
    pub const NAMES: &'static str = "table, json, sarif, junit";
}

impl FromStr for Format {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "table" => Ok(Format::Table),
            "json" => Ok(Format::Json),
            "sarif" => Ok(Format::Sarif),
            "junit" => Ok(Format::Junit),
            other => Err(format!(
                "unknown format `{other}`: expected one of {}",
                Format::NAMES
            )),
        }
    }
}

/// What renderers may need besides the report.
pub struct RenderContext<'a> {
    /// Metadata of the rules that could have fired (for SARIF descriptors).
    pub rules: &'a [RuleMeta],
    /// SARIF specifics.
    pub sarif: SarifOptions,
    /// Use ANSI colors (table only).
    pub color: bool,
}

/// Write `report` in `format` to `out`.
pub fn render(
    format: Format,
    report: &Report,
    context: &RenderContext<'_>,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Table => table::render(report, context.color, out),
        Format::Json => json::render(report, out),
        Format::Sarif => sarif::render(report, context.rules, &context.sarif, out),
        Format::Junit => junit::render(report, out),
    }
}

/// The JSON Schema of the JSON report, generated from the report types.
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(Report);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

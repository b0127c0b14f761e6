use std::io::{self, Write};

use rampart_core::Report;

/// The report as pretty JSON with a trailing newline; layout in `docs/json-schema.json`.
pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, report)?;
    out.write_all(b"\n")
}

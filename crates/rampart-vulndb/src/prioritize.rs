//! Exploitation data beside the advisories: FIRST's EPSS scores and CISA's Known Exploited
//! Vulnerabilities catalogue, imported from their published files and kept as sorted text
//! (`CVE<TAB>...` lines) so a scan can binary-search them without parsing the whole file.

use std::io::Read;
use std::path::{Path, PathBuf};

use rampart_core::{Epss, VulnerabilityDetails};

use crate::findings::cve_of;
use crate::store::{IndexError, write_atomically};

/// File name of the imported EPSS scores inside the database directory.
pub const EPSS_FILE: &str = "epss.tsv";
/// File name of the imported KEV catalogue inside the database directory.
pub const KEV_FILE: &str = "kev.tsv";

/// Why an EPSS or KEV file could not be imported.
#[derive(Debug, thiserror::Error)]
pub enum PriorityError {
    /// The input cannot be read.
    #[error("cannot read `{path}`: {source}")]
    Io {
        /// The input.
        path: PathBuf,
        /// The OS error.
        source: std::io::Error,
    },
    /// The input is not in the expected format.
    #[error("`{path}` {reason}")]
    Format {
        /// The input.
        path: PathBuf,
        /// What is wrong and what was expected.
        reason: String,
    },
    /// Writing the result failed.
    #[error(transparent)]
    Write(#[from] IndexError),
}

/// What an import read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportSummary {
    /// Entries stored.
    pub entries: usize,
    /// Lines or items skipped as malformed (first few described in `problems`).
    pub skipped: usize,
    /// Descriptions of the first malformed entries.
    pub problems: Vec<String>,
    /// Date the data describes (EPSS `score_date`, KEV `dateReleased`), when the file says.
    pub as_of: Option<String>,
}

fn read_maybe_gzip(path: &Path) -> Result<String, PriorityError> {
    let io = |source| PriorityError::Io {
        path: path.to_path_buf(),
        source,
    };
    let bytes = std::fs::read(path).map_err(io)?;
    let bytes = if bytes.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::new();
        // FIRST publishes the daily file gzipped (~2 MB -> ~10 MB); bound it anyway.
        flate2::read::GzDecoder::new(&bytes[..])
            .take(1 << 30)
            .read_to_end(&mut out)
            .map_err(io)?;
        out
    } else {
        bytes
    };
    String::from_utf8(bytes).map_err(|_| PriorityError::Format {
        path: path.to_path_buf(),
        reason: "is not UTF-8 text".into(),
    })
}

fn is_cve(id: &str) -> bool {
    let mut parts = id.splitn(3, '-');
    parts.next() == Some("CVE")
        && parts
            .next()
            .is_some_and(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()))
        && parts
            .next()
            .is_some_and(|n| n.len() >= 4 && n.bytes().all(|b| b.is_ascii_digit()))
}

const MAX_PROBLEMS: usize = 5;

/// Import FIRST's EPSS CSV (optionally gzipped) into `dir`.
pub fn import_epss(input: &Path, dir: &Path) -> Result<ImportSummary, PriorityError> {
    let text = read_maybe_gzip(input)?;
    let format_error = |reason: String| PriorityError::Format {
        path: input.to_path_buf(),
        reason,
    };
    let mut as_of = None;
    let mut header_seen = false;
    let mut rows: Vec<String> = Vec::new();
    let mut skipped = 0;
    let mut problems = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        if let Some(comment) = line.strip_prefix('#') {
            as_of = comment
                .split(',')
                .find_map(|field| field.trim().strip_prefix("score_date:"))
                .map(|d| d.get(..10).unwrap_or(d).to_string())
                .or(as_of);
            continue;
        }
        if !header_seen {
            let columns: Vec<&str> = line.split(',').map(str::trim).collect();
            if columns.first() != Some(&"cve") || columns.get(1) != Some(&"epss") {
                return Err(format_error(format!(
                    "is not an EPSS file: expected a `cve,epss,percentile` header, found `{}`",
                    line.chars().take(60).collect::<String>()
                )));
            }
            header_seen = true;
            continue;
        }
        let fields: Vec<&str> = line.split(',').map(str::trim).collect();
        let parsed = match fields.as_slice() {
            [cve, score, percentile, ..] if is_cve(cve) => {
                match (score.parse::<f64>(), percentile.parse::<f64>()) {
                    (Ok(s), Ok(p)) if (0.0..=1.0).contains(&s) && (0.0..=1.0).contains(&p) => {
                        Some(format!("{cve}\t{s}\t{p}"))
                    }
                    _ => None,
                }
            }
            _ => None,
        };
        match parsed {
            Some(row) => rows.push(row),
            None => {
                skipped += 1;
                if problems.len() < MAX_PROBLEMS {
                    problems.push(format!("line {}: `{line}`", number + 1));
                }
            }
        }
    }
    if !header_seen {
        return Err(format_error(
            "is empty: no `cve,epss,percentile` header".into(),
        ));
    }
    rows.sort();
    rows.dedup_by(|a, b| a.split('\t').next() == b.split('\t').next());
    let mut out = format!("#as_of\t{}\n", as_of.clone().unwrap_or_default());
    for row in &rows {
        out.push_str(row);
        out.push('\n');
    }
    write_atomically(&dir.join(EPSS_FILE), out.as_bytes())?;
    Ok(ImportSummary {
        entries: rows.len(),
        skipped,
        problems,
        as_of,
    })
}

/// Import CISA's KEV catalogue (JSON) into `dir`.
pub fn import_kev(input: &Path, dir: &Path) -> Result<ImportSummary, PriorityError> {
    let text = read_maybe_gzip(input)?;
    let format_error = |reason: String| PriorityError::Format {
        path: input.to_path_buf(),
        reason,
    };
    let document: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| format_error(format!("is not JSON: {e}")))?;
    let Some(items) = document.get("vulnerabilities").and_then(|v| v.as_array()) else {
        return Err(format_error(
            "is not a KEV catalogue: no `vulnerabilities` array".into(),
        ));
    };
    let as_of = document
        .get("dateReleased")
        .and_then(|d| d.as_str())
        .map(|d| d.get(..10).unwrap_or(d).to_string());
    let mut rows = Vec::new();
    let mut skipped = 0;
    let mut problems = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let cve = item.get("cveID").and_then(|v| v.as_str()).unwrap_or("");
        if !is_cve(cve) {
            skipped += 1;
            if problems.len() < MAX_PROBLEMS {
                problems.push(format!("vulnerabilities[{i}]: no valid `cveID`"));
            }
            continue;
        }
        let field = |name: &str| {
            item.get(name)
                .and_then(|v| v.as_str())
                .unwrap_or("")
                .replace(['\t', '\n'], " ")
        };
        rows.push(format!(
            "{cve}\t{}\t{}",
            field("dateAdded"),
            field("knownRansomwareCampaignUse")
        ));
    }
    rows.sort();
    rows.dedup_by(|a, b| a.split('\t').next() == b.split('\t').next());
    let mut out = format!("#as_of\t{}\n", as_of.clone().unwrap_or_default());
    for row in &rows {
        out.push_str(row);
        out.push('\n');
    }
    write_atomically(&dir.join(KEV_FILE), out.as_bytes())?;
    Ok(ImportSummary {
        entries: rows.len(),
        skipped,
        problems,
        as_of,
    })
}

/// A sorted `CVE<TAB>...` table.
#[derive(Debug, Default)]
struct Table {
    text: String,
    starts: Vec<usize>,
}

impl Table {
    fn load(path: &Path) -> Option<Table> {
        let text = std::fs::read_to_string(path).ok()?;
        let mut starts = Vec::new();
        let mut at = 0;
        for line in text.split_inclusive('\n') {
            if !line.starts_with('#') {
                starts.push(at);
            }
            at += line.len();
        }
        Some(Table { text, starts })
    }

    fn line(&self, i: usize) -> &str {
        let start = self.starts.get(i).copied().unwrap_or(0);
        let rest = self.text.get(start..).unwrap_or("");
        rest.split('\n').next().unwrap_or("")
    }

    fn get(&self, cve: &str) -> Option<Vec<&str>> {
        let position = self
            .starts
            .binary_search_by(|&start| {
                let line = self.text.get(start..).unwrap_or("");
                line.split('\t').next().unwrap_or("").cmp(cve)
            })
            .ok()?;
        Some(self.line(position).split('\t').skip(1).collect())
    }

    fn header(&self) -> Option<&str> {
        self.text
            .lines()
            .next()
            .and_then(|l| l.strip_prefix("#as_of\t"))
            .filter(|d| !d.is_empty())
    }

    fn len(&self) -> usize {
        self.starts.len()
    }
}

/// EPSS and KEV data for a scan (either may be absent).
#[derive(Debug, Default)]
pub struct Prioritization {
    epss: Option<Table>,
    kev: Option<Table>,
}

/// Entry count and date of one imported table, for `db status`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableStatus {
    /// Entries.
    pub entries: usize,
    /// Date the data describes, when known.
    pub as_of: Option<String>,
}

impl Prioritization {
    /// Load what has been imported into `dir`.
    pub fn load(dir: &Path) -> Prioritization {
        Prioritization {
            epss: Table::load(&dir.join(EPSS_FILE)),
            kev: Table::load(&dir.join(KEV_FILE)),
        }
    }

    /// Status of the EPSS table, if imported.
    pub fn epss_status(&self) -> Option<TableStatus> {
        self.epss.as_ref().map(|t| TableStatus {
            entries: t.len(),
            as_of: t.header().map(str::to_string),
        })
    }

    /// Status of the KEV table, if imported.
    pub fn kev_status(&self) -> Option<TableStatus> {
        self.kev.as_ref().map(|t| TableStatus {
            entries: t.len(),
            as_of: t.header().map(str::to_string),
        })
    }

    /// Fill `details.epss` and `details.kev` from the CVE among `id` and `aliases`.
    pub fn annotate(&self, id: &str, aliases: &[String], details: &mut VulnerabilityDetails) {
        for cve in cve_of(id, aliases) {
            if details.epss.is_none()
                && let Some(fields) = self.epss.as_ref().and_then(|t| t.get(cve))
                && let (Some(score), Some(percentile)) = (
                    fields.first().and_then(|s| s.parse().ok()),
                    fields.get(1).and_then(|s| s.parse().ok()),
                )
            {
                details.epss = Some(Epss { score, percentile });
            }
            if self.kev.as_ref().and_then(|t| t.get(cve)).is_some() {
                details.kev = true;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epss_csv_imports_with_its_date_and_reports_bad_rows() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("epss.csv");
        std::fs::write(
            &input,
            "#model_version:v2025.03.14,score_date:2026-11-20T12:55:00Z\ncve,epss,percentile\nCVE-2021-44228,0.94358,0.99957\nCVE-2014-0160,0.94,0.998\nnot-a-cve,0.1,0.2\nCVE-2020-0001,7,0.5\n",
        )
        .unwrap();
        let summary = import_epss(&input, dir.path()).unwrap();
        assert_eq!(summary.entries, 2);
        assert_eq!(summary.skipped, 2);
        assert_eq!(summary.as_of.as_deref(), Some("2026-11-20"));
        let p = Prioritization::load(dir.path());
        let mut details = VulnerabilityDetails::default();
        p.annotate(
            "GHSA-jfh8-c2jp-5v3q",
            &["CVE-2021-44228".into()],
            &mut details,
        );
        assert_eq!(
            details.epss,
            Some(Epss {
                score: 0.94358,
                percentile: 0.99957
            })
        );
        assert!(!details.kev);
        assert_eq!(p.epss_status().unwrap().entries, 2);
    }

    #[test]
    fn kev_json_imports_and_marks_findings() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("kev.json");
        std::fs::write(
            &input,
            r#"{"title":"CISA Catalog of Known Exploited Vulnerabilities","catalogVersion":"2026.11.20","dateReleased":"2026-11-20T17:00:00.000Z","count":2,
               "vulnerabilities":[{"cveID":"CVE-2021-44228","vendorProject":"Apache","product":"Log4j2","dateAdded":"2021-12-10","knownRansomwareCampaignUse":"Known"},{"vendorProject":"x"}]}"#,
        )
        .unwrap();
        let summary = import_kev(&input, dir.path()).unwrap();
        assert_eq!((summary.entries, summary.skipped), (1, 1));
        let p = Prioritization::load(dir.path());
        let mut details = VulnerabilityDetails::default();
        p.annotate("CVE-2021-44228", &[], &mut details);
        assert!(details.kev);
        let mut other = VulnerabilityDetails::default();
        p.annotate("CVE-2021-44229", &[], &mut other);
        assert!(!other.kev);
    }

    #[test]
    fn wrong_files_are_clear_errors() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("x");
        std::fs::write(&input, "a,b,c\n1,2,3\n").unwrap();
        let e = import_epss(&input, dir.path()).unwrap_err().to_string();
        assert!(e.contains("expected a `cve,epss,percentile` header"), "{e}");
        std::fs::write(&input, "{}").unwrap();
        let e = import_kev(&input, dir.path()).unwrap_err().to_string();
        assert!(e.contains("no `vulnerabilities` array"), "{e}");
        assert!(import_kev(&dir.path().join("missing"), dir.path()).is_err());
    }
}

//! `db update`: fetch advisories from an OSV export (the public one or a mirror with the same
//! layout: `BASE/ECOSYSTEM/all.zip`, `BASE/ECOSYSTEM/modified_id.csv`, `BASE/ECOSYSTEM/ID.json`).
//!
//! The first run downloads each ecosystem's `all.zip`. Later runs ask for `modified_id.csv`
//! with the validators of the last answer (`If-None-Match`, `If-Modified-Since`): an unchanged
//! ecosystem costs one 304; a changed one costs the records modified since the newest one we
//! hold. A failed ecosystem keeps its previous advisories; the index is replaced atomically.

use std::collections::BTreeSet;
use std::path::Path;
use std::time::Duration;

use rampart_core::Date;

use crate::import::{Records, merge, read_zip};
use crate::osv::{Advisory, RecordError, parse_record};
use crate::store::{Index, IndexError, SourceState, encode, write_atomically};

/// The public OSV export.
pub const DEFAULT_BASE_URL: &str = "https://osv-vulnerabilities.storage.googleapis.com";

/// Ecosystems fetched when none are named: those rampart inventories and can match.
pub const DEFAULT_ECOSYSTEMS: &[&str] = &[
    "crates.io",
    "npm",
    "PyPI",
    "Go",
    "Maven",
    "NuGet",
    "RubyGems",
    "Packagist",
    "Hex",
    "Pub",
    "Debian",
    "Ubuntu",
    "Alpine",
];

/// More changed records than this and a full download is cheaper than one request each.
pub const INCREMENTAL_LIMIT: usize = 500;
/// Largest response accepted (the biggest per-ecosystem archives are a few hundred MiB).
const MAX_DOWNLOAD: u64 = 4 << 30;

/// How to update.
#[derive(Debug, Clone)]
pub struct UpdateOptions {
    /// Export base URL, without a trailing slash.
    pub base_url: String,
    /// Ecosystems to fetch (OSV spelling).
    pub ecosystems: Vec<String>,
    /// Longest wait for a connection or for any read to make progress (a stalled transfer
    /// fails; a slow but moving one does not).
    pub timeout: Duration,
    /// Changed-record count above which the whole archive is fetched again.
    pub incremental_limit: usize,
}

impl Default for UpdateOptions {
    fn default() -> Self {
        UpdateOptions {
            base_url: DEFAULT_BASE_URL.to_string(),
            ecosystems: DEFAULT_ECOSYSTEMS.iter().map(|s| s.to_string()).collect(),
            timeout: Duration::from_secs(300),
            incremental_limit: INCREMENTAL_LIMIT,
        }
    }
}

/// What happened to one ecosystem.
#[derive(Debug)]
pub enum Outcome {
    /// The server said nothing changed (304, or no record newer than ours).
    Unchanged,
    /// The whole archive was fetched.
    Full {
        /// Advisories now held.
        advisories: usize,
    },
    /// Only changed records were fetched.
    Incremental {
        /// Records fetched.
        changed: usize,
    },
    /// The update failed; the previous advisories (if any) are kept.
    Failed(String),
}

/// Result for one ecosystem, with the records that could not be read.
#[derive(Debug)]
pub struct EcosystemReport {
    /// The ecosystem.
    pub ecosystem: String,
    /// What happened.
    pub outcome: Outcome,
    /// Records skipped as malformed.
    pub bad_records: Vec<RecordError>,
}

/// Why the update could not run at all.
#[derive(Debug, thiserror::Error)]
pub enum UpdateError {
    /// Writing the new index failed.
    #[error(transparent)]
    Index(#[from] IndexError),
}

struct Fetched {
    status: u16,
    body: Vec<u8>,
    etag: Option<String>,
    last_modified: Option<String>,
}

struct Client {
    agent: ureq::Agent,
}

impl Client {
    fn new(timeout: Duration) -> Client {
        // No end-to-end limit: the largest archives take minutes on a slow link.
        let agent = ureq::Agent::config_builder()
            .timeout_resolve(Some(timeout))
            .timeout_connect(Some(timeout))
            .timeout_recv_response(Some(timeout))
            .timeout_per_read(Some(timeout))
            .http_status_as_error(false)
            .user_agent(concat!("rampart/", env!("CARGO_PKG_VERSION")))
            .build()
            .into();
        Client { agent }
    }

    fn get(&self, url: &str, state: Option<&SourceState>) -> Result<Fetched, String> {
        let mut request = self.agent.get(url);
        if let Some(state) = state {
            if let Some(etag) = &state.etag {
                request = request.header("If-None-Match", etag);
            }
            if let Some(modified) = &state.last_modified {
                request = request.header("If-Modified-Since", modified);
            }
        }
        let mut response = request.call().map_err(|e| format!("GET {url}: {e}"))?;
        let status = response.status().as_u16();
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
        };
        let etag = header("etag");
        let last_modified = header("last-modified");
        let body = if status == 200 {
            response
                .body_mut()
                .with_config()
                .limit(MAX_DOWNLOAD)
                .read_to_vec()
                .map_err(|e| format!("GET {url}: reading the response failed: {e}"))?
        } else {
            Vec::new()
        };
        Ok(Fetched {
            status,
            body,
            etag,
            last_modified,
        })
    }
}

fn source_name(ecosystem: &str) -> String {
    format!("osv:{ecosystem}")
}

/// Percent-encode a path segment (ecosystem names contain spaces and colons: `Red Hat`).
fn segment(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Run an update of `index_path` (created when missing, rebuilt when damaged).
pub fn update(
    index_path: &Path,
    options: &UpdateOptions,
    mut progress: impl FnMut(&str),
) -> Result<(Vec<EcosystemReport>, Option<String>), UpdateError> {
    let mut note = None;
    let mut current = match Index::open(index_path) {
        Ok(index) => Some(index),
        Err(IndexError::Missing(_)) => None,
        Err(e @ IndexError::Corrupt { .. }) => {
            note = Some(format!("{e}: rebuilding from scratch"));
            None
        }
        Err(e) => return Err(e.into()),
    };
    let client = Client::new(options.timeout);
    let base = options.base_url.trim_end_matches('/');
    let mut reports = Vec::new();
    for ecosystem in &options.ecosystems {
        progress(ecosystem);
        let name = source_name(ecosystem);
        let previous = current
            .as_ref()
            .and_then(|index| index.meta().sources.iter().find(|s| s.name == name))
            .cloned();
        let report = update_one(
            &client,
            base,
            ecosystem,
            previous,
            current.as_ref(),
            options,
        );
        let (report, replacement) = report;
        if let Some((state, advisories)) = replacement {
            let (meta, stored) = merge(current.as_ref(), state, advisories, &Date::now_rfc3339())?;
            let bytes = encode(&meta, &stored);
            // Re-open from the encoded bytes so the next ecosystem merges onto this one.
            current = Some(Index::from_bytes(index_path, bytes)?);
        }
        reports.push(report);
    }
    if let Some(index) = &current {
        write_atomically(index_path, index.bytes())?;
    }
    Ok((reports, note))
}

type Replacement = Option<(SourceState, Vec<Advisory>)>;

fn update_one(
    client: &Client,
    base: &str,
    ecosystem: &str,
    previous: Option<SourceState>,
    current: Option<&Index>,
    options: &UpdateOptions,
) -> (EcosystemReport, Replacement) {
    let mut report = EcosystemReport {
        ecosystem: ecosystem.to_string(),
        outcome: Outcome::Unchanged,
        bad_records: Vec::new(),
    };
    let dir = format!("{base}/{}", segment(ecosystem));
    let csv_url = format!("{dir}/modified_id.csv");
    let fail = |mut report: EcosystemReport, message: String| {
        report.outcome = Outcome::Failed(message);
        (report, None)
    };
    let listing = match client.get(&csv_url, previous.as_ref()) {
        Ok(f) => f,
        Err(e) => return fail(report, e),
    };
    if listing.status == 304 {
        if let Some(mut state) = previous {
            state.updated_at = Date::now_rfc3339();
            let kept = held(current, &state.name);
            return (report, Some((state, kept)));
        }
    } else if listing.status != 200 {
        return fail(report, format!("GET {csv_url}: HTTP {}", listing.status));
    }
    let changes = match parse_listing(&listing.body) {
        Ok(changes) => changes,
        Err(e) => return fail(report, format!("{csv_url}: {e}")),
    };
    let mut state = SourceState {
        name: source_name(ecosystem),
        location: dir.clone(),
        updated_at: Date::now_rfc3339(),
        etag: listing.etag,
        last_modified: listing.last_modified,
        ..SourceState::default()
    };
    let newest_listed = changes.first().map(|(t, _)| t.clone()).unwrap_or_default();
    'incremental: {
        let Some(previous) = previous.filter(|p| !p.newest_modified.is_empty()) else {
            break 'incremental;
        };
        let watermark = time_key(&previous.newest_modified);
        let changed: Vec<&String> = changes
            .iter()
            .filter(|(time, _)| time_key(time) > watermark)
            .map(|(_, id)| id)
            .collect();
        if changed.len() > options.incremental_limit {
            break 'incremental;
        }
        let mut advisories = held(current, &state.name);
        let mut fetched = Vec::new();
        for id in &changed {
            let url = format!("{dir}/{}.json", segment(id));
            match client.get(&url, None) {
                Ok(f) if f.status == 200 => match parse_record(&url, &f.body) {
                    Ok(advisory) => fetched.push(advisory),
                    Err(e) => report.bad_records.push(e),
                },
                // Listed but gone (a removed record): the archive is the truth then.
                Ok(f) if f.status == 404 => break 'incremental,
                Ok(f) => return fail(report, format!("GET {url}: HTTP {}", f.status)),
                Err(e) => return fail(report, e),
            }
        }
        let ids: BTreeSet<&str> = fetched.iter().map(|a| a.id.as_str()).collect();
        advisories.retain(|a| !ids.contains(a.id.as_str()));
        report.outcome = if changed.is_empty() {
            Outcome::Unchanged
        } else {
            Outcome::Incremental {
                changed: fetched.len(),
            }
        };
        advisories.extend(fetched);
        state.newest_modified = if time_key(&newest_listed) > watermark {
            newest_listed
        } else {
            previous.newest_modified
        };
        return (report, Some((state, advisories)));
    }
    let zip_url = format!("{dir}/all.zip");
    let archive = match client.get(&zip_url, None) {
        Ok(f) if f.status == 200 => f,
        Ok(f) => return fail(report, format!("GET {zip_url}: HTTP {}", f.status)),
        Err(e) => return fail(report, e),
    };
    let records: Records = match read_zip(Path::new(&zip_url), &archive.body) {
        Ok(records) => records,
        Err(e) => return fail(report, e.to_string()),
    };
    report.bad_records = records.errors;
    report.outcome = Outcome::Full {
        advisories: records.advisories.len(),
    };
    state.newest_modified = newest_listed;
    (report, Some((state, records.advisories)))
}

/// An RFC 3339 time as a comparable key: text comparison breaks on mixed precision
/// (`...:38.5Z` sorts before `...:38Z`). Unparseable times sort first.
pub fn time_key(text: &str) -> (u64, u32) {
    let seconds = Date::parse_rfc3339_seconds(text).unwrap_or(0);
    let nanos = text
        .split_once('.')
        .map(|(_, rest)| {
            let digits: String = rest
                .chars()
                .take_while(char::is_ascii_digit)
                .take(9)
                .collect();
            format!("{digits:0<9}").parse().unwrap_or(0)
        })
        .unwrap_or(0);
    (seconds, nanos)
}

/// Advisories currently held for source `name`.
fn held(current: Option<&Index>, name: &str) -> Vec<Advisory> {
    let Some(index) = current else {
        return Vec::new();
    };
    let Some(position) = index.meta().sources.iter().position(|s| s.name == name) else {
        return Vec::new();
    };
    index
        .all()
        .map(|all| {
            all.into_iter()
                .filter(|s| usize::from(s.source) == position)
                .map(|s| s.advisory)
                .collect()
        })
        .unwrap_or_default()
}

/// `modified_id.csv`: `TIMESTAMP,ID` lines, newest first. Returned newest first.
fn parse_listing(body: &[u8]) -> Result<Vec<(String, String)>, String> {
    let text = std::str::from_utf8(body).map_err(|_| "not UTF-8 text".to_string())?;
    let mut out = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let Some((time, id)) = line.split_once(',') else {
            return Err(format!(
                "line {} is not `TIMESTAMP,ID`: `{line}`",
                number + 1
            ));
        };
        if !time.starts_with(|c: char| c.is_ascii_digit()) || id.trim().is_empty() {
            return Err(format!(
                "line {} is not `TIMESTAMP,ID`: `{line}`",
                number + 1
            ));
        }
        // The per-ecosystem file names bare ids; the root file prefixes the ecosystem.
        let id = id.trim().rsplit('/').next().unwrap_or(id).to_string();
        out.push((time.trim().to_string(), id));
    }
    out.sort_by(|a, b| b.0.cmp(&a.0));
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn listings_parse_newest_first_and_reject_junk() {
        let listing =
            parse_listing(b"2024-01-01T00:00:00Z,GHSA-1\n2025-01-01T00:00:00Z,PyPI/PYSEC-2\n\n")
                .unwrap();
        assert_eq!(
            listing[0],
            ("2025-01-01T00:00:00Z".into(), "PYSEC-2".into())
        );
        assert!(parse_listing(b"<html>oops</html>").is_err());
        assert!(parse_listing(b"\xff\xfe").is_err());
    }

    #[test]
    fn times_compare_as_instants_not_text() {
        assert!(time_key("2024-01-01T00:00:38.5Z") > time_key("2024-01-01T00:00:38Z"));
        assert!(time_key("2024-01-01T01:00:00+01:00") == time_key("2024-01-01T00:00:00Z"));
        assert!(time_key("2025-01-01T00:00:00Z") > time_key("2024-12-31T23:59:59.999999Z"));
        assert_eq!(time_key("junk"), (0, 0));
    }

    #[test]
    fn ecosystem_names_are_encoded_as_path_segments() {
        assert_eq!(segment("Red Hat"), "Red%20Hat");
        assert_eq!(segment("Debian:12"), "Debian%3A12");
        assert_eq!(segment("crates.io"), "crates.io");
    }
}

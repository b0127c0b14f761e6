//! Reading OSV records from a directory tree, a zip archive (the OSV export's `all.zip`), or
//! an exported rampart bundle, and merging them into the index.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::osv::{Advisory, RecordError, parse_record};
use crate::store::{FORMAT, Index, IndexError, IndexMeta, SourceState, StoredAdvisory};

/// Records that parsed, and those that did not (each named).
#[derive(Debug, Default)]
pub struct Records {
    /// Parsed advisories, one per id (the most recently modified wins).
    pub advisories: Vec<Advisory>,
    /// Records that could not be read.
    pub errors: Vec<RecordError>,
}

/// Why an import could not start at all (a single bad record is not this: see [`Records`]).
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The path cannot be read.
    #[error("cannot read `{path}`: {source}")]
    Io {
        /// The path.
        path: PathBuf,
        /// The OS error.
        source: std::io::Error,
    },
    /// The zip archive is unreadable as a whole.
    #[error("`{path}` is not a readable zip archive: {reason}")]
    Zip {
        /// The archive.
        path: PathBuf,
        /// What is wrong.
        reason: String,
    },
    /// Neither a directory, a zip of OSV records, nor a rampart bundle.
    #[error("`{0}` is not a directory, a zip of OSV records, or a rampart database bundle")]
    Unrecognised(PathBuf),
    /// A bundle that fails its checks.
    #[error(transparent)]
    Index(#[from] IndexError),
}

/// Largest single record accepted (real ones are a few KiB; the largest distro ones ~1 MiB).
pub const MAX_RECORD_BYTES: u64 = 16 << 20;
/// Largest total uncompressed size read from one archive (zip-bomb bound).
pub const MAX_ARCHIVE_BYTES: u64 = 8 << 30;

fn is_record_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.ends_with(".json") || lower.ends_with(".yaml") || lower.ends_with(".yml")
}

impl Records {
    fn add(&mut self, name: &str, bytes: &[u8]) {
        match parse_record(name, bytes) {
            Ok(advisory) => self.advisories.push(advisory),
            Err(e) => self.errors.push(e),
        }
    }

    /// Keep one advisory per id: the one modified last (ties: the later one read).
    fn dedupe(&mut self) {
        self.advisories
            .sort_by(|a, b| a.id.cmp(&b.id).then_with(|| a.modified.cmp(&b.modified)));
        let mut kept: Vec<Advisory> = Vec::with_capacity(self.advisories.len());
        for advisory in self.advisories.drain(..) {
            match kept.last_mut() {
                Some(last) if last.id == advisory.id => *last = advisory,
                _ => kept.push(advisory),
            }
        }
        self.advisories = kept;
    }
}

/// Read every `*.json`/`*.yaml` record under `dir` (recursively, symlinks not followed).
pub fn read_dir(dir: &Path) -> Result<Records, ImportError> {
    let mut records = Records::default();
    let mut stack = vec![dir.to_path_buf()];
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| ImportError::Io { path, source }
    };
    let mut files = Vec::new();
    while let Some(current) = stack.pop() {
        for entry in std::fs::read_dir(&current).map_err(io(&current))? {
            let entry = entry.map_err(io(&current))?;
            let path = entry.path();
            let kind = entry.file_type().map_err(io(&path))?;
            if kind.is_dir() {
                if !entry.file_name().to_string_lossy().starts_with('.') {
                    stack.push(path);
                }
            } else if kind.is_file() && is_record_name(&entry.file_name().to_string_lossy()) {
                files.push(path);
            }
        }
    }
    files.sort();
    for path in files {
        let name = path
            .strip_prefix(dir)
            .unwrap_or(&path)
            .to_string_lossy()
            .replace('\\', "/");
        match std::fs::metadata(&path) {
            Ok(meta) if meta.len() > MAX_RECORD_BYTES => records.errors.push(RecordError {
                source_name: name,
                reason: format!("larger than {} MiB", MAX_RECORD_BYTES >> 20),
            }),
            _ => match std::fs::read(&path) {
                Ok(bytes) => records.add(&name, &bytes),
                Err(e) => records.errors.push(RecordError {
                    source_name: name,
                    reason: e.to_string(),
                }),
            },
        }
    }
    records.dedupe();
    Ok(records)
}

/// Read every record in a zip archive held in memory (`name` is for messages).
pub fn read_zip(name: &Path, bytes: &[u8]) -> Result<Records, ImportError> {
    let zip_error = |reason: String| ImportError::Zip {
        path: name.to_path_buf(),
        reason,
    };
    let mut archive =
        zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| zip_error(e.to_string()))?;
    let mut records = Records::default();
    let mut total: u64 = 0;
    for i in 0..archive.len() {
        let mut file = match archive.by_index(i) {
            Ok(file) => file,
            Err(e) => {
                records.errors.push(RecordError {
                    source_name: format!("{}#{i}", name.display()),
                    reason: e.to_string(),
                });
                continue;
            }
        };
        let member = match file.name() {
            Ok(name) => name.to_string(),
            Err(e) => {
                records.errors.push(RecordError {
                    source_name: format!("{}#{i}", name.display()),
                    reason: format!("member name: {e}"),
                });
                continue;
            }
        };
        if !file.is_file() || !is_record_name(&member) {
            continue;
        }
        let label = format!("{}:{member}", name.display());
        if file.size() > MAX_RECORD_BYTES {
            records.errors.push(RecordError {
                source_name: label,
                reason: format!("larger than {} MiB", MAX_RECORD_BYTES >> 20),
            });
            continue;
        }
        let mut buffer = Vec::with_capacity(usize::try_from(file.size()).unwrap_or(0));
        // The declared size can lie; the read itself is bounded too.
        match (&mut file)
            .take(MAX_RECORD_BYTES + 1)
            .read_to_end(&mut buffer)
        {
            Ok(_) if buffer.len() as u64 > MAX_RECORD_BYTES => {
                records.errors.push(RecordError {
                    source_name: label,
                    reason: format!("larger than {} MiB", MAX_RECORD_BYTES >> 20),
                });
            }
            Ok(n) => {
                total += n as u64;
                if total > MAX_ARCHIVE_BYTES {
                    return Err(zip_error(format!(
                        "expands to more than {} GiB",
                        MAX_ARCHIVE_BYTES >> 30
                    )));
                }
                records.add(&label, &buffer);
            }
            Err(e) => records.errors.push(RecordError {
                source_name: label,
                reason: e.to_string(),
            }),
        }
    }
    records.dedupe();
    Ok(records)
}

/// What a path given to `db import` holds.
pub enum ImportInput {
    /// OSV records.
    Records(Records),
    /// An exported rampart database.
    Bundle(Box<Index>),
}

/// Read a directory of records, a zip of records, or an exported bundle.
pub fn read_path(path: &Path) -> Result<ImportInput, ImportError> {
    let meta = std::fs::metadata(path).map_err(|source| ImportError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    if meta.is_dir() {
        return read_dir(path).map(ImportInput::Records);
    }
    let bytes = std::fs::read(path).map_err(|source| ImportError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    if bytes.starts_with(b"RAMPDB") {
        return Ok(ImportInput::Bundle(Box::new(Index::from_bytes(
            path, bytes,
        )?)));
    }
    if bytes.starts_with(b"PK") {
        return read_zip(path, &bytes).map(ImportInput::Records);
    }
    let name = path.to_string_lossy();
    if is_record_name(&name) {
        let mut records = Records::default();
        records.add(&name, &bytes);
        return Ok(ImportInput::Records(records));
    }
    Err(ImportError::Unrecognised(path.to_path_buf()))
}

/// Replace the advisories of source `state.name` in `existing` (if any) with `advisories`,
/// keeping every other source as it was. Returns the new metadata and advisory list.
pub fn merge(
    existing: Option<&Index>,
    mut state: SourceState,
    advisories: Vec<Advisory>,
    built_at: &str,
) -> Result<(IndexMeta, Vec<StoredAdvisory>), IndexError> {
    let mut sources: Vec<SourceState> = Vec::new();
    let mut kept: Vec<(String, Advisory)> = Vec::new();
    if let Some(index) = existing {
        let old = index.meta();
        for stored in index.all()? {
            let Some(source) = old.sources.get(usize::from(stored.source)) else {
                continue;
            };
            if source.name != state.name {
                kept.push((source.name.clone(), stored.advisory));
            }
        }
        sources.extend(old.sources.iter().filter(|s| s.name != state.name).cloned());
    }
    state.advisories = advisories.len() as u64;
    state.withdrawn = advisories.iter().filter(|a| a.withdrawn).count() as u64;
    if let Some(newest) = advisories
        .iter()
        .map(|a| a.modified.as_str())
        .max_by_key(|m| crate::update::time_key(m))
        && crate::update::time_key(newest) > crate::update::time_key(&state.newest_modified)
    {
        state.newest_modified = newest.to_string();
    }
    let name = state.name.clone();
    sources.push(state);
    sources.sort_by(|a, b| a.name.cmp(&b.name));
    kept.extend(advisories.into_iter().map(|a| (name.clone(), a)));
    let position = |name: &str| {
        sources
            .iter()
            .position(|s| s.name == name)
            .and_then(|p| u16::try_from(p).ok())
            .unwrap_or(0)
    };
    let stored = kept
        .into_iter()
        .map(|(source, advisory)| StoredAdvisory {
            source: position(&source),
            advisory,
        })
        .collect();
    Ok((
        IndexMeta {
            format: FORMAT,
            built_at: built_at.to_string(),
            sources,
        },
        stored,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::encode;
    use std::io::Write;

    const GOOD: &str = r#"{"id":"GHSA-aaaa","modified":"2024-01-01T00:00:00Z","affected":[{"package":{"ecosystem":"npm","name":"a"},"ranges":[{"type":"SEMVER","events":[{"introduced":"0"},{"fixed":"1.0.0"}]}]}]}"#;
    const NEWER: &str = r#"{"id":"GHSA-aaaa","modified":"2025-01-01T00:00:00Z","affected":[{"package":{"ecosystem":"npm","name":"a"},"ranges":[{"type":"SEMVER","events":[{"introduced":"0"},{"fixed":"1.0.1"}]}]}]}"#;

    #[test]
    fn a_directory_with_broken_records_imports_the_rest_and_names_each_broken_one() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("npm/a")).unwrap();
        std::fs::write(dir.path().join("npm/a/GHSA-aaaa.json"), GOOD).unwrap();
        std::fs::write(dir.path().join("npm/a/NEWER.json"), NEWER).unwrap();
        std::fs::write(dir.path().join("bad.json"), "{ nope").unwrap();
        std::fs::write(dir.path().join("bad.yaml"), "id: [").unwrap();
        std::fs::write(dir.path().join("README.md"), "not a record").unwrap();
        let records = read_dir(dir.path()).unwrap();
        assert_eq!(records.advisories.len(), 1, "same id kept once");
        assert_eq!(records.advisories[0].modified, "2025-01-01T00:00:00Z");
        let mut names: Vec<_> = records
            .errors
            .iter()
            .map(|e| e.source_name.as_str())
            .collect();
        names.sort();
        assert_eq!(names, ["bad.json", "bad.yaml"]);
    }

    #[test]
    fn zip_archives_import_and_a_truncated_zip_is_an_error() {
        let mut bytes = Vec::new();
        {
            let mut zip = zip::ZipWriter::new(std::io::Cursor::new(&mut bytes));
            let options = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated);
            zip.start_file("GHSA-aaaa.json", options).unwrap();
            zip.write_all(GOOD.as_bytes()).unwrap();
            zip.start_file("broken.json", options).unwrap();
            zip.write_all(b"[1,2").unwrap();
            zip.finish().unwrap();
        }
        let records = read_zip(Path::new("all.zip"), &bytes).unwrap();
        assert_eq!(records.advisories.len(), 1);
        assert_eq!(records.errors[0].source_name, "all.zip:broken.json");
        let cut = &bytes[..bytes.len() / 2];
        assert!(matches!(
            read_zip(Path::new("all.zip"), cut),
            Err(ImportError::Zip { .. })
        ));
    }

    #[test]
    fn merge_replaces_one_source_and_keeps_the_others() {
        let a = parse_record("a.json", GOOD.as_bytes()).unwrap();
        let state = |name: &str| SourceState {
            name: name.into(),
            ..SourceState::default()
        };
        let (meta, stored) = merge(None, state("import:one"), vec![a.clone()], "t").unwrap();
        let first = Index::from_bytes(Path::new("x"), encode(&meta, &stored)).unwrap();
        let mut b = a.clone();
        b.id = "GHSA-bbbb".into();
        let (meta, stored) = merge(Some(&first), state("import:two"), vec![b], "t").unwrap();
        let second = Index::from_bytes(Path::new("x"), encode(&meta, &stored)).unwrap();
        assert_eq!(second.len(), 2);
        let (meta, stored) = merge(Some(&second), state("import:one"), vec![], "t").unwrap();
        let third = Index::from_bytes(Path::new("x"), encode(&meta, &stored)).unwrap();
        assert_eq!(third.len(), 1);
        assert_eq!(third.all().unwrap()[0].advisory.id, "GHSA-bbbb");
        assert_eq!(third.meta().sources.len(), 2);
    }
}

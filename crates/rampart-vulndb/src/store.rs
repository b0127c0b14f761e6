//! The local advisory index: one file holding every advisory (compact JSON, decoded only when
//! a package needs it) and a table from (ecosystem, normalised name) to advisories.
//!
//! Layout (little-endian): magic, metadata JSON, advisories (source index + JSON each), key
//! table, CRC-32 of everything before it. The CRC catches truncation and corruption; writes go
//! to a temporary file that is renamed over the old index, so a reader never sees half a file.

use std::collections::{BTreeMap, HashMap};
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::osv::Advisory;

const MAGIC: &[u8; 8] = b"RAMPDB01";
/// Format version inside the metadata, bumped when the advisory JSON changes shape.
pub const FORMAT: u32 = 1;

/// Why an index could not be opened or written.
#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    /// No index at that path.
    #[error(
        "no vulnerability database at `{0}`; run `rampart db update` (online) or `rampart db import PATH` (offline)"
    )]
    Missing(PathBuf),
    /// The file exists but is damaged.
    #[error(
        "the vulnerability database `{path}` is damaged ({reason}); run `rampart db update` or `rampart db import PATH` to rebuild it"
    )]
    Corrupt {
        /// The index file.
        path: PathBuf,
        /// What check failed.
        reason: String,
    },
    /// Reading or writing failed.
    #[error("cannot {action} `{path}`: {source}")]
    Io {
        /// What was being done.
        action: &'static str,
        /// The file.
        path: PathBuf,
        /// The OS error.
        source: std::io::Error,
    },
}

/// Where a group of advisories came from and how fresh it is.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SourceState {
    /// `osv:ECOSYSTEM` for `db update`, `import:PATH` for `db import`.
    pub name: String,
    /// Download URL or imported path.
    pub location: String,
    /// Advisories from this source.
    pub advisories: u64,
    /// Withdrawn among them.
    #[serde(default)]
    pub withdrawn: u64,
    /// Newest `modified` time among them (RFC 3339): the watermark for incremental updates.
    #[serde(default)]
    pub newest_modified: String,
    /// When this source was last fetched or imported (RFC 3339).
    pub updated_at: String,
    /// HTTP validators of the last download, for conditional requests.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub etag: Option<String>,
    /// HTTP `Last-Modified` of the last download.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_modified: Option<String>,
}

/// What the index file says about itself.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct IndexMeta {
    /// Format version ([`FORMAT`]).
    pub format: u32,
    /// When the file was written (RFC 3339).
    pub built_at: String,
    /// Sources, in name order.
    pub sources: Vec<SourceState>,
}

/// An advisory tagged with the source that supplied it.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredAdvisory {
    /// Index into [`IndexMeta::sources`].
    pub source: u16,
    /// The advisory.
    pub advisory: Advisory,
}

/// An opened index.
pub struct Index {
    path: PathBuf,
    bytes: Vec<u8>,
    meta: IndexMeta,
    /// (source, start, end) of each advisory's JSON in `bytes`.
    entries: Vec<(u16, usize, usize)>,
    keys: HashMap<(String, String), Vec<u32>>,
}

impl std::fmt::Debug for Index {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Index")
            .field("path", &self.path)
            .field("advisories", &self.entries.len())
            .finish()
    }
}

/// Name as the index keys it: the ecosystem's own equivalence rules, so `Django`, `django`
/// and `DJANGO` find the same PyPI advisories.
pub fn normalize_name(ecosystem: &str, name: &str) -> String {
    let family = ecosystem.split(':').next().unwrap_or(ecosystem);
    match family {
        // PEP 503: case-insensitive, runs of `-`, `_`, `.` are one separator.
        "PyPI" => {
            let mut out = String::with_capacity(name.len());
            let mut last_sep = false;
            for c in name.trim().chars() {
                if matches!(c, '-' | '_' | '.') {
                    if !last_sep {
                        out.push('-');
                    }
                    last_sep = true;
                } else {
                    out.extend(c.to_lowercase());
                    last_sep = false;
                }
            }
            out
        }
        // Registries that treat names case-insensitively.
        "npm" | "crates.io" | "NuGet" | "Packagist" | "Hex" | "Pub" | "Debian" | "Ubuntu"
        | "Alpine" => name.trim().to_ascii_lowercase(),
        // Go module paths, Maven coordinates and gem names are case-sensitive.
        _ => name.trim().to_string(),
    }
}

fn corrupt(path: &Path, reason: impl Into<String>) -> IndexError {
    IndexError::Corrupt {
        path: path.to_path_buf(),
        reason: reason.into(),
    }
}

/// A bounds-checked little-endian reader over the index bytes.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let end = self.at.checked_add(n)?;
        let slice = self.bytes.get(self.at..end)?;
        self.at = end;
        Some(slice)
    }
    fn u16(&mut self) -> Option<u16> {
        self.take(2)
            .and_then(|b| b.try_into().ok())
            .map(u16::from_le_bytes)
    }
    fn u32(&mut self) -> Option<u32> {
        self.take(4)
            .and_then(|b| b.try_into().ok())
            .map(u32::from_le_bytes)
    }
    fn str16(&mut self) -> Option<&'a str> {
        let len = self.u16()? as usize;
        std::str::from_utf8(self.take(len)?).ok()
    }
}

impl Index {
    /// Open and verify the index at `path`.
    pub fn open(path: &Path) -> Result<Index, IndexError> {
        let bytes = match std::fs::read(path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(IndexError::Missing(path.to_path_buf()));
            }
            Err(source) => {
                return Err(IndexError::Io {
                    action: "read",
                    path: path.to_path_buf(),
                    source,
                });
            }
        };
        Index::from_bytes(path, bytes)
    }

    /// Verify and decode index bytes (`path` is for messages).
    pub fn from_bytes(path: &Path, bytes: Vec<u8>) -> Result<Index, IndexError> {
        if bytes.len() < MAGIC.len() + 4 || !bytes.starts_with(MAGIC) {
            return Err(corrupt(path, "not a rampart vulnerability database"));
        }
        let body_len = bytes.len() - 4;
        let stored = bytes
            .get(body_len..)
            .and_then(|b| b.try_into().ok())
            .map(u32::from_le_bytes);
        if stored != Some(crc32fast::hash(&bytes[..body_len])) {
            return Err(corrupt(path, "checksum mismatch: truncated or modified"));
        }
        let mut reader = Reader {
            bytes: &bytes[..body_len],
            at: MAGIC.len(),
        };
        let truncated = || corrupt(path, "truncated structure");
        let meta_len = reader.u32().ok_or_else(truncated)? as usize;
        let meta: IndexMeta = serde_json::from_slice(reader.take(meta_len).ok_or_else(truncated)?)
            .map_err(|e| corrupt(path, format!("metadata: {e}")))?;
        if meta.format != FORMAT {
            return Err(corrupt(
                path,
                format!(
                    "format {} is not the format {FORMAT} this rampart reads",
                    meta.format
                ),
            ));
        }
        let count = reader.u32().ok_or_else(truncated)? as usize;
        let mut entries = Vec::with_capacity(count.min(body_len / 6));
        for _ in 0..count {
            let source = reader.u16().ok_or_else(truncated)?;
            if usize::from(source) >= meta.sources.len() {
                return Err(corrupt(path, "advisory names an unknown source"));
            }
            let len = reader.u32().ok_or_else(truncated)? as usize;
            let start = reader.at;
            reader.take(len).ok_or_else(truncated)?;
            entries.push((source, start, start + len));
        }
        let key_count = reader.u32().ok_or_else(truncated)? as usize;
        let mut keys = HashMap::with_capacity(key_count.min(body_len / 8));
        for _ in 0..key_count {
            let ecosystem = reader.str16().ok_or_else(truncated)?.to_string();
            let name = reader.str16().ok_or_else(truncated)?.to_string();
            let n = reader.u32().ok_or_else(truncated)? as usize;
            let mut ids = Vec::with_capacity(n.min(count));
            for _ in 0..n {
                let id = reader.u32().ok_or_else(truncated)?;
                if id as usize >= entries.len() {
                    return Err(corrupt(path, "key table points past the advisories"));
                }
                ids.push(id);
            }
            keys.insert((ecosystem, name), ids);
        }
        if reader.at != body_len {
            return Err(corrupt(path, "trailing bytes"));
        }
        Ok(Index {
            path: path.to_path_buf(),
            bytes,
            meta,
            entries,
            keys,
        })
    }

    /// The file this index was read from.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Metadata: sources, freshness.
    pub fn meta(&self) -> &IndexMeta {
        &self.meta
    }

    /// Number of advisories stored (withdrawn included).
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the index holds no advisories.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    fn decode(&self, entry: usize) -> Result<StoredAdvisory, IndexError> {
        let &(source, start, end) = self
            .entries
            .get(entry)
            .ok_or_else(|| corrupt(&self.path, "advisory index out of range"))?;
        let advisory = serde_json::from_slice(&self.bytes[start..end])
            .map_err(|e| corrupt(&self.path, format!("advisory {entry}: {e}")))?;
        Ok(StoredAdvisory { source, advisory })
    }

    /// Advisories that name `name` in `ecosystem` (exact ecosystem spelling, e.g. `Debian:12`).
    pub fn lookup(&self, ecosystem: &str, name: &str) -> Result<Vec<Advisory>, IndexError> {
        let key = (ecosystem.to_string(), normalize_name(ecosystem, name));
        match self.keys.get(&key) {
            Some(ids) => ids
                .iter()
                .map(|&id| self.decode(id as usize).map(|s| s.advisory))
                .collect(),
            None => Ok(Vec::new()),
        }
    }

    /// Every stored advisory with its source, in file order.
    pub fn all(&self) -> Result<Vec<StoredAdvisory>, IndexError> {
        (0..self.entries.len()).map(|i| self.decode(i)).collect()
    }

    /// The raw bytes of the file (a verified, self-contained bundle).
    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }
}

/// Serialise an index. Advisories are sorted by id so equal content gives equal bytes.
pub fn encode(meta: &IndexMeta, advisories: &[StoredAdvisory]) -> Vec<u8> {
    let mut order: Vec<&StoredAdvisory> = advisories.iter().collect();
    order.sort_by(|a, b| {
        (a.advisory.id.as_str(), a.source).cmp(&(b.advisory.id.as_str(), b.source))
    });
    let mut out = Vec::new();
    out.extend_from_slice(MAGIC);
    let meta_json = serde_json::to_vec(meta).unwrap_or_default();
    out.extend_from_slice(&len32(meta_json.len()).to_le_bytes());
    out.extend_from_slice(&meta_json);
    out.extend_from_slice(&len32(order.len()).to_le_bytes());
    let mut keys: BTreeMap<(String, String), Vec<u32>> = BTreeMap::new();
    for (i, stored) in order.iter().enumerate() {
        let json = serde_json::to_vec(&stored.advisory).unwrap_or_default();
        out.extend_from_slice(&stored.source.to_le_bytes());
        out.extend_from_slice(&len32(json.len()).to_le_bytes());
        out.extend_from_slice(&json);
        for affected in &stored.advisory.affected {
            let key = (
                affected.ecosystem.clone(),
                normalize_name(&affected.ecosystem, &affected.name),
            );
            let ids = keys.entry(key).or_default();
            if ids.last() != Some(&len32(i)) {
                ids.push(len32(i));
            }
        }
    }
    out.extend_from_slice(&len32(keys.len()).to_le_bytes());
    for ((ecosystem, name), ids) in &keys {
        for text in [ecosystem, name] {
            let bytes = text.as_bytes();
            // Names longer than 64 KiB are not real package names; cut rather than fail.
            let bytes = &bytes[..bytes.len().min(usize::from(u16::MAX))];
            let bytes = match std::str::from_utf8(bytes) {
                Ok(_) => bytes,
                Err(e) => &bytes[..e.valid_up_to()],
            };
            out.extend_from_slice(&(bytes.len() as u16).to_le_bytes());
            out.extend_from_slice(bytes);
        }
        out.extend_from_slice(&len32(ids.len()).to_le_bytes());
        for id in ids {
            out.extend_from_slice(&id.to_le_bytes());
        }
    }
    let crc = crc32fast::hash(&out);
    out.extend_from_slice(&crc.to_le_bytes());
    out
}

fn len32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Write `bytes` to `path` atomically: temp file in the same directory, fsync, rename.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), IndexError> {
    let io = |action: &'static str, p: &Path| {
        let p = p.to_path_buf();
        move |source| IndexError::Io {
            action,
            path: p,
            source,
        }
    };
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(io("create directory", dir))?;
    let temp = dir.join(format!(
        ".{}.tmp-{}",
        path.file_name().and_then(|n| n.to_str()).unwrap_or("index"),
        std::process::id()
    ));
    let result = (|| {
        let mut file = std::fs::File::create(&temp).map_err(io("create", &temp))?;
        file.write_all(bytes).map_err(io("write", &temp))?;
        file.sync_all().map_err(io("sync", &temp))?;
        std::fs::rename(&temp, path).map_err(io("replace", path))
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::osv::parse_record;

    fn advisory(id: &str, ecosystem: &str, name: &str) -> Advisory {
        let json = format!(
            r#"{{"id":"{id}","modified":"2024-01-01T00:00:00Z","affected":[{{"package":{{"ecosystem":"{ecosystem}","name":"{name}"}},"ranges":[{{"type":"ECOSYSTEM","events":[{{"introduced":"0"}},{{"fixed":"2.0"}}]}}]}}]}}"#
        );
        parse_record("t.json", json.as_bytes()).unwrap()
    }

    fn sample() -> (IndexMeta, Vec<StoredAdvisory>) {
        let meta = IndexMeta {
            format: FORMAT,
            built_at: "2026-11-24T00:00:00Z".into(),
            sources: vec![SourceState {
                name: "import:test".into(),
                advisories: 2,
                ..SourceState::default()
            }],
        };
        let advisories = vec![
            StoredAdvisory {
                source: 0,
                advisory: advisory("PYSEC-1", "PyPI", "Django_Rest.framework"),
            },
            StoredAdvisory {
                source: 0,
                advisory: advisory("GHSA-1", "npm", "left-pad"),
            },
        ];
        (meta, advisories)
    }

    #[test]
    fn round_trips_and_finds_by_normalised_name() {
        let (meta, advisories) = sample();
        let bytes = encode(&meta, &advisories);
        let index = Index::from_bytes(Path::new("t.idx"), bytes.clone()).unwrap();
        assert_eq!(index.len(), 2);
        assert_eq!(index.meta(), &meta);
        let found = index.lookup("PyPI", "django-rest-framework").unwrap();
        assert_eq!(found[0].id, "PYSEC-1");
        assert_eq!(index.lookup("npm", "LEFT-PAD").unwrap()[0].id, "GHSA-1");
        assert!(index.lookup("PyPI", "left-pad").unwrap().is_empty());
        assert_eq!(encode(&meta, &advisories), bytes, "deterministic");
    }

    #[test]
    fn every_truncation_and_every_flipped_byte_is_detected() {
        let (meta, advisories) = sample();
        let bytes = encode(&meta, &advisories);
        for cut in 0..bytes.len() {
            let error = Index::from_bytes(Path::new("t.idx"), bytes[..cut].to_vec()).unwrap_err();
            assert!(matches!(error, IndexError::Corrupt { .. }), "cut at {cut}");
        }
        for at in (0..bytes.len()).step_by(7) {
            let mut damaged = bytes.clone();
            damaged[at] ^= 0x20;
            assert!(
                Index::from_bytes(Path::new("t.idx"), damaged).is_err(),
                "flip at {at}"
            );
        }
    }

    #[test]
    fn atomic_write_replaces_and_leaves_no_temp_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("db").join("advisories.idx");
        assert!(matches!(Index::open(&path), Err(IndexError::Missing(_))));
        let (meta, advisories) = sample();
        write_atomically(&path, &encode(&meta, &advisories)).unwrap();
        write_atomically(&path, &encode(&meta, &advisories[..1])).unwrap();
        assert_eq!(Index::open(&path).unwrap().len(), 1);
        let names: Vec<_> = std::fs::read_dir(path.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["advisories.idx"]);
    }

    #[test]
    fn pypi_names_follow_pep_503() {
        assert_eq!(normalize_name("PyPI", "Foo__Bar.-baz"), "foo-bar-baz");
        assert_eq!(
            normalize_name("Go", "github.com/BurntSushi/toml"),
            "github.com/BurntSushi/toml"
        );
        assert_eq!(normalize_name("Debian:12", "OpenSSL"), "openssl");
    }
}

//! Git history scans: the per-repository cache of scanned blobs, and turning per-blob findings
//! into history findings.
//!
//! The cache (`<cache dir>/git/<repo key>.json`) records, for one rule set, which blobs were
//! scanned clean and the findings of the others, with the digest of each matched secret (never
//! the secret): a rerun reads only blobs it has not seen and re-reports the rest. Beside it,
//! `<repo key>.result.json` holds the last complete result, keyed by the repository's refs (see
//! [`StoredResult`]): a rerun over unchanged refs reads only that.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use rampart_core::{Finding, content_digest};
use rampart_source::git::{BlobFinding, GitSource, ObjectId};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// Bumped when the cache layout or the meaning of its entries changes.
const CACHE_FORMAT: u32 = 1;

#[derive(Serialize, Deserialize, Default)]
struct CacheFile {
    format: u32,
    ruleset: String,
    /// Blobs scanned without findings (hex ids).
    clean: Vec<String>,
    /// Findings per blob (hex id).
    findings: BTreeMap<String, Vec<CachedFinding>>,
    /// What each commit changed (hex commit id -> [(path, hex blob id)]): skips tree diffs.
    #[serde(default)]
    commits: BTreeMap<String, Vec<(String, String)>>,
}

#[derive(Serialize, Deserialize, Clone)]
struct CachedFinding {
    finding: Finding,
    /// Hex SHA-256 of the matched content: lets a copy of the blob at another path get the
    /// fingerprint a fresh scan would give it.
    digest: String,
}

/// Blobs already scanned with this rule set, and their findings.
pub struct Cache {
    path: PathBuf,
    ruleset: String,
    /// Hex ids of blobs scanned clean.
    clean: HashSet<String>,
    /// Hex id -> findings.
    findings: BTreeMap<String, Vec<CachedFinding>>,
    /// Hex commit id -> changes.
    commits: BTreeMap<String, Vec<(String, String)>>,
}

/// A stable identity for what can change scan results: rampart's version, the config files'
/// bytes and the size limit.
pub fn ruleset_key(parts: &[&[u8]]) -> String {
    let mut hasher = Sha256::new();
    hasher.update(env!("CARGO_PKG_VERSION").as_bytes());
    hash_parts(&mut hasher, parts);
    hex(&hasher.finalize()[..16])
}

/// Each part with its length first, so that no two lists of parts hash alike.
fn hash_parts(hasher: &mut Sha256, parts: &[&[u8]]) {
    for part in parts {
        hasher.update((part.len() as u64).to_le_bytes());
        hasher.update(part);
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(text: &str) -> Option<[u8; 32]> {
    let mut out = [0u8; 32];
    if text.len() != 64 {
        return None;
    }
    for (i, byte) in out.iter_mut().enumerate() {
        *byte = u8::from_str_radix(text.get(i * 2..i * 2 + 2)?, 16).ok()?;
    }
    Some(out)
}

/// The user cache directory (git history caches; the vulnerability database under `db/`):
/// `$RAMPART_CACHE_DIR`, else `$XDG_CACHE_HOME/rampart`, else
/// `~/.cache/rampart`.
pub fn cache_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("RAMPART_CACHE_DIR").filter(|v| !v.is_empty()) {
        return PathBuf::from(dir);
    }
    std::env::var_os("XDG_CACHE_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))
        .unwrap_or_else(std::env::temp_dir)
        .join("rampart")
}

/// The cache file of the repository whose git dir is `git_dir`.
fn cache_path(git_dir: &Path) -> PathBuf {
    let canonical = git_dir
        .canonicalize()
        .unwrap_or_else(|_| git_dir.to_path_buf());
    let key = hex(&Sha256::digest(canonical.to_string_lossy().as_bytes())[..12]);
    cache_dir().join("git").join(format!("{key}.json"))
}

/// A whole history scan's result (findings without secrets), kept beside the cache so that a
/// rerun over a repository whose refs have not moved reads neither the repository nor the
/// cache of blobs: it only re-reports.
#[derive(Serialize, Deserialize)]
pub struct StoredResult {
    /// What the result answers for: see [`result_state`].
    pub state: String,
    /// Commits in the scan.
    pub commits: usize,
    /// Unique blobs in the scan.
    pub blobs: usize,
    /// The history findings, secrets removed.
    pub findings: Vec<Finding>,
    /// Findings suppressed by inline comments.
    pub inline_suppressed: u64,
    /// Warnings of the scan (submodules not followed).
    pub warnings: Vec<String>,
}

/// A digest of everything a stored result depends on: the rule set (see [`ruleset_key`]), the
/// scan options that select history, and the repository's refs (see
/// [`rampart_source::git::ref_state`]).
pub fn result_state(ruleset: &str, options: &str, refs: &str) -> String {
    let mut hasher = Sha256::new();
    hash_parts(
        &mut hasher,
        &[ruleset.as_bytes(), options.as_bytes(), refs.as_bytes()],
    );
    hex(&hasher.finalize())
}

fn result_path(git_dir: &Path) -> PathBuf {
    cache_path(git_dir).with_extension("result.json")
}

/// The stored result for `state`, if there is one (any other is ignored).
pub fn stored_result(git_dir: &Path, state: &str) -> Option<StoredResult> {
    let bytes = std::fs::read(result_path(git_dir)).ok()?;
    let stored: StoredResult = serde_json::from_slice(&bytes).ok()?;
    (stored.state == state).then_some(stored)
}

/// Keep `result` for the next run (replacing the one before).
pub fn store_result(git_dir: &Path, result: &StoredResult) -> std::io::Result<()> {
    let bytes = serde_json::to_vec(result).map_err(std::io::Error::other)?;
    rampart_vulndb::store::write_atomically(&result_path(git_dir), &bytes)
        .map_err(std::io::Error::other)
}

impl Cache {
    /// The cache for the repository whose git dir is `git_dir`; empty when missing, unreadable,
    /// from another rule set or another format.
    pub fn load(git_dir: &Path, ruleset: &str) -> Cache {
        let path = cache_path(git_dir);
        let mut cache = Cache {
            path,
            ruleset: ruleset.to_string(),
            clean: HashSet::new(),
            findings: BTreeMap::new(),
            commits: BTreeMap::new(),
        };
        let Ok(bytes) = std::fs::read(&cache.path) else {
            return cache;
        };
        let Ok(file) = serde_json::from_slice::<CacheFile>(&bytes) else {
            return cache;
        };
        if file.format == CACHE_FORMAT && file.ruleset == ruleset {
            cache.clean = file.clean.into_iter().collect();
            cache.findings = file.findings;
            cache.commits = file.commits;
        }
        cache
    }

    /// Tree diffs remembered from earlier runs, for [`GitOptions::known_changes`].
    ///
    /// [`GitOptions::known_changes`]: rampart_source::git::GitOptions::known_changes
    pub fn known_changes(&self) -> HashMap<ObjectId, Vec<(String, ObjectId)>> {
        let parse = |hex: &str| ObjectId::from_hex(hex.as_bytes()).ok();
        self.commits
            .iter()
            .filter_map(|(commit, changes)| {
                let changes: Option<Vec<(String, ObjectId)>> = changes
                    .iter()
                    .map(|(path, blob)| parse(blob).map(|id| (path.clone(), id)))
                    .collect();
                Some((parse(commit)?, changes?))
            })
            .collect()
    }

    /// Blobs whose results are known. With `need_secrets` (the user wants whole secrets, which
    /// the cache never holds) blobs with findings are read again.
    pub fn known(&self, source: &GitSource, need_secrets: bool) -> HashSet<ObjectId> {
        source
            .blob_ids()
            .filter(|id| {
                let key = id.to_string();
                self.clean.contains(&key) || (!need_secrets && self.findings.contains_key(&key))
            })
            .collect()
    }

    /// Findings remembered for the blobs of this scan that `known` let it skip.
    pub fn findings_for(
        &self,
        source: &GitSource,
        skipped: &HashSet<ObjectId>,
    ) -> Vec<BlobFinding> {
        let mut out = Vec::new();
        for id in source.blob_ids().filter(|id| skipped.contains(id)) {
            for cached in self.findings.get(&id.to_string()).into_iter().flatten() {
                if let Some(digest) = unhex(&cached.digest) {
                    out.push((id, cached.finding.clone(), digest));
                }
            }
        }
        out
    }

    /// Remember this run: every blob read without error, with its findings (secrets removed).
    pub fn save(
        mut self,
        source: &GitSource,
        skipped: &HashSet<ObjectId>,
        fresh: &[BlobFinding],
    ) -> std::io::Result<()> {
        // Nothing new learned: keep the file as it is (rewriting it is most of a rerun's cost).
        if fresh.is_empty()
            && source.commit_changes().next().is_none()
            && source.blob_ids().all(|id| skipped.contains(&id))
        {
            return Ok(());
        }
        let failed = source.failed_blobs();
        let mut with_findings = HashSet::new();
        for (id, finding, digest) in fresh {
            let mut finding = finding.clone();
            finding.secret = None;
            finding.git = None;
            let key = id.to_string();
            with_findings.insert(*id);
            let list = self.findings.entry(key).or_default();
            if !list
                .iter()
                .any(|c| c.finding.fingerprint == finding.fingerprint)
            {
                list.push(CachedFinding {
                    finding,
                    digest: hex(digest),
                });
            }
        }
        for id in source.blob_ids() {
            if !skipped.contains(&id) && !failed.contains(&id) && !with_findings.contains(&id) {
                self.clean.insert(id.to_string());
            }
        }
        for (commit, changes) in source.commit_changes() {
            self.commits.insert(
                commit.to_string(),
                changes
                    .iter()
                    .map(|(path, blob)| (path.clone(), blob.to_string()))
                    .collect(),
            );
        }
        let mut clean: Vec<String> = self.clean.into_iter().collect();
        clean.sort();
        let file = CacheFile {
            format: CACHE_FORMAT,
            ruleset: self.ruleset,
            clean,
            findings: self.findings,
            commits: self.commits,
        };
        let bytes = serde_json::to_vec(&file).map_err(std::io::Error::other)?;
        rampart_vulndb::store::write_atomically(&self.path, &bytes).map_err(std::io::Error::other)
    }
}

/// Pair the engine's findings with their blobs; the digest comes from the secret the scanner
/// kept for this purpose, which is then dropped unless `show_secrets`.
pub fn per_blob(
    source: &GitSource,
    findings: Vec<Finding>,
    show_secrets: bool,
) -> (Vec<BlobFinding>, Vec<Finding>) {
    let mut paired = Vec::new();
    let mut unpaired = Vec::new();
    for mut finding in findings {
        let digest = match &finding.secret {
            Some(secret) => content_digest(secret.as_bytes()),
            None => content_digest(finding.fingerprint.as_bytes()),
        };
        if !show_secrets {
            finding.secret = None;
        }
        match source.blob_of(&finding) {
            Some(blob) => paired.push((blob, finding, digest)),
            None => unpaired.push(finding),
        }
    }
    (paired, unpaired)
}

//! Git history as a source: every blob reachable from the selected refs, each unique blob read
//! once (by id), with the commit that first added it; and the staged index for pre-commit.
//!
//! Objects are read with gitoxide straight from packs and loose objects; `git` is never run.
//! Commits are ordered parents-first, so the first commit in which a blob appears is the one
//! that introduced it. Changes are found by comparing each commit's tree with its first
//! parent's, descending only into subtrees whose ids differ.

mod packs;
mod trees;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use packs::{Packs, Read, Reader};

pub use gix::ObjectId;

/// Maps keyed by object id, hashed by the id's first bytes (already uniformly distributed).
type IdMap<V> = gix::hashtable::HashMap<ObjectId, V>;
type IdSet = gix::hashtable::HashSet<ObjectId>;
use rampart_core::{
    Blob, Date, Fetch, Finding, GitDetails, Lineage, Provenance, ScanError, ScanErrorKind, Source,
    SourceEvent, SourceVisitor, Target, fingerprint_of_digest,
};

/// Why a repository cannot be scanned at all.
#[derive(Debug, thiserror::Error)]
pub enum GitError {
    /// Not a repository.
    #[error(
        "`{path}` is not a git repository ({reason}); give the path of a clone (its work tree or its .git directory)"
    )]
    NotARepository {
        /// The path given.
        path: String,
        /// What gitoxide said.
        reason: String,
    },
    /// A named branch or revision does not exist.
    #[error("`{0}` does not name a branch, tag or commit in this repository")]
    UnknownRevision(String),
    /// The repository has no commits to scan.
    #[error("the repository has no commits reachable from the selected refs")]
    NoCommits,
    /// Reading the repository failed.
    #[error("cannot read the repository: {0}")]
    Read(String),
}

/// Which history to scan.
#[derive(Debug, Clone, Default)]
pub struct GitOptions {
    /// Only this branch (or any ref / revision); all refs when `None`.
    pub branch: Option<String>,
    /// Only commits after this revision (exclusive)...
    pub since_rev: Option<String>,
    /// ...or committed at or after this time (seconds since the epoch).
    pub since_time: Option<u64>,
    /// Only the newest N commits.
    pub max_commits: Option<usize>,
    /// Blobs larger than this are not read (listed as too large).
    pub max_blob_size: u64,
    /// Worker threads (0: one per core).
    pub threads: usize,
    /// What commits changed, remembered from an earlier run (see [`GitSource::commit_changes`]).
    pub known_changes: HashMap<ObjectId, Vec<(String, ObjectId)>>,
}

/// One commit's tree diff.
struct Diffed {
    position: usize,
    changes: Vec<(String, ObjectId)>,
    errors: Vec<String>,
    submodules: Vec<String>,
}

/// One commit in scan order.
#[derive(Debug, Clone)]
struct CommitInfo {
    id: ObjectId,
    author: String,
    time: u64,
}

/// Where a blob appeared: (commit index in scan order, index in that commit's changes).
type Occurrence = (usize, u32);

/// The plan of a history scan: commits and the blobs they introduced.
pub struct GitSource {
    repo: gix::ThreadSafeRepository,
    /// The repository's packs, read directly (see [`packs`]).
    packs: Packs,
    name: String,
    commits: Vec<CommitInfo>,
    /// Unique blobs in order of first appearance, with every place they appeared.
    blobs: Vec<(ObjectId, Vec<Occurrence>)>,
    /// What each commit (by index in scan order) changed: (path, blob).
    changes: Vec<Vec<(String, ObjectId)>>,
    /// HEAD's tree: path -> blob.
    head: Option<ObjectId>,
    /// Problems met while planning (missing objects, shallow boundary, submodules).
    notes: Vec<ScanError>,
    /// Submodule paths seen (not followed).
    submodules: Vec<String>,
    /// Commits whose parents are not in the repository (shallow clone boundary).
    shallow_boundary: usize,
    max_blob_size: u64,
    threads: usize,
    skip: HashSet<ObjectId>,
    /// Blobs that could not be read this run (never cached as scanned).
    failed: std::sync::Mutex<HashSet<ObjectId>>,
    /// Commits (by index) whose changes were computed this run and are safe to remember.
    remembered: Vec<usize>,
    /// Commit id -> position in `commits`.
    positions: IdMap<usize>,
}

/// A finding together with the blob it came from and the digest of its matched content.
pub type BlobFinding = (ObjectId, Finding, [u8; 32]);

/// Open `path` as a repository (work tree or git dir, bare or not).
pub fn open(path: &Path) -> Result<gix::Repository, GitError> {
    gix::open(path).map_err(|e| GitError::NotARepository {
        path: path.display().to_string(),
        reason: e.to_string(),
    })
}

fn read_error(e: impl std::fmt::Display) -> GitError {
    GitError::Read(e.to_string())
}

fn signature(commit: &gix::Commit<'_>) -> (String, u64) {
    match commit.author() {
        Ok(author) => {
            let author = author.trim();
            (
                format!("{} <{}>", author.name, author.email),
                u64::try_from(author.seconds()).unwrap_or(0),
            )
        }
        Err(_) => ("unknown".to_string(), 0),
    }
}

impl GitSource {
    /// Plan a scan of the history of the repository at `path`.
    pub fn open(path: &Path, options: &GitOptions) -> Result<GitSource, GitError> {
        let repo = open(path)?;
        let name = path.display().to_string();
        let mut notes = Vec::new();

        let tips = tips(&repo, options.branch.as_deref())?;
        let excluded = match &options.since_rev {
            Some(rev) => {
                let id = resolve(&repo, rev)?;
                ancestors(&repo, id)
            }
            None => HashSet::new(),
        };
        let shallow: HashSet<ObjectId> = repo
            .shallow_commits()
            .ok()
            .flatten()
            .map(|c| c.iter().copied().collect())
            .unwrap_or_default();

        // Collect commits and their parents (missing parents are a shallow boundary or damage).
        let mut parents: IdMap<Vec<ObjectId>> = IdMap::default();
        let mut info: IdMap<(String, u64, ObjectId)> = IdMap::default();
        let mut stack: Vec<ObjectId> = tips.into_iter().filter(|t| !excluded.contains(t)).collect();
        let mut missing_parents = 0usize;
        let mut orphaned = IdSet::default();
        while let Some(id) = stack.pop() {
            if info.contains_key(&id) {
                continue;
            }
            let commit = match repo.find_commit(id) {
                Ok(c) => c,
                Err(e) => {
                    notes.push(ScanError {
                        path: format!("commit {id}"),
                        kind: ScanErrorKind::Read,
                        message: format!("cannot read commit: {e}; its history is not scanned"),
                    });
                    continue;
                }
            };
            let tree = match commit.tree_id() {
                Ok(t) => t.detach(),
                Err(e) => {
                    notes.push(ScanError {
                        path: format!("commit {id}"),
                        kind: ScanErrorKind::Read,
                        message: format!("cannot read its tree id: {e}"),
                    });
                    continue;
                }
            };
            let (author, time) = signature(&commit);
            if options.since_time.is_some_and(|since| time < since) {
                continue;
            }
            let mut ps = Vec::new();
            if !shallow.contains(&id) {
                for parent in commit.parent_ids() {
                    let parent = parent.detach();
                    if excluded.contains(&parent) {
                        continue;
                    }
                    if repo.find_header(parent).is_err() {
                        missing_parents += 1;
                        orphaned.insert(id);
                        continue;
                    }
                    ps.push(parent);
                    stack.push(parent);
                }
            }
            info.insert(id, (author, time, tree));
            parents.insert(id, ps);
        }
        if info.is_empty() {
            return Err(GitError::NoCommits);
        }
        let order = topological(&parents, &info);
        let order: Vec<ObjectId> = match options.max_commits {
            Some(n) if n < order.len() => order[order.len() - n..].to_vec(),
            _ => order,
        };
        let shallow_boundary =
            shallow.iter().filter(|s| info.contains_key(*s)).count() + missing_parents;

        let mut commits = Vec::with_capacity(order.len());
        let mut blobs: Vec<(ObjectId, Vec<Occurrence>)> = Vec::new();
        let mut blob_index: IdMap<usize> = IdMap::default();
        let mut submodules = BTreeMap::new();
        // What each commit changed: from the cache when known, else a tree diff against its
        // first parent. Diffs are independent, so they run in parallel over contiguous runs of
        // commits (neighbours share trees, which the per-thread tree cache exploits).
        let jobs: Vec<(usize, Option<ObjectId>, ObjectId)> = order
            .iter()
            .enumerate()
            .filter(|(_, id)| !options.known_changes.contains_key(*id))
            .filter_map(|(position, id)| {
                let (_, _, tree) = info.get(id)?;
                let parent_tree = parents.get(id).and_then(|ps| ps.first()).and_then(|p| {
                    info.get(p).map(|(_, _, t)| *t).or_else(|| {
                        repo.find_commit(*p)
                            .ok()
                            .and_then(|c| c.tree_id().ok().map(|t| t.detach()))
                    })
                });
                Some((position, parent_tree, *tree))
            })
            .collect();
        let sync = repo.clone().into_sync();
        let packs = Packs::open(repo.objects.store_ref().path(), repo.object_hash());
        let threads = if options.threads == 0 {
            std::thread::available_parallelism().map_or(1, |n| n.get())
        } else {
            options.threads
        };
        let chunk = jobs.len().div_ceil(threads.max(1)).max(1);
        let diffed: Vec<Diffed> = std::thread::scope(|scope| {
            let handles: Vec<_> = jobs
                .chunks(chunk)
                .map(|part| {
                    let (sync, packs) = (&sync, &packs);
                    scope.spawn(move || {
                        let repo = sync.to_thread_local();
                        let mut trees = TreeCache::new(Some(Reader::new(packs, READER_CACHE)));
                        part.iter()
                            .map(|&(position, parent_tree, tree)| {
                                let mut changes = Vec::new();
                                let mut errors = Vec::new();
                                let mut subs = Vec::new();
                                diff_trees(
                                    &repo,
                                    &mut trees,
                                    parent_tree,
                                    tree,
                                    "",
                                    &mut changes,
                                    &mut errors,
                                    &mut |path| subs.push(path.to_string()),
                                );
                                Diffed {
                                    position,
                                    changes,
                                    errors,
                                    submodules: subs,
                                }
                            })
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().unwrap_or_default())
                .collect()
        });
        let mut by_position: Vec<Option<Diffed>> = (0..order.len()).map(|_| None).collect();
        for diffed in diffed {
            let position = diffed.position;
            by_position[position] = Some(diffed);
        }
        let mut remembered = Vec::with_capacity(order.len());
        let mut all_changes = Vec::with_capacity(order.len());
        for (position, id) in order.iter().enumerate() {
            let Some((author, time, _)) = info.get(id) else {
                continue;
            };
            commits.push(CommitInfo {
                id: *id,
                author: author.clone(),
                time: *time,
            });
            let changes = match by_position.get_mut(position).and_then(Option::take) {
                Some(diffed) => {
                    for message in diffed.errors.iter() {
                        notes.push(ScanError {
                            path: format!("commit {id}"),
                            kind: ScanErrorKind::Read,
                            message: message.clone(),
                        });
                    }
                    for sub in diffed.submodules {
                        submodules.entry(sub).or_insert(());
                    }
                    // Only complete diffs against a present parent are worth remembering.
                    let parent_missing = shallow.contains(id) || orphaned.contains(id);
                    if diffed.errors.is_empty() && !parent_missing {
                        remembered.push(position);
                    }
                    diffed.changes
                }
                None => options.known_changes.get(id).cloned().unwrap_or_default(),
            };
            for (index, (_, blob)) in changes.iter().enumerate() {
                let slot = *blob_index.entry(*blob).or_insert_with(|| {
                    blobs.push((*blob, Vec::new()));
                    blobs.len() - 1
                });
                blobs[slot].1.push((position, index as u32));
            }
            all_changes.push(changes);
        }
        let head = repo.head_tree_id().ok().map(|t| t.detach());
        if shallow_boundary > 0 {
            notes.push(ScanError {
                path: name.clone(),
                kind: ScanErrorKind::NotChecked,
                message: format!(
                    "shallow clone: {shallow_boundary} commit(s) have parents that are not in the repository; history before them is not scanned and their whole tree is attributed to them (fetch with `git fetch --unshallow` to scan everything)"
                ),
            });
        }
        Ok(GitSource {
            repo: repo.into_sync(),
            packs,
            name,
            commits,
            blobs,
            changes: all_changes,
            head,
            notes,
            submodules: submodules.into_keys().collect(),
            shallow_boundary,
            max_blob_size: options.max_blob_size,
            threads: options.threads,
            skip: HashSet::new(),
            failed: std::sync::Mutex::new(HashSet::new()),
            remembered,
            positions: order.iter().enumerate().map(|(i, id)| (*id, i)).collect(),
        })
    }

    /// The blob at `path` in HEAD's tree, looked up one directory at a time (only paths with
    /// findings are ever asked for, so the whole tree is never listed).
    fn head_blob(&self, repo: &gix::Repository, path: &str) -> Option<ObjectId> {
        let mut tree = self.head?;
        let mut parts = path.split('/').peekable();
        while let Some(part) = parts.next() {
            let entries = entries(repo, tree).ok()?;
            let (_, mode, id) = entries.into_iter().find(|(n, _, _)| n == part.as_bytes())?;
            if parts.peek().is_none() {
                return (mode.is_blob() || mode.is_executable()).then_some(id);
            }
            if !mode.is_tree() {
                return None;
            }
            tree = id;
        }
        None
    }

    /// Tree diffs computed by this run (complete ones, against a present parent), to remember
    /// for the next run.
    pub fn commit_changes(&self) -> impl Iterator<Item = (ObjectId, &[(String, ObjectId)])> {
        self.remembered.iter().filter_map(|&position| {
            Some((
                self.commits.get(position)?.id,
                self.changes.get(position)?.as_slice(),
            ))
        })
    }

    /// The path of a blob's occurrence.
    fn path_of(&self, (position, index): Occurrence) -> &str {
        self.changes
            .get(position)
            .and_then(|changes| changes.get(index as usize))
            .map_or("", |(path, _)| path.as_str())
    }

    /// Number of commits in the scan.
    pub fn commit_count(&self) -> usize {
        self.commits.len()
    }

    /// Number of unique blobs the scan reads.
    pub fn blob_count(&self) -> usize {
        self.blobs.len()
    }

    /// Submodule paths met (not followed).
    pub fn submodules(&self) -> &[String] {
        &self.submodules
    }

    /// Commits whose parents are missing (a shallow clone's boundary).
    pub fn shallow_boundary(&self) -> usize {
        self.shallow_boundary
    }

    /// Ids of the unique blobs, in scan order.
    pub fn blob_ids(&self) -> impl Iterator<Item = ObjectId> + '_ {
        self.blobs.iter().map(|(id, _)| *id)
    }

    /// Blobs that failed to read in the last walk.
    pub fn failed_blobs(&self) -> HashSet<ObjectId> {
        self.failed.lock().map(|f| f.clone()).unwrap_or_default()
    }

    /// Do not read these blobs (already scanned in an earlier run, see the cache).
    pub fn skip_blobs(&mut self, ids: HashSet<ObjectId>) {
        self.skip = ids;
    }

    /// The blob a finding came from: its commit and path are the blob's first occurrence.
    pub fn blob_of(&self, finding: &Finding) -> Option<ObjectId> {
        let commit = ObjectId::from_hex(finding.location.commit.as_deref()?.as_bytes()).ok()?;
        let position = *self.positions.get(&commit)?;
        self.changes
            .get(position)?
            .iter()
            .find(|(path, _)| *path == finding.location.path)
            .map(|(_, blob)| *blob)
    }

    /// Turn per-blob findings into history findings: one per secret and path (copies of a
    /// blob at other paths included), each naming the commit that introduced it, its author
    /// and date, other commits that re-added it, and whether it is still in HEAD.
    /// `per_blob` pairs each finding with its blob and content digest.
    pub fn attribute(&self, per_blob: Vec<BlobFinding>) -> Vec<Finding> {
        let slots: IdMap<usize> = self
            .blobs
            .iter()
            .enumerate()
            .map(|(i, (id, _))| (*id, i))
            .collect();
        // fingerprint -> (finding, commits where the content appeared at that path, blobs)
        let mut groups: BTreeMap<String, (Finding, Vec<usize>, HashSet<ObjectId>)> =
            BTreeMap::new();
        for (blob, finding, digest) in per_blob {
            let Some(&slot) = slots.get(&blob) else {
                continue;
            };
            let mut by_path: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
            for &occurrence in &self.blobs[slot].1 {
                by_path
                    .entry(self.path_of(occurrence))
                    .or_default()
                    .push(occurrence.0);
            }
            for (path, commits) in by_path {
                let mut copy = finding.clone();
                if path != finding.location.path {
                    copy.location.path = path.to_string();
                    copy.fingerprint = fingerprint_of_digest(&finding.rule_id, path, &digest);
                }
                let earliest = commits.iter().min().copied().unwrap_or(usize::MAX);
                let entry = groups
                    .entry(copy.fingerprint.clone())
                    .or_insert_with(|| (copy.clone(), Vec::new(), HashSet::new()));
                // Report the line numbers of the blob that introduced it.
                if earliest < entry.1.iter().copied().min().unwrap_or(usize::MAX) {
                    entry.0 = copy;
                }
                entry.1.extend(commits.iter().copied());
                entry.2.insert(blob);
            }
        }
        let repo = self.repo.to_thread_local();
        let mut out = Vec::with_capacity(groups.len());
        for (_, (mut finding, mut commits, blobs)) in groups {
            commits.sort_unstable();
            commits.dedup();
            let Some(&first) = commits.first() else {
                continue;
            };
            let Some(info) = self.commits.get(first) else {
                continue;
            };
            let present_at_head = self
                .head_blob(&repo, &finding.location.path)
                .is_some_and(|id| blobs.contains(&id));
            finding.location.commit = Some(info.id.to_string());
            finding.git = Some(GitDetails {
                commit: info.id.to_string(),
                author: info.author.clone(),
                date: Date::rfc3339(info.time),
                present_at_head,
                also_in: commits
                    .iter()
                    .skip(1)
                    .filter_map(|c| self.commits.get(*c))
                    .map(|c| c.id.to_string())
                    .take(20)
                    .collect(),
            });
            out.push(finding);
        }
        out
    }
}

/// Commit ids the refs point to (all refs, or the one named).
fn tips(repo: &gix::Repository, branch: Option<&str>) -> Result<Vec<ObjectId>, GitError> {
    if let Some(name) = branch {
        return Ok(vec![resolve(repo, name)?]);
    }
    let mut out = Vec::new();
    let platform = repo.references().map_err(read_error)?;
    for reference in platform.all().map_err(read_error)? {
        let Ok(mut reference) = reference else {
            continue;
        };
        // Tags may point at trees or blobs; only commits have history.
        if let Ok(commit) = reference.peel_to_commit() {
            out.push(commit.id);
        }
    }
    if let Ok(head) = repo.head_id() {
        out.push(head.detach());
    }
    out.sort();
    out.dedup();
    if out.is_empty() {
        return Err(GitError::NoCommits);
    }
    Ok(out)
}

/// A branch, tag, remote branch or full/abbreviated commit id.
fn resolve(repo: &gix::Repository, name: &str) -> Result<ObjectId, GitError> {
    for candidate in [
        name.to_string(),
        format!("refs/heads/{name}"),
        format!("refs/tags/{name}"),
        format!("refs/remotes/{name}"),
    ] {
        if let Ok(Some(mut reference)) = repo.try_find_reference(candidate.as_str())
            && let Ok(commit) = reference.peel_to_commit()
        {
            return Ok(commit.id);
        }
    }
    if let Ok(id) = ObjectId::from_hex(name.as_bytes())
        && repo.find_commit(id).is_ok()
    {
        return Ok(id);
    }
    if name.len() >= 4
        && name.bytes().all(|b| b.is_ascii_hexdigit())
        && let Ok(prefix) = gix::hash::Prefix::from_hex(name)
        && let Ok(Some(Ok(id))) = repo.objects.lookup_prefix(prefix, None)
    {
        return Ok(id);
    }
    Err(GitError::UnknownRevision(name.to_string()))
}

/// Every commit reachable from `id`, itself included.
fn ancestors(repo: &gix::Repository, id: ObjectId) -> HashSet<ObjectId> {
    let mut seen = HashSet::new();
    let mut stack = vec![id];
    while let Some(id) = stack.pop() {
        if !seen.insert(id) {
            continue;
        }
        if let Ok(commit) = repo.find_commit(id) {
            stack.extend(commit.parent_ids().map(|p| p.detach()));
        }
    }
    seen
}

/// Parents before children; among ready commits, the oldest first (stable for equal times).
fn topological(
    parents: &IdMap<Vec<ObjectId>>,
    info: &IdMap<(String, u64, ObjectId)>,
) -> Vec<ObjectId> {
    let mut children: IdMap<Vec<ObjectId>> = IdMap::default();
    let mut pending: IdMap<usize> = IdMap::default();
    for (id, ps) in parents {
        let known: Vec<&ObjectId> = ps.iter().filter(|p| info.contains_key(*p)).collect();
        pending.insert(*id, known.len());
        for p in known {
            children.entry(*p).or_default().push(*id);
        }
    }
    let time = |id: &ObjectId| info.get(id).map_or(0, |i| i.1);
    let mut ready: std::collections::BinaryHeap<std::cmp::Reverse<(u64, ObjectId)>> = pending
        .iter()
        .filter(|(_, n)| **n == 0)
        .map(|(id, _)| std::cmp::Reverse((time(id), *id)))
        .collect();
    let mut order = Vec::with_capacity(pending.len());
    while let Some(std::cmp::Reverse((_, id))) = ready.pop() {
        order.push(id);
        for child in children.get(&id).map(Vec::as_slice).unwrap_or(&[]) {
            if let Some(n) = pending.get_mut(child) {
                *n -= 1;
                if *n == 0 {
                    ready.push(std::cmp::Reverse((time(child), *child)));
                }
            }
        }
    }
    order
}

/// One tree entry: name, mode, id.
type Entry = (Vec<u8>, gix::object::tree::EntryMode, ObjectId);

/// Bytes of decoded objects each thread's pack reader keeps: enough for the delta bases that
/// neighbouring objects share, and a bound that does not grow with history (4, 8 and 32 MiB
/// cost the same CPU on the benchmark repository; memory is what differs).
const READER_CACHE: usize = 4 << 20;

/// Tree objects by id: a commit's old tree is its parent's new one, so most trees are asked
/// for twice in a row. Bounded: cleared when it grows past a limit.
struct TreeCache<'a> {
    /// Content of tree objects (checked as they are compared).
    trees: IdMap<Tree>,
    /// Approximate bytes held.
    bytes: usize,
    /// Reads trees from packs (gitoxide when `None` or for what it does not handle).
    reader: Option<Reader<'a>>,
}

/// A tree object's content (parsed, and checked, as it is compared).
type Tree = std::rc::Rc<Vec<u8>>;

impl<'a> TreeCache<'a> {
    fn new(reader: Option<Reader<'a>>) -> TreeCache<'a> {
        TreeCache {
            trees: IdMap::default(),
            bytes: 0,
            reader,
        }
    }

    /// Bytes of tree objects kept per thread: enough for the trees neighbouring commits
    /// share, and a bound that does not grow with history.
    const LIMIT: usize = 4 << 20;

    fn get(&mut self, repo: &gix::Repository, id: ObjectId) -> Result<Tree, String> {
        if let Some(found) = self.trees.get(&id) {
            return Ok(found.clone());
        }
        let fast = self
            .reader
            .as_mut()
            .and_then(|r| match r.read(&id, |_| true) {
                Some(Read::Object(gix::objs::Kind::Tree, data)) => Some(data),
                _ => None,
            });
        let tree = match fast {
            Some(tree) => tree,
            None => {
                let tree = repo
                    .find_tree(id)
                    .map_err(|e| format!("cannot read tree {id}: {e}"))?;
                std::rc::Rc::new(tree.data.clone())
            }
        };
        let size = tree.len() + 64;
        if self.bytes + size > Self::LIMIT {
            self.trees.clear();
            self.bytes = 0;
        }
        self.bytes += size;
        self.trees.insert(id, tree.clone());
        Ok(tree)
    }
}

/// Tree entries as (name, mode, id), or an error message.
fn entries(repo: &gix::Repository, tree: ObjectId) -> Result<Vec<Entry>, String> {
    let tree = repo
        .find_tree(tree)
        .map_err(|e| format!("cannot read tree {tree}: {e}"))?;
    let mut out = Vec::new();
    for entry in tree.iter() {
        let entry = entry.map_err(|e| format!("damaged tree {}: {e}", tree.id))?;
        out.push((
            entry.inner.filename.to_vec(),
            entry.inner.mode,
            entry.inner.oid.to_owned(),
        ));
    }
    Ok(out)
}

/// Blobs in `new` that are not at the same path with the same id in `old`, recursively.
#[allow(clippy::too_many_arguments)]
fn diff_trees(
    repo: &gix::Repository,
    cache: &mut TreeCache,
    old: Option<ObjectId>,
    new: ObjectId,
    prefix: &str,
    out: &mut Vec<(String, ObjectId)>,
    errors: &mut Vec<String>,
    submodule: &mut dyn FnMut(&str),
) {
    if old == Some(new) {
        return;
    }
    let new_tree = match cache.get(repo, new) {
        Ok(e) => e,
        Err(message) => {
            errors.push(format!(
                "{message} (under `{prefix}`); that part of the tree is not scanned"
            ));
            return;
        }
    };
    let old_tree = match old.map(|old| cache.get(repo, old)) {
        Some(Ok(e)) => e,
        _ => std::rc::Rc::new(Vec::new()),
    };
    let hash_len = repo.object_hash().len_in_bytes();
    for change in trees::Diff::new(&old_tree, &new_tree, hash_len) {
        let change = match change {
            Ok(change) => change,
            Err(why) => {
                errors.push(format!(
                    "damaged tree {new} (under `{prefix}`): {why}; the rest of it is not scanned"
                ));
                return;
            }
        };
        let path = |name: &[u8]| {
            let name = String::from_utf8_lossy(name);
            if prefix.is_empty() {
                name.into_owned()
            } else {
                format!("{prefix}/{name}")
            }
        };
        match change {
            trees::Change::Tree { name, old, new } => {
                let old = old.map(ToOwned::to_owned);
                diff_trees(
                    repo,
                    cache,
                    old,
                    new.to_owned(),
                    &path(name),
                    out,
                    errors,
                    submodule,
                );
            }
            trees::Change::File { name, id } => out.push((path(name), id.to_owned())),
            trees::Change::Submodule { name } => submodule(&path(name)),
        }
    }
}

/// A NUL byte in the first 8 KiB marks binary content (git's own heuristic).
fn looks_binary(data: &[u8]) -> bool {
    memchr::memchr(0, &data[..data.len().min(8192)]).is_some()
}

impl Fetch for GitSource {
    fn fetch(&self, path: &str) -> Option<Result<Vec<u8>, String>> {
        // Multi-file analyzers fetch siblings from HEAD's tree.
        let repo = self.repo.to_thread_local();
        let id = self.head_blob(&repo, path)?;
        Some(
            repo.find_blob(id)
                .map(|b| b.data.clone())
                .map_err(|e| e.to_string()),
        )
    }
}

impl Source for GitSource {
    fn target(&self) -> Target {
        target_of(Path::new(&self.name))
    }

    fn walk(&self, visitor: &dyn SourceVisitor) {
        for note in &self.notes {
            visitor.visit(SourceEvent::Error(note.clone()));
        }
        let threads = if self.threads == 0 {
            std::thread::available_parallelism().map_or(1, |n| n.get())
        } else {
            self.threads
        };
        // Blobs in pack order: a delta's base comes before it in the pack, so each entry is
        // inflated once and found in the reader's cache when its deltas are read. Workers take
        // runs of neighbours, which share bases. Blobs not in a pack come last.
        let mut order: Vec<(usize, u64, usize)> = self
            .blobs
            .iter()
            .enumerate()
            .filter(|(_, (id, _))| !self.skip.contains(id))
            .map(|(slot, (id, _))| {
                let (pack, offset) = self.packs.locate(id).unwrap_or((usize::MAX, 0));
                (pack, offset, slot)
            })
            .collect();
        order.sort_unstable();
        const RUN: usize = 64;
        let next = AtomicUsize::new(0);
        std::thread::scope(|scope| {
            for _ in 0..threads {
                scope.spawn(|| {
                    let repo = self.repo.to_thread_local();
                    let mut reader = Reader::new(&self.packs, READER_CACHE);
                    loop {
                        let start = next.fetch_add(RUN, Ordering::Relaxed);
                        let Some(run) = order.get(start..(start + RUN).min(order.len())) else {
                            break;
                        };
                        if run.is_empty() {
                            break;
                        }
                        for &(_, _, slot) in run {
                            let Some((id, occurrences)) = self.blobs.get(slot) else {
                                continue;
                            };
                            let Some(&first) = occurrences.first() else {
                                continue;
                            };
                            let path = self.path_of(first);
                            let blob = (*id, first.0, path);
                            self.visit_blob(&repo, &mut reader, &order, blob, visitor);
                        }
                    }
                });
            }
        });
    }
}

impl GitSource {
    fn mark_failed(&self, id: ObjectId) {
        if let Ok(mut failed) = self.failed.lock() {
            failed.insert(id);
        }
    }

    /// Read blob `id` (first seen at `path` in the commit at position `commit`) and hand it
    /// over; `order` is the walk's (pack, offset, slot) list, sorted, to name delta bases.
    fn visit_blob(
        &self,
        repo: &gix::Repository,
        reader: &mut Reader<'_>,
        order: &[(usize, u64, usize)],
        (id, commit, path): (ObjectId, usize, &str),
        visitor: &dyn SourceVisitor,
    ) {
        let commit_id = self.commits.get(commit).map(|c| c.id.to_string());
        let label = || match &commit_id {
            Some(c) => format!("{path} (blob {id} in commit {c})"),
            None => format!("{path} (blob {id})"),
        };
        let too_large = |size: u64| ScanError {
            path: label(),
            kind: ScanErrorKind::TooLarge,
            message: format!(
                "{size} bytes, over the {} byte limit (--max-file-size); not read",
                self.max_blob_size
            ),
        };
        // The fast path: straight from the pack, the size checked before decoding.
        let wanted = |size: u64| size <= self.max_blob_size && visitor.wants(path, size);
        match reader.read(&id, wanted) {
            Some(Read::Object(gix::objs::Kind::Blob, data)) => {
                // A delta on another blob of the walk: analyzers may build on what they found
                // in that one.
                let base = reader.derivation().and_then(|((pack, offset), pieces)| {
                    let at = order
                        .binary_search_by(|&(p, o, _)| (p, o).cmp(&(pack, offset)))
                        .ok()?;
                    let (base, _) = self.blobs.get(order[at].2)?;
                    Some((base.as_bytes(), pieces))
                });
                let lineage = Lineage {
                    name: id.as_bytes(),
                    base,
                };
                return self.visit_data(&data, commit_id, path, Some(lineage), visitor);
            }
            Some(Read::Declined(size)) if size > self.max_blob_size => {
                return visitor.visit(SourceEvent::Error(too_large(size)));
            }
            Some(Read::Declined(_)) => return visitor.visit(SourceEvent::SkippedUnwanted),
            // Not a blob, or not in a pack: gitoxide reads it (and reports what is wrong).
            Some(Read::Object(..)) | None => {}
        }
        let size = match repo.find_header(id) {
            Ok(header) => header.size(),
            Err(e) => {
                self.mark_failed(id);
                visitor.visit(SourceEvent::Error(ScanError {
                    path: label(),
                    kind: ScanErrorKind::Read,
                    message: format!("missing or unreadable object: {e}"),
                }));
                return;
            }
        };
        if size > self.max_blob_size {
            visitor.visit(SourceEvent::Error(too_large(size)));
            return;
        }
        if !visitor.wants(path, size) {
            visitor.visit(SourceEvent::SkippedUnwanted);
            return;
        }
        let data = match repo.find_blob(id) {
            Ok(blob) => blob.detach().data,
            Err(e) => {
                self.mark_failed(id);
                visitor.visit(SourceEvent::Error(ScanError {
                    path: label(),
                    kind: ScanErrorKind::Read,
                    message: format!("cannot read object: {e}"),
                }));
                return;
            }
        };
        self.visit_data(&data, commit_id, path, None, visitor);
    }

    /// Hand a blob's content to the visitor, unless nobody wants it (binary, say).
    fn visit_data(
        &self,
        data: &[u8],
        commit_id: Option<String>,
        path: &str,
        lineage: Option<Lineage<'_>>,
        visitor: &dyn SourceVisitor,
    ) {
        let is_binary = looks_binary(data);
        if !visitor.wants_content(path, data.len() as u64, is_binary) {
            visitor.visit(if is_binary {
                SourceEvent::SkippedBinary
            } else {
                SourceEvent::SkippedUnwanted
            });
            return;
        }
        let provenance = Provenance {
            layer: None,
            commit: commit_id,
        };
        visitor.visit(SourceEvent::Blob(Blob {
            path,
            data,
            is_binary,
            provenance: &provenance,
            lineage,
        }));
    }
}

/// The staged index against HEAD, for pre-commit: what `git commit` would add.
pub struct StagedSource {
    repo: gix::ThreadSafeRepository,
    name: String,
    /// (path, staged blob, HEAD blob at that path if any).
    staged: Vec<(String, ObjectId, Option<ObjectId>)>,
    max_blob_size: u64,
}

impl StagedSource {
    /// Read the index of the repository at `path` and compare it with HEAD.
    pub fn open(path: &Path, max_blob_size: u64) -> Result<StagedSource, GitError> {
        let repo = open(path)?;
        if repo.is_bare() {
            return Err(GitError::NotARepository {
                path: path.display().to_string(),
                reason: "a bare repository has no index to stage into".to_string(),
            });
        }
        let mut head = HashMap::new();
        if let Ok(tree) = repo.head_tree_id() {
            let mut changes = Vec::new();
            let mut errors = Vec::new();
            diff_trees(
                &repo,
                &mut TreeCache::new(None),
                None,
                tree.detach(),
                "",
                &mut changes,
                &mut errors,
                &mut |_| {},
            );
            head.extend(changes);
        }
        let index = repo.index_or_empty().map_err(read_error)?;
        let mut staged = Vec::new();
        for entry in index.entries() {
            if entry.stage_raw() != 0 {
                continue;
            }
            let mode = entry.mode;
            if !(mode.contains(gix::index::entry::Mode::FILE)
                || mode.contains(gix::index::entry::Mode::FILE_EXECUTABLE))
            {
                continue;
            }
            let entry_path = entry.path(&index).to_string();
            let before = head.get(&entry_path).copied();
            if before != Some(entry.id) {
                staged.push((entry_path, entry.id, before));
            }
        }
        Ok(StagedSource {
            repo: repo.into_sync(),
            name: path.display().to_string(),
            staged,
            max_blob_size,
        })
    }

    /// Paths that differ from HEAD.
    pub fn paths(&self) -> impl Iterator<Item = &str> {
        self.staged.iter().map(|(p, _, _)| p.as_str())
    }

    /// Keep only findings on lines that HEAD's version of the file does not already have:
    /// a pre-commit check is about what this commit adds.
    pub fn only_new(&self, findings: Vec<Finding>) -> Vec<Finding> {
        let repo = self.repo.to_thread_local();
        let mut cache: HashMap<&str, (Vec<u8>, HashSet<Vec<u8>>)> = HashMap::new();
        findings
            .into_iter()
            .filter(|finding| {
                let Some((path, staged, before)) = self
                    .staged
                    .iter()
                    .find(|(p, _, _)| *p == finding.location.path)
                else {
                    return true;
                };
                let Some(before) = before else {
                    return true;
                };
                let (data, old_lines) = cache.entry(path.as_str()).or_insert_with(|| {
                    let data = repo
                        .find_blob(*staged)
                        .map(|b| b.data.clone())
                        .unwrap_or_default();
                    let old = repo
                        .find_blob(*before)
                        .map(|b| b.data.split(|&c| c == b'\n').map(<[u8]>::to_vec).collect())
                        .unwrap_or_default();
                    (data, old)
                });
                let line = data
                    .split(|&c| c == b'\n')
                    .nth(finding.location.start_line.saturating_sub(1) as usize)
                    .unwrap_or_default();
                !old_lines.contains(line)
            })
            .collect()
    }
}

impl Fetch for StagedSource {
    fn fetch(&self, path: &str) -> Option<Result<Vec<u8>, String>> {
        let (_, id, _) = self.staged.iter().find(|(p, _, _)| p == path)?;
        let repo = self.repo.to_thread_local();
        Some(
            repo.find_blob(*id)
                .map(|b| b.data.clone())
                .map_err(|e| e.to_string()),
        )
    }
}

impl Source for StagedSource {
    fn target(&self) -> Target {
        Target {
            kind: "git-staged".to_string(),
            name: self.name.clone(),
        }
    }

    fn walk(&self, visitor: &dyn SourceVisitor) {
        let repo = self.repo.to_thread_local();
        let provenance = Provenance::default();
        for (path, id, _) in &self.staged {
            let size = repo.find_header(*id).map(|h| h.size()).unwrap_or(0);
            if size > self.max_blob_size {
                visitor.visit(SourceEvent::Error(ScanError {
                    path: path.clone(),
                    kind: ScanErrorKind::TooLarge,
                    message: format!("{size} bytes staged, over the size limit; not read"),
                }));
                continue;
            }
            if !visitor.wants(path, size) {
                visitor.visit(SourceEvent::SkippedUnwanted);
                continue;
            }
            match repo.find_blob(*id) {
                Ok(blob) => {
                    let is_binary = looks_binary(&blob.data);
                    if !visitor.wants_content(path, size, is_binary) {
                        visitor.visit(SourceEvent::SkippedBinary);
                        continue;
                    }
                    visitor.visit(SourceEvent::Blob(Blob {
                        path,
                        data: &blob.data,
                        is_binary,
                        provenance: &provenance,
                        lineage: None,
                    }));
                }
                Err(e) => visitor.visit(SourceEvent::Error(ScanError {
                    path: path.clone(),
                    kind: ScanErrorKind::Read,
                    message: format!("cannot read the staged blob {id}: {e}"),
                })),
            }
        }
    }
}

/// The target a history scan of the repository at `path` reports.
pub fn target_of(path: &Path) -> Target {
    Target {
        kind: "git".to_string(),
        name: path.display().to_string(),
    }
}

/// What a history scan of the repository at `path` starts from, as text: every ref with its
/// target, HEAD, and the shallow boundary. The same text means the same commits, trees and
/// blobs (objects are named by their content), so a stored result still holds.
pub fn ref_state(path: &Path) -> Result<String, GitError> {
    let repo = open(path)?;
    let mut lines = Vec::new();
    let platform = repo.references().map_err(read_error)?;
    for reference in platform.all().map_err(read_error)? {
        // A ref that does not parse is skipped by the scan too; it is part of the state.
        let reference = match reference {
            Ok(reference) => reference,
            Err(e) => {
                lines.push(format!("unreadable {e}"));
                continue;
            }
        };
        let target = match reference.target() {
            gix::refs::TargetRef::Object(id) => id.to_string(),
            gix::refs::TargetRef::Symbolic(name) => format!("-> {}", name.as_bstr()),
        };
        lines.push(format!("{} {target}", reference.name().as_bstr()));
    }
    lines.sort();
    match repo.head_id() {
        Ok(id) => lines.push(format!("HEAD {id}")),
        Err(_) => lines.push("HEAD unborn".to_string()),
    }
    if let Ok(Some(shallow)) = repo.shallow_commits() {
        for id in shallow.iter() {
            lines.push(format!("shallow {id}"));
        }
    }
    Ok(lines.join("\n"))
}

/// The directory holding the repository at `path` (for cache keys and messages).
pub fn git_dir(path: &Path) -> Result<PathBuf, GitError> {
    Ok(open(path)?.git_dir().to_path_buf())
}

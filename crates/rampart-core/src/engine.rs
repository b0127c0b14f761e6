use std::collections::HashSet;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::{
    Analyzer, Blob, Emitted, Fetch, Finding, Package, ScanError, Skipped, Target,
    has_inline_marker, inline_ignore_applies,
};

/// Something that happened while a [`Source`] walked its target.
#[derive(Debug)]
pub enum SourceEvent<'a> {
    /// Content to analyze.
    Blob(Blob<'a>),
    /// A binary file that no analyzer wanted (its first bytes were read to tell).
    SkippedBinary,
    /// A FIFO, socket or device: never opened.
    SkippedSpecial,
    /// A symbolic link: not followed.
    SkippedSymlink,
    /// A file no analyzer wanted: never opened.
    SkippedUnwanted,
    /// Something that could not be read.
    Error(ScanError),
}

/// The engine's side of a walk: sources ask it what is wanted and hand it what they read.
/// Called from many threads at once.
pub trait SourceVisitor: Sync {
    /// Whether any analyzer wants `path` of `size` bytes (asked before the file is opened).
    fn wants(&self, path: &str, size: u64) -> bool;
    /// Whether any analyzer that wants `path` wants it with this kind of content (asked after
    /// the first bytes were read, before the rest is).
    fn wants_content(&self, path: &str, size: u64, is_binary: bool) -> bool;
    /// Receive one event.
    fn visit(&self, event: SourceEvent<'_>);
}

/// Turns a target (directory, repository, image, ...) into a stream of blobs.
pub trait Source: Send + Sync + Fetch {
    /// What is being scanned, for the report.
    fn target(&self) -> Target;
    /// Walk the target, calling `visitor` (possibly from many threads) for every event.
    fn walk(&self, visitor: &dyn SourceVisitor);
}

/// Told about progress as blobs are processed; the binary draws a progress bar with it.
pub trait Progress: Sync {
    /// One more file was handled (`bytes` read).
    fn advance(&self, bytes: u64);
}

impl Progress for () {
    fn advance(&self, _bytes: u64) {}
}

/// Settings of one engine run.
#[derive(Debug, Clone, Default)]
pub struct EngineOptions {
    /// Honour `rampart:ignore` comments on the line of a finding.
    pub inline_ignores: bool,
}

/// Raw result of a walk: findings before ignore files, filters and sorting.
#[derive(Debug, Default)]
pub struct EngineOutput {
    /// Findings not suppressed by inline comments.
    pub findings: Vec<Finding>,
    /// Packages found, sorted and deduplicated.
    pub packages: Vec<Package>,
    /// Findings suppressed by inline comments.
    pub inline_suppressed: u64,
    /// Inputs that could not be scanned.
    pub errors: Vec<ScanError>,
    /// Inputs passed over on purpose.
    pub skipped: Skipped,
    /// Files handed to analyzers.
    pub files_scanned: u64,
    /// Bytes handed to analyzers.
    pub bytes_scanned: u64,
}

/// Runs every blob of a source through every analyzer that wants it, in one pass.
pub struct Engine {
    analyzers: Vec<Box<dyn Analyzer>>,
    options: EngineOptions,
    /// Every rule id the analyzers can report (lowercase), to read inline ignore comments.
    rule_ids: HashSet<String>,
}

impl Engine {
    /// Whether an inline `rampart:ignore` comment on the line `f` points at covers it; `lines`
    /// are the lines of the file the finding is in.
    fn ignored_inline(&self, lines: &[&[u8]], f: &Finding) -> bool {
        let index = (f.location.start_line as usize).wrapping_sub(1);
        lines.get(index).is_some_and(|line| {
            inline_ignore_applies(line, &f.rule_id, |id| self.rule_ids.contains(id))
        })
    }

    /// Findings made after the walk (from several files at once, e.g. a Terraform module) get
    /// the same inline `rampart:ignore` treatment as the rest: the files they point at are
    /// read again, once each.
    fn drop_inline_ignored(&self, findings: &mut Vec<Finding>, fetch: &dyn Fetch) -> u64 {
        if !self.options.inline_ignores || findings.is_empty() {
            return 0;
        }
        let mut files: std::collections::HashMap<String, Option<Vec<u8>>> =
            std::collections::HashMap::new();
        for f in findings.iter() {
            let path = &f.location.path;
            files
                .entry(path.clone())
                .or_insert_with(|| fetch.fetch(path).and_then(Result::ok));
        }
        let lines: std::collections::HashMap<&str, Vec<&[u8]>> = files
            .iter()
            .filter_map(|(path, data)| Some((path, data.as_deref()?)))
            .filter(|(_, data)| has_inline_marker(data))
            .map(|(path, data)| (path.as_str(), data.split(|b| *b == b'\n').collect()))
            .collect();
        let before = findings.len();
        findings.retain(|f| {
            !lines
                .get(f.location.path.as_str())
                .is_some_and(|lines| self.ignored_inline(lines, f))
        });
        (before - findings.len()) as u64
    }

    /// An engine over the given analyzers.
    pub fn new(analyzers: Vec<Box<dyn Analyzer>>, options: EngineOptions) -> Engine {
        let rule_ids = analyzers
            .iter()
            .flat_map(|a| a.rules())
            .map(|r| r.id.to_ascii_lowercase())
            .collect();
        Engine {
            analyzers,
            options,
            rule_ids,
        }
    }

    /// The analyzers this engine runs.
    pub fn analyzers(&self) -> &[Box<dyn Analyzer>] {
        &self.analyzers
    }

    /// Walk `source` once, dispatching each blob to all interested analyzers.
    pub fn run(&self, source: &dyn Source, progress: &dyn Progress) -> EngineOutput {
        let state = RunState {
            engine: self,
            progress,
            findings: Mutex::new(Vec::new()),
            packages: Mutex::new(Vec::new()),
            errors: Mutex::new(Vec::new()),
            inline_suppressed: AtomicU64::new(0),
            files: AtomicU64::new(0),
            bytes: AtomicU64::new(0),
            binary: AtomicU64::new(0),
            special: AtomicU64::new(0),
            symlinks: AtomicU64::new(0),
            unwanted: AtomicU64::new(0),
        };
        source.walk(&state);
        let mut finished = Emitted::default();
        for analyzer in &self.analyzers {
            analyzer.finish(&mut finished, source);
        }
        let late_suppressed = self.drop_inline_ignored(&mut finished.findings, source);
        state
            .inline_suppressed
            .fetch_add(late_suppressed, Ordering::Relaxed);
        let mut findings = state
            .findings
            .into_inner()
            .unwrap_or_else(|e| e.into_inner());
        findings.append(&mut finished.findings);
        let mut packages = state
            .packages
            .into_inner()
            .unwrap_or_else(|e| e.into_inner());
        packages.append(&mut finished.packages);
        packages.sort();
        packages.dedup();
        let mut errors = state.errors.into_inner().unwrap_or_else(|e| e.into_inner());
        errors.append(&mut finished.errors);
        EngineOutput {
            findings,
            packages,
            inline_suppressed: state.inline_suppressed.into_inner(),
            errors,
            skipped: Skipped {
                binary: state.binary.into_inner(),
                special: state.special.into_inner(),
                symlinks: state.symlinks.into_inner(),
                unwanted: state.unwanted.into_inner(),
            },
            files_scanned: state.files.into_inner(),
            bytes_scanned: state.bytes.into_inner(),
        }
    }
}

struct RunState<'e> {
    engine: &'e Engine,
    progress: &'e dyn Progress,
    findings: Mutex<Vec<Finding>>,
    packages: Mutex<Vec<Package>>,
    errors: Mutex<Vec<ScanError>>,
    inline_suppressed: AtomicU64,
    files: AtomicU64,
    bytes: AtomicU64,
    binary: AtomicU64,
    special: AtomicU64,
    symlinks: AtomicU64,
    unwanted: AtomicU64,
}

impl SourceVisitor for RunState<'_> {
    fn wants(&self, path: &str, size: u64) -> bool {
        self.engine.analyzers.iter().any(|a| a.wants(path, size))
    }

    fn wants_content(&self, path: &str, size: u64, is_binary: bool) -> bool {
        self.engine
            .analyzers
            .iter()
            .any(|a| wants_kind(a.as_ref(), is_binary) && a.wants(path, size))
    }

    fn visit(&self, event: SourceEvent<'_>) {
        let counter = match event {
            SourceEvent::Blob(blob) => {
                self.analyze(&blob);
                return;
            }
            SourceEvent::Error(error) => {
                self.progress.advance(0);
                lock(&self.errors).push(error);
                return;
            }
            SourceEvent::SkippedBinary => &self.binary,
            SourceEvent::SkippedSpecial => &self.special,
            SourceEvent::SkippedSymlink => &self.symlinks,
            SourceEvent::SkippedUnwanted => &self.unwanted,
        };
        counter.fetch_add(1, Ordering::Relaxed);
        self.progress.advance(0);
    }
}

impl RunState<'_> {
    fn analyze(&self, blob: &Blob<'_>) {
        let size = blob.data.len() as u64;
        let mut emitted = Emitted::default();
        let mut analyzed = false;
        for analyzer in &self.engine.analyzers {
            if !wants_kind(analyzer.as_ref(), blob.is_binary) || !analyzer.wants(blob.path, size) {
                continue;
            }
            analyzed = true;
            analyzer.analyze(blob, &mut emitted);
        }
        self.progress.advance(size);
        if !analyzed {
            let counter = if blob.is_binary {
                &self.binary
            } else {
                &self.unwanted
            };
            counter.fetch_add(1, Ordering::Relaxed);
            return;
        }
        self.files.fetch_add(1, Ordering::Relaxed);
        self.bytes.fetch_add(size, Ordering::Relaxed);
        if !emitted.errors.is_empty() {
            lock(&self.errors).append(&mut emitted.errors);
        }
        if !emitted.packages.is_empty() {
            for package in &mut emitted.packages {
                if package.layer.is_none() {
                    package.layer.clone_from(&blob.provenance.layer);
                }
            }
            lock(&self.packages).append(&mut emitted.packages);
        }
        let mut found = emitted.findings;
        if found.is_empty() {
            return;
        }
        if self.engine.options.inline_ignores && has_inline_marker(blob.data) {
            let lines: Vec<&[u8]> = blob.data.split(|b| *b == b'\n').collect();
            let before = found.len();
            found.retain(|f| !self.engine.ignored_inline(&lines, f));
            let dropped = (before - found.len()) as u64;
            self.inline_suppressed.fetch_add(dropped, Ordering::Relaxed);
        }
        for finding in &mut found {
            if finding.location.layer.is_none() {
                finding.location.layer.clone_from(&blob.provenance.layer);
            }
            if finding.location.commit.is_none() {
                finding.location.commit.clone_from(&blob.provenance.commit);
            }
        }
        lock(&self.findings).append(&mut found);
    }
}

fn wants_kind(analyzer: &dyn Analyzer, is_binary: bool) -> bool {
    if is_binary {
        analyzer.wants_binary()
    } else {
        analyzer.wants_text()
    }
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    // A poisoned lock only means another thread panicked mid-push; the data is still usable.
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}

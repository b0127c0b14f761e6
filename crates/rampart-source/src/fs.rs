//! The filesystem source: a parallel, gitignore-aware walk that reads each wanted file once.

use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use ignore::gitignore::{Gitignore, GitignoreBuilder};
use ignore::{WalkBuilder, WalkState};
use rampart_core::{
    Blob, Fetch, Provenance, ScanError, ScanErrorKind, Source, SourceEvent, SourceVisitor, Target,
};

use crate::SourceError;

/// Version-control internals: never scanned (their content is history, a later `git:` source).
const VCS_DIRS: &[&str] = &[".git", ".hg", ".svn", ".bzr", "_darcs", ".jj", ".pijul"];

/// Kernel and device filesystems under a live root: not files, never scanned when the target
/// is `/` itself.
const VIRTUAL_ROOT_DIRS: &[&str] = &["proc", "sys", "dev"];

/// How many leading bytes decide whether a file is binary.
const BINARY_PROBE: usize = 8 * 1024;

/// Settings of a filesystem walk.
#[derive(Debug, Clone)]
pub struct FsOptions {
    /// Files larger than this are not read; each becomes a `too_large` scan error.
    pub max_file_size: u64,
    /// Extra gitignore-syntax patterns (from `.rampartignore`), relative to the root.
    pub excludes: Vec<String>,
    /// Honour `.gitignore`, `.ignore` and `.git/info/exclude`.
    pub respect_gitignore: bool,
    /// Worker threads (0: one per core).
    pub threads: usize,
}

impl Default for FsOptions {
    fn default() -> Self {
        FsOptions {
            max_file_size: 5 * 1024 * 1024,
            excludes: Vec::new(),
            respect_gitignore: true,
            threads: 0,
        }
    }
}

/// A directory tree (or one file) on the local filesystem.
pub struct FsSource {
    root: PathBuf,
    kind: &'static str,
    name: String,
    options: FsOptions,
    excludes: Gitignore,
}

impl FsSource {
    /// Prepare a walk of `path`; fails when it does not exist or a pattern is invalid.
    pub fn new(path: &str, options: FsOptions) -> Result<FsSource, SourceError> {
        let root = PathBuf::from(path);
        match std::fs::metadata(&root) {
            Ok(_) => {}
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return Err(SourceError::NotFound(path.to_string()));
            }
            Err(source) => {
                return Err(SourceError::Unreadable {
                    path: path.to_string(),
                    source,
                });
            }
        }
        let mut builder = GitignoreBuilder::new(&root);
        for pattern in &options.excludes {
            builder
                .add_line(None, pattern)
                .map_err(|e| SourceError::BadPattern {
                    pattern: pattern.clone(),
                    message: e.to_string(),
                })?;
        }
        let excludes = builder.build().map_err(|e| SourceError::BadPattern {
            pattern: options.excludes.join(", "),
            message: e.to_string(),
        })?;
        Ok(FsSource {
            root,
            kind: "dir",
            name: path.to_string(),
            options,
            excludes,
        })
    }

    /// Report the target as `kind` (e.g. `sbom` for an SBOM file read through the filesystem).
    pub fn with_kind(mut self, kind: &'static str) -> FsSource {
        self.kind = kind;
        self
    }

    fn relative(&self, path: &Path) -> String {
        let rel = path.strip_prefix(&self.root).unwrap_or(path);
        let rel = if rel.as_os_str().is_empty() {
            // The root itself is a file: name it by its file name.
            path.file_name().map(Path::new).unwrap_or(path)
        } else {
            rel
        };
        let text = rel.to_string_lossy();
        if std::path::MAIN_SEPARATOR == '/' {
            text.into_owned()
        } else {
            text.replace(std::path::MAIN_SEPARATOR, "/")
        }
    }

    fn visit_file(&self, path: &Path, visitor: &dyn SourceVisitor, buffer: &mut Vec<u8>) {
        let rel = self.relative(path);
        let error = |kind, message: String| {
            visitor.visit(SourceEvent::Error(ScanError {
                path: rel.clone(),
                kind,
                message,
            }))
        };
        let io_error = |e: io::Error| {
            let kind = if e.kind() == io::ErrorKind::PermissionDenied {
                ScanErrorKind::PermissionDenied
            } else {
                ScanErrorKind::Read
            };
            let hint = if kind == ScanErrorKind::PermissionDenied {
                "; run with access to it, or exclude it in .rampartignore"
            } else {
                ""
            };
            error(kind, format!("cannot read: {e}{hint}"))
        };
        let size = match std::fs::metadata(path) {
            Ok(m) => m.len(),
            Err(e) => return io_error(e),
        };
        if !visitor.wants(&rel, size.min(self.options.max_file_size)) {
            return visitor.visit(SourceEvent::SkippedUnwanted);
        }
        if size > self.options.max_file_size {
            return error(
                ScanErrorKind::TooLarge,
                format!(
                    "not scanned: {} is over the {} limit; raise --max-file-size to include it",
                    human_size(size),
                    human_size(self.options.max_file_size)
                ),
            );
        }
        let file = match File::open(path) {
            Ok(f) => f,
            Err(e) => return io_error(e),
        };
        // Bounded even if the file grows between stat and read.
        let mut reader = file.take(self.options.max_file_size + 1);
        buffer.clear();
        let probe = match read_up_to(&mut reader, buffer, BINARY_PROBE) {
            Ok(n) => n,
            Err(e) => return io_error(e),
        };
        let is_binary = memchr::memchr(0, &buffer[..probe]).is_some();
        if !visitor.wants_content(&rel, size, is_binary) {
            return visitor.visit(if is_binary {
                SourceEvent::SkippedBinary
            } else {
                SourceEvent::SkippedUnwanted
            });
        }
        if probe == BINARY_PROBE
            && let Err(e) = reader.read_to_end(buffer)
        {
            return io_error(e);
        }
        if buffer.len() as u64 > self.options.max_file_size {
            return error(
                ScanErrorKind::TooLarge,
                format!(
                    "not scanned: grew past the {} limit while being read",
                    human_size(self.options.max_file_size)
                ),
            );
        }
        let provenance = Provenance::default();
        visitor.visit(SourceEvent::Blob(Blob {
            path: &rel,
            data: buffer,
            is_binary,
            provenance: &provenance,
            lineage: None,
        }));
    }
}

fn read_up_to(reader: &mut impl Read, buffer: &mut Vec<u8>, limit: usize) -> io::Result<usize> {
    buffer.resize(limit, 0);
    let mut filled = 0;
    while filled < limit {
        match reader.read(&mut buffer[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => {
                buffer.truncate(filled);
                return Err(e);
            }
        }
    }
    buffer.truncate(filled);
    Ok(filled)
}

/// `1.5 MiB`-style sizes for messages.
pub fn human_size(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["B", "KiB", "MiB", "GiB"];
    let mut value = bytes as f64;
    let mut unit = 0;
    while value >= 1024.0 && unit < UNITS.len() - 1 {
        value /= 1024.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{bytes} B")
    } else {
        format!("{value:.1} {}", UNITS[unit])
    }
}

impl FsSource {
    /// `path` (relative to the target root) on disk; `None` when it would leave the target.
    fn inside_target(&self, path: &str) -> Option<PathBuf> {
        let mut inside = PathBuf::new();
        for part in path.split('/') {
            match part {
                "" | "." => {}
                ".." => {
                    if !inside.pop() {
                        return None;
                    }
                }
                part => inside.push(part),
            }
        }
        let base = if self.root.is_dir() {
            self.root.as_path()
        } else {
            self.root.parent().unwrap_or(Path::new("."))
        };
        Some(base.join(inside))
    }
}

impl Fetch for FsSource {
    fn fetch(&self, path: &str) -> Option<Result<Vec<u8>, String>> {
        // Only paths inside the target: an include may not make the scan read elsewhere.
        let full = self.inside_target(path)?;
        let result = std::fs::metadata(&full).and_then(|m| {
            if m.len() > self.options.max_file_size {
                Err(io::Error::other(format!(
                    "{} is over the {} limit",
                    human_size(m.len()),
                    human_size(self.options.max_file_size)
                )))
            } else {
                std::fs::read(&full)
            }
        });
        Some(result.map_err(|e| e.to_string()))
    }

    fn directory(&self, path: &str) -> Option<PathBuf> {
        self.inside_target(path).filter(|p| p.is_dir())
    }
}

impl Source for FsSource {
    fn target(&self) -> Target {
        Target {
            kind: self.kind.into(),
            name: self.name.clone(),
        }
    }

    fn walk(&self, visitor: &dyn SourceVisitor) {
        let root = self.root.clone();
        let live_root = self.root == Path::new("/");
        let excludes = self.excludes.clone();
        let walker = WalkBuilder::new(&self.root)
            .hidden(false)
            .ignore(self.options.respect_gitignore)
            .git_ignore(self.options.respect_gitignore)
            .git_exclude(self.options.respect_gitignore)
            .git_global(false)
            .require_git(false)
            .follow_links(false)
            .threads(self.options.threads)
            .filter_entry(move |entry| {
                let is_dir = entry.file_type().is_some_and(|t| t.is_dir());
                if entry.depth() > 0
                    && let Some(name) = entry.file_name().to_str()
                    && (VCS_DIRS.contains(&name)
                        || (live_root && entry.depth() == 1 && VIRTUAL_ROOT_DIRS.contains(&name)))
                {
                    return false;
                }
                let rel = entry.path().strip_prefix(&root).unwrap_or(entry.path());
                rel.as_os_str().is_empty() || !excludes.matched(rel, is_dir).is_ignore()
            })
            .build_parallel();
        walker.run(|| {
            let mut buffer = Vec::new();
            Box::new(move |result| {
                match result {
                    Ok(entry) => match entry.file_type() {
                        Some(t) if t.is_file() => {
                            self.visit_file(entry.path(), visitor, &mut buffer)
                        }
                        Some(t) if t.is_dir() => {}
                        Some(t) if t.is_symlink() => visitor.visit(SourceEvent::SkippedSymlink),
                        Some(_) => visitor.visit(SourceEvent::SkippedSpecial),
                        None => {}
                    },
                    Err(err) => visitor.visit(SourceEvent::Error(self.walk_error(&err))),
                }
                WalkState::Continue
            })
        });
    }
}

impl FsSource {
    fn walk_error(&self, err: &ignore::Error) -> ScanError {
        let path = walk_error_path(err)
            .map(|p| self.relative(p))
            .unwrap_or_else(|| self.name.clone());
        let permission = err
            .io_error()
            .is_some_and(|e| e.kind() == io::ErrorKind::PermissionDenied);
        ScanError {
            path,
            kind: if permission {
                ScanErrorKind::PermissionDenied
            } else {
                ScanErrorKind::Walk
            },
            message: format!("cannot walk: {}", walk_error_message(err)),
        }
    }
}

fn walk_error_path(err: &ignore::Error) -> Option<&Path> {
    match err {
        ignore::Error::WithPath { path, .. } => Some(path),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            walk_error_path(err)
        }
        ignore::Error::Loop { child, .. } => Some(child),
        _ => None,
    }
}

fn walk_error_message(err: &ignore::Error) -> String {
    match err {
        ignore::Error::WithPath { err, .. } | ignore::Error::WithDepth { err, .. } => {
            walk_error_message(err)
        }
        other => other.to_string(),
    }
}

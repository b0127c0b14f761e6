use crate::{Finding, Package, RuleMeta, ScanError};

/// Where a blob's bytes came from, beyond its path.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Provenance {
    /// Image layer digest.
    pub layer: Option<String>,
    /// Git commit id.
    pub commit: Option<String>,
}

/// One piece of content handed to analyzers: bytes plus where they came from.
#[derive(Debug, Clone, Copy)]
pub struct Blob<'a> {
    /// Path relative to the target root, `/`-separated.
    pub path: &'a str,
    /// The whole content (bounded by the source's size limit).
    pub data: &'a [u8],
    /// Whether the content looks binary (a NUL byte near the start).
    pub is_binary: bool,
    /// Layer / commit this blob belongs to.
    pub provenance: &'a Provenance,
    /// How the content was built from another blob's, where the source knows (git deltas).
    pub lineage: Option<Lineage<'a>>,
}

/// A blob's content named, and described as pieces of an earlier blob's, so an analyzer that
/// remembers what it found in the earlier one need only look again where the two differ.
#[derive(Debug, Clone, Copy)]
pub struct Lineage<'a> {
    /// Names the content: two blobs with the same name have the same bytes (a git object id).
    pub name: &'a [u8],
    /// The name of the content this one is built from, and how, in order.
    pub base: Option<(&'a [u8], &'a [Piece])>,
}

/// A run of a derived blob's content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Piece {
    /// `len` bytes copied from the base, starting at its byte `from`.
    Copy {
        /// Where the run starts in the base.
        from: usize,
        /// Its length.
        len: usize,
    },
    /// `len` bytes of new content.
    New {
        /// Its length.
        len: usize,
    },
}

/// A scanner's per-blob worker. Implementations are called from many threads at once.
pub trait Analyzer: Send + Sync {
    /// Scanner name as used by `--scanners`, e.g. `secret`.
    fn scanner(&self) -> &'static str;

    /// Whether this analyzer wants a blob at `path` of `size` bytes; asked before reading.
    fn wants(&self, path: &str, size: u64) -> bool;

    /// Whether binary blobs are of interest (most analyzers skip them).
    fn wants_binary(&self) -> bool {
        false
    }

    /// Whether text blobs are of interest (false for analyzers of executables, so a large
    /// text file they would have matched by name is never read for them).
    fn wants_text(&self) -> bool {
        true
    }

    /// Examine one blob and add what it holds to `out`.
    fn analyze(&self, blob: &Blob<'_>, out: &mut Emitted);

    /// Called once after the walk, for analyzers that combine several files (a lockfile with
    /// its manifest, OS packages with `os-release`). `fetch` reads a file the walk did not
    /// hand over (an include named by another file), by path relative to the target root.
    fn finish(&self, _out: &mut Emitted, _fetch: &dyn Fetch) {}

    /// Metadata of every rule this analyzer can report.
    fn rules(&self) -> Vec<RuleMeta>;
}

/// What analyzers produce: findings, packages, and inputs they could not understand.
#[derive(Debug, Default)]
pub struct Emitted {
    /// Problems found.
    pub findings: Vec<Finding>,
    /// Packages found (inventory).
    pub packages: Vec<Package>,
    /// Inputs that could not be parsed; the scan goes on.
    pub errors: Vec<ScanError>,
}

/// Reads one more file of the target after the walk, by path relative to the target root.
pub trait Fetch {
    /// The file's bytes; `None` when the source cannot read single files or the path leaves
    /// the target; `Some(Err(why))` when reading failed.
    fn fetch(&self, path: &str) -> Option<Result<Vec<u8>, String>>;

    /// The directory on disk that `path` (relative to the target root) names, when the source
    /// is a directory tree: for tools that need a real directory, such as `helm template`.
    fn directory(&self, _path: &str) -> Option<std::path::PathBuf> {
        None
    }
}

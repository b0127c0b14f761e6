//! Inventory: every package a target holds, from lockfiles (manifests when there is no
//! lockfile), installed-package metadata and OS package databases, each with a purl and the
//! file it was found in. Parsers are pure functions from bytes to packages; the
//! [`InventoryAnalyzer`] routes files to them and adds the distro to OS packages at the end.

pub mod binary;
pub mod lang;
pub mod license;
pub mod os;
pub mod purl;
pub mod sbom_input;

use std::sync::Mutex;

use rampart_core::{Analyzer, Blob, Emitted, Package, RuleMeta, ScanError, ScanErrorKind};

/// A file that could not be parsed: what is wrong and, when known, where.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}{message}", line.map(|l| format!("line {l}: ")).unwrap_or_default())]
pub struct ParseError {
    /// 1-based line of the problem, when the format has lines.
    pub line: Option<usize>,
    /// What is wrong and what was expected.
    pub message: String,
}

impl ParseError {
    /// An error at `line` (1-based).
    pub fn at(line: usize, message: impl Into<String>) -> ParseError {
        ParseError {
            line: Some(line),
            message: message.into(),
        }
    }

    /// An error without a position.
    pub fn new(message: impl Into<String>) -> ParseError {
        ParseError {
            line: None,
            message: message.into(),
        }
    }
}

/// A language-ecosystem parser: the file at `path` (relative, `/`-separated) with its bytes
/// to packages. `locations` of the returned packages are filled by the caller.
pub type LangParser = fn(path: &str, data: &[u8]) -> Result<Vec<Package>, ParseError>;

/// Collects packages from every file a parser knows; OS packages are completed in `finish`.
#[derive(Default)]
pub struct InventoryAnalyzer {
    os: Mutex<os::OsCollector>,
}

impl InventoryAnalyzer {
    /// A new analyzer.
    pub fn new() -> InventoryAnalyzer {
        InventoryAnalyzer::default()
    }
}

/// Lockfiles can be large (100k entries); OS databases too. Beyond this, a file is skipped.
const MAX_INVENTORY_FILE: u64 = 256 * 1024 * 1024;

impl Analyzer for InventoryAnalyzer {
    fn scanner(&self) -> &'static str {
        "inventory"
    }

    fn wants(&self, path: &str, size: u64) -> bool {
        size <= MAX_INVENTORY_FILE && (lang::parser_for(path).is_some() || os::wants(path))
    }

    fn analyze(&self, blob: &Blob<'_>, out: &mut Emitted) {
        let error = |e: ParseError| ScanError {
            path: blob.path.to_string(),
            kind: ScanErrorKind::Parse,
            message: format!(
                "cannot read packages: {e}; the rest of the tree is still inventoried"
            ),
        };
        if let Some(parse) = lang::parser_for(blob.path) {
            match parse(blob.path, blob.data) {
                Ok(mut packages) => {
                    for p in &mut packages {
                        p.locations = vec![blob.path.to_string()];
                    }
                    out.packages.extend(packages);
                }
                Err(e) => out.errors.push(error(e)),
            }
            return;
        }
        let mut collector = self.os.lock().unwrap_or_else(|e| e.into_inner());
        if let Err(e) = collector.add(blob.path, blob.data) {
            out.errors.push(error(e));
        }
    }

    fn finish(&self, out: &mut Emitted) {
        let collector = std::mem::take(&mut *self.os.lock().unwrap_or_else(|e| e.into_inner()));
        let (packages, errors) = collector.finish();
        out.packages.extend(packages);
        out.errors.extend(errors);
    }

    fn rules(&self) -> Vec<RuleMeta> {
        Vec::new()
    }
}

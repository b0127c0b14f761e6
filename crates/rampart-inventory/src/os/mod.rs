//! OS package databases (dpkg, apk, rpm) and `os-release`, combined once the walk is over.

use rampart_core::{Package, ScanError};

use crate::ParseError;

/// Whether `path` is a file the OS collector reads.
pub fn wants(_path: &str) -> bool {
    false
}

/// Gathers OS package databases and the distro release during the walk.
#[derive(Debug, Default)]
pub struct OsCollector {}

impl OsCollector {
    /// Take in one file `wants` accepted.
    pub fn add(&mut self, _path: &str, _data: &[u8]) -> Result<(), ParseError> {
        Ok(())
    }

    /// The packages, with distro qualifiers and ecosystems, and any problems found.
    pub fn finish(self) -> (Vec<Package>, Vec<ScanError>) {
        (Vec::new(), Vec::new())
    }
}

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// One installed or locked package, as found in a lockfile, a package database or a binary.
#[derive(
    Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(deny_unknown_fields)]
pub struct Package {
    /// Package name as its ecosystem writes it (e.g. `serde`, `@types/node`, `libc6`).
    pub name: String,
    /// Version as recorded (Debian/RPM versions include epoch and release).
    pub version: String,
    /// Ecosystem in OSV's spelling: `crates.io`, `npm`, `PyPI`, `Go`, `RubyGems`, `Packagist`,
    /// `Maven`, `NuGet`, `Debian`, `Ubuntu`, `Alpine`, ...
    pub ecosystem: String,
    /// Package URL (purl spec), with distro qualifiers for OS packages.
    pub purl: String,
    /// Declared licences, as SPDX expressions where they could be normalised.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub licenses: Vec<String>,
    /// Files the package was found in, relative to the target root.
    pub locations: Vec<String>,
    /// Whether it is a direct dependency (`None` when the source does not say).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direct: Option<bool>,
    /// Found only in a manifest (declared range), not a lockfile or installed database.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub from_manifest: bool,
    /// Source package (Debian `Source:`, RPM source RPM, Alpine origin), for advisory matching.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_name: Option<String>,
    /// Source package version (equal to `version` when the database records no other).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_version: Option<String>,
    /// purls of the packages this one depends on, where the lockfile records them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dependencies: Vec<String>,
    /// Image layer digest, once images are a source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub layer: Option<String>,
}

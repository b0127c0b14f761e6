//! `rampart.toml`: one file configuring every scanner. Parsed in one go so that every error
//! carries its line and column.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use rampart_core::{IgnoreEntry, Severity};
use rampart_secrets::RuleSpec;
use serde::Deserialize;

/// The default config file name, looked up in the target root.
pub const CONFIG_FILE: &str = "rampart.toml";

/// Everything `rampart.toml` may hold.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileConfig {
    /// Scan settings; command-line flags override them.
    #[serde(default)]
    pub scan: ScanConfig,
    /// Ignore entries, as in `.rampartignore`.
    #[serde(default)]
    pub ignore: Vec<IgnoreEntry>,
    /// Secret scanner settings.
    #[serde(default)]
    pub secret: SecretConfig,
    /// Licence policy.
    #[serde(default)]
    pub license: rampart_inventory::license::LicensePolicy,
    /// Vulnerability scanner settings.
    #[serde(default)]
    pub vuln: VulnConfig,
    /// `[misconfig]`: user policy directories.
    #[serde(default)]
    pub misconfig: MisconfigConfig,
}

/// `[misconfig]` section.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MisconfigConfig {
    /// Directories of Rego policies loaded besides the built-in library (relative to the
    /// config file), as `--policy` does.
    #[serde(default)]
    pub policies: Vec<PathBuf>,
}

/// `[vuln]`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VulnConfig {
    /// Oldest acceptable database, e.g. `"7d"`, `"36h"`.
    pub max_db_age: Option<AgeSpec>,
    /// VEX documents to apply (paths relative to the config file's directory).
    #[serde(default)]
    pub vex: Vec<PathBuf>,
    /// Fail on vulnerabilities in CISA's KEV catalogue.
    pub fail_on_kev: Option<bool>,
    /// Fail on vulnerabilities with at least this EPSS probability.
    pub min_epss: Option<f64>,
}

/// A duration given as `7d`, `36h`, `90m` or seconds.
#[derive(Debug, Clone, Copy)]
pub struct AgeSpec(pub u64);

impl<'de> Deserialize<'de> for AgeSpec {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        parse_age(&text)
            .map(AgeSpec)
            .map_err(serde::de::Error::custom)
    }
}

/// Parse `7d`, `36h`, `90m`, `3600s` or `3600` into seconds.
pub fn parse_age(text: &str) -> Result<u64, String> {
    let t = text.trim();
    let split = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (number, unit) = t.split_at(split);
    let number: u64 = number
        .parse()
        .map_err(|_| format!("invalid age `{text}`: expected e.g. 7d, 36h, 90m"))?;
    let scale = match unit.trim() {
        "" | "s" => 1,
        "m" => 60,
        "h" => 3600,
        "d" => 86_400,
        "w" => 7 * 86_400,
        other => {
            return Err(format!(
                "invalid age unit `{other}` in `{text}`: use s, m, h, d or w"
            ));
        }
    };
    Ok(number.saturating_mul(scale))
}

/// Parse an EPSS probability between 0 and 1.
pub fn parse_probability(text: &str) -> Result<f64, String> {
    match text.trim().parse::<f64>() {
        Ok(p) if (0.0..=1.0).contains(&p) => Ok(p),
        _ => Err(format!(
            "`{text}` is not a probability between 0 and 1 (e.g. 0.1)"
        )),
    }
}

/// `[scan]`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScanConfig {
    /// Scanners to run.
    pub scanners: Option<Vec<String>>,
    /// Severities to report.
    pub severity: Option<Vec<Severity>>,
    /// Gate threshold.
    pub fail_on: Option<Severity>,
    /// Fail when inputs could not be scanned.
    pub strict: Option<bool>,
    /// Largest file to read, e.g. `"5MiB"` or a number of bytes.
    pub max_file_size: Option<ByteSize>,
    /// Extra paths not to scan (gitignore syntax).
    #[serde(default)]
    pub exclude: Vec<String>,
}

/// `[secret]`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SecretConfig {
    /// Rule ids to turn off.
    #[serde(default)]
    pub disable: Vec<String>,
    /// Extra rules, in the built-in rule format.
    #[serde(default)]
    pub rules: Vec<RuleSpec>,
    /// Allowlists applied to every secret rule (same fields as a rule's `allowlists`).
    #[serde(default)]
    pub allowlists: Vec<rampart_secrets::AllowlistSpec>,
    /// A gitleaks config to import (relative to this file); `.gitleaks.toml` in the target
    /// root is used when this is not set.
    pub gitleaks: Option<PathBuf>,
}

/// A size given as bytes or with a unit (`512KiB`, `5MB`, `1GiB`).
#[derive(Debug, Clone, Copy)]
pub struct ByteSize(pub u64);

impl<'de> Deserialize<'de> for ByteSize {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Number(u64),
            Text(String),
        }
        match Raw::deserialize(d)? {
            Raw::Number(n) => Ok(ByteSize(n)),
            Raw::Text(t) => parse_size(&t)
                .map(ByteSize)
                .map_err(serde::de::Error::custom),
        }
    }
}

/// Parse `5MiB`, `5MB`, `5M`, `1048576`: units are powers of 1024 (MB means MiB here, as
/// people mean it for file sizes).
pub fn parse_size(text: &str) -> Result<u64, String> {
    let t = text.trim();
    let split = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (number, unit) = t.split_at(split);
    let number: u64 = number.parse().map_err(|_| {
        format!("invalid size `{text}`: expected a number with an optional unit, e.g. 5MiB")
    })?;
    let factor: u64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kb" | "kib" => 1 << 10,
        "m" | "mb" | "mib" => 1 << 20,
        "g" | "gb" | "gib" => 1 << 30,
        other => {
            return Err(format!(
                "invalid size unit `{other}` in `{text}`: use B, KiB, MiB or GiB"
            ));
        }
    };
    number
        .checked_mul(factor)
        .ok_or_else(|| format!("size `{text}` is too large"))
}

/// Load `explicit`, or else `rampart.toml` in `root` when it exists; `None` when neither.
pub fn load(explicit: Option<&Path>, root: &Path) -> Result<Option<(PathBuf, FileConfig)>> {
    let path = match explicit {
        Some(p) => p.to_path_buf(),
        None => {
            let candidate = root.join(CONFIG_FILE);
            if !candidate.is_file() {
                return Ok(None);
            }
            candidate
        }
    };
    let text = std::fs::read_to_string(&path)
        .with_context(|| format!("cannot read config file `{}`", path.display()))?;
    let mut config: FileConfig = toml::from_str(&text).map_err(|e| {
        anyhow::anyhow!(
            "invalid config file `{}`: {}",
            path.display(),
            e.to_string().trim_end()
        )
    })?;
    for (i, entry) in config.ignore.iter_mut().enumerate() {
        entry.origin = format!("{} [[ignore]] #{}", path.display(), i + 1);
    }
    for rule in &mut config.secret.rules {
        rule.family = "custom".into();
    }
    Ok(Some((path, config)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_with_and_without_units() {
        assert_eq!(parse_size("1024"), Ok(1024));
        assert_eq!(parse_size("5MiB"), Ok(5 << 20));
        assert_eq!(parse_size("5 MB"), Ok(5 << 20));
        assert_eq!(parse_size("2k"), Ok(2048));
        assert!(parse_size("5 parsecs").is_err());
        assert!(parse_size("MiB").is_err());
    }

    #[test]
    fn config_errors_name_line_and_column() {
        let err = toml::from_str::<FileConfig>("[scan]\nfail_on = \"severe\"\n").unwrap_err();
        let text = err.to_string();
        assert!(text.contains("line 2") && text.contains("severe"), "{text}");
        let err = toml::from_str::<FileConfig>("[scan]\ncolour = 1\n").unwrap_err();
        assert!(err.to_string().contains("colour"), "{err}");
    }
}

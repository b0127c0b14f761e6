use std::fmt;
use std::str::FromStr;

/// A target as the user wrote it, split into its kind and its address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TargetSpec {
    /// A directory (or a single file) on the local filesystem.
    Dir(String),
    /// A CycloneDX or SPDX JSON file whose packages are the inventory.
    Sbom(String),
    /// A git repository's history (every blob reachable from its refs).
    Git(String),
}

/// A target string that names no known or supported kind.
#[derive(Debug, Clone, thiserror::Error)]
pub enum TargetError {
    /// A scheme this version does not support yet.
    #[error(
        "`{scheme}:` targets are not supported yet; scan a directory with `dir:PATH` or a plain path"
    )]
    Unsupported {
        /// The scheme.
        scheme: String,
    },
    /// An empty target.
    #[error("the target is empty; give a path such as `.`")]
    Empty,
}

/// Schemes later sources will claim; recognised now so they are not taken for paths.
const PLANNED_SCHEMES: &[&str] = &[
    "image",
    "oci-dir",
    "docker-archive",
    "sbom",
    "k8s",
    "registry",
];

impl FromStr for TargetSpec {
    type Err = TargetError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s.is_empty() {
            return Err(TargetError::Empty);
        }
        if let Some(path) = s.strip_prefix("dir:") {
            if path.is_empty() {
                return Err(TargetError::Empty);
            }
            return Ok(TargetSpec::Dir(path.to_string()));
        }
        if let Some(path) = s.strip_prefix("sbom:") {
            if path.is_empty() {
                return Err(TargetError::Empty);
            }
            return Ok(TargetSpec::Sbom(path.to_string()));
        }
        if let Some(path) = s.strip_prefix("git:") {
            if path.is_empty() {
                return Err(TargetError::Empty);
            }
            return Ok(TargetSpec::Git(path.to_string()));
        }
        if let Some((scheme, _)) = s.split_once(':')
            && PLANNED_SCHEMES.contains(&scheme)
        {
            return Err(TargetError::Unsupported {
                scheme: scheme.to_string(),
            });
        }
        Ok(TargetSpec::Dir(s.to_string()))
    }
}

impl TargetSpec {
    /// The kind of target, as shown in reports (`dir`, ...).
    pub fn kind(&self) -> &'static str {
        match self {
            TargetSpec::Dir(_) => "dir",
            TargetSpec::Sbom(_) => "sbom",
            TargetSpec::Git(_) => "git",
        }
    }

    /// The local path the target names.
    pub fn path(&self) -> &str {
        match self {
            TargetSpec::Dir(path) | TargetSpec::Sbom(path) | TargetSpec::Git(path) => path,
        }
    }
}

impl fmt::Display for TargetSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TargetSpec::Dir(path) | TargetSpec::Sbom(path) | TargetSpec::Git(path) => {
                f.write_str(path)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_schemes_and_plain_paths() {
        assert_eq!(
            "dir:src".parse::<TargetSpec>().unwrap(),
            TargetSpec::Dir("src".into())
        );
        assert_eq!(
            ".".parse::<TargetSpec>().unwrap(),
            TargetSpec::Dir(".".into())
        );
        assert_eq!(
            "C:/odd/windows".parse::<TargetSpec>().unwrap(),
            TargetSpec::Dir("C:/odd/windows".into())
        );
        let err = "image:alpine:3.19"
            .parse::<TargetSpec>()
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("`image:` targets are not supported yet"),
            "{err}"
        );
        assert!("dir:".parse::<TargetSpec>().is_err());
        assert_eq!(
            "sbom:bom.json".parse::<TargetSpec>().unwrap(),
            TargetSpec::Sbom("bom.json".into())
        );
        assert!("".parse::<TargetSpec>().is_err());
        assert_eq!(
            "git:.".parse::<TargetSpec>().unwrap(),
            TargetSpec::Git(".".into())
        );
        assert!("git:".parse::<TargetSpec>().is_err());
    }
}

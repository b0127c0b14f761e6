//! `Cargo.lock`, versions 1 to 4.
//!
//! Packages without a `source` (workspace members, path dependencies) are not published and
//! are left out; so are dependency edges to them. Their own dependency lists say which crates
//! are direct: a registry crate a local package names is direct, every other one transitive.
//! A lockfile without local packages (rare) leaves `direct` unknown.

use std::collections::{HashMap, HashSet};

use rampart_core::Package;
use serde::Deserialize;

use super::{finish, from_toml, package, text};
use crate::ParseError;
use crate::purl::purl;

#[derive(Deserialize)]
struct Lock {
    #[serde(default)]
    package: Vec<LockedPackage>,
}

#[derive(Deserialize)]
struct LockedPackage {
    name: String,
    version: String,
    source: Option<String>,
    #[serde(default)]
    dependencies: Vec<String>,
}

/// Parse a `Cargo.lock`.
pub(super) fn parse_cargo_lock(_path: &str, data: &[u8]) -> Result<Vec<Package>, ParseError> {
    let text = text(data)?;
    let lock: Lock = from_toml(text, "Cargo.lock")?;
    let mut by_name: HashMap<&str, Vec<&LockedPackage>> = HashMap::new();
    for p in &lock.package {
        by_name.entry(p.name.as_str()).or_default().push(p);
    }
    let crate_purl = |p: &LockedPackage| purl("cargo", None, &p.name, Some(&p.version), &[]);
    // A dependency is `name`, `name version` or `name version (source)`.
    let resolve = |dep: &str| -> Option<String> {
        let mut parts = dep.split_whitespace();
        let name = parts.next()?;
        let version = parts.next();
        let source = parts
            .next()
            .map(|s| s.trim_start_matches('(').trim_end_matches(')'));
        let target = by_name.get(name)?.iter().find(|p| {
            version.is_none_or(|v| v == p.version)
                && source.is_none_or(|s| p.source.as_deref() == Some(s))
        })?;
        target.source.as_ref()?;
        Some(crate_purl(target))
    };
    let direct: HashSet<String> = lock
        .package
        .iter()
        .filter(|p| p.source.is_none())
        .flat_map(|p| p.dependencies.iter().filter_map(|d| resolve(d)))
        .collect();
    let has_roots = lock.package.iter().any(|p| p.source.is_none());
    let packages = lock
        .package
        .iter()
        .filter(|p| p.source.is_some())
        .map(|p| {
            let mut out = package(&p.name, &p.version, "crates.io", crate_purl(p));
            out.dependencies = p.dependencies.iter().filter_map(|d| resolve(d)).collect();
            if has_roots {
                out.direct = Some(direct.contains(&out.purl));
            }
            out
        })
        .collect();
    Ok(finish(packages))
}

#[cfg(test)]
mod tests {
    use super::*;

    const V4: &str = include_str!("../../tests/fixtures/lang/Cargo.v4.lock");
    const V1: &str = include_str!("../../tests/fixtures/lang/Cargo.v1.lock");

    fn find<'a>(packages: &'a [Package], name: &str, version: &str) -> &'a Package {
        packages
            .iter()
            .find(|p| p.name == name && p.version == version)
            .expect("package in the lockfile")
    }

    #[test]
    fn v4_lockfile_without_workspace_members() {
        let packages = parse_cargo_lock("Cargo.lock", V4.as_bytes()).unwrap();
        assert_eq!(packages.len(), 19);
        assert!(packages.iter().all(|p| !p.name.starts_with("rampart")));
        assert!(packages.iter().all(|p| p.ecosystem == "crates.io"));
        let ahash = find(&packages, "ahash", "0.8.12");
        assert_eq!(ahash.purl, "pkg:cargo/ahash@0.8.12");
        assert_eq!(ahash.direct, Some(false), "no workspace member names it");
        assert_eq!(find(&packages, "serde", "1.0.229").direct, Some(true));
        assert_eq!(find(&packages, "tinyjson", "2.5.1").direct, Some(true));
        assert_eq!(
            ahash.dependencies,
            [
                "pkg:cargo/cfg-if@1.0.5",
                "pkg:cargo/getrandom@0.3.4",
                "pkg:cargo/once_cell@1.21.4",
                "pkg:cargo/serde@1.0.229",
            ]
        );
        let derive = find(&packages, "serde_derive", "1.0.229");
        assert!(
            derive
                .dependencies
                .contains(&"pkg:cargo/syn@3.0.10".to_string())
        );
        let git = find(&packages, "tinyjson", "2.5.1");
        assert_eq!(git.purl, "pkg:cargo/tinyjson@2.5.1");
        let names: Vec<_> = packages.iter().map(|p| (&p.name, &p.version)).collect();
        let mut sorted = names.clone();
        sorted.sort();
        assert_eq!(names, sorted);
    }

    #[test]
    fn v1_lockfile_with_sources_in_dependencies() {
        let packages = parse_cargo_lock("Cargo.lock", V1.as_bytes()).unwrap();
        let names: Vec<_> = packages
            .iter()
            .map(|p| format!("{}@{}", p.name, p.version))
            .collect();
        assert_eq!(
            names,
            [
                "cfg-if@0.1.10",
                "cfg-if@1.0.0",
                "log@0.4.14",
                "old-log@0.3.9"
            ]
        );
        assert_eq!(
            find(&packages, "old-log", "0.3.9").dependencies,
            ["pkg:cargo/cfg-if@0.1.10"]
        );
        assert_eq!(
            find(&packages, "log", "0.4.14").dependencies,
            ["pkg:cargo/cfg-if@1.0.0"]
        );
    }

    #[test]
    fn malformed_lockfiles_are_errors_with_lines() {
        let err = parse_cargo_lock("Cargo.lock", b"version = 3\n\n[[package]]\nname = \"x\"\n")
            .unwrap_err();
        assert!(err.message.contains("version"), "{err}");
        assert!(err.line.is_some(), "{err}");
        let err =
            parse_cargo_lock("Cargo.lock", b"version = 4\n[[package]\nname = 1\n").unwrap_err();
        assert_eq!(err.line, Some(2), "{err}");
        assert!(parse_cargo_lock("Cargo.lock", b"").unwrap().is_empty());
    }

    #[test]
    fn twenty_thousand_packages() {
        let mut lock = String::from("version = 4\n\n");
        for i in 0..20_000 {
            lock.push_str(&format!(
                "[[package]]\nname = \"crate{i}\"\nversion = \"1.0.{i}\"\n\
                 source = \"registry+https://github.com/rust-lang/crates.io-index\"\n\
                 dependencies = [\n \"crate{}\",\n]\n\n",
                (i + 1) % 20_000
            ));
        }
        let start = std::time::Instant::now();
        let packages = parse_cargo_lock("Cargo.lock", lock.as_bytes()).unwrap();
        let took = start.elapsed();
        assert_eq!(packages.len(), 20_000);
        assert_eq!(packages[0].dependencies, ["pkg:cargo/crate1@1.0.1"]);
        // Generous: catches quadratic behaviour, not a slow CI machine.
        assert!(took.as_secs_f64() < 20.0, "took {took:?}");
    }
}

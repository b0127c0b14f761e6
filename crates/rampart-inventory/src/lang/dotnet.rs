//! .NET: NuGet's `packages.lock.json` and the runtime's `*.deps.json`.
//!
//! `packages.lock.json` lists, per target framework (`net8.0`, `net8.0/linux-x64`, ...), every
//! package with its `type`: `Direct` marks `direct = Some(true)`, `Transitive` and
//! `CentralTransitive` `Some(false)`, an unknown type `None`; `Project` entries are other projects of the solution, not
//! packages, and are skipped. The same package under several frameworks is merged into one.
//! A package's `dependencies` (name → requested range) become edges to the version resolved
//! under the same framework.
//!
//! `*.deps.json` (written next to a built app) keeps only `libraries` of `type: "package"`;
//! `project` and `reference` libraries are the app's own assemblies. Keys are `Name/Version`,
//! split at the last `/`. Dependency edges come from `targets`, whose entries name their
//! dependencies with exact versions. `direct` is `None`: the file does not say.
//!
//! NuGet names are case-insensitive; they are kept as written and looked up ignoring case.

use std::collections::{BTreeMap, HashMap};

use rampart_core::Package;
use serde::Deserialize;

use super::{finish, from_json, package};
use crate::ParseError;
use crate::purl::purl;

fn nuget_purl(name: &str, version: &str) -> String {
    purl("nuget", None, name, Some(version), &[])
}

#[derive(Deserialize)]
struct PackagesLock {
    #[serde(default)]
    dependencies: BTreeMap<String, BTreeMap<String, LockEntry>>,
}

#[derive(Deserialize)]
struct LockEntry {
    #[serde(rename = "type", default)]
    kind: String,
    resolved: Option<String>,
    #[serde(default)]
    dependencies: BTreeMap<String, String>,
}

/// Parse a NuGet `packages.lock.json`.
pub fn parse_packages_lock(_path: &str, data: &[u8]) -> Result<Vec<Package>, ParseError> {
    let lock: PackagesLock = from_json(data, "packages.lock.json")?;
    let mut packages = Vec::new();
    for (framework, entries) in &lock.dependencies {
        // Versions resolved under this framework, by lowercase name.
        let resolved: HashMap<String, &str> = entries
            .iter()
            .filter(|(_, e)| !e.kind.eq_ignore_ascii_case("Project"))
            .filter_map(|(n, e)| Some((n.to_ascii_lowercase(), e.resolved.as_deref()?)))
            .collect();
        for (name, entry) in entries {
            let direct = match entry.kind.to_ascii_lowercase().as_str() {
                "project" => continue,
                "direct" => Some(true),
                "transitive" | "centraltransitive" => Some(false),
                // A type this parser does not know yet: still a locked package.
                _ => None,
            };
            let Some(version) = entry.resolved.as_deref().filter(|v| !v.trim().is_empty()) else {
                return Err(ParseError::new(format!(
                    "invalid packages.lock.json: package `{name}` under `{framework}` has no \
                     `resolved` version"
                )));
            };
            let version = version.trim();
            let mut p = package(name, version, "NuGet", nuget_purl(name, version));
            p.direct = direct;
            p.dependencies = entry
                .dependencies
                .keys()
                .filter_map(|dep| {
                    let v = resolved.get(&dep.to_ascii_lowercase())?;
                    Some(nuget_purl(dep, v.trim()))
                })
                .collect();
            packages.push(p);
        }
    }
    Ok(finish(packages))
}

#[derive(Deserialize)]
struct DepsJson {
    #[serde(default)]
    targets: BTreeMap<String, BTreeMap<String, DepsTarget>>,
    #[serde(default)]
    libraries: BTreeMap<String, DepsLibrary>,
}

#[derive(Deserialize)]
struct DepsTarget {
    #[serde(default)]
    dependencies: BTreeMap<String, String>,
}

#[derive(Deserialize)]
struct DepsLibrary {
    #[serde(rename = "type", default)]
    kind: String,
}

/// `Name/Version` split at the last `/`; `None` unless both halves are non-empty.
fn split_key(key: &str) -> Option<(&str, &str)> {
    let (name, version) = key.rsplit_once('/')?;
    let (name, version) = (name.trim(), version.trim());
    (!name.is_empty() && !version.is_empty()).then_some((name, version))
}

/// Parse a `*.deps.json`.
pub fn parse_deps_json(_path: &str, data: &[u8]) -> Result<Vec<Package>, ParseError> {
    let deps: DepsJson = from_json(data, "deps.json")?;
    // Package libraries, by lowercase `name/version`, with their name and version as written.
    let mut libraries: HashMap<String, (&str, &str)> = HashMap::new();
    for (key, library) in &deps.libraries {
        if !library.kind.eq_ignore_ascii_case("package") {
            continue;
        }
        let Some((name, version)) = split_key(key) else {
            return Err(ParseError::new(format!(
                "invalid deps.json: library `{key}` is not `Name/Version`"
            )));
        };
        libraries.insert(key.to_ascii_lowercase(), (name, version));
    }
    // Edges from every target (runtime identifiers may list different dependencies).
    let mut edges: HashMap<String, Vec<String>> = HashMap::new();
    for entries in deps.targets.values() {
        for (key, target) in entries {
            let key = key.to_ascii_lowercase();
            if !libraries.contains_key(&key) {
                continue;
            }
            let out = edges.entry(key).or_default();
            for (dep, version) in &target.dependencies {
                let dep_key = format!("{dep}/{}", version.trim()).to_ascii_lowercase();
                if let Some((n, v)) = libraries.get(&dep_key) {
                    out.push(nuget_purl(n, v));
                }
            }
        }
    }
    let packages = libraries
        .iter()
        .map(|(key, (name, version))| {
            let mut p = package(name, version, "NuGet", nuget_purl(name, version));
            p.dependencies = edges.remove(key).unwrap_or_default();
            p
        })
        .collect();
    Ok(finish(packages))
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOCK: &str = include_str!("../../tests/fixtures/lang/packages.lock.json");
    const DEPS: &str = include_str!("../../tests/fixtures/lang/app.deps.json");

    #[test]
    fn packages_lock_merges_frameworks_and_skips_projects() {
        let packages = parse_packages_lock("packages.lock.json", LOCK.as_bytes()).unwrap();
        let ids: Vec<_> = packages
            .iter()
            .map(|p| format!("{} {:?}", p.purl, p.direct))
            .collect();
        assert_eq!(
            ids,
            [
                "pkg:nuget/Microsoft.Extensions.DependencyInjection.Abstractions@8.0.0 Some(false)",
                "pkg:nuget/Microsoft.Extensions.Logging@8.0.0 Some(true)",
                "pkg:nuget/Microsoft.Extensions.Logging.Abstractions@8.0.0 Some(false)",
                "pkg:nuget/Microsoft.NETCore.Platforms@1.1.0 Some(false)",
                "pkg:nuget/Newtonsoft.Json@13.0.3 Some(true)",
                "pkg:nuget/Serilog@3.1.1 Some(true)",
                "pkg:nuget/System.Text.Json@8.0.4 Some(false)",
            ]
        );
        assert!(packages.iter().all(|p| p.ecosystem == "NuGet"));
        assert!(packages.iter().all(|p| !p.from_manifest));
        assert_eq!(
            packages[1].dependencies,
            [
                "pkg:nuget/Microsoft.Extensions.DependencyInjection.Abstractions@8.0.0",
                "pkg:nuget/Microsoft.Extensions.Logging.Abstractions@8.0.0",
            ]
        );
        // Only the linux-x64 runtime graph pulls in the platforms package; merged edges.
        assert_eq!(packages[3].version, "1.1.0");
        assert_eq!(
            packages[5].dependencies,
            ["pkg:nuget/Microsoft.NETCore.Platforms@1.1.0"]
        );
    }

    /// A real lockfile (Aldaviva/GitHubActionPinner): direct packages only, empty RID graphs.
    #[test]
    fn real_packages_lock_with_empty_runtime_graphs() {
        let lock = include_str!("../../tests/fixtures/lang/packages.lock.small.json");
        let packages = parse_packages_lock("packages.lock.json", lock.as_bytes()).unwrap();
        let ids: Vec<_> = packages.iter().map(|p| p.purl.as_str()).collect();
        assert_eq!(
            ids,
            [
                "pkg:nuget/McMaster.Extensions.CommandLineUtils@5.0.1",
                "pkg:nuget/Octokit@14.0.0",
                "pkg:nuget/Unfucked@0.0.1-beta.34",
                "pkg:nuget/Unfucked.Caching@0.0.1-beta.3",
                "pkg:nuget/fasterflect@3.0.0",
            ]
        );
        assert!(packages.iter().all(|p| p.direct == Some(true)));
    }

    #[test]
    fn deps_json_keeps_package_libraries() {
        let packages = parse_deps_json("bin/App.deps.json", DEPS.as_bytes()).unwrap();
        let purls: Vec<_> = packages.iter().map(|p| p.purl.as_str()).collect();
        assert_eq!(
            purls,
            [
                "pkg:nuget/Microsoft.Extensions.Logging.Abstractions@8.0.0",
                "pkg:nuget/Newtonsoft.Json@13.0.3",
                "pkg:nuget/Serilog@3.1.1",
                "pkg:nuget/Serilog.Sinks.Console@5.0.1",
            ]
        );
        assert!(
            packages
                .iter()
                .all(|p| p.ecosystem == "NuGet" && p.direct.is_none())
        );
        assert_eq!(packages[3].dependencies, ["pkg:nuget/Serilog@3.1.1"]);
        assert!(packages[1].dependencies.is_empty());
    }

    #[test]
    fn malformed_dotnet_files() {
        let err = parse_packages_lock(
            "packages.lock.json",
            b"{\n\"version\": 1,\n\"dependencies\": {\"net8.0\": {\"A\": {\"type\": 3}}}\n}",
        )
        .unwrap_err();
        assert_eq!(err.line, Some(3), "{err}");
        let err = parse_packages_lock("packages.lock.json", b"{\"dependencies\": {\n").unwrap_err();
        assert_eq!(err.line, Some(2), "{err}");
        let err = parse_packages_lock(
            "packages.lock.json",
            br#"{"dependencies": {"net8.0": {"A": {"type": "Direct"}}}}"#,
        )
        .unwrap_err();
        assert!(err.message.contains("resolved"), "{err}");
        let odd = parse_packages_lock(
            "packages.lock.json",
            br#"{"dependencies": {"net8.0": {"A": {"type": "Odd", "resolved": "1"}}}}"#,
        )
        .unwrap();
        assert_eq!(
            (odd[0].purl.as_str(), odd[0].direct),
            ("pkg:nuget/A@1", None)
        );
        let err =
            parse_deps_json("a.deps.json", b"{\n\"libraries\": {\n\"A/1\": \"x\"\n}}").unwrap_err();
        assert_eq!(err.line, Some(3), "{err}");
        let err = parse_deps_json(
            "a.deps.json",
            br#"{"libraries": {"NoVersion": {"type": "package"}}}"#,
        )
        .unwrap_err();
        assert!(err.message.contains("NoVersion"), "{err}");
        let empty = parse_deps_json("a.deps.json", b"{}").unwrap();
        assert!(empty.is_empty());
    }

    #[test]
    fn damaged_dotnet_files_never_panic() {
        for (parse, text) in [
            (parse_packages_lock as crate::LangParser, LOCK),
            (parse_deps_json, DEPS),
        ] {
            let bytes = text.as_bytes();
            let lines = text.lines().count() + 1;
            let step = (bytes.len() / 200).max(1);
            for cut in (0..bytes.len()).step_by(step) {
                let check = |data: &[u8]| {
                    if let Err(e) = parse("x", data) {
                        assert!(e.line.is_none_or(|l| l >= 1 && l <= lines + 1), "{e}");
                    }
                };
                check(bytes.get(..cut).unwrap_or_default());
                for replacement in [b'"', b'/', b'{', b'\n', 0xff] {
                    let mut damaged = bytes.to_vec();
                    if let Some(b) = damaged.get_mut(cut) {
                        *b = replacement;
                    }
                    check(&damaged);
                }
            }
        }
    }
}

//! Python: `requirements*.txt`, `poetry.lock`, `Pipfile.lock`, `uv.lock` and `pdm.lock`.
//!
//! `name` keeps the spelling of the file; the purl uses the PEP 503 normalised name
//! (lowercase, runs of `-`, `_`, `.` as one `-`).
//!
//! requirements files: `name==version` and `name===version` pins are locked packages. Any
//! other requirement (a range, no version, `==1.*`, `name @ url`) gives a package with
//! `from_manifest = true` and an EMPTY version (the purl has no `@version`): a range is not a
//! version, and matchers must not read it as one. `-r`/`-c`/`-e` and other options, bare paths
//! and URLs cannot be followed by a pure parser and are ignored. `direct` is `None`.
//!
//! Lockfiles: local projects are left out (poetry `directory` sources, Pipfile `editable`/`path`
//! entries, uv `editable`/`virtual`/`directory` sources, pdm `editable`/`path` entries), as are
//! entries without a version (Pipfile git entries). Only uv records which packages the project
//! itself requires, so only uv sets `direct`.

use std::collections::{BTreeMap, HashMap, HashSet};

use rampart_core::Package;
use serde::Deserialize;

use super::{finish, from_json, from_toml, package, text};
use crate::ParseError;
use crate::purl::purl;

/// PEP 503: lowercase, runs of `-`, `_` and `.` become one `-`.
pub(super) fn normalise(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut in_run = false;
    for c in name.chars() {
        if matches!(c, '-' | '_' | '.') {
            if !in_run {
                out.push('-');
            }
            in_run = true;
        } else {
            out.extend(c.to_lowercase());
            in_run = false;
        }
    }
    out
}

fn pypi_package(name: &str, version: &str) -> Package {
    let purl = purl("pypi", None, &normalise(name), Some(version), &[]);
    package(name, version, "PyPI", purl)
}

/// The distribution name at the start of a requirement (`name[extra]>=1; marker`).
fn requirement_name(spec: &str) -> &str {
    let end = spec
        .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')))
        .unwrap_or(spec.len());
    spec.get(..end).unwrap_or_default()
}

/// purls by normalised name, for resolving dependency names.
fn index_by_name(packages: &[Package]) -> HashMap<String, Vec<String>> {
    let mut by_name: HashMap<String, Vec<String>> = HashMap::new();
    for p in packages {
        by_name
            .entry(normalise(&p.name))
            .or_default()
            .push(p.purl.clone());
    }
    by_name
}

/// Parse a `requirements*.txt`.
pub(super) fn parse_requirements(_path: &str, data: &[u8]) -> Result<Vec<Package>, ParseError> {
    let text = text(data)?;
    let mut out = Vec::new();
    let mut logical = String::new();
    let mut start = 0;
    for (i, raw) in text.lines().enumerate() {
        if logical.is_empty() {
            start = i + 1;
        }
        let line = raw.trim_end();
        match line.strip_suffix('\\') {
            Some(head) => {
                logical.push_str(head);
                logical.push(' ');
                continue;
            }
            None => logical.push_str(line),
        }
        let full = std::mem::take(&mut logical);
        if let Some(p) = requirement(&full, start)? {
            out.push(p);
        }
    }
    if !logical.is_empty()
        && let Some(p) = requirement(&logical, start)?
    {
        out.push(p);
    }
    Ok(finish(out))
}

/// One logical requirements line starting at `line`; `None` for what is not a requirement.
fn requirement(full: &str, line: usize) -> Result<Option<Package>, ParseError> {
    // A comment starts at `#` at the line start or after whitespace.
    let mut content = full;
    let bytes = full.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'#' && (i == 0 || bytes.get(i - 1).is_some_and(|c| c.is_ascii_whitespace())) {
            content = full.get(..i).unwrap_or_default();
            break;
        }
    }
    let content = content.trim();
    let first = content.split_whitespace().next().unwrap_or_default();
    if content.is_empty()
        || content.starts_with('-')
        || first.contains("://")
        || first.starts_with(['.', '/', '~'])
    {
        return Ok(None);
    }
    let name = requirement_name(content);
    if name.is_empty() {
        return Err(ParseError::at(
            line,
            "expected a requirement like `name==version`",
        ));
    }
    let mut rest = content.get(name.len()..).unwrap_or_default().trim_start();
    if rest.starts_with('[') {
        let Some(close) = rest.find(']') else {
            return Err(ParseError::at(line, "expected `]` closing the extras"));
        };
        rest = rest.get(close + 1..).unwrap_or_default().trim_start();
    }
    let spec = rest.split(';').next().unwrap_or_default();
    let spec = match spec.find(" --") {
        Some(i) => spec.get(..i).unwrap_or_default(),
        None => spec,
    };
    let spec: String = spec.split_whitespace().collect();
    if spec.starts_with('@') {
        let mut p = pypi_package(name, "");
        p.from_manifest = true;
        return Ok(Some(p));
    }
    if !(spec.is_empty() || spec.starts_with(['=', '<', '>', '!', '~'])) {
        return Err(ParseError::at(
            line,
            format!(
                "expected a version specifier like `=={}` after `{name}`",
                "1.0"
            ),
        ));
    }
    let pinned = spec
        .strip_prefix("===")
        .or_else(|| spec.strip_prefix("=="))
        .filter(|v| !v.is_empty() && !v.contains([',', '*', '=', '<', '>', '!', '~']));
    Ok(Some(match pinned {
        Some(version) => pypi_package(name, version),
        None => {
            let mut p = pypi_package(name, "");
            p.from_manifest = true;
            p
        }
    }))
}

#[derive(Deserialize)]
struct PoetryLock {
    #[serde(default)]
    package: Vec<PoetryPackage>,
}

#[derive(Deserialize)]
struct PoetryPackage {
    name: String,
    version: String,
    source: Option<PoetrySource>,
    #[serde(default)]
    dependencies: BTreeMap<String, toml::Value>,
}

#[derive(Deserialize)]
struct PoetrySource {
    #[serde(rename = "type")]
    kind: Option<String>,
}

/// Resolve dependency names to every locked version of that name.
fn with_dependencies<'a>(
    mut packages: Vec<Package>,
    deps: impl Iterator<Item = Vec<&'a str>>,
) -> Vec<Package> {
    let by_name = index_by_name(&packages);
    for (p, names) in packages.iter_mut().zip(deps) {
        p.dependencies = names
            .iter()
            .filter_map(|n| by_name.get(&normalise(n)))
            .flatten()
            .cloned()
            .collect();
    }
    finish(packages)
}

/// Parse a `poetry.lock`.
pub(super) fn parse_poetry_lock(_path: &str, data: &[u8]) -> Result<Vec<Package>, ParseError> {
    let text = text(data)?;
    let lock: PoetryLock = from_toml(text, "poetry.lock")?;
    let kept: Vec<&PoetryPackage> = lock
        .package
        .iter()
        .filter(|p| p.source.as_ref().and_then(|s| s.kind.as_deref()) != Some("directory"))
        .collect();
    let packages = kept
        .iter()
        .map(|p| pypi_package(&p.name, &p.version))
        .collect();
    let deps = kept
        .iter()
        .map(|p| p.dependencies.keys().map(String::as_str).collect());
    Ok(with_dependencies(packages, deps))
}

#[derive(Deserialize)]
struct PipfileLock {
    #[serde(default)]
    default: BTreeMap<String, PipfileEntry>,
    #[serde(default)]
    develop: BTreeMap<String, PipfileEntry>,
}

#[derive(Deserialize)]
struct PipfileEntry {
    version: Option<String>,
}

/// Parse a `Pipfile.lock`.
pub(super) fn parse_pipfile_lock(_path: &str, data: &[u8]) -> Result<Vec<Package>, ParseError> {
    let lock: PipfileLock = from_json(data, "Pipfile.lock")?;
    let packages = lock
        .default
        .iter()
        .chain(&lock.develop)
        .filter_map(|(name, entry)| {
            let version = entry.version.as_deref()?;
            let version = version
                .strip_prefix("===")
                .or_else(|| version.strip_prefix("=="))
                .unwrap_or(version);
            Some(pypi_package(name, version))
        })
        .collect();
    Ok(finish(packages))
}

#[derive(Deserialize)]
#[serde(rename_all = "kebab-case")]
struct UvLock {
    #[serde(default)]
    package: Vec<UvPackage>,
}

#[derive(Deserialize)]
#[serde(rename_all = "kebab-case")]
struct UvPackage {
    name: String,
    version: Option<String>,
    #[serde(default)]
    source: toml::Table,
    #[serde(default)]
    dependencies: Vec<UvDependency>,
    #[serde(default)]
    optional_dependencies: BTreeMap<String, Vec<UvDependency>>,
    #[serde(default)]
    dev_dependencies: BTreeMap<String, Vec<UvDependency>>,
}

#[derive(Deserialize)]
struct UvDependency {
    name: String,
    version: Option<String>,
}

impl UvPackage {
    fn is_project(&self) -> bool {
        ["editable", "virtual", "directory"]
            .iter()
            .any(|k| self.source.contains_key(*k))
    }

    fn all_dependencies(&self) -> impl Iterator<Item = &UvDependency> {
        self.dependencies
            .iter()
            .chain(self.optional_dependencies.values().flatten())
            .chain(self.dev_dependencies.values().flatten())
    }
}

/// Parse a `uv.lock`.
pub(super) fn parse_uv_lock(_path: &str, data: &[u8]) -> Result<Vec<Package>, ParseError> {
    let text = text(data)?;
    let lock: UvLock = from_toml(text, "uv.lock")?;
    let mut by_name: HashMap<String, Vec<(&str, String)>> = HashMap::new();
    for p in lock.package.iter().filter(|p| !p.is_project()) {
        if let Some(version) = p.version.as_deref() {
            let purl = purl("pypi", None, &normalise(&p.name), Some(version), &[]);
            by_name
                .entry(normalise(&p.name))
                .or_default()
                .push((version, purl));
        }
    }
    let resolve = |d: &UvDependency| -> Vec<String> {
        by_name
            .get(&normalise(&d.name))
            .into_iter()
            .flatten()
            .filter(|(v, _)| d.version.as_deref().is_none_or(|want| want == *v))
            .map(|(_, purl)| purl.clone())
            .collect()
    };
    let projects: Vec<&UvPackage> = lock.package.iter().filter(|p| p.is_project()).collect();
    let direct: HashSet<String> = projects
        .iter()
        .flat_map(|p| p.all_dependencies())
        .flat_map(resolve)
        .collect();
    let mut out = Vec::new();
    for p in lock.package.iter().filter(|p| !p.is_project()) {
        let Some(version) = p.version.as_deref() else {
            continue;
        };
        let mut pkg = pypi_package(&p.name, version);
        pkg.direct = (!projects.is_empty()).then(|| direct.contains(&pkg.purl));
        pkg.dependencies = p.all_dependencies().flat_map(resolve).collect();
        out.push(pkg);
    }
    Ok(finish(out))
}

#[derive(Deserialize)]
struct PdmLock {
    #[serde(default)]
    package: Vec<PdmPackage>,
}

#[derive(Deserialize)]
struct PdmPackage {
    name: String,
    version: Option<String>,
    #[serde(default)]
    editable: bool,
    path: Option<String>,
    #[serde(default)]
    dependencies: Vec<String>,
}

/// Parse a `pdm.lock`.
pub(super) fn parse_pdm_lock(_path: &str, data: &[u8]) -> Result<Vec<Package>, ParseError> {
    let text = text(data)?;
    let lock: PdmLock = from_toml(text, "pdm.lock")?;
    let kept: Vec<(&PdmPackage, &str)> = lock
        .package
        .iter()
        .filter(|p| !p.editable && p.path.is_none())
        .filter_map(|p| Some((p, p.version.as_deref()?)))
        .collect();
    let packages = kept
        .iter()
        .map(|(p, version)| pypi_package(&p.name, version))
        .collect();
    let deps = kept.iter().map(|(p, _)| {
        p.dependencies
            .iter()
            .map(|d| requirement_name(d.trim()))
            .collect()
    });
    Ok(with_dependencies(packages, deps))
}

#[derive(serde::Deserialize)]
struct PyLock {
    #[serde(default)]
    packages: Vec<PyLockPackage>,
}

#[derive(serde::Deserialize)]
struct PyLockPackage {
    name: String,
    #[serde(default)]
    version: Option<String>,
    #[serde(default)]
    directory: Option<toml::Value>,
}

/// Parse a `pylock.toml` / `pylock.NAME.toml` (PEP 751): `[[packages]]` with `name` and
/// `version`; local `directory` sources and entries without a version are not published
/// packages and are left out.
pub(super) fn parse_pylock(_path: &str, data: &[u8]) -> Result<Vec<Package>, ParseError> {
    let text = text(data)?;
    let lock: PyLock = from_toml(text, "pylock.toml")?;
    let packages = lock
        .packages
        .iter()
        .filter(|p| p.directory.is_none())
        .filter_map(|p| Some(pypi_package(&p.name, p.version.as_deref()?)))
        .collect();
    Ok(finish(packages))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pylock_lists_versioned_registry_packages() {
        let lock = "lock-version = \"1.0\"\ncreated-by = \"uv\"\n\n[[packages]]\nname = \"Attrs\"\nversion = \"25.1.0\"\n\n[[packages]]\nname = \"myapp\"\ndirectory = { path = \".\" }\n\n[[packages]]\nname = \"certifi\"\nversion = \"2024.8.30\"\n";
        let packages = parse_pylock("pylock.toml", lock.as_bytes()).unwrap();
        let purls: Vec<&str> = packages.iter().map(|p| p.purl.as_str()).collect();
        assert_eq!(
            purls,
            ["pkg:pypi/attrs@25.1.0", "pkg:pypi/certifi@2024.8.30"]
        );
        let err = parse_pylock("pylock.toml", b"[[packages]]\nversion = \"1\"\n").unwrap_err();
        assert_eq!(err.line, Some(1), "{err}");
    }

    const REQUIREMENTS: &str = include_str!("../../tests/fixtures/lang/requirements.txt");
    const REQUIREMENTS_DEV: &str = include_str!("../../tests/fixtures/lang/requirements-dev.txt");
    const POETRY: &str = include_str!("../../tests/fixtures/lang/poetry.lock");
    const PIPFILE: &str = include_str!("../../tests/fixtures/lang/Pipfile.lock");
    const UV: &str = include_str!("../../tests/fixtures/lang/uv.lock");
    const PDM: &str = include_str!("../../tests/fixtures/lang/pdm.lock");

    fn ids(packages: &[Package]) -> Vec<String> {
        packages
            .iter()
            .map(|p| format!("{}@{}", p.name, p.version))
            .collect()
    }

    fn get<'a>(packages: &'a [Package], name: &str) -> &'a Package {
        packages
            .iter()
            .find(|p| p.name == name)
            .expect("package present")
    }

    #[test]
    fn pep_503_names() {
        assert_eq!(normalise("Zope.Interface"), "zope-interface");
        assert_eq!(normalise("typing__extensions"), "typing-extensions");
        assert_eq!(normalise("a-_.b"), "a-b");
    }

    #[test]
    fn compiled_requirements_with_hashes() {
        let packages = parse_requirements("requirements.txt", REQUIREMENTS.as_bytes()).unwrap();
        assert_eq!(
            ids(&packages),
            [
                "certifi@2026.10.18",
                "charset-normalizer@3.5.2",
                "idna@3.20",
                "pysocks@1.7.1",
                "pyyaml@6.0.2",
                "requests@2.32.5",
                "urllib3@2.6.3",
                "zope-interface@8.0.1",
            ]
        );
        assert!(
            packages
                .iter()
                .all(|p| !p.from_manifest && p.ecosystem == "PyPI")
        );
        assert_eq!(packages[0].purl, "pkg:pypi/certifi@2026.10.18");
    }

    #[test]
    fn hand_written_requirements() {
        let packages =
            parse_requirements("requirements-dev.txt", REQUIREMENTS_DEV.as_bytes()).unwrap();
        assert_eq!(
            ids(&packages),
            [
                "Django@4.2.11",
                "Flask@",
                "black@",
                "mypkg@",
                "numpy@",
                "requests@2.31.0",
                "ruamel.yaml@0.18.6",
                "typing_extensions@4.11.0",
            ]
        );
        let django = get(&packages, "Django");
        assert_eq!(django.purl, "pkg:pypi/django@4.2.11");
        assert!(!django.from_manifest);
        let flask = get(&packages, "Flask");
        assert_eq!(flask.purl, "pkg:pypi/flask");
        assert!(flask.from_manifest);
        assert_eq!(
            get(&packages, "ruamel.yaml").purl,
            "pkg:pypi/ruamel-yaml@0.18.6"
        );
        assert!(get(&packages, "numpy").from_manifest);
    }

    #[test]
    fn malformed_requirements() {
        let err =
            parse_requirements("requirements.txt", b"flask==2.0\n\n  [oops]==1\n").unwrap_err();
        assert_eq!(err.line, Some(3), "{err}");
        let err = parse_requirements("requirements.txt", b"a==1\nb[x==2\n").unwrap_err();
        assert_eq!(err.line, Some(2), "{err}");
        let err = parse_requirements("requirements.txt", b"a==1 \\\n  --hash=x\nDjango 4.2\n")
            .unwrap_err();
        assert_eq!(err.line, Some(3), "{err}");
        assert!(parse_requirements("r.txt", b"x==1 \\").unwrap().len() == 1);
    }

    #[test]
    fn poetry() {
        let packages = parse_poetry_lock("poetry.lock", POETRY.as_bytes()).unwrap();
        assert_eq!(
            ids(&packages),
            [
                "Typing_Extensions@4.12.2",
                "certifi@2024.8.30",
                "charset-normalizer@3.3.2",
                "idna@3.8",
                "requests@2.32.3",
                "urllib3@2.2.2",
            ]
        );
        assert_eq!(packages[0].purl, "pkg:pypi/typing-extensions@4.12.2");
        assert_eq!(get(&packages, "requests").dependencies.len(), 4);
        assert_eq!(
            get(&packages, "urllib3").dependencies,
            ["pkg:pypi/typing-extensions@4.12.2"]
        );
        assert!(packages.iter().all(|p| p.direct.is_none()));
    }

    #[test]
    fn pipfile() {
        let packages = parse_pipfile_lock("Pipfile.lock", PIPFILE.as_bytes()).unwrap();
        assert_eq!(
            ids(&packages),
            [
                "flask@3.0.3",
                "markupsafe@2.1.5",
                "pytest@8.2.2",
                "werkzeug@3.0.3"
            ]
        );
    }

    #[test]
    fn uv() {
        let packages = parse_uv_lock("uv.lock", UV.as_bytes()).unwrap();
        assert_eq!(packages.len(), 25);
        assert!(packages.iter().all(|p| p.name != "demo-svc"));
        let yaml = get(&packages, "pyyaml");
        assert_eq!(yaml.direct, Some(true));
        assert_eq!(yaml.purl, "pkg:pypi/pyyaml@6.0.2");
        assert_eq!(get(&packages, "certifi").direct, Some(false));
        let pytest: Vec<_> = packages.iter().filter(|p| p.name == "pytest").collect();
        assert!(pytest.len() == 2 && pytest.iter().all(|p| p.direct == Some(true)));
        let requests = packages
            .iter()
            .find(|p| p.name == "requests" && p.version == "2.32.5")
            .expect("requests");
        assert!(
            requests
                .dependencies
                .iter()
                .any(|d| d.starts_with("pkg:pypi/urllib3@"))
        );
    }

    #[test]
    fn pdm() {
        let packages = parse_pdm_lock("pdm.lock", PDM.as_bytes()).unwrap();
        assert_eq!(
            ids(&packages),
            [
                "certifi@2024.8.30",
                "iniconfig@2.0.0",
                "pytest@8.3.2",
                "requests@2.32.3",
                "urllib3@2.2.2",
            ]
        );
        assert_eq!(
            get(&packages, "pytest").dependencies,
            ["pkg:pypi/iniconfig@2.0.0"]
        );
        assert_eq!(
            get(&packages, "requests").dependencies,
            ["pkg:pypi/certifi@2024.8.30", "pkg:pypi/urllib3@2.2.2"]
        );
    }

    #[test]
    fn malformed_python_lockfiles() {
        let err = parse_poetry_lock("poetry.lock", b"[[package]]\nname = \"a\"\nversion = 1\n")
            .unwrap_err();
        assert_eq!(err.line, Some(3), "{err}");
        let err = parse_uv_lock("uv.lock", b"version = 1\n[[package]\n").unwrap_err();
        assert_eq!(err.line, Some(2), "{err}");
        let err = parse_pdm_lock("pdm.lock", b"[[package]]\nversion = \"1\"\n").unwrap_err();
        assert!(err.message.contains("name"), "{err}");
        let err =
            parse_pipfile_lock("Pipfile.lock", b"{\"default\": {\n\"a\": []\n}}").unwrap_err();
        assert_eq!(err.line, Some(2), "{err}");
    }
}

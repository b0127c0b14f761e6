//! PHP: `composer.lock` (`packages` and `packages-dev`).
//!
//! Versions are kept as written, a leading `v` included (`v7.1.2`): Packagist records them so,
//! and matchers normalise. Several licences in the `license` array are alternatives (Composer's
//! rule), so they become one SPDX `A OR B` expression. `require` entries naming other locked
//! packages become dependency edges (platform requirements like `php` or `ext-*` are not
//! packages). `direct` is `None`: the lockfile does not say which packages `composer.json` names.

use std::collections::HashMap;

use rampart_core::Package;
use serde::Deserialize;
use serde_json::Value;

use super::{finish, from_json, package};
use crate::ParseError;
use crate::purl::purl;

#[derive(Deserialize)]
struct ComposerLock {
    #[serde(default)]
    packages: Vec<ComposerPackage>,
    #[serde(default, rename = "packages-dev")]
    packages_dev: Vec<ComposerPackage>,
}

#[derive(Deserialize)]
struct ComposerPackage {
    name: String,
    version: String,
    license: Option<Value>,
    #[serde(default)]
    require: HashMap<String, Value>,
}

fn composer_purl(name: &str, version: &str) -> String {
    match name.split_once('/') {
        Some((vendor, bare)) => purl("composer", Some(vendor), bare, Some(version), &[]),
        None => purl("composer", None, name, Some(version), &[]),
    }
}

fn license(value: Option<&Value>) -> Option<String> {
    let names: Vec<&str> = match value? {
        Value::String(s) => vec![s.as_str()],
        Value::Array(items) => items.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    let names: Vec<&str> = names
        .into_iter()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    (!names.is_empty()).then(|| names.join(" OR "))
}

/// Parse a `composer.lock`.
pub(super) fn parse_composer_lock(_path: &str, data: &[u8]) -> Result<Vec<Package>, ParseError> {
    let lock: ComposerLock = from_json(data, "composer.lock")?;
    let all: Vec<&ComposerPackage> = lock.packages.iter().chain(&lock.packages_dev).collect();
    let by_name: HashMap<String, String> = all
        .iter()
        .map(|p| {
            (
                p.name.to_ascii_lowercase(),
                composer_purl(&p.name, &p.version),
            )
        })
        .collect();
    let packages = all
        .iter()
        .map(|p| {
            let mut out = package(
                &p.name,
                &p.version,
                "Packagist",
                composer_purl(&p.name, &p.version),
            );
            out.licenses.extend(license(p.license.as_ref()));
            out.dependencies = p
                .require
                .keys()
                .filter_map(|n| by_name.get(&n.to_ascii_lowercase()).cloned())
                .collect();
            out
        })
        .collect();
    Ok(finish(packages))
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOCK: &str = include_str!("../../tests/fixtures/lang/composer.lock");

    #[test]
    fn packages_and_dev_packages() {
        let packages = parse_composer_lock("composer.lock", LOCK.as_bytes()).unwrap();
        let purls: Vec<_> = packages.iter().map(|p| p.purl.as_str()).collect();
        assert_eq!(
            purls,
            [
                "pkg:composer/monolog/monolog@3.7.0",
                "pkg:composer/phpunit/phpunit@11.2.6",
                "pkg:composer/psr/log@3.0.0",
                "pkg:composer/sebastian/diff@6.0.1",
                "pkg:composer/symfony/console@v7.1.2",
                "pkg:composer/symfony/polyfill-mbstring@v1.30.0",
            ]
        );
        assert!(packages.iter().all(|p| p.ecosystem == "Packagist"));
        assert_eq!(packages[0].licenses, ["MIT"]);
        assert_eq!(packages[0].dependencies, ["pkg:composer/psr/log@3.0.0"]);
        assert_eq!(packages[3].licenses, ["BSD-3-Clause OR GPL-2.0-or-later"]);
        assert_eq!(
            packages[4].dependencies,
            ["pkg:composer/symfony/polyfill-mbstring@v1.30.0"]
        );
        assert_eq!(packages[4].version, "v7.1.2");
    }

    #[test]
    fn malformed_composer_locks() {
        let err = parse_composer_lock(
            "composer.lock",
            b"{\n\"packages\": [\n{\"name\": \"a/b\"}\n]}",
        )
        .unwrap_err();
        assert_eq!(err.line, Some(3), "{err}");
        assert!(err.message.contains("version"), "{err}");
        let err = parse_composer_lock("composer.lock", b"{\"packages\": [").unwrap_err();
        assert_eq!(err.line, Some(1), "{err}");
    }
}

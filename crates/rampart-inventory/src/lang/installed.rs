//! Installed package metadata: node_modules package.json, Python dist-info METADATA.
//!
//! node_modules: only a manifest at a package's own root (`…/node_modules/NAME/package.json`
//! or `…/node_modules/@scope/NAME/package.json`) is a package; manifests deeper inside a
//! package (test fixtures, examples) and manifests without a `name` or `version` give no
//! package rather than an error. Licences come from `license` (a string or the legacy
//! `{"type": …}` object) or the legacy `licenses` array, each normalised to SPDX when
//! possible and kept as written otherwise.
//!
//! dist-info METADATA: the RFC 822 style headers up to the first empty line. The licence is
//! `License-Expression` when present, else a short `License` (its first line; a multi-line
//! `License` that does not name a known licence is a licence text and is passed over), else
//! the `License :: …` classifiers (their last segment, normalised when possible). `direct`
//! is `None` for both: an installed tree does not say what the project asked for.

use rampart_core::Package;
use serde_json::Value;

use super::pnpm::npm_purl;
use super::{finish, from_json, package, text};
use crate::ParseError;
use crate::license::normalize;
use crate::purl::purl;

/// Whether `path` is the manifest at the root of an installed package.
fn is_package_root(path: &str) -> bool {
    let Some(i) = path.rfind("node_modules/") else {
        return false;
    };
    let rest = path.get(i + "node_modules/".len()..).unwrap_or_default();
    let Some(dir) = rest.strip_suffix("/package.json") else {
        return false;
    };
    let parts: Vec<&str> = dir.split('/').collect();
    match parts.as_slice() {
        [name] => !name.is_empty() && !name.starts_with('@') && *name != ".bin",
        [scope, name] => scope.len() > 1 && scope.starts_with('@') && !name.is_empty(),
        _ => false,
    }
}

/// A declared licence: its SPDX form when it has one, else the text as written.
fn declared_license(text: &str) -> Option<String> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    Some(normalize(text).unwrap_or_else(|| text.to_string()))
}

/// A `license` value or one `licenses` item: a string or a `{"type": …}` object.
fn license_value(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => declared_license(s),
        Value::Object(o) => o
            .get("type")
            .and_then(Value::as_str)
            .and_then(declared_license),
        _ => None,
    }
}

/// Parse a `package.json` inside `node_modules`.
pub fn parse_node_package_json(path: &str, data: &[u8]) -> Result<Vec<Package>, ParseError> {
    // Manifests deeper inside a package (test fixtures, some deliberately broken) are not read.
    if !is_package_root(path) {
        return Ok(Vec::new());
    }
    let manifest: Value = from_json(data, "package.json")?;
    let field = |key: &str| {
        manifest
            .get(key)
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|s| !s.is_empty())
    };
    let (Some(name), Some(version)) = (field("name"), field("version")) else {
        return Ok(Vec::new());
    };
    let mut p = package(name, version, "npm", npm_purl(name, version));
    match manifest.get("license") {
        Some(license) if !license.is_null() => p.licenses.extend(license_value(license)),
        _ => {
            if let Some(Value::Array(items)) = manifest.get("licenses") {
                p.licenses.extend(items.iter().filter_map(license_value));
            } else if let Some(one) = manifest.get("licenses") {
                p.licenses.extend(license_value(one));
            }
        }
    }
    Ok(finish(vec![p]))
}

/// One header: its name, its value (continuation lines joined with `\n`) and its line.
struct Header {
    line: usize,
    name: String,
    value: String,
}

/// The headers up to the first empty line; continuation lines start with a space or tab.
fn headers(text: &str) -> Result<Vec<Header>, ParseError> {
    let mut out: Vec<Header> = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line_no = i + 1;
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        if line.is_empty() {
            break;
        }
        if line.starts_with([' ', '\t']) {
            let Some(last) = out.last_mut() else {
                return Err(ParseError::at(
                    line_no,
                    "continuation line before any `Name: value` header",
                ));
            };
            last.value.push('\n');
            last.value.push_str(line.trim());
            continue;
        }
        let Some((name, value)) = line.split_once(':') else {
            return Err(ParseError::at(
                line_no,
                "expected a header like `Name: value`",
            ));
        };
        let name = name.trim_end();
        if name.is_empty() || name.contains(char::is_whitespace) {
            return Err(ParseError::at(
                line_no,
                "expected a header name before `:`, like `Version: 1.0`",
            ));
        }
        out.push(Header {
            line: line_no,
            name: name.to_string(),
            value: value.trim().to_string(),
        });
    }
    Ok(out)
}

/// A `License:` value longer than this (on its first line) is prose, not a licence name.
const SHORT_LICENSE: usize = 100;

/// The licences a METADATA file declares, by the precedence in the module comment.
fn metadata_licenses(headers: &[Header]) -> Vec<String> {
    let first = |key: &str| {
        headers
            .iter()
            .find(|h| h.name.eq_ignore_ascii_case(key))
            .map(|h| h.value.as_str())
    };
    if let Some(expression) = first("License-Expression").and_then(declared_license) {
        return vec![expression];
    }
    if let Some(license) = first("License") {
        let mut lines = license.lines();
        let head = lines.next().unwrap_or_default().trim();
        let multi_line = lines.any(|l| !l.trim().is_empty());
        let unknown = head.is_empty() || head.eq_ignore_ascii_case("UNKNOWN");
        if !unknown && head.len() <= SHORT_LICENSE {
            match normalize(head) {
                Some(spdx) => return vec![spdx],
                None if !multi_line => return vec![head.to_string()],
                None => {}
            }
        }
    }
    headers
        .iter()
        .filter(|h| h.name.eq_ignore_ascii_case("Classifier"))
        .filter_map(|h| {
            let segments: Vec<&str> = h.value.split("::").map(str::trim).collect();
            let [first, .., last] = segments.as_slice() else {
                return None;
            };
            if *first != "License" {
                return None;
            }
            if last.is_empty() || *last == "OSI Approved" {
                return None;
            }
            declared_license(last)
        })
        .collect()
}

/// Parse a `*.dist-info/METADATA`.
pub fn parse_dist_info_metadata(_path: &str, data: &[u8]) -> Result<Vec<Package>, ParseError> {
    let text = text(data)?;
    let headers = headers(text)?;
    let value = |key: &str| {
        headers
            .iter()
            .find(|h| h.name.eq_ignore_ascii_case(key))
            .map(|h| (h.line, h.value.as_str()))
    };
    let Some((name_line, name)) = value("Name") else {
        return Err(ParseError::new("METADATA has no `Name:` header"));
    };
    let Some((version_line, version)) = value("Version") else {
        return Err(ParseError::new("METADATA has no `Version:` header"));
    };
    if name.is_empty() || name.contains(char::is_whitespace) {
        return Err(ParseError::at(
            name_line,
            "expected a distribution name after `Name:`",
        ));
    }
    if version.is_empty() || version.contains(char::is_whitespace) {
        return Err(ParseError::at(
            version_line,
            "expected a version after `Version:`",
        ));
    }
    let purl = purl(
        "pypi",
        None,
        &super::python::normalise(name),
        Some(version),
        &[],
    );
    let mut p = package(name, version, "PyPI", purl);
    p.licenses = metadata_licenses(&headers);
    Ok(finish(vec![p]))
}

#[cfg(test)]
mod tests {
    use super::*;

    const DEBUG: &str = include_str!("../../tests/fixtures/lang/node_modules.debug.package.json");
    const JSON_SCHEMA: &str =
        include_str!("../../tests/fixtures/lang/node_modules.json-schema.package.json");
    const TYPES_NODE: &str =
        include_str!("../../tests/fixtures/lang/node_modules.types-node.package.json");
    const CRYPTOGRAPHY: &str =
        include_str!("../../tests/fixtures/lang/cryptography-48.0.0.METADATA");
    const JMESPATH: &str = include_str!("../../tests/fixtures/lang/jmespath-1.1.0.METADATA");
    const LIBCST: &str = include_str!("../../tests/fixtures/lang/libcst-1.0.1.METADATA");
    const BACKCALL: &str = include_str!("../../tests/fixtures/lang/backcall-0.2.0.METADATA");

    fn one(packages: Vec<Package>) -> Package {
        assert_eq!(packages.len(), 1, "{packages:?}");
        packages.into_iter().next().expect("one package")
    }

    #[test]
    fn routed_by_path() {
        use super::super::parser_for;
        assert!(parser_for("app/node_modules/debug/package.json").is_some());
        assert!(parser_for("package.json").is_none());
        assert!(parser_for("venv/lib/site-packages/idna-3.13.dist-info/METADATA").is_some());
        assert!(parser_for("venv/lib/site-packages/idna/METADATA").is_none());
    }

    #[test]
    fn installed_node_packages() {
        let p = one(parse_node_package_json(
            "app/node_modules/debug/package.json",
            DEBUG.as_bytes(),
        )
        .unwrap());
        assert_eq!((p.name.as_str(), p.version.as_str()), ("debug", "4.4.3"));
        assert_eq!(p.purl, "pkg:npm/debug@4.4.3");
        assert_eq!(p.ecosystem, "npm");
        assert_eq!(p.licenses, ["MIT"]);
        assert_eq!(p.direct, None);

        let p = one(parse_node_package_json(
            "node_modules/.pnpm/@types+node@20.19.43/node_modules/@types/node/package.json",
            TYPES_NODE.as_bytes(),
        )
        .unwrap());
        assert_eq!(p.purl, "pkg:npm/%40types/node@20.19.43");
        assert_eq!(p.licenses, ["MIT"]);

        // The legacy `licenses` array: AFLv2.1 is not a licence we know, BSD is.
        let p = one(parse_node_package_json(
            "node_modules/a/node_modules/json-schema/package.json",
            JSON_SCHEMA.as_bytes(),
        )
        .unwrap());
        assert_eq!(p.purl, "pkg:npm/json-schema@0.2.3");
        assert_eq!(p.licenses, ["AFLv2.1", "BSD-3-Clause"]);
    }

    #[test]
    fn node_licence_shapes() {
        let path = "node_modules/x/package.json";
        let licenses =
            |json: &str| one(parse_node_package_json(path, json.as_bytes()).unwrap()).licenses;
        assert_eq!(
            licenses(
                r#"{"name": "x", "version": "1.0.0", "license": {"type": "Apache 2.0", "url": "u"}}"#
            ),
            ["Apache-2.0"]
        );
        assert_eq!(
            licenses(r#"{"name": "x", "version": "1.0.0", "license": "(MIT OR Apache-2.0)"}"#),
            ["(MIT OR Apache-2.0)"]
        );
        assert_eq!(
            licenses(
                r#"{"name": "x", "version": "1.0.0", "license": "SEE LICENSE IN LICENSE.md"}"#
            ),
            ["SEE LICENSE IN LICENSE.md"]
        );
        assert_eq!(
            licenses(
                r#"{"name": "x", "version": "1.0.0", "licenses": ["MIT", {"type": "ISC"}, 3]}"#
            ),
            ["ISC", "MIT"]
        );
        assert!(licenses(r#"{"name": "x", "version": "1.0.0", "license": 7}"#).is_empty());
    }

    #[test]
    fn node_manifests_that_are_not_packages() {
        let parse = |path: &str, json: &str| parse_node_package_json(path, json.as_bytes());
        let full = r#"{"name": "x", "version": "1.0.0"}"#;
        assert!(
            parse("node_modules/x/package.json", r#"{"name": "x"}"#)
                .unwrap()
                .is_empty()
        );
        assert!(
            parse("node_modules/x/package.json", r#"{"version": "1"}"#)
                .unwrap()
                .is_empty()
        );
        assert!(
            parse(
                "node_modules/x/package.json",
                r#"{"name": "", "version": "1"}"#
            )
            .unwrap()
            .is_empty()
        );
        assert!(
            parse("node_modules/x/package.json", "[1, 2]")
                .unwrap()
                .is_empty()
        );
        assert!(
            parse("node_modules/x/test/fixture/package.json", "{broken")
                .unwrap()
                .is_empty()
        );
        assert!(
            parse("node_modules/@scope/package.json", full)
                .unwrap()
                .is_empty()
        );
        assert_eq!(
            parse("node_modules/@s/x/package.json", full).unwrap().len(),
            1
        );
        let err = parse(
            "node_modules/x/package.json",
            "{\n  \"name\": \"x\",\n  oops\n}",
        )
        .unwrap_err();
        assert_eq!(err.line, Some(3), "{err}");
        assert!(err.message.contains("package.json"), "{err}");
        assert!(parse("node_modules/x/package.json", "").is_err());
    }

    #[test]
    fn metadata_with_license_expression() {
        let p = one(parse_dist_info_metadata("METADATA", CRYPTOGRAPHY.as_bytes()).unwrap());
        assert_eq!(
            (p.name.as_str(), p.version.as_str()),
            ("cryptography", "48.0.0")
        );
        assert_eq!(p.purl, "pkg:pypi/cryptography@48.0.0");
        assert_eq!(p.ecosystem, "PyPI");
        assert_eq!(p.licenses, ["Apache-2.0 OR BSD-3-Clause"]);
    }

    #[test]
    fn metadata_with_license_and_classifiers() {
        let p = one(parse_dist_info_metadata("METADATA", JMESPATH.as_bytes()).unwrap());
        assert_eq!(p.purl, "pkg:pypi/jmespath@1.1.0");
        assert_eq!(p.licenses, ["MIT"]);
        // `License: UNKNOWN`: the classifier; "BSD License" is not a name we know.
        let p = one(parse_dist_info_metadata("METADATA", BACKCALL.as_bytes()).unwrap());
        assert_eq!(p.purl, "pkg:pypi/backcall@0.2.0");
        assert_eq!(p.licenses, ["BSD License"]);
        // A licence text in `License:` is passed over for the classifier.
        let p = one(parse_dist_info_metadata("METADATA", LIBCST.as_bytes()).unwrap());
        assert_eq!(p.purl, "pkg:pypi/libcst@1.0.1");
        assert_eq!(p.licenses, ["MIT"]);
    }

    #[test]
    fn metadata_names_and_short_licences() {
        let meta = "Metadata-Version: 2.1\r\nName: Zope.Interface\r\nVersion: 6.0+local\r\nLicense: Zope Public License\r\n\r\nBody: not a header\n";
        let p = one(parse_dist_info_metadata("METADATA", meta.as_bytes()).unwrap());
        assert_eq!(p.name, "Zope.Interface");
        assert_eq!(p.purl, "pkg:pypi/zope-interface@6.0%2Blocal");
        assert_eq!(p.licenses, ["Zope Public License"]);
        let meta = "Name: a\nVersion: 1\nClassifier: License :: OSI Approved :: Apache Software License\nClassifier: License :: OSI Approved\nClassifier: Topic :: MIT License\n";
        let p = one(parse_dist_info_metadata("METADATA", meta.as_bytes()).unwrap());
        assert_eq!(p.licenses, ["Apache-2.0"]);
        let meta = "Name: a\nVersion: 1\nLicense-Expression: LicenseRef-Custom\nLicense: MIT\n";
        let p = one(parse_dist_info_metadata("METADATA", meta.as_bytes()).unwrap());
        assert_eq!(p.licenses, ["LicenseRef-Custom"]);
    }

    #[test]
    fn malformed_metadata() {
        let parse = |s: &str| parse_dist_info_metadata("METADATA", s.as_bytes());
        let err = parse("Name: a\nVersion: 1\nnot a header\n").unwrap_err();
        assert_eq!(err.line, Some(3), "{err}");
        let err = parse("  continued\nName: a\n").unwrap_err();
        assert_eq!(err.line, Some(1), "{err}");
        let err = parse("Name: a\nBad Header: x\n").unwrap_err();
        assert_eq!(err.line, Some(2), "{err}");
        let err = parse("Name: a\n\nVersion: 1\n").unwrap_err();
        assert!(err.message.contains("Version"), "{err}");
        let err = parse("Version: 1\n").unwrap_err();
        assert!(err.message.contains("Name"), "{err}");
        let err = parse("Name: a\nVersion: 1 2\n").unwrap_err();
        assert_eq!(err.line, Some(2), "{err}");
        let err = parse_dist_info_metadata("METADATA", b"Name: a\nVersion: 1\n\xff\n").unwrap_err();
        assert_eq!(err.line, Some(3), "{err}");
        assert!(parse("").is_err());
    }

    #[test]
    fn damaged_inputs_never_panic() {
        for (path, text) in [
            ("node_modules/debug/package.json", DEBUG),
            ("node_modules/json-schema/package.json", JSON_SCHEMA),
            ("x.dist-info/METADATA", LIBCST),
            ("x.dist-info/METADATA", CRYPTOGRAPHY),
        ] {
            let parse = super::super::parser_for(path).expect("routed");
            let bytes = text.as_bytes();
            let lines = text.lines().count() + 1;
            for cut in (0..bytes.len()).step_by((bytes.len() / 120).max(1)) {
                let mut damaged = vec![bytes.get(..cut).unwrap_or_default().to_vec()];
                for replacement in [b'"', b' ', b'\n', b':', 0xff] {
                    let mut d = bytes.to_vec();
                    if let Some(b) = d.get_mut(cut) {
                        *b = replacement;
                    }
                    damaged.push(d);
                }
                for data in damaged {
                    if let Err(e) = parse(path, &data) {
                        assert!(!e.message.is_empty());
                        assert!(e.line.is_none_or(|l| l >= 1 && l <= lines + 1), "{e}");
                    }
                }
            }
        }
    }
}

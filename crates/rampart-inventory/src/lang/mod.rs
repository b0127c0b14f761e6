//! Language ecosystems: which file names each parser reads.
//!
//! Every parser is a pure function from a lockfile's bytes to packages; it never panics on
//! any input. Errors carry the 1-based line when the format has lines (JSON and TOML errors
//! use the decoder's position). Output is sorted by name, version and purl, and packages
//! with the same purl (npm's nested copies, yarn's several ranges) are merged into one.

mod cargo;
mod dotnet;
mod go;
mod installed;
mod java;
mod npm;
mod php;
mod pnpm;
mod python;
mod ruby;

use rampart_core::Package;

use crate::{LangParser, ParseError};

/// The parser for the file at `path`, by its file name; `None` if no parser reads it.
pub fn parser_for(path: &str) -> Option<LangParser> {
    let name = path.rsplit('/').next().unwrap_or(path);
    let parser: LangParser = match name {
        "Cargo.lock" => cargo::parse_cargo_lock,
        "package-lock.json" | "npm-shrinkwrap.json" => npm::parse_package_lock,
        "yarn.lock" => npm::parse_yarn_lock,
        "poetry.lock" => python::parse_poetry_lock,
        "Pipfile.lock" => python::parse_pipfile_lock,
        "uv.lock" => python::parse_uv_lock,
        "pdm.lock" => python::parse_pdm_lock,
        _ if name == "pylock.toml" || (name.starts_with("pylock.") && name.ends_with(".toml")) => {
            python::parse_pylock
        }
        "go.mod" => go::parse_go_mod,
        "Gemfile.lock" | "gems.locked" => ruby::parse_gemfile_lock,
        "composer.lock" => php::parse_composer_lock,
        "pnpm-lock.yaml" => pnpm::parse_pnpm_lock,
        "bun.lock" => pnpm::parse_bun_lock,
        "package.json" if path.contains("node_modules/") => installed::parse_node_package_json,
        "METADATA"
            if path
                .rsplit('/')
                .nth(1)
                .is_some_and(|d| d.ends_with(".dist-info")) =>
        {
            installed::parse_dist_info_metadata
        }
        "gradle.lockfile" => java::parse_gradle_lockfile,
        "pom.xml" => java::parse_pom_xml,
        "packages.lock.json" => dotnet::parse_packages_lock,
        _ if name.ends_with(".deps.json") => dotnet::parse_deps_json,
        _ if name.starts_with("requirements") && name.ends_with(".txt") => {
            python::parse_requirements
        }
        _ => return None,
    };
    Some(parser)
}

/// For a `requirements*.txt` file, the files it includes with `-r` / `--requirement`.
pub fn requirement_includes(path: &str, data: &[u8]) -> Option<Vec<String>> {
    let name = path.rsplit('/').next().unwrap_or(path);
    (name.starts_with("requirements") && name.ends_with(".txt"))
        .then(|| requirements_includes_of(data))
}

/// The `-r` / `--requirement` targets of a requirements file's text (constraint files, `-c`,
/// install nothing and are not followed).
pub fn requirements_includes_of(data: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(data);
    let mut out = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        let rest = if let Some(r) = line.strip_prefix("--requirement") {
            r.trim_start_matches('=')
        } else if let Some(r) = line.strip_prefix("-r") {
            r
        } else {
            continue;
        };
        let target = rest.split_whitespace().next().unwrap_or_default();
        if !target.is_empty() && !target.contains("://") {
            out.push(target.to_string());
        }
    }
    out
}

/// Before Go 1.17 a go.mod lists only direct requirements; the indirect ones are in go.sum.
/// For such a go.mod (no `go` directive, or one below 1.17), the modules go.sum records that
/// the go.mod does not name, as indirect dependencies; nothing for newer go.mods.
pub fn go_sum_supplement(go_mod: &[u8], named: &[String], go_sum: &[u8]) -> Vec<Package> {
    if go::go_directive(go_mod).is_some_and(|v| v >= (1, 17)) {
        return Vec::new();
    }
    go::go_sum_modules(go_sum)
        .into_iter()
        .filter(|(module, _)| !named.contains(module))
        .map(|(module, version)| go::go_sum_package(&module, &version))
        .collect()
}

/// Parse a requirements file that was reached through `-r` (whatever its name).
pub fn parse_requirements_file(path: &str, data: &[u8]) -> Result<Vec<Package>, ParseError> {
    python::parse_requirements(path, data)
}

/// The file as UTF-8 text (a leading BOM dropped); invalid UTF-8 is an error at its line.
fn text(data: &[u8]) -> Result<&str, ParseError> {
    let data = data.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(data);
    std::str::from_utf8(data).map_err(|e| {
        let valid = data.get(..e.valid_up_to()).unwrap_or_default();
        let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
        ParseError::at(line, "invalid UTF-8; expected a text lockfile")
    })
}

/// 1-based line of byte `offset` in `text`.
fn line_of(text: &str, offset: usize) -> usize {
    let upto = text.as_bytes().get(..offset).unwrap_or(text.as_bytes());
    upto.iter().filter(|&&b| b == b'\n').count() + 1
}

/// A TOML decoding error, at the line of its span when it has one.
fn toml_error(text: &str, what: &str, e: &toml::de::Error) -> ParseError {
    let message = format!("invalid {what}: {}", e.message().trim());
    match e.span() {
        Some(span) => ParseError::at(line_of(text, span.start), message),
        None => ParseError::new(message),
    }
}

/// Decode a TOML document, errors placed at their line.
fn from_toml<T: serde::de::DeserializeOwned>(text: &str, what: &str) -> Result<T, ParseError> {
    toml::from_str(text).map_err(|e| toml_error(text, what, &e))
}

/// Decode a JSON document, errors placed at serde_json's line.
fn from_json<T: serde::de::DeserializeOwned>(data: &[u8], what: &str) -> Result<T, ParseError> {
    let text = text(data)?;
    serde_json::from_str(text).map_err(|e| {
        let full = e.to_string();
        // serde_json appends " at line L column C"; the line goes into the error instead.
        let bare = match full.rfind(" at line ") {
            Some(i) if e.line() > 0 => full.get(..i).unwrap_or(&full).to_string(),
            _ => full.clone(),
        };
        let message = format!("invalid {what}: {bare}");
        if e.line() > 0 {
            ParseError::at(e.line(), message)
        } else {
            ParseError::new(message)
        }
    })
}

/// A package with the fields every parser fills; the rest default.
fn package(name: &str, version: &str, ecosystem: &str, purl: String) -> Package {
    Package {
        name: name.to_string(),
        version: version.to_string(),
        ecosystem: ecosystem.to_string(),
        purl,
        licenses: Vec::new(),
        locations: Vec::new(),
        direct: None,
        from_manifest: false,
        source_name: None,
        source_version: None,
        dependencies: Vec::new(),
        layer: None,
    }
}

/// Sort by name, version and purl; merge packages sharing a purl (direct if any copy is,
/// dependencies and licences united, from a manifest only if every copy is).
fn finish(mut packages: Vec<Package>) -> Vec<Package> {
    packages.sort_by(|a, b| (&a.name, &a.version, &a.purl).cmp(&(&b.name, &b.version, &b.purl)));
    let mut out: Vec<Package> = Vec::with_capacity(packages.len());
    for p in packages {
        match out.last_mut() {
            Some(last) if last.purl == p.purl && last.name == p.name => {
                last.direct = match (last.direct, p.direct) {
                    (Some(a), Some(b)) => Some(a || b),
                    (Some(true), None) | (None, Some(true)) => Some(true),
                    (a, b) => a.or(b),
                };
                last.from_manifest &= p.from_manifest;
                last.dependencies.extend(p.dependencies);
                last.licenses.extend(p.licenses);
            }
            _ => out.push(p),
        }
    }
    for p in &mut out {
        p.dependencies.sort();
        p.dependencies.dedup();
        p.licenses.sort();
        p.licenses.dedup();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_by_file_name() {
        for path in [
            "Cargo.lock",
            "a/b/package-lock.json",
            "npm-shrinkwrap.json",
            "web/yarn.lock",
            "poetry.lock",
            "Pipfile.lock",
            "uv.lock",
            "pdm.lock",
            "requirements.txt",
            "requirements-dev.txt",
            "svc/go.mod",
            "Gemfile.lock",
            "composer.lock",
        ] {
            assert!(parser_for(path).is_some(), "{path}");
        }
        for path in [
            "Cargo.toml",
            "package.json",
            "requirements.in",
            "go.sum",
            "x/lock",
        ] {
            assert!(parser_for(path).is_none(), "{path}");
        }
    }

    /// Every fixture, cut short at many points and with bytes flipped, parses or fails
    /// cleanly: no parser panics, and every error with a line points inside the file.
    #[test]
    fn damaged_fixtures_never_panic() {
        let fixtures: [(&str, &str); 17] = [
            (
                "Cargo.lock",
                include_str!("../../tests/fixtures/lang/Cargo.v4.lock"),
            ),
            (
                "Cargo.lock",
                include_str!("../../tests/fixtures/lang/Cargo.v1.lock"),
            ),
            (
                "package-lock.json",
                include_str!("../../tests/fixtures/lang/package-lock.v3.json"),
            ),
            (
                "package-lock.json",
                include_str!("../../tests/fixtures/lang/package-lock.v1.json"),
            ),
            (
                "yarn.lock",
                include_str!("../../tests/fixtures/lang/yarn.v1.lock"),
            ),
            (
                "yarn.lock",
                include_str!("../../tests/fixtures/lang/yarn.berry.lock"),
            ),
            (
                "requirements.txt",
                include_str!("../../tests/fixtures/lang/requirements.txt"),
            ),
            (
                "requirements-dev.txt",
                include_str!("../../tests/fixtures/lang/requirements-dev.txt"),
            ),
            (
                "poetry.lock",
                include_str!("../../tests/fixtures/lang/poetry.lock"),
            ),
            (
                "Pipfile.lock",
                include_str!("../../tests/fixtures/lang/Pipfile.lock"),
            ),
            ("uv.lock", include_str!("../../tests/fixtures/lang/uv.lock")),
            (
                "pdm.lock",
                include_str!("../../tests/fixtures/lang/pdm.lock"),
            ),
            ("go.mod", include_str!("../../tests/fixtures/lang/go.mod")),
            (
                "Gemfile.lock",
                include_str!("../../tests/fixtures/lang/Gemfile.lock"),
            ),
            (
                "composer.lock",
                include_str!("../../tests/fixtures/lang/composer.lock"),
            ),
            ("yarn.lock", "__metadata:\n  version: 8\n\"a@npm:1\":\n"),
            ("go.mod", "require (\n)\nrequire\nreplace x => \n"),
        ];
        for (path, text) in fixtures {
            let parse = parser_for(path).expect("routed");
            let bytes = text.as_bytes();
            let lines = text.lines().count() + 1;
            let step = (bytes.len() / 150).max(1);
            let check = |data: &[u8]| {
                if let Err(e) = parse(path, data) {
                    assert!(!e.message.is_empty());
                    assert!(
                        e.line.is_none_or(|l| l >= 1 && l <= lines + 1),
                        "{path}: {e}"
                    );
                }
            };
            check(bytes);
            for cut in (0..bytes.len()).step_by(step) {
                check(bytes.get(..cut).unwrap_or_default());
                for replacement in [b'"', b' ', b'\n', b'[', 0xff] {
                    let mut damaged = bytes.to_vec();
                    if let Some(b) = damaged.get_mut(cut) {
                        *b = replacement;
                    }
                    check(&damaged);
                }
            }
        }
    }

    #[test]
    fn invalid_utf8_is_an_error_at_its_line() {
        let err = text(b"a\nb\n\xff").err();
        assert_eq!(err.and_then(|e| e.line), Some(3));
    }

    #[test]
    fn json_errors_carry_the_line() {
        let err = from_json::<serde_json::Value>(b"{\n\"a\": [1,\n}", "x").err();
        let err = err.map(|e| (e.line, e.message.contains(" at line ")));
        assert_eq!(err, Some((Some(3), false)));
    }
}

#[cfg(test)]
mod routing_tests {
    use super::parser_for;

    #[test]
    fn routes_every_supported_file_name_and_nothing_else() {
        for path in [
            "Cargo.lock",
            "web/package-lock.json",
            "npm-shrinkwrap.json",
            "yarn.lock",
            "pnpm-lock.yaml",
            "bun.lock",
            "app/node_modules/debug/package.json",
            "venv/lib/python3.11/site-packages/jmespath-1.1.0.dist-info/METADATA",
            "requirements-dev.txt",
            "poetry.lock",
            "Pipfile.lock",
            "uv.lock",
            "pdm.lock",
            "pylock.toml",
            "pylock.dev.toml",
            "go.mod",
            "Gemfile.lock",
            "composer.lock",
            "gradle.lockfile",
            "pom.xml",
            "packages.lock.json",
            "bin/App.deps.json",
        ] {
            assert!(parser_for(path).is_some(), "{path} should be routed");
        }
        for path in [
            "package.json",
            "src/METADATA",
            "README.md",
            "requirements.md",
            "go.sum",
        ] {
            assert!(parser_for(path).is_none(), "{path} should not be routed");
        }
    }
}

//! Go: `go.mod` `require` directives (single and block form).
//!
//! `// indirect` marks `direct = Some(false)`, anything else `Some(true)`. A `replace` that
//! points at another module version (`old [v] => new v`) replaces the requirement's path and
//! version; one that points at a local directory (`=> ../dir`) cannot be resolved to a
//! published module and leaves the requirement as written. The main module itself is not a
//! package; other directives (`exclude`, `retract`, `toolchain`, ...) are ignored.

use rampart_core::Package;

use super::{finish, package, text};
use crate::ParseError;
use crate::purl::purl;

/// `pkg:golang/<path up to the last slash>/<last segment>@version`.
fn go_purl(path: &str, version: &str) -> String {
    match path.rsplit_once('/') {
        Some((namespace, name)) => purl("golang", Some(namespace), name, Some(version), &[]),
        None => purl("golang", None, path, Some(version), &[]),
    }
}

struct Replace {
    old: String,
    old_version: Option<String>,
    new: String,
    new_version: String,
}

/// Split a line into its tokens (quotes removed) and whether its comment says `indirect`.
fn tokens(line: &str) -> (Vec<&str>, bool) {
    let (code, comment) = match line.find("//") {
        Some(i) => (line.get(..i).unwrap_or_default(), line.get(i + 2..)),
        None => (line, None),
    };
    let indirect = comment.is_some_and(|c| {
        let c = c.trim_start();
        c == "indirect" || c.starts_with("indirect;") || c.starts_with("indirect ")
    });
    let words = code
        .split_whitespace()
        .map(|w| w.trim_matches(|c| c == '"' || c == '`'))
        .collect();
    (words, indirect)
}

/// The `go` directive of a go.mod as (major, minor); `None` when absent or unreadable.
pub(super) fn go_directive(data: &[u8]) -> Option<(u32, u32)> {
    let text = String::from_utf8_lossy(data);
    let line = text.lines().map(str::trim).find(|l| l.starts_with("go "))?;
    let version = line.get(3..)?.split_whitespace().next()?;
    let mut parts = version.split('.');
    let major = parts.next()?.parse().ok()?;
    let minor = parts.next().and_then(|m| m.parse().ok()).unwrap_or(0);
    Some((major, minor))
}

/// Order Go module versions (`v1.2.3`, `v1.2.3-rc.1`, pseudo-versions) well enough to pick the
/// highest: numeric core first, then a release above any of its pre-releases.
fn version_key(version: &str) -> (Vec<u64>, bool, String) {
    let v = version.trim_start_matches('v');
    let v = v.split('+').next().unwrap_or(v);
    let (core, pre) = match v.split_once('-') {
        Some((core, pre)) => (core, Some(pre)),
        None => (v, None),
    };
    let numbers = core.split('.').map(|n| n.parse().unwrap_or(0)).collect();
    (numbers, pre.is_none(), pre.unwrap_or_default().to_string())
}

/// Modules a go.sum records code hashes for (lines ending in `/go.mod` only hash a go.mod
/// and are skipped), the highest version of each, sorted.
pub(super) fn go_sum_modules(data: &[u8]) -> Vec<(String, String)> {
    let text = String::from_utf8_lossy(data);
    let mut best: std::collections::BTreeMap<String, String> = std::collections::BTreeMap::new();
    for line in text.lines() {
        let mut words = line.split_whitespace();
        let (Some(module), Some(version), Some(_hash)) = (words.next(), words.next(), words.next())
        else {
            continue;
        };
        if version.ends_with("/go.mod") || !version.starts_with('v') {
            continue;
        }
        let newer = best
            .get(module)
            .is_none_or(|current| version_key(version) > version_key(current));
        if newer {
            best.insert(module.to_string(), version.to_string());
        }
    }
    best.into_iter().collect()
}

/// A module that only go.sum names (an indirect dependency of an old-style go.mod).
pub(super) fn go_sum_package(module: &str, version: &str) -> Package {
    let mut p = package(module, version, "Go", go_purl(module, version));
    p.direct = Some(false);
    p
}

/// Parse a `go.mod`.
pub(super) fn parse_go_mod(_path: &str, data: &[u8]) -> Result<Vec<Package>, ParseError> {
    let text = text(data)?;
    let mut requires: Vec<(String, String, bool)> = Vec::new();
    let mut replaces: Vec<Replace> = Vec::new();
    // The directive of the open `verb (` block and the line it started on.
    let mut block: Option<(String, usize)> = None;
    for (i, raw) in text.lines().enumerate() {
        let line_no = i + 1;
        let (words, indirect) = tokens(raw);
        let Some(&first) = words.first() else {
            continue;
        };
        let (verb, args): (String, &[&str]) = match &block {
            Some(_) if first == ")" && words.len() == 1 => {
                block = None;
                continue;
            }
            Some((verb, _)) => (verb.clone(), &words[..]),
            None => {
                let args = words.get(1..).unwrap_or_default();
                if args == ["("] {
                    block = Some((first.to_string(), line_no));
                    continue;
                }
                if args == ["()"] || args == ["(", ")"] {
                    continue;
                }
                (first.to_string(), args)
            }
        };
        match verb.as_str() {
            "require" => match args {
                [path, version] => {
                    requires.push((path.to_string(), version.to_string(), !indirect));
                }
                _ => {
                    return Err(ParseError::at(
                        line_no,
                        "expected a requirement `module/path vX.Y.Z`",
                    ));
                }
            },
            "replace" => {
                let replace = match args {
                    [old, "=>", new, new_version] => Some((old, None, new, new_version)),
                    [old, old_version, "=>", new, new_version] => {
                        Some((old, Some(old_version), new, new_version))
                    }
                    [_, "=>", _] | [_, _, "=>", _] => None,
                    _ => {
                        return Err(ParseError::at(
                            line_no,
                            "expected a replacement `module [version] => module version` or \
                             `module [version] => ../local/dir`",
                        ));
                    }
                };
                if let Some((old, old_version, new, new_version)) = replace {
                    replaces.push(Replace {
                        old: old.to_string(),
                        old_version: old_version.map(|v| v.to_string()),
                        new: new.to_string(),
                        new_version: new_version.to_string(),
                    });
                }
            }
            _ => {}
        }
    }
    if let Some((verb, line)) = block {
        return Err(ParseError::at(
            line,
            format!("expected `)` closing the `{verb} (` block"),
        ));
    }
    let packages = requires
        .into_iter()
        .map(|(path, version, direct)| {
            let replaced = replaces
                .iter()
                .find(|r| r.old == path && r.old_version.as_deref().is_none_or(|v| v == version));
            let (path, version) = match replaced {
                Some(r) => (r.new.clone(), r.new_version.clone()),
                None => (path, version),
            };
            let mut p = package(&path, &version, "Go", go_purl(&path, &version));
            p.direct = Some(direct);
            p
        })
        .collect();
    Ok(finish(packages))
}

#[cfg(test)]
mod tests {
    use super::*;

    const GO_MOD: &str = include_str!("../../tests/fixtures/lang/go.mod");

    #[test]
    fn requires_with_indirect_and_replacements() {
        let packages = parse_go_mod("go.mod", GO_MOD.as_bytes()).unwrap();
        let ids: Vec<_> = packages
            .iter()
            .map(|p| format!("{}@{} {:?}", p.name, p.version, p.direct))
            .collect();
        assert_eq!(
            ids,
            [
                "github.com/beorn7/perks@v1.0.1 Some(false)",
                "github.com/cespare/xxhash/v2@v2.3.0 Some(false)",
                "github.com/docker/docker@v26.1.4+incompatible Some(true)",
                "github.com/example/internal-lib@v0.3.0 Some(true)",
                "github.com/google/uuid@v1.5.0 Some(true)",
                "github.com/inconshreveable/mousetrap@v1.1.0 Some(false)",
                "github.com/prometheus/client_golang@v1.19.1 Some(true)",
                "github.com/prometheus/client_model@v0.6.1 Some(false)",
                "github.com/spf13/cobra@v1.8.1 Some(true)",
                "github.com/spf13/pflag@v1.0.5 Some(false)",
                "golang.org/x/sync@v0.7.0 Some(true)",
                "golang.org/x/sys@v0.22.0 Some(false)",
                "google.golang.org/protobuf@v1.34.2 Some(false)",
                "gopkg.in/yaml.v3@v3.0.1 Some(true)",
            ]
        );
        assert!(packages.iter().all(|p| p.ecosystem == "Go"));
        assert_eq!(
            packages[1].purl,
            "pkg:golang/github.com/cespare/xxhash/v2@v2.3.0"
        );
        assert_eq!(
            packages[2].purl,
            "pkg:golang/github.com/docker/docker@v26.1.4%2Bincompatible"
        );
        assert_eq!(packages[13].purl, "pkg:golang/gopkg.in/yaml.v3@v3.0.1");
    }

    #[test]
    fn malformed_go_mods() {
        let err = parse_go_mod("go.mod", b"module x\n\nrequire (\n\ta v1\n\tb\n)\n").unwrap_err();
        assert_eq!(err.line, Some(5), "{err}");
        let err = parse_go_mod("go.mod", b"module x\nrequire (\n\ta v1\n").unwrap_err();
        assert_eq!(err.line, Some(2), "{err}");
        assert!(err.message.contains(")"), "{err}");
        let err = parse_go_mod("go.mod", b"module x\nreplace a v1 b v2\n").unwrap_err();
        assert_eq!(err.line, Some(2), "{err}");
        let packages =
            parse_go_mod("go.mod", b"require ()\nrequire \"quoted/mod\" v1.0.0\n").unwrap();
        assert_eq!(packages[0].purl, "pkg:golang/quoted/mod@v1.0.0");
    }
}

#[cfg(test)]
mod go_sum_tests {
    use super::*;

    const SUM: &str = "github.com/pkg/errors v0.8.1 h1:iURUrRGxPUNPdy5/HRSm+Yj6okJ6UtLINN0Q9M4+h3I=\n\
github.com/pkg/errors v0.8.1/go.mod h1:bwawxfHBFNV+L2hUp1rHADufV3IMtnDRdf1r5NINEl0=\n\
github.com/pkg/errors v0.9.1 h1:FEBLx1zS214owpjy7qsBeixbURkuhQAwrK5UwLGTwt4=\n\
golang.org/x/sys v0.0.0-20190215142949-d0b11bdaac8a/go.mod h1:STP8DvDyc/dI5b8T5hshtkjS+E42TnysNCUPdjciGhY=\n\
golang.org/x/text v0.3.0 h1:g61tztE5qeGQ89tm6NTjjM9VPIm088od1l6aSorWRWg=\n\
golang.org/x/text v0.3.0-rc.1 h1:aaaa=\n\
garbage\n";

    #[test]
    fn go_directive_and_sum_modules() {
        assert_eq!(go_directive(b"module x\n\ngo 1.16\n"), Some((1, 16)));
        assert_eq!(go_directive(b"module x\ngo 1.21.5\n"), Some((1, 21)));
        assert_eq!(go_directive(b"module x\n"), None);
        assert_eq!(
            go_sum_modules(SUM.as_bytes()),
            vec![
                ("github.com/pkg/errors".to_string(), "v0.9.1".to_string()),
                ("golang.org/x/text".to_string(), "v0.3.0".to_string()),
            ]
        );
    }

    #[test]
    fn old_go_mods_get_their_indirect_modules_from_go_sum() {
        let named = vec!["github.com/pkg/errors".to_string()];
        let old = super::super::go_sum_supplement(b"module x\ngo 1.14\n", &named, SUM.as_bytes());
        let purls: Vec<&str> = old.iter().map(|p| p.purl.as_str()).collect();
        assert_eq!(purls, ["pkg:golang/golang.org/x/text@v0.3.0"]);
        assert_eq!(old[0].direct, Some(false));
        assert!(
            super::super::go_sum_supplement(b"module x\ngo 1.17\n", &named, SUM.as_bytes())
                .is_empty()
        );
    }
}

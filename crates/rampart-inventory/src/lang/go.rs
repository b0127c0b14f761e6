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

//! Ruby: `Gemfile.lock` (and `gems.locked`).
//!
//! Gems come from the `specs:` of `GEM` and `GIT` sources (4-space `name (version)` lines;
//! 6-space lines under them are that gem's dependencies); `PATH` sources are local code and
//! are left out. `DEPENDENCIES` names the direct gems. A platform suffix
//! (`1.16.6-x86_64-linux`) becomes the purl qualifier `platform=x86_64-linux`, the version
//! staying `1.16.6`.

use std::collections::{HashMap, HashSet};

use rampart_core::Package;

use super::{finish, package, text};
use crate::ParseError;
use crate::purl::purl;

struct Spec {
    name: String,
    version: String,
    platform: String,
    deps: Vec<String>,
}

/// `name (version)` or `name (constraint, ...)` or `name` (or `name!`): the name and the text
/// in parentheses.
fn name_and_paren(content: &str) -> (&str, Option<&str>) {
    match content.split_once(" (") {
        Some((name, rest)) => (name.trim(), Some(rest.trim_end().trim_end_matches(')'))),
        None => (content.trim().trim_end_matches('!'), None),
    }
}

/// Parse a `Gemfile.lock`.
pub(super) fn parse_gemfile_lock(_path: &str, data: &[u8]) -> Result<Vec<Package>, ParseError> {
    let text = text(data)?;
    let mut specs: Vec<Spec> = Vec::new();
    let mut direct: HashSet<String> = HashSet::new();
    let mut section = "";
    let mut in_specs = false;
    for (i, raw) in text.lines().enumerate() {
        let line_no = i + 1;
        let line = raw.trim_end();
        if line.trim_start().is_empty() {
            continue;
        }
        let indent = line.len() - line.trim_start_matches(' ').len();
        let content = line.trim_start();
        if indent == 0 {
            section = content;
            in_specs = false;
            continue;
        }
        match section {
            "GEM" | "GIT" | "PATH" => {
                if indent == 2 {
                    in_specs = content == "specs:";
                    continue;
                }
                if !in_specs {
                    continue;
                }
                let local = section == "PATH";
                match indent {
                    4 => {
                        let (name, paren) = name_and_paren(content);
                        let Some(full) = paren.filter(|v| !v.is_empty() && !name.is_empty()) else {
                            return Err(ParseError::at(
                                line_no,
                                "expected a gem spec like `name (1.2.3)`",
                            ));
                        };
                        let (version, platform) = full.split_once('-').unwrap_or((full, ""));
                        specs.push(Spec {
                            name: if local {
                                String::new()
                            } else {
                                name.to_string()
                            },
                            version: version.to_string(),
                            platform: platform.to_string(),
                            deps: Vec::new(),
                        });
                    }
                    6 => {
                        let Some(spec) = specs.last_mut() else {
                            return Err(ParseError::at(
                                line_no,
                                "dependency line before any gem spec",
                            ));
                        };
                        let (name, _) = name_and_paren(content);
                        spec.deps.push(name.to_string());
                    }
                    _ => {
                        return Err(ParseError::at(
                            line_no,
                            "expected a 4-space gem spec or a 6-space dependency line",
                        ));
                    }
                }
            }
            "DEPENDENCIES" => {
                let (name, _) = name_and_paren(content);
                direct.insert(name.to_string());
            }
            _ => {}
        }
    }
    // PATH specs were kept with an empty name so that their dependency lines attach to them.
    specs.retain(|s| !s.name.is_empty());
    let gem_purl = |s: &Spec| {
        purl(
            "gem",
            None,
            &s.name,
            Some(&s.version),
            &[("platform", &s.platform)],
        )
    };
    let mut by_name: HashMap<&str, Vec<String>> = HashMap::new();
    for s in &specs {
        by_name
            .entry(s.name.as_str())
            .or_default()
            .push(gem_purl(s));
    }
    let packages = specs
        .iter()
        .map(|s| {
            let mut p = package(&s.name, &s.version, "RubyGems", gem_purl(s));
            p.direct = Some(direct.contains(&s.name));
            p.dependencies = s
                .deps
                .iter()
                .filter_map(|d| by_name.get(d.as_str()))
                .flatten()
                .cloned()
                .collect();
            p
        })
        .collect();
    Ok(finish(packages))
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOCK: &str = include_str!("../../tests/fixtures/lang/Gemfile.lock");

    #[test]
    fn gem_and_git_specs() {
        let packages = parse_gemfile_lock("Gemfile.lock", LOCK.as_bytes()).unwrap();
        let ids: Vec<_> = packages
            .iter()
            .map(|p| format!("{} {:?}", p.purl, p.direct))
            .collect();
        assert_eq!(
            ids,
            [
                "pkg:gem/crass@1.0.6 Some(false)",
                "pkg:gem/loofah@2.22.0 Some(false)",
                "pkg:gem/mini_portile2@2.8.7 Some(false)",
                "pkg:gem/nokogiri@1.16.6 Some(true)",
                "pkg:gem/nokogiri@1.16.6?platform=arm64-darwin Some(true)",
                "pkg:gem/nokogiri@1.16.6?platform=x86_64-linux Some(true)",
                "pkg:gem/racc@1.8.0 Some(false)",
                "pkg:gem/rack@3.1.3 Some(true)",
                "pkg:gem/rails-html-sanitizer@1.6.0 Some(true)",
                "pkg:gem/rake@13.2.1 Some(true)",
                "pkg:gem/rspec-core@3.13.0 Some(true)",
                "pkg:gem/rspec-support@3.13.1 Some(false)",
            ]
        );
        let nokogiri = &packages[5];
        assert_eq!(nokogiri.version, "1.16.6");
        assert_eq!(nokogiri.ecosystem, "RubyGems");
        assert_eq!(nokogiri.dependencies, ["pkg:gem/racc@1.8.0"]);
        assert_eq!(packages[1].dependencies.len(), 4);
    }

    #[test]
    fn malformed_gemfile_locks() {
        let err = parse_gemfile_lock("Gemfile.lock", b"GEM\n  remote: x\n  specs:\n    rack\n")
            .unwrap_err();
        assert_eq!(err.line, Some(4), "{err}");
        let err =
            parse_gemfile_lock("Gemfile.lock", b"GEM\n  specs:\n     rack (1.0)\n").unwrap_err();
        assert_eq!(err.line, Some(3), "{err}");
        let err =
            parse_gemfile_lock("Gemfile.lock", b"GEM\n  specs:\n      rack (1.0)\n").unwrap_err();
        assert_eq!(err.line, Some(3), "{err}");
    }
}

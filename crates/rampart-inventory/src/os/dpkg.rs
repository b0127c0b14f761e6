//! dpkg's database: `var/lib/dpkg/status` and the one-stanza-per-package files of
//! `var/lib/dpkg/status.d/` (distroless images). Both are deb822 (RFC-822-like) stanzas.

use super::{Parsed, RawPackage};

/// One stanza: its fields in order (name, value with continuation lines joined by `\n`) and
/// the line it starts on.
struct Stanza {
    line: usize,
    fields: Vec<(String, String)>,
}

impl Stanza {
    fn get(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// First line of a field, trimmed; `None` when absent or empty.
    fn first_line(&self, name: &str) -> Option<&str> {
        self.get(name)
            .and_then(|v| v.lines().next())
            .map(str::trim)
            .filter(|v| !v.is_empty())
    }
}

/// Split deb822 text into stanzas. Blank (or whitespace-only) lines separate stanzas; lines
/// starting with a space or tab continue the previous field; `#` lines are comments; other
/// lines without a `:` are ignored. Non-UTF-8 bytes become U+FFFD; CRLF is accepted.
fn stanzas(data: &[u8]) -> Vec<Stanza> {
    let text = String::from_utf8_lossy(data);
    let mut out = Vec::new();
    let mut current: Option<Stanza> = None;
    for (index, line) in text.split('\n').enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() {
            out.extend(current.take());
            continue;
        }
        if line.starts_with([' ', '\t']) {
            if let Some(field) = current.as_mut().and_then(|s| s.fields.last_mut()) {
                field.1.push('\n');
                field.1.push_str(line.trim());
            }
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let Some((name, value)) = line.split_once(':') else {
            continue;
        };
        let stanza = current.get_or_insert_with(|| Stanza {
            line: index + 1,
            fields: Vec::new(),
        });
        stanza
            .fields
            .push((name.trim().to_string(), value.trim().to_string()));
    }
    out.extend(current);
    out
}

/// Whether a `Status:` value (`want flag status`) says the package is installed:
/// `install ok installed`, `hold ok installed`. Not `half-installed`, `config-files`, ...
fn is_installed(status: &str) -> bool {
    status.trim_end().ends_with(" installed") || status.trim() == "installed"
}

/// Parse a dpkg database file. `require_status`: the main `status` file lists removed
/// packages too, so a stanza without `Status:` is not counted there; `status.d` files have
/// no `Status:` and everything in them is installed.
pub fn parse(data: &[u8], require_status: bool) -> Parsed {
    let mut parsed = Parsed::default();
    for stanza in stanzas(data) {
        match stanza.get("Status") {
            Some(status) if !is_installed(status) => continue,
            None if require_status => {
                parsed.note_skipped(stanza.line);
                continue;
            }
            _ => {}
        }
        let (Some(name), Some(version)) =
            (stanza.first_line("Package"), stanza.first_line("Version"))
        else {
            parsed.note_skipped(stanza.line);
            continue;
        };
        let arch = stanza.first_line("Architecture").map(str::to_string);
        let (source_name, source_version) = match stanza.first_line("Source") {
            Some(source) => match source.split_once(char::is_whitespace) {
                Some((source_name, rest)) => {
                    let v = rest
                        .trim()
                        .trim_start_matches('(')
                        .trim_end_matches(')')
                        .trim();
                    (
                        source_name.to_string(),
                        if v.is_empty() { version } else { v }.to_string(),
                    )
                }
                None => (source.to_string(), version.to_string()),
            },
            None => (name.to_string(), version.to_string()),
        };
        let mut depends = Vec::new();
        for field in ["Pre-Depends", "Depends"] {
            if let Some(value) = stanza.get(field) {
                depends.extend(relations(value));
            }
        }
        let provides = stanza
            .get("Provides")
            .map(|v| relations(v).into_iter().flatten().collect())
            .unwrap_or_default();
        parsed.packages.push(RawPackage {
            name: name.to_string(),
            version: version.to_string(),
            arch,
            source_name,
            source_version,
            licenses: Vec::new(),
            depends,
            provides,
        });
    }
    parsed
}

/// A relationship field (`a (>= 1), b:any | c [amd64], d`) as groups of alternative package
/// names; version constraints, architecture qualifiers and restrictions dropped.
fn relations(value: &str) -> Vec<Vec<String>> {
    value
        .split(',')
        .map(|group| {
            group
                .split('|')
                .filter_map(|alternative| {
                    let name = alternative
                        .trim()
                        .split(|c: char| c.is_whitespace() || matches!(c, '(' | '[' | '<'))
                        .next()
                        .unwrap_or("");
                    let name = name.split(':').next().unwrap_or(name);
                    Some(name.to_string()).filter(|n| !n.is_empty())
                })
                .collect::<Vec<_>>()
        })
        .filter(|group| !group.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(name: &str) -> Vec<u8> {
        let path = format!("{}/tests/fixtures/os/{name}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    fn find<'a>(parsed: &'a Parsed, name: &str) -> &'a RawPackage {
        parsed
            .packages
            .iter()
            .find(|p| p.name == name)
            .unwrap_or_else(|| panic!("{name} not parsed"))
    }

    #[test]
    fn real_debian_12_status() {
        let parsed = parse(&fixture("dpkg-status"), true);
        let names: Vec<&str> = parsed.packages.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "base-files",
                "bash",
                "bsdutils",
                "debconf",
                "gcc-12-base",
                "libc6",
                "libgcc-s1",
                "tzdata",
                "zlib1g"
            ]
        );
        assert_eq!(parsed.skipped, 0);
        // `Source: name (version)` and an epoch.
        let bsdutils = find(&parsed, "bsdutils");
        assert_eq!(bsdutils.version, "1:2.38.1-5+deb12u3");
        assert_eq!(bsdutils.source_name, "util-linux");
        assert_eq!(bsdutils.source_version, "2.38.1-5+deb12u3");
        assert_eq!(bsdutils.arch.as_deref(), Some("amd64"));
        // binNMU: source version differs from the binary's.
        let bash = find(&parsed, "bash");
        assert_eq!(bash.version, "5.2.15-2+b8");
        assert_eq!(bash.source_version, "5.2.15-2");
        // `Source: name`: same version.
        let libc = find(&parsed, "libc6");
        assert_eq!(libc.source_name, "glibc");
        assert_eq!(libc.source_version, "2.36-9+deb12u14");
        // No `Source:`: the binary is its own source.
        let tzdata = find(&parsed, "tzdata");
        assert_eq!(tzdata.source_name, "tzdata");
        assert_eq!(tzdata.source_version, "2025b-0+deb12u2");
        assert_eq!(tzdata.arch.as_deref(), Some("all"));
        // Relationships and provides.
        let libgcc = find(&parsed, "libgcc-s1");
        assert_eq!(
            libgcc.depends,
            vec![vec!["gcc-12-base".to_string()], vec!["libc6".to_string()]]
        );
        assert_eq!(libgcc.provides, vec!["libgcc1".to_string()]);
        assert_eq!(
            find(&parsed, "tzdata").depends,
            vec![vec!["debconf".to_string(), "debconf-2.0".to_string()]]
        );
        // The `deinstall ok config-files` stanza is not a package.
        assert!(parsed.packages.iter().all(|p| p.name != "exim4-config"));
    }

    #[test]
    fn status_d_stanza_without_status_is_installed() {
        let parsed = parse(&fixture("status.d/libssl3"), false);
        assert_eq!(parsed.packages.len(), 1);
        let p = &parsed.packages[0];
        assert_eq!(p.name, "libssl3");
        assert_eq!(p.version, "3.0.17-1~deb12u2");
        assert_eq!(p.source_name, "openssl");
        assert_eq!(p.source_version, "3.0.17-1~deb12u2");
        // In the main status file, a stanza without Status: is not trusted.
        let parsed = parse(&fixture("status.d/libssl3"), true);
        assert!(parsed.packages.is_empty());
        assert_eq!(parsed.skipped, 1);
    }

    #[test]
    fn odd_fields_crlf_and_non_utf8() {
        let data = b"Package: weird\r\n\
            Status: hold ok installed\r\n\
            X-Odd-Field: \xff\xfe value\r\n\
            this line has no colon\r\n\
            # a comment\r\n\
            Version: 1.0-1\r\n\
            Architecture: arm64\r\n\
            Description: multi\r\n line \xc3\r\n\
            \r\n\
            Package: caf\xe9\n\
            Status: install ok installed\n\
            Version: 2\n";
        let parsed = parse(data, true);
        assert_eq!(parsed.skipped, 0);
        assert_eq!(parsed.packages.len(), 2);
        assert_eq!(parsed.packages[0].name, "weird");
        assert_eq!(parsed.packages[0].version, "1.0-1");
        assert_eq!(parsed.packages[0].arch.as_deref(), Some("arm64"));
        assert_eq!(parsed.packages[1].name, "caf\u{fffd}");
        assert_eq!(parsed.packages[1].arch, None);
    }

    #[test]
    fn not_installed_states_are_skipped_without_counting() {
        let data = b"Package: a\nStatus: install ok half-installed\nVersion: 1\n\n\
            Package: b\nStatus: deinstall ok config-files\nVersion: 1\n\n\
            Package: c\nStatus: install ok unpacked\nVersion: 1\n\n\
            Package: d\nStatus: purge ok not-installed\n\n\
            Package: e\nStatus: install ok installed\nVersion: 1\n";
        let parsed = parse(data, true);
        assert_eq!(parsed.packages.len(), 1);
        assert_eq!(parsed.packages[0].name, "e");
        assert_eq!(parsed.skipped, 0);
    }

    #[test]
    fn truncated_stanza_is_counted() {
        let full = fixture("dpkg-status");
        // Cut inside the last stanza, before its Version line.
        let text = String::from_utf8(full).unwrap();
        let last = text.rfind("Package: zlib1g").unwrap();
        let cut = &text[..last + "Package: zlib1g\nStatus: install ok installed\nPrior".len()];
        let parsed = parse(cut.as_bytes(), true);
        assert_eq!(parsed.packages.len(), 8);
        assert_eq!(parsed.skipped, 1);
        let line = text[..last].lines().count() + 1;
        assert_eq!(parsed.first_skipped_line, Some(line));
    }

    #[test]
    fn empty_and_blank_files() {
        assert_eq!(parse(b"", true), Parsed::default());
        assert_eq!(parse(b"\n\n  \n\r\n", true), Parsed::default());
        assert_eq!(parse(b"\x00\x01\x02\xff", true).packages.len(), 0);
    }

    #[test]
    fn relation_syntax() {
        assert_eq!(
            relations("libc6 (>= 2.34), python3:any, a | b [amd64] <!nocheck>, , c(=1)"),
            vec![
                vec!["libc6".to_string()],
                vec!["python3".to_string()],
                vec!["a".to_string(), "b".to_string()],
                vec!["c".to_string()],
            ]
        );
    }

    /// This machine's own database against `dpkg-query`.
    #[test]
    fn this_machine_matches_dpkg_query() {
        let path = "/var/lib/dpkg/status";
        let Ok(data) = std::fs::read(path) else {
            println!("skipped: {path} is absent");
            return;
        };
        let output = match std::process::Command::new("dpkg-query")
            .args(["-W", "-f=${Package} ${Status}\\n"])
            .output()
        {
            Ok(output) if output.status.success() => output,
            _ => {
                println!("skipped: dpkg-query is absent or failed");
                return;
            }
        };
        let expected = String::from_utf8_lossy(&output.stdout)
            .lines()
            .filter(|l| l.ends_with(" installed"))
            .count();
        let parsed = parse(&data, true);
        println!(
            "{path}: {} installed packages parsed, dpkg-query reports {expected}",
            parsed.packages.len()
        );
        assert_eq!(parsed.packages.len(), expected);
        assert_eq!(parsed.skipped, 0);
    }
}

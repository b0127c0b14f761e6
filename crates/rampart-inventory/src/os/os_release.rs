//! The distro release: `os-release` (freedesktop.org format: shell-style `KEY=value`
//! assignments) and the older `etc/debian_version` / `etc/alpine-release` files.

/// What the scanner needs to know about a distro release.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Release {
    /// `ID`, lower-case (`debian`, `ubuntu`, `alpine`, ...).
    pub id: Option<String>,
    /// `VERSION_ID` (`12`, `22.04`, `3.19.1`).
    pub version_id: Option<String>,
    /// `VERSION_CODENAME` (`bookworm`, `jammy`).
    pub codename: Option<String>,
    /// `PRETTY_NAME`, for display.
    pub pretty_name: Option<String>,
}

impl Release {
    /// Fill fields this release lacks from `other`, when both describe the same distro.
    pub fn fill_from(&mut self, other: &Release) {
        if self.id.is_some() && other.id.is_some() && self.id != other.id {
            return;
        }
        if self.id.is_none() {
            self.id.clone_from(&other.id);
        }
        if self.version_id.is_none() {
            self.version_id.clone_from(&other.version_id);
        }
        if self.codename.is_none() {
            self.codename.clone_from(&other.codename);
        }
        if self.pretty_name.is_none() {
            self.pretty_name.clone_from(&other.pretty_name);
        }
    }
}

/// Parse an `os-release` file. Unknown keys, comments and malformed lines are ignored; an
/// empty or unreadable file gives an empty [`Release`].
pub fn parse_os_release(data: &[u8]) -> Release {
    let text = String::from_utf8_lossy(data);
    let mut release = Release::default();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let line = line.strip_prefix("export ").unwrap_or(line).trim_start();
        let Some((key, raw)) = line.split_once('=') else {
            continue;
        };
        let key = key.trim();
        let value = shell_value(raw);
        let value = Some(value.trim().to_string()).filter(|v| !v.is_empty());
        match key {
            "ID" => release.id = value.map(|v| v.to_ascii_lowercase()),
            "VERSION_ID" => release.version_id = value,
            "VERSION_CODENAME" => release.codename = value,
            "PRETTY_NAME" => release.pretty_name = value,
            _ => {}
        }
    }
    release
}

/// The value of a shell assignment's right-hand side: double quotes (with `\"`, `\\`, `\$`,
/// `` \` `` escapes), single quotes (literal) and unquoted text (ends at unquoted whitespace
/// or `#`), concatenated as the shell would.
fn shell_value(raw: &str) -> String {
    let mut out = String::new();
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                while let Some(c) = chars.next() {
                    match c {
                        '"' => break,
                        '\\' => match chars.peek() {
                            Some(&next @ ('"' | '\\' | '$' | '`')) => {
                                out.push(next);
                                chars.next();
                            }
                            Some('\n') => {
                                chars.next();
                            }
                            _ => out.push('\\'),
                        },
                        _ => out.push(c),
                    }
                }
            }
            '\'' => {
                for c in chars.by_ref() {
                    if c == '\'' {
                        break;
                    }
                    out.push(c);
                }
            }
            '\\' => {
                if let Some(next) = chars.next() {
                    out.push(next);
                }
            }
            c if c.is_whitespace() => break,
            '#' if out.is_empty() => break,
            _ => out.push(c),
        }
    }
    out
}

/// Parse `etc/debian_version`: `12.4` (a release; the major is kept, as `os-release` has it)
/// or `bookworm/sid` (testing/unstable: no number).
pub fn parse_debian_version(data: &[u8]) -> Release {
    let text = String::from_utf8_lossy(data);
    let value = text.lines().next().unwrap_or("").trim();
    let mut release = Release {
        id: Some("debian".to_string()),
        ..Release::default()
    };
    if value.is_empty() {
        return release;
    }
    if value.starts_with(|c: char| c.is_ascii_digit()) {
        let major: String = value.chars().take_while(char::is_ascii_digit).collect();
        release.version_id = Some(major);
    } else if let Some(codename) = value.split('/').next().filter(|c| !c.is_empty()) {
        release.codename = Some(codename.to_string());
    }
    release
}

/// Parse `etc/alpine-release`: `3.19.1`.
pub fn parse_alpine_release(data: &[u8]) -> Release {
    let text = String::from_utf8_lossy(data);
    let value = text.lines().next().unwrap_or("").trim();
    Release {
        id: Some("alpine".to_string()),
        version_id: Some(value.to_string()).filter(|v| !v.is_empty()),
        ..Release::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(name: &str) -> Vec<u8> {
        let path = format!("{}/tests/fixtures/os/{name}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    #[test]
    fn debian_12() {
        let r = parse_os_release(&fixture("os-release-debian12"));
        assert_eq!(r.id.as_deref(), Some("debian"));
        assert_eq!(r.version_id.as_deref(), Some("12"));
        assert_eq!(r.codename.as_deref(), Some("bookworm"));
        assert_eq!(
            r.pretty_name.as_deref(),
            Some("Debian GNU/Linux 12 (bookworm)")
        );
    }

    #[test]
    fn ubuntu_22_04() {
        let r = parse_os_release(&fixture("os-release-ubuntu2204"));
        assert_eq!(r.id.as_deref(), Some("ubuntu"));
        assert_eq!(r.version_id.as_deref(), Some("22.04"));
        assert_eq!(r.codename.as_deref(), Some("jammy"));
        assert_eq!(r.pretty_name.as_deref(), Some("Ubuntu 22.04.4 LTS"));
    }

    #[test]
    fn alpine_3_19() {
        let r = parse_os_release(&fixture("os-release-alpine319"));
        assert_eq!(r.id.as_deref(), Some("alpine"));
        assert_eq!(r.version_id.as_deref(), Some("3.19.1"));
        assert_eq!(r.codename, None);
        assert_eq!(r.pretty_name.as_deref(), Some("Alpine Linux v3.19"));
    }

    #[test]
    fn shell_quoting_comments_and_odd_lines() {
        let text = b"# a comment\n\
            \n\
            garbage without equals\n\
            ID='Fancy'\n\
            VERSION_ID=\"1.\\\"2\\\"\"  # trailing comment\n\
            VERSION_CODENAME=  \n\
            PRETTY_NAME=Fancy\\ OS\r\n\
            =novalue\n";
        let r = parse_os_release(text);
        assert_eq!(r.id.as_deref(), Some("fancy"));
        assert_eq!(r.version_id.as_deref(), Some("1.\"2\""));
        assert_eq!(r.codename, None);
        assert_eq!(r.pretty_name.as_deref(), Some("Fancy OS"));
    }

    #[test]
    fn empty_and_binary_input() {
        assert_eq!(parse_os_release(b""), Release::default());
        let r = parse_os_release(b"ID=deb\xffian\n\x00\x01\x02");
        assert_eq!(r.id.as_deref(), Some("deb\u{fffd}ian"));
    }

    #[test]
    fn fallback_files() {
        let d = parse_debian_version(b"12.4\n");
        assert_eq!(d.id.as_deref(), Some("debian"));
        assert_eq!(d.version_id.as_deref(), Some("12"));
        let sid = parse_debian_version(b"trixie/sid\n");
        assert_eq!(sid.version_id, None);
        assert_eq!(sid.codename.as_deref(), Some("trixie"));
        let a = parse_alpine_release(b"3.19.1\n");
        assert_eq!(a.id.as_deref(), Some("alpine"));
        assert_eq!(a.version_id.as_deref(), Some("3.19.1"));
        assert_eq!(parse_alpine_release(b"").version_id, None);
    }

    #[test]
    fn fill_from_only_same_distro() {
        let mut r = parse_os_release(b"ID=debian\nPRETTY_NAME=\"Debian GNU/Linux trixie/sid\"\n");
        r.fill_from(&parse_debian_version(b"trixie/sid\n"));
        assert_eq!(r.codename.as_deref(), Some("trixie"));
        let mut u = parse_os_release(b"ID=ubuntu\n");
        u.fill_from(&parse_debian_version(b"12.1\n"));
        assert_eq!(u.version_id, None);
    }
}

//! apk's database, `lib/apk/db/installed`: one block per package, blocks separated by blank
//! lines, each line `X:value` with a one-letter field key (`P` name, `V` version, `A` arch,
//! `L` licence, `o` origin, `D` dependencies, `p` provides; `F`/`R`/`a`/`Z` list files).

use super::{Parsed, RawPackage};

#[derive(Default)]
struct Block {
    line: usize,
    name: Option<String>,
    version: Option<String>,
    arch: Option<String>,
    license: Option<String>,
    origin: Option<String>,
    depends: Vec<Vec<String>>,
    provides: Vec<String>,
}

/// Parse `lib/apk/db/installed`. Non-UTF-8 bytes become U+FFFD; CRLF is accepted; unknown
/// fields and lines that are not `X:value` are ignored.
pub fn parse(data: &[u8]) -> Parsed {
    let text = String::from_utf8_lossy(data);
    let mut parsed = Parsed::default();
    let mut block: Option<Block> = None;
    for (index, line) in text.split('\n').enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() {
            if let Some(b) = block.take() {
                parsed.finish_block(b);
            }
            continue;
        }
        let mut chars = line.chars();
        let (Some(key), Some(':')) = (chars.next(), chars.next()) else {
            continue;
        };
        let value = chars.as_str().trim();
        let b = block.get_or_insert_with(|| Block {
            line: index + 1,
            ..Block::default()
        });
        let text = || Some(value.to_string()).filter(|v| !v.is_empty());
        match key {
            'P' => b.name = text(),
            'V' => b.version = text(),
            'A' => b.arch = text(),
            'L' => b.license = text(),
            'o' => b.origin = text(),
            'D' => b.depends.extend(
                value
                    .split_whitespace()
                    .filter_map(dependency_name)
                    .map(|n| vec![n]),
            ),
            'p' => b
                .provides
                .extend(value.split_whitespace().filter_map(dependency_name)),
            _ => {}
        }
    }
    if let Some(b) = block {
        parsed.finish_block(b);
    }
    parsed
}

impl Parsed {
    fn finish_block(&mut self, b: Block) {
        let (Some(name), Some(version)) = (b.name, b.version) else {
            self.note_skipped(b.line);
            return;
        };
        self.packages.push(RawPackage {
            source_name: b.origin.unwrap_or_else(|| name.clone()),
            source_version: version.clone(),
            licenses: b.license.map(|l| vec![spdx_ish(&l)]).unwrap_or_default(),
            name,
            version,
            arch: b.arch,
            depends: b.depends,
            provides: b.provides,
        });
    }
}

/// The name in a dependency or provides token (`so:libc.musl-x86_64.so.1`, `musl>=1.2`,
/// `cmd:busybox=1.36.1-r15`); conflicts (`!name`) are not dependencies.
fn dependency_name(token: &str) -> Option<String> {
    if token.starts_with('!') {
        return None;
    }
    let end = token.find(['<', '>', '=', '~']).unwrap_or(token.len());
    Some(token[..end].to_string()).filter(|n| !n.is_empty())
}

/// Alpine's `L:` is mostly SPDX already (`MIT`, `GPL-2.0-or-later AND MIT`); only the
/// operators are upper-cased (`MIT and BSD-3-Clause`) and whitespace collapsed.
fn spdx_ish(license: &str) -> String {
    license
        .split_whitespace()
        .map(|word| match word {
            "and" => "AND",
            "or" => "OR",
            "with" => "WITH",
            other => other,
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture() -> Vec<u8> {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/os/apk-installed"
        );
        std::fs::read(path).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    #[test]
    fn alpine_installed_database() {
        let parsed = parse(&fixture());
        assert_eq!(parsed.skipped, 0);
        let names: Vec<&str> = parsed.packages.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["musl", "busybox", "libcrypto3"]);
        let crypto = &parsed.packages[2];
        assert_eq!(crypto.version, "3.1.4-r5");
        assert_eq!(crypto.arch.as_deref(), Some("x86_64"));
        assert_eq!(crypto.source_name, "openssl");
        assert_eq!(crypto.source_version, "3.1.4-r5");
        assert_eq!(crypto.licenses, vec!["Apache-2.0".to_string()]);
        assert_eq!(
            crypto.depends,
            vec![vec!["so:libc.musl-x86_64.so.1".to_string()]]
        );
        assert_eq!(crypto.provides, vec!["so:libcrypto.so.3".to_string()]);
        let musl = &parsed.packages[0];
        assert_eq!(musl.version, "1.2.4_git20230717-r4");
        assert_eq!(musl.licenses, vec!["MIT".to_string()]);
        assert_eq!(musl.provides, vec!["so:libc.musl-x86_64.so.1".to_string()]);
        assert!(musl.depends.is_empty());
        assert_eq!(parsed.packages[1].provides, vec!["cmd:busybox".to_string()]);
    }

    #[test]
    fn bad_input() {
        assert_eq!(parse(b""), Parsed::default());
        assert_eq!(parse(b"\n\r\n\n"), Parsed::default());
        // Odd fields, non-UTF-8, CRLF, a block without V:, a truncated last block.
        let data = b"P:caf\xe9\r\nV:1.0-r0\r\nQ:unknown field\r\nnot a field\r\nL:MIT and  BSD-2-Clause\r\n\r\n\
            P:noversion\nA:x86_64\n\n\
            P:good\nV:2-r1\nD:!conflict so:libc.musl-x86_64.so.1 musl>=1.2\n\n\
            C:Q1abc=\nP:trunc";
        let parsed = parse(data);
        let names: Vec<&str> = parsed.packages.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["caf\u{fffd}", "good"]);
        assert_eq!(
            parsed.packages[0].licenses,
            vec!["MIT AND BSD-2-Clause".to_string()]
        );
        assert_eq!(
            parsed.packages[1].depends,
            vec![
                vec!["so:libc.musl-x86_64.so.1".to_string()],
                vec!["musl".to_string()]
            ]
        );
        assert_eq!(parsed.packages[1].source_name, "good");
        assert_eq!(parsed.skipped, 2);
        assert_eq!(parsed.first_skipped_line, Some(7));
    }
}

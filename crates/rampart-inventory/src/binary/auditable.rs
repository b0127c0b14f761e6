//! Rust binaries built with `cargo auditable`: the dependency tree as zlib-compressed JSON in
//! the ELF section `.dep-v0`
//! (`{"packages":[{"name","version","source","kind"?,"dependencies"?,"root"?}],"format":1}`).
//!
//! The section is found through the ELF section header table (ELF32 or ELF64, either byte
//! order) and its name in the section-name string table (`e_shstrndx`). `strip` keeps the
//! section: it is not debug information. Only ELF is read (cargo auditable also writes
//! Mach-O, PE and WebAssembly sections; those are not read here).
//!
//! Everything works on untrusted bytes: every offset and size is checked against the file,
//! and decompression stops at [`MAX_DEP_INFO_INFLATED`].

use std::io::Read;

use rampart_core::Package;
use serde::Deserialize;

use crate::ParseError;
use crate::purl::purl;

/// The section cargo auditable writes.
pub const SECTION_NAME: &str = ".dep-v0";

/// Most bytes the section may inflate to (a tree of thousands of crates is well under 1 MiB).
pub const MAX_DEP_INFO_INFLATED: u64 = 8 * 1024 * 1024;

/// Most section headers walked.
const MAX_SECTIONS: usize = 65_535;

/// `SHT_NOBITS`: a section without bytes in the file.
const SHT_NOBITS: u32 = 8;

/// The decoded `.dep-v0` JSON.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct AuditInfo {
    /// Every package in the build, root included.
    pub packages: Vec<AuditPackage>,
}

/// One package of the dependency tree.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct AuditPackage {
    /// Crate name.
    pub name: String,
    /// Version.
    pub version: String,
    /// `crates.io`, `local`, `git`, `registry` or `other`.
    #[serde(default)]
    pub source: String,
    /// `runtime` (the default when absent) or `build`.
    #[serde(default)]
    pub kind: Option<String>,
    /// Indexes into `packages`.
    #[serde(default)]
    pub dependencies: Vec<usize>,
    /// Whether this is the package that was built.
    #[serde(default)]
    pub root: bool,
}

struct Elf<'a> {
    data: &'a [u8],
    is64: bool,
    big_endian: bool,
}

impl Elf<'_> {
    fn uint(&self, at: usize, size: usize) -> Option<u64> {
        let b = self.data.get(at..at.checked_add(size)?)?;
        let mut value = 0u64;
        for i in 0..size {
            let byte = if self.big_endian {
                b[i]
            } else {
                b[size - 1 - i]
            };
            value = (value << 8) | u64::from(byte);
        }
        Some(value)
    }

    fn word(&self, at: usize) -> Option<u64> {
        self.uint(at, if self.is64 { 8 } else { 4 })
    }
}

fn truncated(what: &str) -> ParseError {
    ParseError::new(format!(
        "ELF: {what} is truncated or past the end of the file"
    ))
}

/// The bytes of the ELF section named `name`; `Ok(None)` when the file is ELF without such a
/// section (or without section headers), an error when the headers are inconsistent.
pub fn elf_section<'a>(data: &'a [u8], name: &str) -> Result<Option<&'a [u8]>, ParseError> {
    if !data.starts_with(b"\x7fELF") {
        return Err(ParseError::new("ELF: no ELF magic"));
    }
    let ident = data
        .get(..16)
        .ok_or_else(|| truncated("the identification"))?;
    let is64 = match ident[4] {
        1 => false,
        2 => true,
        c => return Err(ParseError::new(format!("ELF: unknown class {c}"))),
    };
    let big_endian = match ident[5] {
        1 => false,
        2 => true,
        d => return Err(ParseError::new(format!("ELF: unknown data encoding {d}"))),
    };
    let elf = Elf {
        data,
        is64,
        big_endian,
    };
    let (shoff_at, shentsize_at) = if is64 { (0x28, 0x3a) } else { (0x20, 0x2e) };
    let shoff = elf
        .word(shoff_at)
        .ok_or_else(|| truncated("the file header"))?;
    let half = |at: usize| elf.uint(at, 2).ok_or_else(|| truncated("the file header"));
    let shentsize = half(shentsize_at)? as usize;
    let shnum = half(shentsize_at + 2)? as usize;
    let shstrndx = half(shentsize_at + 4)? as usize;
    if shoff == 0 || shnum == 0 {
        // No section headers (or extended numbering with the count in section 0, which
        // only files with 65280+ sections use).
        return Ok(None);
    }
    let min_entsize = if is64 { 64 } else { 40 };
    if shentsize < min_entsize {
        return Err(ParseError::new(format!(
            "ELF: section header size {shentsize} is smaller than {min_entsize}"
        )));
    }
    if shnum > MAX_SECTIONS {
        return Err(ParseError::new(format!("ELF: {shnum} sections")));
    }
    if shstrndx == 0xffff {
        return Err(ParseError::new(
            "ELF: extended section-name string table index is not supported",
        ));
    }
    shoff
        .checked_add((shentsize * shnum) as u64)
        .filter(|&end| end <= data.len() as u64)
        .ok_or_else(|| {
            ParseError::new(format!(
                "ELF: the section header table ({shnum} entries of {shentsize} bytes at \
                 offset {shoff}) runs past the end of the {}-byte file",
                data.len()
            ))
        })?;
    let shoff = shoff as usize;
    // (name offset, type, file offset, size) of section `i`.
    let header = |i: usize| -> Result<(u64, u32, u64, u64), ParseError> {
        let at = shoff + i * shentsize;
        let fields = if is64 {
            (
                elf.uint(at, 4),
                elf.uint(at + 4, 4),
                elf.uint(at + 0x18, 8),
                elf.uint(at + 0x20, 8),
            )
        } else {
            (
                elf.uint(at, 4),
                elf.uint(at + 4, 4),
                elf.uint(at + 0x10, 4),
                elf.uint(at + 0x14, 4),
            )
        };
        match fields {
            (Some(n), Some(t), Some(o), Some(s)) => Ok((n, t as u32, o, s)),
            _ => Err(truncated("a section header")),
        }
    };
    let bytes = |offset: u64, size: u64, what: &str| -> Result<&[u8], ParseError> {
        offset
            .checked_add(size)
            .filter(|&end| end <= data.len() as u64)
            .map(|end| &data[offset as usize..end as usize])
            .ok_or_else(|| {
                ParseError::new(format!(
                    "ELF: {what} ({size} bytes at offset {offset}) runs past the end of the \
                     {}-byte file",
                    data.len()
                ))
            })
    };
    if shstrndx >= shnum {
        return Err(ParseError::new(format!(
            "ELF: section-name string table index {shstrndx} is not below the {shnum} sections"
        )));
    }
    let (_, _, str_off, str_size) = header(shstrndx)?;
    let strtab = bytes(str_off, str_size, "the section-name string table")?;
    for i in 0..shnum {
        let (name_off, kind, offset, size) = header(i)?;
        let Some(rest) = usize::try_from(name_off).ok().and_then(|o| strtab.get(o..)) else {
            continue;
        };
        let section_name = rest.split(|&b| b == 0).next().unwrap_or_default();
        if section_name == name.as_bytes() {
            if kind == SHT_NOBITS {
                return Ok(None);
            }
            return bytes(offset, size, &format!("section {name}")).map(Some);
        }
    }
    Ok(None)
}

/// Decode the `.dep-v0` section contents: zlib-compressed JSON.
pub fn parse_dep_info(section: &[u8]) -> Result<AuditInfo, ParseError> {
    let mut json = Vec::new();
    flate2::read::ZlibDecoder::new(section)
        .take(MAX_DEP_INFO_INFLATED + 1)
        .read_to_end(&mut json)
        .map_err(|e| {
            ParseError::new(format!(
                "cargo auditable: {SECTION_NAME} is not zlib data: {e}"
            ))
        })?;
    if json.len() as u64 > MAX_DEP_INFO_INFLATED {
        return Err(ParseError::new(format!(
            "cargo auditable: {SECTION_NAME} inflates to more than {MAX_DEP_INFO_INFLATED} bytes"
        )));
    }
    let info: AuditInfo = serde_json::from_slice(&json).map_err(|e| {
        ParseError::new(format!(
            "cargo auditable: {SECTION_NAME} is not the expected JSON: {e}"
        ))
    })?;
    let count = info.packages.len();
    for p in &info.packages {
        if let Some(&bad) = p.dependencies.iter().find(|&&d| d >= count) {
            return Err(ParseError::new(format!(
                "cargo auditable: {} depends on package index {bad}, but there are {count}",
                p.name
            )));
        }
    }
    Ok(info)
}

/// The dependency tree recorded by cargo auditable, `None` when the ELF has none.
pub fn audit_info(data: &[u8]) -> Result<Option<AuditInfo>, ParseError> {
    elf_section(data, SECTION_NAME)?
        .map(parse_dep_info)
        .transpose()
}

fn cargo_purl(p: &AuditPackage) -> String {
    purl("cargo", None, &p.name, Some(&p.version), &[])
}

/// The crates.io packages of the tree, the root package excluded; local, git and other
/// registries' packages are skipped (no crates.io version to match advisories against).
/// `dependencies` lists the purls of crates.io dependencies; `direct` is whether the root
/// depends on it. `locations` are left for the caller.
pub fn audit_packages(info: &AuditInfo) -> Vec<Package> {
    let direct: Vec<usize> = info
        .packages
        .iter()
        .filter(|p| p.root)
        .flat_map(|p| p.dependencies.iter().copied())
        .collect();
    let has_root = info.packages.iter().any(|p| p.root);
    let mut out: Vec<Package> = Vec::new();
    for (i, p) in info.packages.iter().enumerate() {
        if p.root || p.source != "crates.io" {
            continue;
        }
        let purl = cargo_purl(p);
        if out.iter().any(|o| o.purl == purl) {
            continue;
        }
        let mut dependencies: Vec<String> = p
            .dependencies
            .iter()
            .filter_map(|&d| info.packages.get(d))
            .filter(|d| d.source == "crates.io")
            .map(cargo_purl)
            .collect();
        dependencies.sort();
        dependencies.dedup();
        out.push(Package {
            name: p.name.clone(),
            version: p.version.clone(),
            ecosystem: "crates.io".to_string(),
            purl,
            licenses: Vec::new(),
            locations: Vec::new(),
            direct: has_root.then(|| direct.contains(&i)),
            from_manifest: false,
            source_name: None,
            source_version: None,
            dependencies,
            layer: None,
        });
    }
    out
}

/// [`audit_info`] then [`audit_packages`]: no packages when the ELF has no `.dep-v0`.
pub fn auditable_binary_packages(data: &[u8]) -> Result<Vec<Package>, ParseError> {
    Ok(audit_info(data)?
        .map(|info| audit_packages(&info))
        .unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn fixture(name: &str) -> Vec<u8> {
        let path = format!(
            "{}/tests/fixtures/binary/{name}",
            env!("CARGO_MANIFEST_DIR")
        );
        std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    fn zlib(data: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    /// A minimal ELF with a null section, the given named sections and `.shstrtab`.
    fn elf(is64: bool, big_endian: bool, sections: &[(&str, &[u8])]) -> Vec<u8> {
        let put = |buf: &mut Vec<u8>, value: u64, size: usize| {
            let bytes = value.to_be_bytes();
            let slice = &bytes[8 - size..];
            if big_endian {
                buf.extend_from_slice(slice);
            } else {
                buf.extend(slice.iter().rev());
            }
        };
        let (ehsize, shentsize, word) = if is64 { (64, 64, 8) } else { (52, 40, 4) };
        let mut body = Vec::new();
        let mut strtab = vec![0u8];
        let mut placed = Vec::new();
        for (name, content) in sections {
            let name_off = strtab.len();
            strtab.extend_from_slice(name.as_bytes());
            strtab.push(0);
            placed.push((name_off, ehsize + body.len(), content.len()));
            body.extend_from_slice(content);
        }
        let shstr_name = strtab.len();
        strtab.extend_from_slice(b".shstrtab\0");
        placed.push((shstr_name, ehsize + body.len(), strtab.len()));
        body.extend_from_slice(&strtab);
        let shoff = ehsize + body.len();
        let shnum = placed.len() + 1;
        let mut out = b"\x7fELF".to_vec();
        out.push(if is64 { 2 } else { 1 });
        out.push(if big_endian { 2 } else { 1 });
        out.push(1);
        out.resize(16, 0);
        put(&mut out, 2, 2); // e_type
        put(&mut out, 62, 2); // e_machine
        put(&mut out, 1, 4); // e_version
        put(&mut out, 0, word); // e_entry
        put(&mut out, 0, word); // e_phoff
        put(&mut out, shoff as u64, word);
        put(&mut out, 0, 4); // e_flags
        put(&mut out, ehsize as u64, 2);
        put(&mut out, 0, 2); // e_phentsize
        put(&mut out, 0, 2); // e_phnum
        put(&mut out, shentsize as u64, 2);
        put(&mut out, shnum as u64, 2);
        put(&mut out, (shnum - 1) as u64, 2);
        assert_eq!(out.len(), ehsize);
        out.extend_from_slice(&body);
        out.resize(out.len() + shentsize, 0); // null section
        for (name, offset, size) in placed {
            let start = out.len();
            put(&mut out, name as u64, 4);
            put(&mut out, 1, 4); // PROGBITS
            put(&mut out, 0, word); // flags
            put(&mut out, 0, word); // addr
            put(&mut out, offset as u64, word);
            put(&mut out, size as u64, word);
            out.resize(start + shentsize, 0);
        }
        out
    }

    const JSON: &[u8] = br#"{"packages":[
        {"name":"itoa","version":"1.0.11","source":"crates.io"},
        {"name":"serde","version":"1.0.200","source":"crates.io","dependencies":[3]},
        {"name":"app","version":"0.1.0","source":"local","dependencies":[0,1,4],"root":true},
        {"name":"serde_derive","version":"1.0.200","source":"crates.io","kind":"build"},
        {"name":"forked","version":"0.2.0","source":"git","dependencies":[0]}
    ],"format":1}"#;

    #[test]
    fn real_stripped_auditable_binary() {
        // Built with cargo-auditable 0.7.7 (rustc 1.95.0): a binary crate `tinyaud` using
        // itoa 1.0.11, release, then `strip`; `rust-audit-info` 0.5.4 printed
        // {"packages":[{"name":"itoa","version":"1.0.11","source":"crates.io"},
        // {"name":"tinyaud","version":"0.1.0","source":"local","dependencies":[0],"root":true}],
        // "format":1}
        let data = fixture("rust-auditable-itoa-stripped");
        let info = audit_info(&data).unwrap().unwrap();
        assert_eq!(info.packages.len(), 2);
        assert_eq!(info.packages[1].name, "tinyaud");
        assert!(info.packages[1].root);
        let packages = audit_packages(&info);
        assert_eq!(packages.len(), 1);
        let p = &packages[0];
        assert_eq!(
            (p.name.as_str(), p.version.as_str(), p.ecosystem.as_str()),
            ("itoa", "1.0.11", "crates.io")
        );
        assert_eq!(p.purl, "pkg:cargo/itoa@1.0.11");
        assert_eq!(p.direct, Some(true));
    }

    #[test]
    fn synthetic_elfs_of_every_class_and_byte_order() {
        for is64 in [false, true] {
            for big_endian in [false, true] {
                let data = elf(
                    is64,
                    big_endian,
                    &[(".text", b"\x90\x90"), (SECTION_NAME, &zlib(JSON))],
                );
                let packages = auditable_binary_packages(&data).unwrap();
                let got: Vec<(&str, Option<bool>, &[String])> = packages
                    .iter()
                    .map(|p| (p.purl.as_str(), p.direct, p.dependencies.as_slice()))
                    .collect();
                assert_eq!(
                    got,
                    [
                        ("pkg:cargo/itoa@1.0.11", Some(true), &[][..]),
                        (
                            "pkg:cargo/serde@1.0.200",
                            Some(true),
                            &["pkg:cargo/serde_derive@1.0.200".to_string()][..]
                        ),
                        ("pkg:cargo/serde_derive@1.0.200", Some(false), &[][..]),
                    ],
                    "is64={is64} big_endian={big_endian}"
                );
                // Without the section: nothing, no error.
                let plain = elf(is64, big_endian, &[(".text", b"\x90")]);
                assert_eq!(audit_info(&plain).unwrap(), None);
            }
        }
    }

    #[test]
    fn hostile_inputs() {
        let good = elf(true, false, &[(SECTION_NAME, &zlib(JSON))]);
        for end in 0..good.len() {
            let _ = audit_info(&good[..end]);
        }
        for i in 0..good.len() {
            let mut bad = good.clone();
            bad[i] ^= 0xff;
            let _ = audit_info(&bad);
        }
        let real = fixture("rust-auditable-itoa-stripped");
        for end in (0..real.len()).step_by(997).chain([real.len() - 1]) {
            let _ = audit_info(&real[..end]);
        }
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        for len in [16usize, 64, 100, 4096] {
            let mut data: Vec<u8> = (0..len)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    state as u8
                })
                .collect();
            data[..4].copy_from_slice(b"\x7fELF");
            data[4] = 2;
            data[5] = 1;
            let _ = audit_info(&data);
        }
        // Section header table pointing past the end.
        let mut past = good.clone();
        past[0x28..0x30].copy_from_slice(&(good.len() as u64 + 100).to_le_bytes());
        let e = audit_info(&past).unwrap_err();
        assert!(e.message.contains("section header table"), "{e}");
        // The section's own offset pointing past the end.
        let shoff = u64::from_le_bytes(good[0x28..0x30].try_into().unwrap()) as usize;
        let mut section_past = good.clone();
        let at = shoff + 64 + 0x18;
        section_past[at..at + 8].copy_from_slice(&u64::MAX.to_le_bytes());
        let e = audit_info(&section_past).unwrap_err();
        assert!(e.message.contains("section .dep-v0"), "{e}");
        // Not zlib, not JSON, dangling dependency index, a zlib bomb.
        let e = audit_info(&elf(true, false, &[(SECTION_NAME, b"plain")])).unwrap_err();
        assert!(e.message.contains("zlib"), "{e}");
        let e = audit_info(&elf(true, false, &[(SECTION_NAME, &zlib(b"{}"))])).unwrap_err();
        assert!(e.message.contains("JSON"), "{e}");
        let dangling =
            br#"{"packages":[{"name":"a","version":"1","source":"crates.io","dependencies":[7]}]}"#;
        let e = audit_info(&elf(true, false, &[(SECTION_NAME, &zlib(dangling))])).unwrap_err();
        assert!(e.message.contains("index 7"), "{e}");
        let bomb = zlib(&vec![b' '; MAX_DEP_INFO_INFLATED as usize + 10]);
        let e = audit_info(&elf(true, false, &[(SECTION_NAME, &bomb)])).unwrap_err();
        assert!(e.message.contains("inflates to more"), "{e}");
    }
}

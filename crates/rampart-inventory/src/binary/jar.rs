//! Java archives (`.jar`, `.war`, `.ear`): the Maven coordinates that Maven (and most other
//! build tools) record in `META-INF/maven/<groupId>/<artifactId>/pom.properties`.
//!
//! The zip container is read here directly: the end-of-central-directory record is searched
//! for from the end of the file (at most 64 KiB of comment back), the central directory is
//! walked, and only the entries of interest are located through their local headers and
//! inflated (stored or deflate). Nested archives (`BOOT-INF/lib/*.jar` in Spring Boot fat
//! jars, `WEB-INF/lib/*.jar` in wars, any `*.jar` entry) are read one level deep.
//!
//! Everything works on untrusted bytes: every offset and length is checked, inflation is
//! capped per entry and per archive (zip bombs cost at most [`MAX_ARCHIVE_INFLATED`]), and
//! zip64 archives are reported as unsupported rather than guessed at. A jar without any
//! `pom.properties` yields no packages: names are not guessed from file names.

use std::io::Read;

use rampart_core::Package;

use crate::ParseError;
use crate::purl::purl;

/// Most bytes one `pom.properties` entry may inflate to.
pub const MAX_ENTRY_INFLATED: u64 = 1024 * 1024;

/// Most bytes inflated from one archive, nested archives included.
pub const MAX_ARCHIVE_INFLATED: u64 = 64 * 1024 * 1024;

/// Most central-directory entries walked in one archive.
const MAX_ENTRIES: usize = 1 << 20;

/// Most nested archives read inside one archive.
const MAX_NESTED: usize = 4096;

const EOCD_SIG: &[u8; 4] = b"PK\x05\x06";
const EOCD_LEN: usize = 22;
const ZIP64_LOCATOR_SIG: &[u8; 4] = b"PK\x06\x07";
const CENTRAL_SIG: &[u8; 4] = b"PK\x01\x02";
const CENTRAL_LEN: usize = 46;
const LOCAL_SIG: &[u8; 4] = b"PK\x03\x04";
const LOCAL_LEN: usize = 30;

/// Whether a path names a Java archive this reader handles.
pub fn is_java_archive_name(path: &str) -> bool {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    let lower = name.to_ascii_lowercase();
    [".jar", ".war", ".ear"]
        .iter()
        .any(|ext| lower.len() > ext.len() && lower.ends_with(ext))
}

fn u16_at(data: &[u8], at: usize) -> Option<u16> {
    let b = data.get(at..at.checked_add(2)?)?;
    Some(u16::from_le_bytes([b[0], b[1]]))
}

fn u32_at(data: &[u8], at: usize) -> Option<u32> {
    let b = data.get(at..at.checked_add(4)?)?;
    Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

/// One central-directory entry, as far as this reader needs it.
#[derive(Debug, Clone)]
struct Entry {
    name: String,
    flags: u16,
    method: u16,
    compressed_size: u64,
    uncompressed_size: u64,
    /// Absolute offset of the local header in the data.
    local_offset: u64,
}

/// The central directory of a zip archive.
fn central_directory(data: &[u8]) -> Result<Vec<Entry>, ParseError> {
    if data.len() < EOCD_LEN {
        return Err(ParseError::new(format!(
            "zip: {} bytes are too short for an end-of-central-directory record",
            data.len()
        )));
    }
    // The record is 22 bytes plus a comment of at most 65535 bytes.
    let lowest = data.len().saturating_sub(EOCD_LEN + usize::from(u16::MAX));
    let mut at = data.len() - EOCD_LEN;
    let eocd = loop {
        if &data[at..at + 4] == EOCD_SIG {
            let comment = usize::from(u16_at(data, at + 20).unwrap_or(0));
            if at + EOCD_LEN + comment <= data.len() {
                break at;
            }
        }
        if at == lowest {
            return Err(ParseError::new(
                "zip: no end-of-central-directory record (not a zip archive, or truncated)",
            ));
        }
        at -= 1;
    };
    let field16 = |off: usize| u16_at(data, eocd + off).unwrap_or(0);
    let field32 = |off: usize| u32_at(data, eocd + off).unwrap_or(0);
    let (disk, cd_disk, disk_entries, entries) = (field16(4), field16(6), field16(8), field16(10));
    let (cd_size, cd_offset) = (field32(12), field32(16));
    let zip64_locator = eocd >= 20 && &data[eocd - 20..eocd - 16] == ZIP64_LOCATOR_SIG;
    if zip64_locator
        || entries == u16::MAX
        || disk_entries == u16::MAX
        || cd_size == u32::MAX
        || cd_offset == u32::MAX
    {
        return Err(ParseError::new("zip: zip64 archives are not supported"));
    }
    if disk != 0 || cd_disk != 0 || disk_entries != entries {
        return Err(ParseError::new(
            "zip: multi-volume (spanned) archives are not supported",
        ));
    }
    let (cd_size, cd_offset) = (cd_size as usize, cd_offset as usize);
    if cd_size > eocd {
        return Err(ParseError::new(format!(
            "zip: the central directory claims {cd_size} bytes but the end record is at \
             offset {eocd}"
        )));
    }
    // Data prepended to the archive (a launcher script) shifts every offset by this much.
    let cd_start = eocd - cd_size;
    let base = cd_start.checked_sub(cd_offset).ok_or_else(|| {
        ParseError::new(format!(
            "zip: the central directory offset {cd_offset} plus its size {cd_size} is past \
             the end record at offset {eocd}"
        ))
    })?;
    let entries = usize::from(entries);
    if entries.saturating_mul(CENTRAL_LEN) > cd_size {
        return Err(ParseError::new(format!(
            "zip: {entries} entries cannot fit in a central directory of {cd_size} bytes"
        )));
    }
    let cd = &data[cd_start..eocd];
    let mut out = Vec::with_capacity(entries.min(MAX_ENTRIES));
    let mut pos = 0usize;
    for index in 0..entries.min(MAX_ENTRIES) {
        let bad = || {
            ParseError::new(format!(
                "zip: central directory entry {index} at offset {} is truncated or has no \
                 signature",
                cd_start + pos
            ))
        };
        let header = cd.get(pos..pos + CENTRAL_LEN).ok_or_else(bad)?;
        if &header[..4] != CENTRAL_SIG {
            return Err(bad());
        }
        let flags = u16_at(header, 8).unwrap_or(0);
        let method = u16_at(header, 10).unwrap_or(0);
        let compressed = u32_at(header, 20).unwrap_or(0);
        let uncompressed = u32_at(header, 24).unwrap_or(0);
        let name_len = usize::from(u16_at(header, 28).unwrap_or(0));
        let extra_len = usize::from(u16_at(header, 30).unwrap_or(0));
        let comment_len = usize::from(u16_at(header, 32).unwrap_or(0));
        let local = u32_at(header, 42).unwrap_or(0);
        let name_start = pos + CENTRAL_LEN;
        let name = cd.get(name_start..name_start + name_len).ok_or_else(bad)?;
        let next = name_start + name_len + extra_len + comment_len;
        if next > cd.len() {
            return Err(bad());
        }
        if compressed == u32::MAX || uncompressed == u32::MAX || local == u32::MAX {
            return Err(ParseError::new(format!(
                "zip: entry {} uses zip64 sizes or offsets, which are not supported",
                String::from_utf8_lossy(name)
            )));
        }
        out.push(Entry {
            name: String::from_utf8_lossy(name).into_owned(),
            flags,
            method,
            compressed_size: u64::from(compressed),
            uncompressed_size: u64::from(uncompressed),
            local_offset: base as u64 + u64::from(local),
        });
        pos = next;
    }
    Ok(out)
}

/// The bytes of one entry, inflated, at most `cap` of them; `budget` is the archive's
/// remaining inflation allowance and is charged for what is produced.
fn entry_data(
    data: &[u8],
    entry: &Entry,
    cap: u64,
    budget: &mut u64,
) -> Result<Vec<u8>, ParseError> {
    let what = |msg: &str| ParseError::new(format!("zip: entry {}: {msg}", entry.name));
    if entry.flags & 1 != 0 {
        return Err(what("is encrypted"));
    }
    let local = usize::try_from(entry.local_offset)
        .ok()
        .filter(|&l| l <= data.len())
        .ok_or_else(|| {
            what(&format!(
                "local header offset {} is past the end of the {}-byte archive",
                entry.local_offset,
                data.len()
            ))
        })?;
    let header = data
        .get(local..local + LOCAL_LEN)
        .filter(|h| &h[..4] == LOCAL_SIG)
        .ok_or_else(|| {
            what(&format!(
                "no local header at offset {local} (bogus offset or truncated archive)"
            ))
        })?;
    let name_len = usize::from(u16_at(header, 26).unwrap_or(0));
    let extra_len = usize::from(u16_at(header, 28).unwrap_or(0));
    let start = local + LOCAL_LEN + name_len + extra_len;
    let compressed = usize::try_from(entry.compressed_size).unwrap_or(usize::MAX);
    let raw = start
        .checked_add(compressed)
        .and_then(|end| data.get(start..end))
        .ok_or_else(|| {
            what(&format!(
                "its {} compressed bytes at offset {start} run past the end of the archive",
                entry.compressed_size
            ))
        })?;
    let limit = cap.min(*budget);
    let out = match entry.method {
        0 => {
            if raw.len() as u64 > limit {
                return Err(what(&format!(
                    "is {} bytes, more than the {limit} accepted",
                    raw.len()
                )));
            }
            raw.to_vec()
        }
        8 => {
            // The declared size is only a hint: never reserve more than 1 MiB on its word.
            let hint = entry.uncompressed_size.min(limit).min(MAX_ENTRY_INFLATED);
            let mut out = Vec::with_capacity(hint as usize);
            flate2::read::DeflateDecoder::new(raw)
                .take(limit + 1)
                .read_to_end(&mut out)
                .map_err(|e| what(&format!("invalid deflate data: {e}")))?;
            if out.len() as u64 > limit {
                return Err(what(&format!(
                    "inflates to more than the {limit} bytes accepted (zip bomb?)"
                )));
            }
            out
        }
        m => {
            return Err(what(&format!(
                "compression method {m} is not supported (only stored and deflate)"
            )));
        }
    };
    *budget -= out.len() as u64;
    Ok(out)
}

/// `key=value` (or `key:value`, `key value`) lines of a Java properties file, `#` and `!`
/// comments skipped. Line continuations and escapes are not interpreted (Maven writes none
/// in `pom.properties`).
fn properties(text: &str) -> Vec<(&str, &str)> {
    text.lines()
        .map(str::trim_start)
        .filter(|l| !l.is_empty() && !l.starts_with('#') && !l.starts_with('!'))
        .map(|l| match l.find(['=', ':', ' ', '\t']) {
            Some(i) => {
                let (key, rest) = l.split_at(i);
                let rest = rest.trim_start_matches([' ', '\t']);
                let rest = rest
                    .strip_prefix(['=', ':'])
                    .unwrap_or(rest)
                    .trim_start_matches([' ', '\t']);
                (key, rest.trim_end())
            }
            None => (l, ""),
        })
        .collect()
}

/// The Maven package a `pom.properties` describes.
fn pom_package(entry: &str, text: &str) -> Result<Package, ParseError> {
    let props = properties(text);
    let get = |key: &str| {
        props
            .iter()
            .rev()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| *v)
            .filter(|v| !v.is_empty())
            .ok_or_else(|| ParseError::new(format!("{entry}: no `{key}` property")))
    };
    let (group, artifact, version) = (get("groupId")?, get("artifactId")?, get("version")?);
    Ok(Package {
        name: format!("{group}:{artifact}"),
        version: version.to_string(),
        ecosystem: "Maven".to_string(),
        purl: purl("maven", Some(group), artifact, Some(version), &[]),
        licenses: Vec::new(),
        locations: Vec::new(),
        direct: None,
        from_manifest: false,
        source_name: None,
        source_version: None,
        dependencies: Vec::new(),
        layer: None,
    })
}

fn is_pom_properties(name: &str) -> bool {
    let parts: Vec<&str> = name.split('/').collect();
    matches!(
        parts.as_slice(),
        ["META-INF", "maven", g, a, "pom.properties"] if !g.is_empty() && !a.is_empty()
    )
}

/// What a Java archive holds: its packages, and the nested archives that could not be read
/// (the outer archive's packages are kept when a nested one is broken).
#[derive(Debug, Default)]
pub struct JarInventory {
    /// Maven packages, from the archive and the archives nested in it, without duplicates.
    pub packages: Vec<Package>,
    /// Problems with nested archives, each naming the nested entry.
    pub nested_errors: Vec<ParseError>,
}

fn read_archive(
    data: &[u8],
    nested: bool,
    budget: &mut u64,
    inventory: &mut JarInventory,
) -> Result<(), ParseError> {
    let entries = central_directory(data)?;
    let mut nested_read = 0usize;
    for entry in &entries {
        if is_pom_properties(&entry.name) {
            let bytes = entry_data(data, entry, MAX_ENTRY_INFLATED, budget)?;
            let package = pom_package(&entry.name, &String::from_utf8_lossy(&bytes))?;
            if !inventory.packages.iter().any(|p| p.purl == package.purl) {
                inventory.packages.push(package);
            }
        } else if !nested
            && is_java_archive_name(&entry.name)
            && !entry.name.ends_with('/')
            && nested_read < MAX_NESTED
        {
            nested_read += 1;
            let result = entry_data(data, entry, MAX_ARCHIVE_INFLATED, budget)
                .and_then(|inner| read_archive(&inner, true, budget, inventory));
            if let Err(e) = result {
                inventory.nested_errors.push(ParseError::new(format!(
                    "nested archive {}: {e}",
                    entry.name
                )));
            }
        }
    }
    Ok(())
}

/// Read a Java archive and the archives nested in it (one level deep). An error means the
/// archive itself cannot be read; broken nested archives are listed in the result.
pub fn jar_inventory(data: &[u8]) -> Result<JarInventory, ParseError> {
    let mut inventory = JarInventory::default();
    let mut budget = MAX_ARCHIVE_INFLATED;
    read_archive(data, false, &mut budget, &mut inventory)?;
    Ok(inventory)
}

/// The Maven packages of a Java archive, failing on any problem, nested ones included.
pub fn jar_packages(data: &[u8]) -> Result<Vec<Package>, ParseError> {
    let mut inventory = jar_inventory(data)?;
    match inventory.nested_errors.drain(..).next() {
        Some(e) => Err(e),
        None => Ok(inventory.packages),
    }
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

    fn purls(packages: &[Package]) -> Vec<&str> {
        packages.iter().map(|p| p.purl.as_str()).collect()
    }

    /// A minimal zip writer: (name, method, bytes) entries, deflated when method is 8.
    fn zip(entries: &[(&str, u16, &[u8])]) -> Vec<u8> {
        let mut out = Vec::new();
        let mut central = Vec::new();
        for (name, method, content) in entries {
            let stored = if *method == 8 {
                let mut e =
                    flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::best());
                e.write_all(content).unwrap();
                e.finish().unwrap()
            } else {
                content.to_vec()
            };
            let offset = out.len() as u32;
            let common = |buf: &mut Vec<u8>| {
                buf.extend_from_slice(&0u16.to_le_bytes()); // flags
                buf.extend_from_slice(&method.to_le_bytes());
                buf.extend_from_slice(&[0; 8]); // time, date, crc
                buf.extend_from_slice(&(stored.len() as u32).to_le_bytes());
                buf.extend_from_slice(&(content.len() as u32).to_le_bytes());
                buf.extend_from_slice(&(name.len() as u16).to_le_bytes());
                buf.extend_from_slice(&0u16.to_le_bytes()); // extra
            };
            out.extend_from_slice(LOCAL_SIG);
            out.extend_from_slice(&20u16.to_le_bytes());
            common(&mut out);
            out.extend_from_slice(name.as_bytes());
            out.extend_from_slice(&stored);
            central.extend_from_slice(CENTRAL_SIG);
            central.extend_from_slice(&20u16.to_le_bytes());
            central.extend_from_slice(&20u16.to_le_bytes());
            common(&mut central);
            central.extend_from_slice(&[0; 10]); // comment, disk, attrs
            central.extend_from_slice(&offset.to_le_bytes());
            central.extend_from_slice(name.as_bytes());
        }
        let cd_offset = out.len() as u32;
        out.extend_from_slice(&central);
        out.extend_from_slice(EOCD_SIG);
        out.extend_from_slice(&[0; 4]);
        out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
        out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
        out.extend_from_slice(&(central.len() as u32).to_le_bytes());
        out.extend_from_slice(&cd_offset.to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes());
        out
    }

    const POM: &[u8] = b"#comment\ngroupId=org.example\nartifactId=demo\nversion=2.0.1\n";

    #[test]
    fn debian_plexus_cipher_jar() {
        // /usr/share/java/plexus-cipher.jar from Debian's libplexus-cipher-java 2.0-1.
        let packages = jar_packages(&fixture("plexus-cipher-2.0.jar")).unwrap();
        assert_eq!(packages.len(), 1);
        let p = &packages[0];
        assert_eq!(p.name, "org.codehaus.plexus:plexus-cipher");
        assert_eq!(p.version, "2.0");
        assert_eq!(p.ecosystem, "Maven");
        assert_eq!(p.purl, "pkg:maven/org.codehaus.plexus/plexus-cipher@2.0");
    }

    #[test]
    fn jar_tool_built_jar_and_fat_jar() {
        let tiny = jar_packages(&fixture("tiny-lib-1.2.3.jar")).unwrap();
        assert_eq!(purls(&tiny), ["pkg:maven/com.example/tiny-lib@1.2.3"]);
        let fat = jar_packages(&fixture("fat-app-0.1.0.jar")).unwrap();
        assert_eq!(
            purls(&fat),
            [
                "pkg:maven/com.example/fat-app@0.1.0",
                "pkg:maven/com.example/tiny-lib@1.2.3"
            ]
        );
    }

    #[test]
    fn synthetic_archives_stored_and_deflated_with_nesting() {
        let inner_pom = b"groupId=org.inner\nartifactId=lib\nversion=2.0.1\n";
        let inner = zip(&[("META-INF/maven/org.inner/lib/pom.properties", 0, inner_pom)]);
        let outer = zip(&[
            ("META-INF/maven/org.example/demo/pom.properties", 8, POM),
            ("WEB-INF/lib/inner.jar", 0, &inner),
            ("README", 8, b"not a pom"),
        ]);
        let packages = jar_packages(&outer).unwrap();
        assert_eq!(
            purls(&packages),
            [
                "pkg:maven/org.example/demo@2.0.1",
                "pkg:maven/org.inner/lib@2.0.1"
            ]
        );
        assert_eq!(packages[0].name, "org.example:demo");
        // Prepended data (a launcher script) shifts every offset.
        let mut prefixed = b"#!/bin/sh\nexec java -jar \"$0\"\n".to_vec();
        prefixed.extend_from_slice(&outer);
        assert_eq!(jar_packages(&prefixed).unwrap().len(), 2);
    }

    #[test]
    fn a_zip_without_pom_properties_is_empty() {
        let z = zip(&[("hello.txt", 8, b"hello"), ("dir/", 0, b"")]);
        assert!(jar_packages(&z).unwrap().is_empty());
        let empty = zip(&[]);
        assert!(jar_packages(&empty).unwrap().is_empty());
    }

    #[test]
    fn properties_format() {
        let props = properties("# c\n! c\n  a = 1\nb:2\nc 3\nd\n");
        assert_eq!(props, [("a", "1"), ("b", "2"), ("c", "3"), ("d", "")]);
        let e = pom_package("x/pom.properties", "groupId=g\nartifactId=a\n").unwrap_err();
        assert!(e.message.contains("`version`"), "{e}");
    }

    #[test]
    fn zip_bomb_is_capped() {
        let big = vec![b'a'; (MAX_ENTRY_INFLATED as usize) * 4];
        let z = zip(&[("META-INF/maven/g/a/pom.properties", 8, &big)]);
        assert!(z.len() < 64 * 1024);
        let e = jar_packages(&z).unwrap_err();
        assert!(e.message.contains("zip bomb"), "{e}");
        // Many nested archives each inflating a lot: the archive-wide budget stops them.
        let nested_big = vec![0u8; 20 * 1024 * 1024];
        let names: Vec<String> = (0..5).map(|i| format!("lib/{i}.jar")).collect();
        let entries: Vec<(&str, u16, &[u8])> = names
            .iter()
            .map(|n| (n.as_str(), 8u16, &nested_big[..]))
            .collect();
        let z = zip(&entries);
        let inventory = jar_inventory(&z).unwrap();
        assert!(inventory.packages.is_empty());
        assert_eq!(inventory.nested_errors.len(), 5);
        assert!(
            inventory
                .nested_errors
                .iter()
                .any(|e| e.message.contains("more than")),
            "{:?}",
            inventory.nested_errors
        );
    }

    #[test]
    fn hostile_inputs_never_panic() {
        let good = fixture("fat-app-0.1.0.jar");
        for end in 0..good.len() {
            let _ = jar_inventory(&good[..end]);
        }
        let real = fixture("plexus-cipher-2.0.jar");
        for end in (0..real.len()).step_by(7) {
            let _ = jar_inventory(&real[..end]);
        }
        // Flip bytes everywhere in the small fixture.
        for i in 0..good.len() {
            let mut bad = good.clone();
            bad[i] ^= 0xff;
            let _ = jar_inventory(&bad);
        }
        // Pseudo-random bytes, with and without a zip signature in front.
        let mut state = 0x2545_f491_4f6c_dd1du64;
        for len in [0usize, 1, 21, 22, 100, 5000, 70_000] {
            let mut data: Vec<u8> = (0..len)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    state as u8
                })
                .collect();
            let _ = jar_inventory(&data);
            if len >= 4 {
                data[..4].copy_from_slice(LOCAL_SIG);
                let _ = jar_inventory(&data);
            }
        }
    }

    #[test]
    fn structural_errors_name_the_problem() {
        let z = zip(&[("META-INF/maven/g/a/pom.properties", 0, POM)]);
        let eocd = z.len() - EOCD_LEN;
        let err = |data: &[u8]| jar_packages(data).unwrap_err().message;
        // Truncated: no end record.
        assert!(err(&z[..z.len() - 10]).contains("no end-of-central-directory"));
        // Zip64 marker in the end record.
        let mut zip64 = z.clone();
        zip64[eocd + 16..eocd + 20].copy_from_slice(&u32::MAX.to_le_bytes());
        assert!(err(&zip64).contains("zip64"));
        // Central directory size larger than the file.
        let mut big_cd = z.clone();
        big_cd[eocd + 12..eocd + 16].copy_from_slice(&0x00ff_ffffu32.to_le_bytes());
        assert!(err(&big_cd).contains("central directory claims"));
        // Central directory offset past the end record.
        let mut bad_offset = z.clone();
        bad_offset[eocd + 16..eocd + 20].copy_from_slice(&0x00ff_ffffu32.to_le_bytes());
        assert!(err(&bad_offset).contains("past the end record"));
        // Too many entries for the directory.
        let mut many = z.clone();
        many[eocd + 8..eocd + 12].copy_from_slice(&[0x00, 0x10, 0x00, 0x10]);
        assert!(err(&many).contains("cannot fit"));
        // A local header offset pointing nowhere.
        let cd_start = u32_at(&z, eocd + 16).unwrap() as usize;
        let mut bogus_local = z.clone();
        bogus_local[cd_start + 42..cd_start + 46].copy_from_slice(&0x7fff_0000u32.to_le_bytes());
        assert!(err(&bogus_local).contains("past the end of the"));
        // Garbage in the central directory signature.
        let mut bad_sig = z.clone();
        bad_sig[cd_start] = b'X';
        assert!(err(&bad_sig).contains("central directory entry 0"));
        // Unsupported compression method.
        let mut method = z.clone();
        method[cd_start + 10] = 12;
        assert!(err(&method).contains("compression method 12"));
        // A compressed size running past the end.
        let mut size = z.clone();
        size[cd_start + 20..cd_start + 24].copy_from_slice(&0x0fff_ffffu32.to_le_bytes());
        assert!(err(&size).contains("run past the end"));
    }

    #[test]
    fn archive_names() {
        for name in ["a.jar", "x/b.WAR", "c.ear", "lib\\d.Jar"] {
            assert!(is_java_archive_name(name), "{name}");
        }
        for name in [".jar", "a.zip", "jar", "a.jar.sha1"] {
            assert!(!is_java_archive_name(name), "{name}");
        }
    }
}

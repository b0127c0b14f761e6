//! RPM databases. The SQLite format (`rpmdb.sqlite`, RPM 4.16+) is read; the BerkeleyDB
//! (`Packages`) and NDB (`Packages.db`) formats are only recognised, so that the scan can say
//! the inventory of such a system is incomplete instead of silently listing nothing.

use super::sqlite::Db;
use super::{Parsed, RawPackage};

/// The RPM database files, as path suffixes, with the format each one is.
pub const DATABASES: &[(&str, &str)] = &[
    ("var/lib/rpm/rpmdb.sqlite", "SQLite"),
    ("var/lib/rpm/Packages.db", "NDB"),
    ("var/lib/rpm/Packages", "BerkeleyDB"),
    ("usr/lib/sysimage/rpm/rpmdb.sqlite", "SQLite"),
    ("usr/lib/sysimage/rpm/Packages.db", "NDB"),
    ("usr/lib/sysimage/rpm/Packages", "BerkeleyDB"),
];

/// The format of the RPM database at `path`, if it is one.
pub fn format_of(path: &str) -> Option<&'static str> {
    root_and_format(path).map(|(_, format)| format)
}

/// The root and format of the RPM database at `path`, if it is one.
pub fn root_and_format(path: &str) -> Option<(&str, &'static str)> {
    DATABASES
        .iter()
        .find_map(|(suffix, format)| Some((super::root_of(path, suffix)?, *format)))
}

// Header tags and types (rpm's `rpmtag.h`).
const TAG_NAME: u32 = 1000;
const TAG_VERSION: u32 = 1001;
const TAG_RELEASE: u32 = 1002;
const TAG_EPOCH: u32 = 1003;
const TAG_LICENSE: u32 = 1014;
const TAG_ARCH: u32 = 1022;
const TAG_SOURCERPM: u32 = 1044;
const TYPE_INT32: u32 = 4;
const TYPE_STRING: u32 = 6;
const TYPE_I18NSTRING: u32 = 9;
/// rpm's own limits on a header (`hdrchk`): index entries and data size.
const MAX_INDEX: usize = 0xffff;
const MAX_DATA: usize = 256 << 20;

/// An RPM header as stored in the database: no lead, no magic; `il`, `dl`, the index, data.
struct Header<'a> {
    index: &'a [u8],
    data: &'a [u8],
}

impl<'a> Header<'a> {
    fn parse(blob: &'a [u8]) -> Result<Header<'a>, String> {
        let word = |at: usize| -> Option<usize> {
            let b = blob.get(at..at + 4)?;
            Some(u32::from_be_bytes([b[0], b[1], b[2], b[3]]) as usize)
        };
        let (Some(il), Some(dl)) = (word(0), word(4)) else {
            return Err("header shorter than 8 bytes".into());
        };
        if il > MAX_INDEX || dl > MAX_DATA {
            return Err(format!("header too large ({il} entries, {dl} bytes)"));
        }
        let index_end = 8 + il * 16;
        let index = blob.get(8..index_end).ok_or("truncated header index")?;
        let data = blob
            .get(index_end..index_end + dl)
            .ok_or("truncated header data")?;
        Ok(Header { index, data })
    }

    /// The (type, offset, count) of `tag`.
    fn entry(&self, tag: u32) -> Option<(u32, usize, usize)> {
        self.index.chunks_exact(16).find_map(|e| {
            let word = |i: usize| u32::from_be_bytes([e[i], e[i + 1], e[i + 2], e[i + 3]]);
            (word(0) == tag).then(|| (word(4), word(8) as usize, word(12) as usize))
        })
    }

    /// A STRING tag, or the first string of an I18NSTRING one.
    fn string(&self, tag: u32) -> Option<String> {
        let (kind, offset, _) = self.entry(tag)?;
        if kind != TYPE_STRING && kind != TYPE_I18NSTRING {
            return None;
        }
        let rest = self.data.get(offset..)?;
        let end = rest.iter().position(|&b| b == 0)?;
        Some(String::from_utf8_lossy(&rest[..end]).into_owned())
    }

    /// The first value of an INT32 tag.
    fn int32(&self, tag: u32) -> Option<u32> {
        let (kind, offset, count) = self.entry(tag)?;
        if kind != TYPE_INT32 || count == 0 {
            return None;
        }
        let b = self.data.get(offset..offset.checked_add(4)?)?;
        Some(u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
    }
}

/// `glibc-2.34-60.el9.src.rpm` → (`glibc`, `2.34-60.el9`).
fn split_source_rpm(file: &str) -> Option<(&str, &str)> {
    let stem = file
        .strip_suffix(".src.rpm")
        .or_else(|| file.strip_suffix(".nosrc.rpm"))?;
    let (rest, release) = stem.rsplit_once('-')?;
    let (name, version) = rest.rsplit_once('-')?;
    (!name.is_empty() && !version.is_empty() && !release.is_empty())
        .then(|| (name, &stem[name.len() + 1..]))
}

/// One package of the database, `None` for a header without name/version, `Some(None)` for
/// `gpg-pubkey` pseudo-packages.
fn package(blob: &[u8]) -> Result<Option<RawPackage>, String> {
    let header = Header::parse(blob)?;
    let (Some(name), Some(version)) = (header.string(TAG_NAME), header.string(TAG_VERSION)) else {
        return Err("header without name or version".into());
    };
    if name == "gpg-pubkey" {
        return Ok(None);
    }
    let release = header.string(TAG_RELEASE).filter(|r| !r.is_empty());
    let mut full = match header.int32(TAG_EPOCH) {
        Some(epoch) => format!("{epoch}:{version}"),
        None => version.clone(),
    };
    if let Some(release) = &release {
        full = format!("{full}-{release}");
    }
    let source = header.string(TAG_SOURCERPM);
    let (source_name, source_version) = match source.as_deref().and_then(split_source_rpm) {
        Some((n, v)) => (n.to_string(), v.to_string()),
        None => (name.clone(), full.clone()),
    };
    Ok(Some(RawPackage {
        name,
        version: full,
        arch: header.string(TAG_ARCH).filter(|a| !a.is_empty()),
        source_name,
        source_version,
        licenses: header
            .string(TAG_LICENSE)
            .filter(|l| !l.is_empty())
            .into_iter()
            .collect(),
        depends: Vec::new(),
        provides: Vec::new(),
    }))
}

/// Read an `rpmdb.sqlite`: every header of its `Packages` table.
pub fn parse_sqlite(data: &[u8]) -> Result<Parsed, String> {
    let db = Db::open(data)?;
    let rows = db.table("Packages")?;
    let mut parsed = Parsed::default();
    for (_, columns) in rows {
        let Some(blob) = columns.get(1).and_then(|v| v.as_bytes()) else {
            parsed.skipped += 1;
            continue;
        };
        match package(blob) {
            Ok(Some(p)) => parsed.packages.push(p),
            Ok(None) => {}
            Err(_) => parsed.skipped += 1,
        }
    }
    Ok(parsed)
}

/// Whether `data` looks like the format its name says (an empty or foreign file is not
/// reported as a database: `Packages` is a common name).
pub fn looks_like(format: &str, data: &[u8]) -> bool {
    match format {
        "SQLite" => data.starts_with(b"SQLite format 3\0"),
        // NDB: `RpmP` header magic.
        "NDB" => data.starts_with(b"RpmP"),
        // BerkeleyDB hash/btree: magic at offset 12, either byte order.
        "BerkeleyDB" => data.get(12..16).is_some_and(|m| {
            [0x0006_1561u32, 0x0005_3162].iter().any(|magic| {
                m == magic.to_le_bytes().as_slice() || m == magic.to_be_bytes().as_slice()
            })
        }),
        _ => false,
    }
}

/// The message for an RPM database that was found but not read.
pub fn unsupported_message(format: &str) -> String {
    format!(
        "RPM package database found ({format} format) but reading RPM databases is not \
         supported yet: the OS packages of this system are NOT in the inventory and are not \
         checked for vulnerabilities"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(name: &str) -> Vec<u8> {
        let path = format!("{}/tests/fixtures/os/{name}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    /// What `rpm --dbpath … -qa` listed for the fixtures (see `sqlite_fixtures`).
    fn check_fixture(parsed: &Parsed) {
        assert_eq!(parsed.skipped, 0);
        let got: Vec<String> = parsed
            .packages
            .iter()
            .map(|p| {
                format!(
                    "{} {} {:?} {} {} {:?}",
                    p.name, p.version, p.arch, p.source_name, p.source_version, p.licenses
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                "rampart-alpha 1.2.3-4.fx1 Some(\"noarch\") rampart-alpha 1.2.3-4.fx1 [\"MIT\"]",
                "rampart-beta 2:0.9-1.fx1 Some(\"noarch\") rampart-beta 0.9-1.fx1 \
                 [\"GPL-2.0-or-later AND BSD-3-Clause\"]",
            ]
        );
    }

    /// `rpmdb.sqlite` was made by Debian 12's rpm 4.18.0 (`rpm --dbpath D --initdb`, then
    /// `rpm --dbpath D -i --nodeps --justdb` of two `BuildArch: noarch` packages without files
    /// built with rpmbuild; `rpm -qa` listed `rampart-alpha-1.2.3-4.fx1.noarch` and
    /// `rampart-beta-0.9-1.fx1.noarch`, epoch 2) and copied untouched: WAL mode, the `-wal`
    /// file empty after rpm closed it. `rpmdb-512.sqlite` is a copy put through sqlite3's
    /// `PRAGMA page_size=512; VACUUM;` (rollback journal mode), so that the `Packages` table
    /// has an interior root page and every header spans overflow pages.
    #[test]
    fn sqlite_fixtures() {
        check_fixture(&parse_sqlite(&fixture("rpmdb.sqlite")).unwrap());
        check_fixture(&parse_sqlite(&fixture("rpmdb-512.sqlite")).unwrap());
    }

    #[test]
    fn source_rpm_names() {
        assert_eq!(
            split_source_rpm("glibc-2.34-60.el9.src.rpm"),
            Some(("glibc", "2.34-60.el9"))
        );
        assert_eq!(
            split_source_rpm("python3-foo-bar-1.0-1.nosrc.rpm"),
            Some(("python3-foo-bar", "1.0-1"))
        );
        assert_eq!(split_source_rpm("glibc.src.rpm"), None);
        assert_eq!(split_source_rpm("-1-2.src.rpm"), None);
    }

    #[test]
    fn headers() {
        // il = 3, dl; NAME, VERSION (STRING), EPOCH (INT32); gpg-pubkey skipped.
        let make = |name: &str| {
            let mut data = Vec::new();
            let mut index = Vec::new();
            for (tag, kind, value) in [
                (TAG_NAME, TYPE_STRING, format!("{name}\0").into_bytes()),
                (TAG_VERSION, TYPE_STRING, b"1.0\0".to_vec()),
                (TAG_EPOCH, TYPE_INT32, 7u32.to_be_bytes().to_vec()),
            ] {
                while kind == TYPE_INT32 && data.len() % 4 != 0 {
                    data.push(0);
                }
                for w in [tag, kind, data.len() as u32, 1] {
                    index.extend_from_slice(&w.to_be_bytes());
                }
                data.extend_from_slice(&value);
            }
            let mut blob = 3u32.to_be_bytes().to_vec();
            blob.extend_from_slice(&(data.len() as u32).to_be_bytes());
            blob.extend_from_slice(&index);
            blob.extend_from_slice(&data);
            blob
        };
        let p = package(&make("foo")).unwrap().unwrap();
        assert_eq!((p.name.as_str(), p.version.as_str()), ("foo", "7:1.0"));
        assert_eq!(
            (p.source_name.as_str(), p.source_version.as_str()),
            ("foo", "7:1.0")
        );
        assert!(package(&make("gpg-pubkey")).unwrap().is_none());
        let blob = make("foo");
        for len in 0..blob.len() {
            let _ = package(&blob[..len]);
        }
        assert!(package(&[0xff; 64]).is_err());
    }

    /// A small deterministic generator for the hostile inputs.
    fn lcg(seed: &mut u64) -> u64 {
        *seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        *seed >> 33
    }

    #[test]
    fn truncated_sqlite_does_not_panic() {
        for name in ["rpmdb.sqlite", "rpmdb-512.sqlite"] {
            let data = fixture(name);
            for len in (0..data.len()).step_by(97) {
                let _ = parse_sqlite(&data[..len]);
            }
        }
    }

    #[test]
    fn corrupted_sqlite_does_not_panic() {
        let original = fixture("rpmdb-512.sqlite");
        let mut seed = 42;
        for _ in 0..3000 {
            let mut data = original.clone();
            for _ in 0..1 + lcg(&mut seed) % 4 {
                let at = (lcg(&mut seed) as usize) % data.len();
                data[at] = lcg(&mut seed) as u8;
            }
            let _ = parse_sqlite(&data);
        }
        // Page numbers: every 4-byte word of the b-tree and overflow pages set to hostile
        // values (0, out of range, itself).
        let pages = original.len() / 512;
        let mut cycles = 0;
        for page in 2..=pages {
            for value in [0u32, u32::MAX, pages as u32 + 1, page as u32] {
                let mut data = original.clone();
                let at = (page - 1) * 512;
                data[at..at + 4].copy_from_slice(&value.to_be_bytes());
                if let Err(e) = parse_sqlite(&data) {
                    cycles += usize::from(e.contains("twice"));
                }
            }
        }
        assert!(cycles > 0, "no overflow cycle was detected");
    }

    #[test]
    fn random_bytes_do_not_panic() {
        let mut seed = 7;
        for round in 0..300 {
            let len = 100 + (lcg(&mut seed) as usize) % 4096;
            let mut data: Vec<u8> = (0..len).map(|_| lcg(&mut seed) as u8).collect();
            if round % 2 == 0 {
                data[..16].copy_from_slice(b"SQLite format 3\0");
                data[16..18].copy_from_slice(&512u16.to_be_bytes());
                data[20] = 0;
            }
            assert!(parse_sqlite(&data).is_err() || round % 2 == 0);
        }
    }

    #[test]
    fn formats_by_path() {
        assert_eq!(format_of("var/lib/rpm/rpmdb.sqlite"), Some("SQLite"));
        assert_eq!(format_of("rootfs/var/lib/rpm/Packages"), Some("BerkeleyDB"));
        assert_eq!(format_of("var/lib/rpm/Packages.db"), Some("NDB"));
        assert_eq!(
            format_of("usr/lib/sysimage/rpm/rpmdb.sqlite"),
            Some("SQLite")
        );
        assert_eq!(format_of("myvar/lib/rpm/Packages"), None);
        assert_eq!(format_of("var/lib/rpm/Packages.bak"), None);
    }

    #[test]
    fn magic_numbers() {
        assert!(looks_like("SQLite", b"SQLite format 3\0rest"));
        assert!(!looks_like("SQLite", b""));
        assert!(looks_like("NDB", b"RpmP\0\0\0\0"));
        let mut bdb = vec![0u8; 64];
        bdb[12..16].copy_from_slice(&0x0006_1561u32.to_le_bytes());
        assert!(looks_like("BerkeleyDB", &bdb));
        bdb[12..16].copy_from_slice(&0x0006_1561u32.to_be_bytes());
        assert!(looks_like("BerkeleyDB", &bdb));
        assert!(!looks_like("BerkeleyDB", b"Package: not a bdb\n"));
        assert!(!looks_like("BerkeleyDB", b""));
    }
}

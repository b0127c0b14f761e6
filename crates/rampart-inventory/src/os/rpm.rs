//! RPM databases. They are not read yet: the SQLite (`rpmdb.sqlite`), BerkeleyDB
//! (`Packages`) and NDB (`Packages.db`) formats are only recognised, so that the scan can say
//! the inventory of an RPM-based system is incomplete instead of silently listing nothing.

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
    DATABASES
        .iter()
        .find(|(suffix, _)| super::root_of(path, suffix).is_some())
        .map(|(_, format)| *format)
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

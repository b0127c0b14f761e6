//! The collector end to end: path routing, release lookup, ecosystems, purls, errors.

use super::*;

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/os/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn collect(files: &[(&str, Vec<u8>)]) -> (Vec<Package>, Vec<ScanError>) {
    let mut collector = OsCollector::default();
    for (path, data) in files {
        assert!(wants(path), "{path} not wanted");
        collector.add(path, data).unwrap();
    }
    collector.finish()
}

fn find<'a>(packages: &'a [Package], name: &str) -> &'a Package {
    packages
        .iter()
        .find(|p| p.name == name)
        .unwrap_or_else(|| panic!("{name} missing"))
}

#[test]
fn paths_wanted() {
    for path in [
        "var/lib/dpkg/status",
        "rootfs/var/lib/dpkg/status",
        "var/lib/dpkg/status.d/libssl3",
        "a/b/var/lib/dpkg/status.d/base",
        "lib/apk/db/installed",
        "rootfs/lib/apk/db/installed",
        "etc/os-release",
        "usr/lib/os-release",
        "etc/debian_version",
        "etc/alpine-release",
        "var/lib/rpm/rpmdb.sqlite",
        "var/lib/rpm/Packages",
        "var/lib/rpm/Packages.db",
    ] {
        assert!(wants(path), "{path}");
    }
    for path in [
        "var/lib/dpkg/status-old",
        "var/lib/dpkg/status.d/libssl3.md5sums",
        "var/lib/dpkg/status.d/",
        "var/lib/dpkg/status.d/sub/file",
        "myvar/lib/dpkg/status",
        "xetc/os-release",
        "etc/os-release.bak",
        "lib/apk/db/installed.old",
        "src/main.rs",
    ] {
        assert!(!wants(path), "{path}");
    }
}

#[test]
fn debian_12_rootfs() {
    let (packages, errors) = collect(&[
        ("rootfs/etc/os-release", fixture("os-release-debian12")),
        ("rootfs/etc/debian_version", b"12.11\n".to_vec()),
        ("rootfs/var/lib/dpkg/status", fixture("dpkg-status")),
    ]);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(packages.len(), 9);
    let mut sorted = packages.clone();
    sorted.sort();
    assert_eq!(packages, sorted);
    let bsdutils = find(&packages, "bsdutils");
    assert_eq!(bsdutils.ecosystem, "Debian:12");
    assert_eq!(bsdutils.version, "1:2.38.1-5+deb12u3");
    assert_eq!(
        bsdutils.purl,
        "pkg:deb/debian/bsdutils@1:2.38.1-5%2Bdeb12u3?arch=amd64&distro=debian-12"
    );
    assert_eq!(bsdutils.source_name.as_deref(), Some("util-linux"));
    assert_eq!(bsdutils.source_version.as_deref(), Some("2.38.1-5+deb12u3"));
    assert_eq!(bsdutils.locations, vec!["rootfs/var/lib/dpkg/status"]);
    assert!(bsdutils.licenses.is_empty());
    // Dependencies resolve among installed packages, through Provides and alternatives.
    let libgcc = find(&packages, "libgcc-s1");
    assert_eq!(
        libgcc.dependencies,
        vec![
            "pkg:deb/debian/gcc-12-base@12.2.0-14%2Bdeb12u1?arch=amd64&distro=debian-12",
            "pkg:deb/debian/libc6@2.36-9%2Bdeb12u14?arch=amd64&distro=debian-12",
        ]
    );
    assert_eq!(
        find(&packages, "tzdata").dependencies,
        vec!["pkg:deb/debian/debconf@1.5.82?arch=all&distro=debian-12"]
    );
    // libc6 depends on libgcc-s1 which depends on libc6: both listed, no self-reference.
    assert_eq!(
        find(&packages, "libc6").dependencies,
        vec!["pkg:deb/debian/libgcc-s1@12.2.0-14%2Bdeb12u1?arch=amd64&distro=debian-12"]
    );
}

#[test]
fn distroless_status_d() {
    let (packages, errors) = collect(&[
        ("etc/os-release", fixture("os-release-debian12")),
        ("var/lib/dpkg/status.d/base", fixture("status.d/base")),
        ("var/lib/dpkg/status.d/libssl3", fixture("status.d/libssl3")),
        ("var/lib/dpkg/status.d/libc6", fixture("status.d/libc6")),
    ]);
    assert!(errors.is_empty(), "{errors:?}");
    let names: Vec<&str> = packages.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["base-files", "libc6", "libssl3"]);
    let ssl = find(&packages, "libssl3");
    assert_eq!(ssl.locations, vec!["var/lib/dpkg/status.d/libssl3"]);
    assert_eq!(ssl.source_name.as_deref(), Some("openssl"));
    assert_eq!(
        ssl.purl,
        "pkg:deb/debian/libssl3@3.0.17-1~deb12u2?arch=amd64&distro=debian-12"
    );
    // Resolved across the per-package files.
    assert_eq!(
        ssl.dependencies,
        vec!["pkg:deb/debian/libc6@2.36-9%2Bdeb12u14?arch=amd64&distro=debian-12"]
    );
}

#[test]
fn ubuntu_22_04() {
    let (packages, _) = collect(&[
        ("usr/lib/os-release", fixture("os-release-ubuntu2204")),
        ("etc/debian_version", b"bookworm/sid\n".to_vec()),
        (
            "var/lib/dpkg/status",
            b"Package: bash\nStatus: install ok installed\nArchitecture: amd64\n\
              Version: 5.1-6ubuntu1.1\n"
                .to_vec(),
        ),
    ]);
    assert_eq!(packages.len(), 1);
    assert_eq!(packages[0].ecosystem, "Ubuntu:22.04");
    assert_eq!(
        packages[0].purl,
        "pkg:deb/ubuntu/bash@5.1-6ubuntu1.1?arch=amd64&distro=ubuntu-22.04"
    );
}

#[test]
fn alpine_3_19() {
    let (packages, errors) = collect(&[
        ("etc/os-release", fixture("os-release-alpine319")),
        ("etc/alpine-release", b"3.19.1\n".to_vec()),
        ("lib/apk/db/installed", fixture("apk-installed")),
    ]);
    assert!(errors.is_empty(), "{errors:?}");
    let names: Vec<&str> = packages.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["busybox", "libcrypto3", "musl"]);
    let crypto = find(&packages, "libcrypto3");
    assert_eq!(crypto.ecosystem, "Alpine:v3.19");
    assert_eq!(
        crypto.purl,
        "pkg:apk/alpine/libcrypto3@3.1.4-r5?arch=x86_64&distro=3.19.1"
    );
    assert_eq!(crypto.source_name.as_deref(), Some("openssl"));
    assert_eq!(crypto.source_version.as_deref(), Some("3.1.4-r5"));
    assert_eq!(crypto.licenses, vec!["Apache-2.0"]);
    assert_eq!(crypto.locations, vec!["lib/apk/db/installed"]);
    // `so:` dependencies resolve through the provider's `p:`.
    assert_eq!(
        crypto.dependencies,
        vec!["pkg:apk/alpine/musl@1.2.4_git20230717-r4?arch=x86_64&distro=3.19.1"]
    );
}

#[test]
fn fallback_release_files_and_no_release() {
    let status = b"Package: a\nStatus: install ok installed\nVersion: 1:2-3\nArchitecture: arm64\n";
    let (packages, _) = collect(&[
        ("etc/debian_version", b"11.9\n".to_vec()),
        ("var/lib/dpkg/status", status.to_vec()),
    ]);
    assert_eq!(packages[0].ecosystem, "Debian:11");
    assert_eq!(
        packages[0].purl,
        "pkg:deb/debian/a@1:2-3?arch=arm64&distro=debian-11"
    );
    // No release at all: the database's family.
    let (packages, _) = collect(&[("var/lib/dpkg/status", status.to_vec())]);
    assert_eq!(packages[0].ecosystem, "Debian");
    assert_eq!(packages[0].purl, "pkg:deb/debian/a@1:2-3?arch=arm64");
    let (packages, _) = collect(&[("lib/apk/db/installed", b"P:x\nV:1-r0\n".to_vec())]);
    assert_eq!(packages[0].ecosystem, "Alpine");
    assert_eq!(packages[0].purl, "pkg:apk/alpine/x@1-r0");
    // The release of another root does not apply.
    let (packages, _) = collect(&[
        ("other/etc/os-release", fixture("os-release-ubuntu2204")),
        ("var/lib/dpkg/status", status.to_vec()),
    ]);
    assert_eq!(packages[0].ecosystem, "Debian");
    // An unknown distro: its capitalised ID.
    let (packages, _) = collect(&[
        (
            "etc/os-release",
            b"ID=kali\nVERSION_ID=\"2024.1\"\nID_LIKE=debian\n".to_vec(),
        ),
        ("var/lib/dpkg/status", status.to_vec()),
    ]);
    assert_eq!(packages[0].ecosystem, "Kali");
    assert_eq!(
        packages[0].purl,
        "pkg:deb/kali/a@1:2-3?arch=arm64&distro=kali-2024.1"
    );
    // Debian testing: no VERSION_ID, the codename from debian_version.
    let (packages, _) = collect(&[
        (
            "etc/os-release",
            b"PRETTY_NAME=\"Debian GNU/Linux trixie/sid\"\nID=debian\n".to_vec(),
        ),
        ("etc/debian_version", b"trixie/sid\n".to_vec()),
        ("var/lib/dpkg/status", status.to_vec()),
    ]);
    assert_eq!(packages[0].ecosystem, "Debian");
    assert_eq!(
        packages[0].purl,
        "pkg:deb/debian/a@1:2-3?arch=arm64&distro=debian-trixie"
    );
}

#[test]
fn rpm_databases_are_reported_not_read() {
    let mut collector = OsCollector::default();
    let err = collector
        .add("var/lib/rpm/rpmdb.sqlite", b"SQLite format 3\0....")
        .unwrap_err();
    assert!(err.message.contains("SQLite"), "{err}");
    assert!(err.message.contains("NOT in the inventory"), "{err}");
    collector
        .add("var/lib/rpm/rpmdb.sqlite", b"not sqlite at all")
        .unwrap();
    collector
        .add("image/var/lib/rpm/Packages", b"not really berkeley db")
        .unwrap();
    collector.add("var/lib/rpm/Packages.db", b"").unwrap();
    let (packages, errors) = collector.finish();
    assert!(packages.is_empty());
    assert_eq!(errors.len(), 2);
    assert_eq!(errors[0].path, "image/var/lib/rpm/Packages");
    assert!(errors[0].message.contains("BerkeleyDB"));
    assert!(errors[0].message.contains("does not look like"));
    assert_eq!(errors[1].path, "var/lib/rpm/rpmdb.sqlite");
    assert_eq!(errors[1].kind, ScanErrorKind::Parse);
    assert!(errors[1].message.contains("SQLite"));
    assert!(errors[1].message.contains("does not look like"));
    assert!(errors[1].message.contains("NOT in the inventory"));
}

#[test]
fn rpm_sqlite_database_on_rocky() {
    let os_release = b"NAME=\"Rocky Linux\"\nID=\"rocky\"\nVERSION_ID=\"9.3\"\n".to_vec();
    let (packages, errors) = collect(&[
        ("rootfs/etc/os-release", os_release),
        ("rootfs/var/lib/rpm/rpmdb.sqlite", fixture("rpmdb.sqlite")),
    ]);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(packages.len(), 2);
    let alpha = find(&packages, "rampart-alpha");
    assert_eq!(alpha.ecosystem, "Rocky Linux:9");
    assert_eq!(alpha.version, "1.2.3-4.fx1");
    assert_eq!(
        alpha.purl,
        "pkg:rpm/rocky/rampart-alpha@1.2.3-4.fx1?arch=noarch&distro=rocky-9.3"
    );
    assert_eq!(alpha.licenses, ["MIT"]);
    assert_eq!(alpha.locations, ["rootfs/var/lib/rpm/rpmdb.sqlite"]);
    let beta = find(&packages, "rampart-beta");
    assert_eq!(beta.version, "2:0.9-1.fx1");
    assert_eq!(
        beta.purl,
        "pkg:rpm/rocky/rampart-beta@0.9-1.fx1?arch=noarch&distro=rocky-9.3&epoch=2"
    );
    assert_eq!(beta.source_name.as_deref(), Some("rampart-beta"));
    assert_eq!(beta.source_version.as_deref(), Some("0.9-1.fx1"));
}

#[test]
fn rpm_sqlite_database_without_release() {
    let (packages, errors) = collect(&[(
        "usr/lib/sysimage/rpm/rpmdb.sqlite",
        fixture("rpmdb-512.sqlite"),
    )]);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(packages.len(), 2);
    let beta = find(&packages, "rampart-beta");
    assert_eq!(beta.ecosystem, "RPM");
    assert_eq!(
        beta.purl,
        "pkg:rpm/rampart-beta@0.9-1.fx1?arch=noarch&epoch=2"
    );
}

#[test]
fn unusable_database_is_a_parse_error_and_empty_is_not() {
    let mut collector = OsCollector::default();
    let err = collector
        .add(
            "var/lib/dpkg/status",
            b"Package: a\nStatus: install ok installed\n\nPackage: b\nStatus: install ok installed\n",
        )
        .unwrap_err();
    assert_eq!(err.line, Some(1));
    assert!(err.message.contains("2 stanza(s)"), "{err}");
    assert!(collector.add("lib/apk/db/installed", b"P:x\n").is_err());
    assert!(collector.add("var/lib/dpkg/status.d/empty", b"").is_ok());
    assert!(collector.add("etc/os-release", b"\xff\xfe").is_ok());
    let (packages, errors) = collector.finish();
    assert!(packages.is_empty());
    assert!(errors.is_empty());
}

#[test]
fn same_package_in_status_and_status_d_is_listed_once_per_file() {
    let (packages, _) = collect(&[
        ("var/lib/dpkg/status.d/libc6", fixture("status.d/libc6")),
        ("var/lib/dpkg/status", fixture("dpkg-status")),
    ]);
    let libc: Vec<&Package> = packages.iter().filter(|p| p.name == "libc6").collect();
    assert_eq!(libc.len(), 2);
    assert_ne!(libc[0].locations, libc[1].locations);
}

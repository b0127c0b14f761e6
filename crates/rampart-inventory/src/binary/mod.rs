//! Inventory of compiled binaries: packages a build tool recorded inside an executable.
//! Go's build information ([`go`]), which lists the module, every dependency and the
//! toolchain (standard library) version, even in stripped binaries; the dependency tree
//! `cargo auditable` writes into Rust ELF binaries ([`auditable`]); and the Maven
//! `pom.properties` inside Java archives ([`jar`]), nested archives one level deep.

pub mod auditable;
pub mod go;
pub mod jar;

use rampart_core::{Analyzer, Blob, Emitted, Package, RuleMeta, ScanError, ScanErrorKind};

use crate::ParseError;

pub use auditable::{
    AuditInfo, AuditPackage, audit_info, audit_packages, auditable_binary_packages,
};
pub use go::{GoBuildInfo, GoModule, go_binary_packages, go_build_info, go_packages};
pub use jar::{JarInventory, is_java_archive_name, jar_inventory, jar_packages};

/// Executables larger than this are skipped (Go binaries are rarely over 200 MiB).
pub const MAX_BINARY_FILE: u64 = 512 * 1024 * 1024;

/// Whether the bytes start like an executable: ELF, Mach-O (32/64-bit, either byte order,
/// universal) or PE (`MZ`).
pub fn is_executable(data: &[u8]) -> bool {
    const MAGICS: [&[u8]; 8] = [
        b"\x7fELF",
        b"\xcf\xfa\xed\xfe",
        b"\xfe\xed\xfa\xcf",
        b"\xce\xfa\xed\xfe",
        b"\xfe\xed\xfa\xce",
        b"\xca\xfe\xba\xbe",
        b"\xca\xfe\xba\xbf",
        b"MZ",
    ];
    MAGICS.iter().any(|m| data.starts_with(m))
}

/// Whether a file name could be an executable worth reading: a name without an extension
/// (`kubectl`, `bin/server`; a leading dot does not count), or one of the extensions of
/// executables and shared libraries (Go builds those too): `.exe`, `.bin`, `.out`, `.so`,
/// `.dylib`, `.dll`. Only a suffix of 1 to 8 ASCII letters and digits with at least one letter
/// counts as an extension, so version-numbered names (`tool-1.2.3`, `libgo.so.1`,
/// `gh_2.40.1_linux_amd64`) are read too. Everything else (`.go`, `.json`, `.png`,
/// `.tar.gz`) is skipped before it is read, so trees of large data files cost nothing.
pub fn looks_executable(path: &str) -> bool {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    let name = name.strip_prefix('.').unwrap_or(name);
    let Some((stem, ext)) = name.rsplit_once('.') else {
        return true;
    };
    let is_extension = !stem.is_empty()
        && (1..=8).contains(&ext.len())
        && ext.bytes().all(|b| b.is_ascii_alphanumeric())
        && ext.bytes().any(|b| b.is_ascii_alphabetic());
    if !is_extension {
        return true;
    }
    matches!(
        ext.to_ascii_lowercase().as_str(),
        "exe" | "bin" | "out" | "so" | "dylib" | "dll"
    )
}

/// Finds packages recorded in executables (see [`looks_executable`] for which files are
/// read, up to [`MAX_BINARY_FILE`]) and in Java archives (`.jar`, `.war`, `.ear`). Files are
/// checked for a magic before any search, so text files without an extension (`LICENSE`,
/// `Makefile`) cost one comparison. ELF files are read for Go build information and for the
/// `cargo auditable` section (a binary can hold both); zip files (`PK\x03\x04`) only when
/// named like a Java archive.
#[derive(Debug, Default, Clone, Copy)]
pub struct BinaryInventoryAnalyzer;

impl BinaryInventoryAnalyzer {
    /// A new analyzer.
    pub fn new() -> BinaryInventoryAnalyzer {
        BinaryInventoryAnalyzer
    }
}

impl Analyzer for BinaryInventoryAnalyzer {
    fn scanner(&self) -> &'static str {
        "inventory"
    }

    fn wants(&self, path: &str, size: u64) -> bool {
        size <= MAX_BINARY_FILE && (looks_executable(path) || is_java_archive_name(path))
    }

    fn wants_binary(&self) -> bool {
        true
    }

    fn wants_text(&self) -> bool {
        // Executables always hold NUL bytes in their first kilobytes; a text file named like
        // one (`Packages`, `LICENSE`) is never read in full for this analyzer.
        false
    }

    fn analyze(&self, blob: &Blob<'_>, out: &mut Emitted) {
        let error = |what: &str, e: ParseError| ScanError {
            path: blob.path.to_string(),
            kind: ScanErrorKind::Parse,
            message: format!("cannot read {what}: {e}; the rest of the tree is still inventoried"),
        };
        let mut add = |packages: Vec<Package>| {
            out.packages.extend(packages.into_iter().map(|mut p| {
                p.locations = vec![blob.path.to_string()];
                p
            }));
        };
        if blob.data.starts_with(b"PK\x03\x04") {
            if !is_java_archive_name(blob.path) {
                return;
            }
            match jar_inventory(blob.data) {
                Ok(inventory) => {
                    add(inventory.packages);
                    for e in inventory.nested_errors {
                        out.errors.push(error("a Java archive", e));
                    }
                }
                Err(e) => out.errors.push(error("a Java archive", e)),
            }
            return;
        }
        if !is_executable(blob.data) {
            return;
        }
        let mut errors = Vec::new();
        match go_binary_packages(blob.data) {
            Ok(packages) => add(packages),
            Err(e) => errors.push(error("Go build information", e)),
        }
        if blob.data.starts_with(b"\x7fELF") {
            match auditable_binary_packages(blob.data) {
                Ok(packages) => add(packages),
                Err(e) => errors.push(error("cargo auditable dependency information", e)),
            }
        }
        out.errors.extend(errors);
    }

    fn rules(&self) -> Vec<RuleMeta> {
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rampart_core::Provenance;

    fn run(path: &str, data: &[u8]) -> Emitted {
        let analyzer = BinaryInventoryAnalyzer::new();
        let mut out = Emitted::default();
        let provenance = Provenance::default();
        analyzer.analyze(
            &Blob {
                path,
                data,
                is_binary: true,
                provenance: &provenance,
                lineage: None,
            },
            &mut out,
        );
        out
    }

    #[test]
    fn wants_executable_names_within_the_size_limit() {
        let a = BinaryInventoryAnalyzer::new();
        assert_eq!(a.scanner(), "inventory");
        assert!(a.wants_binary());
        assert!(a.rules().is_empty());
        for path in [
            "kubectl",
            "usr/local/bin/server",
            "bin/.hidden",
            "dist/tool.exe",
            "dist/TOOL.EXE",
            "lib/libgo.so",
            "lib/libgo.so.1",
            "tool-1.2.3",
            "gh_2.40.1_linux_amd64",
            "out/a.out",
            "windows\\tool.exe",
        ] {
            assert!(a.wants(path, 1024), "{path}");
        }
        for path in ["app.jar", "deploy/site.WAR", "bundle.ear"] {
            assert!(a.wants(path, 1024), "{path}");
        }
        assert!(!a.wants("app.jar", MAX_BINARY_FILE + 1));
        assert!(!a.wants_text());
        for path in [
            "main.go",
            "go.sum",
            "image.png",
            "data.tar.gz",
            "notes.md",
            "archive.zip",
        ] {
            assert!(!a.wants(path, 1024), "{path}");
        }
        assert!(a.wants("kubectl", MAX_BINARY_FILE));
        assert!(!a.wants("kubectl", MAX_BINARY_FILE + 1));
    }

    #[test]
    fn executable_magics() {
        for magic in [
            &b"\x7fELF"[..],
            b"\xcf\xfa\xed\xfe",
            b"\xfe\xed\xfa\xcf",
            b"\xca\xfe\xba\xbe",
            b"MZ",
        ] {
            assert!(is_executable(magic));
        }
        assert!(!is_executable(b""));
        assert!(!is_executable(b"#!/bin/sh"));
        assert!(!is_executable(b"\x7fEL"));
    }

    #[test]
    fn packages_carry_the_binary_as_location() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/binary/go1.19-linux-amd64-stripped"
        );
        let data = std::fs::read(path).unwrap();
        let out = run("bin/hello", &data);
        assert!(out.errors.is_empty(), "{:?}", out.errors);
        assert_eq!(out.packages.len(), 4);
        assert!(
            out.packages
                .iter()
                .all(|p| p.locations == ["bin/hello"] && p.ecosystem == "Go")
        );
        assert!(
            out.packages
                .iter()
                .any(|p| p.purl == "pkg:golang/stdlib@v1.19.8")
        );
    }

    fn fixture(name: &str) -> Vec<u8> {
        let path = format!(
            "{}/tests/fixtures/binary/{name}",
            env!("CARGO_MANIFEST_DIR")
        );
        std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    #[test]
    fn java_archives_by_name_and_magic() {
        let data = fixture("fat-app-0.1.0.jar");
        let out = run("lib/fat-app.jar", &data);
        assert!(out.errors.is_empty(), "{:?}", out.errors);
        let purls: Vec<&str> = out.packages.iter().map(|p| p.purl.as_str()).collect();
        assert_eq!(
            purls,
            [
                "pkg:maven/com.example/fat-app@0.1.0",
                "pkg:maven/com.example/tiny-lib@1.2.3"
            ]
        );
        assert!(
            out.packages
                .iter()
                .all(|p| p.locations == ["lib/fat-app.jar"] && p.ecosystem == "Maven")
        );
        // The same bytes under a name that is not a Java archive's: not read.
        let out = run("bin/fat-app", &data);
        assert!(out.packages.is_empty() && out.errors.is_empty());
        // A truncated jar: one parse error naming the problem.
        let out = run("broken.jar", &data[..data.len() - 30]);
        assert!(out.packages.is_empty());
        assert_eq!(out.errors.len(), 1);
        assert_eq!(out.errors[0].kind, ScanErrorKind::Parse);
        assert!(
            out.errors[0].message.contains("Java archive")
                && out.errors[0].message.contains("end-of-central-directory"),
            "{}",
            out.errors[0].message
        );
        // A `.jar` that is not a zip at all is silent (no magic).
        let out = run("notes.jar", b"just text");
        assert!(out.packages.is_empty() && out.errors.is_empty());
    }

    #[test]
    fn cargo_auditable_elf() {
        let data = fixture("rust-auditable-itoa-stripped");
        let out = run("bin/tinyaud", &data);
        assert!(out.errors.is_empty(), "{:?}", out.errors);
        assert_eq!(out.packages.len(), 1);
        let p = &out.packages[0];
        assert_eq!(p.purl, "pkg:cargo/itoa@1.0.11");
        assert_eq!(p.ecosystem, "crates.io");
        assert_eq!(p.locations, ["bin/tinyaud"]);
        // An ELF whose section header table points past the end: a parse error.
        let mut bad = data.clone();
        bad[0x28..0x30].copy_from_slice(&(data.len() as u64 * 2).to_le_bytes());
        let out = run("bin/bad", &bad);
        assert!(out.packages.is_empty());
        assert_eq!(out.errors.len(), 1);
        assert!(
            out.errors[0].message.contains("cargo auditable"),
            "{}",
            out.errors[0].message
        );
    }

    #[test]
    fn non_executables_and_non_go_are_silent() {
        // The magic in a text file is not looked at: no executable header.
        let mut text = b"see \xff Go buildinf:".to_vec();
        text.extend_from_slice(&[8, 0]);
        text.extend_from_slice(&[0; 32]);
        let out = run("NOTES", &text);
        assert!(out.packages.is_empty() && out.errors.is_empty());
        // A non-Go ELF from this system, when there is one.
        if let Ok(data) = std::fs::read("/bin/true") {
            let out = run("bin/true", &data);
            assert!(out.packages.is_empty() && out.errors.is_empty());
        }
    }

    #[test]
    fn unreadable_build_info_is_a_parse_error() {
        let mut data = b"MZ".to_vec();
        data.resize(512, 0);
        data.extend_from_slice(go::BUILD_INFO_MAGIC);
        data.extend_from_slice(&[8, 0]);
        data.resize(512 + 32, 0);
        let out = run("old.exe", &data);
        assert!(out.packages.is_empty());
        assert_eq!(out.errors.len(), 1);
        let e = &out.errors[0];
        assert_eq!(e.path, "old.exe");
        assert_eq!(e.kind, ScanErrorKind::Parse);
        assert!(
            e.message.contains("pre-1.18 pointer format"),
            "{}",
            e.message
        );
    }

    /// With a Go toolchain on PATH, build a standard-library-only program for Linux
    /// (unstripped), Windows and macOS (stripped) and read all three, plus the `go` binary
    /// itself (which holds the magic a second time, as a string literal). Skipped otherwise.
    #[test]
    fn real_binaries_from_the_local_go_toolchain() {
        use std::process::Command;
        let go = |args: &[&str], dir: &std::path::Path, env: &[(&str, &str)]| {
            Command::new("go")
                .args(args)
                .current_dir(dir)
                .env("GOFLAGS", "-mod=mod")
                .env("GOPROXY", "off")
                .env("GOTOOLCHAIN", "local")
                .env("CGO_ENABLED", "0")
                .envs(env.iter().copied())
                .output()
                .ok()
                .filter(|o| o.status.success())
                .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        };
        let dir = std::env::temp_dir().join(format!("rampart-go-binary-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let Some(go_version) = go(&["env", "GOVERSION"], &dir, &[]) else {
            eprintln!(
                "notice: no usable `go` on PATH; real_binaries_from_the_local_go_toolchain skipped"
            );
            let _ = std::fs::remove_dir_all(&dir);
            return;
        };
        let stdlib = go::go_stdlib_version(&go_version).unwrap();
        std::fs::write(dir.join("go.mod"), "module example.com/tiny\n\ngo 1.18\n").unwrap();
        std::fs::write(
            dir.join("main.go"),
            "package main\n\nimport \"os\"\n\nfunc main() { os.Exit(0) }\n",
        )
        .unwrap();
        for (goos, goarch, flags, magic) in [
            ("linux", "amd64", "", &b"\x7fELF"[..]),
            ("windows", "amd64", "-s -w", b"MZ"),
            ("darwin", "arm64", "-s -w", b"\xcf\xfa\xed\xfe"),
        ] {
            let out = format!("tiny-{goos}");
            let built = go(
                &[
                    "build",
                    "-trimpath",
                    &format!("-ldflags={flags}"),
                    "-o",
                    &out,
                    ".",
                ],
                &dir,
                &[("GOOS", goos), ("GOARCH", goarch)],
            );
            if built.is_none() {
                eprintln!("notice: `go build` for {goos}/{goarch} failed; skipped");
                continue;
            }
            let data = std::fs::read(dir.join(&out)).unwrap();
            assert!(data.starts_with(magic), "{goos}");
            let emitted = run(&out, &data);
            assert!(emitted.errors.is_empty(), "{goos}: {:?}", emitted.errors);
            let names: Vec<(&str, &str)> = emitted
                .packages
                .iter()
                .map(|p| (p.name.as_str(), p.version.as_str()))
                .collect();
            // The main module is `(devel)`: only the standard library is a package.
            assert_eq!(names, [("stdlib", stdlib.as_str())], "{goos}");
        }
        if let Some(goroot) = go(&["env", "GOROOT"], &dir, &[]) {
            let tool = std::path::Path::new(&goroot).join("bin/go");
            if let Ok(data) = std::fs::read(&tool) {
                let info = go_build_info(&data).unwrap().unwrap();
                assert_eq!(info.go_version, go_version);
            }
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
}

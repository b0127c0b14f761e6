//! Go build information embedded in executables by the Go linker (`go version -m` reads it).
//!
//! The linker writes a 16-byte-aligned blob into the data segment (`.go.buildinfo` in ELF,
//! `__go_buildinfo` in Mach-O, `.data` in PE): a 16-byte header `\xff Go buildinf:`, the
//! pointer size (byte 14) and flags (byte 15), padded to 32 bytes. Since Go 1.18 (flag value
//! 2) two strings follow inline, each prefixed with its length as an unsigned varint: the Go
//! version (`go1.21.5`) and the module information (`path`, `mod`, `dep`, `=>` and `build`
//! lines, tab-separated), the latter framed by two 16-byte sentinels. Older toolchains wrote
//! two pointers instead, which would need the section table to follow; those are reported as
//! unsupported rather than guessed at.
//!
//! Stripping (`-ldflags=-s -w`, `strip`) removes the symbol table and DWARF, not this blob:
//! it is data the runtime reads (`runtime/debug.ReadBuildInfo`), so stripped binaries are
//! inventoried the same way.
//!
//! Everything here works on untrusted bytes: every length is checked against the data, no
//! index is unchecked, and nothing allocates more than the input holds.

use rampart_core::Package;

use crate::ParseError;
use crate::purl::purl;

/// `\xff Go buildinf:`, the first 14 bytes of the build-info header.
pub const BUILD_INFO_MAGIC: &[u8; 14] = b"\xff Go buildinf:";

/// The header is 32 bytes: magic, pointer size, flags, padding.
const HEADER_LEN: usize = 32;

/// Flag bit 0: the pointers of the pre-1.18 format are big-endian.
const FLAG_BIG_ENDIAN: u8 = 0x1;

/// Flag bit 1: the strings are inline after the header (Go 1.18 and later).
const FLAG_INLINE: u8 = 0x2;

/// Longest Go version string accepted (`go1.21.5 X:boringcrypto,...` is far shorter).
const MAX_VERSION_LEN: usize = 1024;

/// Longest module information accepted: a module with ten thousand dependencies writes about
/// 1 MiB, so 16 MiB is generous and keeps a hostile length from costing more.
const MAX_MODINFO_LEN: usize = 16 * 1024 * 1024;

/// How many header-like occurrences of the magic are parsed before giving up; real binaries
/// hold one, or two when they embed `debug/buildinfo`. Bounds the work on crafted files.
const MAX_CANDIDATES: usize = 8;

/// Frames the module information (`cmd/go/internal/modload`'s `infoStart`).
const MODINFO_START: [u8; 16] = [
    0x30, 0x77, 0xaf, 0x0c, 0x92, 0x74, 0x08, 0x02, 0x41, 0xe1, 0xc1, 0x07, 0xe6, 0xd6, 0x18, 0xe6,
];

/// Ends the module information (`infoEnd`).
const MODINFO_END: [u8; 16] = [
    0xf9, 0x32, 0x43, 0x31, 0x86, 0x18, 0x20, 0x72, 0x00, 0x82, 0x42, 0x10, 0x41, 0x16, 0xd8, 0xf2,
];

/// A Go module as recorded in build info.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoModule {
    /// Module path, e.g. `golang.org/x/text`; for a local-directory replacement, the directory.
    pub path: String,
    /// Version, e.g. `v0.14.0`; `(devel)` for the main module built from a checkout, and
    /// `(devel)` or empty for a local-directory replacement.
    pub version: String,
    /// `h1:` checksum from `go.sum`, when recorded.
    pub sum: Option<String>,
    /// The `=>` replacement that was built instead, when there is one.
    pub replace: Option<Box<GoModule>>,
}

impl GoModule {
    /// Whether this is a local-directory replacement target (`=> ../fork`): no module
    /// version exists for it.
    fn is_local_directory(&self) -> bool {
        let p = self.path.as_bytes();
        self.version.is_empty()
            || self.version == "(devel)"
            || p.first() == Some(&b'.')
            || p.first() == Some(&b'/')
            || p.first() == Some(&b'\\')
            || (p.len() >= 2 && p[0].is_ascii_alphabetic() && p[1] == b':')
    }
}

/// What a Go binary says about how it was built.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoBuildInfo {
    /// Toolchain version as written, e.g. `go1.21.5` (may carry a suffix such as
    /// ` X:boringcrypto`, or be `devel ...` for an unreleased toolchain).
    pub go_version: String,
    /// Pointer size in bytes (4 or 8) from the header.
    pub pointer_size: u8,
    /// Whether the header flags a big-endian target.
    pub big_endian: bool,
    /// Import path of the main package (`path` line).
    pub path: Option<String>,
    /// The main module (`mod` line).
    pub main: Option<GoModule>,
    /// Dependencies (`dep` lines), in the order written.
    pub deps: Vec<GoModule>,
    /// Build settings (`build` lines) as key and raw (possibly quoted) value.
    pub settings: Vec<(String, String)>,
}

/// Decode an unsigned LEB128 varint (Go's `binary.Uvarint`): the value and the bytes used, or
/// `None` when the input ends first or the value overflows 64 bits.
fn uvarint(data: &[u8]) -> Option<(u64, usize)> {
    let mut value: u64 = 0;
    for (i, &byte) in data.iter().enumerate().take(10) {
        if i == 9 && byte > 1 {
            return None;
        }
        value |= u64::from(byte & 0x7f) << (7 * i);
        if byte < 0x80 {
            return Some((value, i + 1));
        }
    }
    None
}

/// A varint-length-prefixed string at the start of `data`, and the rest of `data` after it.
fn length_prefixed<'a>(
    data: &'a [u8],
    what: &str,
    max: usize,
) -> Result<(&'a [u8], &'a [u8]), ParseError> {
    let (len, used) = uvarint(data).ok_or_else(|| {
        ParseError::new(format!(
            "Go build info: the length of the {what} is truncated or not a varint"
        ))
    })?;
    let rest = data.get(used..).unwrap_or_default();
    if len > max as u64 {
        return Err(ParseError::new(format!(
            "Go build info: the {what} claims {len} bytes, more than the {max} accepted"
        )));
    }
    let len = usize::try_from(len)
        .ok()
        .filter(|&l| l <= rest.len())
        .ok_or_else(|| {
            ParseError::new(format!(
                "Go build info: the {what} claims {len} bytes but only {} remain in the file",
                rest.len()
            ))
        })?;
    Ok(rest.split_at(len))
}

/// Every offset where `needle` starts in `haystack`, lazily. A SIMD substring search: the
/// magic starts with 0xff, a byte so common in machine code that a byte-wise scan for it was
/// most of the cost of reading a root filesystem's executables.
fn occurrences<'a>(haystack: &'a [u8], needle: &'a [u8]) -> impl Iterator<Item = usize> + 'a {
    // An empty needle would "occur" everywhere; there is nothing to find.
    memchr::memmem::find_iter(haystack, needle).filter(move |_| !needle.is_empty())
}

/// What one occurrence of the magic turned out to be.
enum Candidate {
    /// Build info, parsed.
    Found(GoBuildInfo),
    /// A header that looks real but cannot be read.
    Broken(ParseError),
    /// The magic bytes by coincidence (e.g. the string literal in a binary that itself reads
    /// build info with `debug/buildinfo`).
    NotAHeader,
}

fn candidate(data: &[u8]) -> Candidate {
    let Some(header) = data.get(..HEADER_LEN) else {
        return Candidate::Broken(ParseError::new(
            "Go build info header is truncated: the file ends within its 32 bytes",
        ));
    };
    let pointer_size = header[14];
    let flags = header[15];
    if !matches!(pointer_size, 4 | 8) || flags & !(FLAG_BIG_ENDIAN | FLAG_INLINE) != 0 {
        return Candidate::NotAHeader;
    }
    if flags & FLAG_INLINE == 0 {
        return Candidate::Broken(ParseError::new(
            "Go build info in the pre-1.18 pointer format is not supported",
        ));
    }
    let body = data.get(HEADER_LEN..).unwrap_or_default();
    let parsed =
        length_prefixed(body, "Go version", MAX_VERSION_LEN).and_then(|(version, rest)| {
            let version = std::str::from_utf8(version)
                .ok()
                .filter(|v| !v.is_empty() && !v.chars().any(char::is_control))
                .ok_or_else(|| ParseError::new("Go build info: the Go version is not text"))?;
            let (modinfo, _) = length_prefixed(rest, "module information", MAX_MODINFO_LEN)?;
            parse_modinfo(version, pointer_size, flags & FLAG_BIG_ENDIAN != 0, modinfo)
        });
    match parsed {
        Ok(info) => Candidate::Found(info),
        Err(e) => Candidate::Broken(e),
    }
}

/// Remove the 16-byte sentinels around the module information, where present.
fn unframe(modinfo: &[u8]) -> &[u8] {
    let modinfo = modinfo.strip_prefix(&MODINFO_START[..]).unwrap_or(modinfo);
    modinfo.strip_suffix(&MODINFO_END[..]).unwrap_or(modinfo)
}

fn module(line: usize, fields: &[&str], what: &str) -> Result<GoModule, ParseError> {
    match fields {
        [path, version, rest @ ..] if !path.is_empty() && rest.len() <= 1 => Ok(GoModule {
            path: path.to_string(),
            version: version.to_string(),
            sum: rest
                .first()
                .filter(|s| !s.is_empty())
                .map(|s| s.to_string()),
            replace: None,
        }),
        _ => Err(ParseError::at(
            line,
            format!("Go build info: expected `{what}<TAB>module<TAB>version[<TAB>sum]`"),
        )),
    }
}

fn parse_modinfo(
    go_version: &str,
    pointer_size: u8,
    big_endian: bool,
    modinfo: &[u8],
) -> Result<GoBuildInfo, ParseError> {
    let text = String::from_utf8_lossy(unframe(modinfo));
    let mut info = GoBuildInfo {
        go_version: go_version.to_string(),
        pointer_size,
        big_endian,
        path: None,
        main: None,
        deps: Vec::new(),
        settings: Vec::new(),
    };
    // Which module the next `=>` line replaces: the main module or the last dependency.
    let mut last_is_dep: Option<bool> = None;
    for (i, line) in text.lines().enumerate() {
        let line_no = i + 1;
        let Some((kind, rest)) = line.split_once('\t') else {
            // Blank lines separate sections.
            continue;
        };
        let fields: Vec<&str> = rest.split('\t').collect();
        match kind {
            "path" => info.path = Some(rest.to_string()),
            "mod" => {
                info.main = Some(module(line_no, &fields, "mod")?);
                last_is_dep = Some(false);
            }
            "dep" => {
                info.deps.push(module(line_no, &fields, "dep")?);
                last_is_dep = Some(true);
            }
            "=>" => {
                let replacement = Box::new(module(line_no, &fields, "=>")?);
                let target = match last_is_dep.take() {
                    Some(true) => info.deps.last_mut(),
                    Some(false) => info.main.as_mut(),
                    None => None,
                };
                let Some(target) = target else {
                    return Err(ParseError::at(
                        line_no,
                        "Go build info: a `=>` replacement without a `mod` or `dep` line before it",
                    ));
                };
                target.replace = Some(replacement);
            }
            "build" => {
                let (key, value) = rest.split_once('=').unwrap_or((rest, ""));
                info.settings.push((key.to_string(), value.to_string()));
            }
            // Unknown keys are left for newer toolchains to define.
            _ => {}
        }
    }
    Ok(info)
}

/// Read the Go build information of an executable (ELF, Mach-O or PE; the container format
/// does not matter, the whole file is searched).
///
/// `Ok(None)`: not a Go binary (no header). `Err`: a header that cannot be read, including
/// the pre-1.18 pointer format, which is not supported. Stripped binaries keep their build
/// information: it is data, not a symbol.
///
/// Every occurrence of the magic is tried, because a program that reads build info itself
/// (`debug/buildinfo`) holds the magic as a string literal too; the first occurrence that
/// parses wins, and an error is returned only when none does.
pub fn go_build_info(data: &[u8]) -> Result<Option<GoBuildInfo>, ParseError> {
    let mut first_error = None;
    let mut broken = 0;
    for at in occurrences(data, BUILD_INFO_MAGIC) {
        match candidate(data.get(at..).unwrap_or_default()) {
            Candidate::Found(info) => return Ok(Some(info)),
            Candidate::Broken(e) => {
                first_error.get_or_insert(e);
                broken += 1;
                if broken >= MAX_CANDIDATES {
                    break;
                }
            }
            Candidate::NotAHeader => {}
        }
    }
    match first_error {
        Some(e) => Err(e),
        None => Ok(None),
    }
}

/// `go1.21.5` → `v1.21.5`, `go1.19` → `v1.19.0`, `go1.21rc2` → `v1.21.0-rc.2`; a suffix after
/// the release (` X:boringcrypto`, `-vendor`) is dropped. `None` for `devel` toolchains and
/// anything else that names no release.
pub fn go_stdlib_version(go_version: &str) -> Option<String> {
    let token = go_version.split_whitespace().next()?;
    let rest = token.strip_prefix("go")?;
    let digits_end = |s: &str| s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    let mut numbers: Vec<&str> = Vec::with_capacity(3);
    let mut rest = rest;
    loop {
        let end = digits_end(rest);
        if end == 0 {
            return None;
        }
        numbers.push(&rest[..end]);
        rest = &rest[end..];
        match rest.strip_prefix('.') {
            Some(r) if numbers.len() < 3 => rest = r,
            _ => break,
        }
    }
    let (major, minor) = (numbers.first()?, numbers.get(1)?);
    let patch = numbers.get(2).copied().unwrap_or("0");
    let mut version = format!("v{major}.{minor}.{patch}");
    for pre in ["rc", "beta", "alpha"] {
        if let Some(n) = rest.strip_prefix(pre) {
            let end = digits_end(n);
            if end > 0 && numbers.len() == 2 {
                version.push_str(&format!("-{pre}.{}", &n[..end]));
            }
            break;
        }
    }
    Some(version)
}

fn go_package(path: &str, version: &str) -> Package {
    let purl = match path.rsplit_once('/') {
        Some((namespace, name)) => purl("golang", Some(namespace), name, Some(version), &[]),
        None => purl("golang", None, path, Some(version), &[]),
    };
    Package {
        name: path.to_string(),
        version: version.to_string(),
        ecosystem: "Go".to_string(),
        purl,
        licenses: Vec::new(),
        locations: Vec::new(),
        direct: None,
        from_manifest: false,
        source_name: None,
        source_version: None,
        dependencies: Vec::new(),
        layer: None,
    }
}

/// The packages a Go binary was built from: the main module when it has a version (not
/// `(devel)`), every dependency as built (after its `=>` replacement), and the standard
/// library as `stdlib` at the toolchain's version, which vulnerability databases track.
///
/// A dependency replaced by a local directory has no module version of its own; it is kept
/// under its original path and required version, as the `go.mod` parser does. `locations`
/// are left for the caller.
pub fn go_packages(info: &GoBuildInfo) -> Vec<Package> {
    let mut packages = Vec::with_capacity(info.deps.len() + 2);
    let built = |m: &GoModule| -> Option<(String, String)> {
        let effective = match &m.replace {
            Some(r) if !r.is_local_directory() => r.as_ref(),
            _ => m,
        };
        (!effective.path.is_empty()
            && !effective.version.is_empty()
            && effective.version != "(devel)")
            .then(|| (effective.path.clone(), effective.version.clone()))
    };
    for (path, version) in info.main.iter().chain(&info.deps).filter_map(built) {
        // Two modules replaced by the same fork are one package.
        if !packages
            .iter()
            .any(|p: &Package| p.name == path && p.version == version)
        {
            packages.push(go_package(&path, &version));
        }
    }
    if let Some(version) = go_stdlib_version(&info.go_version) {
        packages.push(go_package("stdlib", &version));
    }
    packages
}

/// [`go_build_info`] then [`go_packages`]: no packages when `data` is not a Go binary.
pub fn go_binary_packages(data: &[u8]) -> Result<Vec<Package>, ParseError> {
    Ok(go_build_info(data)?
        .map(|info| go_packages(&info))
        .unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(name: &str) -> Vec<u8> {
        let path = format!(
            "{}/tests/fixtures/binary/{name}",
            env!("CARGO_MANIFEST_DIR")
        );
        std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    fn uvarint_bytes(mut n: u64) -> Vec<u8> {
        let mut out = Vec::new();
        loop {
            let byte = (n & 0x7f) as u8;
            n >>= 7;
            if n == 0 {
                out.push(byte);
                return out;
            }
            out.push(byte | 0x80);
        }
    }

    /// An ELF-looking file holding an inline (Go 1.18+) header with these strings.
    fn synthetic(version: &[u8], modinfo: &[u8]) -> Vec<u8> {
        let mut data = b"\x7fELF".to_vec();
        data.resize(64, 0);
        data.extend_from_slice(BUILD_INFO_MAGIC);
        data.extend_from_slice(&[8, FLAG_INLINE]);
        data.resize(64 + HEADER_LEN, 0);
        data.extend(uvarint_bytes(version.len() as u64));
        data.extend_from_slice(version);
        data.extend(uvarint_bytes(modinfo.len() as u64));
        data.extend_from_slice(modinfo);
        data
    }

    fn summary(packages: &[Package]) -> Vec<(String, String, String)> {
        packages
            .iter()
            .map(|p| (p.name.clone(), p.version.clone(), p.purl.clone()))
            .collect()
    }

    fn owned(rows: &[(&str, &str, &str)]) -> Vec<(String, String, String)> {
        rows.iter()
            .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
            .collect()
    }

    /// Built by `go build -trimpath -ldflags='-s -w'` with Go 1.19.8 (Debian `golang-go`),
    /// CGO_ENABLED=0, from a module requiring `example.com/greet` (replaced by `../dep`),
    /// `example.com/lib` (replaced by `example.com/libfork v1.5.0`) and `example.org/util/v2`
    /// served from a local `GOPROXY=file://` directory. `go version -m` prints the same.
    #[test]
    fn real_stripped_go_binary() {
        let data = fixture("go1.19-linux-amd64-stripped");
        assert!(data.starts_with(b"\x7fELF"));
        let info = go_build_info(&data).unwrap().unwrap();
        assert_eq!(info.go_version, "go1.19.8");
        assert_eq!(info.pointer_size, 8);
        assert!(!info.big_endian);
        assert_eq!(info.path.as_deref(), Some("example.com/hello"));
        let main = info.main.as_ref().unwrap();
        assert_eq!(
            (main.path.as_str(), main.version.as_str()),
            ("example.com/hello", "(devel)")
        );
        assert_eq!(info.deps.len(), 3);
        let greet = &info.deps[0];
        assert_eq!(greet.path, "example.com/greet");
        assert_eq!(greet.sum, None);
        let local = greet.replace.as_ref().unwrap();
        assert_eq!(
            (local.path.as_str(), local.version.as_str()),
            ("../dep", "(devel)")
        );
        let fork = info.deps[1].replace.as_ref().unwrap();
        assert_eq!(fork.path, "example.com/libfork");
        assert_eq!(
            fork.sum.as_deref(),
            Some("h1:hG7/nllCMBGfzxBun+XKr2cjOaJ+PrJebirDcCs8+uI=")
        );
        assert_eq!(
            info.deps[2].sum.as_deref(),
            Some("h1:uSLEBczpqd05dtTHFsUsMP+2GOyx47EGKAE7LQOWirA=")
        );
        assert!(info.settings.contains(&("-trimpath".into(), "true".into())));
        assert!(info.settings.contains(&("GOOS".into(), "linux".into())));

        let packages = go_packages(&info);
        assert_eq!(
            summary(&packages),
            owned(&[
                (
                    "example.com/greet",
                    "v1.2.3",
                    "pkg:golang/example.com/greet@v1.2.3"
                ),
                (
                    "example.com/libfork",
                    "v1.5.0",
                    "pkg:golang/example.com/libfork@v1.5.0"
                ),
                (
                    "example.org/util/v2",
                    "v2.0.1",
                    "pkg:golang/example.org/util/v2@v2.0.1"
                ),
                ("stdlib", "v1.19.8", "pkg:golang/stdlib@v1.19.8"),
            ])
        );
        assert!(
            packages
                .iter()
                .all(|p| p.ecosystem == "Go" && p.direct.is_none() && p.locations.is_empty())
        );
    }

    #[test]
    fn synthetic_go_1_21_fixture() {
        let data = fixture("go1.21-synthetic-inline");
        let info = go_build_info(&data).unwrap().unwrap();
        assert_eq!(info.go_version, "go1.21.5");
        assert_eq!(info.path.as_deref(), Some("github.com/acme/tool/cmd/tool"));
        assert!(
            info.settings
                .contains(&("-ldflags".into(), "\"-s -w\"".into()))
        );
        assert_eq!(
            summary(&go_packages(&info)),
            owned(&[
                (
                    "github.com/acme/tool",
                    "v1.4.2",
                    "pkg:golang/github.com/acme/tool@v1.4.2"
                ),
                (
                    "github.com/google/uuid",
                    "v1.6.0",
                    "pkg:golang/github.com/google/uuid@v1.6.0"
                ),
                (
                    "github.com/acme/net-fork",
                    "v0.17.1-0.20231010101010-abcdefabcdef",
                    "pkg:golang/github.com/acme/net-fork@v0.17.1-0.20231010101010-abcdefabcdef"
                ),
                (
                    "gopkg.in/yaml.v3",
                    "v3.0.1",
                    "pkg:golang/gopkg.in/yaml.v3@v3.0.1"
                ),
                (
                    "github.com/acme/internal",
                    "v0.0.0",
                    "pkg:golang/github.com/acme/internal@v0.0.0"
                ),
                ("stdlib", "v1.21.5", "pkg:golang/stdlib@v1.21.5"),
            ])
        );
    }

    #[test]
    fn duplicate_replacements_are_one_package() {
        let data = synthetic(
            b"go1.21.5",
            b"dep\ta.com/x\tv1.0.0\n=>\tf.com/fork\tv1.1.0\t\ndep\ta.com/y\tv1.0.0\n=>\tf.com/fork\tv1.1.0\t\n",
        );
        assert_eq!(
            summary(&go_binary_packages(&data).unwrap()),
            owned(&[
                ("f.com/fork", "v1.1.0", "pkg:golang/f.com/fork@v1.1.0"),
                ("stdlib", "v1.21.5", "pkg:golang/stdlib@v1.21.5"),
            ])
        );
    }

    #[test]
    fn module_info_without_sentinels_and_main_replacement() {
        let data = synthetic(
            b"go1.22.0 X:boringcrypto",
            b"mod\tex.com/m\tv1.0.0\n=>\tex.com/m2\tv1.0.1\t\nbuild\tCGO_ENABLED=0\n",
        );
        let packages = go_binary_packages(&data).unwrap();
        assert_eq!(
            summary(&packages),
            owned(&[
                ("ex.com/m2", "v1.0.1", "pkg:golang/ex.com/m2@v1.0.1"),
                ("stdlib", "v1.22.0", "pkg:golang/stdlib@v1.22.0"),
            ])
        );
    }

    #[test]
    fn stdlib_versions() {
        for (go, semver) in [
            ("go1.21.5", Some("v1.21.5")),
            ("go1.19", Some("v1.19.0")),
            ("go1.21rc2", Some("v1.21.0-rc.2")),
            ("go1.18beta1", Some("v1.18.0-beta.1")),
            ("go1.20.10 X:strictfipsruntime", Some("v1.20.10")),
            ("go1.21.5-vendor.1", Some("v1.21.5")),
            ("devel go1.22-abcdef Mon Jan 1", None),
            ("go", None),
            ("go1", None),
            ("go1.x", None),
            ("", None),
        ] {
            assert_eq!(go_stdlib_version(go).as_deref(), semver, "{go}");
        }
        // A devel toolchain yields no stdlib package, the modules still come through.
        let data = synthetic(b"devel go1.23-abc", b"dep\ta.com/b\tv1.0.0\t\n");
        assert_eq!(
            summary(&go_binary_packages(&data).unwrap()),
            owned(&[("a.com/b", "v1.0.0", "pkg:golang/a.com/b@v1.0.0")])
        );
    }

    #[test]
    fn not_go() {
        assert_eq!(go_build_info(b"").unwrap(), None);
        assert_eq!(go_build_info(b"\x7fELF\x02\x01\x01").unwrap(), None);
        // A non-Go ELF from this system, when there is one.
        for path in ["/bin/true", "/usr/bin/true"] {
            if let Ok(data) = std::fs::read(path) {
                assert!(data.starts_with(b"\x7fELF"));
                assert_eq!(go_build_info(&data).unwrap(), None, "{path}");
                assert!(go_binary_packages(&data).unwrap().is_empty());
                break;
            }
        }
    }

    #[test]
    fn the_magic_as_a_string_literal_is_skipped() {
        // `debug/buildinfo` holds the magic as a literal: followed by text, not a header.
        let mut data = b"\x7fELF....".to_vec();
        data.extend_from_slice(BUILD_INFO_MAGIC);
        data.extend_from_slice(b"not a Go executable");
        assert_eq!(go_build_info(&data).unwrap(), None);
        // ... before the real header, which still wins.
        data.extend(synthetic(b"go1.21.5", b"dep\ta.com/b\tv1.0.0\t\n"));
        assert_eq!(go_binary_packages(&data).unwrap().len(), 2);
    }

    #[test]
    fn pointer_format_is_reported() {
        let mut data = b"\x7fELF".to_vec();
        data.extend_from_slice(BUILD_INFO_MAGIC);
        data.extend_from_slice(&[8, 0]);
        data.extend_from_slice(&[0x10; 16]);
        let e = go_build_info(&data).unwrap_err();
        assert_eq!(
            e.message,
            "Go build info in the pre-1.18 pointer format is not supported"
        );
        data[4 + 15] = FLAG_BIG_ENDIAN;
        assert!(go_build_info(&data).is_err());
    }

    #[test]
    fn truncated_and_hostile_headers() {
        let full = synthetic(b"go1.21.5", b"dep\ta.com/b\tv1.0.0\t\n");
        // Every prefix that cuts into the header or the strings: an error or nothing, never a
        // panic; cuts inside the magic are simply not Go.
        let magic_at = 64;
        for len in 0..full.len() {
            let result = go_build_info(&full[..len]);
            if len < magic_at + BUILD_INFO_MAGIC.len() {
                assert_eq!(result, Ok(None), "prefix {len}");
            } else {
                assert!(result.is_err(), "prefix {len}: {result:?}");
            }
        }
        assert!(
            go_build_info(&full[..magic_at + 20])
                .unwrap_err()
                .message
                .contains("truncated")
        );

        // A length near u64::MAX, a 10-byte varint that overflows, and an endless varint.
        let header = &full[..magic_at + HEADER_LEN];
        for tail in [
            uvarint_bytes(u64::MAX),
            uvarint_bytes(1 << 40),
            vec![0xff; 10],
            vec![0x80; 64],
        ] {
            let mut data = header.to_vec();
            data.extend(&tail);
            assert!(go_build_info(&data).is_err(), "{tail:?}");
            // Also as the module-info length.
            let mut data = header.to_vec();
            data.extend(uvarint_bytes(8));
            data.extend_from_slice(b"go1.21.5");
            data.extend(&tail);
            assert!(go_build_info(&data).is_err(), "{tail:?}");
        }
        assert_eq!(uvarint(&uvarint_bytes(u64::MAX)), Some((u64::MAX, 10)));

        // Lengths over the caps are refused before anything is read.
        let mut data = header.to_vec();
        data.extend(uvarint_bytes(MAX_VERSION_LEN as u64 + 1));
        data.resize(data.len() + MAX_VERSION_LEN + 1, b'g');
        let e = go_build_info(&data).unwrap_err();
        assert!(e.message.contains("more than the 1024 accepted"), "{e}");

        // Many header-like occurrences: only the first few are parsed.
        let mut many = Vec::new();
        for _ in 0..10_000 {
            many.extend_from_slice(header);
            many.extend(uvarint_bytes(1 << 20));
        }
        assert!(go_build_info(&many).is_err());

        // An empty or binary version is not accepted.
        assert!(go_build_info(&synthetic(b"", b"")).is_err());
        assert!(go_build_info(&synthetic(b"go\x001", b"")).is_err());
        // Malformed module lines are errors with their line.
        let e = go_build_info(&synthetic(b"go1.21.5", b"path\tx\ndep\tonlypath\n")).unwrap_err();
        assert_eq!(e.line, Some(2));
        let e = go_build_info(&synthetic(b"go1.21.5", b"=>\ta.com/b\tv1.0.0\t\n")).unwrap_err();
        assert_eq!(e.line, Some(1));
        // Invalid UTF-8 in module info is tolerated (replaced), not a panic.
        assert!(go_build_info(&synthetic(b"go1.21.5", b"dep\ta\xff\tv1\t\n")).is_ok());
    }

    #[test]
    fn random_bytes_never_panic() {
        // xorshift: deterministic noise, with the magic and plausible header bytes planted.
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for round in 0..300 {
            let len = (next() % 512) as usize;
            let mut data: Vec<u8> = (0..len).map(|_| next() as u8).collect();
            if round % 2 == 0 && len > 40 {
                let at = (next() as usize) % (len - 16);
                data[at..at + 14].copy_from_slice(BUILD_INFO_MAGIC);
                data[at + 14] = if round % 4 == 0 { 8 } else { 4 };
                data[at + 15] = FLAG_INLINE | (round as u8 & 1);
            }
            let _ = go_build_info(&data);
            let _ = go_binary_packages(&data);
        }
    }

    #[test]
    fn occurrences_finds_every_match() {
        let found: Vec<usize> = occurrences(b"abcabcab", b"abc").collect();
        assert_eq!(found, vec![0, 3]);
        assert_eq!(occurrences(b"", b"abc").count(), 0);
        assert_eq!(occurrences(b"ab", b"abc").count(), 0);
        assert_eq!(occurrences(b"abc", b"").count(), 0);
    }
}

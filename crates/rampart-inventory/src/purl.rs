//! Package URLs (<https://github.com/package-url/purl-spec>): `pkg:type/namespace/name@version?qualifiers`.

/// Percent-encode one purl component: everything but unreserved characters (and `:`, which
/// the spec leaves readable) is encoded as UTF-8 `%XX`.
fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'.' | b'-' | b'_' | b'~' | b':') {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Build a purl. `namespace` may hold several `/`-separated segments (Go module paths, Maven
/// group ids are one segment); qualifiers are sorted by key and empty values dropped, as the
/// spec's canonical form requires.
pub fn purl(
    package_type: &str,
    namespace: Option<&str>,
    name: &str,
    version: Option<&str>,
    qualifiers: &[(&str, &str)],
) -> String {
    let mut out = format!("pkg:{}/", package_type.to_ascii_lowercase());
    if let Some(ns) = namespace.filter(|n| !n.is_empty()) {
        for segment in ns.split('/').filter(|s| !s.is_empty()) {
            out.push_str(&encode(segment));
            out.push('/');
        }
    }
    out.push_str(&encode(name));
    if let Some(v) = version.filter(|v| !v.is_empty()) {
        out.push('@');
        out.push_str(&encode(v));
    }
    let mut pairs: Vec<(String, &str)> = qualifiers
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| (k.to_ascii_lowercase(), *v))
        .collect();
    pairs.sort();
    for (i, (key, value)) in pairs.iter().enumerate() {
        out.push(if i == 0 { '?' } else { '&' });
        out.push_str(key);
        out.push('=');
        out.push_str(&encode(value));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::purl;

    #[test]
    fn canonical_forms_from_the_spec_examples() {
        assert_eq!(
            purl("cargo", None, "rand", Some("0.7.2"), &[]),
            "pkg:cargo/rand@0.7.2"
        );
        assert_eq!(
            purl("npm", Some("@angular"), "animation", Some("12.3.1"), &[]),
            "pkg:npm/%40angular/animation@12.3.1"
        );
        assert_eq!(
            purl(
                "golang",
                Some("github.com/gorilla"),
                "context",
                Some("v1.1.2"),
                &[]
            ),
            "pkg:golang/github.com/gorilla/context@v1.1.2"
        );
        assert_eq!(
            purl(
                "deb",
                Some("debian"),
                "curl",
                Some("7.50.3-1"),
                &[("distro", "jessie"), ("arch", "i386")]
            ),
            "pkg:deb/debian/curl@7.50.3-1?arch=i386&distro=jessie"
        );
        assert_eq!(
            purl(
                "deb",
                Some("debian"),
                "libc6",
                Some("2.36-9+deb12u4"),
                &[("arch", "amd64"), ("epoch", "")]
            ),
            "pkg:deb/debian/libc6@2.36-9%2Bdeb12u4?arch=amd64"
        );
        assert_eq!(
            purl("PyPI", None, "Django Rest", Some("1.0"), &[]),
            "pkg:pypi/Django%20Rest@1.0"
        );
    }
}

/// A parsed purl.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Purl {
    /// Type, lowercase (`npm`, `deb`, ...).
    pub package_type: String,
    /// Namespace, decoded, segments joined with `/`.
    pub namespace: Option<String>,
    /// Name, decoded.
    pub name: String,
    /// Version, decoded.
    pub version: Option<String>,
    /// Qualifiers, decoded, in the order written.
    pub qualifiers: Vec<(String, String)>,
}

fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(value)) => {
                out.push(value);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Parse `pkg:type/namespace/name@version?qualifiers#subpath`; `None` if it is not a purl.
pub fn parse(text: &str) -> Option<Purl> {
    let rest = text.trim().strip_prefix("pkg:")?.trim_start_matches('/');
    let rest = rest.split('#').next().unwrap_or(rest);
    let (rest, qualifiers) = match rest.split_once('?') {
        Some((r, q)) => (r, q),
        None => (rest, ""),
    };
    let qualifiers = qualifiers
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .map(|(k, v)| (k.to_ascii_lowercase(), decode(v)))
        .collect();
    let (path, version) = match rest.rsplit_once('@') {
        // An `@` inside the last segment is the version separator; `%40` scopes are encoded.
        Some((p, v)) if !v.contains('/') => (p, Some(decode(v))),
        _ => (rest, None),
    };
    let mut segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    if segments.len() < 2 {
        return None;
    }
    let package_type = segments.remove(0).to_ascii_lowercase();
    let name = decode(segments.pop()?);
    let namespace = (!segments.is_empty()).then(|| {
        segments
            .iter()
            .map(|s| decode(s))
            .collect::<Vec<_>>()
            .join("/")
    });
    Some(Purl {
        package_type,
        namespace,
        name,
        version,
        qualifiers,
    })
}

#[cfg(test)]
mod parse_tests {
    use super::*;

    #[test]
    fn round_trips_what_purl_builds() {
        let built = purl("npm", Some("@angular"), "animation", Some("12.3.1"), &[]);
        let parsed = parse(&built).unwrap();
        assert_eq!(parsed.package_type, "npm");
        assert_eq!(parsed.namespace.as_deref(), Some("@angular"));
        assert_eq!(parsed.name, "animation");
        assert_eq!(parsed.version.as_deref(), Some("12.3.1"));
        let deb =
            parse("pkg:deb/debian/libc6@2.36-9%2Bdeb12u4?arch=amd64&distro=debian-12").unwrap();
        assert_eq!(deb.version.as_deref(), Some("2.36-9+deb12u4"));
        assert_eq!(
            deb.qualifiers,
            vec![
                ("arch".into(), "amd64".into()),
                ("distro".into(), "debian-12".into())
            ]
        );
        let go = parse("pkg:golang/github.com/gorilla/context@v1.1.2").unwrap();
        assert_eq!(go.namespace.as_deref(), Some("github.com/gorilla"));
        assert!(parse("not a purl").is_none());
        assert!(parse("pkg:npm").is_none());
    }
}

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

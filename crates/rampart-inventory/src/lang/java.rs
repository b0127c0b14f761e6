//! Java: Gradle's `gradle.lockfile` and Maven's `pom.xml`.
//!
//! `gradle.lockfile` lines are `group:artifact:version=conf1,conf2` (Gradle 6+; the older
//! per-configuration lockfiles wrote `group:artifact:version` alone, also accepted); `#`
//! comments and the `empty=` line naming configurations without dependencies are skipped.
//! `direct` is `None`: the lockfile does not say which dependencies the build script names.
//!
//! `pom.xml` is a manifest: only the project's own `<dependencies>` are read (not those under
//! `<dependencyManagement>`, `<build>`/`<plugins>` or `<profiles>`), every package is
//! `from_manifest = true` and `direct = Some(true)`, whatever its `<scope>`. `${name}`
//! references are resolved from `<properties>` and the pom's own coordinates
//! (`${project.version}`, `${project.groupId}`, `${project.parent.version}`, ...; a missing
//! `<groupId>`/`<version>` is inherited from `<parent>`). A dependency without `<version>` takes
//! the one this pom's `<dependencyManagement>` gives it. A version that stays unknown (managed
//! by a parent or BOM, an unresolvable property) or is a range (`[1.0,2.0)`) is left empty, as
//! is a range in other manifests: it is not a version. A dependency whose group or artifact
//! cannot be resolved cannot be named and is skipped.
//!
//! The pom is read by a small XML scanner, enough for Maven's element-only format: comments,
//! CDATA, processing instructions, a DOCTYPE, attributes (ignored), namespace prefixes
//! (dropped) and the predefined and numeric entities. Nesting is bounded; malformed XML is an
//! error at its line.
//!
//! Both give `pkg:maven/group/artifact@version` (with `classifier` and a non-`jar` `type` as
//! qualifiers for poms), ecosystem `Maven`, name `group:artifact` as OSV spells it.

use std::collections::HashMap;

use rampart_core::Package;

use super::{finish, package, text};
use crate::ParseError;
use crate::purl::purl;

fn maven_purl(group: &str, artifact: &str, version: &str, qualifiers: &[(&str, &str)]) -> String {
    purl("maven", Some(group), artifact, Some(version), qualifiers)
}

/// Parse a `gradle.lockfile`.
pub fn parse_gradle_lockfile(_path: &str, data: &[u8]) -> Result<Vec<Package>, ParseError> {
    let text = text(data)?;
    let mut packages = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let coordinates = match line.split_once('=') {
            Some(("empty", _)) => continue,
            Some((coordinates, _configurations)) => coordinates.trim(),
            None => line,
        };
        let parts: Vec<&str> = coordinates.split(':').map(str::trim).collect();
        let [group, artifact, version] = parts[..] else {
            return Err(ParseError::at(
                i + 1,
                "expected `group:artifact:version=configurations`",
            ));
        };
        if group.is_empty() || artifact.is_empty() || version.is_empty() {
            return Err(ParseError::at(
                i + 1,
                "expected `group:artifact:version=configurations` with no empty part",
            ));
        }
        packages.push(package(
            &format!("{group}:{artifact}"),
            version,
            "Maven",
            maven_purl(group, artifact, version, &[]),
        ));
    }
    Ok(finish(packages))
}

/// Deepest element nesting accepted; real poms stay well under 20.
const MAX_DEPTH: usize = 100;

/// An XML element: its local name (namespace prefix dropped), line, text and children.
#[derive(Debug, Default)]
struct Element {
    name: String,
    line: usize,
    text: String,
    children: Vec<Element>,
}

impl Element {
    fn child(&self, name: &str) -> Option<&Element> {
        self.children.iter().find(|c| c.name == name)
    }

    fn children<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Element> + 'a {
        self.children.iter().filter(move |c| c.name == name)
    }

    /// The trimmed text of the child `name`, if it has one and it is not blank.
    fn child_text(&self, name: &str) -> Option<&str> {
        self.child(name)
            .map(|c| c.text.trim())
            .filter(|t| !t.is_empty())
    }
}

/// Tracks the line of a byte offset that only moves forward.
struct Lines<'a> {
    text: &'a str,
    offset: usize,
    line: usize,
}

impl Lines<'_> {
    fn at(&mut self, offset: usize) -> usize {
        if offset > self.offset {
            let bytes = self
                .text
                .as_bytes()
                .get(self.offset..offset)
                .unwrap_or_default();
            self.line += bytes.iter().filter(|&&b| b == b'\n').count();
            self.offset = offset;
        }
        self.line
    }
}

/// Replace the predefined and numeric entities; an unknown one is kept as written.
fn decode_entities(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(i) = rest.find('&') {
        out.push_str(rest.get(..i).unwrap_or_default());
        let after = rest.get(i + 1..).unwrap_or_default();
        let entity = after.find(';').filter(|&j| j <= 10).and_then(|j| {
            let name = after.get(..j)?;
            let c = match name {
                "lt" => '<',
                "gt" => '>',
                "amp" => '&',
                "quot" => '"',
                "apos" => '\'',
                _ => {
                    let code = match name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                        None => name.strip_prefix('#')?.parse().ok()?,
                    };
                    char::from_u32(code)?
                }
            };
            Some((c, j))
        });
        match entity {
            Some((c, j)) => {
                out.push(c);
                rest = after.get(j + 1..).unwrap_or_default();
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The offset of the `>` ending a tag that starts at `from`, skipping quoted attribute values.
fn tag_end(bytes: &[u8], from: usize) -> Option<usize> {
    let mut quote = None;
    for (i, &b) in bytes.iter().enumerate().skip(from) {
        match (quote, b) {
            (None, b'"' | b'\'') => quote = Some(b),
            (Some(q), _) if q == b => quote = None,
            (None, b'>') => return Some(i),
            (None, b'<') => return None,
            _ => {}
        }
    }
    None
}

/// The offset just past a `<!DOCTYPE ...>` starting at `from`, with an internal subset.
fn doctype_end(bytes: &[u8], from: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (i, &b) in bytes.iter().enumerate().skip(from) {
        match b {
            b'[' => depth += 1,
            b']' => depth = depth.saturating_sub(1),
            b'>' if depth == 0 => return Some(i + 1),
            _ => {}
        }
    }
    None
}

/// The local name of a tag: up to whitespace or `/`, namespace prefix dropped; `None` if empty
/// or not a name.
fn tag_name(inner: &str) -> Option<&str> {
    let end = inner
        .find(|c: char| c.is_whitespace() || c == '/')
        .unwrap_or(inner.len());
    let name = inner.get(..end)?;
    let local = name.rsplit(':').next().unwrap_or(name);
    let valid = !local.is_empty()
        && !local.starts_with(|c: char| c.is_ascii_digit() || c == '-' || c == '.')
        && local
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'));
    valid.then_some(local)
}

/// Read an XML document into its root element.
fn parse_xml(text: &str) -> Result<Element, ParseError> {
    let bytes = text.as_bytes();
    let mut lines = Lines {
        text,
        offset: 0,
        line: 1,
    };
    let mut stack: Vec<Element> = Vec::new();
    let mut root: Option<Element> = None;
    let mut pos = 0;
    while pos < bytes.len() {
        let rest = text.get(pos..).unwrap_or_default();
        let line = lines.at(pos);
        let unclosed =
            |what: &str| ParseError::at(line, format!("invalid pom.xml: unclosed {what}"));
        if let Some(body) = rest.strip_prefix("<!--") {
            let end = body.find("-->").ok_or_else(|| unclosed("comment `<!--`"))?;
            pos += 4 + end + 3;
        } else if let Some(body) = rest.strip_prefix("<![CDATA[") {
            let end = body
                .find("]]>")
                .ok_or_else(|| unclosed("`<![CDATA[` section"))?;
            match stack.last_mut() {
                Some(top) => top.text.push_str(body.get(..end).unwrap_or_default()),
                None => {
                    return Err(ParseError::at(
                        line,
                        "invalid pom.xml: CDATA outside the root element",
                    ));
                }
            }
            pos += 9 + end + 3;
        } else if let Some(body) = rest.strip_prefix("<?") {
            let end = body
                .find("?>")
                .ok_or_else(|| unclosed("processing instruction `<?`"))?;
            pos += 2 + end + 2;
        } else if rest.starts_with("<!") {
            pos = doctype_end(bytes, pos).ok_or_else(|| unclosed("declaration `<!`"))?;
        } else if rest.starts_with('<') {
            let end = tag_end(bytes, pos + 1).ok_or_else(|| unclosed("tag `<`"))?;
            let inner = text.get(pos + 1..end).unwrap_or_default();
            pos = end + 1;
            if let Some(closing) = inner.strip_prefix('/') {
                let name = tag_name(closing.trim()).ok_or_else(|| {
                    ParseError::at(line, "invalid pom.xml: expected an element name after `</`")
                })?;
                let Some(element) = stack.pop() else {
                    return Err(ParseError::at(
                        line,
                        format!("invalid pom.xml: `</{name}>` closes no open element"),
                    ));
                };
                if element.name != name {
                    return Err(ParseError::at(
                        line,
                        format!(
                            "invalid pom.xml: expected `</{}>` (opened at line {}), found `</{name}>`",
                            element.name, element.line
                        ),
                    ));
                }
                match stack.last_mut() {
                    Some(parent) => parent.children.push(element),
                    None => root = Some(element),
                }
            } else {
                let name = tag_name(inner).ok_or_else(|| {
                    ParseError::at(line, "invalid pom.xml: expected an element name after `<`")
                })?;
                if root.is_some() {
                    return Err(ParseError::at(
                        line,
                        format!("invalid pom.xml: element `<{name}>` after the root element"),
                    ));
                }
                if stack.len() >= MAX_DEPTH {
                    return Err(ParseError::at(
                        line,
                        format!("invalid pom.xml: elements nested deeper than {MAX_DEPTH}"),
                    ));
                }
                let element = Element {
                    name: name.to_string(),
                    line,
                    ..Element::default()
                };
                if inner.ends_with('/') {
                    match stack.last_mut() {
                        Some(parent) => parent.children.push(element),
                        None => root = Some(element),
                    }
                } else {
                    stack.push(element);
                }
            }
        } else {
            let end = rest.find('<').unwrap_or(rest.len());
            let raw = rest.get(..end).unwrap_or_default();
            match stack.last_mut() {
                Some(top) => top.text.push_str(&decode_entities(raw)),
                None if raw.trim().is_empty() => {}
                None => {
                    return Err(ParseError::at(
                        line,
                        "invalid pom.xml: text outside the root element",
                    ));
                }
            }
            pos += end;
        }
    }
    if let Some(open) = stack.pop() {
        return Err(ParseError::at(
            open.line,
            format!("invalid pom.xml: `<{}>` is never closed", open.name),
        ));
    }
    root.ok_or_else(|| ParseError::new("invalid pom.xml: no root element"))
}

/// Longest value a `${...}` expansion may grow to (guards against self-doubling properties).
const MAX_EXPANSION: usize = 4096;

/// `value` with every `${name}` replaced from `properties`; `None` if one is unknown.
fn resolve(value: &str, properties: &HashMap<String, String>) -> Option<String> {
    let mut value = value.trim().to_string();
    for _ in 0..32 {
        let Some(start) = value.find("${") else {
            return Some(value);
        };
        let len = value.get(start + 2..)?.find('}')?;
        let key = value.get(start + 2..start + 2 + len)?;
        let replacement = properties.get(key.trim())?;
        let mut next = value.get(..start)?.to_string();
        next.push_str(replacement.trim());
        next.push_str(value.get(start + 3 + len..)?);
        if next.len() > MAX_EXPANSION {
            return None;
        }
        value = next;
    }
    None
}

/// Parse a `pom.xml`: the project's declared dependencies.
pub fn parse_pom_xml(_path: &str, data: &[u8]) -> Result<Vec<Package>, ParseError> {
    let text = text(data)?;
    let project = parse_xml(text)?;
    if project.name != "project" {
        return Err(ParseError::at(
            project.line,
            format!(
                "invalid pom.xml: expected a `<project>` root element, found `<{}>`",
                project.name
            ),
        ));
    }
    let mut properties: HashMap<String, String> = HashMap::new();
    if let Some(props) = project.child("properties") {
        for p in &props.children {
            properties.insert(p.name.clone(), p.text.trim().to_string());
        }
    }
    let parent = project.child("parent");
    let parent_text = |name: &str| parent.and_then(|p| p.child_text(name));
    let coordinates = [
        (
            "groupId",
            project.child_text("groupId").or(parent_text("groupId")),
        ),
        ("artifactId", project.child_text("artifactId")),
        (
            "version",
            project.child_text("version").or(parent_text("version")),
        ),
    ];
    for (name, value) in coordinates {
        if let Some(value) = value {
            properties.insert(format!("project.{name}"), value.to_string());
            properties.insert(format!("pom.{name}"), value.to_string());
        }
    }
    for name in ["groupId", "artifactId", "version"] {
        if let Some(value) = parent_text(name) {
            properties.insert(format!("project.parent.{name}"), value.to_string());
        }
    }

    // Versions this pom's own <dependencyManagement> gives, by resolved `group:artifact`.
    let mut managed: HashMap<(String, String), String> = HashMap::new();
    let managed_deps = project
        .child("dependencyManagement")
        .and_then(|m| m.child("dependencies"));
    for dep in managed_deps.iter().flat_map(|d| d.children("dependency")) {
        let group = dep
            .child_text("groupId")
            .and_then(|g| resolve(g, &properties));
        let artifact = dep
            .child_text("artifactId")
            .and_then(|a| resolve(a, &properties));
        if let (Some(group), Some(artifact), Some(version)) =
            (group, artifact, dep.child_text("version"))
        {
            managed
                .entry((group, artifact))
                .or_insert(version.to_string());
        }
    }

    let mut packages = Vec::new();
    let declared = project.child("dependencies");
    for dep in declared.iter().flat_map(|d| d.children("dependency")) {
        let (Some(group), Some(artifact)) =
            (dep.child_text("groupId"), dep.child_text("artifactId"))
        else {
            return Err(ParseError::at(
                dep.line,
                "invalid pom.xml: a `<dependency>` needs a `<groupId>` and an `<artifactId>`",
            ));
        };
        let (Some(group), Some(artifact)) =
            (resolve(group, &properties), resolve(artifact, &properties))
        else {
            continue;
        };
        let written = dep
            .child_text("version")
            .map(str::to_string)
            .or_else(|| managed.get(&(group.clone(), artifact.clone())).cloned());
        let version = written
            .and_then(|v| resolve(&v, &properties))
            .filter(|v| !v.starts_with(['[', '(']))
            .unwrap_or_default();
        let classifier = dep
            .child_text("classifier")
            .and_then(|c| resolve(c, &properties))
            .unwrap_or_default();
        let kind = dep
            .child_text("type")
            .and_then(|t| resolve(t, &properties))
            .filter(|t| t != "jar")
            .unwrap_or_default();
        let qualifiers = [("classifier", classifier.as_str()), ("type", kind.as_str())];
        let mut p = package(
            &format!("{group}:{artifact}"),
            &version,
            "Maven",
            maven_purl(&group, &artifact, &version, &qualifiers),
        );
        p.direct = Some(true);
        p.from_manifest = true;
        packages.push(p);
    }
    Ok(finish(packages))
}

#[cfg(test)]
mod tests {
    use super::*;

    const GRADLE: &str = include_str!("../../tests/fixtures/lang/gradle.lockfile");
    const COMMONS_TEXT: &str = include_str!("../../tests/fixtures/lang/commons-text.pom.xml");
    const POM: &str = include_str!("../../tests/fixtures/lang/pom.properties.xml");

    fn ids(packages: &[Package]) -> Vec<String> {
        packages.iter().map(|p| p.purl.clone()).collect()
    }

    #[test]
    fn gradle_lockfile_entries() {
        let packages = parse_gradle_lockfile("gradle.lockfile", GRADLE.as_bytes()).unwrap();
        assert_eq!(
            ids(&packages),
            [
                "pkg:maven/com.fasterxml.jackson.core/jackson-annotations@2.17.1",
                "pkg:maven/com.fasterxml.jackson.core/jackson-core@2.17.1",
                "pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.17.1",
                "pkg:maven/com.google.guava/failureaccess@1.0.2",
                "pkg:maven/com.google.guava/guava@33.2.1-jre",
                "pkg:maven/junit/junit@4.13.2",
                "pkg:maven/org.hamcrest/hamcrest-core@1.3",
                "pkg:maven/org.slf4j/slf4j-api@2.0.13",
            ]
        );
        assert!(
            packages
                .iter()
                .all(|p| p.ecosystem == "Maven" && p.direct.is_none() && !p.from_manifest)
        );
        assert_eq!(packages[4].name, "com.google.guava:guava");
        assert_eq!(packages[4].version, "33.2.1-jre");
    }

    #[test]
    fn malformed_gradle_lockfiles() {
        let err = parse_gradle_lockfile("gradle.lockfile", b"# c\na:b:1=x\na:b=x\n").unwrap_err();
        assert_eq!(err.line, Some(3), "{err}");
        let err = parse_gradle_lockfile("gradle.lockfile", b"a::1=x\n").unwrap_err();
        assert_eq!(err.line, Some(1), "{err}");
        // The pre-6.0 per-configuration form, without `=configurations`.
        let old = parse_gradle_lockfile("gradle.lockfile", b"a:b:1\nempty=\n").unwrap();
        assert_eq!(ids(&old), ["pkg:maven/a/b@1"]);
    }

    #[test]
    fn commons_text_pom_declares_three_dependencies() {
        let packages = parse_pom_xml("pom.xml", COMMONS_TEXT.as_bytes()).unwrap();
        assert_eq!(
            ids(&packages),
            [
                "pkg:maven/junit/junit@4.12",
                "pkg:maven/org.apache.commons/commons-lang3@3.6",
                "pkg:maven/org.hamcrest/hamcrest-all@1.3",
            ]
        );
        assert!(
            packages
                .iter()
                .all(|p| p.ecosystem == "Maven" && p.direct == Some(true) && p.from_manifest)
        );
        assert_eq!(packages[1].name, "org.apache.commons:commons-lang3");
    }

    #[test]
    fn pom_properties_management_and_markup() {
        let packages = parse_pom_xml("pom.xml", POM.as_bytes()).unwrap();
        let ids: Vec<_> = packages
            .iter()
            .map(|p| format!("{} {}", p.name, p.purl))
            .collect();
        assert_eq!(
            ids,
            [
                "com.example:shared-model pkg:maven/com.example/shared-model@2.4.0-SNAPSHOT",
                "com.example:shared-model pkg:maven/com.example/shared-model@2.4.0-SNAPSHOT?classifier=tests&type=test-jar",
                "com.fasterxml.jackson.core:jackson-databind pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.17.1",
                "io.netty:netty-handler pkg:maven/io.netty/netty-handler@4.1.111.Final",
                "org.junit.jupiter:junit-jupiter pkg:maven/org.junit.jupiter/junit-jupiter",
                "org.slf4j:slf4j-api pkg:maven/org.slf4j/slf4j-api",
                "org.springframework:spring-core pkg:maven/org.springframework/spring-core",
                "org.yaml:snakeyaml pkg:maven/org.yaml/snakeyaml@2.2",
            ]
        );
        assert!(
            packages
                .iter()
                .all(|p| p.from_manifest && p.direct == Some(true))
        );
    }

    #[test]
    fn malformed_poms() {
        let cases: [(&[u8], usize, &str); 8] = [
            (b"<project>\n<dependencies>\n</project>\n", 3, "dependencies"),
            (b"<project>\n<a>\n", 2, "never closed"),
            (b"<project>\n<!-- x\n</project>", 2, "comment"),
            (b"<project>\n<a b=\"x>\n</project>", 2, "tag"),
            (b"<project/>\n<project/>", 2, "after the root"),
            (b"<settings/>", 1, "<project>"),
            (b"\n\n<project>\n<dependencies><dependency>\n<artifactId>a</artifactId>\n</dependency></dependencies></project>", 4, "groupId"),
            (b"text<project/>", 1, "outside"),
        ];
        for (data, line, needle) in cases {
            let err = parse_pom_xml("pom.xml", data).unwrap_err();
            assert_eq!(err.line, Some(line), "{err}");
            assert!(err.message.contains(needle), "{err}");
        }
        let deep = "<a>".repeat(MAX_DEPTH + 1);
        let err = parse_pom_xml("pom.xml", deep.as_bytes()).unwrap_err();
        assert!(err.message.contains("deeper"), "{err}");
        assert!(parse_pom_xml("pom.xml", b"").is_err());
        assert!(parse_pom_xml("pom.xml", b"<project/>").unwrap().is_empty());
    }

    #[test]
    fn property_expansion_is_bounded() {
        let mut props = HashMap::new();
        props.insert("a".to_string(), "${a}${a}".to_string());
        assert_eq!(resolve("${a}", &props), None);
        props.insert("b".to_string(), "1.${c}".to_string());
        props.insert("c".to_string(), "2".to_string());
        assert_eq!(resolve(" ${b}.3 ", &props).as_deref(), Some("1.2.3"));
        assert_eq!(resolve("${missing}", &props), None);
        assert_eq!(resolve("${unterminated", &props), None);
        assert_eq!(
            decode_entities("a&lt;b&amp;&#x41;&#66;&bogus;&"),
            "a<b&AB&bogus;&"
        );
    }

    #[test]
    fn damaged_poms_and_lockfiles_never_panic() {
        for (parse, text) in [
            (parse_pom_xml as crate::LangParser, COMMONS_TEXT),
            (parse_pom_xml, POM),
            (parse_gradle_lockfile, GRADLE),
        ] {
            let bytes = text.as_bytes();
            let lines = text.lines().count() + 1;
            let step = (bytes.len() / 300).max(1);
            for cut in (0..bytes.len()).step_by(step) {
                let check = |data: &[u8]| {
                    if let Err(e) = parse("pom.xml", data) {
                        assert!(e.line.is_none_or(|l| l >= 1 && l <= lines + 1), "{e}");
                    }
                };
                check(bytes.get(..cut).unwrap_or_default());
                for replacement in [b'<', b'>', b'/', b'"', b'&', b'$', b'{', b'\n', 0xff] {
                    let mut damaged = bytes.to_vec();
                    if let Some(b) = damaged.get_mut(cut) {
                        *b = replacement;
                    }
                    check(&damaged);
                }
            }
        }
    }
}

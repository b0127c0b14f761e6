//! SBOMs as input: CycloneDX (1.4–1.6) and SPDX 2.x JSON documents read back into packages,
//! so an SBOM made by any tool takes the same road as a scanned tree.

use std::collections::HashMap;

use rampart_core::{Analyzer, Blob, Emitted, Package, RuleMeta, ScanError, ScanErrorKind};
use serde_json::Value;

use crate::ParseError;
use crate::purl;

/// The ecosystem (OSV spelling) a purl type stands for; OS types use the distro qualifier.
pub fn ecosystem_of(p: &purl::Purl) -> String {
    let distro = p
        .qualifiers
        .iter()
        .find(|(k, _)| k == "distro")
        .map(|(_, v)| v.as_str());
    match p.package_type.as_str() {
        "cargo" => "crates.io".into(),
        "npm" => "npm".into(),
        "pypi" => "PyPI".into(),
        "golang" => "Go".into(),
        "gem" => "RubyGems".into(),
        "composer" => "Packagist".into(),
        "maven" => "Maven".into(),
        "nuget" => "NuGet".into(),
        "hex" => "Hex".into(),
        "pub" => "Pub".into(),
        "deb" => {
            let vendor = match p.namespace.as_deref() {
                Some("ubuntu") => "Ubuntu",
                _ => "Debian",
            };
            // `debian-12.5` → `Debian:12`; `ubuntu-22.04` → `Ubuntu:22.04`.
            match distro.and_then(|d| d.rsplit_once('-')).map(|(_, v)| v) {
                Some(v) if vendor == "Debian" => {
                    format!("Debian:{}", v.split('.').next().unwrap_or(v))
                }
                Some(v) => format!("{vendor}:{v}"),
                None => vendor.into(),
            }
        }
        "apk" => match distro {
            Some(d) => {
                let mut parts = d.trim_start_matches('v').split('.');
                match (parts.next(), parts.next()) {
                    (Some(major), Some(minor)) => format!("Alpine:v{major}.{minor}"),
                    _ => "Alpine".into(),
                }
            }
            None => "Alpine".into(),
        },
        "rpm" => p.namespace.clone().unwrap_or_else(|| "RPM".into()),
        other => other.into(),
    }
}

fn package_from(
    name: &str,
    version: &str,
    purl_text: &str,
    licenses: Vec<String>,
    location: &str,
) -> Package {
    let parsed = purl::parse(purl_text);
    let ecosystem = parsed.as_ref().map(ecosystem_of).unwrap_or_default();
    let full_name = match parsed.as_ref().and_then(|p| p.namespace.clone()) {
        // npm scopes and Go module paths are part of the name people search for.
        Some(ns)
            if matches!(
                parsed.as_ref().map(|p| p.package_type.as_str()),
                Some("npm" | "golang" | "composer")
            ) =>
        {
            format!(
                "{ns}/{}",
                parsed.as_ref().map(|p| p.name.as_str()).unwrap_or(name)
            )
        }
        _ => name.to_string(),
    };
    Package {
        name: full_name,
        version: version.to_string(),
        ecosystem,
        purl: purl_text.to_string(),
        licenses,
        locations: vec![location.to_string()],
        direct: None,
        from_manifest: false,
        source_name: None,
        source_version: None,
        dependencies: Vec::new(),
        layer: None,
    }
}

fn cyclonedx_licenses(component: &Value) -> Vec<String> {
    component["licenses"]
        .as_array()
        .map(|list| {
            list.iter()
                .filter_map(|l| {
                    l["expression"]
                        .as_str()
                        .or_else(|| l["license"]["id"].as_str())
                        .or_else(|| l["license"]["name"].as_str())
                        .map(str::to_string)
                })
                .collect()
        })
        .unwrap_or_default()
}

fn cyclonedx(doc: &Value, location: &str) -> Vec<Package> {
    let mut packages = Vec::new();
    let mut refs: HashMap<String, String> = HashMap::new();
    let mut stack: Vec<&Value> = doc["components"]
        .as_array()
        .map(|c| c.iter().collect())
        .unwrap_or_default();
    while let Some(component) = stack.pop() {
        if let Some(children) = component["components"].as_array() {
            stack.extend(children.iter());
        }
        let Some(purl_text) = component["purl"].as_str() else {
            continue;
        };
        let name = component["name"].as_str().unwrap_or_default();
        let version = component["version"].as_str().unwrap_or_default();
        if let Some(bom_ref) = component["bom-ref"].as_str() {
            refs.insert(bom_ref.to_string(), purl_text.to_string());
        }
        packages.push(package_from(
            name,
            version,
            purl_text,
            cyclonedx_licenses(component),
            location,
        ));
    }
    let mut deps: HashMap<String, Vec<String>> = HashMap::new();
    for d in doc["dependencies"].as_array().into_iter().flatten() {
        let Some(from) = d["ref"].as_str().and_then(|r| refs.get(r)) else {
            continue;
        };
        let to = d["dependsOn"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|t| t.as_str())
            .filter_map(|t| refs.get(t).cloned());
        deps.entry(from.clone()).or_default().extend(to);
    }
    for p in &mut packages {
        if let Some(d) = deps.get(&p.purl) {
            p.dependencies = d.clone();
            p.dependencies.sort();
            p.dependencies.dedup();
        }
    }
    packages
}

fn spdx(doc: &Value, location: &str) -> Vec<Package> {
    let mut packages = Vec::new();
    for p in doc["packages"].as_array().into_iter().flatten() {
        let purl_text = p["externalRefs"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|r| r["referenceType"] == "purl")
            .and_then(|r| r["referenceLocator"].as_str());
        let Some(purl_text) = purl_text else { continue };
        let licenses = ["licenseDeclared", "licenseConcluded"]
            .iter()
            .filter_map(|k| p[*k].as_str())
            .find(|l| !matches!(*l, "NOASSERTION" | "NONE" | ""))
            .map(|l| vec![l.to_string()])
            .unwrap_or_default();
        packages.push(package_from(
            p["name"].as_str().unwrap_or_default(),
            p["versionInfo"].as_str().unwrap_or_default(),
            purl_text,
            licenses,
            location,
        ));
    }
    packages
}

/// Packages of a CycloneDX or SPDX JSON document; components without a purl are skipped
/// (nothing could match them against advisories).
pub fn parse(location: &str, data: &[u8]) -> Result<Vec<Package>, ParseError> {
    let doc: Value = serde_json::from_slice(data).map_err(|e| {
        ParseError::at(
            e.line(),
            format!("not JSON ({e}); rampart reads CycloneDX and SPDX as JSON"),
        )
    })?;
    let mut packages = if doc["bomFormat"] == "CycloneDX" {
        cyclonedx(&doc, location)
    } else if doc["spdxVersion"]
        .as_str()
        .is_some_and(|v| v.starts_with("SPDX-2"))
    {
        spdx(&doc, location)
    } else {
        return Err(ParseError::new(
            "neither a CycloneDX (`bomFormat`) nor an SPDX 2.x (`spdxVersion`) JSON document",
        ));
    };
    crate::normalize_licenses(&mut packages);
    Ok(packages)
}

/// Reads the SBOM file of an `sbom:FILE` target.
#[derive(Debug, Default)]
pub struct SbomInputAnalyzer;

impl Analyzer for SbomInputAnalyzer {
    fn scanner(&self) -> &'static str {
        "inventory"
    }

    fn wants(&self, _path: &str, _size: u64) -> bool {
        true
    }

    fn analyze(&self, blob: &Blob<'_>, out: &mut Emitted) {
        match parse(blob.path, blob.data) {
            Ok(packages) => out.packages.extend(packages),
            Err(e) => out.errors.push(ScanError {
                path: blob.path.to_string(),
                kind: ScanErrorKind::Parse,
                message: format!("cannot read the SBOM: {e}"),
            }),
        }
    }

    fn rules(&self) -> Vec<RuleMeta> {
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_cyclonedx_with_nested_components_and_dependencies() {
        let doc = br#"{"bomFormat":"CycloneDX","specVersion":"1.5","components":[
            {"type":"library","bom-ref":"a","name":"left-pad","version":"1.3.0","purl":"pkg:npm/left-pad@1.3.0",
             "licenses":[{"license":{"id":"WTFPL"}}],
             "components":[{"type":"library","bom-ref":"b","name":"animation","version":"12.3.1","purl":"pkg:npm/%40angular/animation@12.3.1"}]},
            {"type":"library","name":"no-purl","version":"1"},
            {"type":"library","bom-ref":"c","name":"libc6","version":"2.36-9","purl":"pkg:deb/debian/libc6@2.36-9?arch=amd64&distro=debian-12.5"}],
            "dependencies":[{"ref":"a","dependsOn":["b"]}]}"#;
        let mut packages = parse("bom.json", doc).unwrap();
        packages.sort();
        let summary: Vec<(&str, &str, &str)> = packages
            .iter()
            .map(|p| (p.name.as_str(), p.version.as_str(), p.ecosystem.as_str()))
            .collect();
        assert_eq!(
            summary,
            vec![
                ("@angular/animation", "12.3.1", "npm"),
                ("left-pad", "1.3.0", "npm"),
                ("libc6", "2.36-9", "Debian:12")
            ]
        );
        let left_pad = packages.iter().find(|p| p.name == "left-pad").unwrap();
        assert_eq!(left_pad.licenses, vec!["WTFPL"]);
        assert_eq!(
            left_pad.dependencies,
            vec!["pkg:npm/%40angular/animation@12.3.1"]
        );
    }

    #[test]
    fn reads_spdx_and_rejects_other_json() {
        let doc = br#"{"spdxVersion":"SPDX-2.3","packages":[{"name":"serde","versionInfo":"1.0.0","licenseDeclared":"MIT OR Apache-2.0",
            "externalRefs":[{"referenceCategory":"PACKAGE-MANAGER","referenceType":"purl","referenceLocator":"pkg:cargo/serde@1.0.0"}]}]}"#;
        let packages = parse("x.spdx.json", doc).unwrap();
        assert_eq!(packages[0].ecosystem, "crates.io");
        assert_eq!(packages[0].licenses, vec!["MIT OR Apache-2.0"]);
        let err = parse("x.json", br#"{"hello": 1}"#).unwrap_err().to_string();
        assert!(err.contains("CycloneDX") && err.contains("SPDX"), "{err}");
        let err = parse("x.json", b"{\n\"a\": ").unwrap_err();
        assert_eq!(err.line, Some(2));
    }
}

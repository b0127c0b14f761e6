//! SBOM writers: CycloneDX 1.6 JSON, SPDX 2.3 JSON, and a table. Output is deterministic for
//! a given inventory (set `SOURCE_DATE_EPOCH` to fix the timestamp as well).

use std::collections::BTreeMap;
use std::io::{self, Write};

use rampart_core::{Package, Target, Tool};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

/// What an SBOM describes.
pub struct Inventory<'a> {
    /// The program writing it.
    pub tool: &'a Tool,
    /// What was inventoried.
    pub target: &'a Target,
    /// Packages, sorted.
    pub packages: &'a [Package],
    /// Creation time, RFC 3339.
    pub timestamp: &'a str,
}

/// A name-based UUID (SHA-256 truncated, version nibble 5-style) so the same inventory always
/// gets the same serial number.
fn stable_uuid(inventory: &Inventory<'_>) -> String {
    let mut hasher = Sha256::new();
    hasher.update(inventory.target.name.as_bytes());
    for p in inventory.packages {
        hasher.update([0]);
        hasher.update(p.purl.as_bytes());
        for l in &p.locations {
            hasher.update([1]);
            hasher.update(l.as_bytes());
        }
    }
    let mut b: [u8; 16] = [0; 16];
    b.copy_from_slice(&hasher.finalize()[..16]);
    b[6] = (b[6] & 0x0f) | 0x50;
    b[8] = (b[8] & 0x3f) | 0x80;
    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..]
    )
}

/// Whether `text` reads as an SPDX license expression (ids joined by AND/OR/WITH).
fn is_spdx_expression(text: &str) -> bool {
    let mut expect_id = true;
    for token in text.split_whitespace() {
        let token = token.trim_start_matches('(').trim_end_matches(')');
        if expect_id {
            let ok = !token.is_empty()
                && token
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '+' | ':'));
            if !ok {
                return false;
            }
        } else if !matches!(token, "AND" | "OR" | "WITH") {
            return false;
        }
        expect_id = !expect_id;
    }
    !expect_id
}

/// CycloneDX 1.6 JSON.
pub fn cyclonedx(inventory: &Inventory<'_>, out: &mut dyn Write) -> io::Result<()> {
    let components: Vec<Value> = inventory
        .packages
        .iter()
        .map(|p| {
            let mut c = json!({
                "type": "library",
                "bom-ref": p.purl,
                "name": p.name,
                "version": p.version,
                "purl": p.purl,
            });
            if !p.licenses.is_empty() {
                let licenses: Vec<Value> = p
                    .licenses
                    .iter()
                    .map(|l| {
                        if l.contains(' ') && is_spdx_expression(l) {
                            json!({ "expression": l })
                        } else {
                            json!({ "license": { "name": l } })
                        }
                    })
                    .collect();
                c["licenses"] = json!(licenses);
            }
            let mut properties = vec![json!({"name": "rampart:ecosystem", "value": p.ecosystem})];
            for l in &p.locations {
                properties.push(json!({"name": "rampart:location", "value": l}));
            }
            if let Some(direct) = p.direct {
                properties.push(json!({"name": "rampart:direct", "value": direct.to_string()}));
            }
            if p.from_manifest {
                properties.push(json!({"name": "rampart:from_manifest", "value": "true"}));
            }
            if let Some(source) = &p.source_name {
                properties.push(json!({"name": "rampart:source_name", "value": source}));
            }
            if let Some(version) = &p.source_version {
                properties.push(json!({"name": "rampart:source_version", "value": version}));
            }
            if let Some(layer) = &p.layer {
                properties.push(json!({"name": "rampart:layer", "value": layer}));
            }
            c["properties"] = json!(properties);
            c
        })
        .collect();
    // Several packages can share a purl (one crate in two lockfiles): one dependency entry each.
    let mut dependencies: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    let known: std::collections::BTreeSet<&str> =
        inventory.packages.iter().map(|p| p.purl.as_str()).collect();
    for p in inventory.packages {
        let entry = dependencies.entry(&p.purl).or_default();
        entry.extend(
            p.dependencies
                .iter()
                .map(String::as_str)
                .filter(|d| known.contains(d)),
        );
    }
    let dependencies: Vec<Value> = dependencies
        .into_iter()
        .map(|(r, mut deps)| {
            deps.sort_unstable();
            deps.dedup();
            json!({"ref": r, "dependsOn": deps})
        })
        .collect();
    // bom-refs must be unique: keep the first component per purl, merge locations of the rest.
    let mut seen = std::collections::BTreeSet::new();
    let components: Vec<Value> = components
        .into_iter()
        .filter(|c| seen.insert(c["bom-ref"].as_str().unwrap_or_default().to_string()))
        .collect();
    let bom = json!({
        "bomFormat": "CycloneDX",
        "specVersion": "1.6",
        "serialNumber": format!("urn:uuid:{}", stable_uuid(inventory)),
        "version": 1,
        "metadata": {
            "timestamp": inventory.timestamp,
            "tools": { "components": [{
                "type": "application",
                "name": inventory.tool.name,
                "version": inventory.tool.version,
            }] },
            "component": {
                "type": if inventory.target.kind == "dir" { "application" } else { "container" },
                "bom-ref": format!("target:{}", inventory.target.name),
                "name": inventory.target.name,
            },
        },
        "components": components,
        "dependencies": dependencies,
    });
    serde_json::to_writer_pretty(&mut *out, &bom)?;
    out.write_all(b"\n")
}

/// SPDX 2.3 JSON.
pub fn spdx(inventory: &Inventory<'_>, out: &mut dyn Write) -> io::Result<()> {
    let ids: BTreeMap<&str, String> = inventory
        .packages
        .iter()
        .enumerate()
        .map(|(i, p)| (p.purl.as_str(), format!("SPDXRef-Package-{}", i + 1)))
        .collect();
    let mut packages = Vec::new();
    let mut relationships = Vec::new();
    let mut emitted = std::collections::BTreeSet::new();
    for p in inventory.packages {
        let Some(id) = ids.get(p.purl.as_str()) else {
            continue;
        };
        if !emitted.insert(id.clone()) {
            continue;
        }
        let declared = match p.licenses.as_slice() {
            [one] if is_spdx_expression(one) => one.clone(),
            [] => "NOASSERTION".to_string(),
            many if many.iter().all(|l| is_spdx_expression(l)) => many
                .iter()
                .map(|l| {
                    if l.contains(' ') {
                        format!("({l})")
                    } else {
                        l.clone()
                    }
                })
                .collect::<Vec<_>>()
                .join(" AND "),
            _ => "NOASSERTION".to_string(),
        };
        let mut comment = format!(
            "ecosystem: {}; found in: {}",
            p.ecosystem,
            p.locations.join(", ")
        );
        if let Some(source) = &p.source_name {
            comment.push_str(&format!("; source package: {source}"));
            if let Some(version) = &p.source_version {
                comment.push_str(&format!(" {version}"));
            }
        }
        packages.push(json!({
            "SPDXID": id,
            "name": p.name,
            "versionInfo": p.version,
            "downloadLocation": "NOASSERTION",
            "filesAnalyzed": false,
            "licenseConcluded": "NOASSERTION",
            "licenseDeclared": declared,
            "copyrightText": "NOASSERTION",
            "comment": comment,
            "externalRefs": [{
                "referenceCategory": "PACKAGE-MANAGER",
                "referenceType": "purl",
                "referenceLocator": p.purl,
            }],
        }));
        relationships.push(json!({
            "spdxElementId": "SPDXRef-DOCUMENT",
            "relationshipType": "DESCRIBES",
            "relatedSpdxElement": id,
        }));
        for dep in &p.dependencies {
            if let Some(dep_id) = ids.get(dep.as_str()) {
                relationships.push(json!({
                    "spdxElementId": id,
                    "relationshipType": "DEPENDS_ON",
                    "relatedSpdxElement": dep_id,
                }));
            }
        }
    }
    let doc = json!({
        "spdxVersion": "SPDX-2.3",
        "dataLicense": "CC0-1.0",
        "SPDXID": "SPDXRef-DOCUMENT",
        "name": inventory.target.name,
        "documentNamespace": format!("https://rampart.invalid/spdx/{}", stable_uuid(inventory)),
        "creationInfo": {
            "created": inventory.timestamp,
            "creators": [format!("Tool: {}-{}", inventory.tool.name, inventory.tool.version)],
        },
        "packages": packages,
        "relationships": relationships,
    });
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    out.write_all(b"\n")
}

/// One line per package: name, version, ecosystem, where.
pub fn table(inventory: &Inventory<'_>, out: &mut dyn Write) -> io::Result<()> {
    let w = |f: fn(&Package) -> usize, min: usize| {
        inventory.packages.iter().map(f).max().unwrap_or(0).max(min)
    };
    let (nw, vw, ew) = (
        w(|p| p.name.len(), 4),
        w(|p| p.version.len(), 7),
        w(|p| p.ecosystem.len(), 9),
    );
    writeln!(
        out,
        "{:<nw$}  {:<vw$}  {:<ew$}  LOCATION",
        "NAME", "VERSION", "ECOSYSTEM"
    )?;
    for p in inventory.packages {
        writeln!(
            out,
            "{:<nw$}  {:<vw$}  {:<ew$}  {}",
            p.name,
            p.version,
            p.ecosystem,
            p.locations.join(", ")
        )?;
    }
    writeln!(out, "\n{} packages", inventory.packages.len())
}

#[cfg(test)]
mod tests {
    use super::is_spdx_expression;

    #[test]
    fn recognises_spdx_expressions() {
        assert!(is_spdx_expression("MIT"));
        assert!(is_spdx_expression("MIT OR Apache-2.0"));
        assert!(is_spdx_expression("(MIT OR Apache-2.0) AND BSD-3-Clause"));
        assert!(is_spdx_expression(
            "GPL-2.0-or-later WITH Classpath-exception-2.0"
        ));
        assert!(!is_spdx_expression("MIT License"));
        assert!(!is_spdx_expression("MIT OR"));
        assert!(!is_spdx_expression(""));
    }
}

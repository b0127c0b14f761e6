//! `sbom:FILE` targets: SBOMs made elsewhere read back into the inventory.

use serde_json::Value;

use crate::support::*;

const FOREIGN_CYCLONEDX: &str = r#"{
  "bomFormat": "CycloneDX", "specVersion": "1.5", "version": 1,
  "components": [
    {"type": "library", "bom-ref": "pkg:npm/left-pad@1.3.0", "name": "left-pad", "version": "1.3.0",
     "purl": "pkg:npm/left-pad@1.3.0", "licenses": [{"license": {"id": "WTFPL"}}]},
    {"type": "library", "bom-ref": "ghost", "name": "ghostscript-lib", "version": "9.0",
     "purl": "pkg:generic/ghostscript-lib@9.0", "licenses": [{"expression": "AGPL-3.0-or-later"}]},
    {"type": "library", "bom-ref": "pkg:deb/debian/zlib1g@1:1.2.13.dfsg-1?arch=amd64&distro=debian-12",
     "name": "zlib1g", "version": "1:1.2.13.dfsg-1",
     "purl": "pkg:deb/debian/zlib1g@1:1.2.13.dfsg-1?arch=amd64&distro=debian-12"}
  ],
  "dependencies": [{"ref": "pkg:npm/left-pad@1.3.0", "dependsOn": ["ghost"]}]
}"#;

#[test]
fn a_foreign_cyclonedx_converts_to_valid_spdx_and_back() {
    let tree = Tree::new();
    tree.write("bom.json", FOREIGN_CYCLONEDX);
    let out = tree.rampart(&["sbom", "--format", "spdx-json", "sbom:bom.json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let spdx: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_matches_schema(include_str!("../fixtures/spdx-schema-2.3.json"), &spdx);
    let names: Vec<&str> = spdx["packages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, vec!["ghostscript-lib", "left-pad", "zlib1g"]);
    tree.write("bom.spdx.json", &out.stdout);
    let back = tree.rampart(&["sbom", "--format", "cyclonedx-json", "sbom:bom.spdx.json"]);
    let cdx: Value = serde_json::from_slice(&back.stdout).unwrap();
    assert_matches_schema(include_str!("../fixtures/bom-1.6.schema.json"), &cdx);
    let purls: Vec<&str> = cdx["components"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["purl"].as_str().unwrap())
        .collect();
    assert!(
        purls.contains(&"pkg:deb/debian/zlib1g@1:1.2.13.dfsg-1?arch=amd64&distro=debian-12"),
        "{purls:?}"
    );
}

#[test]
fn licence_scanning_works_on_an_sbom_target() {
    let tree = Tree::new();
    tree.write("bom.json", FOREIGN_CYCLONEDX);
    let (code, report) = tree.scan_json_target(&["--fail-on", "high"], "sbom:bom.json");
    assert_eq!(code, 1, "{report:#}");
    assert_eq!(report["target"]["kind"], "sbom");
    assert_eq!(report["scanners"], serde_json::json!(["license"]));
    let found: Vec<String> = hits(&report).into_iter().map(|h| h.0).collect();
    assert_eq!(found, vec!["license-copyleft"], "{report:#}");
    assert!(
        report["findings"][0]["message"]
            .as_str()
            .unwrap()
            .contains("ghostscript-lib 9.0")
    );

    let out = tree.rampart(&["scan", "--scanners", "secret", "sbom:bom.json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("does not apply to an SBOM"),
        "{}",
        stderr(&out)
    );
    tree.write("not-an-sbom.json", "{\"hello\": true}");
    let out = tree.rampart(&["sbom", "--strict", "sbom:not-an-sbom.json"]);
    assert_eq!(out.status.code(), Some(3));
    assert!(
        stderr(&out).contains("neither a CycloneDX"),
        "{}",
        stderr(&out)
    );
}

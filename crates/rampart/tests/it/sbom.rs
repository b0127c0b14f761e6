//! `rampart sbom`: real lockfiles and a real dpkg database in, schema-valid SBOMs out.

use serde_json::Value;

use crate::support::*;

/// A tree with this workspace's own Cargo.lock and a small Debian root filesystem.
fn project_and_rootfs() -> Tree {
    let tree = Tree::new();
    tree.write("app/Cargo.lock", include_str!("../../../../Cargo.lock"));
    tree.write(
        "rootfs/var/lib/dpkg/status",
        include_str!("../fixtures/rootfs/dpkg-status"),
    );
    tree.write(
        "rootfs/etc/os-release",
        include_str!("../fixtures/rootfs/os-release"),
    );
    tree
}

fn sbom(tree: &Tree, format: &str) -> (std::process::Output, Value) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_rampart"))
        .args(["sbom", "--format", format, "."])
        .current_dir(tree.path())
        .env("CI", "true")
        .env("SOURCE_DATE_EPOCH", "1795500000")
        .output()
        .expect("run rampart");
    let doc =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", stderr(&out)));
    (out, doc)
}

fn purls(values: impl Iterator<Item = String>) -> Vec<String> {
    values.collect()
}

#[test]
fn cyclonedx_validates_and_holds_language_and_os_packages() {
    let tree = project_and_rootfs();
    let (out, bom) = sbom(&tree, "cyclonedx-json");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_matches_schema(include_str!("../fixtures/bom-1.6.schema.json"), &bom);
    assert_eq!(bom["specVersion"], "1.6");
    assert_eq!(bom["metadata"]["timestamp"], "2026-11-24T06:00:00Z");
    let all = purls(
        bom["components"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["purl"].as_str().unwrap().to_string()),
    );
    let serde_version = include_str!("../../../../Cargo.lock")
        .split("[[package]]")
        .find(|p| p.contains("name = \"serde\"\n"))
        .and_then(|p| p.lines().find(|l| l.starts_with("version = ")))
        .map(|l| {
            l.trim_start_matches("version = ")
                .trim_matches('"')
                .to_string()
        })
        .unwrap();
    assert!(
        all.contains(&format!("pkg:cargo/serde@{serde_version}")),
        "{all:?}"
    );
    assert!(
        all.iter()
            .any(|p| p.starts_with("pkg:deb/debian/zlib1g@1:1.2.13.dfsg-1?")
                && p.contains("distro=debian-12")),
        "{all:?}"
    );
    // Workspace members are not published packages.
    assert!(
        !all.iter().any(|p| p.starts_with("pkg:cargo/rampart-core@")),
        "{all:?}"
    );
}

#[test]
fn spdx_validates_and_is_reproducible() {
    let tree = project_and_rootfs();
    let (out, doc) = sbom(&tree, "spdx-json");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_matches_schema(include_str!("../fixtures/spdx-schema-2.3.json"), &doc);
    let libc = doc["packages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "libc6")
        .expect("libc6 listed");
    assert!(
        libc["comment"]
            .as_str()
            .unwrap()
            .contains("source package: glibc")
    );
    let (_, again) = sbom(&tree, "spdx-json");
    assert_eq!(doc, again, "same input, same SBOM");
}

#[test]
fn a_broken_lockfile_is_named_and_the_rest_still_inventoried() {
    let tree = project_and_rootfs();
    tree.write(
        "broken/Cargo.lock",
        "[[package]]\nname = \"x\"\nversion = \n",
    );
    let out = tree.rampart(&["sbom", "--format", "table", "."]);
    assert_eq!(out.status.code(), Some(0));
    let err = stderr(&out);
    assert!(
        err.contains("broken/Cargo.lock") && err.contains("line 3"),
        "{err}"
    );
    let table = stdout(&out);
    assert!(
        table.contains("libc6") && table.contains("serde"),
        "{table}"
    );
    let strict = tree.rampart(&["sbom", "--strict", "."]);
    assert_eq!(strict.status.code(), Some(3));
}

#[test]
fn go_binaries_contribute_their_modules_and_stdlib() {
    let tree = Tree::new();
    tree.write(
        "bin/hello",
        include_bytes!(
            "../../../rampart-inventory/tests/fixtures/binary/go1.19-linux-amd64-stripped"
        ),
    );
    tree.write("bin/not-go", b"\x7fELF\x02\x01\x01 not a go binary at all");
    let (out, bom) = sbom(&tree, "cyclonedx-json");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let all: Vec<String> = bom["components"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["purl"].as_str().unwrap().to_string())
        .collect();
    assert!(
        all.contains(&"pkg:golang/stdlib@v1.19.8".to_string()),
        "{all:?}"
    );
    assert!(all.iter().all(|p| p.starts_with("pkg:golang/")), "{all:?}");
}

#[test]
fn requirements_includes_are_followed_inside_the_target_only() {
    let tree = Tree::new();
    tree.write(
        "svc/requirements.txt",
        "-r base.txt\n--requirement=../shared/extra.txt\n-r missing.txt\n-r ../../../etc/passwd\nflask==3.0.3\n",
    );
    tree.write("svc/base.txt", "requests==2.32.3\n-r nested/pins.in\n");
    tree.write(
        "svc/nested/pins.in",
        "urllib3==2.2.2  # via requests\n-r ../base.txt\n",
    );
    tree.write("shared/extra.txt", "gunicorn==22.0.0\n");
    let (out, bom) = sbom(&tree, "cyclonedx-json");
    let err = stderr(&out);
    assert!(
        err.contains("missing.txt") && err.contains("cannot read"),
        "{err}"
    );
    assert!(err.contains("points outside the scanned target"), "{err}");
    let mut found: Vec<(String, String)> = bom["components"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            let location = c["properties"]
                .as_array()
                .unwrap()
                .iter()
                .find(|p| p["name"] == "rampart:location")
                .unwrap()["value"]
                .as_str()
                .unwrap()
                .to_string();
            (c["purl"].as_str().unwrap().to_string(), location)
        })
        .collect();
    found.sort();
    assert_eq!(
        found,
        vec![
            (
                "pkg:pypi/flask@3.0.3".to_string(),
                "svc/requirements.txt".to_string()
            ),
            (
                "pkg:pypi/gunicorn@22.0.0".to_string(),
                "shared/extra.txt".to_string()
            ),
            (
                "pkg:pypi/requests@2.32.3".to_string(),
                "svc/base.txt".to_string()
            ),
            (
                "pkg:pypi/urllib3@2.2.2".to_string(),
                "svc/nested/pins.in".to_string()
            ),
        ]
    );
}

#[test]
fn go_sum_fills_in_indirect_modules_of_pre_1_17_go_mods() {
    let tree = Tree::new();
    tree.write(
        "old/go.mod",
        "module example.com/old\n\ngo 1.16\n\nrequire github.com/pkg/errors v0.9.1\n",
    );
    tree.write(
        "old/go.sum",
        "github.com/pkg/errors v0.9.1 h1:FEBLx1zS214owpjy7qsBeixbURkuhQAwrK5UwLGTwt4=\n\
         golang.org/x/text v0.3.7 h1:olpwvP2KacW1ZWvsR7uQhoyTYvKAupfQrRGBFM352Gk=\n",
    );
    tree.write(
        "new/go.mod",
        "module example.com/new\n\ngo 1.21\n\nrequire github.com/pkg/errors v0.9.1\n",
    );
    tree.write(
        "new/go.sum",
        "golang.org/x/text v0.3.7 h1:olpwvP2KacW1ZWvsR7uQhoyTYvKAupfQrRGBFM352Gk=\n",
    );
    let out = tree.rampart(&["sbom", "."]);
    let table = stdout(&out);
    let text_rows: Vec<&str> = table
        .lines()
        .filter(|l| l.starts_with("golang.org/x/text"))
        .collect();
    assert_eq!(text_rows.len(), 1, "{table}");
    assert!(text_rows[0].ends_with("old/go.sum"), "{table}");
}

//! `--scanners license`: licence files and declared licences against the policy.

use crate::support::*;

const AGPL_HEADER: &str = "                    GNU AFFERO GENERAL PUBLIC LICENSE\n                       Version 3, 19 November 2007\n\n Copyright (C) 2007 Free Software Foundation, Inc. <https://fsf.org/>\n";
const MIT_TEXT: &str = "MIT License\n\nCopyright (c) 2026 Example\n\nPermission is hereby granted, free of charge, to any person obtaining a copy\nof this software and associated documentation files (the \"Software\"), to deal\nin the Software without restriction.\n\nThe above copyright notice and this permission notice shall be included in all\ncopies or substantial portions of the Software.\n";

#[test]
fn licence_files_are_recognised_and_judged_by_policy() {
    let tree = Tree::new();
    tree.write("LICENSE", MIT_TEXT);
    tree.write("vendor/agpl-lib/COPYING", AGPL_HEADER);
    tree.write("vendor/odd/LICENSE.txt", "Use it only on Tuesdays.\n");
    let (code, report) = tree.scan_json(&["--scanners", "license"]);
    assert_eq!(code, 0);
    let found = hits(&report);
    assert_eq!(
        found,
        vec![
            (
                "license-copyleft".to_string(),
                "vendor/agpl-lib/COPYING".to_string(),
                1
            ),
            (
                "license-unknown".to_string(),
                "vendor/odd/LICENSE.txt".to_string(),
                1
            ),
        ],
        "{report:#}"
    );
    assert_eq!(report["findings"][0]["kind"], "license");
    assert_eq!(report["findings"][0]["severity"], "high");
    assert!(
        report["findings"][0]["message"]
            .as_str()
            .unwrap()
            .contains("AGPL-3.0-only")
    );

    tree.write(
        "rampart.toml",
        "[license]\ndeny = [\"MIT\"]\nallow = [\"AGPL-3.0-only\"]\n",
    );
    let (code, report) = tree.scan_json(&["--scanners", "license", "--fail-on", "high"]);
    let found: Vec<(String, String)> = hits(&report).into_iter().map(|h| (h.0, h.1)).collect();
    assert_eq!(
        found,
        vec![
            ("license-denied".to_string(), "LICENSE".to_string()),
            (
                "license-unknown".to_string(),
                "vendor/odd/LICENSE.txt".to_string()
            ),
        ]
    );
    assert_eq!(code, 1, "a denied licence is high and fails --fail-on high");
}

#[test]
fn bad_licence_policy_is_a_config_error() {
    let tree = Tree::new();
    tree.write("rampart.toml", "[license]\ndeny_categories = [\"viral\"]\n");
    let out = tree.rampart(&["scan", "--scanners", "license", "."]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("viral") && stderr(&out).contains("line 2"),
        "{}",
        stderr(&out)
    );
}

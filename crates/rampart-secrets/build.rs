//! Embeds every `rules/*.toml` file so adding a rule family needs no code change.

use std::fs;
use std::path::PathBuf;

fn main() {
    let dir =
        PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets this")).join("rules");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .expect("rules/ directory exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    let mut out = String::from(
        "/// Built-in rule files: (family, TOML text).\npub static BUILTIN_RULE_FILES: &[(&str, &str)] = &[\n",
    );
    for file in &files {
        println!("cargo:rerun-if-changed={}", file.display());
        let family = file
            .file_stem()
            .and_then(|s| s.to_str())
            .expect("utf-8 file name");
        out.push_str(&format!(
            "    ({family:?}, include_str!({:?})),\n",
            file.display().to_string()
        ));
    }
    out.push_str("];\n");
    let dest =
        PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets this")).join("builtin_rules.rs");
    fs::write(dest, out).expect("OUT_DIR is writable");
}

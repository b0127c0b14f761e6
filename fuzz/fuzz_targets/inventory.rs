//! Every lockfile, manifest, SBOM and package-database reader on the same arbitrary bytes.
//! Never panics; every reported error line lies inside the input.
#![no_main]

use libfuzzer_sys::fuzz_target;

/// One name per parser `lang::parser_for` routes.
const NAMES: &[&str] = &[
    "Cargo.lock",
    "package-lock.json",
    "yarn.lock",
    "pnpm-lock.yaml",
    "bun.lock",
    "node_modules/x/package.json",
    "x-1.0.dist-info/METADATA",
    "requirements.txt",
    "poetry.lock",
    "Pipfile.lock",
    "uv.lock",
    "pdm.lock",
    "pylock.toml",
    "go.mod",
    "Gemfile.lock",
    "composer.lock",
    "gradle.lockfile",
    "pom.xml",
    "packages.lock.json",
    "app.deps.json",
];

fuzz_target!(|data: &[u8]| {
    let lines = data.iter().filter(|&&b| b == b'\n').count() + 1;
    for name in NAMES {
        let Some(parse) = rampart_inventory::lang::parser_for(name) else {
            panic!("{name} is not routed");
        };
        if let Err(e) = parse(name, data) {
            assert!(
                e.line.is_none_or(|l| l >= 1 && l <= lines + 1),
                "{name}: {e}"
            );
        }
    }
    let _ = rampart_inventory::sbom_input::parse("bom.json", data);
    let _ = rampart_inventory::lang::requirements_includes_of(data);
    let _ = rampart_inventory::lang::go_sum_supplement(data, &[], data);
    let mut os = rampart_inventory::os::OsCollector::default();
    for path in [
        "var/lib/dpkg/status",
        "lib/apk/db/installed",
        "etc/os-release",
        "var/lib/rpm/rpmdb.sqlite",
    ] {
        let _ = os.add(path, data);
    }
    let _ = os.finish();
    let _ = rampart_inventory::binary::go_build_info(data);
});

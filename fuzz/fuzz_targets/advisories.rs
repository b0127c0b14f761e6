//! OSV records (JSON and YAML), the index reader, zip import, CVSS vectors, VEX documents and
//! version comparison on the same arbitrary bytes. Never panics.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for name in ["r.json", "r.yaml"] {
        if let Ok(advisory) = rampart_vulndb::osv::parse_record(name, data) {
            for affected in &advisory.affected {
                let _ = rampart_vulndb::matcher::evaluate(affected, "1.0.0");
            }
        }
    }
    let _ = rampart_vulndb::store::Index::from_bytes(Path::new("x.idx"), data.to_vec());
    let _ = rampart_vulndb::import::read_zip(Path::new("all.zip"), data);
    let _ = rampart_core::vex::parse("vex.json", data);
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = rampart_vulndb::cvss::parse_and_score(text);
        let mut parts = text.splitn(2, '\n');
        let (a, b) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
        for ecosystem in ["PyPI", "npm", "Debian", "Alpine", "Maven", "RubyGems", "Packagist", "Red Hat"] {
            let _ = rampart_vulndb::version::compare(ecosystem, a, b);
        }
    }
});

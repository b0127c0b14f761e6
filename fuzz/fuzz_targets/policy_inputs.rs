//! The Dockerfile parser and the YAML/Kubernetes reader on arbitrary text. Never panics; the
//! alias and depth bounds hold.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = rampart_policy::dockerfile::parse("Dockerfile", &text);
    let _ = rampart_policy::kubernetes::manifests("k8s.yaml", &text);
    let _ = rampart_policy::kubernetes::looks_like_manifest(&text);
});

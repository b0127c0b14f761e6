//! Parse arbitrary text as a scan target (`dir:PATH`, `git:...`, a bare path). Never panics;
//! a parsed target written back as `dir:` + its display form parses to the same target.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rampart_source::TargetSpec;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(spec) = text.parse::<TargetSpec>() {
        let _ = spec.kind();
        let again = format!("{}:{spec}", spec.kind()).parse::<TargetSpec>();
        assert_eq!(again.ok().as_ref(), Some(&spec), "round trip of {text:?}");
    }
});

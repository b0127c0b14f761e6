//! Look for `rampart:ignore` markers in arbitrary bytes. Never panics; a line that ignores a
//! rule always has the marker.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let applies = rampart_core::inline_ignore_applies(data, "some-rule", |id| {
        id == "some-rule" || id == "other"
    });
    let marker = rampart_core::has_inline_marker(data);
    assert!(
        !applies || marker,
        "inline_ignore_applies without has_inline_marker on {data:?}"
    );
});

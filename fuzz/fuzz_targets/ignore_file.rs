//! Parse arbitrary text as a `.rampartignore` file; compile the entries of any file that parses
//! into an `IgnoreSet`. Neither step may panic (errors are fine).
#![no_main]

use libfuzzer_sys::fuzz_target;
use rampart_core::{Date, IgnoreFile, IgnoreSet};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(file) = IgnoreFile::parse("fuzz", &text) {
        let today: Date = "2026-11-24".parse().unwrap();
        let _ = IgnoreSet::new(file.entries, today);
    }
});

//! Any text given to the criteria loader gives a framework or a reported problem, never a panic.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use parindex::framework::Framework;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = Framework::from_toml(text, Path::new("fuzz.toml"));
    }
});

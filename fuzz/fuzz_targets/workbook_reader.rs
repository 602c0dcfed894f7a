//! Any bytes given to the workbook reader give a result or a reported problem, never a panic.
#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use parindex::framework::Framework;
use parindex::workbook::{Checks, read_unit_bytes};

fn framework() -> &'static Framework {
    static FRAMEWORK: OnceLock<Framework> = OnceLock::new();
    FRAMEWORK.get_or_init(|| {
        let text = include_str!("../../criteria/commune-2022.toml");
        Framework::from_toml(text, Path::new("commune-2022.toml")).expect("bundled framework")
    })
}

fuzz_target!(|data: &[u8]| {
    let _ = read_unit_bytes(data, Path::new("fuzz.xlsx"), framework(), Checks::Full);
});

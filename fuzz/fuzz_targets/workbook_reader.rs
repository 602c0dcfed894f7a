//! Any bytes given to the workbook reader give a result or a reported problem, never a panic of
//! ours. Panics inside calamine on damaged files are contained by the reader (as in the product),
//! so the fuzzer goes on past them; any other panic aborts as a crash.
#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use parindex::framework::Framework;
use parindex::workbook::read_unit_bytes;

fn framework() -> &'static Framework {
    static FRAMEWORK: OnceLock<Framework> = OnceLock::new();
    FRAMEWORK.get_or_init(|| {
        let text = include_str!("../../criteria/commune-2022.toml");
        Framework::from_toml(text, Path::new("commune-2022.toml")).expect("bundled framework")
    })
}

fuzz_target!(
    init: {
        // libfuzzer-sys aborts on every panic; let calamine's unwind to the reader's containment.
        let abort = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            // The registry's calamine or the patched copy in vendor/calamine/.
            let in_calamine = info.location().is_some_and(|l| {
                l.file().contains("/calamine-") || l.file().contains("vendor/calamine/")
            });
            if !in_calamine {
                abort(info);
            }
        }));
    },
    |data: &[u8]| {
        let _ = read_unit_bytes(data, Path::new("fuzz.xlsx"), framework());
    }
);

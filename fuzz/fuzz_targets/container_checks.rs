//! Any bytes given to the container checks give a format or a refusal, never a panic, and within
//! the fuzzer's memory limit whatever the bytes declare: the checks run before calamine and must
//! not themselves lay out what they guard against.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parindex::workbook::container;

fuzz_target!(|data: &[u8]| {
    let _ = container::check(data);
});

//! Generates the bundled sample workbooks: the 13 units of Kế Sách district (Sóc Trăng) for 2021
//! and 2022, scored by `criteria/commune-2021.toml` and `criteria/commune-2022.toml`.
//!
//!     cargo run --example make_samples
//!
//! The unit names are real; the figures are invented, except An Mỹ's published results
//! (2022: 90.92 %, "Rất tốt", first of the district; 2021: 83.25 %). Each unit's target total is
//! spread over the leaves deterministically, so re-running reproduces the same files.

use std::path::Path;
use std::str::FromStr;

use parindex::form::{FactEntry, FormData, write_form};
use parindex::framework::Framework;
use parindex::synth::fill_to_target;
use parindex::workbook::labels::fold;
use rust_decimal::Decimal;

/// (code, name)
const UNITS: [(&str, &str); 13] = [
    ("KS01", "Thị trấn Kế Sách"),
    ("KS02", "Thị trấn An Lạc Thôn"),
    ("KS03", "Xã An Lạc Tây"),
    ("KS04", "Xã An Mỹ"),
    ("KS05", "Xã Ba Trinh"),
    ("KS06", "Xã Đại Hải"),
    ("KS07", "Xã Kế An"),
    ("KS08", "Xã Kế Thành"),
    ("KS09", "Xã Nhơn Mỹ"),
    ("KS10", "Xã Phong Nẫm"),
    ("KS11", "Xã Thới An Hội"),
    ("KS12", "Xã Trinh Phú"),
    ("KS13", "Xã Xuân Hòa"),
];

/// Per year: (unit code, appraised points, leaves marked not applicable).
/// The index is points ÷ (100 − the not-applicable leaves' maxima) × 100.
const TARGETS_2022: [(&str, &str, &[&str]); 13] = [
    ("KS01", "88.5", &[]),
    ("KS02", "90.25", &[]),
    ("KS03", "79.25", &["4.3"]), // 79.25 / 98 = 80.867… → 80.87 %
    ("KS04", "86.375", &["1.3.2", "2.1.1", "4.3"]), // 86.375 / 95 = 90.921… → 90.92 %
    ("KS05", "62.25", &[]),
    ("KS06", "74", &[]),
    ("KS07", "76.25", &[]),
    ("KS08", "71.5", &[]),
    ("KS09", "85.25", &[]),
    ("KS10", "85.25", &[]), // tied with KS09: both 2=, listed by unit code
    ("KS11", "83.75", &[]),
    ("KS12", "68.75", &[]),
    ("KS13", "78.5", &[]),
];

const TARGETS_2021: [(&str, &str, &[&str]); 13] = [
    ("KS01", "86", &[]),
    ("KS02", "84.5", &[]),
    ("KS03", "79.75", &[]),
    ("KS04", "83.25", &[]),
    ("KS05", "60.5", &[]),
    ("KS06", "72.25", &[]),
    ("KS07", "75", &[]),
    ("KS08", "69.5", &[]),
    ("KS09", "81", &[]),
    ("KS10", "82.75", &[]),
    ("KS11", "80.25", &[]),
    ("KS12", "66", &[]),
    ("KS13", "77.5", &[]),
];

fn main() {
    for (year, targets) in [(2021, &TARGETS_2021), (2022, &TARGETS_2022)] {
        let criteria = format!("criteria/commune-{year}.toml");
        let framework = Framework::load(Path::new(&criteria)).expect("bundled framework loads");
        let folder = format!("samples/{year}");
        std::fs::create_dir_all(&folder).expect("create samples folder");
        for &(code, points, not_applicable) in targets.iter() {
            let name = UNITS.iter().find(|u| u.0 == code).expect("known unit").1;
            let target = Decimal::from_str(points).expect("target is a decimal");
            let seed = year as u64 * 1000 + code[2..].parse::<u64>().expect("numbered code");
            let mut data = fill_to_target(&framework, code, name, target, not_applicable, seed);
            if let (2022, "KS04") = (year, code) {
                an_my_dossiers(&framework, &mut data);
            }
            let bytes = write_form(&framework, &data).expect("form is written");
            let file = format!("{folder}/{code}-{}.xlsx", slug(name));
            std::fs::write(&file, bytes).expect("sample is written");
            println!("{file}");
        }
    }
}

/// An Mỹ's published figures for 3.3.1: 3,517 dossiers received and settled, 3,494 before the
/// deadline and 23 on it, none late: 100 %, the 3 points its form carries.
fn an_my_dossiers(framework: &Framework, data: &mut FormData) {
    let leaf = framework.node_index("3.3.1").expect("3.3.1 exists");
    for (key, count) in [
        ("tiep_nhan", 3517),
        ("truoc_han", 3494),
        ("dung_han", 23),
        ("qua_han", 0),
    ] {
        data.facts.insert(
            (leaf, key.to_string()),
            FactEntry::Number(Decimal::from(count)),
        );
    }
}

fn slug(name: &str) -> String {
    name.split_whitespace()
        .map(fold)
        .collect::<Vec<_>>()
        .join("-")
}

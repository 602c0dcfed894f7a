//! Generates an invented province before and after the 2025 reform: **tỉnh Lam Sơn**, which does
//! not exist (no province, before or after 1 July 2025, has this name; Lam Sơn is only the name of
//! a few communes and wards elsewhere). Its 2024 units are 289 communes, wards and towns (xã,
//! phường, thị trấn) in nine former districts; on 1 July 2025 the districts are abolished and
//! they become 124 units (95 xã, 26 phường, 3 đặc khu), mostly two to four old units merged
//! into one, a few taken over whole under a new code, and four old communes split among two or
//! three new units. Every name and figure is invented.
//!
//!     cargo run --release --example make_province [-- --forms DIR]
//!
//! writes
//!
//! - `samples/2025-roster.csv`: the 2025 units, `unit_code,unit_name,unit_type` (LS001…LS124;
//!   the type is "phường", "xã" or "đặc khu"), usable as a `--roster`, which ignores the third
//!   column;
//! - `samples/mapping-2024-2025.toml`: the `compare` mapping from the 2024 codes (VL01…, one
//!   prefix per former district) to the 2025 ones, with each unit's name in a comment;
//! - the 2024 forms of the 289 old units, filled in for `criteria/commune-2024.toml`, into DIR
//!   (by default `target/province-2024`, outside version control; emptied of `.xlsx` files
//!   first).
//!
//! The 2024 results are then written by parindex itself, from the repository's folder:
//!
//!     export PARINDEX_FIXED_TIME=2025-01-15T02:00:00Z
//!     cargo run --release -- score --criteria criteria/commune-2024.toml target/province-2024 \
//!         -o samples/2024-results.csv
//!     cargo run --release -- score --criteria criteria/commune-2024.toml target/province-2024 \
//!         -o samples/2024-results.json
//!
//! (each with its `.manifest.json`). The JSON is the one to compare with: combining merged
//! units needs the 2024 rounding rule and bands, which a CSV results file does not carry.
//!
//! Everything is deterministic: the same program writes the same roster, mapping and cells (a
//! workbook's recorded creation time differs from run to run, so its bytes do too, and
//! `verify` of the committed results reports the regenerated workbooks as changed).

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use parindex::form::write_form;
use parindex::framework::{Framework, Source};
use parindex::synth::{Rng, fill_to_target};
use parindex::workbook::labels::fold;
use rust_decimal::Decimal;

/// The kinds of unit, before and after the reform.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Ward,
    Town,
    Commune,
    SpecialZone,
}

impl Kind {
    /// As a unit's name begins.
    fn title(self) -> &'static str {
        match self {
            Kind::Ward => "Phường",
            Kind::Town => "Thị trấn",
            Kind::Commune => "Xã",
            Kind::SpecialZone => "Đặc khu",
        }
    }

    /// As the roster's `unit_type` column says it.
    fn word(self) -> &'static str {
        match self {
            Kind::Ward => "phường",
            Kind::Town => "thị trấn",
            Kind::Commune => "xã",
            Kind::SpecialZone => "đặc khu",
        }
    }
}

/// A group of a district's old units (taken in order) that becomes `new` units of one kind.
struct Segment {
    kind: Kind,
    new: usize,
    old: usize,
    /// New units that take over exactly one old unit (renamed 1 → 1).
    renames: usize,
}

const fn seg(kind: Kind, new: usize, old: usize, renames: usize) -> Segment {
    Segment {
        kind,
        new,
        old,
        renames,
    }
}

/// A former district (abolished in 2025) and its units of 2024, listed wards first, then towns
/// (the first named after the district), then communes.
struct District {
    prefix: &'static str,
    name: &'static str,
    wards: usize,
    /// Names of its towns (thị trấn).
    towns: &'static [&'static str],
    communes: usize,
    /// Communes with a fixed name, last in the list (islands).
    fixed_communes: &'static [&'static str],
    /// Average quality of its units (index %), for believable differences between districts.
    quality: i64,
    segments: &'static [Segment],
}

const DISTRICTS: [District; 9] = [
    District {
        prefix: "VL",
        name: "Thành phố Vân Lâm",
        wards: 24,
        towns: &[],
        communes: 6,
        fixed_communes: &[],
        quality: 86,
        segments: &[seg(Kind::Ward, 12, 30, 0)],
    },
    District {
        prefix: "HY",
        name: "Thị xã Hải Yên",
        wards: 10,
        towns: &[],
        communes: 17,
        fixed_communes: &["Bạch Yến"],
        quality: 83,
        segments: &[
            seg(Kind::Ward, 6, 13, 0),
            seg(Kind::Commune, 6, 13, 0),
            seg(Kind::SpecialZone, 1, 1, 1),
        ],
    },
    District {
        prefix: "HN",
        name: "Huyện Hòn Ngọc",
        wards: 0,
        towns: &["Hòn Ngọc"],
        communes: 6,
        fixed_communes: &["Thổ Mây"],
        quality: 78,
        segments: &[
            seg(Kind::SpecialZone, 1, 6, 0),
            seg(Kind::SpecialZone, 1, 1, 1),
        ],
    },
    District {
        prefix: "TF",
        name: "Huyện Tân Phong",
        wards: 0,
        towns: &["Tân Phong"],
        communes: 40,
        fixed_communes: &[],
        quality: 81,
        segments: &[seg(Kind::Ward, 2, 5, 0), seg(Kind::Commune, 16, 36, 1)],
    },
    District {
        prefix: "HS",
        name: "Huyện Hòa Sơn",
        wards: 0,
        towns: &["Hòa Sơn", "Bến Đá"],
        communes: 42,
        fixed_communes: &[],
        quality: 80,
        segments: &[seg(Kind::Ward, 2, 6, 0), seg(Kind::Commune, 17, 38, 1)],
    },
    District {
        prefix: "TL",
        name: "Huyện Thạch Lâm",
        wards: 0,
        towns: &["Thạch Lâm"],
        communes: 36,
        fixed_communes: &[],
        quality: 82,
        segments: &[seg(Kind::Ward, 2, 5, 0), seg(Kind::Commune, 15, 32, 0)],
    },
    District {
        prefix: "YT",
        name: "Huyện Yên Trạch",
        wards: 0,
        towns: &["Yên Trạch"],
        communes: 35,
        fixed_communes: &[],
        quality: 77,
        segments: &[seg(Kind::Commune, 14, 36, 1)],
    },
    District {
        prefix: "PH",
        name: "Huyện Phước Hưng",
        wards: 0,
        towns: &["Phước Hưng"],
        communes: 38,
        fixed_communes: &[],
        quality: 80,
        segments: &[seg(Kind::Ward, 2, 5, 0), seg(Kind::Commune, 15, 34, 1)],
    },
    District {
        prefix: "SM",
        name: "Huyện Sông Mây",
        wards: 0,
        towns: &["Sông Mây"],
        communes: 27,
        fixed_communes: &[],
        quality: 74,
        segments: &[seg(Kind::Commune, 12, 28, 2)],
    },
];

/// Old units split among several new ones: (district prefix, segment, group of new units whose
/// last old unit is split, into how many consecutive new units). The TF split's second unit takes
/// one other old unit whole (a unit made of one whole old unit and part of a split one).
const SPLITS: [(&str, usize, usize, usize); 4] = [
    ("VL", 0, 4, 2),
    ("TF", 1, 6, 2),
    ("HS", 1, 9, 3),
    ("PH", 1, 3, 2),
];

/// Groups of one old unit forced, beyond the renames: (district prefix, segment, group).
const SINGLE: [(&str, usize, usize); 1] = [("TF", 1, 7)];

/// The wards of the former city, named as city wards often are.
const CITY_WARDS: [&str; 24] = [
    "Trần Hưng Đạo",
    "Lê Lợi",
    "Quang Trung",
    "Điện Biên",
    "Lý Thường Kiệt",
    "Nguyễn Trãi",
    "Trần Phú",
    "Hoàng Văn Thụ",
    "Minh Khai",
    "Ba Đình",
    "Ngọc Trạo",
    "Đông Sơn",
    "Bắc Sơn",
    "Nam Ngạn",
    "Trường Thi",
    "Đông Vệ",
    "Phú Sơn",
    "Tân Sơn",
    "Đông Thọ",
    "Hàm Long",
    "Lê Hồng Phong",
    "Nguyễn Du",
    "Phan Bội Châu",
    "Cửa Nam",
];

/// Place names are a first and a second syllable, as many are ("Quảng Lộc", "Xuân Thịnh").
const FIRST: [&str; 40] = [
    "An",
    "Bình",
    "Hòa",
    "Phú",
    "Tân",
    "Long",
    "Mỹ",
    "Đông",
    "Tây",
    "Nam",
    "Bắc",
    "Phước",
    "Vĩnh",
    "Xuân",
    "Thanh",
    "Hải",
    "Quảng",
    "Hưng",
    "Đức",
    "Minh",
    "Quỳnh",
    "Yên",
    "Kim",
    "Ngọc",
    "Cẩm",
    "Hồng",
    "Thạch",
    "Đại",
    "Thượng",
    "Hạ",
    "Trung",
    "Hiệp",
    "Nghĩa",
    "Thuận",
    "Khánh",
    "Gia",
    "Cát",
    "Vân",
    "Liên",
    "Thái",
];
const SECOND: [&str; 36] = [
    "An", "Bình", "Hòa", "Phú", "Lộc", "Hưng", "Thịnh", "Thành", "Lợi", "Phong", "Sơn", "Lâm",
    "Hải", "Thủy", "Hà", "Điền", "Trạch", "Khê", "Tiến", "Lập", "Thọ", "Phúc", "Đức", "Mỹ", "Long",
    "Châu", "Định", "Nghĩa", "Thuận", "Tân", "Hội", "Quang", "Minh", "Trung", "Dương", "Xuân",
];

/// First syllables of the mountain district's communes.
const HIGHLAND: [&str; 8] = ["Mường", "Nà", "Pác", "Bản", "Phìn", "Nậm", "Chiềng", "Tà"];
const HIGHLAND_SECOND: [&str; 16] = [
    "Khoa", "Ngòi", "Sai", "Mòn", "Lay", "Cang", "Xén", "Hon", "Pồ", "Lìu", "Tấu", "Khiêng",
    "Chạng", "Muội", "Ún", "Lứa",
];

/// Names that must not be invented for a unit: Vietnam's provinces before and after 2025 (so no
/// unit looks like a real province), the districts' names (used by their towns) and the wards'.
const RESERVED: [&str; 66] = [
    "An Giang",
    "Bà Rịa",
    "Bắc Giang",
    "Bắc Kạn",
    "Bạc Liêu",
    "Bắc Ninh",
    "Bến Tre",
    "Bình Định",
    "Bình Dương",
    "Bình Phước",
    "Bình Thuận",
    "Cà Mau",
    "Cần Thơ",
    "Cao Bằng",
    "Đà Nẵng",
    "Đắk Lắk",
    "Đắk Nông",
    "Điện Biên",
    "Đồng Nai",
    "Đồng Tháp",
    "Gia Lai",
    "Hà Giang",
    "Hà Nam",
    "Hà Nội",
    "Hà Tĩnh",
    "Hải Dương",
    "Hải Phòng",
    "Hậu Giang",
    "Hòa Bình",
    "Hưng Yên",
    "Khánh Hòa",
    "Kiên Giang",
    "Kon Tum",
    "Lai Châu",
    "Lâm Đồng",
    "Lạng Sơn",
    "Lào Cai",
    "Long An",
    "Nam Định",
    "Nghệ An",
    "Ninh Bình",
    "Ninh Thuận",
    "Phú Thọ",
    "Phú Yên",
    "Quảng Bình",
    "Quảng Nam",
    "Quảng Ngãi",
    "Quảng Ninh",
    "Quảng Trị",
    "Sóc Trăng",
    "Sơn La",
    "Tây Ninh",
    "Thái Bình",
    "Thái Nguyên",
    "Thanh Hóa",
    "Thừa Thiên",
    "Tiền Giang",
    "Trà Vinh",
    "Tuyên Quang",
    "Vĩnh Long",
    "Vĩnh Phúc",
    "Yên Bái",
    "Huế",
    "Lam Sơn",
    "Vân Lâm",
    "Hải Yên",
];

struct OldUnit {
    code: String,
    name: String,
    district: usize,
}

struct NewUnit {
    kind: Kind,
    name: String,
    /// Old units taken whole (indexes into the old units).
    whole: Vec<usize>,
    /// Old units this one took part of.
    parts: Vec<usize>,
}

/// Invents unique place names.
struct Names {
    rng: Rng,
    used: BTreeSet<String>,
}

impl Names {
    fn new() -> Self {
        let mut used: BTreeSet<String> = RESERVED.iter().map(|n| n.to_string()).collect();
        used.extend(CITY_WARDS.iter().map(|n| n.to_string()));
        for district in &DISTRICTS {
            used.extend(district.towns.iter().map(|n| n.to_string()));
            used.extend(district.fixed_communes.iter().map(|n| n.to_string()));
        }
        Names {
            rng: Rng::new(2025),
            used,
        }
    }

    /// A place name not used yet; `highland` for the mountain district's style.
    fn invent(&mut self, highland: bool) -> String {
        loop {
            let name = if highland && self.rng.below(3) != 0 {
                let first = HIGHLAND[self.rng.below(HIGHLAND.len())];
                let second = HIGHLAND_SECOND[self.rng.below(HIGHLAND_SECOND.len())];
                format!("{first} {second}")
            } else {
                let first = FIRST[self.rng.below(FIRST.len())];
                let second = SECOND[self.rng.below(SECOND.len())];
                format!("{first} {second}")
            };
            // Never the same syllable twice ("Xã An An").
            let mut words = name.split(' ');
            if words.next() == words.next() {
                continue;
            }
            if self.used.insert(name.clone()) {
                return name;
            }
        }
    }
}

/// The place in a unit's name ("Xã Tân Lập" → "Tân Lập").
fn place(name: &str) -> &str {
    for kind in [Kind::Town, Kind::Ward, Kind::Commune, Kind::SpecialZone] {
        if let Some(rest) = name.strip_prefix(kind.title()) {
            return rest.trim_start();
        }
    }
    name
}

/// Sizes of `new` groups holding `old` units: one old unit for `singles` groups (the renames,
/// placed at random, and `forced`), two to four for the others, the extra units spread at random.
fn group_sizes(
    old: usize,
    new: usize,
    renames: usize,
    forced: &[usize],
    avoid: &[usize],
    rng: &mut Rng,
) -> Vec<usize> {
    let mut sizes = vec![2; new];
    let mut fixed = vec![false; new];
    for &g in forced {
        sizes[g] = 1;
        fixed[g] = true;
    }
    let mut placed = 0;
    while placed < renames {
        let g = rng.below(new);
        if !fixed[g] && !avoid.contains(&g) {
            sizes[g] = 1;
            fixed[g] = true;
            placed += 1;
        }
    }
    if new == 1 {
        return vec![old];
    }
    let mut total: usize = sizes.iter().sum();
    assert!(total <= old, "{old} old units cannot fill {new} new ones");
    while total < old {
        let g = rng.below(new);
        if !fixed[g] && sizes[g] < 4 {
            sizes[g] += 1;
            total += 1;
        }
    }
    sizes
}

fn build() -> (Vec<OldUnit>, Vec<NewUnit>) {
    let mut names = Names::new();
    let mut rng = Rng::new(7);
    let mut old_units = Vec::new();
    let mut new_units = Vec::new();
    for (d, district) in DISTRICTS.iter().enumerate() {
        let highland = district.prefix == "SM";
        let mut list: Vec<(Kind, String)> = Vec::new();
        // The former city's wards have the city's ward names, the town's are invented.
        let city = district.prefix == "VL";
        for ward in CITY_WARDS.iter().cycle().take(district.wards) {
            let name = if city {
                ward.to_string()
            } else {
                names.invent(false)
            };
            list.push((Kind::Ward, name));
        }
        list.extend(district.towns.iter().map(|t| (Kind::Town, t.to_string())));
        let invented = district.communes - district.fixed_communes.len();
        for _ in 0..invented {
            list.push((Kind::Commune, names.invent(highland)));
        }
        list.extend(
            district
                .fixed_communes
                .iter()
                .map(|c| (Kind::Commune, c.to_string())),
        );
        let first = old_units.len();
        for (i, (kind, name)) in list.into_iter().enumerate() {
            old_units.push(OldUnit {
                code: format!("{}{:02}", district.prefix, i + 1),
                name: format!("{} {name}", kind.title()),
                district: d,
            });
        }

        let mut next = first;
        for (s, segment) in district.segments.iter().enumerate() {
            let splits: Vec<(usize, usize)> = SPLITS
                .iter()
                .filter(|(p, seg, _, _)| *p == district.prefix && *seg == s)
                .map(|&(_, _, g, ways)| (g, ways))
                .collect();
            let forced: Vec<usize> = SINGLE
                .iter()
                .filter(|(p, seg, _)| *p == district.prefix && *seg == s)
                .map(|&(_, _, g)| g)
                .collect();
            // A split unit's groups keep at least two whole old units in the first.
            let avoid: Vec<usize> = splits.iter().flat_map(|&(g, ways)| g..g + ways).collect();
            let sizes = group_sizes(
                segment.old,
                segment.new,
                segment.renames,
                &forced,
                &avoid,
                &mut rng,
            );
            let start = new_units.len();
            for size in sizes {
                let whole: Vec<usize> = (next..next + size).collect();
                next += size;
                new_units.push(NewUnit {
                    kind: segment.kind,
                    name: String::new(),
                    whole,
                    parts: Vec::new(),
                });
            }
            for (g, ways) in splits {
                let split = new_units[start + g]
                    .whole
                    .pop()
                    .expect("a split unit's group has old units");
                assert!(
                    !new_units[start + g].whole.is_empty(),
                    "the group keeps a whole unit"
                );
                for unit in &mut new_units[start + g..start + g + ways] {
                    unit.parts.push(split);
                }
            }
            for unit in &mut new_units[start..] {
                // Named after the first old unit taken whole (always a town, the district's
                // seat, or an island), or, for one in three of the larger mergers, a new name (as
                // many were in 2025).
                let seat = unit
                    .whole
                    .first()
                    .is_some_and(|&first| old_units[first].name.starts_with(Kind::Town.title()));
                let keep = unit.whole.len() < 3
                    || seat
                    || unit.kind == Kind::SpecialZone
                    || rng.below(3) != 0;
                let place_name = match unit.whole.first() {
                    Some(&first) if keep => place(&old_units[first].name).to_string(),
                    _ => names.invent(highland),
                };
                unit.name = format!("{} {place_name}", unit.kind.title());
            }
        }
        assert_eq!(
            next,
            old_units.len(),
            "{}: every old unit in a segment",
            district.prefix
        );
    }
    (old_units, new_units)
}

/// The 2025 order: wards, then communes, then special zones, each by former district.
fn order(new_units: Vec<NewUnit>) -> Vec<NewUnit> {
    let mut ordered = Vec::new();
    for kind in [Kind::Ward, Kind::Commune, Kind::SpecialZone] {
        ordered.extend(
            new_units
                .iter()
                .filter(|u| u.kind == kind)
                .map(|u| NewUnit {
                    kind: u.kind,
                    name: u.name.clone(),
                    whole: u.whole.clone(),
                    parts: u.parts.clone(),
                }),
        );
    }
    ordered
}

fn new_code(i: usize) -> String {
    format!("LS{:03}", i + 1)
}

fn roster(new_units: &[NewUnit]) -> String {
    let mut csv = String::from("unit_code,unit_name,unit_type\n");
    for (i, unit) in new_units.iter().enumerate() {
        writeln!(csv, "{},{},{}", new_code(i), unit.name, unit.kind.word()).expect("string");
    }
    csv
}

fn mapping(old_units: &[OldUnit], new_units: &[NewUnit]) -> String {
    let mut text = String::from(
        "# Tỉnh Lam Sơn (hư cấu — a fictional province): các đơn vị cấp xã năm 2024 → năm 2025.\n\
         # Written by examples/make_province.rs (do not edit: re-run it). Mã năm 2024 = mã năm 2025:\n\
         # một mã là đơn vị cũ nhập trọn vào đơn vị mới (sáp nhập, hoặc đổi mã khi chỉ có nó);\n\
         # một danh sách là đơn vị cũ được chia tách cho các đơn vị mới đó.\n\
         # Each 2024 code = its 2025 code, or the list of 2025 units it was split among.\n\n\
         merged = \"points-weighted\"\n\n[units]\n",
    );
    let mut district = usize::MAX;
    let mut lines = Vec::new();
    for (o, old) in old_units.iter().enumerate() {
        if old.district != district {
            district = old.district;
            lines.push((format!("# {}", DISTRICTS[district].name), String::new()));
        }
        let targets: Vec<usize> = (0..new_units.len())
            .filter(|&n| new_units[n].whole.contains(&o) || new_units[n].parts.contains(&o))
            .collect();
        let names: Vec<&str> = targets
            .iter()
            .map(|&n| new_units[n].name.as_str())
            .collect();
        let value = match targets.as_slice() {
            [one] => format!("\"{}\"", new_code(*one)),
            several => format!(
                "[{}]",
                several
                    .iter()
                    .map(|&n| format!("\"{}\"", new_code(n)))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
        let how = if targets.len() > 1 {
            ", chia tách"
        } else {
            ""
        };
        lines.push((
            format!("{} = {value}", old.code),
            format!("# {}{how} → {}", old.name, names.join(", ")),
        ));
    }
    let width = lines
        .iter()
        .map(|(entry, _)| entry.len())
        .max()
        .unwrap_or(0)
        + 2;
    for (entry, comment) in lines {
        if comment.is_empty() {
            writeln!(text, "{entry}").expect("string");
        } else {
            writeln!(text, "{entry:<width$}{comment}").expect("string");
        }
    }
    text
}

/// Leaves that may be not applicable and are scored by the unit.
fn optional_leaves(framework: &Framework) -> Vec<String> {
    framework
        .leaves()
        .filter(|&i| {
            let rule = framework.nodes[i].leaf.as_ref().expect("leaf");
            rule.allows_not_applicable() && rule.source == Source::Appraisal
        })
        .map(|i| framework.nodes[i].code.clone())
        .collect()
}

/// Writes the 2024 forms; returns how many.
fn forms(old_units: &[OldUnit], folder: &Path) -> anyhow::Result<usize> {
    let framework = Framework::load(Path::new("criteria/commune-2024.toml"))?;
    let optional = optional_leaves(&framework);
    std::fs::create_dir_all(folder).with_context(|| format!("creating {}", folder.display()))?;
    for entry in std::fs::read_dir(folder)? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "xlsx") {
            std::fs::remove_file(&path)?;
        }
    }
    let eighth = Decimal::new(125, 3);
    let mut given = BTreeSet::new();
    let mut previous: (Vec<&str>, Decimal) = (Vec::new(), Decimal::ZERO);
    for (o, unit) in old_units.iter().enumerate() {
        let mut rng = Rng::new(2_024_000 + o as u64);
        // Most units have one to three criteria that did not arise (which also spreads the
        // indexes: few units tie).
        let mut not_applicable: Vec<&str> = Vec::new();
        if rng.below(8) != 0 {
            for _ in 0..=rng.below(3) {
                let code = optional[rng.below(optional.len())].as_str();
                if !not_applicable.contains(&code) {
                    not_applicable.push(code);
                }
            }
        }
        let left_out: Decimal = not_applicable
            .iter()
            .map(|c| framework.nodes[framework.node_index(c).expect("known")].max)
            .sum();
        let applicable = framework.total_max - left_out;
        // The district's quality, give or take up to 18 points (6 typically), in eighths.
        let noise: i64 = (0..3).map(|_| rng.below(97) as i64 - 48).sum::<i64>();
        let quality =
            Decimal::from(DISTRICTS[unit.district].quality * 8 + noise) / Decimal::from(8);
        // Beyond 65–95, folded back inside.
        let (low, high) = (Decimal::from(65), Decimal::from(95));
        let quality = if quality < low {
            low + (low - quality)
        } else if quality > high {
            high - (quality - high)
        } else {
            quality
        };
        let mut target = (quality * applicable / Decimal::from(100) / eighth).floor() * eighth;
        // Units tie now and then, not as often as eighths of a point would make them: a total
        // whose published index is already taken moves down an eighth; but one unit in 40 is
        // given the index of the unit before it (the same criteria not arising, the same total).
        let published = |target: Decimal, applicable: Decimal| {
            (target / applicable * Decimal::ONE_HUNDRED)
                .round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
        };
        if o % 40 == 20 {
            (not_applicable, target) = previous.clone();
        } else {
            while given.contains(&published(target, applicable)) {
                target -= eighth;
            }
        }
        given.insert(published(target, applicable));
        previous = (not_applicable.clone(), target);
        let form = fill_to_target(
            &framework,
            &unit.code,
            &unit.name,
            target,
            &not_applicable,
            2_024_000 + o as u64,
        );
        let bytes = write_form(&framework, &form)?;
        let slug: Vec<String> = unit.name.split_whitespace().map(fold).collect();
        let path = folder.join(format!("{}-{}.xlsx", unit.code, slug.join("-")));
        std::fs::write(&path, bytes).with_context(|| format!("writing {}", path.display()))?;
    }
    Ok(old_units.len())
}

fn main() -> anyhow::Result<()> {
    let mut folder = PathBuf::from("target/province-2024");
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--forms" => folder = args.next().context("--forms needs a folder")?.into(),
            _ => bail!("usage: make_province [--forms DIR]"),
        }
    }
    let (old_units, new_units) = build();
    let new_units = order(new_units);

    std::fs::write("samples/2025-roster.csv", roster(&new_units))?;
    std::fs::write(
        "samples/mapping-2024-2025.toml",
        mapping(&old_units, &new_units),
    )?;
    let written = forms(&old_units, &folder)?;

    let count = |kind: Kind| new_units.iter().filter(|u| u.kind == kind).count();
    let sizes = |n: usize| {
        new_units
            .iter()
            .filter(|u| u.parts.is_empty() && u.whole.len() == n)
            .count()
    };
    let split_old: BTreeSet<usize> = new_units.iter().flat_map(|u| u.parts.clone()).collect();
    println!(
        "2025: {} units ({} phường, {} xã, {} đặc khu) in samples/2025-roster.csv",
        new_units.len(),
        count(Kind::Ward),
        count(Kind::Commune),
        count(Kind::SpecialZone)
    );
    println!(
        "2024: {} units ({} phường, {} thị trấn, {} xã); {written} forms in {}",
        old_units.len(),
        old_units
            .iter()
            .filter(|u| u.name.starts_with("Phường"))
            .count(),
        old_units
            .iter()
            .filter(|u| u.name.starts_with("Thị trấn"))
            .count(),
        old_units
            .iter()
            .filter(|u| u.name.starts_with("Xã"))
            .count(),
        folder.display()
    );
    println!(
        "mapping: {} renamed 1 → 1, {} of 2, {} of 3, {} of 4, {} of more merged; {} old units split, {} new units with part of one",
        sizes(1),
        sizes(2),
        sizes(3),
        sizes(4),
        new_units
            .iter()
            .filter(|u| u.parts.is_empty() && u.whole.len() > 4)
            .count(),
        split_old.len(),
        new_units.iter().filter(|u| !u.parts.is_empty()).count()
    );
    Ok(())
}

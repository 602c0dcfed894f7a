//! Matching the labels people type into forms: case-, space-, punctuation- and
//! diacritic-insensitive, NFC and NFD alike, with English aliases.
pub use crate::text::{fold, fold_at_most};

/// A label the reader looks for, with the folded spellings it accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Label {
    /// The Vietnamese label as printed in forms and messages.
    pub name: &'static str,
    accepted: &'static [&'static str],
}

impl Label {
    pub const fn new(name: &'static str, accepted: &'static [&'static str]) -> Label {
        Label { name, accepted }
    }

    pub fn matches(&self, text: &str) -> bool {
        fold_at_most(text, self.longest()).is_some_and(|folded| self.matches_folded(&folded))
    }

    /// The length of the longest folded spelling accepted.
    pub fn longest(&self) -> usize {
        self.accepted.iter().map(|a| a.len()).max().unwrap_or(0)
    }

    /// [`Label::matches`] for text already passed through [`fold`].
    pub fn matches_folded(&self, folded: &str) -> bool {
        self.accepted.contains(&folded)
    }
}

pub const UNIT_CODE: Label = Label {
    name: "Mã đơn vị",
    accepted: &["madonvi", "unitcode"],
};
pub const UNIT_NAME: Label = Label {
    name: "Tên đơn vị",
    accepted: &["tendonvi", "unitname"],
};
pub const YEAR: Label = Label {
    name: "Năm",
    accepted: &["nam", "year"],
};
/// Written by `parindex template`: the framework the form was made for.
pub const FRAMEWORK: Label = Label {
    name: "Mã bộ tiêu chí",
    accepted: &["mabotieuchi", "framework"],
};

pub const CODE: Label = Label {
    name: "Mã tiêu chí",
    accepted: &["matieuchi", "code", "criterioncode"],
};
pub const CRITERION: Label = Label {
    name: "Tiêu chí",
    accepted: &["tieuchi", "criterion"],
};
pub const MAX: Label = Label {
    name: "Điểm tối đa",
    accepted: &["diemtoida", "max", "maximum"],
};
pub const SELF_SCORE: Label = Label {
    name: "Điểm tự đánh giá",
    accepted: &["diemtudanhgia", "diemtucham", "selfscore"],
};
pub const APPRAISED_SCORE: Label = Label {
    name: "Điểm thẩm định",
    accepted: &["diemthamdinh", "appraisedscore"],
};
pub const EVIDENCE: Label = Label {
    name: "Tài liệu kiểm chứng",
    accepted: &["tailieukiemchung", "evidence"],
};
pub const NOTE: Label = Label {
    name: "Ghi chú",
    accepted: &["ghichu", "note"],
};

/// The measured-values sheet (số liệu) of forms for frameworks with rule-based criteria: one row
/// per fact, found by criterion code and fact key.
pub const FACT_KEY: Label = Label {
    name: "Mã số liệu",
    accepted: &["masolieu", "factkey"],
};
pub const FACT_VALUE: Label = Label {
    name: "Giá trị",
    accepted: &["giatri", "value"],
};
/// The fact's label, printed for the unit; not read.
pub const FACT_LABEL: Label = Label {
    name: "Số liệu",
    accepted: &["solieu", "fact"],
};

/// The table's columns, required ones first.
pub const TABLE_COLUMNS: [Label; 7] = [
    CODE,
    CRITERION,
    MAX,
    SELF_SCORE,
    APPRAISED_SCORE,
    EVIDENCE,
    NOTE,
];
/// How many of `TABLE_COLUMNS` must be present; evidence and note may be absent.
pub const REQUIRED_COLUMNS: usize = 5;

/// "Not applicable" (không phát sinh) as written in a score cell.
pub fn is_not_applicable(text: &str) -> bool {
    fold_at_most(text, "khongphatsinh".len())
        .is_some_and(|folded| matches!(folded.as_str(), "kps" | "khongphatsinh" | "na"))
}

/// Labels of a total row, which has no criterion code.
pub fn is_total_row(text: &str) -> bool {
    fold_at_most(text, "tongcong".len()).is_some_and(|folded| {
        matches!(
            folded.as_str(),
            "tong" | "tongcong" | "tongdiem" | "tongso" | "total"
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    #[test]
    fn folds_case_space_punctuation_and_diacritics() {
        assert_eq!(fold("Điểm tự đánh giá"), "diemtudanhgia");
        assert_eq!(fold("  ĐIỂM TỰ ĐÁNH GIÁ: "), "diemtudanhgia");
        let nfd: String = "Điểm thẩm định".nfd().collect();
        assert_eq!(fold(&nfd), "diemthamdinh");
        assert_eq!(fold("Mã\u{a0}tiêu  chí"), "matieuchi");
        assert_eq!(fold("Self-score (max 5)"), "selfscoremax5");
    }

    #[test]
    fn stops_folding_past_the_limit() {
        assert_eq!(
            fold_at_most("Điểm tự đánh giá", 13).as_deref(),
            Some("diemtudanhgia")
        );
        assert_eq!(fold_at_most("Điểm tự đánh giá", 12), None);
        assert_eq!(fold_at_most("Self score", 9).as_deref(), Some("selfscore"));
        assert_eq!(fold_at_most("Self score", 8), None);
        assert_eq!(fold_at_most("", 0).as_deref(), Some(""));
    }

    #[test]
    fn accepts_english_aliases() {
        assert!(SELF_SCORE.matches("Self score"));
        assert!(APPRAISED_SCORE.matches("Appraised Score"));
        assert!(CODE.matches("code"));
        assert!(MAX.matches("Max"));
        assert!(!MAX.matches("Điểm"));
    }

    #[test]
    fn recognises_not_applicable_spellings() {
        for text in [
            "KPS",
            "kps",
            "Không phát sinh",
            "KHÔNG PHÁT SINH",
            "N/A",
            "n/a",
        ] {
            assert!(is_not_applicable(text), "{text}");
        }
        assert!(!is_not_applicable("0"));
        assert!(!is_not_applicable("không"));
    }
}

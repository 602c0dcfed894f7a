//! Looked at, not assumed: the annex, its Word copy, a unit's result sheet and the form are
//! printed to PDF by LibreOffice, and the PDF is read with poppler: the page count and
//! orientation, the fonts (Times New Roman or its metric twin Liberation Serif, and nothing
//! else), the heading, An Mỹ's line, every name present (nothing cut), and no two words printed
//! over each other. These tests fail, never skip, without LibreOffice and poppler (`.ci/run`
//! installs them).

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::*;

fn require_all() {
    for program in ["soffice", "pdftotext", "pdffonts", "pdfinfo"] {
        require(program);
    }
}

/// Prints `file` (in `dir`) to PDF with LibreOffice, with a profile of its own (tests run in
/// parallel), into `dir/pdf-NAME/`.
fn print(dir: &Path, file: &str) -> PathBuf {
    let name = Path::new(file)
        .file_name()
        .unwrap()
        .to_string_lossy()
        .to_string();
    let out = dir.join(format!("pdf-{name}"));
    let profile = format!("file://{}", dir.join(format!("lo-{name}")).display());
    let output = Command::new("soffice")
        .args(["--headless", &format!("-env:UserInstallation={profile}")])
        .args(["--convert-to", "pdf", "--outdir"])
        .arg(&out)
        .arg(file)
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let pdf = out.join(Path::new(&name).with_extension("pdf"));
    assert!(pdf.is_file(), "{output:?}");
    pdf
}

/// Runs a poppler tool on `pdf`; pdftotext writes to standard output ("-").
fn run(program: &str, args: &[&str], pdf: &Path) -> String {
    let mut command = Command::new(program);
    command.args(args).arg(pdf);
    if program == "pdftotext" {
        command.arg("-");
    }
    let output = command.output().unwrap();
    assert!(output.status.success(), "{program}: {output:?}");
    String::from_utf8(output.stdout).unwrap()
}

/// Pages, and whether each is landscape.
fn pages(pdf: &Path) -> Vec<bool> {
    let info = run("pdfinfo", &["-f", "1", "-l", "999"], pdf);
    info.lines()
        .filter(|l| l.starts_with("Page") && l.contains(" size:"))
        .map(|l| {
            let size: Vec<f64> = l
                .split(':')
                .nth(1)
                .unwrap()
                .split_whitespace()
                .filter_map(|w| w.parse().ok())
                .collect();
            // A4 either way.
            let (w, h) = (size[0], size[1]);
            assert!(
                (w.min(h) - 595.3).abs() < 1.0 && (w.max(h) - 841.9).abs() < 1.0,
                "{l}"
            );
            w > h
        })
        .collect()
}

/// The fonts the PDF embeds, without their subset prefix.
fn fonts(pdf: &Path) -> Vec<String> {
    run("pdffonts", &[], pdf)
        .lines()
        .skip(2)
        .filter_map(|l| l.split_whitespace().next())
        .map(|name| name.split_once('+').map_or(name, |(_, n)| n).to_string())
        .collect()
}

fn assert_official_fonts(pdf: &Path) {
    let fonts = fonts(pdf);
    assert!(!fonts.is_empty());
    for font in &fonts {
        assert!(
            font.starts_with("LiberationSerif") || font.starts_with("TimesNewRoman"),
            "{}: {font} among {fonts:?}",
            pdf.display()
        );
    }
}

/// The text, words joined by single spaces (a name wrapped over lines reads whole).
fn words(pdf: &Path) -> String {
    run("pdftotext", &["-enc", "UTF-8"], pdf)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The lines of the text as laid out on the page.
fn layout(pdf: &Path) -> Vec<String> {
    run("pdftotext", &["-layout", "-enc", "UTF-8"], pdf)
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

/// No two words of a page overlap: a row too short for its wrapped text prints over the next.
fn assert_nothing_overprinted(pdf: &Path) {
    let html = run("pdftotext", &["-bbox", "-enc", "UTF-8"], pdf);
    let mut page: Vec<(f64, f64, f64, f64, String)> = Vec::new();
    let check = |page: &[(f64, f64, f64, f64, String)]| {
        for (i, a) in page.iter().enumerate() {
            for b in &page[i + 1..] {
                // Lines set close share a sliver of their boxes (the font's ascent and descent,
                // a sixth of a line); a row printed over another shares most of it.
                let x = a.2.min(b.2) - a.0.max(b.0);
                let y = a.3.min(b.3) - a.1.max(b.1);
                let height = (a.3 - a.1).min(b.3 - b.1);
                assert!(
                    x <= 1.0 || y <= 0.35 * height,
                    "{}: '{}' and '{}' are printed over each other",
                    pdf.display(),
                    a.4,
                    b.4
                );
            }
        }
    };
    for line in html.lines() {
        let line = line.trim();
        if line.starts_with("<page") {
            check(&page);
            page.clear();
        }
        let Some(rest) = line.strip_prefix("<word ") else {
            continue;
        };
        let attr = |name: &str| -> f64 {
            let start = rest.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
            let end = rest[start..].find('"').unwrap() + start;
            rest[start..end].parse().unwrap()
        };
        let word = rest[rest.find('>').unwrap() + 1..]
            .trim_end_matches("</word>")
            .to_string();
        page.push((attr("xMin"), attr("yMin"), attr("xMax"), attr("yMax"), word));
    }
    check(&page);
}

fn score_2022(output: &str) -> crate::support::Run {
    Test::new()
        .file("roster.csv", {
            let mut roster = String::from("unit_code,unit_name\n");
            for code in 1..=14 {
                let name = if code == 14 { "Xã Mới Lập" } else { "x" };
                roster.push_str(&format!("KS{code:02},{name}\n"));
            }
            roster
        })
        .args([
            "score",
            "--criteria",
            &criteria(2022),
            &repo("samples/2022"),
        ])
        .args(["--decision", &repo("samples/decision-2022.toml")])
        .args(["--roster", "roster.csv", "--accept-missing", "-o", output])
        .run()
}

/// The unit names and area names the annex must show whole.
fn names() -> Vec<String> {
    let framework = framework(2022);
    let mut names: Vec<String> = framework
        .areas()
        .map(|a| framework.nodes[a].name.clone())
        .collect();
    for entry in std::fs::read_dir(repo("samples/2022")).unwrap() {
        let path = entry.unwrap().path();
        let mut workbook = calamine::open_workbook_auto(&path).unwrap();
        use calamine::Reader;
        let sheet = workbook.worksheet_range_at(0).unwrap().unwrap();
        names.push(sheet.get_value((2, 1)).unwrap().to_string());
    }
    names.push("Xã Mới Lập".into());
    names
}

#[test]
fn the_xlsx_annex_prints_in_official_form() {
    require_all();
    let run = score_2022("phu-luc.xlsx");
    let pdf = print(run.dir(), "phu-luc.xlsx");
    // The ranking, the summary, the charts, the criteria on three pages; the run's information
    // (hidden) is not printed.
    let pages = pages(&pdf);
    assert_eq!(pages.len(), 6);
    assert!(pages.iter().all(|&landscape| landscape));
    assert_official_fonts(&pdf);
    let text = words(&pdf);
    assert!(
        text.starts_with("Phụ lục KẾT QUẢ XÁC ĐỊNH CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2022"),
        "{text}"
    );
    assert!(text.contains(
        "(Kèm theo Quyết định số 2007/QĐ-UBND ngày 30 tháng 12 năm 2022 của Chủ tịch UBND huyện Kế Sách)"
    ));
    assert!(text.contains("Trang 1/6") && text.contains("Trang 6/6"));
    assert!(
        !text.contains("SHA-256"),
        "the run's information is not printed"
    );
    for name in names() {
        assert!(text.contains(&name), "{name} is cut or missing");
    }
    let lines = layout(&pdf);
    let an_my = lines.iter().find(|l| l.starts_with("1 Xã An Mỹ")).unwrap();
    assert!(an_my.ends_with("86.375 95.00 90.92 Rất tốt 1"), "{an_my}");
    let new = lines.iter().find(|l| l.contains("Xã Mới Lập")).unwrap();
    assert_eq!(new, "14 Xã Mới Lập Chưa nộp");
    // 2 of 14 units, the one that did not submit counted.
    assert!(
        lines.iter().any(|l| l.starts_with("1 Rất tốt 2 14.29")),
        "{lines:?}"
    );
    assert_nothing_overprinted(&pdf);
}

#[test]
fn the_word_copy_prints_in_official_form() {
    require_all();
    let run = score_2022("phu-luc.docx");
    let pdf = print(run.dir(), "phu-luc.docx");
    let pages = pages(&pdf);
    assert_eq!(pages.len(), 2);
    assert!(pages.iter().all(|&landscape| landscape));
    assert_official_fonts(&pdf);
    let text = words(&pdf);
    assert!(text.contains("Kèm theo Quyết định số 2007/QĐ-UBND"));
    assert!(text.contains("Trang 1/2"));
    for name in names() {
        assert!(text.contains(&name), "{name} is cut or missing");
    }
    let lines = layout(&pdf);
    let an_my = lines.iter().find(|l| l.starts_with("1 Xã An Mỹ")).unwrap();
    assert!(an_my.ends_with("86,375 95 90,92 Rất tốt 1"), "{an_my}");
    assert!(lines.iter().any(|l| l.contains("Xã Mới Lập Chưa nộp")));
    assert_nothing_overprinted(&pdf);
}

#[test]
fn a_units_result_sheet_prints_on_a4_portrait() {
    require_all();
    let run = Test::new()
        .args([
            "score",
            "--criteria",
            &criteria(2022),
            &repo("samples/2022"),
        ])
        .args(["--decision", &repo("samples/decision-2022.toml")])
        .args(["--per-unit", "phieu"])
        .run();
    let pdf = print(run.dir(), "phieu/KS04.xlsx");
    let pages = pages(&pdf);
    assert_eq!(pages.len(), 3);
    assert!(pages.iter().all(|&landscape| !landscape));
    assert_official_fonts(&pdf);
    let text = words(&pdf);
    assert!(text.contains("PHIẾU KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2022"));
    assert!(text.contains("Đơn vị: Xã An Mỹ (mã KS04)"));
    assert!(text.contains("vị thứ 1/13"));
    let framework = framework(2022);
    for node in &framework.nodes {
        assert!(text.contains(&node.name), "{} is cut or missing", node.name);
    }
    assert_nothing_overprinted(&pdf);
}

#[test]
fn the_form_prints_without_overlap() {
    require_all();
    let run = Test::new()
        .args([
            "template",
            "--criteria",
            &criteria(2022),
            "-o",
            "bieu-mau.xlsx",
        ])
        .run();
    let pdf = print(run.dir(), "bieu-mau.xlsx");
    // The table on three landscape pages, the dossier facts of 3.3.1 on one more, the guide on
    // one portrait page.
    assert_eq!(pages(&pdf), [true, true, true, true, false]);
    assert_official_fonts(&pdf);
    let text = words(&pdf);
    let framework = framework(2022);
    for node in &framework.nodes {
        assert!(text.contains(&node.name), "{} is cut or missing", node.name);
    }
    assert!(text.contains("HƯỚNG DẪN ĐIỀN BẢNG TỰ ĐÁNH GIÁ"));
    assert!(text.contains("gửi cùng tài liệu kiểm chứng về cơ quan nội vụ"));
    assert!(!text.contains("parindex"));
    assert_nothing_overprinted(&pdf);
}

//! The Word copy of the annex, for drafting the decision without retyping it: the same heading
//! and table as the XLSX (one `Annex` model prints both), A4 landscape, Times New Roman 13, the
//! header rows repeated on every page, "Trang x/y" at the foot, and the summary by band under
//! the notes. Numbers are written as officials type them, with a decimal comma (90,92).

use std::io::{self, Cursor, Write};

use docx_rs::{
    AlignmentType, Docx, Footer, InstrNUMPAGES, InstrPAGE, InstrText, LineSpacing, PageMargin,
    PageOrientationType, Paragraph, Run, RunFonts, Shading, Table, TableCell, TableLayoutType,
    TableRow, VAlignType, VMergeType, WidthType,
};
use rust_decimal::Decimal;

use super::annex::sheet::{HEADER_FILL, band_fill};
use super::annex::{Annex, Cell, ColumnKind, NOT_SUBMITTED};
use super::page::FONT;
use super::{CompareReport, Exporter, NOT_APPLICABLE, ScoreReport};
use crate::t;
use crate::text::points;

pub struct DocxExporter;

impl Exporter for DocxExporter {
    fn score(&self, report: &ScoreReport, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(&document(report)?)
    }

    fn compare(&self, _report: &CompareReport, _out: &mut dyn Write) -> io::Result<()> {
        Err(io::Error::new(
            io::ErrorKind::Unsupported,
            t!("output-docx-score-only"),
        ))
    }
}

/// A4 landscape, in twentieths of a point.
const PAGE_WIDTH: u32 = 16838;
const PAGE_HEIGHT: u32 = 11906;
/// Nghị định 30/2020's margins: left 30 mm, right 15 mm, top and bottom 20 mm.
const MARGIN_LEFT: i32 = 1701;
const MARGIN_RIGHT: i32 = 850;
const MARGIN_TOP_BOTTOM: i32 = 1134;
/// The table spans the width between the margins.
const TABLE_WIDTH: usize = PAGE_WIDTH as usize - (MARGIN_LEFT + MARGIN_RIGHT) as usize;
/// Text sizes, in half-points: the body 13 pt, the title 14 pt, the table 12 pt (11 pt with many
/// columns), its header 10 pt.
const BODY: usize = 26;
const TITLE: usize = 28;
const HEADER: usize = 20;

/// A number with a decimal comma, as officials type it: 86,375; 90,92.
fn comma(text: String) -> String {
    text.replace('.', ",")
}

fn fonts() -> RunFonts {
    RunFonts::new()
        .ascii(FONT)
        .hi_ansi(FONT)
        .cs(FONT)
        .east_asia(FONT)
}

/// A paragraph of one run, without space around it.
fn paragraph(text: &str, size: usize, align: AlignmentType) -> Paragraph {
    Paragraph::new()
        .align(align)
        .line_spacing(LineSpacing::new().before(0).after(0))
        .add_run(Run::new().add_text(text).size(size))
}

/// Widths (twips) of the columns: the unit's name wide, the figures sharing the rest.
fn widths(annex: &Annex) -> Vec<usize> {
    let fixed = |kind| match kind {
        ColumnKind::Number => Some(700),
        ColumnKind::Unit => Some(2600),
        ColumnKind::Band => Some(1350),
        ColumnKind::Rank => Some(850),
        ColumnKind::Points | ColumnKind::Percent => None,
    };
    let taken: usize = annex.columns.iter().filter_map(|c| fixed(c.kind)).sum();
    let figures = annex
        .columns
        .iter()
        .filter(|c| fixed(c.kind).is_none())
        .count();
    let share = TABLE_WIDTH.saturating_sub(taken) / figures.max(1);
    annex
        .columns
        .iter()
        .map(|c| fixed(c.kind).unwrap_or(share))
        .collect()
}

fn cell(text: &str, width: usize, size: usize, align: AlignmentType) -> TableCell {
    TableCell::new()
        .add_paragraph(paragraph(text, size, align))
        .width(width, WidthType::Dxa)
        .vertical_align(VAlignType::Center)
}

/// A cell kept on the page of the next row: the summary's rows stay together.
fn kept(text: &str, width: usize, align: AlignmentType) -> TableCell {
    TableCell::new()
        .add_paragraph(paragraph(text, BODY, align).keep_next(true))
        .width(width, WidthType::Dxa)
        .vertical_align(VAlignType::Center)
}

fn header_cell(text: &str, width: usize) -> TableCell {
    let run = Run::new().add_text(text).size(HEADER).bold();
    TableCell::new()
        .add_paragraph(
            Paragraph::new()
                .align(AlignmentType::Center)
                .keep_next(true)
                .line_spacing(LineSpacing::new().before(0).after(0))
                .add_run(run),
        )
        .width(width, WidthType::Dxa)
        .vertical_align(VAlignType::Center)
        .shading(Shading::new().fill(format!("{HEADER_FILL:06X}")))
}

/// The table's two header rows: a group's name over its columns, other headers merged down.
fn header_rows(annex: &Annex, widths: &[usize]) -> [TableRow; 2] {
    let mut top = Vec::new();
    let mut bottom = Vec::new();
    let mut col = 0;
    while col < annex.columns.len() {
        let column = &annex.columns[col];
        match &column.group {
            None => {
                top.push(
                    header_cell(&column.header, widths[col]).vertical_merge(VMergeType::Restart),
                );
                bottom.push(header_cell("", widths[col]).vertical_merge(VMergeType::Continue));
                col += 1;
            }
            Some(group) => {
                let end = (col..annex.columns.len())
                    .take_while(|&c| annex.columns[c].group.as_ref() == Some(group))
                    .last()
                    .unwrap_or(col);
                let span: usize = widths[col..=end].iter().sum();
                top.push(header_cell(group, span).grid_span(end - col + 1));
                for (column, width) in annex.columns[col..=end].iter().zip(&widths[col..=end]) {
                    bottom.push(header_cell(&column.header, *width));
                }
                col = end + 1;
            }
        }
    }
    [
        TableRow::new(top).cant_split(),
        TableRow::new(bottom).cant_split(),
    ]
}

fn body_rows(annex: &Annex, widths: &[usize], size: usize) -> Vec<TableRow> {
    annex
        .rows
        .iter()
        .map(|row| {
            let mut cells = Vec::new();
            for (col, value) in row.cells.iter().enumerate() {
                let width = widths[col];
                let right = AlignmentType::Right;
                let centre = AlignmentType::Center;
                cells.push(match value {
                    Cell::Text(text) => {
                        let run = Run::new().add_text(text).size(size);
                        let run = if row.self_assessed { run.italic() } else { run };
                        TableCell::new()
                            .add_paragraph(
                                Paragraph::new()
                                    .line_spacing(LineSpacing::new().before(0).after(0))
                                    .add_run(run),
                            )
                            .width(width, WidthType::Dxa)
                            .vertical_align(VAlignType::Center)
                    }
                    Cell::Number(n) => cell(&n.to_string(), width, size, centre),
                    Cell::Points(p) => cell(&comma(points(*p)), width, size, right),
                    Cell::Percent(p) => cell(&comma(p.to_string()), width, size, right),
                    Cell::NotApplicable => cell(NOT_APPLICABLE, width, size, centre),
                    Cell::Band {
                        label,
                        position,
                        bands,
                    } => cell(label, width, size, AlignmentType::Left).shading(
                        Shading::new().fill(format!("{:06X}", band_fill(*position, *bands))),
                    ),
                    Cell::Rest(text) => {
                        let span = annex.columns.len() - col;
                        let width: usize = widths[col..].iter().sum();
                        let run = Run::new().add_text(text).size(size).italic();
                        TableCell::new()
                            .add_paragraph(
                                Paragraph::new()
                                    .align(centre)
                                    .line_spacing(LineSpacing::new().before(0).after(0))
                                    .add_run(run),
                            )
                            .width(width, WidthType::Dxa)
                            .grid_span(span)
                    }
                });
                if matches!(value, Cell::Rest(_)) {
                    break;
                }
            }
            TableRow::new(cells).cant_split()
        })
        .collect()
}

/// The summary by band (TT | Xếp loại | Số lượng | Tỷ lệ %) and the spread of the index.
fn summary(report: &ScoreReport) -> (Table, Paragraph) {
    let summary = report.summary;
    let widths = [700, 3000, 1500, 1500];
    let header = TableRow::new(
        ["TT", "Xếp loại", "Số lượng", "Tỷ lệ %"]
            .iter()
            .zip(widths)
            .map(|(text, width)| header_cell(text, width))
            .collect(),
    );
    let mut rows = vec![header.cant_split()];
    let line = |number: usize, label: &str, count: usize, share: Decimal| {
        TableRow::new(vec![
            kept(&number.to_string(), widths[0], AlignmentType::Center),
            kept(label, widths[1], AlignmentType::Left),
            kept(&count.to_string(), widths[2], AlignmentType::Center),
            kept(&comma(share.to_string()), widths[3], AlignmentType::Right),
        ])
        .cant_split()
    };
    for (i, band) in summary.bands.iter().enumerate() {
        rows.push(line(i + 1, &band.label, band.count, band.percent));
    }
    if summary.not_submitted > 0 {
        rows.push(line(
            summary.bands.len() + 1,
            NOT_SUBMITTED,
            summary.not_submitted,
            summary.not_submitted_percent,
        ));
    }
    rows.push(
        TableRow::new(vec![
            cell("", widths[0], BODY, AlignmentType::Center),
            cell("Tổng cộng", widths[1], BODY, AlignmentType::Left),
            cell(
                &summary.units.to_string(),
                widths[2],
                BODY,
                AlignmentType::Center,
            ),
            cell("", widths[3], BODY, AlignmentType::Right),
        ])
        .cant_split(),
    );
    let table = Table::new(rows)
        .set_grid(widths.to_vec())
        .layout(TableLayoutType::Fixed)
        .width(widths.iter().sum(), WidthType::Dxa);
    let spread = summary.index;
    let text = format!(
        "Chỉ số cải cách hành chính của các đơn vị được xếp hạng: trung bình {} %, trung vị {} %, thấp nhất {} %, cao nhất {} %.",
        comma(spread.mean.to_string()),
        comma(spread.median.to_string()),
        comma(spread.min.to_string()),
        comma(spread.max.to_string())
    );
    (table, paragraph(&text, BODY, AlignmentType::Both))
}

/// What a page field shows until the program computes it.
const FIELD_SHOWN: &str = "1";

/// "Trang x/y", with Word's page fields.
fn page_number() -> Paragraph {
    let field = |instr: InstrText| {
        Run::new()
            .size(22)
            .add_field_char(docx_rs::FieldCharType::Begin, false)
            .add_instr_text(instr)
            .add_field_char(docx_rs::FieldCharType::Separate, false)
            .add_text(FIELD_SHOWN)
            .add_field_char(docx_rs::FieldCharType::End, false)
    };
    Paragraph::new()
        .align(AlignmentType::Center)
        .add_run(Run::new().add_text("Trang ").size(22))
        .add_run(field(InstrText::PAGE(InstrPAGE::new())))
        .add_run(Run::new().add_text("/").size(22))
        .add_run(field(InstrText::NUMPAGES(InstrNUMPAGES::new())))
}

fn document(report: &ScoreReport) -> io::Result<Vec<u8>> {
    let annex = Annex::of(report);
    let widths = widths(&annex);
    // Many columns get smaller type, so figures fit their cells.
    let size = if widths.iter().any(|&w| w < 900) {
        22
    } else {
        24
    };
    let mut rows = header_rows(&annex, &widths).to_vec();
    let header_count = rows.len();
    rows.extend(body_rows(&annex, &widths, size));
    let table = Table::new(rows)
        .set_grid(widths.clone())
        .layout(TableLayoutType::Fixed)
        .width(TABLE_WIDTH, WidthType::Dxa);

    let heading = |text: &str, size: usize, bold: bool, italic: bool| {
        let run = Run::new().add_text(text).size(size);
        let run = if bold { run.bold() } else { run };
        let run = if italic { run.italic() } else { run };
        Paragraph::new()
            .align(AlignmentType::Center)
            .line_spacing(LineSpacing::new().before(0).after(0))
            .add_run(run)
    };
    let mut docx = Docx::new()
        .page_size(PAGE_WIDTH, PAGE_HEIGHT)
        .page_orient(PageOrientationType::Landscape)
        .page_margin(
            PageMargin::new()
                .top(MARGIN_TOP_BOTTOM)
                .bottom(MARGIN_TOP_BOTTOM)
                .left(MARGIN_LEFT)
                .right(MARGIN_RIGHT)
                .header(567)
                .footer(567),
        )
        .default_fonts(fonts())
        .default_size(BODY)
        .footer(Footer::new().add_paragraph(page_number()))
        .add_paragraph(heading(&annex.label, BODY, true, false))
        .add_paragraph(heading(&annex.title, TITLE, true, false))
        .add_paragraph(heading(&annex.attached_to, BODY, false, true))
        .add_paragraph(paragraph("", BODY, AlignmentType::Center))
        .add_table(table);
    for note in &annex.notes {
        docx = docx.add_paragraph(
            paragraph(note, BODY, AlignmentType::Both)
                .line_spacing(LineSpacing::new().before(60).after(0)),
        );
    }
    let (summary_table, spread) = summary(report);
    docx = docx
        .add_paragraph(paragraph("", BODY, AlignmentType::Left))
        .add_paragraph(
            Paragraph::new().keep_next(true).add_run(
                Run::new()
                    .add_text("Tổng hợp theo xếp loại")
                    .size(BODY)
                    .bold(),
            ),
        )
        .add_table(summary_table)
        .add_paragraph(spread.line_spacing(LineSpacing::new().before(60).after(0)));
    if let Some(manifest) = report.manifest {
        // The run's time, so the same run gives the same bytes.
        docx = docx
            .created_at(&manifest.created)
            .updated_at(&manifest.created);
    }

    let mut xml = docx.build();
    xml.document = repeat_header_rows(&xml.document, header_count);
    let mut bytes = Cursor::new(Vec::new());
    xml.pack(&mut bytes).map_err(io::Error::other)?;
    Ok(bytes.into_inner())
}

/// Marks the first `count` rows of the document's first table as header rows, repeated at the
/// top of every page (`<w:tblHeader/>`), which docx-rs does not write itself.
fn repeat_header_rows(document: &[u8], count: usize) -> Vec<u8> {
    let text = String::from_utf8_lossy(document);
    let Some(table) = text.find("<w:tbl>") else {
        return document.to_vec();
    };
    let mut marked = text[..table].to_string();
    let mut rest = &text[table..];
    for _ in 0..count {
        let Some(at) = rest.find("<w:trPr>") else {
            break;
        };
        let end = at + "<w:trPr>".len();
        marked.push_str(&rest[..end]);
        marked.push_str("<w:tblHeader />");
        rest = &rest[end..];
    }
    marked.push_str(rest);
    marked.into_bytes()
}

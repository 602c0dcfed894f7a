//! The floor under `parindex score`: opens each workbook and reads every cell of every sheet with
//! calamine, nothing else, on rayon's pool like `score` (so `RAYON_NUM_THREADS` applies alike).
//! `benches/scale.sh` divides the end-to-end time of `score` by this one's.
//!
//!     cargo run --release --example bare_read -- target/synth/3300

use std::path::PathBuf;

use anyhow::Context;
use calamine::{Reader, open_workbook_auto};
use rayon::prelude::*;

fn main() -> anyhow::Result<()> {
    let mut files = Vec::new();
    for folder in std::env::args_os().skip(1) {
        for entry in std::fs::read_dir(&folder).context("a folder of workbooks")? {
            let path = entry?.path();
            if path.extension().is_some_and(|e| e == "xlsx") {
                files.push(path);
            }
        }
    }
    files.sort();
    let cells: usize = files.par_iter().map(read_all).sum::<anyhow::Result<_>>()?;
    println!("{} workbooks, {cells} non-empty cells", files.len());
    Ok(())
}

/// Non-empty cells of every sheet, counted so the read cannot be optimised away.
fn read_all(path: &PathBuf) -> anyhow::Result<usize> {
    let mut workbook = open_workbook_auto(path)?;
    let mut cells = 0;
    for name in workbook.sheet_names() {
        let range = workbook.worksheet_range(&name)?;
        cells += range.used_cells().count();
    }
    Ok(cells)
}

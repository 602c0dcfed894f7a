//! Writes N copies of real unit workbooks (guide sheet, styles and all), each under its own unit
//! code, for benchmarks that should not rest on synthetic files alone.
//!
//!     cargo run --release --example copies -- 3300
//!     cargo run --release --example copies -- 500 --from samples/2021 \
//!         --criteria criteria/commune-2021.toml --out /tmp/copies
//!
//! Defaults: the .xlsx files of samples/2022 scored with criteria/commune-2022.toml, output in
//! target/copies/N (outside version control). Copy i is sample i mod the number of samples with
//! its unit code replaced by "C" and i (C0001, C0002, …) in the shared strings, where .xlsx
//! keeps it; nothing else changes. The folder is emptied of .xlsx files first.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, bail, ensure};
use parindex::framework::Framework;
use parindex::workbook::read_unit;
use zip::write::SimpleFileOptions;
use zip::{ZipArchive, ZipWriter};

fn main() -> anyhow::Result<()> {
    let mut count = None;
    let mut from = PathBuf::from("samples/2022");
    let mut criteria = PathBuf::from("criteria/commune-2022.toml");
    let mut out = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().with_context(|| format!("{arg} needs a value"));
        match arg.as_str() {
            "--from" => from = value()?.into(),
            "--criteria" => criteria = value()?.into(),
            "--out" => out = Some(PathBuf::from(value()?)),
            _ if count.is_none() => count = Some(arg.parse::<usize>().context("N: a number")?),
            _ => bail!("unexpected argument {arg}"),
        }
    }
    let Some(count) = count else {
        bail!("usage: copies N [--from DIR] [--criteria FILE] [--out DIR]");
    };
    let out = out.unwrap_or_else(|| PathBuf::from(format!("target/copies/{count}")));

    let framework = Framework::load(&criteria)?;
    let mut samples = Vec::new();
    for entry in std::fs::read_dir(&from).with_context(|| format!("{}", from.display()))? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "xlsx") {
            let unit = read_unit(&path, &framework).map_err(|problems| {
                anyhow::anyhow!("{}: {} problems", path.display(), problems.len())
            })?;
            samples.push((path, unit.unit_code));
        }
    }
    samples.sort();
    ensure!(!samples.is_empty(), "no .xlsx files in {}", from.display());

    std::fs::create_dir_all(&out)?;
    for entry in std::fs::read_dir(&out)? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "xlsx") {
            std::fs::remove_file(&path)?;
        }
    }
    let width = count.to_string().len().max(4);
    for i in 0..count {
        let (sample, code) = &samples[i % samples.len()];
        let new_code = format!("C{:0width$}", i + 1);
        let name = sample.file_name().context("a file name")?.to_string_lossy();
        copy_with_code(
            sample,
            code,
            &new_code,
            &out.join(format!("{new_code}-{name}")),
        )?;
    }
    println!(
        "{count} copies of {} workbooks in {}",
        samples.len(),
        out.display()
    );
    Ok(())
}

/// Copies an .xlsx entry by entry, replacing the shared string that is the unit code.
fn copy_with_code(sample: &Path, code: &str, new_code: &str, target: &Path) -> anyhow::Result<()> {
    let mut archive = ZipArchive::new(std::fs::File::open(sample)?)?;
    let mut writer = ZipWriter::new(std::fs::File::create(target)?);
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for index in 0..archive.len() {
        let mut entry = archive.by_index(index)?;
        let name = entry.name()?.to_string();
        let mut data = Vec::new();
        entry.read_to_end(&mut data)?;
        if name == "xl/sharedStrings.xml" {
            let text = String::from_utf8(data)?;
            let old = format!("<t>{code}</t>");
            ensure!(
                text.matches(&old).count() == 1,
                "{}: the unit code {code} is not one shared string",
                sample.display()
            );
            data = text
                .replace(&old, &format!("<t>{new_code}</t>"))
                .into_bytes();
        }
        writer.start_file(name, options)?;
        writer.write_all(&data)?;
    }
    writer.finish()?;
    Ok(())
}

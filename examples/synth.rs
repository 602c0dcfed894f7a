//! Writes N synthetic unit workbooks for a criteria file, for benchmarks and scale tests.
//!
//!     cargo run --release --example synth -- 3300
//!     cargo run --release --example synth -- 200 --criteria criteria/commune-2021.toml \
//!         --seed 7 --invalid-every 0 --out /tmp/units
//!
//! Defaults: criteria/commune-2022.toml, seed 1, every 50th unit invalid, output in
//! target/synth/N (outside version control). The folder is emptied of .xlsx files first, so a
//! smaller set never keeps files from a larger one.

use std::path::PathBuf;

use anyhow::{Context, bail};
use parindex::framework::Framework;
use parindex::synth::write_units;

fn main() -> anyhow::Result<()> {
    let mut count = None;
    let mut criteria = PathBuf::from("criteria/commune-2022.toml");
    let mut seed = 1;
    let mut invalid_every = 50;
    let mut out = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().with_context(|| format!("{arg} needs a value"));
        match arg.as_str() {
            "--criteria" => criteria = value()?.into(),
            "--seed" => seed = value()?.parse()?,
            "--invalid-every" => invalid_every = value()?.parse()?,
            "--out" => out = Some(PathBuf::from(value()?)),
            _ if count.is_none() => count = Some(arg.parse::<usize>().context("N: a number")?),
            _ => bail!("unexpected argument {arg}"),
        }
    }
    let Some(count) = count else {
        bail!(
            "usage: synth N [--criteria FILE] [--seed S] [--invalid-every K (0: none)] [--out DIR]"
        );
    };
    let out = out.unwrap_or_else(|| PathBuf::from(format!("target/synth/{count}")));

    let framework = Framework::load(&criteria)?;
    if out.is_dir() {
        for entry in std::fs::read_dir(&out)? {
            let path = entry?.path();
            if path.extension().is_some_and(|e| e == "xlsx") {
                std::fs::remove_file(&path)?;
            }
        }
    }
    let files = write_units(&framework, &out, count, seed, invalid_every)?;
    let invalid = count.checked_div(invalid_every).unwrap_or(0);
    println!(
        "{} workbooks ({invalid} invalid) in {}",
        files.len(),
        out.display()
    );
    Ok(())
}

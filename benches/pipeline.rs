//! `cargo bench`: reading one workbook, scoring one unit, and the whole `score` pipeline (read,
//! score, rank, CSV) on 13, 200 and 3,300 synthetic units. Uses rayon's pool like the binary, so
//! `RAYON_NUM_THREADS=1 cargo bench` gives the single-thread figures. End-to-end process timings,
//! with peak memory and the bare-read baseline, are in `benches/scale.sh`.

use std::path::{Path, PathBuf};

use divan::Bencher;
use divan::counter::ItemsCount;
use parindex::framework::Framework;
use parindex::options::{CsvStyle, Format, RunOptions};
use parindex::pipeline::{Quiet, ScoreRequest, score};
use parindex::rank::RankMode;
use parindex::score::{BasisChoice, ExternalSupply, score_unit};
use parindex::synth::write_units;
use parindex::workbook::read_unit;

fn main() {
    divan::main();
}

fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

fn framework() -> Framework {
    Framework::load(&repo("criteria/commune-2022.toml")).expect("bundled framework loads")
}

/// target/synth/N as examples/synth.rs and benches/scale.sh write it (seed 1, every 50th unit
/// invalid), written once and reused while it holds N workbooks.
fn synthetic(framework: &Framework, units: usize) -> PathBuf {
    let folder = repo(&format!("target/synth/{units}"));
    let present = std::fs::read_dir(&folder).map_or(0, |entries| {
        entries
            .filter_map(Result::ok)
            .filter(|e| e.path().extension().is_some_and(|x| x == "xlsx"))
            .count()
    });
    if present != units {
        write_units(framework, &folder, units, 1, 50).expect("synthetic units are written");
    }
    folder
}

#[divan::bench]
fn read_one_workbook(bencher: Bencher) {
    let framework = framework();
    let file = repo("samples/2022/KS04-xa-an-my.xlsx");
    bencher.bench(|| read_unit(&file, &framework).expect("the sample is valid"));
}

#[divan::bench]
fn score_one_unit(bencher: Bencher) {
    let framework = framework();
    let unit = read_unit(&repo("samples/2022/KS04-xa-an-my.xlsx"), &framework)
        .expect("the sample is valid");
    bencher.bench(|| {
        score_unit(
            &framework,
            &unit,
            BasisChoice::Auto,
            ExternalSupply::File(None),
        )
        .expect("it scores")
    });
}

/// Everything `parindex score --keep-going --format csv` does: the library's pipeline, as the
/// command line calls it. Few samples for 3,300 units (about a second each), so `cargo bench`
/// stays short.
#[divan::bench(args = [13, 200, 3300], max_time = 10, sample_size = 1)]
fn score_pipeline(bencher: Bencher, units: usize) {
    let folder = synthetic(&framework(), units);
    let request = ScoreRequest {
        criteria: repo("criteria/commune-2022.toml"),
        paths: vec![folder],
        options: RunOptions {
            basis: BasisChoice::Auto,
            rank_mode: RankMode::Competition,
            format: Format::Csv,
            csv_style: CsvStyle::Standard,
            keep_going: true,
            accept_missing: false,
            preliminary: false,
        },
        record: false,
        output: None,
        decision: None,
        roster: None,
        per_unit: None,
        external: None,
    };
    bencher
        .counter(ItemsCount::new(units))
        .bench(|| score(&request, String::new(), &Quiet).expect("the valid units are scored"));
}

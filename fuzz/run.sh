#!/usr/bin/env bash
# Fuzzes the workbook reader and the criteria parser for SECONDS each (default 300), seeded with
# the bundled samples and criteria files. Needs nightly and `cargo install cargo-fuzz`.
# A crash leaves its input in fuzz/artifacts/TARGET/: fix the bug and copy the input into
# fuzz/regressions/workbook_reader/, where tests/regression.rs replays it on every `cargo test`
# (the criteria parser has not crashed yet: give its first crash a folder and a replay test too).
# fuzz/known-issues/ holds inputs we cannot fix on our side; see the README there.
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-300}
mkdir -p corpus/workbook_reader corpus/criteria_parser
for seed in ../samples/2022/*.xlsx ../tests/fixtures/libreoffice*/*; do
  cp "$seed" "corpus/workbook_reader/$(basename "$(dirname "$seed")")-$(basename "$seed")"
done
cp ../criteria/*.toml corpus/criteria_parser/
for target in workbook_reader criteria_parser; do
  cargo +nightly fuzz run "$target" "corpus/$target" -- -max_total_time="$seconds" -rss_limit_mb=4096
done

#!/usr/bin/env bash
# Fuzzes the workbook reader, the container checks it runs first, and the criteria parser for
# SECONDS each (default 300), seeded with the bundled samples, the LibreOffice fixtures (.xlsx,
# .ods, .xls), the replayed regressions and the criteria files. Needs nightly and
# `cargo install cargo-fuzz`.
# A crash leaves its input in fuzz/artifacts/TARGET/: fix the bug and copy the input into
# fuzz/regressions/workbook_reader/, where tests/regression.rs replays it on every `cargo test`
# through the reader, container checks first (the criteria parser has not crashed yet: give its
# first crash a folder and a replay test too). The container checks run with a memory limit of
# 512 MB: they must never lay out what they guard against.
# fuzz/known-issues/ holds inputs we cannot fix on our side; see the README there.
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-300}
mkdir -p corpus/workbook_reader corpus/container_checks corpus/criteria_parser
for seed in ../samples/2022/*.xlsx ../tests/fixtures/libreoffice*/* regressions/workbook_reader/*; do
  name="$(basename "$(dirname "$seed")")-$(basename "$seed")"
  cp "$seed" "corpus/workbook_reader/$name"
  cp "$seed" "corpus/container_checks/$name"
done
cp ../criteria/*.toml corpus/criteria_parser/
for target in workbook_reader:4096 container_checks:512 criteria_parser:4096; do
  name=${target%%:*}
  cargo +nightly fuzz run "$name" "corpus/$name" -- -max_total_time="$seconds" -rss_limit_mb="${target##*:}"
done

//! One integration-test binary (links once); one module per feature.

mod support;

mod annex;
mod bad_input;
mod compare;
mod explain;
mod manifest;
mod properties;
mod score_samples;
mod spreadsheet_programs;

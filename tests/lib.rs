//! One integration-test binary (links once); one module per feature.

mod support;

mod bad_input;
mod parallel;
mod properties;
mod score_samples;
mod spreadsheet_programs;

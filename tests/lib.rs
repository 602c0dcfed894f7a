//! One integration-test binary (links once); one module per feature.

mod support;

mod annex;
mod bad_input;
mod compare;
mod criteria_cmd;
mod explain;
mod hostile;
mod manifest;
mod parallel;
mod properties;
mod regression;
mod robust_reading;
mod score_samples;
mod spreadsheet_programs;
mod template;
mod validate;

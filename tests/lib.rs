//! One integration-test binary (links once); one module per feature.

mod support;

mod bad_input;
mod criteria_cmd;
mod properties;
mod regression;
mod robust_reading;
mod score_samples;
mod spreadsheet_programs;
mod template;
mod validate;

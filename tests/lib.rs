//! One integration-test binary (links once); one module per feature.

mod support;

mod annex;
mod arithmetic;
mod bad_input;
mod compare;
mod compare_components;
mod completions;
mod components;
mod criteria_cmd;
mod csv_styles;
mod documents;
mod explain;
mod guide;
mod hostile;
mod interface_language;
mod manifest;
mod outputs_components;
mod parallel;
mod properties;
mod province;
mod publication;
mod regression;
mod rendering;
mod robust_reading;
mod rules;
mod score_samples;
mod spreadsheet_programs;
mod template;
mod terminal_text;
mod validate;
mod writer_matrix;

//! parindex: scores Vietnam's administrative-reform index (Chỉ số cải cách hành chính, PAR INDEX)
//! for local government units, exactly and explainably.
//!
//! The steps, each in its module: load the [`framework`], read each unit's [`workbook`],
//! [`score`] it, [`rank`] the units, and write the [`output`]. [`pipeline`] runs them, over many
//! files with [`batch`], for every command; [`compare`] sets two years side by side from their
//! [`results`] through a [`mapping`]; [`explain`] shows where each point came from; [`manifest`]
//! records what a published result was computed from and [`publish`] writes it. A result is
//! published with its [`decision`] (printed on the annex), checked against a [`roster`] of the
//! //! units expected, and summed up in a [`summary`]; the points of external components (survey,
//! leadership) come from an [`external`] file, read like the roster as a [`table_file`]. [`form`] writes
//! the unit's form and [`synth`] many synthetic ones for benchmarks and tests. [`input`] reads
//! the files the user names, only regular files and within limits, and the workbook reader checks
//! each workbook's container against its limits before the spreadsheet library opens it. The
//! command line (`src/main.rs` and `src/cli/`) only parses, prints and sets exit codes.

pub mod batch;
pub mod compare;
pub mod decision;
pub mod explain;
pub mod external;
pub mod form;
pub mod framework;
pub mod i18n;
pub mod input;
pub mod manifest;
pub mod mapping;
pub mod options;
pub mod output;
pub mod pipeline;
pub mod problem;
pub mod publish;
pub mod rank;
pub mod results;
pub mod roster;
pub mod score;
pub mod summary;
pub mod synth;
pub mod table_file;
pub mod text;
pub mod workbook;

//! parindex: scores Vietnam's administrative-reform index (Chỉ số cải cách hành chính, PAR INDEX)
//! for local government units, exactly and explainably.
//!
//! The steps, each in its module: load the [`framework`], read each unit's [`workbook`],
//! [`score`] it, [`rank`] the units, and write the [`output`]. [`batch`] runs them over many
//! files; [`form`] writes the unit's form and [`synth`] many synthetic ones for benchmarks and
//! tests; [`cli`] is the command line.

pub mod batch;
pub mod cli;
pub mod compare;
pub mod explain;
pub mod form;
pub mod framework;
pub mod manifest;
pub mod mapping;
pub mod output;
pub mod problem;
pub mod rank;
pub mod results;
pub mod score;
pub mod synth;
pub mod workbook;

pub use cli::run;

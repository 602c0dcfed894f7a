//! `parindex template`: the unit's self-assessment form, generated from the criteria file.

use std::path::PathBuf;

use anyhow::Context;
use clap::Args;

use super::{exit, say};
use parindex::form::{FormData, write_form};
use parindex::framework::Framework;
use parindex::publish::{check_target, publish};
use parindex::t;

#[derive(Debug, Args)]
pub struct TemplateArgs {
    /// The criteria file (TOML) the form is for.
    #[arg(long, value_name = "FILE")]
    criteria: PathBuf,
    /// Where to write the form (.xlsx).
    #[arg(short, long, value_name = "FILE")]
    output: PathBuf,
    /// Pre-fill the unit code (Mã đơn vị).
    #[arg(long, value_name = "CODE")]
    unit_code: Option<String>,
    /// Pre-fill the unit name (Tên đơn vị).
    #[arg(long, value_name = "NAME")]
    unit_name: Option<String>,
    /// Replace the file if it exists (a form already handed out may be filled in).
    #[arg(long)]
    force: bool,
}

pub fn run(args: TemplateArgs) -> anyhow::Result<i32> {
    check_target(&args.output, false, std::slice::from_ref(&args.criteria))?;
    // A form may already be filled in: replacing it must be asked for.
    if !args.force && args.output.exists() {
        say::error(t!(
            "template-exists",
            file = args.output.display().to_string()
        ));
        return Ok(exit::INVALID);
    }
    let framework = Framework::load(&args.criteria)?;
    let form = FormData {
        unit_code: args.unit_code.unwrap_or_default(),
        unit_name: args.unit_name.unwrap_or_default(),
        rows: Default::default(),
        facts: Default::default(),
    };
    let bytes = write_form(&framework, &form).context(t!("template-cannot-build"))?;
    publish(Some(&args.output), &bytes, None)?;
    say::done(t!(
        "template-wrote",
        file = args.output.display().to_string(),
        framework = framework.fingerprint(),
        leaves = framework.leaves().count()
    ));
    Ok(exit::OK)
}

//! A fluent builder for running the `parindex` binary in a scratch folder, after just's `Test`.
//!
//!     Test::new()
//!         .unit("a.xlsx", &form)
//!         .args(["score", "--criteria", &criteria(2022), "."])
//!         .status(1)
//!         .stderr_has("cell E12, criterion 1.2.1: score 3 is above the maximum 2")
//!         .run();

use std::path::Path;
use std::process::{Command, Output};

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use parindex::form::{Entry, FACTS_SHEET, FilledRow, FormData, SHEET, write_form};
use parindex::framework::{Framework, Source};
use parindex::i18n::LANG_VARIABLE;
use parindex::synth::facts_giving;
use rust_decimal::Decimal;
use rust_xlsxwriter::{Workbook, Worksheet};
use tempfile::TempDir;

/// Fails the test, naming what to install, unless `program` is on the PATH. Tests that need a
/// program (LibreOffice, Gnumeric, poppler, bash, coreutils) never skip themselves: `.ci/run`
/// installs them.
pub fn require(program: &str) {
    let found = std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join(program).is_file()));
    assert!(
        found,
        "`{program}` is not installed. The tests that run real programs need LibreOffice, \
         Gnumeric, poppler, bash and coreutils: run `bash .ci/run`, which installs them, or \
         `apt-get install libreoffice-calc libreoffice-writer python3-uno gnumeric poppler-utils \
         bash coreutils`"
    );
}

/// The binary as a plain command, speaking English like the `Test` builder's runs.
pub fn parindex_command() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_parindex"));
    command.env(LANG_VARIABLE, "en");
    command
}

/// Absolute path of a file in the repository.
pub fn repo(path: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(path)
        .display()
        .to_string()
}

/// Absolute path of the bundled commune framework of `year` (2021 or 2022).
pub fn criteria(year: i32) -> String {
    repo(&format!("criteria/commune-{year}.toml"))
}

pub fn framework(year: i32) -> Framework {
    Framework::load(Path::new(&criteria(year))).unwrap()
}

/// A score typed as points.
pub fn points(text: &str) -> Option<Entry> {
    Some(Entry::Points(text.parse::<Decimal>().unwrap()))
}

/// The 2022 framework and a full-marks form of An Mỹ for it.
pub fn full() -> (Framework, FormData) {
    let framework = framework(2022);
    let form = full_marks(&framework, "KS04", "Xã An Mỹ");
    (framework, form)
}

/// `compare` arguments scoring the bundled 2021 and 2022 samples on the fly.
pub fn samples_on_the_fly() -> Vec<String> {
    [
        "--previous-criteria",
        &criteria(2021),
        "--previous-paths",
        &repo("samples/2021"),
        "--current-criteria",
        &criteria(2022),
        "--current-paths",
        &repo("samples/2022"),
    ]
    .map(String::from)
    .to_vec()
}

/// A form with full marks on every leaf, self and appraised, with evidence.
pub fn full_marks(framework: &Framework, unit_code: &str, unit_name: &str) -> FormData {
    let rows = framework
        .leaves()
        .map(|i| {
            let node = &framework.nodes[i];
            let survey = node.leaf.as_ref().unwrap().source == Source::Survey;
            let row = FilledRow {
                self_score: (!survey).then_some(Entry::Points(node.max)),
                appraised: Some(Entry::Points(node.max)),
                evidence: "Văn bản số 1/UBND".into(),
                note: String::new(),
            };
            (i, row)
        })
        .collect();
    // Rule leaves get the facts that give their maximum.
    let facts = framework
        .leaves()
        .filter_map(|i| {
            let node = &framework.nodes[i];
            let leaf = node.leaf.as_ref().unwrap();
            let rule = leaf.rule.as_ref()?;
            let (_, facts) = facts_giving(rule, node.max, leaf.step, node.max, 200);
            Some(facts.into_iter().map(move |(key, entry)| ((i, key), entry)))
        })
        .flatten()
        .collect();
    FormData {
        unit_code: unit_code.into(),
        unit_name: unit_name.into(),
        rows,
        facts,
    }
}

/// Sets one leaf's entries by code.
pub fn set(
    framework: &Framework,
    form: &mut FormData,
    code: &str,
    self_score: Option<Entry>,
    appraised: Option<Entry>,
) {
    let row = form
        .rows
        .get_mut(&framework.node_index(code).unwrap())
        .unwrap();
    row.self_score = self_score;
    row.appraised = appraised;
}

#[must_use]
pub struct Test {
    dir: TempDir,
    args: Vec<String>,
    status: i32,
    stdout: Vec<String>,
    stderr: Vec<String>,
    stdout_exact: Option<String>,
    stderr_exact: Option<String>,
    env: Vec<(String, String)>,
    umask: Option<u32>,
    /// Address space (KiB) and time (seconds) the run may take.
    limits: Option<(u64, u64)>,
}

impl Default for Test {
    fn default() -> Self {
        Self::new()
    }
}

impl Test {
    pub fn new() -> Self {
        Test {
            dir: tempfile::tempdir().unwrap(),
            args: Vec::new(),
            status: 0,
            stdout: Vec::new(),
            stderr: Vec::new(),
            stdout_exact: None,
            stderr_exact: None,
            // English unless a test asks for Vietnamese (the default of the tool): most
            // expectations here are written in English; tests of the Vietnamese interface set
            // `.lang("vi")` or clear it with `.default_lang()`.
            env: vec![(LANG_VARIABLE.to_string(), "en".to_string())],
            umask: None,
            limits: None,
        }
    }

    /// The language of the interface for this run.
    pub fn lang(self, lang: &str) -> Self {
        self.env(LANG_VARIABLE, lang)
    }

    /// No language chosen: the tool's default (Vietnamese).
    pub fn default_lang(mut self) -> Self {
        self.env.retain(|(name, _)| name != LANG_VARIABLE);
        self
    }

    /// Runs the binary with at most `kib` KiB of address space and `seconds` of time: a run that
    /// would take more memory fails to allocate (and aborts) instead of slowing the machine, and
    /// one that would block is stopped (exit 124).
    pub fn limits(mut self, kib: u64, seconds: u64) -> Self {
        self.limits = Some((kib, seconds));
        self
    }

    /// Sets an environment variable for the run.
    pub fn env(mut self, name: &str, value: &str) -> Self {
        self.env.push((name.to_string(), value.to_string()));
        self
    }

    /// Writes a file into the scratch folder (creating sub-folders).
    pub fn file(self, name: &str, bytes: impl AsRef<[u8]>) -> Self {
        let path = self.dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
        self
    }

    /// Prepares the scratch folder with code (links, pipes, modes, earlier runs).
    pub fn with(self, setup: impl FnOnce(&Path)) -> Self {
        setup(self.dir.path());
        self
    }

    /// Runs the binary with this umask (through `sh`), for the modes of the files it creates.
    pub fn umask(mut self, mask: u32) -> Self {
        self.umask = Some(mask);
        self
    }

    /// Writes a unit form for `framework` into the scratch folder.
    pub fn unit(self, name: &str, framework: &Framework, form: &FormData) -> Self {
        let bytes = write_form(framework, form).unwrap();
        self.file(name, bytes)
    }

    pub fn args<I, S>(mut self, args: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.args.extend(args.into_iter().map(Into::into));
        self
    }

    pub fn arg(mut self, arg: &str) -> Self {
        self.args.push(arg.to_string());
        self
    }

    pub fn status(mut self, status: i32) -> Self {
        self.status = status;
        self
    }

    pub fn stdout_has(mut self, text: &str) -> Self {
        self.stdout.push(text.to_string());
        self
    }

    pub fn stdout(mut self, text: &str) -> Self {
        self.stdout_exact = Some(text.to_string());
        self
    }

    pub fn stderr(mut self, text: &str) -> Self {
        self.stderr_exact = Some(text.to_string());
        self
    }

    pub fn stderr_has(mut self, text: &str) -> Self {
        self.stderr.push(text.to_string());
        self
    }

    /// Runs the binary and checks status and output; returns the output for further checks.
    pub fn run(self) -> Run {
        let binary = env!("CARGO_BIN_EXE_parindex");
        // A umask or limits are set by a shell that then runs the binary itself.
        let mut shell = String::new();
        if let Some(mask) = self.umask {
            shell.push_str(&format!("umask {mask:03o}; "));
        }
        if let Some((kib, _)) = self.limits {
            shell.push_str(&format!("ulimit -v {kib}; "));
        }
        let mut command = match (shell.is_empty(), self.limits) {
            (true, _) => Command::new(binary),
            (false, None) => {
                let mut sh = Command::new("sh");
                sh.arg("-c")
                    .arg(format!("{shell}exec \"$0\" \"$@\""))
                    .arg(binary);
                sh
            }
            (false, Some((_, seconds))) => {
                let mut command = Command::new("timeout");
                let shell = format!("{shell}exec \"$0\" \"$@\"");
                command.args([&seconds.to_string(), "sh", "-c", &shell, binary]);
                command
            }
        };
        let output = command
            .args(&self.args)
            .envs(self.env.iter().map(|(k, v)| (k, v)))
            .current_dir(self.dir.path())
            .output()
            .unwrap();
        let stdout = String::from_utf8(output.stdout.clone()).unwrap();
        let stderr = String::from_utf8(output.stderr.clone()).unwrap();
        let context = format!(
            "args: {:?}\n--- stdout\n{stdout}\n--- stderr\n{stderr}",
            self.args
        );
        assert_eq!(output.status.code(), Some(self.status), "{context}");
        for text in &self.stdout {
            assert!(stdout.contains(text), "stdout lacks {text:?}\n{context}");
        }
        for text in &self.stderr {
            assert!(stderr.contains(text), "stderr lacks {text:?}\n{context}");
        }
        if let Some(exact) = &self.stdout_exact {
            assert_eq!(&stdout, exact, "{context}");
        }
        if let Some(exact) = &self.stderr_exact {
            assert_eq!(&stderr, exact, "{context}");
        }
        Run {
            dir: self.dir,
            output,
        }
    }
}

/// A finished run; keeps the scratch folder alive for inspection.
pub struct Run {
    dir: TempDir,
    pub output: Output,
}

impl Run {
    pub fn stdout(&self) -> String {
        String::from_utf8(self.output.stdout.clone()).unwrap()
    }

    pub fn stderr(&self) -> String {
        String::from_utf8(self.output.stderr.clone()).unwrap()
    }

    pub fn dir(&self) -> &Path {
        self.dir.path()
    }
}

/// A sheet's cells, row by row (row 1 first), to edit and write back.
pub struct Grid {
    pub rows: Vec<Vec<Data>>,
    /// The measured-values sheet ("Số liệu") when the form has one, written back unchanged.
    pub facts: Option<Vec<Vec<Data>>>,
}

impl Grid {
    /// The cells of the form `write_form` makes (cached formula results become numbers).
    pub fn of(framework: &Framework, form: &FormData) -> Self {
        Self::from_xlsx(&write_form(framework, form).unwrap())
    }

    /// The cells of the sheet "Tự đánh giá" of an .xlsx workbook, such as a form written by
    /// `parindex template` (cached formula results become numbers).
    pub fn from_xlsx(bytes: &[u8]) -> Self {
        let mut workbook = Xlsx::new(Cursor::new(bytes)).unwrap();
        let range = workbook.worksheet_range(SHEET).unwrap();
        assert_eq!(range.start(), Some((0, 0)));
        let facts = workbook.worksheet_range(FACTS_SHEET).ok().map(|facts| {
            assert_eq!(facts.start(), Some((0, 0)));
            facts.rows().map(<[Data]>::to_vec).collect()
        });
        Grid {
            rows: range.rows().map(<[Data]>::to_vec).collect(),
            facts,
        }
    }

    /// Zero-based (row, column) of an A1-style address.
    pub fn position(cell: &str) -> (usize, usize) {
        let split = cell.find(|c: char| c.is_ascii_digit()).unwrap();
        let (letters, digits) = cell.split_at(split);
        let col = rust_xlsxwriter::utility::column_name_to_number(letters);
        (digits.parse::<usize>().unwrap() - 1, usize::from(col))
    }

    pub fn get(&self, cell: &str) -> &Data {
        let (row, col) = Self::position(cell);
        &self.rows[row][col]
    }

    pub fn set(&mut self, cell: &str, value: Data) -> &mut Self {
        let (row, col) = Self::position(cell);
        let cells = &mut self.rows[row];
        if cells.len() <= col {
            cells.resize(col + 1, Data::Empty);
        }
        cells[col] = value;
        self
    }

    pub fn text(&mut self, cell: &str, text: &str) -> &mut Self {
        self.set(cell, Data::String(text.to_string()))
    }

    /// Row `row` (one-based), cloned.
    pub fn row(&self, row: usize) -> Vec<Data> {
        self.rows[row - 1].clone()
    }

    /// Inserts a row so that it becomes row `row` (one-based); the rows below move down.
    pub fn insert_row(&mut self, row: usize, cells: Vec<Data>) -> &mut Self {
        self.rows.insert(row - 1, cells);
        self
    }

    /// Deletes row `row` (one-based); the rows below move up.
    pub fn remove_row(&mut self, row: usize) -> &mut Self {
        self.rows.remove(row - 1);
        self
    }

    /// Deletes a column (letter); the columns to its right move left.
    pub fn remove_column(&mut self, letter: &str) -> &mut Self {
        let (_, col) = Self::position(&format!("{letter}1"));
        for cells in &mut self.rows {
            if col < cells.len() {
                cells.remove(col);
            }
        }
        self
    }

    pub fn xlsx(&self) -> Vec<u8> {
        let mut workbook = Workbook::new();
        let sheet = workbook.add_worksheet();
        sheet.set_name(SHEET).unwrap();
        self.write_into(sheet);
        self.write_facts_into(&mut workbook);
        workbook.save_to_buffer().unwrap()
    }

    /// Adds the measured-values sheet, when the form has one, to a workbook a test builds.
    pub fn write_facts_into(&self, workbook: &mut Workbook) {
        if let Some(facts) = &self.facts {
            let sheet = workbook.add_worksheet();
            sheet.set_name(FACTS_SHEET).unwrap();
            write_cells(sheet, facts);
        }
    }

    /// Writes the cells into a sheet of a workbook a test builds itself.
    pub fn write_into(&self, sheet: &mut Worksheet) {
        write_cells(sheet, &self.rows);
    }
}

fn write_cells(sheet: &mut Worksheet, rows: &[Vec<Data>]) {
    {
        for (r, cells) in rows.iter().enumerate() {
            for (c, value) in cells.iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                match value {
                    Data::Empty => {}
                    Data::String(text) => {
                        sheet.write_string(r, c, text).unwrap();
                    }
                    Data::Float(number) => {
                        sheet.write_number(r, c, *number).unwrap();
                    }
                    Data::Int(number) => {
                        sheet.write_number(r, c, *number as f64).unwrap();
                    }
                    Data::Bool(value) => {
                        sheet.write_boolean(r, c, *value).unwrap();
                    }
                    other => panic!("the grid writer does not write {other:?}"),
                }
            }
        }
    }
}

//! A fluent builder for running the `parindex` binary in a scratch folder, after just's `Test`.
//!
//!     Test::new()
//!         .unit("a.xlsx", &form)
//!         .args(["score", "--criteria", &repo("criteria/commune-2022.toml"), "."])
//!         .status(1)
//!         .stderr_has("cell E12, criterion 1.2.1: score 3 is above the maximum 2")
//!         .run();

use std::path::Path;
use std::process::{Command, Output};

use parindex::form::{Entry, FilledRow, FormData, write_form};
use parindex::framework::{Framework, Source};
use tempfile::TempDir;

/// Absolute path of a file in the repository.
pub fn repo(path: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(path)
        .display()
        .to_string()
}

pub fn framework(year: i32) -> Framework {
    Framework::load(Path::new(&repo(&format!("criteria/commune-{year}.toml")))).unwrap()
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
    FormData {
        unit_code: unit_code.into(),
        unit_name: unit_name.into(),
        rows,
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
    env: Vec<(String, String)>,
    status: i32,
    stdout: Vec<String>,
    stderr: Vec<String>,
    stdout_exact: Option<String>,
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
            env: Vec::new(),
            status: 0,
            stdout: Vec::new(),
            stderr: Vec::new(),
            stdout_exact: None,
        }
    }

    /// Writes a file into the scratch folder (creating sub-folders).
    pub fn file(self, name: &str, bytes: impl AsRef<[u8]>) -> Self {
        let path = self.dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
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

    /// Sets an environment variable for the run.
    pub fn env(mut self, key: &str, value: &str) -> Self {
        self.env.push((key.to_string(), value.to_string()));
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

    pub fn stderr_has(mut self, text: &str) -> Self {
        self.stderr.push(text.to_string());
        self
    }

    /// Runs the binary and checks status and output; returns the output for further checks.
    pub fn run(self) -> Run {
        let output = Command::new(env!("CARGO_BIN_EXE_parindex"))
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

//! Shared setup for the integration tests: a temporary data folder, the real binary pointed
//! at it, and the checks every refusal must pass (exit 1, one sentence, journal unchanged).

#![allow(dead_code)] // each test file uses a different part of this module

pub mod pdf_text;

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;

/// Far longer than any command needs; only a command that hangs reaches it.
pub const HANG: std::time::Duration = std::time::Duration::from_secs(60);

/// The path of the `leakaid` binary built for these tests.
pub fn bin() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_leakaid"))
}

/// A temporary data folder with the case `default` in it (created by the first write).
pub struct Env {
    dir: tempfile::TempDir,
}

impl Default for Env {
    fn default() -> Self {
        Env::new()
    }
}

impl Env {
    /// A fresh, empty data folder.
    pub fn new() -> Env {
        Env {
            dir: tempfile::tempdir().expect("create a temporary data folder"),
        }
    }

    /// The data folder.
    pub fn data(&self) -> &Path {
        self.dir.path()
    }

    /// The folder of the case `default`.
    pub fn case_dir(&self) -> PathBuf {
        self.data().join("default")
    }

    /// The journal of the case `default`.
    pub fn journal(&self) -> PathBuf {
        self.case_dir().join("journal.jsonl")
    }

    /// The journal's bytes (empty when it does not exist yet).
    pub fn journal_bytes(&self) -> Vec<u8> {
        std::fs::read(self.journal()).unwrap_or_default()
    }

    /// The journal's lines (without newlines).
    pub fn journal_lines(&self) -> Vec<String> {
        String::from_utf8(self.journal_bytes())
            .expect("the journal is UTF-8")
            .lines()
            .map(str::to_string)
            .collect()
    }

    /// The binary with the data folder set through the environment and the user's own
    /// settings removed, so nothing reaches the real data folder; times are shown in UTC
    /// whatever the zone of the machine running the tests.
    pub fn cmd(&self) -> Command {
        let mut c = Command::new(bin());
        c.env("LEAKAID_DATA_DIR", self.data())
            .env("TZ", "UTC")
            .env_remove("LEAKAID_LANG")
            .env_remove("LEAKAID_CASE")
            .env("NO_COLOR", "1");
        c
    }

    /// Runs the binary with `args` and returns its output, whatever the exit code. A command
    /// that hangs (blocked on a pipe, reading a file that never ends) is killed after a
    /// generous timeout and has no exit code, so every check on it fails.
    pub fn run(&self, args: &[&str]) -> Output {
        self.cmd().args(args).timeout(HANG).output().expect("run leakaid")
    }

    /// Runs a command that must succeed; returns its standard output.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "`leakaid {}` failed with {:?}: {}",
            args.join(" "),
            out.status.code(),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("stdout is UTF-8")
    }

    /// Logs an entry and returns its id (`E1`, …) as printed.
    pub fn log(&self, args: &[&str]) -> String {
        let mut all = vec!["log"];
        all.extend_from_slice(args);
        let out = self.ok(&all);
        printed_id(&out).unwrap_or_else(|| panic_free_fail(&format!("no id printed by log: {out}")))
    }

    /// Runs a command that must be refused: exit code 1, one sentence on stderr in the
    /// language asked for (Chinese unless `--lang en` is among `args`), nothing on stdout,
    /// and the journal's bytes unchanged. Returns the sentence.
    pub fn refused(&self, args: &[&str]) -> String {
        let before = self.journal_bytes();
        let out = self.run(args);
        let stderr = String::from_utf8(out.stderr).expect("stderr is UTF-8");
        assert_eq!(
            out.status.code(),
            Some(1),
            "`leakaid {}` must fail with exit code 1; stderr: {stderr}",
            args.join(" ")
        );
        assert_one_sentence(&stderr, lang_of(args));
        assert_eq!(
            self.journal_bytes(),
            before,
            "`leakaid {}` was refused but changed the journal",
            args.join(" ")
        );
        stderr
    }

    /// `list --json` parsed.
    pub fn list_json(&self) -> Vec<serde_json::Value> {
        let out = self.ok(&["list", "--json"]);
        serde_json::from_str(&out).expect("list --json prints a JSON array")
    }

    /// `verify` must pass; returns the printed fingerprint `N:HEAD`.
    pub fn verify_ok(&self) -> String {
        let out = self.ok(&["verify"]);
        fingerprint_in(&out).unwrap_or_else(|| panic_free_fail(&format!("no fingerprint in: {out}")))
    }
}

/// The UI language a command line asks for.
pub fn lang_of(args: &[&str]) -> Lang {
    if args.windows(2).any(|w| w == ["--lang", "en"]) || args.contains(&"--lang=en") {
        Lang::En
    } else {
        Lang::Zh
    }
}

/// The two UI languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    /// Chinese (the default).
    Zh,
    /// English.
    En,
}

/// True for a CJK ideograph or CJK punctuation.
pub fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3000}'..='\u{303f}' | '\u{ff00}'..='\u{ffef}')
}

/// Stderr holds exactly one non-empty line, a sentence in `lang`.
pub fn assert_one_sentence(stderr: &str, lang: Lang) {
    let lines: Vec<&str> = stderr.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(lines.len(), 1, "expected one line on stderr, got: {stderr:?}");
    let line = lines[0];
    assert!(line.chars().count() >= 8, "too short to be a sentence: {line:?}");
    match lang {
        Lang::Zh => assert!(line.chars().any(is_cjk), "expected a Chinese sentence: {line:?}"),
        Lang::En => {
            let own_words = without_echoes(line);
            assert!(
                !own_words.chars().any(is_cjk),
                "expected an English sentence: {line:?}"
            );
            assert!(
                own_words.split_whitespace().filter(|w| w.len() >= 3).count() >= 3,
                "expected an English sentence: {line:?}"
            );
        }
    }
}

/// A sentence without what it echoes back: “quoted input” and file paths.
fn without_echoes(line: &str) -> String {
    let mut out = String::new();
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '“' => quoted = true,
            '”' => quoted = false,
            c if !quoted => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace()
        .filter(|w| !w.contains('/'))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The entry id in a line like `已记录 E3：…` or `Logged E3: …`.
pub fn printed_id(out: &str) -> Option<String> {
    out.split(|c: char| !c.is_ascii_alphanumeric())
        .find(|w| w.len() >= 2 && w.starts_with('E') && w[1..].chars().all(|c| c.is_ascii_digit()))
        .map(str::to_string)
}

/// The `N:HEAD` fingerprint in the output of `verify`.
pub fn fingerprint_in(out: &str) -> Option<String> {
    out.split(|c: char| c.is_whitespace() || c == '：')
        .find(|w| {
            w.split_once(':').is_some_and(|(n, h)| {
                !n.is_empty()
                    && n.chars().all(|c| c.is_ascii_digit())
                    && h.len() == 64
                    && h.chars().all(|c| c.is_ascii_hexdigit())
            })
        })
        .map(str::to_string)
}

/// Fails the test with a message (the crate denies `panic!`; `expect` is the allowed way).
pub fn panic_free_fail(msg: &str) -> ! {
    let nothing: Option<std::convert::Infallible> = std::hint::black_box(None);
    match nothing.expect(msg) {}
}

/// Whether `tool` can be started here (it answers `--version` or `--help`).
pub fn installed(tool: &str) -> bool {
    ["--version", "--help"].iter().any(|arg| {
        std::process::Command::new(tool)
            .arg(arg)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok()
    })
}

/// A test that cannot reach the path it tests on this machine says so on stderr and counts
/// as skipped; in CI (`CI=true`) with `tool` installed, it fails instead: there it must run.
pub fn skip(tool: &str, reason: &str) {
    if std::env::var("CI").is_ok_and(|v| v == "true") && installed(tool) {
        panic_free_fail(&format!(
            "{tool} is installed but the test could not use it: {reason}; CI must run it"
        ));
    }
    eprintln!("SKIPPED (counts as passed, tested nothing): {reason}");
}

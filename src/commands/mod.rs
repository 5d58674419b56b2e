//! One module per command group. Each command returns `Ok(())` or a [`Failure`] whose
//! sentence is already in the user's language; `main` prints it and sets the exit code.

mod backup;
mod bundle;
mod case_errors;
mod cases;
mod change;
mod eml;
mod export;
mod export_pdf;
mod import;
mod import_phone;
mod letter;
mod log;
mod money;
mod output;
mod overview;
mod profile;
mod report;
mod steps;
mod verify;

use std::path::PathBuf;

use jiff::ZonedDateTime;

use crate::case::{Case, CaseError, EntryId};
use crate::casedir::{DataDir, DataDirError};
use crate::cli::{Cli, Command};
use crate::i18n::{Lang, tr};
use crate::text::shown_text;

/// A command that did not succeed: one sentence for the user, and the exit code.
#[derive(Debug)]
pub struct Failure {
    /// What happened and what to do, in the user's language.
    pub message: String,
    /// 1 for a failure; verify uses 1 for a breach too.
    pub code: u8,
}

impl Failure {
    /// A failure with exit code 1.
    pub fn new(message: String) -> Failure {
        Failure { message, code: 1 }
    }
}

/// What every command needs: the language and where the case is.
pub struct Ctx {
    /// The user's language.
    pub lang: Lang,
    data_dir: Option<PathBuf>,
    case_name: String,
    clock: fn() -> ZonedDateTime,
}

impl Ctx {
    /// The context from the parsed command line.
    pub fn from_cli(cli: &Cli) -> Ctx {
        // An empty `LEAKAID_CASE=` means the default case.
        let case_name = match cli.case.trim() {
            "" => "default".to_string(),
            _ => cli.case.clone(),
        };
        // --lang / LEAKAID_LANG, else the saved setting, else Chinese.
        let lang = cli.lang.unwrap_or_else(|| {
            DataDir::resolve(cli.data_dir.as_deref())
                .map(|d| crate::config::Config::load(d.root()).lang.unwrap_or_default())
                .unwrap_or_default()
        });
        Ctx {
            lang,
            data_dir: cli.data_dir.clone(),
            case_name,
            clock: ZonedDateTime::now,
        }
    }

    /// Now, by the commands' one clock: every time a command takes (a call logged "now", a
    /// follow-up "+7d", a birth date not after today) is read here.
    pub fn now(&self) -> ZonedDateTime {
        (self.clock)()
    }

    /// Turns a case error into the user's sentence.
    pub fn fail(&self, e: CaseError) -> Failure {
        Failure::new(case_errors::case_error(&e, self.lang))
    }

    fn fail_dir(&self, e: DataDirError) -> Failure {
        Failure::new(e.message(self.lang))
    }

    /// The data folder.
    pub fn data_dir(&self) -> Result<DataDir, Failure> {
        DataDir::resolve(self.data_dir.as_deref()).map_err(|e| self.fail_dir(e))
    }

    /// The data folder, made (private) when it does not exist yet: the one named with
    /// `--data-dir` or the platform's, as on a new computer a case is restored onto. Also says
    /// whether it was made here, so a command that then fails can take it away again.
    pub fn data_dir_made(&self) -> Result<(DataDir, bool), Failure> {
        let made = match DataDir::resolve(self.data_dir.as_deref()) {
            Err(DataDirError::Missing(p)) => {
                crate::durable::private_dir(&p).map_err(|e| {
                    self.fail(CaseError::Journal(crate::journal::JournalError::Io {
                        path: p.clone(),
                        source: e,
                    }))
                })?;
                true
            }
            Ok(d) if !d.root().exists() => {
                crate::durable::private_dir(d.root()).map_err(|e| {
                    self.fail(CaseError::Journal(crate::journal::JournalError::Io {
                        path: d.root().to_path_buf(),
                        source: e,
                    }))
                })?;
                true
            }
            _ => false,
        };
        Ok((self.data_dir()?, made))
    }

    /// The folder of the chosen case.
    pub fn case_dir(&self) -> Result<PathBuf, Failure> {
        self.data_dir()?
            .case_dir(&self.case_name)
            .map_err(|e| self.fail_dir(e))
    }

    /// The chosen case, created if needed, fully read.
    pub fn open_case(&self) -> Result<Case, Failure> {
        let case = Case::open(&self.case_dir()?).map_err(|e| self.fail(e))?;
        log::report_swept(self, &case);
        Ok(case)
    }

    /// The chosen case for reading only; a case that does not exist is an error.
    pub fn read_case(&self) -> Result<Case, Failure> {
        Case::open_existing(&self.case_dir()?).map_err(|e| self.fail(e))
    }

    /// The chosen case, read and checked in one pass; a broken chain or a missing attachment
    /// is named on stderr (the case is still returned: the user decides what to do with it).
    pub fn read_case_verified(&self) -> Result<Case, Failure> {
        let (case, report) = Case::open_verified(&self.case_dir()?, None).map_err(|e| self.fail(e))?;
        if !report.is_intact() {
            for p in &report.problems {
                warn(p.message(self.lang));
            }
            warn(crate::pdf::export::unverified_warning(self.lang));
        }
        Ok(case)
    }

    /// Parses an entry id the user typed.
    pub fn entry_id(&self, s: &str) -> Result<EntryId, Failure> {
        s.parse().map_err(|_| {
            Failure::new(tr(
                self.lang,
                format!("“{s}”不是记录编号。编号像 E1、E2 这样，用 `leakaid list` 可以看到。"),
                format!("“{s}” is not an entry id. Ids look like E1, E2; `leakaid list` shows them."),
            ))
        })
    }

    /// The case's name.
    pub fn case_name(&self) -> &str {
        &self.case_name
    }
}

/// Runs the command the user gave (the caller handles "no command").
pub fn run(cli: &Cli, command: &Command) -> Result<(), Failure> {
    let ctx = Ctx::from_cli(cli);
    match command {
        Command::Log(args) => log::run(&ctx, args),
        Command::List(args) => report::list(&ctx, args),
        Command::Show { id } => report::show(&ctx, id),
        Command::Correct(args) => change::correct(&ctx, args),
        Command::Retract { id, reason } => change::retract(&ctx, id, reason),
        Command::Attach { id, files, original } => change::attach(&ctx, id, files, original.as_deref()),
        Command::Leads { json } => report::leads(&ctx, *json),
        Command::Profile(p) => profile::run(&ctx, p),
        Command::Report(c) => steps::report(&ctx, c),
        Command::Warn(c) => steps::warn(&ctx, c),
        Command::Lawyer(c) => steps::lawyer(&ctx, c),
        Command::Verify {
            bundle: Some(dir), ..
        } => bundle::verify(&ctx, dir),
        Command::Verify { fingerprint, .. } => verify::run(&ctx, fingerprint.as_deref()),
        Command::Export(e) => export::run(&ctx, e),
        Command::Cases => cases::run(&ctx),
        Command::Letter(args) => letter::run(&ctx, args),
        Command::Import(crate::cli::ImportCommand::Bill(args)) => import::bill(&ctx, args),
        Command::Import(crate::cli::ImportCommand::Phone(args)) => import_phone::run(&ctx, args),
        Command::Backup(args) => backup::backup(&ctx, args),
        Command::Restore(args) => backup::restore(&ctx, args),
    }
}

/// Without a command: the wizard when there is a terminal to draw it in (or with `--demo`),
/// else a short overview of the case and the commands.
pub fn overview(cli: &Cli) -> Result<(), Failure> {
    use std::io::IsTerminal;
    let ctx = Ctx::from_cli(cli);
    if cli.demo || (std::io::stdin().is_terminal() && std::io::stdout().is_terminal()) {
        let case_dir = if cli.demo {
            std::path::PathBuf::new()
        } else {
            ctx.case_dir()?
        };
        let opts = crate::tui::TuiOptions {
            case_dir,
            lang: ctx.lang,
            demo: cli.demo,
            // The demo never writes outside its temporary folder.
            settings: if cli.demo {
                None
            } else {
                ctx.data_dir().ok().map(|d| d.root().to_path_buf())
            },
        };
        return crate::tui::run(opts).map_err(|e| Failure::new(format!("{e:#}")));
    }
    overview::run(&ctx)
}

/// Prints a line to stdout, ignoring a closed pipe (`leakaid list | head`). Whatever the line
/// holds, no escape sequence, control code or bidi control reaches the terminal.
pub(crate) fn out(line: impl AsRef<str>) {
    use std::io::Write;
    let mut o = std::io::stdout().lock();
    let _ = writeln!(o, "{}", shown_text(line.as_ref()));
}

/// Lines to stdout through one buffer, each cleaned as [`out`] cleans it: for commands that
/// print thousands of lines (a line at a time, stdout would be written once per line). A
/// closed pipe ends the output quietly; whatever is buffered is written when it is dropped.
pub(crate) struct Lines {
    w: Option<std::io::BufWriter<std::io::StdoutLock<'static>>>,
}

impl Lines {
    /// Stdout, locked for the lifetime of the value.
    pub(crate) fn stdout() -> Lines {
        Lines {
            w: Some(std::io::BufWriter::with_capacity(
                64 * 1024,
                std::io::stdout().lock(),
            )),
        }
    }

    /// Prints one line.
    pub(crate) fn line(&mut self, line: impl AsRef<str>) {
        use std::io::Write;
        if let Some(w) = &mut self.w
            && w.write_all(shown_text(line.as_ref()).as_bytes())
                .and_then(|()| w.write_all(b"\n"))
                .is_err()
        {
            self.w = None;
        }
    }
}

impl Drop for Lines {
    fn drop(&mut self) {
        use std::io::Write;
        if let Some(w) = &mut self.w {
            let _ = w.flush();
        }
    }
}

/// Prints a warning line to stderr, cleaned like [`out`].
pub(crate) fn warn(line: impl AsRef<str>) {
    eprintln!("{}", shown_text(line.as_ref()));
}

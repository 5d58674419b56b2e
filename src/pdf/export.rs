//! Making the packet file from a case — the one code path behind both `leakaid export pdf`
//! and the wizard's export screen: snapshot the case ([`PacketJob::from_case`]), render it
//! ([`PacketJob::render`]), name what the font could not draw ([`missing_warning`]) and
//! write it as a private, dated file in the case's `exports/` folder ([`write_dated`]).
//!
//! The snapshot is plain data, so the wizard can render and write on a worker thread while
//! the case stays with the UI.

use std::io;
use std::path::{Path, PathBuf};

use jiff::civil::Date;

use super::case_input::input_from_case;
use std::io::Write;

use sha2::{Digest, Sha256};

use super::{FontFace, PacketInput, PacketOptions, PdfError, Rendered, SideFile, render};
use crate::case::Case;
use crate::durable;
use crate::i18n::{Lang, tr};
use crate::text::shown_line;

/// The choices a user makes for a packet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PacketRequest {
    /// Language of the packet: Chinese (the complaint) unless an English translation is
    /// asked for, whatever language the user reads.
    pub lang: Lang,
    /// The language the user reads (for messages about the export).
    pub ui: Lang,
    /// A redacted copy for others (see [`crate::redact`]).
    pub redact: bool,
    /// With `redact`: the name too (王某某).
    pub mask_name: bool,
    /// The agency after 此致; `None` leaves a blank to fill in by hand.
    pub agency: Option<String>,
    /// The date printed on the packet.
    pub print_date: Date,
}

/// Everything needed to render a packet, taken from the case at one moment. `Send`: it can
/// go to a worker thread.
#[derive(Debug, Clone)]
pub struct PacketJob {
    /// What the packet shows.
    pub input: PacketInput,
    /// How it is rendered.
    pub opts: PacketOptions,
    /// The language of messages to the user.
    pub ui: Lang,
}

impl PacketJob {
    /// Snapshots `case` for a packet as `req` asks.
    pub fn from_case(case: &Case, req: &PacketRequest) -> PacketJob {
        let agency = req
            .agency
            .as_deref()
            .map(|a| shown_line(a).trim().to_string())
            .filter(|a| !a.is_empty());
        PacketJob {
            // A document for the police prints Beijing time, said once, whatever the computer's
            // zone (the wizard and the lists keep the computer's).
            input: input_from_case(case, req.lang, req.print_date, &crate::localtime::beijing()),
            opts: PacketOptions {
                lang: req.lang,
                redact: req.redact,
                mask_name: req.redact && req.mask_name,
                agency,
            },
            ui: req.ui,
        }
    }

    /// `Err` with a sentence for the user when there is nothing to make a letter from: a
    /// case with no evidence gets no 控告书 (and no file).
    pub fn ready(&self) -> Result<(), String> {
        if self.input.charges.is_some() {
            return Ok(());
        }
        Err(tr(
            self.ui,
            "案件里还没有任何证据记录，无法生成刑事控告书。请先记录骚扰电话、短信或邮件（leakaid log 或向导中的 n 键），再导出。",
            "The case has no evidence yet, so there is nothing to make a complaint from. Record the calls, texts or emails first (leakaid log, or n in the wizard), then export.",
        ))
    }

    /// For a case too big to print whole: writes the complete evidence list (CSV) and a copy
    /// of the journal's first `fingerprint.count` lines into `dir`, named after `stem`, and
    /// names both (with their SHA-256) in the packet. Nothing is written for a smaller case.
    /// An existing file is replaced only when `replace` says so (a taken name fails with
    /// [`io::ErrorKind::AlreadyExists`], and nothing of this call is left behind).
    pub fn write_side_files(
        &mut self,
        case: &Case,
        dir: &Path,
        stem: &str,
        replace: durable::Replace,
    ) -> Result<Vec<PathBuf>, (PathBuf, io::Error)> {
        // A redacted copy is for others: the complete list and the record hold everything it
        // hides, so they are never written beside it.
        if !self.input.is_big() || self.opts.redact {
            return Ok(Vec::new());
        }
        durable::private_dir(dir).map_err(|e| (dir.to_path_buf(), e))?;
        // Both are streamed to disk through the hash: a big case is never held twice.
        let csv_path = dir.join(format!("{stem}-evidence.csv"));
        let mut csv_hash = Sha256::new();
        durable::write_file_with(&csv_path, replace, |f| {
            crate::export::write_csv(case.state(), io::BufWriter::new(Hashing::new(f, &mut csv_hash)))
                .and_then(|mut w| w.flush().map_err(csv::Error::from))
                .map_err(|e| io::Error::other(e.to_string()))
        })
        .map_err(|e| (csv_path.clone(), e))?;
        let journal_path = dir.join(format!("{stem}-journal.jsonl"));
        let mut journal_hash = Sha256::new();
        let lines = self.input.fingerprint.count;
        durable::write_file_with(&journal_path, replace, |f| {
            copy_lines(
                case.journal().path(),
                lines,
                &mut Hashing::new(f, &mut journal_hash),
            )
        })
        .map_err(|e| {
            let _ = std::fs::remove_file(&csv_path);
            (journal_path.clone(), e)
        })?;
        let name = |p: &Path| {
            p.file_name()
                .map(|n| n.to_string_lossy().to_string())
                .unwrap_or_default()
        };
        self.input.side_files = vec![
            SideFile {
                name: name(&csv_path),
                sha256: hex::encode(csv_hash.finalize()),
            },
            SideFile {
                name: name(&journal_path),
                sha256: hex::encode(journal_hash.finalize()),
            },
        ];
        Ok(vec![csv_path, journal_path])
    }

    /// Renders the PDF with `face`.
    pub fn render(&self, face: &FontFace) -> Result<Rendered, PdfError> {
        render(&self.input, &self.opts, face)
    }

    /// Renders the packet and writes it, with a big case's side files beside it, to
    /// `target`; `case` is needed only for a big case's side files. Nothing is ever written
    /// over an existing file unless the target allows it: a dated name that another export
    /// takes meanwhile (the wizard's and a shell's in the same second) moves this packet to
    /// the next free name, so two exports never share a file.
    pub fn write_to(
        &self,
        case: Option<&Case>,
        target: &PacketTarget<'_>,
        face: &FontFace,
    ) -> Result<WrittenPacket, PacketWriteError> {
        match *target {
            PacketTarget::Named { path, replace } => {
                self.write_named(case, face, 1, || Ok((path.to_path_buf(), replace)))
            }
            PacketTarget::Dated { dir, case: name } => {
                durable::private_dir(dir).map_err(|e| PacketWriteError::Io(dir.to_path_buf(), e))?;
                self.write_named(case, face, 100, || {
                    Ok((dated_name(dir, name, "pdf"), durable::Replace::No))
                })
            }
        }
    }

    /// Writes the packet under the names `next` gives, up to `tries` of them, moving on when
    /// a name is taken.
    fn write_named(
        &self,
        case: Option<&Case>,
        face: &FontFace,
        tries: usize,
        mut next: impl FnMut() -> Result<(PathBuf, durable::Replace), PacketWriteError>,
    ) -> Result<WrittenPacket, PacketWriteError> {
        let mut last = PacketWriteError::Exists(PathBuf::new());
        for _ in 0..tries {
            let (path, replace) = next()?;
            let dir = match path.parent() {
                Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
                _ => PathBuf::from("."),
            };
            let stem = path
                .file_stem()
                .map(|s| s.to_string_lossy().to_string())
                .unwrap_or_default();
            let mut job = self.clone();
            let side_files = match case {
                Some(case) if job.input.is_big() => match job.write_side_files(case, &dir, &stem, replace) {
                    Ok(files) => files,
                    Err((p, e)) if e.kind() == io::ErrorKind::AlreadyExists => {
                        last = PacketWriteError::Exists(p);
                        continue;
                    }
                    Err((p, e)) => return Err(PacketWriteError::Io(p, e)),
                },
                _ => Vec::new(),
            };
            let rendered = job.render(face).map_err(|e| {
                remove_all(&side_files);
                PacketWriteError::Render(e)
            })?;
            match durable::write_file(&path, &rendered.bytes, replace) {
                Ok(()) => {
                    return Ok(WrittenPacket {
                        path,
                        side_files,
                        rendered,
                    });
                }
                Err(e) => {
                    remove_all(&side_files);
                    if e.kind() != io::ErrorKind::AlreadyExists {
                        return Err(PacketWriteError::Io(path, e));
                    }
                    last = PacketWriteError::Exists(path);
                }
            }
        }
        Err(last)
    }
}

/// A writer that hashes what passes through it.
pub(crate) struct Hashing<'h, W> {
    inner: W,
    hash: &'h mut Sha256,
}

impl<'h, W> Hashing<'h, W> {
    pub(crate) fn new(inner: W, hash: &'h mut Sha256) -> Self {
        Hashing { inner, hash }
    }
}

impl<W: io::Write> io::Write for Hashing<'_, W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hash.update(&buf[..n]);
        Ok(n)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// Copies the first `lines` lines of the journal, byte for byte, into `out`: the record the
/// fingerprint names, even if an entry was logged since.
pub(crate) fn copy_lines(path: &Path, lines: u64, out: &mut impl io::Write) -> io::Result<()> {
    use std::io::BufRead;
    let mut reader = io::BufReader::with_capacity(1 << 16, std::fs::File::open(path)?);
    let mut out = io::BufWriter::with_capacity(1 << 16, out);
    let mut line = Vec::new();
    for _ in 0..lines {
        line.clear();
        if reader.read_until(b'\n', &mut line)? == 0 {
            break;
        }
        out.write_all(&line)?;
    }
    out.flush()
}

/// The warning for characters the font lacks (they would print as empty boxes), or `None`;
/// on the command line, which can name another font.
pub fn missing_warning(lang: Lang, missing: &[char]) -> Option<String> {
    let chars = missing_list(missing)?;
    Some(tr(
        lang,
        format!(
            "警告：字体缺少这些字符，打印出来会是空框：{}。请检查这些字，或用 --font 指定一个包含它们的字体（如 /usr/share/fonts 下的字体文件）。",
            chars.join("、")
        ),
        format!(
            "Warning: the font has no glyph for {}; they will print as empty boxes. Check those characters, or name a font that has them with --font.",
            chars.join(", ")
        ),
    ))
}

/// The same warning in the wizard, which has no font option: it says what to check.
pub fn missing_warning_on_screen(lang: Lang, missing: &[char]) -> Option<String> {
    let chars = missing_list(missing)?;
    Some(tr(
        lang,
        format!(
            "警告：字体缺少这些字符，打印出来会是空框：{}。请检查这些字，必要时在记录里改用常见写法后再生成。",
            chars.join("、")
        ),
        format!(
            "Warning: the font has no glyph for {}; they will print as empty boxes. Check those characters; if needed, correct the entry with a common form and make the packet again.",
            chars.join(", ")
        ),
    ))
}

fn missing_list(missing: &[char]) -> Option<Vec<String>> {
    if missing.is_empty() {
        return None;
    }
    Some(
        missing
            .iter()
            .map(|c| format!("“{c}”(U+{:04X})", u32::from(*c)))
            .collect(),
    )
}

/// One note per image attachment that could not be drawn.
pub fn undecodable_notes(lang: Lang, names: &[String]) -> Vec<String> {
    names
        .iter()
        .map(|name| {
            let lower = name.to_lowercase();
            let heic = lower.ends_with(".heic") || lower.ends_with(".heif");
            tr(
                lang,
                format!(
                    "提示：图片附件“{name}”无法显示，已在清单中按校验值列出。{}",
                    if heic {
                        "这是 iPhone 的 HEIC 照片：在手机上把它存成 JPEG（或在“设置→相机→格式”里选“兼容性最佳”后重新截图），再用 leakaid attach 补上，就能印进材料。"
                    } else {
                        ""
                    }
                ),
                format!(
                    "Note: the image attachment “{name}” could not be drawn; it is listed with its hash.{}",
                    if heic {
                        " It is an iPhone HEIC photo: save it as JPEG on the phone (or choose Settings → Camera → Formats → Most Compatible), then add it with leakaid attach to have it printed."
                    } else {
                        ""
                    }
                ),
            )
        })
        .collect()
}

/// The warning after the problems a failed verification found: the export shows the record
/// as it is now.
pub fn unverified_warning(lang: Lang) -> String {
    tr(
        lang,
        "警告：案件记录核对未通过（见上）。导出的材料反映的是现在的记录；请先运行 leakaid verify 了解详情。",
        "Warning: the case does not verify (see above). The export shows the record as it is now; run leakaid verify for details.",
    )
}

/// Checks the case's chain and attachments as `leakaid export pdf` does before printing:
/// one sentence per problem plus [`unverified_warning`], or nothing when it is intact.
pub fn verification_warnings(case_dir: &Path, lang: Lang) -> Vec<String> {
    match Case::open_verified(case_dir, None) {
        Ok((_, report)) if report.is_intact() => Vec::new(),
        Ok((_, report)) => {
            let mut out: Vec<String> = report.problems.iter().map(|p| p.message(lang)).collect();
            out.push(unverified_warning(lang));
            out
        }
        Err(e) => vec![e.message(lang), unverified_warning(lang)],
    }
}

/// The sentence for a packet that could not be rendered.
pub fn render_failure(lang: Lang, e: &PdfError) -> String {
    tr(
        lang,
        format!("无法生成报案材料：{e}"),
        format!("Could not make the complaint packet: {e}"),
    )
}

/// The sentence for an export that could not be written.
pub fn write_failure(lang: Lang, path: &Path, e: &io::Error) -> String {
    tr(
        lang,
        format!(
            "无法写入 {}：{}。请检查文件夹是否存在、是否可写，或用 -o 指定别的位置。",
            path.display(),
            crate::ioerror::reason(e, Lang::Zh)
        ),
        format!(
            "Cannot write {}: {}. Check that the folder exists and is writable, or choose another place with -o.",
            path.display(),
            crate::ioerror::reason(e, Lang::En)
        ),
    )
}

/// Where a packet is written.
#[derive(Debug, Clone, Copy)]
pub enum PacketTarget<'a> {
    /// A file the user named (`-o FILE`): an existing one is replaced only with `Replace::Yes`
    /// (`--force`).
    Named {
        /// The file.
        path: &'a Path,
        /// Whether an existing file may be replaced.
        replace: durable::Replace,
    },
    /// A new dated name in a folder: `leakaid-CASE-YYYYMMDD-HHMMSS[-N].pdf`.
    Dated {
        /// The folder (made private when missing).
        dir: &'a Path,
        /// The case's name, in the file's name.
        case: &'a str,
    },
}

/// A packet on disk.
#[derive(Debug)]
pub struct WrittenPacket {
    /// The PDF.
    pub path: PathBuf,
    /// A big case's complete list and journal copy, beside it.
    pub side_files: Vec<PathBuf>,
    /// What was rendered (pages, characters the font lacks, pictures not drawn).
    pub rendered: Rendered,
}

/// Why a packet was not written.
#[derive(Debug)]
pub enum PacketWriteError {
    /// The file (or a side file) exists and may not be replaced.
    Exists(PathBuf),
    /// Writing this file failed.
    Io(PathBuf, io::Error),
    /// The packet could not be rendered.
    Render(PdfError),
}

impl PacketWriteError {
    /// The sentence for the user; `exists` words a taken name as the surface does (it knows
    /// how its user may allow a replacement).
    pub fn message(&self, lang: Lang, exists: impl Fn(&Path) -> String) -> String {
        match self {
            PacketWriteError::Exists(p) => exists(p),
            PacketWriteError::Io(p, e) => write_failure(lang, p, e),
            PacketWriteError::Render(e) => render_failure(lang, e),
        }
    }
}

fn remove_all(paths: &[PathBuf]) {
    for p in paths {
        let _ = std::fs::remove_file(p);
    }
}

/// A free name `leakaid-CASE-YYYYMMDD-HHMMSS[-N].EXT` in `dir`: no `:` in the time, and
/// characters Windows forbids in CASE written `_`, so the file can be copied to any disk.
pub fn dated_name(dir: &Path, case: &str, ext: &str) -> PathBuf {
    let date = jiff::ZonedDateTime::now().strftime("%Y%m%d-%H%M%S").to_string();
    let base = format!("leakaid-{}-{date}", crate::winname::file_part(case));
    let mut p = dir.join(format!("{base}.{ext}"));
    let mut n = 2;
    while std::fs::symlink_metadata(&p).is_ok() {
        p = dir.join(format!("{base}-{n}.{ext}"));
        n += 1;
    }
    p
}

/// Writes `bytes` as a new dated file in `dir` (created private, 0700; the file 0600, written
/// durably, never replacing a name that is taken) and returns its path. On failure the
/// error names the path it was about.
pub fn write_dated(dir: &Path, case: &str, ext: &str, bytes: &[u8]) -> Result<PathBuf, (PathBuf, io::Error)> {
    durable::private_dir(dir).map_err(|e| (dir.to_path_buf(), e))?;
    let mut last = dated_name(dir, case, ext);
    for _ in 0..100 {
        let path = dated_name(dir, case, ext);
        match durable::write_file(&path, bytes, durable::Replace::No) {
            Ok(()) => return Ok(path),
            // Taken between the look and the rename (another export): the next free name.
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last = path,
            Err(e) => return Err((path, e)),
        }
    }
    Err((last, io::Error::from(io::ErrorKind::AlreadyExists)))
}

/// A packet written to the exports folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exported {
    /// Where the file is.
    pub path: PathBuf,
    /// Number of pages.
    pub pages: usize,
    /// The missing-character warning, if any.
    pub warning: Option<String>,
    /// Notes about attachments that could not be drawn.
    pub notes: Vec<String>,
    /// The complete list and journal copy written beside a big case's packet.
    pub side_files: Vec<PathBuf>,
}

/// Verifies the case at `case_dir`, renders `job` with the built-in font and writes it to
/// `dir` — what the wizard's worker thread runs. Problems found by the verification are
/// returned as notes (the packet is still made, as on the command line). The error is a
/// sentence for the user.
pub fn export_to_folder(
    job: &PacketJob,
    case_dir: &Path,
    dir: &Path,
    case: &str,
) -> Result<Exported, String> {
    let lang = job.ui;
    job.ready()?;
    let mut notes = verification_warnings(case_dir, lang);
    let opened = if job.input.is_big() {
        Some(Case::open_existing(case_dir).map_err(|e| e.message(lang))?)
    } else {
        None
    };
    let face = FontFace::embedded().map_err(|e| render_failure(lang, &e))?;
    let written = job
        .write_to(opened.as_ref(), &PacketTarget::Dated { dir, case }, &face)
        .map_err(|e| {
            e.message(lang, |p| {
                write_failure(lang, p, &io::ErrorKind::AlreadyExists.into())
            })
        })?;
    let packet = written.rendered;
    Ok(Exported {
        path: written.path,
        pages: packet.pages,
        side_files: written.side_files,
        warning: missing_warning_on_screen(lang, &packet.missing),
        notes: {
            notes.extend(undecodable_notes(lang, &packet.undecodable));
            notes
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::sample::sample_input;

    fn job(redact: bool) -> PacketJob {
        PacketJob {
            input: sample_input(12, jiff::civil::date(2025, 6, 1)),
            opts: PacketOptions {
                lang: Lang::Zh,
                redact,
                mask_name: false,
                agency: None,
            },
            ui: Lang::Zh,
        }
    }

    #[test]
    fn a_dated_name_holds_nothing_windows_forbids() {
        let dir = tempfile::tempdir().expect("tempdir");
        let p = dated_name(dir.path(), "案件:11/29?*", "pdf");
        let name = p.file_name().expect("name").to_string_lossy().into_owned();
        assert!(name.starts_with("leakaid-案件_11_29__-"), "{name}");
        assert!(!crate::winname::refused(&name), "{name}");
        assert_eq!(p.parent(), Some(dir.path()));
    }

    #[test]
    fn a_name_taken_between_the_look_and_the_write_moves_the_packet_to_the_next() {
        let dir = tempfile::tempdir().expect("tempdir");
        let taken = dir.path().join("leakaid-x-20250601-120000.pdf");
        let free = dir.path().join("leakaid-x-20250601-120000-2.pdf");
        // Another export (the full packet) took the name this one (the redacted copy) chose.
        std::fs::write(&taken, b"the other export").expect("write");
        let mut names = vec![free.clone(), taken.clone()];
        let face = FontFace::embedded().expect("font");
        let written = job(true)
            .write_named(None, &face, 100, || {
                Ok((names.pop().expect("a name"), durable::Replace::No))
            })
            .expect("written");
        assert_eq!(written.path, free);
        assert_eq!(
            std::fs::read(&taken).expect("read"),
            b"the other export",
            "never replaced"
        );
        assert!(std::fs::read(&free).expect("read").starts_with(b"%PDF"));
    }

    #[test]
    fn a_named_file_is_replaced_only_when_allowed() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("packet.pdf");
        std::fs::write(&path, b"kept").expect("write");
        let face = FontFace::embedded().expect("font");
        let refused = job(false).write_to(
            None,
            &PacketTarget::Named {
                path: &path,
                replace: durable::Replace::No,
            },
            &face,
        );
        assert!(
            matches!(refused, Err(PacketWriteError::Exists(ref p)) if *p == path),
            "{refused:?}"
        );
        assert_eq!(std::fs::read(&path).expect("read"), b"kept");
        job(false)
            .write_to(
                None,
                &PacketTarget::Named {
                    path: &path,
                    replace: durable::Replace::Yes,
                },
                &face,
            )
            .expect("replaced with --force");
        assert!(std::fs::read(&path).expect("read").starts_with(b"%PDF"));
    }
}

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
use super::{FontFace, PacketInput, PacketOptions, PdfError, Rendered, render};
use crate::case::Case;
use crate::durable;
use crate::i18n::{Lang, tr};

/// The choices a user makes for a packet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PacketRequest {
    /// Language of the packet.
    pub lang: Lang,
    /// Mask the ID number and phone numbers (for copies given to others).
    pub redact: bool,
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
}

impl PacketJob {
    /// Snapshots `case` for a packet as `req` asks.
    pub fn from_case(case: &Case, req: &PacketRequest) -> PacketJob {
        let agency = req
            .agency
            .as_deref()
            .map(str::trim)
            .filter(|a| !a.is_empty())
            .map(str::to_string);
        PacketJob {
            input: input_from_case(case, req.lang, req.print_date),
            opts: PacketOptions {
                lang: req.lang,
                redact: req.redact,
                agency,
            },
        }
    }

    /// Renders the PDF with `face`.
    pub fn render(&self, face: &FontFace) -> Result<Rendered, PdfError> {
        render(&self.input, &self.opts, face)
    }
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
            tr(
                lang,
                format!("提示：图片附件“{name}”无法显示，已在清单中按校验值列出。"),
                format!(
                    "Note: the image attachment “{name}” could not be drawn; it is listed with its hash."
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
            "无法写入 {}：{e}。请检查文件夹是否存在、是否可写，或用 -o 指定别的位置。",
            path.display()
        ),
        format!(
            "Cannot write {}: {e}. Check that the folder exists and is writable, or choose another place with -o.",
            path.display()
        ),
    )
}

/// A free name `leakaid-CASE-YYYYMMDD-HHMMSS[-N].EXT` in `dir`.
pub fn dated_name(dir: &Path, case: &str, ext: &str) -> PathBuf {
    let date = jiff::ZonedDateTime::now().strftime("%Y%m%d-%H%M%S").to_string();
    let base = format!("leakaid-{case}-{date}");
    let mut p = dir.join(format!("{base}.{ext}"));
    let mut n = 2;
    while p.exists() {
        p = dir.join(format!("{base}-{n}.{ext}"));
        n += 1;
    }
    p
}

/// Writes `bytes` as a new dated file in `dir` (created private, 0700; the file 0600, written
/// durably) and returns its path. On failure the error names the path it was about.
pub fn write_dated(dir: &Path, case: &str, ext: &str, bytes: &[u8]) -> Result<PathBuf, (PathBuf, io::Error)> {
    durable::private_dir(dir).map_err(|e| (dir.to_path_buf(), e))?;
    let path = dated_name(dir, case, ext);
    durable::write_new(&path, bytes).map_err(|e| (path.clone(), e))?;
    Ok(path)
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
    let lang = job.opts.lang;
    let mut notes = verification_warnings(case_dir, lang);
    let face = FontFace::embedded().map_err(|e| render_failure(lang, &e))?;
    let packet = job.render(&face).map_err(|e| render_failure(lang, &e))?;
    let path = write_dated(dir, case, "pdf", &packet.bytes).map_err(|(p, e)| write_failure(lang, &p, &e))?;
    Ok(Exported {
        path,
        pages: packet.pages,
        warning: missing_warning_on_screen(lang, &packet.missing),
        notes: {
            notes.extend(undecodable_notes(lang, &packet.undecodable));
            notes
        },
    })
}

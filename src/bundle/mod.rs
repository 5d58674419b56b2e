//! The evidence bundle (`leakaid export bundle DIR`): a folder an officer or a court can open
//! on any computer. It holds the packet, the attachments under readable names
//! ([`names::attachment_name`]), the journal copy, the complete evidence list (CSV),
//! `说明.txt` ([`readme`]) and `SHA256SUMS.txt` ([`sums`]) of every other file. The packet's
//! 附 names the files with their hashes (through [`crate::pdf::PacketInput::bundle`]).
//!
//! The folder is written as a hidden sibling and renamed into place at the end, every file
//! durable first: a full disk or a crash never leaves a half bundle under the name asked
//! for. [`check`] verifies a bundle.

pub mod check;
pub mod names;
pub mod readme;
pub mod sums;

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::case::Case;
use crate::durable::{self, Replace};
use crate::pdf::export::{Hashing, PacketJob, copy_lines};
use crate::pdf::{FontFace, PdfError, Rendered, SideFile};
use crate::text::notepad::notepad_bytes;
use crate::userfile::{self, Purpose, UserFileError};

/// What to put in a bundle besides the packet.
#[derive(Debug, Clone, Copy, Default)]
pub struct BundleOptions {
    /// With a redacted packet: the attachments too (they are the victim's originals).
    pub with_attachments: bool,
    /// Replace a bundle leakaid made at the same place (`--force`).
    pub replace: bool,
}

/// A bundle on disk.
#[derive(Debug)]
pub struct Made {
    /// The folder.
    pub dir: PathBuf,
    /// Files in it, SHA256SUMS.txt included.
    pub files: usize,
    /// Attachments copied.
    pub attachments: usize,
    /// Attachments the vault no longer holds (left out; `leakaid verify` names them).
    pub missing: Vec<String>,
    /// The case fingerprint the bundle is at.
    pub fingerprint: String,
    /// The packet as rendered (pages, characters the font lacks, pictures not drawn).
    pub rendered: Rendered,
}

/// Why no bundle was made. Nothing is left behind in any case.
#[derive(Debug)]
pub enum BundleError {
    /// The folder exists, is not empty, and is not a bundle that may be replaced.
    NotEmpty {
        /// The folder.
        dir: PathBuf,
        /// It is a bundle leakaid made (so `--force` would replace it).
        bundle: bool,
    },
    /// The name is a link, a file or something else than a folder.
    NotAFolder(PathBuf),
    /// The folder it would go in does not exist.
    NoParent(PathBuf),
    /// Writing failed.
    Io(PathBuf, io::Error),
    /// The packet could not be rendered.
    Render(PdfError),
}

/// How much of the vault to copy: an attachment is streamed, never held whole.
const COPY_BUFFER: usize = 1 << 16;

/// Writes the bundle of `case` (snapshotted as `job`) to `dir`.
pub fn make(
    case: &Case,
    mut job: PacketJob,
    dir: &Path,
    opts: BundleOptions,
    face: &FontFace,
) -> Result<Made, BundleError> {
    let existing = check_target(dir, opts.replace)?;
    let parent = parent_of(dir);
    let leaf = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    // Hidden, beside the target (same disk, so the last step is a rename); removed when
    // dropped unless it was renamed into place.
    let tmp = tempfile::Builder::new()
        .prefix(&format!(".{}{}", cut(&leaf, 100), durable::TEMP_MARK))
        .rand_bytes(12)
        .tempdir_in(&parent)
        .map_err(|e| BundleError::Io(parent.clone(), e))?;
    let root = tmp.path().to_path_buf();
    durable::make_private(&root).map_err(|e| BundleError::Io(root.clone(), e))?;
    let io_err = |p: &Path| {
        let p = p.to_path_buf();
        move |e: io::Error| BundleError::Io(p, e)
    };

    let redact = job.opts.redact;
    let fingerprint = job.input.fingerprint.clone();
    // In the packet's 附, in this order; the packet itself and SHA256SUMS.txt are not in it.
    let mut listed: Vec<SideFile> = Vec::new();
    if !redact {
        let mut h = Sha256::new();
        let p = root.join(names::JOURNAL);
        durable::write_file_with(&p, Replace::No, |f| {
            copy_lines(
                case.journal().path(),
                fingerprint.count,
                &mut Hashing::new(f, &mut h),
            )
        })
        .map_err(io_err(&p))?;
        listed.push(side(names::JOURNAL, h));
        let mut h = Sha256::new();
        let p = root.join(names::LIST);
        durable::write_file_with(&p, Replace::No, |f| {
            crate::export::write_csv(case.state(), io::BufWriter::new(Hashing::new(f, &mut h)))
                .and_then(|mut w| w.flush().map_err(csv::Error::from))
                .map_err(|e| io::Error::other(e.to_string()))
        })
        .map_err(io_err(&p))?;
        listed.push(side(names::LIST, h));
        // A big case's evidence list names the complete list and the record: these.
        if job.input.is_big() {
            job.input.side_files = listed.clone();
        }
    }
    let mut attachments = Vec::new();
    let mut missing = Vec::new();
    if !redact || opts.with_attachments {
        let folder = root.join(names::ATTACHMENTS);
        // A copy for others names its files as its packet does: masked.
        let red = redact.then(|| {
            crate::redact::Redactor::for_copy(&job.input.complainant, job.opts.lang, job.opts.mask_name)
        });
        for e in &case.state().entries {
            for (i, a) in e.attachments.iter().enumerate() {
                if attachments.is_empty() && missing.is_empty() {
                    durable::private_dir(&folder).map_err(io_err(&folder))?;
                }
                let original = match &red {
                    Some(r) => r.apply(&a.original_name),
                    None => a.original_name.clone(),
                };
                let name = names::attachment_name(&e.id.to_string(), i + 1, &original);
                // Links are not followed; a file gone from the vault is left out and named.
                let src = match userfile::open(&case.vault().path_of(&a.sha256), Purpose::Vault) {
                    Ok(f) => f,
                    Err(UserFileError::Io { path, source }) => return Err(BundleError::Io(path, source)),
                    Err(_) => {
                        missing.push(a.sha256.clone());
                        continue;
                    }
                };
                let p = folder.join(&name);
                let mut h = Sha256::new();
                durable::write_file_with(&p, Replace::No, |f| {
                    let mut from = io::BufReader::with_capacity(COPY_BUFFER, src);
                    io::copy(&mut from, &mut Hashing::new(f, &mut h)).map(drop)
                })
                .map_err(io_err(&p))?;
                let path = names::attachment_path(&name);
                attachments.push(path.clone());
                listed.push(side(&path, h));
            }
        }
    }
    let readme = notepad_bytes(&readme::text(
        &readme::Contents {
            fingerprint: &fingerprint.full(),
            redacted: redact,
            record: !redact,
            attachments: attachments.len(),
        },
        job.ui,
    ));
    let p = root.join(names::README);
    durable::write_file(&p, &readme, Replace::No).map_err(io_err(&p))?;
    // The readme goes after the record in the list, before the attachments.
    let at = if redact { 0 } else { 2 };
    listed.insert(at, side(names::README, Sha256::new_with_prefix(&readme)));

    job.input.bundle = Some(listed.clone());
    let rendered = job.render(face).map_err(BundleError::Render)?;
    let p = root.join(names::PACKET);
    durable::write_file(&p, &rendered.bytes, Replace::No).map_err(io_err(&p))?;

    let mut sums = sums::line(&hex::encode(Sha256::digest(&rendered.bytes)), names::PACKET);
    for f in &listed {
        sums.push_str(&sums::line(&f.sha256, &f.name));
    }
    let p = root.join(names::SUMS);
    durable::write_file(&p, sums.as_bytes(), Replace::No).map_err(io_err(&p))?;
    durable::sync_dir(&root).map_err(io_err(&root))?;

    put_in_place(tmp, dir, existing)?;
    Ok(Made {
        dir: dir.to_path_buf(),
        files: listed.len() + 2,
        attachments: attachments.len(),
        missing,
        fingerprint: fingerprint.full(),
        rendered,
    })
}

fn side(name: &str, h: Sha256) -> SideFile {
    SideFile {
        name: name.to_string(),
        sha256: hex::encode(h.finalize()),
    }
}

/// What stands at the target before the bundle is renamed there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Existing {
    Nothing,
    EmptyFolder,
    Bundle,
}

/// Refuses a link, a file, a missing parent, and a folder that is not empty unless it is a
/// bundle and `replace` allows it.
fn check_target(dir: &Path, replace: bool) -> Result<Existing, BundleError> {
    let parent = parent_of(dir);
    if dir.file_name().is_none() {
        return Err(BundleError::NotAFolder(dir.to_path_buf()));
    }
    match fs::symlink_metadata(&parent) {
        Ok(_) if parent.is_dir() => {}
        _ => return Err(BundleError::NoParent(parent)),
    }
    let meta = match fs::symlink_metadata(dir) {
        Ok(m) => m,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Existing::Nothing),
        Err(e) => return Err(BundleError::Io(dir.to_path_buf(), e)),
    };
    if !meta.file_type().is_dir() {
        return Err(BundleError::NotAFolder(dir.to_path_buf()));
    }
    let mut entries = fs::read_dir(dir).map_err(|e| BundleError::Io(dir.to_path_buf(), e))?;
    if entries.next().is_none() {
        return Ok(Existing::EmptyFolder);
    }
    let bundle = is_bundle(dir);
    if bundle && replace {
        return Ok(Existing::Bundle);
    }
    Err(BundleError::NotEmpty {
        dir: dir.to_path_buf(),
        bundle,
    })
}

/// Whether `dir` is a bundle leakaid made: its SHA256SUMS.txt and 说明.txt are regular files,
/// and every other file in it is one SHA256SUMS.txt names (so replacing it loses nothing
/// that was put there by hand).
pub fn is_bundle(dir: &Path) -> bool {
    let regular = |n: &str| {
        fs::symlink_metadata(dir.join(n))
            .map(|m| m.file_type().is_file())
            .unwrap_or(false)
    };
    if !regular(names::SUMS) || !regular(names::README) {
        return false;
    }
    let Ok(text) = check::read_small(&dir.join(names::SUMS)) else {
        return false;
    };
    let Ok(listed) = sums::parse(&text) else {
        return false;
    };
    let listed: std::collections::HashSet<String> = listed.into_iter().map(|(_, p)| p).collect();
    match check::files_in(dir) {
        Ok(found) => found.iter().all(|(p, _)| p == names::SUMS || listed.contains(p)),
        Err(_) => false,
    }
}

/// Renames the finished folder to `dir`; a bundle there is moved aside first and removed
/// after. The parent folder is synced so the new name survives a crash.
fn put_in_place(tmp: tempfile::TempDir, dir: &Path, existing: Existing) -> Result<(), BundleError> {
    let parent = parent_of(dir);
    let io_err = |e| BundleError::Io(dir.to_path_buf(), e);
    let old = match existing {
        Existing::Nothing => None,
        Existing::EmptyFolder => {
            fs::remove_dir(dir).map_err(io_err)?;
            None
        }
        Existing::Bundle => {
            let aside = tempfile::Builder::new()
                .prefix(".leakaid-old-bundle")
                .rand_bytes(12)
                .tempdir_in(&parent)
                .map_err(io_err)?;
            let old = aside.path().join("old");
            fs::rename(dir, &old).map_err(io_err)?;
            Some((aside, old))
        }
    };
    let from = tmp.keep();
    if let Err(e) = fs::rename(&from, dir) {
        // Back as it was: the old bundle in place, the new one gone.
        if let Some((_, old)) = &old {
            let _ = fs::rename(old, dir);
        }
        let _ = fs::remove_dir_all(&from);
        return Err(io_err(e));
    }
    // The old bundle goes with its hidden folder.
    drop(old);
    durable::sync_dir(&parent).map_err(io_err)
}

fn parent_of(dir: &Path) -> PathBuf {
    match dir.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// `s` cut to at most `max` bytes at a character boundary.
fn cut(s: &str, max: usize) -> &str {
    let mut n = s.len().min(max);
    while !s.is_char_boundary(n) {
        n -= 1;
    }
    &s[..n]
}

impl BundleError {
    /// The sentence for the user; `force` is how this surface allows a replacement (`--force`
    /// on the command line), `None` where there is none.
    pub fn message(&self, lang: crate::i18n::Lang, force: Option<&str>) -> String {
        use crate::i18n::tr;
        match self {
            BundleError::NotEmpty { dir, bundle: true } => match force {
                Some(flag) => tr(
                    lang,
                    format!(
                        "{} 里已经有一个 leakaid 导出的电子证据文件夹。要用新的替换它，请加 {flag}；或换一个新文件夹名。",
                        dir.display()
                    ),
                    format!(
                        "{} already holds an evidence folder leakaid made. Add {flag} to replace it with a new one, or name a new folder.",
                        dir.display()
                    ),
                ),
                None => tr(
                    lang,
                    format!(
                        "{} 里已经有一个 leakaid 导出的电子证据文件夹，没有替换它。请换一个文件夹。",
                        dir.display()
                    ),
                    format!(
                        "{} already holds an evidence folder leakaid made; it was not replaced. Choose another folder.",
                        dir.display()
                    ),
                ),
            },
            BundleError::NotEmpty { dir, bundle: false } => tr(
                lang,
                format!(
                    "{} 已存在，里面有别的文件，不会写入（加 --force 也不会）。请指定一个新的或空的文件夹。",
                    dir.display()
                ),
                format!(
                    "{} exists and holds other files; nothing is written there, even with --force. Name a new or empty folder.",
                    dir.display()
                ),
            ),
            BundleError::NotAFolder(p) => tr(
                lang,
                format!(
                    "{} 不是文件夹（是文件或链接），不会写入。请指定一个新的文件夹名。",
                    p.display()
                ),
                format!(
                    "{} is not a folder (a file or a link); nothing is written there. Name a new folder.",
                    p.display()
                ),
            ),
            BundleError::NoParent(p) => tr(
                lang,
                format!("文件夹 {} 不存在。请先建好它，或换一个位置。", p.display()),
                format!(
                    "The folder {} does not exist. Create it first, or choose another place.",
                    p.display()
                ),
            ),
            BundleError::Io(p, e) => tr(
                lang,
                format!(
                    "无法写入 {}：{}。没有留下不完整的文件夹；请检查磁盘空间和写入权限后重试。",
                    p.display(),
                    crate::ioerror::reason(e, crate::i18n::Lang::Zh)
                ),
                format!(
                    "Cannot write {}: {}. No incomplete folder was left; check the free space and the permissions, then try again.",
                    p.display(),
                    crate::ioerror::reason(e, crate::i18n::Lang::En)
                ),
            ),
            BundleError::Render(e) => crate::pdf::export::render_failure(lang, e),
        }
    }
}

/// A bundle made for the wizard, in plain data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BundleDone {
    /// The folder.
    pub dir: PathBuf,
    /// Files in it.
    pub files: usize,
    /// The case fingerprint it is at.
    pub fingerprint: String,
    /// What the user should know: a failed verification, characters the font lacks,
    /// pictures not drawn, attachments the vault no longer holds.
    pub notes: Vec<String>,
}

/// What the wizard's worker thread runs: verifies the case at `case_dir` (problems become
/// notes, as on the command line), opens it, and makes the bundle `leakaid-证据-CASE-DATE`
/// in `parent`. The error is a sentence for the user.
pub fn make_in_folder(
    job: PacketJob,
    case_dir: &Path,
    parent: &Path,
    case: &str,
) -> Result<BundleDone, String> {
    use crate::pdf::export::{
        missing_warning_on_screen, render_failure, undecodable_notes, verification_warnings,
    };
    let lang = job.ui;
    job.ready()?;
    let mut notes = verification_warnings(case_dir, lang);
    let opened = Case::open_existing(case_dir).map_err(|e| e.message(lang))?;
    let face = FontFace::embedded().map_err(|e| render_failure(lang, &e))?;
    let dir = free_name(parent, case);
    let made =
        make(&opened, job, &dir, BundleOptions::default(), &face).map_err(|e| e.message(lang, None))?;
    notes.extend(missing_warning_on_screen(lang, &made.rendered.missing));
    notes.extend(undecodable_notes(lang, &made.rendered.undecodable));
    notes.extend(made.missing.iter().map(|sha| {
        crate::i18n::tr(
            lang,
            format!("附件 {sha} 不在证据库中，没有放进文件夹。"),
            format!("The attachment {sha} is not in the vault and is not in the folder."),
        )
    }));
    Ok(BundleDone {
        dir: made.dir,
        files: made.files,
        fingerprint: made.fingerprint,
        notes,
    })
}

/// A name not taken in `parent`: `leakaid-证据-CASE-YYYYMMDD-HHMMSS[-N]`, with what Windows
/// forbids in CASE written `_`.
fn free_name(parent: &Path, case: &str) -> PathBuf {
    let p = crate::pdf::export::dated_name(parent, &format!("证据-{case}"), "x");
    let stem = p
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut dir = parent.join(&stem);
    let mut n = 2;
    while fs::symlink_metadata(&dir).is_ok() {
        dir = parent.join(format!("{stem}-{n}"));
        n += 1;
    }
    dir
}

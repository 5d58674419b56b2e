//! `leakaid backup FILE`: the case folder and the settings, as a tar archive inside an age file,
//! streamed from the files on disk to the backup file, written durably.

use std::fs::File;
use std::io::{self, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use super::layout;
use super::{BackupError, FORMAT, MANIFEST, Manifest, SecretString, Work};
use crate::case::ops::EXPORTS_DIR;
use crate::case::verify::{Report, verify};
use crate::durable::{self, Replace};
use crate::journal::{JOURNAL_FILE, Journal, QUARANTINE_DIR};
use crate::vault::Vault;

/// What a backup holds.
#[derive(Debug)]
pub struct Made {
    /// The check of the case as it was backed up: its fingerprint, problems and warnings.
    pub report: Report,
    /// Files in the archive (journal, attachments, exports, settings).
    pub files: u64,
    /// Files in the case folder left out: not part of a case (a name that is no hash in the
    /// vault, a folder inside `exports/`).
    pub skipped: Vec<PathBuf>,
    /// The size of the backup file.
    pub size: u64,
}

/// Backs up the case at `case_dir` (with the settings of the data folder `settings_root`)
/// into `dest`, encrypted to `passphrase`. Success is returned only once the file is on disk
/// under its name; on failure nothing is left at `dest` (an existing file is kept, or replaced
/// whole with [`Replace::Yes`]).
pub fn make(
    case_dir: &Path,
    settings_root: Option<&Path>,
    dest: &Path,
    replace: Replace,
    passphrase: SecretString,
    work: Work,
) -> Result<Made, BackupError> {
    if !case_dir.join(JOURNAL_FILE).is_file() {
        return Err(BackupError::NoCase(case_dir.to_path_buf()));
    }
    check_destination(case_dir, dest, replace)?;

    // The journal is held with the shared lock while it is checked and copied: no append can
    // come between the fingerprint and the bytes in the archive. Attachments are never changed
    // and are kept before the line naming them is written, so the vault needs no lock.
    let journal = Journal::at(case_dir);
    let Some(locked) = journal.open_shared()? else {
        return Err(BackupError::NoCase(case_dir.to_path_buf()));
    };
    let journal_len = locked
        .metadata()
        .map_err(|e| BackupError::Io(journal.path().to_path_buf(), e))?
        .len();
    let vault = Vault::of_case(case_dir);
    let report = verify(&journal, &vault, None)?;

    let mut files: Vec<(String, PathBuf)> = Vec::new();
    let mut skipped = Vec::new();
    let mut list = |sub: &str, keep: fn(&str) -> bool| -> Result<(), BackupError> {
        let dir = case_dir.join(sub);
        for (name, path, regular) in listing(&dir)? {
            if name.starts_with('.') {
                continue; // a temporary file of a save in progress
            }
            if regular && keep(&name) {
                files.push((layout::in_case(sub, &name), path));
            } else {
                skipped.push(path);
            }
        }
        Ok(())
    };
    list(crate::vault::VAULT_DIR, layout::is_sha256)?;
    list(QUARANTINE_DIR, layout::is_plain_name)?;
    list(EXPORTS_DIR, layout::is_plain_name)?;
    let settings = settings_root
        .map(crate::config::path_in)
        .filter(|p| std::fs::symlink_metadata(p).is_ok_and(|m| m.is_file()));

    let manifest = Manifest {
        format: FORMAT.to_string(),
        version: 1,
        fingerprint: report.fingerprint.to_string(),
        intact: report.is_intact(),
        attachments: report.attachments,
    };
    let manifest = serde_json::to_vec_pretty(&manifest)
        .map_err(|e| BackupError::Io(dest.to_path_buf(), io::Error::other(e)))?;

    let mut failed_at: Option<PathBuf> = None;
    let written = durable::write_file_with(dest, replace, |out| {
        let mut recipient = age::scrypt::Recipient::new(passphrase);
        if let Work::LogN(n) = work {
            recipient.set_work_factor(n.clamp(1, 30));
        }
        let encryptor = age::Encryptor::with_recipients(std::iter::once(&recipient as &dyn age::Recipient))
            .map_err(io::Error::other)?;
        let sealed = encryptor.wrap_output(BufWriter::with_capacity(1 << 18, &mut *out))?;
        let mut tar = tar::Builder::new(sealed);
        tar.follow_symlinks(false);
        append(&mut tar, MANIFEST, manifest.len() as u64, manifest.as_slice())?;
        for dir in layout::DIRS {
            let mut h = header(tar::EntryType::Directory, 0o700, 0);
            tar.append_data(&mut h, format!("{dir}/"), io::empty())?;
        }
        let mut journal_file = &locked;
        append(&mut tar, &layout::journal(), journal_len, &mut journal_file)
            .map_err(|e| note(&mut failed_at, journal.path(), e))?;
        for (name, path) in &files {
            append_file(&mut tar, name, path).map_err(|e| note(&mut failed_at, path, e))?;
        }
        if let Some(path) = &settings {
            append_file(&mut tar, &layout::settings(), path).map_err(|e| note(&mut failed_at, path, e))?;
        }
        let sealed = tar.into_inner()?;
        let mut buffered = sealed.finish()?;
        buffered.flush()?;
        Ok(())
    });
    drop(locked);
    if let Err(e) = written {
        return Err(match (e.kind(), failed_at) {
            (io::ErrorKind::AlreadyExists, None) => BackupError::Exists(dest.to_path_buf()),
            (_, Some(path)) => BackupError::Io(path, e),
            (_, None) => BackupError::Io(dest.to_path_buf(), e),
        });
    }
    let size = std::fs::metadata(dest).map(|m| m.len()).unwrap_or(0);
    Ok(Made {
        report,
        files: files.len() as u64 + 1 + u64::from(settings.is_some()),
        skipped,
        size,
    })
}

/// Refuses a destination that is taken (unless replacing), is in a folder that does not
/// exist, or lies inside the case folder itself.
fn check_destination(case_dir: &Path, dest: &Path, replace: Replace) -> Result<(), BackupError> {
    let parent = match dest.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let Ok(parent) = parent.canonicalize() else {
        return Err(BackupError::NoFolder(parent.to_path_buf()));
    };
    if !parent.is_dir() {
        return Err(BackupError::NoFolder(parent));
    }
    let case = case_dir
        .canonicalize()
        .map_err(|e| BackupError::Io(case_dir.to_path_buf(), e))?;
    if parent.starts_with(&case) {
        return Err(BackupError::InsideCase(dest.to_path_buf()));
    }
    match std::fs::symlink_metadata(dest) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(BackupError::Io(dest.to_path_buf(), e)),
        Ok(_) if replace == Replace::No => Err(BackupError::Exists(dest.to_path_buf())),
        Ok(_) => {
            durable::refuse_unless_regular_or_absent(dest).map_err(|e| BackupError::Io(dest.to_path_buf(), e))
        }
    }
}

/// The entries of `dir` (none when it does not exist): name, path, and whether it is a
/// regular file (links are not followed).
fn listing(dir: &Path) -> Result<Vec<(String, PathBuf, bool)>, BackupError> {
    let rd = match std::fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(BackupError::Io(dir.to_path_buf(), e)),
    };
    let mut out = Vec::new();
    for e in rd {
        let e = e.map_err(|err| BackupError::Io(dir.to_path_buf(), err))?;
        let regular = e.file_type().is_ok_and(|t| t.is_file());
        // A name that is not UTF-8 is no name leakaid gave: it is left out (and said).
        let name = e.file_name().to_str().map(str::to_string).unwrap_or_default();
        out.push((name, e.path(), regular));
    }
    out.sort();
    Ok(out)
}

/// Remembers which file a failure was about.
fn note(at: &mut Option<PathBuf>, path: &Path, e: io::Error) -> io::Error {
    at.get_or_insert_with(|| path.to_path_buf());
    e
}

/// A header for an entry: no owner, no time, only the kind, the mode and the size.
fn header(kind: tar::EntryType, mode: u32, size: u64) -> tar::Header {
    let mut h = tar::Header::new_gnu();
    h.set_entry_type(kind);
    h.set_mode(mode);
    h.set_size(size);
    h.set_mtime(0);
    h
}

/// Adds a file of `size` bytes read from `data`.
fn append<W: Write>(tar: &mut tar::Builder<W>, name: &str, size: u64, data: impl Read) -> io::Result<()> {
    let mut h = header(tar::EntryType::Regular, 0o600, size);
    tar.append_data(
        &mut h,
        name,
        Exact {
            inner: data.take(size),
            left: size,
        },
    )
}

/// A reader that fails when its file ends before the size written in the header: a shorter
/// file would leave an archive whose entries no longer line up.
struct Exact<R> {
    inner: R,
    left: u64,
}

impl<R: Read> Read for Exact<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        if n == 0 && self.left > 0 && !buf.is_empty() {
            return Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                "file shrank while it was copied",
            ));
        }
        self.left -= n as u64;
        Ok(n)
    }
}

/// Adds the file at `path`, opened without following a link and streamed.
fn append_file<W: Write>(tar: &mut tar::Builder<W>, name: &str, path: &Path) -> io::Result<()> {
    let file = open_no_follow(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(io::Error::new(io::ErrorKind::InvalidInput, "not a regular file"));
    }
    append(tar, name, meta.len(), file)
}

/// Opens `path` to read, refusing a link (and never blocking on a FIFO put in its place).
fn open_no_follow(path: &Path) -> io::Result<File> {
    let mut o = std::fs::OpenOptions::new();
    o.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_CLOEXEC);
    }
    o.open(path)
}

//! `leakaid restore FILE`: decrypts and unpacks a backup into a temporary folder beside the
//! new case, checks every name on the way, checks the case it unpacked (chain, attachments,
//! the fingerprint the backup recorded), and only then renames it into place.

use std::cell::Cell;
use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::rc::Rc;

use super::layout::{self, Item};
use super::{BackupError, FORMAT, Manifest, SecretString};
use crate::case::verify::verify;
use crate::durable;
use crate::journal::{Fingerprint, Journal};
use crate::vault::Vault;

/// What a restore made.
#[derive(Debug)]
pub struct Restored {
    /// The fingerprint of the restored case: the one `backup` printed.
    pub fingerprint: Fingerprint,
    /// Attachments restored and checked.
    pub attachments: u64,
    /// Whether the restored case verifies (a case that did not when it was backed up comes
    /// back as it was).
    pub intact: bool,
    /// Whether the backup's settings became the data folder's (only where it had none).
    pub settings: bool,
}

/// The largest description an archive may carry (it is a few lines).
const MANIFEST_MAX: u64 = 64 * 1024;

/// Restores the backup `src` into the new case folder `case_dir` in the data folder
/// `data_root`. `max_work` caps scrypt's work factor (age's own cap when `None`). Nothing is
/// left behind on failure; an existing case (or anything at `case_dir`) is never touched.
pub fn restore(
    src: &Path,
    data_root: &Path,
    case_dir: &Path,
    passphrase: SecretString,
    max_work: Option<u8>,
) -> Result<Restored, BackupError> {
    if std::fs::symlink_metadata(case_dir).is_ok() {
        return Err(BackupError::TargetExists(case_dir.to_path_buf()));
    }
    let file = File::open(src).map_err(|_| BackupError::NotAFile(src.to_path_buf()))?;
    if !file.metadata().is_ok_and(|m| m.is_file()) {
        return Err(BackupError::NotAFile(src.to_path_buf()));
    }
    let file = check_magic(file, src)?;
    let ended = Rc::new(Cell::new(false));
    let counted = EndWatch {
        inner: file,
        ended: Rc::clone(&ended),
    };
    // Not buffered: the stream reads one encrypted chunk at a time straight from the file, so
    // when a chunk fails, `ended` tells whether it was the file's last (the file was cut)
    // or one in the middle (the file was changed).
    let decryptor = age::Decryptor::new(counted).map_err(|e| header_error(e, ended.get(), src))?;
    if !decryptor.is_scrypt() {
        return Err(BackupError::NotABackup);
    }
    let mut identity = age::scrypt::Identity::new(passphrase);
    if let Some(n) = max_work {
        identity.set_max_work_factor(n);
    }
    let plain = decryptor
        .decrypt(std::iter::once(&identity as &dyn age::Identity))
        .map_err(|e| header_error(e, ended.get(), src))?;
    let stream_failed = Rc::new(Cell::new(None));
    let plain = Watched {
        inner: plain,
        failed: Rc::clone(&stream_failed),
    };
    // The caller made sure the data folder exists or may be made.
    durable::private_dir(data_root).map_err(|e| BackupError::Io(data_root.to_path_buf(), e))?;
    let tmp = tempfile::Builder::new()
        .prefix(".restore-")
        .tempdir_in(data_root)
        .map_err(|e| BackupError::Io(data_root.to_path_buf(), e))?;
    private(tmp.path()).map_err(|e| BackupError::Io(tmp.path().to_path_buf(), e))?;

    // Any error from the age stream is about the file (cut short or changed); any other is
    // about the archive inside it, which a passphrase holder made, or about the disk.
    let classify = |e: io::Error, at: &Path| -> BackupError {
        match stream_failed.get() {
            Some(io::ErrorKind::UnexpectedEof) => BackupError::Truncated,
            Some(_) if ended.get() => BackupError::Truncated,
            Some(_) => BackupError::Altered,
            None if at.as_os_str().is_empty() => BackupError::Unexpected(e.to_string()),
            None => BackupError::Io(at.to_path_buf(), e),
        }
    };
    let none = PathBuf::new();
    let mut archive = tar::Archive::new(plain);
    let mut manifest: Option<Manifest> = None;
    let mut settings = false;
    for entry in archive.entries().map_err(|e| classify(e, &none))? {
        let mut entry = entry.map_err(|e| classify(e, &none))?;
        let kind = entry.header().entry_type();
        let raw = entry.path_bytes().into_owned();
        let shown = String::from_utf8_lossy(&raw).into_owned();
        let item = match kind {
            tar::EntryType::Regular | tar::EntryType::Continuous => layout::classify(&raw, false),
            tar::EntryType::Directory => layout::classify(&raw, true),
            _ => None,
        }
        .ok_or_else(|| BackupError::Unexpected(shown.clone()))?;
        if manifest.is_none() && item != Item::Manifest {
            return Err(BackupError::Unexpected(shown));
        }
        match item {
            Item::Manifest => {
                if manifest.is_some() || entry.size() > MANIFEST_MAX {
                    return Err(BackupError::Unexpected(shown));
                }
                let mut text = Vec::new();
                (&mut entry)
                    .take(MANIFEST_MAX)
                    .read_to_end(&mut text)
                    .map_err(|e| classify(e, &none))?;
                let m: Manifest =
                    serde_json::from_slice(&text).map_err(|_| BackupError::Unexpected(shown.clone()))?;
                if m.format != FORMAT || m.version != 1 {
                    return Err(BackupError::Unexpected(shown));
                }
                manifest = Some(m);
            }
            Item::Dir(rel) => {
                let dir = tmp.path().join(&rel);
                if !dir.is_dir() {
                    make_dir(&dir).map_err(|e| BackupError::Io(dir.clone(), e))?;
                }
            }
            Item::CaseFile(rel) => {
                let path = tmp.path().join(&rel);
                write_entry(&mut entry, &path).map_err(|e| {
                    if e.kind() == io::ErrorKind::AlreadyExists {
                        BackupError::Unexpected(shown.clone())
                    } else {
                        classify(e, &path)
                    }
                })?;
            }
            Item::Settings => {
                if entry.size() > 1024 * 1024 {
                    return Err(BackupError::Unexpected(shown));
                }
                let path = tmp.path().join(layout::settings());
                write_entry(&mut entry, &path).map_err(|e| {
                    if e.kind() == io::ErrorKind::AlreadyExists {
                        BackupError::Unexpected(shown.clone())
                    } else {
                        classify(e, &path)
                    }
                })?;
                settings = true;
            }
        }
    }
    // The archive ends before the encrypted stream does: the rest is read to its end, so the
    // last chunk's tag is checked too (a cut or changed end is found here).
    let mut rest = archive.into_inner();
    io::copy(&mut rest, &mut io::sink()).map_err(|e| classify(e, &none))?;
    let manifest = manifest.ok_or_else(|| BackupError::Unexpected("no description".into()))?;

    let unpacked = tmp.path().join(layout::CASE);
    let report = verify(&Journal::at(&unpacked), &Vault::of_case(&unpacked), None)?;
    if report.fingerprint.to_string() != manifest.fingerprint {
        return Err(BackupError::Differs(format!(
            "{} ≠ {}",
            report.fingerprint, manifest.fingerprint
        )));
    }
    if manifest.intact && !report.is_intact() {
        return Err(BackupError::Differs(format!(
            "{} problem(s)",
            report.problems.len()
        )));
    }
    for dir in layout::DIRS {
        let d = tmp.path().join(dir);
        if d.is_dir() {
            durable::sync_dir(&d).map_err(|e| BackupError::Io(d.clone(), e))?;
        }
    }
    // Checked again just before the rename: a case made meanwhile is never replaced.
    if std::fs::symlink_metadata(case_dir).is_ok() {
        return Err(BackupError::TargetExists(case_dir.to_path_buf()));
    }
    std::fs::rename(&unpacked, case_dir).map_err(|e| BackupError::Io(case_dir.to_path_buf(), e))?;
    durable::sync_dir(data_root).map_err(|e| BackupError::Io(data_root.to_path_buf(), e))?;

    // The settings come along only into a data folder that has none.
    let mut settings_restored = false;
    if settings && !crate::config::path_in(data_root).exists() {
        let from = tmp.path().join(layout::settings());
        if let Ok(bytes) = std::fs::read(&from) {
            settings_restored =
                durable::write_file(&crate::config::path_in(data_root), &bytes, durable::Replace::No).is_ok();
        }
    }
    Ok(Restored {
        intact: report.is_intact(),
        fingerprint: report.fingerprint,
        attachments: report.attachments,
        settings: settings_restored,
    })
}

/// The start of every age file.
const MAGIC: &[u8] = b"age-encryption.org/";

/// Refuses a file that is not an age file (or is cut before it could say so), and gives it
/// back from its start.
fn check_magic(mut file: File, src: &Path) -> Result<File, BackupError> {
    use std::io::{Seek, SeekFrom};
    let mut head = Vec::with_capacity(MAGIC.len());
    (&mut file)
        .take(MAGIC.len() as u64)
        .read_to_end(&mut head)
        .map_err(|e| BackupError::Io(src.to_path_buf(), e))?;
    if head.len() < MAGIC.len() && MAGIC.starts_with(&head) && !head.is_empty() {
        return Err(BackupError::Truncated);
    }
    if head != MAGIC {
        return Err(BackupError::NotABackup);
    }
    file.seek(SeekFrom::Start(0))
        .map_err(|e| BackupError::Io(src.to_path_buf(), e))?;
    Ok(file)
}

/// Words an error age gave before any content was read.
fn header_error(e: age::DecryptError, ended: bool, src: &Path) -> BackupError {
    use age::DecryptError as D;
    match e {
        D::DecryptionFailed | D::NoMatchingKeys | D::KeyDecryptionFailed => BackupError::WrongPassphrase,
        D::InvalidMac => BackupError::Altered,
        D::ExcessiveWork { .. } => BackupError::TooMuchWork,
        D::Io(e) if e.kind() == io::ErrorKind::UnexpectedEof || ended => BackupError::Truncated,
        D::InvalidHeader if ended => BackupError::Truncated,
        D::Io(e) => BackupError::Io(src.to_path_buf(), e),
        // The file began with age's own first line (checked before this), so a header that
        // does not read after it was damaged or changed, not some other kind of file.
        _ => BackupError::Altered,
    }
}

/// Creates a private folder (and its missing parents) inside the unpacking folder.
fn make_dir(dir: &Path) -> io::Result<()> {
    durable::private_dir(dir)
}

/// Sets 0700 on a folder made by `tempfile`.
fn private(dir: &Path) -> io::Result<()> {
    durable::make_private(dir)
}

/// Writes one file of the archive to `path` (never over anything, never through a link),
/// private (0600), and synced.
fn write_entry(entry: &mut impl Read, path: &Path) -> io::Result<()> {
    if let Some(parent) = path.parent()
        && !parent.is_dir()
    {
        make_dir(parent)?;
    }
    let mut o = durable::private_options();
    o.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.custom_flags(libc::O_NOFOLLOW | libc::O_CLOEXEC);
    }
    let mut f = o.open(path)?;
    io::copy(entry, &mut f)?;
    f.sync_all()
}

/// A reader that notes when its file has been read to the end.
struct EndWatch<R> {
    inner: R,
    ended: Rc<Cell<bool>>,
}

impl<R: Read> Read for EndWatch<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        if n == 0 && !buf.is_empty() {
            self.ended.set(true);
        }
        Ok(n)
    }
}

/// A reader that notes the kind of the first error the decrypting stream gave.
struct Watched<R> {
    inner: R,
    failed: Rc<Cell<Option<io::ErrorKind>>>,
}

impl<R: Read> Read for Watched<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.inner.read(buf).inspect_err(|e| {
            if self.failed.get().is_none() {
                self.failed.set(Some(e.kind()));
            }
        })
    }
}

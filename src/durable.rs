//! The durable file-system steps every writer here shares: private folders (0700), private
//! files (0600), fsync of a folder after a name appears in it, write-then-rename through
//! temporary files with random names, and sweeping the temporary files a killed writer left.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::Path;

#[cfg(unix)]
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};

/// Creates `dir` and missing parents with mode 0700; an existing folder is left as it is.
pub fn private_dir(dir: &Path) -> io::Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    let mut b = fs::DirBuilder::new();
    b.recursive(true);
    #[cfg(unix)]
    b.mode(0o700);
    b.create(dir)?;
    #[cfg(unix)]
    fs::set_permissions(dir, fs::Permissions::from_mode(0o700))?;
    if let Some(parent) = dir.parent() {
        sync_dir(parent)?;
    }
    Ok(())
}

/// Makes an existing folder private (0700): one made by `tempfile`, say, before it is renamed
/// into place. On Windows the folder keeps the access list it inherits.
pub fn make_private(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    fs::set_permissions(dir, fs::Permissions::from_mode(0o700))?;
    let _ = dir;
    Ok(())
}

/// Options for opening or creating a private (0600) file.
///
/// Windows has no modes: a file or folder made there takes the access list of the folder
/// it is made in. leakaid does not change it. In the default data folder (`%APPDATA%`) that
/// list lets in the user, SYSTEM and the computer's administrators, and no other account;
/// under a folder named with `--data-dir` (say `D:\案件`) it is whatever that folder allows,
/// which on a second disk often includes every signed-in user.
#[cfg_attr(not(unix), allow(unused_mut))]
pub fn private_options() -> OpenOptions {
    let mut o = OpenOptions::new();
    #[cfg(unix)]
    o.mode(0o600);
    o
}

/// Makes a folder's entries durable (a new or renamed name in it survives a crash).
///
/// Windows has no fsync of a folder: there, the renames made here are write-through
/// (`MOVEFILE_WRITE_THROUGH`, see [`write_file`]) and NTFS journals the creation of a name, so
/// this does nothing.
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        File::open(dir)?.sync_all()
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        Ok(())
    }
}

/// Whether a durable write may replace a file that is already at the destination.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Replace {
    /// Refuse with [`io::ErrorKind::AlreadyExists`] when the name is taken (checked
    /// atomically by the rename itself).
    No,
    /// Replace a regular file atomically.
    Yes,
}

/// The marker every temporary name written here carries: `.NAME.tmp-RANDOM`.
pub const TEMP_MARK: &str = ".tmp-";

/// A new private temporary file in `dir`, created with `O_EXCL | O_NOFOLLOW` under a random
/// name starting with `prefix` (which should start with a dot and name what it is for), mode
/// 0600, and locked for as long as it is open, so [`sweep_stale`] can tell it from one left
/// by a process that was killed. It is removed when dropped, unless it was persisted.
pub fn temp_file(dir: &Path, prefix: &str) -> io::Result<tempfile::NamedTempFile> {
    let f = tempfile::Builder::new()
        .prefix(prefix)
        .rand_bytes(12)
        .make_in(dir, |path| {
            let mut o = private_options();
            o.read(true).write(true).create_new(true);
            #[cfg(unix)]
            o.custom_flags(libc::O_NOFOLLOW | libc::O_CLOEXEC);
            o.open(path)
        })?;
    f.as_file().lock()?;
    Ok(f)
}

/// The temp-file prefix for a write to `dest`: `.NAME.tmp-`, the name cut so the whole
/// temporary name stays well under the 255-byte limit of a file name.
fn temp_prefix(dest: &Path) -> String {
    let name = dest
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut cut = name.len().min(100);
    while !name.is_char_boundary(cut) {
        cut -= 1;
    }
    format!(".{}{TEMP_MARK}", &name[..cut])
}

/// Writes `bytes` to `dest` durably: a new temporary file in the same folder (see
/// [`temp_file`]), fsync, rename, fsync of the folder. The file is private (0600). With
/// [`Replace::No`] an existing name is never replaced; with [`Replace::Yes`] only a regular
/// file is (a link, device or folder at `dest` is refused).
pub fn write_file(dest: &Path, bytes: &[u8], replace: Replace) -> io::Result<()> {
    write_file_with(dest, replace, |f| f.write_all(bytes))
}

/// As [`write_file`], with the content written by `fill` (so a large file is streamed, never
/// held in memory whole).
pub fn write_file_with(
    dest: &Path,
    replace: Replace,
    fill: impl FnOnce(&mut File) -> io::Result<()>,
) -> io::Result<()> {
    let dir = match dest.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if replace == Replace::Yes {
        refuse_unless_regular_or_absent(dest)?;
    }
    let prefix = temp_prefix(dest);
    // What an earlier write to the same name left when it was killed (it may hold a whole
    // packet with the ID number): gone before this one starts.
    sweep_matching(&[dir], |name| name.starts_with(&prefix));
    let mut tmp = temp_file(dir, &prefix)?;
    fill(tmp.as_file_mut())?;
    tmp.as_file().sync_all()?;
    persist(tmp, dest, replace)?;
    sync_dir(dir)
}

/// Renames the written (and synced) temporary file to `dest`, atomically, replacing or
/// refusing as `replace` says ([`io::ErrorKind::AlreadyExists`] when refused). The temporary
/// file is removed when the rename fails. The caller syncs the folder.
#[cfg(not(windows))]
pub fn persist(tmp: tempfile::NamedTempFile, dest: &Path, replace: Replace) -> io::Result<()> {
    match replace {
        Replace::Yes => tmp.persist(dest).map_err(|e| e.error)?,
        Replace::No => tmp.persist_noclobber(dest).map_err(|e| e.error)?,
    };
    Ok(())
}

/// On Windows the rename is `MoveFileExW` with `MOVEFILE_WRITE_THROUGH`, made while the
/// temporary file is still open and locked (std opens files with `FILE_SHARE_DELETE`, so it
/// may be renamed), so no sweep can take it between the close and the rename.
#[cfg(windows)]
pub fn persist(tmp: tempfile::NamedTempFile, dest: &Path, replace: Replace) -> io::Result<()> {
    let (file, path) = tmp.into_parts();
    crate::winsys::rename(&path, dest, replace == Replace::Yes)?;
    // Renamed: nothing is left at the temporary name to remove.
    let _ = path.keep();
    drop(file);
    Ok(())
}

/// Writes `bytes` to `dest` durably, replacing a regular file already there (see
/// [`write_file`]).
pub fn write_replacing(dest: &Path, bytes: &[u8]) -> io::Result<()> {
    write_file(dest, bytes, Replace::Yes)
}

/// Fails unless `path` is absent or a regular file (not a link, device, FIFO or folder).
pub fn refuse_unless_regular_or_absent(path: &Path) -> io::Result<()> {
    match fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_file() => Ok(()),
        Ok(m) if m.file_type().is_dir() => Err(io::Error::from(io::ErrorKind::IsADirectory)),
        Ok(_) => Err(io::Error::new(io::ErrorKind::InvalidInput, "not a regular file")),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e),
    }
}

/// Temporary files left behind by writers that were killed, and removed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Swept {
    /// How many files were removed.
    pub files: u64,
    /// Their total size in bytes.
    pub bytes: u64,
}

impl Swept {
    /// The one line telling the user what was removed, or `None` when nothing was.
    pub fn message(&self, lang: crate::i18n::Lang) -> Option<String> {
        (self.files > 0).then(|| {
            crate::i18n::tr(
                lang,
                format!(
                    "提示：已清除被中断的保存留下的 {} 个临时文件（共 {} 字节）；记录和证据库没有受影响。",
                    self.files, self.bytes
                ),
                format!(
                    "Note: removed {} temporary file(s) ({} bytes) left by interrupted saves; the record and the vault are unaffected.",
                    self.files, self.bytes
                ),
            )
        })
    }
}

/// True for a name leakaid gives its temporary files (`.NAME.tmp-…`, `.incoming-…`).
pub fn is_temp_name(name: &str) -> bool {
    name.starts_with('.') && (name.contains(TEMP_MARK) || name.starts_with(".incoming-"))
}

/// Removes the temporary files in `dirs` that no running writer holds: a writer keeps its
/// temporary file locked until it is renamed, so an unlocked one that is older than this
/// sweep was left by a process that was killed. Names that are not ours are never touched;
/// a link at one of our names is removed (the link, never what it points to).
pub fn sweep_stale(dirs: &[&Path]) -> Swept {
    sweep_matching(dirs, is_temp_name)
}

/// As [`sweep_stale`], for the temporary names `ours` picks.
fn sweep_matching(dirs: &[&Path], ours: impl Fn(&str) -> bool) -> Swept {
    let started = std::time::SystemTime::now();
    let mut swept = Swept::default();
    for dir in dirs {
        let Ok(rd) = fs::read_dir(dir) else { continue };
        for e in rd.flatten() {
            let name = e.file_name();
            if !name.to_str().is_some_and(|n| is_temp_name(n) && ours(n)) {
                continue;
            }
            let path = e.path();
            let Ok(meta) = fs::symlink_metadata(&path) else {
                continue;
            };
            let t = meta.file_type();
            let stale = if t.is_file() {
                meta.modified().is_ok_and(|m| m < started) && !held_by_a_writer(&path)
            } else {
                !t.is_dir()
            };
            if stale && fs::remove_file(&path).is_ok() {
                swept.files += 1;
                swept.bytes += if t.is_file() { meta.len() } else { 0 };
            }
        }
        if swept.files > 0 {
            let _ = sync_dir(dir);
        }
    }
    swept
}

/// True when another open file holds the lock on `path` (its writer is still running).
fn held_by_a_writer(path: &Path) -> bool {
    let mut o = OpenOptions::new();
    o.read(true);
    #[cfg(unix)]
    o.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_CLOEXEC);
    match o.open(path) {
        Ok(f) => match f.try_lock() {
            Ok(()) => {
                let _ = f.unlock();
                false
            }
            Err(_) => true,
        },
        // Cannot look: leave it alone.
        Err(_) => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replace_no_never_overwrites_and_yes_does() {
        let dir = tempfile::tempdir().expect("tmp");
        let p = dir.path().join("out.csv");
        write_file(&p, b"one", Replace::No).expect("new name");
        let e = write_file(&p, b"two", Replace::No).expect_err("taken");
        assert_eq!(e.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(fs::read(&p).expect("read"), b"one");
        write_file(&p, b"two", Replace::Yes).expect("replace");
        assert_eq!(fs::read(&p).expect("read"), b"two");
        let left: Vec<_> = fs::read_dir(dir.path()).expect("ls").flatten().collect();
        assert_eq!(left.len(), 1, "no temporary file is left behind");
    }

    #[cfg(unix)]
    #[test]
    fn a_link_at_the_destination_is_never_written_through() {
        let dir = tempfile::tempdir().expect("tmp");
        let victim = dir.path().join("victim");
        fs::write(&victim, b"keep").expect("write");
        let p = dir.path().join("out.pdf");
        std::os::unix::fs::symlink(&victim, &p).expect("link");
        assert!(write_file(&p, b"x", Replace::Yes).is_err());
        assert!(write_file(&p, b"x", Replace::No).is_err());
        assert_eq!(fs::read(&victim).expect("read"), b"keep");
        assert!(
            fs::symlink_metadata(&p)
                .expect("still a link")
                .file_type()
                .is_symlink()
        );
    }

    #[cfg(unix)]
    #[test]
    fn temp_files_are_private_and_locked_while_open() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("tmp");
        let t = temp_file(dir.path(), ".x.tmp-").expect("temp");
        let mode = fs::metadata(t.path()).expect("meta").permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        assert!(held_by_a_writer(t.path()));
        assert_eq!(
            sweep_stale(&[dir.path()]),
            Swept::default(),
            "a live temp file stays"
        );
        assert!(t.path().exists());
    }

    /// A temporary file of `len` bytes, a minute old and held by no one.
    fn left_by_a_killed_writer(path: &Path, len: u64) {
        let f = fs::File::create(path).expect("create");
        f.set_len(len).expect("len");
        f.set_modified(std::time::SystemTime::now() - std::time::Duration::from_secs(60))
            .expect("mtime");
    }

    /// The names in `dir`, sorted.
    fn names_in(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .expect("ls")
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn stale_temp_files_are_swept_and_others_kept() {
        let dir = tempfile::tempdir().expect("tmp");
        for (name, len) in [(".incoming-123-456", 5u64), (".a.pdf.tmp-99", 7)] {
            left_by_a_killed_writer(&dir.path().join(name), len);
        }
        fs::write(dir.path().join("keep.tmp-1"), b"x").expect("write");
        fs::write(dir.path().join(".hidden"), b"x").expect("write");
        let swept = sweep_stale(&[dir.path(), &dir.path().join("missing")]);
        assert_eq!(swept, Swept { files: 2, bytes: 12 });
        let left = names_in(dir.path());
        assert_eq!(left, vec![".hidden", "keep.tmp-1"]);
    }

    #[test]
    fn a_write_sweeps_what_a_killed_write_to_the_same_name_left_and_nothing_else() {
        let dir = tempfile::tempdir().expect("tmp");
        // A killed `export pdf -o x.pdf` (the whole packet), and another file's leftover.
        for name in [".x.pdf.tmp-AbC123", ".y.pdf.tmp-AbC123"] {
            left_by_a_killed_writer(&dir.path().join(name), 9);
        }
        write_file(&dir.path().join("x.pdf"), b"%PDF-", Replace::No).expect("write");
        let left = names_in(dir.path());
        assert_eq!(left, vec![".y.pdf.tmp-AbC123", "x.pdf"]);
    }
}

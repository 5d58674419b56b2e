//! The evidence vault: files kept in the case folder under their SHA-256, never modified or
//! deleted by the program.

use std::fs::File;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::case::event::Attachment;
use crate::case::text::{MAX_LINE_CHARS, clean_line, shown_line};
use crate::durable;

/// The name of the vault folder inside a case folder.
pub const VAULT_DIR: &str = "vault";

/// The vault of one case.
#[derive(Clone, Debug)]
pub struct Vault {
    dir: PathBuf,
}

/// Why a file could not be stored.
#[derive(Debug, thiserror::Error)]
pub enum VaultError {
    /// The file does not exist.
    #[error("{0}: no such file")]
    Missing(PathBuf),
    /// The path is a folder.
    #[error("{0}: is a folder")]
    IsFolder(PathBuf),
    /// Reading the source or writing the vault failed.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: io::Error,
    },
}

impl Vault {
    /// The vault of the case folder `case_dir`.
    pub fn of_case(case_dir: &Path) -> Vault {
        Vault {
            dir: case_dir.join(VAULT_DIR),
        }
    }

    /// The vault folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Where the file with this hash is kept.
    pub fn path_of(&self, sha256: &str) -> PathBuf {
        self.dir.join(sha256)
    }

    /// Checks that `src` is a readable file, before anything is stored, so that a bad path
    /// among several leaves the vault and the journal untouched.
    pub fn check_source(src: &Path) -> Result<(), VaultError> {
        let meta = std::fs::metadata(src).map_err(|e| match e.kind() {
            io::ErrorKind::NotFound => VaultError::Missing(src.to_path_buf()),
            _ => VaultError::Io {
                path: src.to_path_buf(),
                source: e,
            },
        })?;
        if meta.is_dir() {
            return Err(VaultError::IsFolder(src.to_path_buf()));
        }
        File::open(src).map_err(|source| VaultError::Io {
            path: src.to_path_buf(),
            source,
        })?;
        Ok(())
    }

    /// Copies `src` into the vault durably (temp file → fsync → rename to its hash → fsync
    /// the folder) and describes it. A file already in the vault is not written again.
    pub fn store(&self, src: &Path) -> Result<Attachment, VaultError> {
        Vault::check_source(src)?;
        let io_err = |path: &Path| {
            let path = path.to_path_buf();
            move |source| VaultError::Io { path, source }
        };
        durable::private_dir(&self.dir).map_err(io_err(&self.dir))?;
        let tmp = self
            .dir
            .join(format!(".incoming-{}-{}", std::process::id(), unique()));
        let copied = copy_hashing(src, &tmp);
        let (sha256, size, head) = match copied {
            Ok(v) => v,
            Err(e) => {
                let _ = std::fs::remove_file(&tmp);
                return Err(e);
            }
        };
        let dest = self.path_of(&sha256);
        if dest.exists() {
            let _ = std::fs::remove_file(&tmp);
        } else {
            std::fs::rename(&tmp, &dest).map_err(io_err(&dest))?;
            durable::sync_dir(&self.dir).map_err(io_err(&self.dir))?;
        }
        // A file name comes from outside: cleaned like any other one-line value.
        let raw_name = src
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let original_name = clean_line(&raw_name, MAX_LINE_CHARS)
            .unwrap_or_else(|_| shown_line(&raw_name).chars().take(MAX_LINE_CHARS).collect());
        let media_type = media_type(&original_name, &head).to_string();
        Ok(Attachment {
            sha256,
            original_name,
            size,
            media_type,
        })
    }

    /// Hashes the stored file with this name; `None` when it is missing.
    pub fn rehash(&self, sha256: &str) -> io::Result<Option<String>> {
        match File::open(self.path_of(sha256)) {
            Ok(f) => hash_reader(f).map(|(h, _)| Some(h)),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Names of the files in the vault (hidden temporary files excluded).
    pub fn stored_names(&self) -> io::Result<Vec<String>> {
        self.names_where(|n| !n.starts_with('.'))
    }

    /// Names of the hidden (dot) files in the vault: never attachments, so each is either a
    /// save still in progress (or cut off) or something put there by hand.
    pub fn hidden_names(&self) -> io::Result<Vec<String>> {
        self.names_where(|n| n.starts_with('.'))
    }

    fn names_where(&self, keep: impl Fn(&str) -> bool) -> io::Result<Vec<String>> {
        let mut names = Vec::new();
        match std::fs::read_dir(&self.dir) {
            Ok(rd) => {
                for e in rd {
                    let name = e?.file_name().to_string_lossy().into_owned();
                    if keep(&name) {
                        names.push(name);
                    }
                }
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(e),
        }
        names.sort();
        Ok(names)
    }
}

fn unique() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0)
}

/// Copies while hashing; returns the hash, the size and the first bytes (for the media type).
fn copy_hashing(src: &Path, tmp: &Path) -> Result<(String, u64, Vec<u8>), VaultError> {
    let src_err = |source| VaultError::Io {
        path: src.to_path_buf(),
        source,
    };
    let tmp_err = |source| VaultError::Io {
        path: tmp.to_path_buf(),
        source,
    };
    let mut input = File::open(src).map_err(src_err)?;
    let mut out = durable::private_options()
        .write(true)
        .create_new(true)
        .open(tmp)
        .map_err(tmp_err)?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 256 * 1024];
    let mut size = 0u64;
    let mut head = Vec::new();
    loop {
        let n = input.read(&mut buf).map_err(src_err)?;
        if n == 0 {
            break;
        }
        if head.len() < 64 {
            head.extend_from_slice(&buf[..n.min(64 - head.len())]);
        }
        hasher.update(&buf[..n]);
        out.write_all(&buf[..n]).map_err(tmp_err)?;
        size += n as u64;
    }
    out.sync_all().map_err(tmp_err)?;
    Ok((hex::encode(hasher.finalize()), size, head))
}

/// SHA-256 and length of everything a reader yields.
pub fn hash_reader(mut r: impl Read) -> io::Result<(String, u64)> {
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 256 * 1024];
    let mut size = 0u64;
    loop {
        let n = r.read(&mut buf)?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
        size += n as u64;
    }
    Ok((hex::encode(hasher.finalize()), size))
}

/// The media type from the first bytes, falling back to the file name's extension.
pub fn media_type(name: &str, head: &[u8]) -> &'static str {
    let magic: &[(&[u8], &str)] = &[
        (b"\x89PNG\r\n\x1a\n", "image/png"),
        (b"\xff\xd8\xff", "image/jpeg"),
        (b"GIF8", "image/gif"),
        (b"%PDF-", "application/pdf"),
        (b"#!AMR", "audio/amr"),
        (b"ID3", "audio/mpeg"),
        (b"PK\x03\x04", "application/zip"),
    ];
    if let Some((_, t)) = magic.iter().find(|(m, _)| head.starts_with(m)) {
        return t;
    }
    if head.len() >= 12 && &head[4..8] == b"ftyp" {
        return if head[8..12].starts_with(b"M4A") {
            "audio/mp4"
        } else {
            "video/mp4"
        };
    }
    if head.starts_with(b"RIFF") && head.len() >= 12 && &head[8..12] == b"WAVE" {
        return "audio/wav";
    }
    let ext = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "eml" => "message/rfc822",
        "txt" | "log" => "text/plain",
        "md" => "text/markdown",
        "html" | "htm" => "text/html",
        "csv" => "text/csv",
        "webp" => "image/webp",
        "heic" => "image/heic",
        "m4a" => "audio/mp4",
        "mp3" => "audio/mpeg",
        "amr" => "audio/amr",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stores_under_its_hash_and_keeps_the_name() {
        let dir = tempfile::tempdir().expect("tempdir");
        let src = dir.path().join("截图.png");
        std::fs::write(&src, b"\x89PNG\r\n\x1a\nrest").expect("write");
        let v = Vault::of_case(&dir.path().join("case"));
        let a = v.store(&src).expect("store");
        assert_eq!(a.original_name, "截图.png");
        assert_eq!(a.media_type, "image/png");
        assert_eq!(a.size, 12);
        assert_eq!(
            std::fs::read(v.path_of(&a.sha256)).expect("stored"),
            std::fs::read(&src).expect("src")
        );
        assert_eq!(
            v.rehash(&a.sha256).expect("rehash").as_deref(),
            Some(a.sha256.as_str())
        );
        assert_eq!(v.store(&src).expect("again").sha256, a.sha256);
        assert_eq!(v.stored_names().expect("names"), vec![a.sha256]);
    }

    #[test]
    fn refuses_folders_and_missing_files() {
        let dir = tempfile::tempdir().expect("tempdir");
        let v = Vault::of_case(dir.path());
        assert!(matches!(v.store(dir.path()), Err(VaultError::IsFolder(_))));
        assert!(matches!(
            v.store(&dir.path().join("nope")),
            Err(VaultError::Missing(_))
        ));
    }
}

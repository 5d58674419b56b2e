//! The evidence vault: files kept in the case folder under their SHA-256, never modified by
//! the program. The vault knows files and hashes, not the case's events: the case decides
//! when a received file becomes part of the record.
//!
//! A file enters in two steps so that a refused append leaves the vault as it was:
//! [`Vault::receive`] copies it (bounded, regular files only) into a locked temporary file
//! and hashes it; [`Vault::keep`], called with the journal's lock held, gives it its hash as
//! name. If the append is then refused, [`Vault::remove_kept`] takes back exactly the names
//! that call created.

use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::durable;
use crate::userfile::{self, NotRegular, Purpose, UserFileError};

/// The name of the vault folder inside a case folder.
pub const VAULT_DIR: &str = "vault";

/// The prefix of a file being received into the vault.
pub const INCOMING_PREFIX: &str = ".incoming-";

/// The vault of one case.
#[derive(Clone, Debug)]
pub struct Vault {
    dir: PathBuf,
}

/// Why a file could not be stored.
#[derive(Debug, thiserror::Error)]
pub enum VaultError {
    /// The user's file cannot be read: missing, not a regular file, too large.
    #[error(transparent)]
    Source(#[from] UserFileError),
    /// Writing the vault failed.
    #[error("{path}: {source}")]
    Io {
        /// The file or folder in the vault.
        path: PathBuf,
        /// The cause.
        source: io::Error,
    },
}

/// A file copied into the vault's temporary area and hashed, not yet under its hash name.
/// Dropped without [`Vault::keep`], it is removed.
#[derive(Debug)]
pub struct Incoming {
    tmp: tempfile::NamedTempFile,
    /// What was received.
    pub file: Received,
}

/// A file received into the vault, described.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Received {
    /// SHA-256 of the content, lower-case hex: its name in the vault.
    pub sha256: String,
    /// Size in bytes.
    pub size: u64,
    /// The file name it had on the user's disk, as it was (not cleaned: the case decides
    /// how a name from outside is kept).
    pub original_name: String,
    /// Media type guessed from the content and the name.
    pub media_type: &'static str,
}

/// What is at a vault file's name, checked without following links.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Rehashed {
    /// Nothing.
    Missing,
    /// Something that is not a regular file (a link, FIFO, device, folder).
    NotAFile(NotRegular),
    /// A regular file with this SHA-256.
    Hash(String),
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

    /// Copies the user's file `src` into a temporary file in the vault (regular files only,
    /// at most [`Purpose::Attachment`]'s limit) and hashes it. Nothing is under a hash name
    /// yet.
    pub fn receive(&self, src: &Path) -> Result<Incoming, VaultError> {
        let mut input = userfile::open(src, Purpose::Attachment)?;
        let io_err = |path: &Path| {
            let path = path.to_path_buf();
            move |source| VaultError::Io { path, source }
        };
        durable::private_dir(&self.dir).map_err(io_err(&self.dir))?;
        let mut tmp = durable::temp_file(&self.dir, INCOMING_PREFIX).map_err(io_err(&self.dir))?;
        let mut hasher = Sha256::new();
        let mut buf = vec![0u8; 256 * 1024];
        let mut size = 0u64;
        let mut head = Vec::new();
        loop {
            let n = input
                .read(&mut buf)
                .map_err(|e| UserFileError::reading(src, Purpose::Attachment, e))?;
            if n == 0 {
                break;
            }
            if head.len() < 64 {
                head.extend_from_slice(&buf[..n.min(64 - head.len())]);
            }
            hasher.update(&buf[..n]);
            tmp.write_all(&buf[..n]).map_err(io_err(tmp.path()))?;
            size += n as u64;
        }
        tmp.as_file().sync_all().map_err(io_err(tmp.path()))?;
        let original_name = src
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        Ok(Incoming {
            tmp,
            file: Received {
                sha256: hex::encode(hasher.finalize()),
                size,
                media_type: media_type(&original_name, &head),
                original_name,
            },
        })
    }

    /// Like [`Vault::receive`], for bytes read out of another file (a picture inside a phone
    /// backup): `name` is the name they had there.
    pub fn receive_bytes(&self, name: &str, bytes: &[u8]) -> Result<Incoming, VaultError> {
        let io_err = |path: &Path| {
            let path = path.to_path_buf();
            move |source| VaultError::Io { path, source }
        };
        durable::private_dir(&self.dir).map_err(io_err(&self.dir))?;
        let mut tmp = durable::temp_file(&self.dir, INCOMING_PREFIX).map_err(io_err(&self.dir))?;
        tmp.write_all(bytes).map_err(io_err(tmp.path()))?;
        tmp.as_file().sync_all().map_err(io_err(tmp.path()))?;
        Ok(Incoming {
            tmp,
            file: Received {
                sha256: hex::encode(Sha256::digest(bytes)),
                size: bytes.len() as u64,
                media_type: media_type(name, &bytes[..bytes.len().min(64)]),
                original_name: name.to_string(),
            },
        })
    }

    /// Gives a received file its hash as name (never replacing what is there: the same
    /// content may already be kept) and makes that durable. When this call created the
    /// name, the name is pushed onto `created`.
    pub fn keep(&self, incoming: Incoming, created: &mut Vec<String>) -> Result<Received, VaultError> {
        let Incoming { tmp, file } = incoming;
        let dest = self.path_of(&file.sha256);
        match durable::persist(tmp, &dest, durable::Replace::No) {
            Ok(()) => {
                created.push(file.sha256.clone());
                durable::sync_dir(&self.dir).map_err(|source| VaultError::Io {
                    path: self.dir.clone(),
                    source,
                })?;
                Ok(file)
            }
            // Already kept (an earlier entry has the same file): the temporary copy goes.
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Ok(file),
            Err(e) => Err(VaultError::Io {
                path: dest,
                source: e,
            }),
        }
    }

    /// Removes the files a refused append kept (the names [`Vault::keep`] created), so the
    /// vault is as it was before.
    pub fn remove_kept(&self, created: &[String]) {
        for name in created {
            let _ = std::fs::remove_file(self.path_of(name));
        }
        if !created.is_empty() {
            let _ = durable::sync_dir(&self.dir);
        }
    }

    /// Hashes the stored file with this name, without following a link at that name.
    pub fn rehash(&self, sha256: &str) -> io::Result<Rehashed> {
        let path = self.path_of(sha256);
        match userfile::open(&path, Purpose::Vault) {
            Ok(f) => hash_reader(f).map(|(h, _)| Rehashed::Hash(h)),
            Err(UserFileError::Missing(_)) => Ok(Rehashed::Missing),
            Err(UserFileError::NotRegular { kind, .. }) => Ok(Rehashed::NotAFile(kind)),
            // Larger than anything the vault accepts: not what was stored.
            Err(UserFileError::TooLarge { .. }) => Ok(Rehashed::Hash(String::new())),
            Err(UserFileError::Io { source, .. }) => Err(source),
        }
    }

    /// Reads a stored file whole (regular files only, links not followed), for the packet.
    pub fn read(&self, sha256: &str) -> Result<Vec<u8>, UserFileError> {
        userfile::read(&self.path_of(sha256), Purpose::Vault)
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

/// A BMP file's start: `BM`, then two reserved 16-bit fields that are zero (after the size),
/// so a text beginning "BM" is not taken for a picture.
pub fn is_bmp(head: &[u8]) -> bool {
    head.len() >= 10 && head.starts_with(b"BM") && head[6..10] == [0, 0, 0, 0]
}

/// The media type from the first bytes, falling back to the file name's extension.
pub fn media_type(name: &str, head: &[u8]) -> &'static str {
    let magic: &[(&[u8], &str)] = &[
        (b"\x89PNG\r\n\x1a\n", "image/png"),
        (b"\xff\xd8\xff", "image/jpeg"),
        (b"GIF8", "image/gif"),
        (b"II*\0", "image/tiff"),
        (b"MM\0*", "image/tiff"),
        (b"%PDF-", "application/pdf"),
        (b"#!AMR", "audio/amr"),
        (b"ID3", "audio/mpeg"),
        (b"PK\x03\x04", "application/zip"),
    ];
    if let Some((_, t)) = magic.iter().find(|(m, _)| head.starts_with(m)) {
        return t;
    }
    if head.len() >= 12 && &head[4..8] == b"ftyp" {
        return match &head[8..12] {
            b"M4A " | b"M4B " => "audio/mp4",
            // The brands of HEIF pictures: an iPhone's photos.
            b"heic" | b"heix" | b"hevc" | b"hevx" | b"mif1" | b"msf1" => "image/heic",
            b"avif" | b"avis" => "image/avif",
            _ => "video/mp4",
        };
    }
    if head.starts_with(b"RIFF") && head.len() >= 12 && &head[8..12] == b"WAVE" {
        return "audio/wav";
    }
    if head.starts_with(b"RIFF") && head.len() >= 12 && &head[8..12] == b"WEBP" {
        return "image/webp";
    }
    if is_bmp(head) {
        return "image/bmp";
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

    fn store(v: &Vault, src: &Path) -> (Received, Vec<String>) {
        let mut created = Vec::new();
        let file = v
            .keep(v.receive(src).expect("receive"), &mut created)
            .expect("keep");
        (file, created)
    }

    #[test]
    fn stores_under_its_hash_and_keeps_the_name() {
        let dir = tempfile::tempdir().expect("tempdir");
        let src = dir.path().join("截图.png");
        std::fs::write(&src, b"\x89PNG\r\n\x1a\nrest").expect("write");
        let v = Vault::of_case(&dir.path().join("case"));
        let (a, created) = store(&v, &src);
        assert_eq!(a.original_name, "截图.png");
        assert_eq!(a.media_type, "image/png");
        assert_eq!(a.size, 12);
        assert_eq!(created, vec![a.sha256.clone()]);
        assert_eq!(
            std::fs::read(v.path_of(&a.sha256)).expect("stored"),
            std::fs::read(&src).expect("src")
        );
        assert_eq!(
            v.rehash(&a.sha256).expect("rehash"),
            Rehashed::Hash(a.sha256.clone())
        );
        let (again, created) = store(&v, &src);
        assert_eq!(again.sha256, a.sha256);
        assert!(created.is_empty(), "a file already kept is not created again");
        assert_eq!(v.stored_names().expect("names"), vec![a.sha256.clone()]);
        v.remove_kept(std::slice::from_ref(&a.sha256));
        assert_eq!(v.rehash(&a.sha256).expect("rehash"), Rehashed::Missing);
    }

    #[test]
    fn a_received_file_that_is_not_kept_leaves_nothing() {
        let dir = tempfile::tempdir().expect("tempdir");
        let src = dir.path().join("a.txt");
        std::fs::write(&src, b"words").expect("write");
        let v = Vault::of_case(&dir.path().join("case"));
        drop(v.receive(&src).expect("receive"));
        assert_eq!(std::fs::read_dir(v.dir()).expect("ls").count(), 0);
    }

    #[test]
    fn refuses_folders_and_missing_files() {
        let dir = tempfile::tempdir().expect("tempdir");
        let v = Vault::of_case(dir.path());
        assert!(matches!(
            v.receive(dir.path()),
            Err(VaultError::Source(UserFileError::NotRegular {
                kind: NotRegular::Folder,
                ..
            }))
        ));
        assert!(matches!(
            v.receive(&dir.path().join("nope")),
            Err(VaultError::Source(UserFileError::Missing(_)))
        ));
    }

    #[cfg(unix)]
    #[test]
    fn a_link_in_the_vault_is_named_not_followed() {
        let dir = tempfile::tempdir().expect("tempdir");
        let v = Vault::of_case(dir.path());
        std::fs::create_dir(v.dir()).expect("mkdir");
        std::os::unix::fs::symlink("/dev/zero", v.path_of("ab")).expect("link");
        assert_eq!(
            v.rehash("ab").expect("rehash"),
            Rehashed::NotAFile(NotRegular::Link)
        );
    }
}

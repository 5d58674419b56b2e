//! Checking a bundle (`leakaid verify --bundle DIR`): every hash SHA256SUMS.txt lists, the
//! files it does not list, the journal copy's chain (the same check as `leakaid verify`, on
//! the copy), the attachments the journal names, and that the fingerprint the packet carries
//! in its file properties (`/Subject`, read with lopdf) is the journal's.

use std::collections::HashSet;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use super::names;
use super::sums;
use crate::case::verify::{Problem, Warning};
use crate::i18n::{Lang, tr};
use crate::journal::Journal;
use crate::userfile::{self, Purpose, UserFileError};
use crate::vault::{Vault, hash_reader};

/// Files the systems put in a folder they show or copy: named, never a breach.
const SYSTEM_FILES: [&str; 3] = [".DS_Store", "Thumbs.db", "desktop.ini"];

/// What is wrong with a bundle, one sentence each.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BundleProblem {
    /// No SHA256SUMS.txt (or not a regular file).
    NoSums,
    /// A line of SHA256SUMS.txt is not `HASH  PATH` inside the folder.
    BadSums {
        /// 1-based.
        line: usize,
    },
    /// A listed file is not there.
    Missing(String),
    /// A listed file's content differs from its hash.
    Changed(String),
    /// Something other than a regular file stands at a listed name.
    NotAFile(String),
    /// A file in the folder SHA256SUMS.txt does not list.
    Unlisted(String),
    /// A problem of the journal copy, as `leakaid verify` finds it.
    Journal(Problem),
    /// The journal names an attachment the bundle does not hold.
    AttachmentNotInBundle {
        /// The seq of the line naming it.
        seq: u64,
        /// Its recorded hash.
        sha256: String,
    },
    /// The packet's file properties carry no case fingerprint (or it cannot be read).
    PacketUnreadable,
    /// The packet was printed at another fingerprint than the journal copy's.
    FingerprintDiffers {
        /// `N:HEAD` in the packet.
        packet: String,
        /// `N:HEAD` of the journal copy.
        journal: String,
    },
}

/// The result of checking a bundle.
#[derive(Debug, Clone, Default)]
pub struct BundleReport {
    /// Breaches.
    pub problems: Vec<BundleProblem>,
    /// Notes that are not breaches.
    pub notes: Vec<String>,
    /// Files checked against their hash.
    pub files: usize,
    /// The packet's fingerprint, when read.
    pub packet_fingerprint: Option<String>,
    /// The journal copy's fingerprint, when the bundle has one.
    pub journal_fingerprint: Option<String>,
}

impl BundleReport {
    /// True when nothing is wrong.
    pub fn is_intact(&self) -> bool {
        self.problems.is_empty()
    }
}

/// Checks the bundle at `dir` (a folder; the caller says so when it is not one). `Err` only
/// when the folder cannot be read.
pub fn check(dir: &Path, lang: Lang) -> io::Result<BundleReport> {
    let mut report = BundleReport::default();
    let text = match read_small(&dir.join(names::SUMS)) {
        Ok(t) => t,
        Err(_) => {
            report.problems.push(BundleProblem::NoSums);
            return Ok(report);
        }
    };
    let listed = match sums::parse(&text) {
        Ok(l) => l,
        Err(bad) => {
            report.problems.push(BundleProblem::BadSums { line: bad.line });
            return Ok(report);
        }
    };
    let mut bundle_hashes = HashSet::new();
    for (want, path) in &listed {
        // The journal's attachments are matched with what the list says the bundle holds;
        // a file changed or gone is a problem of its own.
        if path.starts_with(&format!("{}/", names::ATTACHMENTS)) {
            bundle_hashes.insert(want.clone());
        }
        let full = dir.join(path);
        match userfile::open(&full, Purpose::Vault) {
            Ok(f) => {
                let (got, _) = hash_reader(f)?;
                report.files += 1;
                if &got != want {
                    report.problems.push(BundleProblem::Changed(path.clone()));
                }
            }
            Err(UserFileError::Missing(_)) => report.problems.push(BundleProblem::Missing(path.clone())),
            Err(UserFileError::NotRegular { .. }) => {
                report.problems.push(BundleProblem::NotAFile(path.clone()))
            }
            Err(UserFileError::TooLarge { .. }) => report.problems.push(BundleProblem::Changed(path.clone())),
            Err(UserFileError::Io { source, .. }) => return Err(source),
        }
    }
    let names_listed: HashSet<&str> = listed.iter().map(|(_, p)| p.as_str()).collect();
    for (path, _) in files_in(dir)? {
        if path == names::SUMS || names_listed.contains(path.as_str()) {
            continue;
        }
        let leaf = path.rsplit('/').next().unwrap_or_default();
        if SYSTEM_FILES.contains(&leaf) || leaf.starts_with("._") {
            report.notes.push(tr(
                lang,
                format!("{path} 是操作系统放进来的文件，不在 SHA256SUMS.txt 中，与证据无关。"),
                format!("{path} was put there by the operating system; it is not in SHA256SUMS.txt and is not evidence."),
            ));
        } else {
            report.problems.push(BundleProblem::Unlisted(path));
        }
    }
    if names_listed.contains(names::JOURNAL) {
        check_journal(dir, &bundle_hashes, &mut report, lang)?;
    }
    if names_listed.contains(names::PACKET) {
        match packet_fingerprint(&dir.join(names::PACKET)) {
            Some(fp) => report.packet_fingerprint = Some(fp),
            None => report.problems.push(BundleProblem::PacketUnreadable),
        }
    }
    if let (Some(p), Some(j)) = (&report.packet_fingerprint, &report.journal_fingerprint)
        && p != j
    {
        report.problems.push(BundleProblem::FingerprintDiffers {
            packet: p.clone(),
            journal: j.clone(),
        });
    }
    Ok(report)
}

/// The journal copy's chain and events, as `leakaid verify` checks a case; its attachments
/// are looked for among the bundle's (there is no vault in a bundle).
fn check_journal(
    dir: &Path,
    bundle_hashes: &HashSet<String>,
    report: &mut BundleReport,
    lang: Lang,
) -> io::Result<()> {
    // A folder that cannot exist in a bundle: every attachment reads as missing from it,
    // and is then looked for in the bundle.
    let no_vault = Vault::of_case(&dir.join(names::ATTACHMENTS).join(".no-vault"));
    let r = crate::case::verify::verify(&Journal::at(dir), &no_vault, None)
        .map_err(|e| io::Error::other(crate::case::CaseError::Journal(e).message(lang)))?;
    report.journal_fingerprint = Some(r.fingerprint.to_string());
    for p in r.problems {
        match p {
            Problem::AttachmentMissing { seq, sha256 } => {
                if !bundle_hashes.contains(&sha256) {
                    report
                        .problems
                        .push(BundleProblem::AttachmentNotInBundle { seq, sha256 });
                }
            }
            other => report.problems.push(BundleProblem::Journal(other)),
        }
    }
    for w in r.warnings {
        if !matches!(w, Warning::Orphan(_) | Warning::HiddenInVault(_)) {
            report.notes.push(w.message(lang));
        }
    }
    Ok(())
}

/// The `N:HEAD` the packet carries as `/Subject` (`leakaid N:HEAD`), read with a PDF parser.
fn packet_fingerprint(path: &Path) -> Option<String> {
    let mut bytes = Vec::new();
    userfile::open(path, Purpose::Attachment)
        .ok()?
        .read_to_end(&mut bytes)
        .ok()?;
    // A bundle may come from anyone: a parser that gives up on a malformed file must not
    // take the check down with it.
    let doc = std::panic::catch_unwind(|| lopdf_printpdf::Document::load_mem(&bytes))
        .ok()?
        .ok()?;
    let info = doc
        .trailer
        .get(b"Info")
        .and_then(|o| o.as_reference())
        .and_then(|r| doc.get_dictionary(r))
        .ok()?;
    let subject = info.get(b"Subject").and_then(|o| o.as_str()).ok()?;
    let text = pdf_text(subject)?;
    let fp = text.strip_prefix("leakaid ")?;
    let (count, head) = fp.split_once(':')?;
    (count.parse::<u64>().is_ok() && head.len() == 64 && head.bytes().all(|b| b.is_ascii_hexdigit()))
        .then(|| fp.to_string())
}

/// A PDF text string: UTF-16BE after its byte order mark, else plain bytes.
fn pdf_text(bytes: &[u8]) -> Option<String> {
    match bytes.strip_prefix(&[0xFE, 0xFF]) {
        Some(rest) => {
            let units: Vec<u16> = rest
                .chunks_exact(2)
                .map(|c| u16::from_be_bytes([c[0], c[1]]))
                .collect();
            String::from_utf16(&units).ok()
        }
        None => String::from_utf8(bytes.to_vec()).ok(),
    }
}

/// Reads a small text file (SHA256SUMS.txt): a regular file, links not followed, at most
/// 50 MB.
pub fn read_small(path: &Path) -> io::Result<String> {
    let bytes = userfile::read(path, Purpose::Email).map_err(|e| io::Error::other(e.to_string()))?;
    String::from_utf8(bytes).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))
}

/// Every entry of `dir` that is not a folder, as a relative path with `/`, with its full
/// path; folders are walked (a link to one is not followed, and is listed itself).
pub fn files_in(dir: &Path) -> io::Result<Vec<(String, PathBuf)>> {
    let mut out = Vec::new();
    let mut stack = vec![(String::new(), dir.to_path_buf())];
    while let Some((prefix, d)) = stack.pop() {
        for e in std::fs::read_dir(&d)? {
            let e = e?;
            let name = e.file_name().to_string_lossy().into_owned();
            let rel = if prefix.is_empty() {
                name
            } else {
                format!("{prefix}/{name}")
            };
            if e.file_type()?.is_dir() {
                stack.push((rel, e.path()));
            } else {
                out.push((rel, e.path()));
            }
        }
    }
    out.sort();
    Ok(out)
}

impl BundleProblem {
    /// The sentence shown to the user.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            BundleProblem::NoSums => tr(
                lang,
                "这个文件夹里没有 SHA256SUMS.txt，无法核对：它不是 leakaid 导出的电子证据文件夹，或者校验文件被删掉了。".to_string(),
                "There is no SHA256SUMS.txt in this folder, so nothing can be checked: it is not a bundle leakaid made, or the checksum file was removed.".to_string(),
            ),
            BundleProblem::BadSums { line } => tr(
                lang,
                format!("SHA256SUMS.txt 第 {line} 行格式不对（或指向文件夹以外），校验文件被改动过。"),
                format!("Line {line} of SHA256SUMS.txt is malformed (or points outside the folder): the checksum file was altered."),
            ),
            BundleProblem::Missing(p) => tr(
                lang,
                format!("{p} 不见了（SHA256SUMS.txt 中有它）。"),
                format!("{p} is missing (SHA256SUMS.txt lists it)."),
            ),
            BundleProblem::Changed(p) => tr(
                lang,
                format!("{p} 的内容被改动过：校验值与 SHA256SUMS.txt 不符。"),
                format!("{p} was altered: its checksum differs from SHA256SUMS.txt."),
            ),
            BundleProblem::NotAFile(p) => tr(
                lang,
                format!("{p} 不是普通文件（被换成了链接、文件夹或设备），没有读取它。"),
                format!("{p} is not a regular file (a link, folder or device stands there); it was not read."),
            ),
            BundleProblem::Unlisted(p) => tr(
                lang,
                format!("{p} 不在 SHA256SUMS.txt 中：它是导出之后才放进来的。"),
                format!("{p} is not in SHA256SUMS.txt: it was put there after the export."),
            ),
            BundleProblem::Journal(p) => format!("{}{}", lang.pick("案件记录 journal.jsonl：", "Case record journal.jsonl: "), p.message(lang)),
            BundleProblem::AttachmentNotInBundle { seq, sha256 } => tr(
                lang,
                format!("案件记录 seq {seq} 的附件 {sha256} 不在文件夹中。"),
                format!("The attachment {sha256} of seq {seq} in the case record is not in the folder."),
            ),
            BundleProblem::PacketUnreadable => tr(
                lang,
                format!("无法从 {} 中读出案件指纹：它不是 leakaid 生成的报案材料。", names::PACKET),
                format!("No case fingerprint can be read from {}: it is not a packet leakaid made.", names::PACKET),
            ),
            BundleProblem::FingerprintDiffers { packet, journal } => tr(
                lang,
                format!("报案材料上的案件指纹 {packet} 与案件记录的指纹 {journal} 不一致：两者不是同一时刻的。"),
                format!("The packet's case fingerprint {packet} is not the case record's {journal}: they are not from the same moment."),
            ),
        }
    }
}

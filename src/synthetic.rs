//! A large synthetic case, for benchmarks and load tests: `n` evidence entries that read like
//! real ones (calls, SMS, emails; Chinese notes; what they knew), chained exactly as the
//! journal chains them, so `verify` passes on it.
//!
//! It refuses a folder that already holds a journal, so it can never write into a real case.

use std::collections::BTreeSet;
use std::io::{self, BufWriter, Write};
use std::path::Path;

use jiff::SignedDuration;

use crate::case::Record;
use crate::case::event::{EntryId, EventBody, EvidenceFields, EvidenceKind, Fen, Knew};
use crate::durable;
use crate::journal::Fingerprint;
use crate::journal::{GENESIS, JOURNAL_FILE, sha256_hex};
use crate::moment::Moment;

/// Writes a case of `n_events` evidence entries into `dir` (created if needed) and returns
/// its fingerprint. Refuses (`AlreadyExists`) when `dir` already holds a journal.
///
/// The lines are written in one buffered pass, not one locked append each: what comes out is
/// byte for byte what that many appends would have made (same line format, same chain).
pub fn write_case(dir: &Path, n_events: u64) -> io::Result<Fingerprint> {
    let start = Moment::now().zoned();
    let events = (0..n_events).map(|seq| {
        let minutes = i64::try_from(n_events - seq).unwrap_or(i64::MAX);
        let at = start
            .checked_sub(SignedDuration::from_mins(minutes))
            .map_err(io::Error::other)?;
        let at = Moment::from_zoned(&at);
        Ok((at, entry(seq, at)))
    });
    write_events(dir, events)
}

/// As [`write_case`], with `files` attachments of `size` bytes each (recordings, spread over
/// the first entries, one each) stored in the case's vault: a case as big on disk as the
/// evidence bundle's benchmark needs.
pub fn write_case_with_files(dir: &Path, n_events: u64, files: u64, size: usize) -> io::Result<Fingerprint> {
    use sha2::{Digest, Sha256};
    let vault = crate::vault::Vault::of_case(dir);
    durable::private_dir(vault.dir())?;
    let mut stored = Vec::new();
    for i in 0..files {
        // Different bytes per file, cheap to make: a counter pattern.
        let bytes: Vec<u8> = (0..size)
            .map(|j| (j as u64 ^ (i * 2_654_435_761)) as u8)
            .collect();
        let sha = hex::encode(Sha256::digest(&bytes));
        std::fs::write(vault.path_of(&sha), &bytes)?;
        stored.push(crate::case::event::Attachment {
            sha256: sha,
            original_name: format!("录音{}.mp3", i + 1),
            size: size as u64,
            media_type: "audio/mpeg".to_string(),
        });
    }
    let start = Moment::now().zoned();
    let events = (0..n_events).map(move |seq| {
        let minutes = i64::try_from(n_events - seq).unwrap_or(i64::MAX);
        let at = start
            .checked_sub(SignedDuration::from_mins(minutes))
            .map_err(io::Error::other)?;
        let at = Moment::from_zoned(&at);
        let mut event = entry(seq, at);
        if let EventBody::EvidenceAdded { attachments, .. } = &mut event
            && let Some(a) = usize::try_from(seq).ok().and_then(|i| stored.get(i))
        {
            attachments.push(a.clone());
        }
        Ok((at, event))
    });
    write_events(dir, events)
}

/// Writes `events`, each with the moment it was recorded, as a chained journal into `dir`
/// (created if needed) and returns its fingerprint: a case whose every line is known in
/// advance, for tests that compare what leakaid prints for it. Refuses (`AlreadyExists`)
/// when `dir` already holds a journal.
pub fn write_events(
    dir: &Path,
    events: impl IntoIterator<Item = io::Result<(Moment, EventBody)>>,
) -> io::Result<Fingerprint> {
    let path = dir.join(JOURNAL_FILE);
    if path.exists() {
        return Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            format!(
                "{} already holds a journal; synthetic cases go into an empty folder",
                dir.display()
            ),
        ));
    }
    durable::private_dir(dir)?;
    let file = durable::private_options()
        .write(true)
        .create_new(true)
        .open(&path)?;
    let mut out = BufWriter::with_capacity(1 << 20, file);
    let mut prev = GENESIS.to_string();
    let mut count = 0u64;
    for event in events {
        let (ts, event) = event?;
        let record = Record {
            seq: count,
            ts,
            prev: std::mem::take(&mut prev),
            event,
        };
        let line = record.to_line().map_err(io::Error::other)?;
        prev = sha256_hex(&line);
        out.write_all(&line)?;
        count += 1;
    }
    let file = out.into_inner().map_err(io::IntoInnerError::into_error)?;
    file.sync_all()?;
    durable::sync_dir(dir)?;
    Ok(Fingerprint {
        count,
        head: if count == 0 { String::new() } else { prev },
    })
}

/// Logs `count` more entries into the case at `dir` (which holds a journal), each with an
/// attachment of `bytes_each` bytes that no other has, through [`crate::case::Case::log`]: a
/// case whose vault is as large as a victim's with many recordings and screenshots.
pub fn add_attachments(dir: &Path, count: u32, bytes_each: usize) -> io::Result<()> {
    let files = tempfile::tempdir_in(dir.parent().unwrap_or(dir))?;
    let mut case = crate::case::Case::for_logging(dir).map_err(|e| io::Error::other(e.to_string()))?;
    for i in 0..count {
        let file = files.path().join(format!("录音-{i}.m4a"));
        let mut bytes = vec![0u8; bytes_each];
        // Bytes that do not repeat from file to file (an xorshift stream seeded by the number).
        let mut x = u64::from(i).wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
        for chunk in bytes.chunks_mut(8) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            chunk.copy_from_slice(&x.to_le_bytes()[..chunk.len()]);
        }
        std::fs::write(&file, &bytes)?;
        let fields = crate::case::EvidenceDraft {
            kind: Some(EvidenceKind::Call),
            counterpart: format!("+86 138 0013 {:04}", i % 10_000),
            summary: "通话录音".into(),
            ..Default::default()
        }
        .validate(&jiff::ZonedDateTime::now())
        .map_err(|e| io::Error::other(e.message(crate::i18n::Lang::En)))?;
        case.log(fields, std::slice::from_ref(&file))
            .map_err(|e| io::Error::other(e.message(crate::i18n::Lang::En)))?;
        std::fs::remove_file(&file)?;
    }
    Ok(())
}

/// The `seq`-th synthetic entry (id `E{seq + 1}`), contacting at `at`.
pub fn entry(seq: u64, at: Moment) -> EventBody {
    const KINDS: [EvidenceKind; 3] = [EvidenceKind::Call, EvidenceKind::Sms, EvidenceKind::Email];
    const NOTES: [&str; 4] = [
        "自称公安，说我的身份证涉嫌洗钱，要求转账到“安全账户”。",
        "短信说快递丢失可理赔，附链接要银行卡号和验证码。",
        "自称银行客服，说出了我的姓名和住址，说信用卡要冻结。",
        "冒充航空公司，说航班取消要退票，让我下载“退款”软件。",
    ];
    let kind = KINDS[(seq % 3) as usize];
    let counterpart = match kind {
        EvidenceKind::Email => format!("refund{}@scam-example.cn", seq % 997),
        _ => format!("+86 1{:02} {:04} {:04}", 30 + seq % 60, seq % 7919, seq % 9973),
    };
    let knew: BTreeSet<Knew> = [Knew::Name, Knew::Phone, Knew::Address, Knew::Employer]
        .into_iter()
        .take(1 + (seq % 4) as usize)
        .collect();
    EventBody::EvidenceAdded {
        id: EntryId(u32::try_from(seq + 1).unwrap_or(u32::MAX)),
        fields: EvidenceFields {
            kind,
            occurred_at: at,
            counterpart,
            to_mine: String::new(),
            summary: NOTES[(seq % 4) as usize].to_string(),
            knew,
            lost: seq.is_multiple_of(50).then_some(Fen(seq * 100)),
            transfer: None,
            email: None,
            phone: None,
            kept_at: String::new(),
        },
        attachments: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::case::verify::verify;
    use crate::journal::Journal;
    use crate::vault::Vault;

    #[test]
    fn a_synthetic_case_verifies_and_takes_appends() {
        let dir = tempfile::tempdir().expect("tempdir");
        let fp = write_case(dir.path(), 300).expect("write");
        let report = verify(&Journal::at(dir.path()), &Vault::of_case(dir.path()), None).expect("verify");
        assert!(report.is_intact(), "{:?}", report.problems);
        assert_eq!(report.fingerprint, fp);
        let mut case = crate::case::Case::for_logging(dir.path()).expect("open");
        let (id, _) = case
            .log(
                crate::case::EvidenceDraft {
                    kind: Some(EvidenceKind::Call),
                    counterpart: "10086".into(),
                    ..Default::default()
                }
                .validate(&jiff::ZonedDateTime::now())
                .expect("valid"),
                &[],
            )
            .expect("log");
        assert_eq!(id, EntryId(301));
    }

    #[test]
    fn it_never_writes_into_an_existing_case() {
        let dir = tempfile::tempdir().expect("tempdir");
        write_case(dir.path(), 2).expect("first");
        let before = std::fs::read(dir.path().join(JOURNAL_FILE)).expect("read");
        let err = write_case(dir.path(), 5).expect_err("refused");
        assert_eq!(err.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(
            std::fs::read(dir.path().join(JOURNAL_FILE)).expect("read"),
            before
        );
    }
}

//! What leakaid prints for a large case is the same, byte for byte, as the reference output
//! kept in `tests/golden/`: `leads` and `list`, as text and as JSON, on a 5,000-entry case
//! with repeats written many ways, corrections, withdrawn entries, added files, transfers and
//! imported emails. How a case is held in memory may change; what the user sees may not.
//!
//! The reference files were written by leakaid itself; after a deliberate change to what these
//! commands print, write them again with `LEAKAID_BLESS=1 cargo test --test same_output`.
//! They are gzipped (10 MB of text); a re-bless writes `NAME.changes.txt` beside each one that
//! changed, the changed lines as a diff, to be committed with it so a reviewer reads them.

mod common;

use std::collections::BTreeSet;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use common::Env;
use leakaid::case::event::{
    Attachment, EntryId, EventBody, EvidenceKind, EvidencePatch, Fen, Knew, Transfer,
};
use leakaid::case::{EvidenceFields, Moment};

/// Entries in the case.
const ENTRIES: u32 = 5_000;

/// Counterparts that replace the synthetic one on some entries: one number written many
/// ways, a landline, service numbers, a virtual-operator block, numbers abroad, an SMS port,
/// addresses and names, hostile text.
const VARIED: [&str; 16] = [
    "+86 170 1234 5678",
    "１７０１２３４５６７８",
    "170\u{200B}1234\u{3000}5678",
    "0755-8888-1234",
    "+86 755 8888 1234",
    "95566",
    "95588",
    "+855 12 345 678",
    "00855 12345678",
    "400-820-8820",
    "1069 0000 1234",
    "Refund@Scam-Example.CN",
    "某某 贷款公司",
    "0108896110",
    "12345",
    "\u{202E}evil\u{202C} caller",
];

fn moment(s: &str) -> Moment {
    s.parse().expect("a moment")
}

/// The `i`-th minute step after the start, alternating between Beijing time and UTC so
/// both offsets are printed.
fn at(i: u32) -> Moment {
    let start = moment("2026-06-01T08:00:00+08:00").zoned();
    let z = start
        .checked_add(jiff::SignedDuration::from_mins(i64::from(i) * 7))
        .expect("in range");
    let z = if i.is_multiple_of(13) {
        z.with_time_zone(jiff::tz::TimeZone::UTC)
    } else {
        z
    };
    Moment::from_zoned(&z)
}

fn email_facts() -> Box<leakaid::evidence::email::EmailFacts> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/email/phishing-boc.eml");
    let bytes = std::fs::read(path).expect("fixture");
    Box::new(leakaid::evidence::email::parse(&bytes).expect("an email"))
}

fn fake_sha(n: u32) -> String {
    format!("{n:064x}")
}

/// The events of the case, in order, each with the moment it was recorded.
fn events() -> Vec<io::Result<(Moment, EventBody)>> {
    let email = email_facts();
    let mut out = Vec::new();
    let mut step = 0u32;
    let mut next = || {
        step += 1;
        at(step)
    };
    for n in 1..=ENTRIES {
        let ts = next();
        let EventBody::EvidenceAdded {
            id,
            mut fields,
            mut attachments,
        } = leakaid::synthetic::entry(u64::from(n - 1), ts)
        else {
            continue;
        };
        if n % 7 == 0 {
            fields.counterpart = VARIED[(n as usize / 7) % VARIED.len()].to_string();
        }
        if n % 50 == 0 {
            fields.transfer = Some(Box::new(Transfer {
                account: format!("6222 0000 {n:08}"),
                name: "王某".into(),
                bank: "某某银行".into(),
                paid_at: Some(ts),
                txn: format!("TX{n}"),
                method: "手机银行转账".into(),
                ..Transfer::default()
            }));
        }
        if n % 250 == 0 {
            fields = EvidenceFields {
                kind: EvidenceKind::Email,
                counterpart: "bounce-7781@secure-boc.top".into(),
                summary: "主题：【中国银行】您的账户存在异常".into(),
                email: Some(email.clone()),
                phone: None,
                ..fields
            };
        }
        if n % 333 == 0 {
            attachments.push(Attachment {
                sha256: fake_sha(n),
                original_name: format!("截图{n}.png"),
                size: u64::from(n) * 10,
                media_type: "image/png".into(),
            });
        }
        if n % 97 == 0 {
            fields.kind = EvidenceKind::Letter;
            fields.counterpart = String::new();
        }
        out.push(Ok((
            ts,
            EventBody::EvidenceAdded {
                id,
                fields,
                attachments,
            },
        )));
        if n % 20 == 0 {
            let target = EntryId(n - 5);
            let changes = EvidencePatch {
                summary: Some(format!("更正：第{n}条之前记错了，对方还提到了我的工作单位。")),
                knew: Some(BTreeSet::from([Knew::Name, Knew::Employer, Knew::IdNumber])),
                counterpart: (n % 40 == 0).then(|| "+86 170 1234 5678".to_string()),
                lost: (n % 60 == 0).then_some(Fen(u64::from(n) * 3)),
                transfer: (n % 120 == 0).then(|| {
                    Box::new(Transfer {
                        account: "6217 9999 0000 1111".into(),
                        ..Transfer::default()
                    })
                }),
                ..EvidencePatch::default()
            };
            out.push(Ok((
                next(),
                EventBody::EvidenceCorrected {
                    id: target,
                    changes,
                    reason: if n % 40 == 0 {
                        "号码抄错".into()
                    } else {
                        String::new()
                    },
                },
            )));
        }
        if n % 45 == 0 {
            out.push(Ok((
                next(),
                EventBody::EvidenceRetracted {
                    id: EntryId(n - 3),
                    reason: "重复记录".into(),
                },
            )));
        }
        if n % 400 == 0 {
            out.push(Ok((
                next(),
                EventBody::AttachmentAdded {
                    id: EntryId(n - 1),
                    attachment: Attachment {
                        sha256: fake_sha(n + 1),
                        original_name: "录音.m4a".into(),
                        size: 4096,
                        media_type: "audio/mp4".into(),
                    },
                },
            )));
        }
    }
    out
}

fn golden(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(format!("{name}.gz"))
}

fn gunzip(path: &PathBuf) -> String {
    let file = std::fs::File::open(path).unwrap_or_else(|e| {
        common::panic_free_fail(&format!(
            "{}: {e}; write it with LEAKAID_BLESS=1 cargo test --test same_output",
            path.display()
        ))
    });
    let mut text = String::new();
    flate2::read::GzDecoder::new(file)
        .read_to_string(&mut text)
        .expect("a gzipped text");
    text
}

/// The most lines of a re-blessed golden's changes kept in its readable summary.
const MOST_CHANGED_LINES: usize = 400;

/// Beside a gzipped golden that changed, `NAME.changes.txt`: the lines that changed, as a
/// unified diff (cut after [`MOST_CHANGED_LINES`] lines), so a reviewer of the re-blessed
/// file reads what changed without unpacking it.
fn write_changes(path: &Path, old: &str, new: &str) {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().trim_end_matches(".gz").to_string())
        .unwrap_or_default();
    let diff = similar::TextDiff::from_lines(old, new);
    let unified = diff
        .unified_diff()
        .context_radius(1)
        .header(&format!("{name} (before)"), &format!("{name} (after)"))
        .to_string();
    let total = unified.lines().count();
    let mut summary: String = unified
        .lines()
        .take(MOST_CHANGED_LINES)
        .flat_map(|l| [l, "\n"])
        .collect();
    if total > MOST_CHANGED_LINES {
        summary.push_str(&format!(
            "… {} more lines of this diff; unpack the golden to see them\n",
            total - MOST_CHANGED_LINES
        ));
    }
    std::fs::write(path.with_file_name(format!("{name}.changes.txt")), summary).expect("write");
}

fn bless(path: &PathBuf, text: &str) {
    std::fs::create_dir_all(path.parent().expect("folder")).expect("folder");
    if path.exists() {
        let old = gunzip(path);
        if old != text {
            write_changes(path, &old, text);
        }
    }
    let file = std::fs::File::create(path).expect("create");
    let mut gz = flate2::GzBuilder::new()
        .mtime(0)
        .write(file, flate2::Compression::best());
    gz.write_all(text.as_bytes()).expect("write");
    gz.finish().expect("finish");
}

/// Compares `actual` with the reference; on a difference, names the first line that differs.
fn assert_same(name: &str, actual: &str) {
    let path = golden(name);
    if std::env::var_os("LEAKAID_BLESS").is_some() {
        bless(&path, actual);
        return;
    }
    let expected = gunzip(&path);
    if expected == actual {
        return;
    }
    let (line, (want, got)) = expected
        .lines()
        .zip(actual.lines())
        .enumerate()
        .find(|(_, (a, b))| a != b)
        .unwrap_or((
            expected.lines().count().min(actual.lines().count()),
            ("(end)", "(end)"),
        ));
    common::panic_free_fail(&format!(
        "`{name}` differs from the reference at line {}:\n  expected: {want}\n  printed:  {got}\n\
         ({} lines expected, {} printed)",
        line + 1,
        expected.lines().count(),
        actual.lines().count()
    ));
}

#[test]
fn leads_and_list_print_what_they_printed_before() {
    let env = Env::new();
    let fp = leakaid::synthetic::write_events(&env.case_dir(), events()).expect("write the case");
    assert!(fp.count > u64::from(ENTRIES));
    for (name, args) in [
        ("leads.json", &["leads", "--json"][..]),
        ("leads.txt", &["leads"][..]),
        ("leads-en.txt", &["--lang", "en", "leads"][..]),
        ("list.json", &["list", "--json"][..]),
        ("list.txt", &["list"][..]),
        ("list-en.txt", &["--lang", "en", "list"][..]),
    ] {
        // Beijing time, so the reference shows entries recorded in UTC converted.
        let out = env
            .cmd()
            .env("TZ", "Asia/Shanghai")
            .args(args)
            .output()
            .expect("run leakaid");
        assert!(out.status.success(), "`leakaid {}` failed", args.join(" "));
        assert_same(name, &String::from_utf8(out.stdout).expect("stdout is UTF-8"));
    }
}

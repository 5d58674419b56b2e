//! Importing saved emails: 5,000 different messages one by one, each as `leakaid log email
//! --eml` does it (read, parse, validate, append to the case with the file in the vault), and
//! parsing alone; and two 50 MB messages made to be slow, one of URLs in plain text and one of
//! HTML anchors (many never closed).
//!
//! Run: `cargo bench --bench email_import`. Peak memory is measured outside criterion with
//! `/usr/bin/time -v target/release/leakaid --data-dir DIR log email --eml FILE` on the same
//! 50 MB messages (see the README).

use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use leakaid::case::{Case, EvidenceDraft, EvidenceKind};
use leakaid::evidence::email;
use leakaid::i18n::Lang;

const FIXTURES: [&str; 6] = [
    include_str!("../tests/fixtures/email/phishing-boc.eml"),
    include_str!("../tests/fixtures/email/providers/outlook-from-gmail.eml"),
    include_str!("../tests/fixtures/email/providers/gmail-from-scam-server.eml"),
    include_str!("../tests/fixtures/email/providers/qq-esmtpsa.eml"),
    include_str!("../tests/fixtures/email/providers/netease-163-webmail.eml"),
    include_str!("../tests/fixtures/email/providers/aliyun-may-be-forged.eml"),
];

/// Message `i`: one of the fixtures with its own Message-ID and a line of its own at the top
/// of the headers, so every file is a different email.
fn nth_email(i: usize) -> String {
    let base = FIXTURES[i % FIXTURES.len()];
    format!("X-Bench-Id: {i}\r\n{base}")
}

/// What `leakaid log email --eml` does after the command line is read.
fn import(case_dir: &Path, file: &Path) -> bool {
    let now = jiff::ZonedDateTime::now();
    let Ok(bytes) = std::fs::read(file) else {
        return false;
    };
    let Some(facts) = email::parse(&bytes) else {
        return false;
    };
    let draft = EvidenceDraft {
        kind: Some(EvidenceKind::Email),
        counterpart: facts.origin().counterpart(Lang::Zh),
        summary: facts.summary_line(Lang::Zh),
        at: facts.occurred_at(&now).map(|m| m.to_string()).unwrap_or_default(),
        email: Some(Box::new(facts)),
        ..Default::default()
    };
    let Ok(fields) = draft.validate(&now) else {
        return false;
    };
    let Ok(mut case) = Case::for_logging(case_dir) else {
        return false;
    };
    case.log_email(fields, &[file.to_path_buf()], true).is_ok()
}

fn five_thousand(c: &mut Criterion) {
    let tmp = tempfile::tempdir().expect("tempdir");
    let files: Vec<PathBuf> = (0..5_000)
        .map(|i| {
            let p = tmp.path().join(format!("m{i}.eml"));
            std::fs::write(&p, nth_email(i)).expect("write");
            p
        })
        .collect();
    let bytes: Vec<Vec<u8>> = (0..5_000).map(|i| nth_email(i).into_bytes()).collect();
    let mut group = c.benchmark_group("email_5000");
    group.sample_size(50).measurement_time(Duration::from_secs(20));
    let mut next = 0usize;
    group.bench_function("parse_one", |b| {
        b.iter(|| {
            next = (next + 1) % bytes.len();
            email::parse(&bytes[next]).map(|f| f.received.len())
        });
    });
    let case_dir = tmp.path().join("case");
    let mut next = 0usize;
    group.bench_function("import_one_by_one", |b| {
        b.iter(|| {
            next = (next + 1) % files.len();
            assert!(import(&case_dir, &files[next]), "imported");
        });
    });
    group.finish();
}

/// About `size` bytes of plain text that is nothing but URLs.
pub fn urls_email(size: usize) -> Vec<u8> {
    let mut out = String::from(
        "From: a@scam.example\r\nSubject: urls\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n",
    );
    let mut i = 0usize;
    while out.len() < size {
        out.push_str(&format!(
            "https://host-{i}.scam.example/p?x={i} http://a www.b{i}.example\r\n"
        ));
        i += 1;
    }
    out.into_bytes()
}

/// About `size` bytes of HTML anchors, every other one never closed.
pub fn anchors_email(size: usize) -> Vec<u8> {
    let mut out = String::from(
        "From: a@scam.example\r\nSubject: anchors\r\nContent-Type: text/html; charset=utf-8\r\n\r\n",
    );
    let mut i = 0usize;
    while out.len() < size {
        out.push_str(&format!(
            "<a href=\"https://h{i}.scam.example/\">www.boc.cn</a><a href='https://o{i}.example/'>open "
        ));
        i += 1;
    }
    out.into_bytes()
}

fn fifty_mb(c: &mut Criterion) {
    let urls = urls_email(50 * 1024 * 1024);
    let anchors = anchors_email(50 * 1024 * 1024);
    let mut group = c.benchmark_group("email_50mb");
    group.sample_size(10).measurement_time(Duration::from_secs(30));
    group.bench_function("urls", |b| b.iter(|| email::parse(&urls).map(|f| f.links.len())));
    group.bench_function("anchors", |b| {
        b.iter(|| email::parse(&anchors).map(|f| f.links.len()))
    });
    group.finish();
}

criterion_group!(benches, five_thousand, fifty_mb);
criterion_main!(benches);

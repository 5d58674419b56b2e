//! Evidence speed: `leakaid leads` over a 100,000-entry case (about 66,000 counterparts):
//! open + fold + group + classify every distinct number, the open (read, parse, fold) alone,
//! the ranking alone, and the whole
//! command as a user runs it (the binary, its output thrown away, as text and as JSON); and
//! importing a 10 MB saved email (parse alone, and the
//! whole `log email --eml`: parse, store the file in the vault, append the entry).
//!
//! Run: `cargo bench --bench evidence`. Peak memory of `leads` is measured outside criterion
//! with `/usr/bin/time -v target/release/leakaid leads` on a case made by `cargo run
//! --release --example synthetic_case DIR 100000` (see the README).

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use leakaid::case::leads::leads;
use leakaid::case::{Case, EvidenceDraft, EvidenceKind};
use leakaid::evidence::email;

/// A phishing message of about `size` bytes: the test fixture's headers and parts plus a
/// large base64 attachment, as a mail program exports one with a big file attached.
fn big_email(size: usize) -> Vec<u8> {
    let fixture = include_str!("../tests/fixtures/email/phishing-boc.eml");
    let end = fixture.rfind("--MIXED-1--").unwrap_or(fixture.len());
    let mut out = String::with_capacity(size + 4096);
    out.push_str(&fixture[..end]);
    out.push_str(
        "--MIXED-1\r\nContent-Type: application/pdf; name=\"invoice.pdf\"\r\n\
         Content-Disposition: attachment; filename=\"invoice.pdf\"\r\n\
         Content-Transfer-Encoding: base64\r\n\r\n",
    );
    let line = "JVBERi0xLjcKJeLjz9MKMSAwIG9iago8PCAvVHlwZSAvQ2F0YWxvZyAvUGFnZXMgMiAwIFIgPj4KZW5k\r\n";
    while out.len() + line.len() + 32 < size {
        out.push_str(line);
    }
    out.push_str("\r\n--MIXED-1--\r\n");
    out.into_bytes()
}

/// Runs the binary on the case in `dir` with `args`, its output thrown away.
fn run_leakaid(dir: &Path, args: &[&str]) -> bool {
    let (Some(data), Some(case)) = (dir.parent(), dir.file_name()) else {
        return false;
    };
    Command::new(env!("CARGO_BIN_EXE_leakaid"))
        .arg("--data-dir")
        .arg(data)
        .arg("--case")
        .arg(case)
        .args(args)
        .env_remove("LEAKAID_LANG")
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

fn leads_100k(c: &mut Criterion) {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("case");
    leakaid::synthetic::write_case(&dir, 100_000).expect("synthetic case");
    let mut group = c.benchmark_group("leads");
    group.sample_size(10).measurement_time(Duration::from_secs(10));
    group.bench_function("open_and_rank_100k", |b| {
        b.iter(|| {
            let case = Case::open_existing(&dir).expect("open");
            leads(case.state()).len()
        });
    });
    group.bench_function("open_only_100k", |b| {
        b.iter(|| Case::open_existing(&dir).expect("open").state().entries.len());
    });
    let case = Case::open_existing(&dir).expect("open");
    group.bench_function("rank_only_100k", |b| b.iter(|| leads(case.state()).len()));
    assert!(run_leakaid(&dir, &["leads"]), "leakaid leads runs");
    group.bench_function("command_100k", |b| b.iter(|| run_leakaid(&dir, &["leads"])));
    group.bench_function("command_json_100k", |b| {
        b.iter(|| run_leakaid(&dir, &["leads", "--json"]))
    });
    group.finish();
}

fn email_10mb(c: &mut Criterion) {
    let bytes = big_email(10 * 1024 * 1024);
    let tmp = tempfile::tempdir().expect("tempdir");
    let file = tmp.path().join("big.eml");
    std::fs::write(&file, &bytes).expect("write eml");
    let mut group = c.benchmark_group("email_10mb");
    group.sample_size(10).measurement_time(Duration::from_secs(10));
    group.bench_function("parse", |b| {
        b.iter(|| email::parse(&bytes).map(|f| f.attachments.len()));
    });
    let case_dir = tmp.path().join("case");
    group.bench_function("log_email", |b| {
        b.iter(|| {
            // What `leakaid log email --eml` does after reading the file.
            let now = jiff::ZonedDateTime::now();
            let facts = email::parse(&std::fs::read(&file).expect("read")).expect("email");
            let draft = EvidenceDraft {
                kind: Some(EvidenceKind::Email),
                counterpart: facts.origin().sender,
                summary: facts.summary_line(leakaid::i18n::Lang::Zh),
                at: facts.occurred_at(&now).map(|m| m.to_string()).unwrap_or_default(),
                email: Some(Box::new(facts)),
                ..Default::default()
            };
            let fields = draft.validate(&now).expect("valid");
            let mut case = Case::for_logging(&case_dir).expect("case");
            case.log_email(fields, std::slice::from_ref(&file), true)
                .expect("logged")
        });
    });
    group.finish();
}

criterion_group!(benches, leads_100k, email_10mb);
criterion_main!(benches);

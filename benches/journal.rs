//! Journal speed: `log` into a small and a large journal (the append reads only the tail, so
//! the two should be close), and load + verify of a 100,000-event case next to `sha256sum`
//! of the same file; and the journal's timestamps read and written by leakaid's fixed-width
//! code next to jiff's general RFC 3339 parser and printer.
//!
//! Run: `cargo bench --bench journal`. Peak memory is measured outside criterion, with
//! `/usr/bin/time -v leakaid verify` on a case made by `cargo run --release --example
//! synthetic_case DIR 100000` (see the README).

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use leakaid::case::verify::verify;
use leakaid::case::{Case, EvidenceDraft, EvidenceKind, Knew};
use leakaid::journal::Journal;
use leakaid::vault::Vault;

fn draft() -> EvidenceDraft {
    EvidenceDraft {
        kind: Some(EvidenceKind::Call),
        counterpart: "+86 138 0013 8000".into(),
        summary: "自称公安，说我的身份证涉嫌洗钱，要求转账到安全账户。".into(),
        knew: [Knew::Name, Knew::IdNumber].into_iter().collect(),
        ..Default::default()
    }
}

fn log_append(c: &mut Criterion) {
    let mut group = c.benchmark_group("log_append");
    group.sample_size(30).measurement_time(Duration::from_secs(8));
    for n in [100u64, 100_000] {
        let tmp = tempfile::tempdir().expect("tempdir");
        let dir = tmp.path().join("case");
        leakaid::synthetic::write_case(&dir, n).expect("synthetic case");
        group.bench_with_input(BenchmarkId::from_parameter(n), &dir, |b, dir| {
            b.iter(|| {
                // What `leakaid log` does: open for logging (nothing read), append one entry.
                let fields = draft().validate(&jiff::ZonedDateTime::now()).expect("valid");
                let mut case = Case::for_logging(dir).expect("open");
                case.log(fields, &[]).expect("log")
            });
        });
    }
    group.finish();
}

fn load_and_verify(c: &mut Criterion) {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("case");
    leakaid::synthetic::write_case(&dir, 100_000).expect("synthetic case");
    let journal = dir.join(leakaid::journal::JOURNAL_FILE);
    let size = std::fs::metadata(&journal).map(|m| m.len()).unwrap_or(0);
    eprintln!("100,000-event journal: {:.1} MB", size as f64 / 1e6);

    let mut group = c.benchmark_group("100k_events");
    group.sample_size(10).measurement_time(Duration::from_secs(15));
    group.bench_function("load (fold into state)", |b| {
        b.iter(|| Case::open_existing(&dir).expect("load").state().entries.len())
    });
    group.bench_function("verify", |b| {
        b.iter(|| {
            let r = verify(&Journal::at(&dir), &Vault::of_case(&dir), None).expect("verify");
            assert!(r.is_intact());
            r.fingerprint.count
        })
    });
    group.bench_function("load + verify (one pass)", |b| {
        b.iter(|| {
            let (case, r) = Case::open_verified(&dir, None).expect("load and verify");
            assert!(r.is_intact());
            case.state().entries.len()
        })
    });
    if sha256sum_works(&journal) {
        group.bench_function("sha256sum (reference)", |b| b.iter(|| sha256sum_works(&journal)));
    } else {
        eprintln!("sha256sum not found: no reference figure");
    }
    group.finish();
}

/// The journal's timestamps (two per evidence line): leakaid's fixed-width reader and writer
/// next to jiff's general RFC 3339 (`fmt::temporal`) parser and printer, on the same text.
fn moment_text(c: &mut Criterion) {
    use jiff::fmt::temporal::{DateTimePrinter, Pieces};
    use leakaid::case::Moment;
    let texts: Vec<String> = (0..1000)
        .map(|i| {
            format!(
                "2026-{:02}-{:02}T{:02}:{:02}:09+08:00",
                1 + i % 12,
                1 + i % 28,
                i % 24,
                i % 60
            )
        })
        .collect();
    let moments: Vec<Moment> = texts.iter().map(|t| t.parse().expect("moment")).collect();
    let mut group = c.benchmark_group("moment_1000");
    group.bench_function("parse (leakaid)", |b| {
        b.iter(|| texts.iter().filter(|t| t.parse::<Moment>().is_ok()).count())
    });
    group.bench_function("parse (jiff temporal)", |b| {
        b.iter(|| {
            texts
                .iter()
                .filter_map(|t| {
                    let p = Pieces::parse(t.as_str()).ok()?;
                    let offset = p.to_numeric_offset()?;
                    offset.to_timestamp(p.date().to_datetime(p.time()?)).ok()
                })
                .count()
        })
    });
    group.bench_function("print (leakaid)", |b| {
        b.iter(|| moments.iter().map(|m| m.to_string().len()).sum::<usize>())
    });
    let printer = DateTimePrinter::new();
    group.bench_function("print (jiff temporal)", |b| {
        b.iter(|| {
            moments
                .iter()
                .map(|m| {
                    printer
                        .timestamp_with_offset_to_string(&m.timestamp(), m.offset())
                        .len()
                })
                .sum::<usize>()
        })
    });
    group.finish();
}

fn sha256sum_works(path: &Path) -> bool {
    Command::new("sha256sum")
        .arg(path)
        .output()
        .is_ok_and(|o| o.status.success())
}

criterion_group!(benches, log_append, load_and_verify, moment_text);
criterion_main!(benches);

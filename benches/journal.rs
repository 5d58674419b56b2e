//! Journal speed: `log` into a small and a large journal (the append reads only the tail, so
//! the two should be close), and load + verify of a 100,000-event case next to `sha256sum`
//! of the same file.
//!
//! Run: `cargo bench --bench journal`. Peak memory is measured outside criterion, with
//! `/usr/bin/time -v leakaid verify` on a case made by `cargo run --release --example
//! synthetic_case DIR 100000` (see the README).

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use leakaid::case::{Case, EvidenceDraft, EvidenceKind, Knew};
use leakaid::journal::Journal;
use leakaid::journal::verify::verify;
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

fn sha256sum_works(path: &Path) -> bool {
    Command::new("sha256sum")
        .arg(path)
        .output()
        .is_ok_and(|o| o.status.success())
}

criterion_group!(benches, log_append, load_and_verify);
criterion_main!(benches);

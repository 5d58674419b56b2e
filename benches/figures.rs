//! The two figures of a 100,000-event case: `verify` next to `openssl dgst -sha256` of the
//! same journal (goal: at most twice as long), and `export json` (read the case, write the
//! JSON file) with its peak heap (goal: at most 100 MB), counted by this benchmark's own
//! allocator.
//!
//! Run: `cargo bench --bench figures`. The whole program's peak (resident set) is measured
//! outside criterion with `/usr/bin/time -v target/release/leakaid ... export json` on a case
//! made by `cargo run --release --example synthetic_case DIR 100000` (see the README).

use std::alloc::{GlobalAlloc, Layout, System};
use std::io::Write;
use std::path::Path;
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use leakaid::case::Case;
use leakaid::case::verify::verify;
use leakaid::journal::Journal;
use leakaid::vault::Vault;

/// The system allocator, keeping count of the bytes in use and the most ever in use.
struct Counting;

static IN_USE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(by: usize) {
    let now = IN_USE.fetch_add(by, Ordering::Relaxed) + by;
    PEAK.fetch_max(now, Ordering::Relaxed);
}

// SAFETY: every call is passed to `System` unchanged; only counters are kept besides.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as `System::alloc`, with the caller's layout.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` was allocated by `System` with `layout`.
        unsafe { System.dealloc(ptr, layout) };
        IN_USE.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: as `System::realloc`, with the caller's arguments.
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            // Counted as the new block allocated before the old one is freed (the worst case).
            grew(new_size);
            IN_USE.fetch_sub(layout.size(), Ordering::Relaxed);
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// What `leakaid export json -o FILE` does: read the case, write the JSON into the file.
fn export_json(dir: &Path, out: &Path) -> u64 {
    let case = Case::open_existing(dir).expect("load");
    let file = std::fs::File::create(out).expect("output file");
    let mut w = leakaid::export::write_json(case.state(), std::io::BufWriter::new(file)).expect("json");
    w.flush().expect("flush");
    std::fs::metadata(out).map(|m| m.len()).unwrap_or(0)
}

fn openssl_sha256(path: &Path) -> bool {
    Command::new("openssl")
        .args(["dgst", "-sha256"])
        .arg(path)
        .output()
        .is_ok_and(|o| o.status.success())
}

/// The fastest of `runs` runs of `f` (the least disturbed by other work on the machine).
fn fastest(runs: usize, mut f: impl FnMut()) -> Duration {
    (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn figures(c: &mut Criterion) {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("case");
    leakaid::synthetic::write_case(&dir, 100_000).expect("synthetic case");
    let journal = dir.join(leakaid::journal::JOURNAL_FILE);
    let out = tmp.path().join("case.json");
    let run_verify = || {
        let r = verify(&Journal::at(&dir), &Vault::of_case(&dir), None).expect("verify");
        assert!(r.is_intact());
        r.fingerprint.count
    };

    // The figures themselves, printed once before criterion's own measurements.
    let size = std::fs::metadata(&journal).map(|m| m.len()).unwrap_or(0);
    let before = IN_USE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let json_len = export_json(&dir, &out);
    let peak = PEAK.load(Ordering::Relaxed).saturating_sub(before);
    eprintln!(
        "100,000 events: journal {:.1} MB; export json wrote {:.1} MB with a peak heap of {:.1} MB (goal: at most 100 MB)",
        size as f64 / 1e6,
        json_len as f64 / 1e6,
        peak as f64 / 1e6
    );
    if openssl_sha256(&journal) {
        let v = fastest(5, || {
            run_verify();
        });
        let o = fastest(5, || {
            openssl_sha256(&journal);
        });
        eprintln!(
            "verify {:.0} ms, openssl dgst -sha256 {:.0} ms: {:.2}x (goal: at most 2x)",
            v.as_secs_f64() * 1e3,
            o.as_secs_f64() * 1e3,
            v.as_secs_f64() / o.as_secs_f64().max(f64::EPSILON)
        );
    } else {
        eprintln!("openssl not found: no reference figure for verify");
    }

    let mut group = c.benchmark_group("figures_100k_events");
    group.sample_size(10).measurement_time(Duration::from_secs(15));
    group.bench_function("verify", |b| b.iter(run_verify));
    if openssl_sha256(&journal) {
        group.bench_function("openssl dgst -sha256 (reference)", |b| {
            b.iter(|| openssl_sha256(&journal))
        });
    }
    group.bench_function("export json (read the case, write the file)", |b| {
        b.iter(|| export_json(&dir, &out))
    });
    group.finish();
}

criterion_group!(benches, figures);
criterion_main!(benches);

//! The evidence bundle of a 100,000-entry case with 100 MB of attachments (100 files of
//! 1 MB): the packet, the journal copy, the complete list, the attachments and the checksums,
//! every file synced. Goal: ≤ 5 s (and ≤ 150 MB peak, measured with the release binary and
//! `/usr/bin/time -v`, see examples/bundle_case.rs).

use criterion::{Criterion, criterion_group, criterion_main};
use jiff::civil::date;
use leakaid::bundle::{BundleOptions, make};
use leakaid::case::Case;
use leakaid::i18n::Lang;
use leakaid::pdf::FontFace;
use leakaid::pdf::export::{PacketJob, PacketRequest};

fn bundle_100k(c: &mut Criterion) {
    let Ok(tmp) = tempfile::tempdir() else { return };
    let case_dir = tmp.path().join("case");
    if leakaid::synthetic::write_case_with_files(&case_dir, 100_000, 100, 1 << 20).is_err() {
        return;
    }
    let Ok(case) = Case::open_existing(&case_dir) else {
        return;
    };
    let Ok(face) = FontFace::embedded() else { return };
    let req = PacketRequest {
        lang: Lang::Zh,
        ui: Lang::Zh,
        redact: false,
        mask_name: false,
        agency: None,
        print_date: date(2026, 12, 8),
    };
    let mut n = 0u32;
    c.bench_function("bundle_100k_entries_100mb", |b| {
        b.iter(|| {
            n += 1;
            let out = tmp.path().join(format!("out{n}"));
            // Snapshotting the case is part of the command's work.
            let job = PacketJob::from_case(&case, &req);
            let made = make(&case, job, &out, BundleOptions::default(), &face).map(|m| m.files);
            let _ = std::fs::remove_dir_all(&out);
            made.ok()
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10).measurement_time(std::time::Duration::from_secs(30));
    targets = bundle_100k
}
criterion_main!(benches);

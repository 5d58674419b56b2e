//! Backup and restore of a 100,000-entry case with 100 MB of attachments (100 entries with a
//! 1 MB recording each): the archive is streamed through age to the file and back, so time
//! grows with the bytes and memory stays flat. scrypt is set to a small work factor here: its
//! second or so is the same for every case, and is what makes a guessed passphrase slow.
//!
//! Run: `cargo bench --bench backup`. Peak memory is measured outside criterion, with
//! `/usr/bin/time -v leakaid backup` on a case made by `cargo run --release --example
//! synthetic_case DIR 100000 100` (see the README).

use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use leakaid::backup::{SecretString, Work, make, restore};

fn backup_and_restore(c: &mut Criterion) {
    let tmp = tempfile::tempdir().expect("tempdir");
    let data = tmp.path().join("data");
    let dir = data.join("case");
    leakaid::synthetic::write_case(&dir, 100_000).expect("synthetic case");
    leakaid::synthetic::add_attachments(&dir, 100, 1 << 20).expect("attachments");
    let file = tmp.path().join("case.age");
    let pass = || SecretString::from("青山 绿水 长流 7 只 白鹭".to_string());

    let mut group = c.benchmark_group("backup_100k_100mb");
    group.sample_size(10).measurement_time(Duration::from_secs(40));
    group.bench_function("backup", |b| {
        b.iter(|| {
            let made = make(
                &dir,
                Some(&data),
                &file,
                leakaid::backup::Replace::Yes,
                pass(),
                Work::LogN(10),
            )
            .expect("backup");
            made.size
        });
    });
    let mut n = 0u32;
    group.bench_function("restore", |b| {
        b.iter(|| {
            n += 1;
            let root = tmp.path().join(format!("restored-{n}"));
            std::fs::create_dir(&root).expect("mkdir");
            let restored = restore(&file, &root, &root.join("case"), pass(), None).expect("restore");
            std::fs::remove_dir_all(&root).expect("clean");
            restored.attachments
        });
    });
    group.finish();
}

criterion_group!(benches, backup_and_restore);
criterion_main!(benches);

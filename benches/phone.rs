//! Phone backup speed: reading a "SMS Backup & Restore" file of 100,000 messages as
//! `leakaid import phone` does before it lists them (one streaming pass, pictures not
//! decoded). The target for the whole listing is at most 2 s and 200 MB; the command's own
//! figure is measured on a file the example `phone_backup` writes:
//!
//! ```sh
//! cargo run --release --example phone_backup -- /tmp/sms-100k.xml 100000
//! /usr/bin/time -v target/release/leakaid --data-dir /tmp/x import phone /tmp/sms-100k.xml > /dev/null
//! ```
//!
//! Run: `cargo bench --bench phone`.

use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use leakaid::evidence::phone_backup::{self, Pictures};

#[path = "support/phone_xml.rs"]
mod phone_xml;

fn phone(c: &mut Criterion) {
    let xml = phone_xml::sms_backup(100_000);
    let mut g = c.benchmark_group("phone");
    g.sample_size(10).measurement_time(Duration::from_secs(20));
    g.bench_function("read 100,000 messages (SMS Backup & Restore XML)", |b| {
        b.iter(|| {
            let backup = phone_backup::read(xml.as_bytes(), Pictures::None).expect("reads");
            assert_eq!(backup.records.len(), 100_000);
        });
    });
    g.finish();
}

criterion_group!(benches, phone);
criterion_main!(benches);

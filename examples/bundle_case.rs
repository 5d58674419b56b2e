//! Writes a large synthetic case with attachments, for measuring the evidence bundle:
//! `cargo run --release --example bundle_case DIR [EVENTS] [FILES] [MB_EACH]` (default
//! 100,000 events and 100 files of 1 MB). Then, e.g.: `/usr/bin/time -v
//! target/release/leakaid --data-dir $(dirname DIR) --case $(basename DIR) export bundle OUT`.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next().map(PathBuf::from) else {
        eprintln!("usage: bundle_case DIR [EVENTS] [FILES] [MB_EACH]");
        return ExitCode::from(2);
    };
    let mut num = |d: u64| args.next().and_then(|s| s.parse().ok()).unwrap_or(d);
    let (n, files, mb) = (num(100_000), num(100), num(1));
    let size = usize::try_from(mb << 20).unwrap_or(usize::MAX);
    match leakaid::synthetic::write_case_with_files(&dir, n, files, size) {
        Ok(fp) => {
            println!(
                "{n} events, {files} files of {mb} MB in {}; fingerprint {fp}",
                dir.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(1)
        }
    }
}

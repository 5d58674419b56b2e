//! Writes a large synthetic case for measuring: `cargo run --release --example synthetic_case
//! DIR [EVENTS] [ATTACHMENT_MB]` (default 100,000 events; with ATTACHMENT_MB, that many more
//! entries each with a 1 MB attachment). Refuses a folder that already holds a journal.
//! Then, e.g.: `/usr/bin/time -v target/release/leakaid --data-dir $(dirname DIR) --case
//! $(basename DIR) verify`.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next().map(PathBuf::from) else {
        eprintln!("usage: synthetic_case DIR [EVENTS]");
        return ExitCode::from(2);
    };
    let n: u64 = args.next().and_then(|s| s.parse().ok()).unwrap_or(100_000);
    let mb: u32 = args.next().and_then(|s| s.parse().ok()).unwrap_or(0);
    let written = leakaid::synthetic::write_case(&dir, n).and_then(|fp| {
        leakaid::synthetic::add_attachments(&dir, mb, 1 << 20)?;
        Ok(fp)
    });
    match written {
        Ok(fp) => {
            if mb == 0 {
                println!("{n} events in {}; fingerprint {fp}", dir.display());
            } else {
                println!(
                    "{n} events and {mb} entries with a 1 MB attachment each in {}",
                    dir.display()
                );
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(1)
        }
    }
}

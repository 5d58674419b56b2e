//! Writes a "SMS Backup & Restore" message backup of N records to a new file, for measuring
//! `leakaid import phone` on a large backup:
//! `cargo run --release --example phone_backup -- /tmp/sms-100k.xml 100000`.

#[path = "../benches/support/phone_xml.rs"]
mod phone_xml;

fn main() -> std::process::ExitCode {
    let mut args = std::env::args().skip(1);
    let (Some(path), Some(n)) = (args.next(), args.next().and_then(|n| n.parse::<usize>().ok())) else {
        eprintln!("usage: phone_backup FILE N");
        return std::process::ExitCode::from(2);
    };
    let file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path);
    match file.and_then(|mut f| std::io::Write::write_all(&mut f, phone_xml::sms_backup(n).as_bytes())) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}

//! A full disk, for real: a tiny tmpfs is filled, then `leakaid log` must refuse with the
//! disk-full sentence, leave the journal ending in a newline with nothing half-written, and
//! `verify` must pass. Mounting needs root with CAP_SYS_ADMIN; without it the test says why
//! and returns (the fault-injection unit tests in src/journal/tests.rs cover the logic).

mod common;

use std::io::Write;
use std::path::Path;
use std::process::Command;

use common::Env;

struct Mounted<'a>(&'a Path);

impl Drop for Mounted<'_> {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.0).status();
    }
}

#[test]
fn a_full_disk_is_reported_and_the_journal_stays_whole() {
    let env = Env::new();
    let mount = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=256k,mode=0700", "tmpfs"])
        .arg(env.data())
        .output();
    match mount {
        Ok(out) if out.status.success() => {}
        Ok(out) => {
            common::skip(
                "mount",
                &format!(
                    "cannot mount a tmpfs here ({})",
                    String::from_utf8_lossy(&out.stderr).trim()
                ),
            );
            return;
        }
        Err(e) => {
            common::skip("mount", &format!("no mount command ({e})"));
            return;
        }
    }
    let _mounted = Mounted(env.data());
    env.log(&["call", "10086", "--note", "before the disk filled up"]);

    // Fill every free byte.
    let filler_path = env.data().join("filler");
    let mut filler = std::fs::File::create(&filler_path).expect("create filler");
    let block = vec![0u8; 4096];
    while filler.write_all(&block).is_ok() {}
    let _ = filler.write_all(&[0u8; 1]);
    drop(filler);

    // A note longer than a page, so the write cannot hide in the journal's last page.
    let note = "骗子说他是公安局的，要我转账到安全账户。".repeat(400);
    for lang in [None, Some("en")] {
        let mut args = vec![];
        if let Some(l) = lang {
            args.extend(["--lang", l]);
        }
        args.extend(["log", "call", "10086", "--note", &note]);
        let err = env.refused(&args);
        match lang {
            None => assert!(err.contains("磁盘已满"), "{err}"),
            Some(_) => assert!(err.contains("disk is full"), "{err}"),
        }
    }
    let bytes = env.journal_bytes();
    assert_eq!(bytes.last(), Some(&b'\n'), "the journal ends in a newline");
    env.verify_ok();
    assert_eq!(env.list_json().len(), 1);

    // With space again, logging works and the chain goes on.
    std::fs::remove_file(&filler_path).expect("remove filler");
    env.log(&["call", "10086", "--note", &note]);
    let fp = env.verify_ok();
    assert!(fp.starts_with("2:"), "{fp}");
}

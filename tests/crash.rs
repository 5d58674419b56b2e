//! A writer killed with SIGKILL at random moments: every entry whose command printed success
//! is there, the next log repairs a torn tail, and `verify` passes.

mod common;

use std::collections::BTreeSet;
use std::io::Read;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{Env, bin};

const ROUNDS: u64 = 240;

/// A small deterministic generator (xorshift64*), so a failure can be replayed by seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
}

#[test]
fn writers_killed_at_random_moments_lose_nothing_they_reported() {
    let seed: u64 = std::env::var("LEAKAID_CRASH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5EED_1EAC_A1D0_2026);
    eprintln!("crash test seed {seed} (set LEAKAID_CRASH_SEED to replay)");
    let mut rng = Rng(seed | 1);
    let env = Env::new();
    env.log(&["call", "10086", "--note", "before the crashes"]);
    let started = Instant::now();
    let mut reported = BTreeSet::new();
    let mut attempted = BTreeSet::new();
    let mut injected_torn = Vec::new();
    for round in 0..ROUNDS {
        // Now and then leave a torn line behind, as a kill in the middle of a write would.
        if round % 20 == 7 {
            let mut tail = std::fs::OpenOptions::new()
                .append(true)
                .open(env.journal())
                .expect("open journal");
            let torn = format!("{{\"seq\":{round},\"ts\":\"2026-");
            std::io::Write::write_all(&mut tail, torn.as_bytes()).expect("write torn");
            injected_torn.push(torn);
        }
        let note = format!("round {round}");
        let mut child = Command::new(bin())
            .env("LEAKAID_DATA_DIR", env.data())
            .env_remove("LEAKAID_LANG")
            .env_remove("LEAKAID_CASE")
            .args(["log", "sms", "106900001111", "--note", &note])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn leakaid log");
        std::thread::sleep(Duration::from_micros(rng.next() % 15_000));
        let _ = child.kill(); // SIGKILL; it may have finished already
        let _ = child.wait().expect("reap");
        let mut out = String::new();
        child
            .stdout
            .take()
            .expect("stdout")
            .read_to_string(&mut out)
            .expect("read stdout");
        if out.contains("已记录") {
            reported.insert(note.clone());
        }
        attempted.insert(note);
    }
    eprintln!(
        "{ROUNDS} rounds in {:.1} s; {} printed success before the kill",
        started.elapsed().as_secs_f64(),
        reported.len()
    );

    // The next write repairs whatever tail the last kill left.
    env.log(&["call", "10086", "--note", "after the crashes"]);
    env.verify_ok();
    let list = env.list_json();
    let stored: Vec<String> = list
        .iter()
        .map(|e| e["current"]["summary"].as_str().expect("note").to_string())
        .collect();
    let stored_set: BTreeSet<&String> = stored.iter().collect();
    assert_eq!(stored_set.len(), stored.len(), "no entry stored twice");
    for note in &reported {
        assert!(stored_set.contains(note), "{note} printed success but is missing");
    }
    for note in &stored {
        assert!(
            attempted.contains(note) || note.contains("the crashes"),
            "{note} was never logged"
        );
    }
    let ids: Vec<String> = list
        .iter()
        .map(|e| e["id"].as_str().expect("id").to_string())
        .collect();
    let expected: Vec<String> = (1..=ids.len()).map(|n| format!("E{n}")).collect();
    assert_eq!(ids, expected, "ids without gaps");

    // Quarantine holds only torn lines: no newline in them, never a reported entry. Two torn
    // tails with no repair between them are one tail, kept in one file. Temporary files a
    // killed repair left were swept by the next write.
    let q = env.case_dir().join("quarantine");
    let kept: Vec<Vec<u8>> = std::fs::read_dir(&q)
        .map(|rd| {
            rd.map(|e| std::fs::read(e.expect("entry").path()).expect("read quarantine"))
                .collect()
        })
        .unwrap_or_default();
    let all: Vec<String> = kept
        .iter()
        .map(|b| String::from_utf8_lossy(b).into_owned())
        .collect();
    for torn in &injected_torn {
        assert!(
            all.iter().any(|k| k.contains(torn.as_str())),
            "the torn tail {torn:?} was kept"
        );
    }
    for bytes in &kept {
        assert!(!bytes.contains(&b'\n'), "only the torn line is quarantined");
        let text = String::from_utf8_lossy(bytes);
        for note in &reported {
            assert!(!text.contains(&format!("\"{note}\"")), "{note} was quarantined");
        }
    }
}

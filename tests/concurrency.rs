//! Four processes logging at once through the real binary: nothing lost, nothing doubled,
//! ids without gaps, and the chain intact.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::process::Command;
use std::time::Instant;

use common::{Env, bin, printed_id};

const WORKERS: usize = 4;
const PER_WORKER: usize = 500;

#[test]
fn four_writers_times_500_logs_keep_every_entry_exactly_once() {
    let env = Env::new();
    let started = Instant::now();
    let data = env.data().to_path_buf();
    let workers: Vec<_> = (0..WORKERS)
        .map(|w| {
            let data = data.clone();
            std::thread::spawn(move || {
                let mut printed = Vec::with_capacity(PER_WORKER);
                for i in 0..PER_WORKER {
                    let note = format!("worker {w} call {i}");
                    let out = Command::new(bin())
                        .env("LEAKAID_DATA_DIR", &data)
                        .env_remove("LEAKAID_LANG")
                        .env_remove("LEAKAID_CASE")
                        .args(["log", "call", &format!("1380013{w:04}"), "--note", &note])
                        .output()
                        .expect("run leakaid log");
                    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
                    assert!(
                        out.status.success(),
                        "{note}: {}",
                        String::from_utf8_lossy(&out.stderr)
                    );
                    let id = printed_id(&stdout).expect("log prints the id");
                    printed.push((note, id));
                }
                printed
            })
        })
        .collect();
    let mut printed: BTreeMap<String, String> = BTreeMap::new();
    for w in workers {
        for (note, id) in w.join().expect("worker thread") {
            printed.insert(note, id);
        }
    }
    eprintln!(
        "{} log processes in {:.1} s",
        WORKERS * PER_WORKER,
        started.elapsed().as_secs_f64()
    );
    assert_eq!(printed.len(), WORKERS * PER_WORKER);

    let list = env.list_json();
    assert_eq!(list.len(), WORKERS * PER_WORKER, "exactly 2000 entries");
    let mut seen_notes = BTreeSet::new();
    let mut seen_ids = BTreeSet::new();
    for e in &list {
        let note = e["current"]["summary"].as_str().expect("note").to_string();
        let id = e["id"].as_str().expect("id").to_string();
        assert_eq!(
            printed.get(&note),
            Some(&id),
            "{note} is stored under the id its command printed"
        );
        assert!(seen_notes.insert(note), "an entry is stored twice");
        assert!(seen_ids.insert(id), "an id is used twice");
    }
    let expected_ids: BTreeSet<String> = (1..=WORKERS * PER_WORKER).map(|n| format!("E{n}")).collect();
    assert_eq!(seen_ids, expected_ids, "ids E1..E2000 without gaps");
    let fp = env.verify_ok();
    assert!(fp.starts_with("2000:"), "{fp}");
    assert!(!env.case_dir().join("quarantine").exists(), "no torn lines");
}

//! The journal lock: while another process holds it, `leakaid log` waits; when the holder
//! lets go — or is killed with SIGKILL — the waiting log goes through.
//!
//! The holder is this test binary run again with `LEAKAID_TEST_HOLD_LOCK` set: it takes the
//! same lock as the program (std `File::lock`), prints "locked", and holds it until its
//! standard input closes or it is killed.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use common::{Env, bin};

const HOLD_ENV: &str = "LEAKAID_TEST_HOLD_LOCK";

/// Not a test of its own: the lock holder, when run with `LEAKAID_TEST_HOLD_LOCK`.
#[test]
fn lock_holder_helper() {
    let Ok(path) = std::env::var(HOLD_ENV) else {
        return;
    };
    let f = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(&path)
        .expect("open the journal");
    f.lock().expect("take the lock");
    println!("locked");
    std::io::stdout().flush().expect("flush");
    let mut line = String::new();
    let _ = std::io::stdin().read_line(&mut line); // returns when stdin closes
    f.unlock().expect("unlock");
}

/// Starts a process holding the journal's lock; returns once it holds it.
fn hold_lock(journal: &Path) -> Child {
    let mut child = Command::new(std::env::current_exe().expect("test binary"))
        .args(["--exact", "lock_holder_helper", "--nocapture", "--test-threads=1"])
        .env(HOLD_ENV, journal)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("start the lock holder");
    let mut out = BufReader::new(child.stdout.take().expect("stdout"));
    let mut line = String::new();
    while out.read_line(&mut line).expect("read holder") > 0 {
        if line.contains("locked") {
            // Keep reading, so the holder's last words do not meet a closed pipe.
            std::thread::spawn(move || std::io::copy(&mut out, &mut std::io::sink()));
            return child;
        }
        line.clear();
    }
    let _ = child.wait();
    common::panic_free_fail("the lock holder exited without taking the lock")
}

fn start_log(env: &Env, note: &str) -> Child {
    Command::new(bin())
        .env("LEAKAID_DATA_DIR", env.data())
        .env_remove("LEAKAID_LANG")
        .env_remove("LEAKAID_CASE")
        .args(["log", "call", "10086", "--note", note])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start leakaid log")
}

/// Asserts the log is still waiting a good while after it started.
fn assert_still_waiting(log: &mut Child) {
    std::thread::sleep(Duration::from_millis(700));
    assert!(
        log.try_wait().expect("poll").is_none(),
        "log finished although another process holds the lock"
    );
}

fn assert_logged(env: &Env, log: Child, note: &str) {
    let out = log.wait_with_output().expect("wait for log");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("已记录"));
    let list = env.list_json();
    assert!(
        list.iter().any(|e| e["current"]["summary"] == note),
        "{note} stored"
    );
    env.verify_ok();
}

#[test]
fn a_log_waits_for_the_lock_and_goes_through_when_it_is_released() {
    let env = Env::new();
    env.log(&["call", "10010", "--note", "first"]);
    let mut holder = hold_lock(&env.journal());
    let before = env.journal_bytes();
    let mut log = start_log(&env, "waited");
    assert_still_waiting(&mut log);
    assert_eq!(
        env.journal_bytes(),
        before,
        "nothing written while the lock is held"
    );
    drop(holder.stdin.take()); // the holder unlocks and exits
    assert!(holder.wait().expect("holder exits").success());
    assert_logged(&env, log, "waited");
}

#[test]
fn a_lock_holder_killed_with_sigkill_releases_the_lock() {
    let env = Env::new();
    env.log(&["call", "10010", "--note", "first"]);
    let mut holder = hold_lock(&env.journal());
    let mut log = start_log(&env, "after the kill");
    assert_still_waiting(&mut log);
    holder.kill().expect("SIGKILL the holder");
    let _ = holder.wait();
    assert_logged(&env, log, "after the kill");
}

//! Tampering with a case is caught by `verify`, which names where: flipping any byte,
//! deleting, moving or inserting a line, changing or removing an attachment.
//!
//! By design a hash chain cannot notice a change to its LAST line on its own (no later line
//! names its hash): that is what the printed fingerprint is for. So a change to any line but
//! the last fails a plain verify, and a change to any line fails a verify given the
//! fingerprint printed before the change.

mod common;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use leakaid::case::verify::{Problem, Report, verify};
use leakaid::case::{Case, EvidenceDraft, EvidenceKind, Knew, ProfilePatch};
use leakaid::journal::Journal;
use leakaid::journal::verify::PrintedFingerprint;
use leakaid::vault::Vault;
use proptest::prelude::*;

/// A case built once through the library, copied into a fresh folder for every test case.
struct Base {
    dir: tempfile::TempDir,
    lines: Vec<Vec<u8>>,
    attachments: Vec<(u64, String)>,
}

fn base() -> &'static Base {
    static BASE: OnceLock<Base> = OnceLock::new();
    BASE.get_or_init(|| {
        let dir = tempfile::tempdir().expect("tempdir");
        let case_dir = dir.path().join("case");
        let files = dir.path().join("files");
        std::fs::create_dir(&files).expect("mkdir");
        let mut case = Case::open(&case_dir).expect("open case");
        let now = jiff::ZonedDateTime::now();
        for i in 0..6u32 {
            let draft = EvidenceDraft {
                kind: Some(if i % 2 == 0 {
                    EvidenceKind::Call
                } else {
                    EvidenceKind::Sms
                }),
                counterpart: format!("+86 138 0013 80{i:02}"),
                summary: format!("第 {i} 次：自称客服，要求退款 “{i}”"),
                knew: [Knew::Name, Knew::Phone].into_iter().collect(),
                ..Default::default()
            };
            let fields = draft.validate(&now).expect("valid draft");
            let attach: Vec<PathBuf> = if i % 3 == 0 {
                let f = files.join(format!("截图{i}.png"));
                std::fs::write(&f, format!("screenshot {i}").repeat(50)).expect("write");
                vec![f]
            } else {
                vec![]
            };
            case.log(fields, &attach).expect("log");
        }
        let extra = files.join("录音.m4a");
        std::fs::write(&extra, vec![42u8; 5000]).expect("write");
        let id = "E2".parse().expect("id");
        case.attach(id, &[extra]).expect("attach");
        case.retract("E4".parse().expect("id"), "重复").expect("retract");
        case.set_profile(ProfilePatch {
            name: Some("张三".into()),
            ..Default::default()
        })
        .expect("profile");
        let bytes = std::fs::read(case.journal().path()).expect("read journal");
        let lines: Vec<Vec<u8>> = bytes
            .split_inclusive(|&b| b == b'\n')
            .map(<[u8]>::to_vec)
            .collect();
        let report = check(&case_dir, None);
        assert!(report.is_intact(), "{:?}", report.problems);
        let mut attachments = Vec::new();
        for (seq, line) in lines.iter().enumerate() {
            let text = String::from_utf8_lossy(line);
            for part in text.split("\"sha256\":\"").skip(1) {
                attachments.push((seq as u64, part[..64].to_string()));
            }
        }
        assert_eq!(attachments.len(), 3);
        Base {
            dir,
            lines,
            attachments,
        }
    })
}

fn copy_case(to: &Path) -> PathBuf {
    let from = base().dir.path().join("case");
    let case = to.join("case");
    std::fs::create_dir_all(case.join("vault")).expect("mkdir");
    for e in std::fs::read_dir(from.join("vault")).expect("vault") {
        let e = e.expect("entry");
        std::fs::copy(e.path(), case.join("vault").join(e.file_name())).expect("copy");
    }
    case
}

fn check(case: &Path, earlier: Option<&PrintedFingerprint>) -> Report {
    verify(&Journal::at(case), &Vault::of_case(case), earlier).expect("verify runs")
}

fn fingerprint_of(lines: &[Vec<u8>]) -> PrintedFingerprint {
    let last = lines.last().expect("a line");
    PrintedFingerprint {
        count: lines.len() as u64,
        head: leakaid::journal::sha256_hex(last),
    }
}

/// A change to the journal's lines.
#[derive(Clone, Debug)]
enum Tamper {
    /// XOR one byte (the newline included) with a non-zero mask.
    Flip {
        line: usize,
        at: usize,
        mask: u8,
    },
    Delete {
        line: usize,
    },
    /// Swap a line with the next one.
    Swap {
        line: usize,
    },
    /// Insert a copy of line `from` before line `at` (`at` may be the end).
    Insert {
        at: usize,
        from: usize,
    },
    /// Insert an unrelated JSON line.
    InsertJunk {
        at: usize,
    },
}

impl Tamper {
    /// Applies the change.
    fn apply(&self, lines: &mut Vec<Vec<u8>>) {
        let n = lines.len();
        match *self {
            Tamper::Flip { line, at, mask } => {
                let l = &mut lines[line % n];
                let i = at % l.len();
                l[i] ^= mask;
            }
            Tamper::Delete { line } => {
                lines.remove(line % n);
            }
            Tamper::Swap { line } => {
                let a = line % (n - 1);
                lines.swap(a, a + 1);
            }
            Tamper::Insert { at, from } => {
                let copy = lines[from % n].clone();
                let at = at % (n + 1);
                lines.insert(at, copy);
            }
            Tamper::InsertJunk { at } => {
                let at = at % (n + 1);
                lines.insert(at, b"{\"note\":\"added later\"}\n".to_vec());
            }
        }
    }

    /// True when only the last line was touched (a plain chain check cannot see that).
    fn only_last_line(&self, n: usize) -> bool {
        match *self {
            Tamper::Flip { line, .. } | Tamper::Delete { line } => line % n == n - 1,
            _ => false,
        }
    }
}

fn tamper() -> impl Strategy<Value = Tamper> {
    prop_oneof![
        4 => (any::<usize>(), any::<usize>(), 1u8..=255).prop_map(|(line, at, mask)| Tamper::Flip { line, at, mask }),
        1 => any::<usize>().prop_map(|line| Tamper::Delete { line }),
        1 => any::<usize>().prop_map(|line| Tamper::Swap { line }),
        1 => (any::<usize>(), any::<usize>()).prop_map(|(at, from)| Tamper::Insert { at, from }),
        1 => any::<usize>().prop_map(|at| Tamper::InsertJunk { at }),
    ]
}

fn first_seq(report: &Report) -> Option<u64> {
    report.problems.first().and_then(Problem::seq)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_change_to_the_journal_is_caught_and_located(t in tamper()) {
        let base = base();
        let tmp = tempfile::tempdir().expect("tempdir");
        let case = copy_case(tmp.path());
        let before = fingerprint_of(&base.lines);
        let mut lines = base.lines.clone();
        t.apply(&mut lines);
        // The first position that differs (a copy inserted next to its original only
        // differs from where the two part).
        let touched = base.lines.iter().zip(&lines).take_while(|(a, b)| a == b).count() as u64;
        std::fs::write(case.join("journal.jsonl"), lines.concat()).expect("write journal");

        let with_fp = check(&case, Some(&before));
        prop_assert!(!with_fp.is_intact(), "{t:?} passed verify with the earlier fingerprint");
        let at = first_seq(&with_fp);
        prop_assert!(at.is_some_and(|s| s <= touched), "{t:?}: first problem {:?} names {at:?}, touched {touched}", with_fp.problems);

        if !t.only_last_line(base.lines.len()) {
            let plain = check(&case, None);
            prop_assert!(!plain.is_intact(), "{t:?} passed a plain verify");
            let at = first_seq(&plain);
            prop_assert!(at.is_some_and(|s| s <= touched), "{t:?}: first problem {:?} names {at:?}, touched {touched}", plain.problems);
        }
    }

    #[test]
    fn a_changed_or_missing_attachment_is_caught_and_named(which in any::<usize>(), remove in any::<bool>(), at in any::<usize>(), mask in 1u8..=255) {
        let base = base();
        let tmp = tempfile::tempdir().expect("tempdir");
        let case = copy_case(tmp.path());
        std::fs::write(case.join("journal.jsonl"), base.lines.concat()).expect("write journal");
        let (seq, sha) = &base.attachments[which % base.attachments.len()];
        let file = case.join("vault").join(sha);
        if remove {
            std::fs::remove_file(&file).expect("remove");
        } else {
            let mut bytes = std::fs::read(&file).expect("read");
            let i = at % bytes.len();
            bytes[i] ^= mask;
            std::fs::write(&file, bytes).expect("write");
        }
        let report = check(&case, None);
        let expected = if remove {
            Problem::AttachmentMissing { seq: *seq, sha256: sha.clone() }
        } else {
            Problem::AttachmentAltered { seq: *seq, sha256: sha.clone() }
        };
        prop_assert_eq!(report.problems, vec![expected]);
    }
}

#[test]
fn the_untouched_base_case_is_intact() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let case = copy_case(tmp.path());
    std::fs::write(case.join("journal.jsonl"), base().lines.concat()).expect("write");
    let fp = fingerprint_of(&base().lines);
    let r = check(&case, Some(&fp));
    assert!(r.is_intact() && r.warnings.is_empty(), "{r:?}");
    assert_eq!(r.fingerprint.count, fp.count);
    assert_eq!(r.fingerprint.head, fp.head);
}

// ---- the same through the binary --------------------------------------------------------

/// Rewrites the note of one line (the line stays valid JSON: only the chain can tell).
fn change_note(env: &common::Env, seq: usize, from: &str, to: &str) {
    let bytes = env.journal_bytes();
    let mut lines: Vec<String> = String::from_utf8(bytes)
        .expect("utf-8")
        .split_inclusive('\n')
        .map(str::to_string)
        .collect();
    let quoted = format!("\"{from}\"");
    assert!(lines[seq].contains(&quoted), "{}", lines[seq]);
    lines[seq] = lines[seq].replace(&quoted, &format!("\"{to}\""));
    std::fs::write(env.journal(), lines.concat()).expect("write");
}

#[test]
fn verify_with_an_old_fingerprint_passes_as_the_journal_grows_and_fails_after_tampering() {
    let env = common::Env::new();
    env.log(&["call", "10086", "-n", "一"]);
    env.log(&["call", "10010", "-n", "二"]);
    let old = env.verify_ok();
    env.log(&["sms", "10000", "-n", "三"]);
    env.log(&["sms", "10001", "-n", "四"]);
    let now = env.verify_ok();
    env.ok(&["verify", "--fingerprint", &old]);
    env.ok(&["verify", "--fingerprint", &now]);

    // Change the last line: a plain verify cannot see it, the fingerprint can.
    change_note(&env, 3, "四", "肆");
    env.ok(&["verify"]);
    let out = env.run(&["verify", "--fingerprint", &now]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("seq 3"), "names where: {err}");
    env.ok(&["verify", "--fingerprint", &old]);

    // Change the second line: everything notices, and says where.
    change_note(&env, 1, "二", "贰");
    for args in [vec!["verify"], vec!["verify", "--fingerprint", &old]] {
        let out = env.run(&args);
        assert_eq!(out.status.code(), Some(1));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.lines().last().is_some_and(|l| l.contains("seq 1")), "{err}");
    }
    let out = env.run(&["--lang", "en", "verify"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("Verification failed") && err.contains("seq 1"),
        "{err}"
    );
}

#[test]
fn verify_names_where_lines_were_cut_off() {
    let env = common::Env::new();
    for n in ["一", "二", "三"] {
        env.log(&["call", "10086", "-n", n]);
    }
    let fp = env.verify_ok();
    let bytes = env.journal_bytes();
    let lines: Vec<&[u8]> = bytes.split_inclusive(|&b| b == b'\n').collect();
    std::fs::write(env.journal(), lines[..2].concat()).expect("write");
    let out = env.run(&["verify", "--fingerprint", &fp]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.lines().last().is_some_and(|l| l.contains("seq 2")), "{err}");
}

// ---- fingerprints that cannot be forged ---------------------------------------------------

#[test]
fn a_short_fingerprint_is_refused_and_sixteen_digits_must_match() {
    let env = common::Env::new();
    env.log(&["call", "10086", "-n", "一"]);
    env.log(&["call", "10010", "-n", "二"]);
    let fp = env.verify_ok();
    let (count, head) = fp.split_once(':').expect("N:HEAD");
    assert_eq!(head.len(), 64, "verify prints the whole head: {fp}");

    // 8 hex digits (32 bits) can be ground in minutes: refused with a sentence.
    let eight = format!("{count}:{}", &head[..8]);
    let err = env.refused(&["verify", "--fingerprint", &eight]);
    assert!(err.contains("16"), "{err}");
    env.refused(&["--lang", "en", "verify", "--fingerprint", &eight]);

    // 16 hex digits that match are accepted; 16 that do not are a failed check.
    env.ok(&["verify", "--fingerprint", &format!("{count}:{}…", &head[..16])]);
    let mut wrong = head[..16].to_string();
    let last = if wrong.ends_with('0') { "1" } else { "0" };
    wrong.replace_range(15.., last);
    let out = env.run(&["verify", "--fingerprint", &format!("{count}:{wrong}")]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("第 2 行（seq 1）"),
        "names line N of the fingerprint: {err}"
    );
}

/// Rewrites the last line with `edit` and returns verify's stderr (verify must fail).
fn verify_after_editing_the_last_line(edit: impl Fn(&str) -> String) -> String {
    let env = common::Env::new();
    env.log(&["call", "10086", "-n", "一"]);
    env.log(&["call", "10010", "-n", "二"]);
    let text = String::from_utf8(env.journal_bytes()).expect("utf-8");
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let last = lines.pop().expect("a line");
    lines.push(edit(&last));
    std::fs::write(env.journal(), lines.join("\n") + "\n").expect("write");
    let out = env.run(&["verify"]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    // Reading the case for anything else is refused too.
    let list = env.run(&["list"]);
    assert_eq!(list.status.code(), Some(1));
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn a_line_with_free_bytes_to_grind_is_refused() {
    // An extra, ignored field: the bytes an attacker varies until the hash fits.
    let err = verify_after_editing_the_last_line(|l| l.replacen('{', "{\"x\":\"5cc059a0\",", 1));
    assert!(err.contains("第 2 行（seq 1）") && err.contains("改动"), "{err}");
    // The same fields in another order.
    let err = verify_after_editing_the_last_line(|l| {
        let (seq, rest) = l.split_once(',').expect("fields");
        format!("{{{},{}}}", &rest[..rest.len() - 1], &seq[1..])
    });
    assert!(err.contains("第 2 行（seq 1）"), "{err}");
    // Other spacing.
    let err = verify_after_editing_the_last_line(|l| l.replace("\":", "\": "));
    assert!(err.contains("第 2 行（seq 1）"), "{err}");
}

// ---- line breaks lost, a journal wiped ------------------------------------------------------

#[test]
fn losing_only_the_final_newline_keeps_the_entry_and_its_id() {
    let env = common::Env::new();
    for n in ["一", "二", "三"] {
        env.log(&["call", "10086", "-n", n]);
    }
    let mut bytes = env.journal_bytes();
    assert_eq!(bytes.pop(), Some(b'\n'));
    std::fs::write(env.journal(), &bytes).expect("write");
    let out = env.run(&["verify"]);
    assert_eq!(out.status.code(), Some(0));
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        said.contains("缺少") && said.contains("换行符"),
        "says so: {said}"
    );
    // Until the next write restores the newline, the third entry is still everywhere.
    let notes = |list: Vec<serde_json::Value>| -> Vec<String> {
        list.iter()
            .map(|e| e["current"]["summary"].as_str().expect("summary").to_string())
            .collect()
    };
    assert_eq!(notes(env.list_json()), ["一", "二", "三"]);
    assert!(env.ok(&["show", "E3"]).contains("三"));
    assert!(env.ok(&["export", "json", "-o", "-"]).contains("\"三\""));
    let leads = env.ok(&["leads", "--json"]);
    assert!(leads.contains("E3"), "{leads}");
    assert_eq!(
        env.log(&["call", "10010", "-n", "四"]),
        "E4",
        "the next log gets the next id"
    );
    let list = env.list_json();
    let notes: Vec<&str> = list
        .iter()
        .map(|e| e["current"]["summary"].as_str().expect("summary"))
        .collect();
    assert_eq!(notes, ["一", "二", "三", "四"]);
    assert!(!env.case_dir().join("quarantine").exists(), "nothing quarantined");
    assert!(env.verify_ok().starts_with("4:"));
}

/// A damaged tail far longer than any line leakaid writes (here 17 MB; the cap is 16 MiB) is
/// never read whole: verify and list count it as an unfinished line, and the next log moves
/// all of it to quarantine, byte for byte.
#[test]
fn a_huge_damaged_tail_is_counted_then_quarantined_whole() {
    use std::io::Write;
    let env = common::Env::new();
    env.log(&["call", "10086", "-n", "一"]);
    let tail_len: u64 = 17 * 1024 * 1024 + 3;
    let mut f = std::fs::OpenOptions::new()
        .append(true)
        .open(env.journal())
        .expect("open");
    let chunk = vec![b'#'; 1 << 20];
    let mut left = tail_len;
    while left > 0 {
        let n = left.min(chunk.len() as u64) as usize;
        f.write_all(&chunk[..n]).expect("write");
        left -= n as u64;
    }
    drop(f);
    let out = env.run(&["verify"]);
    let said = String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains(&tail_len.to_string()),
        "names the unfinished bytes: {said}"
    );
    assert_eq!(env.list_json().len(), 1);
    assert_eq!(env.log(&["call", "10010", "-n", "二"]), "E2");
    let q: Vec<_> = std::fs::read_dir(env.case_dir().join("quarantine"))
        .expect("quarantine")
        .map(|e| e.expect("entry").path())
        .collect();
    assert_eq!(q.len(), 1);
    let kept = std::fs::read(&q[0]).expect("kept");
    assert_eq!(kept.len() as u64, tail_len);
    assert!(kept.iter().all(|&b| b == b'#'));
    assert!(env.verify_ok().starts_with("2:"));
}

#[test]
fn losing_every_newline_is_never_intact_and_the_next_log_restores_them() {
    let env = common::Env::new();
    for n in ["一", "二", "三"] {
        env.log(&["call", "10086", "-n", n]);
    }
    let whole = env.journal_bytes();
    let joined: Vec<u8> = whole.iter().copied().filter(|&b| b != b'\n').collect();
    std::fs::write(env.journal(), &joined).expect("write");
    let out = env.run(&["verify"]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(!String::from_utf8_lossy(&out.stdout).contains("完好"));
    assert_eq!(env.log(&["call", "10010", "-n", "四"]), "E4");
    assert!(
        env.journal_bytes().starts_with(&whole),
        "every line is back as written"
    );
    assert!(env.verify_ok().starts_with("4:"));
}

#[test]
fn a_wiped_or_replaced_journal_is_a_breach_when_evidence_remains() {
    let env = common::Env::new();
    let file = env.data().join("截图.png");
    std::fs::write(&file, b"\x89PNG screenshot").expect("write");
    env.log(&[
        "call",
        "10086",
        "-n",
        "一",
        "--attach",
        file.to_str().expect("path"),
    ]);
    env.ok(&["export", "json"]);
    let journal = env.journal();
    let gone = |what: &str| {
        let out = env.run(&["verify"]);
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert_eq!(out.status.code(), Some(1), "{what}: {stdout}");
        assert!(!stdout.contains("完好"), "{what}: {stdout}");
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    std::fs::write(&journal, b"").expect("empty");
    assert!(gone("emptied").contains("journal.jsonl"));
    std::fs::remove_file(&journal).expect("delete");
    gone("deleted");
    std::os::unix::fs::symlink("/dev/null", &journal).expect("symlink");
    assert!(gone("a link to /dev/null").contains("不是普通文件"));
    std::fs::remove_file(&journal).expect("remove link");
    // A case with nothing in it yet is simply empty.
    let fresh = common::Env::new();
    std::fs::create_dir_all(fresh.case_dir()).expect("mkdir");
    fresh.ok(&["verify"]);
}

#[test]
fn a_hidden_file_in_the_vault_is_reported() {
    let env = common::Env::new();
    let file = env.data().join("截图.png");
    std::fs::write(&file, b"\x89PNG screenshot").expect("write");
    env.log(&["call", "10086", "--attach", file.to_str().expect("path")]);
    std::fs::write(env.case_dir().join("vault").join(".hidden"), b"x").expect("write");
    let out = env.run(&["verify"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(".hidden") && err.contains("隐藏文件"), "{err}");
}

#[test]
fn a_forged_last_seq_at_the_largest_number_refuses_the_next_log() {
    let env = common::Env::new();
    env.log(&["call", "10086", "-n", "一"]);
    let first = env.journal_bytes();
    let text = String::from_utf8(first.clone()).expect("utf-8");
    let forged = text
        .replacen("{\"seq\":0,", &format!("{{\"seq\":{},", u64::MAX), 1)
        .replacen(
            leakaid::journal::GENESIS,
            &leakaid::journal::sha256_hex(&first),
            1,
        );
    assert_ne!(forged, text);
    std::fs::write(env.journal(), [first, forged.into_bytes()].concat()).expect("write");
    let err = env.refused(&["log", "call", "10010", "-n", "二"]);
    assert!(err.contains("序号") && err.contains("最大"), "{err}");
    assert_eq!(env.journal_lines().len(), 2, "never a line with seq 0 after it");
}

#[test]
fn a_journal_replaced_by_a_pipe_or_a_link_is_refused_at_once() {
    let env = common::Env::new();
    env.log(&["call", "10086", "-n", "一"]);
    let journal = env.journal();
    std::fs::remove_file(&journal).expect("remove");
    let made = std::process::Command::new("mkfifo").arg(&journal).status();
    if !made.is_ok_and(|s| s.success()) {
        common::skip("mkfifo", "the pipe part: mkfifo cannot make a pipe here");
    } else {
        for args in [&["list"][..], &["log", "call", "10010"], &["verify"]] {
            let out = env
                .cmd()
                .args(args)
                .timeout(std::time::Duration::from_secs(10))
                .output()
                .expect("run");
            assert_eq!(out.status.code(), Some(1), "{args:?} must refuse, not hang");
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(err.contains("不是普通文件"), "{args:?}: {err}");
        }
        std::fs::remove_file(&journal).expect("remove pipe");
    }
    let elsewhere = env.data().join("elsewhere.jsonl");
    std::os::unix::fs::symlink(&elsewhere, &journal).expect("symlink");
    env.refused(&["log", "call", "10010"]);
    assert!(!elsewhere.exists(), "a link is never followed to create a file");
}

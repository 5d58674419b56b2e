//! Wizard speed: one frame of the evidence list on a 100,000-entry case (goal: 2 ms or less),
//! the wizard's first frame on a 10,000-entry case, from opening the journal on disk to a
//! drawn frame, and the real binary in a pseudo-terminal on a 100,000-entry case: from process
//! start to its first frame (goal: 50 ms whatever the case size) and to the full dashboard
//! (goal: 400 ms).

use std::hint::black_box;
use std::io::{Read, Write};
use std::path::Path;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use leakaid::case::Record;
use leakaid::case::event::EventBody;
use leakaid::case::{Case, CaseState, EntryId, EvidenceFields, EvidenceKind, Knew, Moment};
use leakaid::i18n::Lang;
use leakaid::journal::{GENESIS, sha256_hex};
use leakaid::tui::message::Msg;
use leakaid::tui::model::App;
use leakaid::tui::theme::Theme;
use leakaid::tui::view;
use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn records(n: u32) -> Vec<Record> {
    let base: Moment = "2026-01-01T08:00:00+08:00".parse().expect("moment");
    let mut prev = GENESIS.to_string();
    (0..n)
        .map(|i| {
            let at = base.timestamp().as_second() + i64::from(i) * 60;
            let z = jiff::Timestamp::from_second(at)
                .expect("ts")
                .to_zoned_datetime(jiff::tz::TimeZone::fixed(base.offset()));
            let m = Moment::from_zoned(&z);
            let r = Record {
                seq: u64::from(i),
                ts: m,
                prev: prev.clone(),
                event: EventBody::EvidenceAdded {
                    id: EntryId(i + 1),
                    fields: EvidenceFields {
                        kind: EvidenceKind::ALL[(i % 7) as usize],
                        occurred_at: m,
                        counterpart: format!("1380013{:04}", i % 3000),
                        to_mine: "13912345678".into(),
                        summary: format!("第{i}次骚扰：自称银行客服，知道我的姓名和身份证号 😡"),
                        knew: [Knew::Name, Knew::IdNumber].into_iter().collect(),
                        lost: None,
                        transfer: None,
                        email: None,
                        phone: None,
                        kept_at: String::new(),
                    },
                    attachments: Vec::new(),
                },
            };
            prev = sha256_hex(&r.to_line().expect("line"));
            r
        })
        .collect()
}

fn write_journal(dir: &Path, n: u32) {
    let mut f = std::fs::File::create(dir.join("journal.jsonl")).expect("journal");
    for r in records(n) {
        f.write_all(&r.to_line().expect("line")).expect("write");
    }
}

fn bench(c: &mut Criterion) {
    let state = CaseState::fold(&records(100_000));
    let mut app = App::new(Lang::Zh, "bench".into(), false);
    app.update(Msg::Resize(80, 24), &state);
    app.update(
        Msg::Key(crossterm::event::KeyEvent::from(crossterm::event::KeyCode::Char(
            '1',
        ))),
        &state,
    );
    // Somewhere in the middle of the list.
    for _ in 0..3 {
        app.update(
            Msg::Key(crossterm::event::KeyEvent::from(
                crossterm::event::KeyCode::PageDown,
            )),
            &state,
        );
    }
    let theme = Theme::new(false);
    let mut t = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    c.bench_function("evidence list frame, 100k entries, 80x24", |b| {
        b.iter(|| {
            t.draw(|f| view::draw(f, black_box(&app), &state, &theme))
                .expect("draw");
        })
    });

    let tmp = tempfile::tempdir().expect("tmp");
    write_journal(tmp.path(), 10_000);
    let mut group = c.benchmark_group("first frame");
    group.sample_size(20);
    group.bench_function("open 10k-entry case and draw the dashboard", |b| {
        b.iter(|| {
            let case = Case::open(tmp.path()).expect("open");
            let mut app = App::new(Lang::Zh, "bench".into(), false);
            app.update(Msg::Resize(80, 24), case.state());
            let mut t = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
            t.draw(|f| view::draw(f, &app, case.state(), &theme))
                .expect("draw");
            black_box(case.state().entries.len())
        })
    });
    group.finish();
}

/// Starts the wizard in an 80x24 pseudo-terminal on the case `default` under `root` and
/// returns the time from process start to the first frame (the title drawn) and to the full
/// dashboard (its "下一步" line), then quits it.
fn pty_startup(root: &Path) -> (Duration, Duration) {
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("pty");
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_leakaid"));
    cmd.args(["--data-dir", root.to_str().expect("utf-8 path")]);
    cmd.env("TERM", "xterm-256color");
    let mut reader = pair.master.try_clone_reader().expect("reader");
    let mut writer = pair.master.take_writer().expect("writer");
    let (tx, rx) = mpsc::channel();
    let start = Instant::now();
    let mut child = pair.slave.spawn_command(cmd).expect("spawn");
    drop(pair.slave);
    std::thread::spawn(move || {
        let nz = |n| std::num::NonZeroU16::new(n).expect("size");
        let mut parser = vt100::Parser::new(nz(24), nz(80), 0);
        let mut buf = [0u8; 65536];
        let (mut first, mut full) = (None, None);
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            parser.process(&buf[..n]);
            let text = parser.screen().contents();
            if first.is_none() && text.contains("信息泄露维权助手") {
                first = Some(start.elapsed());
            }
            if full.is_none() && text.contains("下一步") {
                full = Some(start.elapsed());
                let _ = tx.send((first.unwrap_or_default(), start.elapsed()));
            }
        }
    });
    let times = rx
        .recv_timeout(Duration::from_secs(30))
        .expect("the dashboard appears");
    writer.write_all(b"q").expect("quit");
    writer.flush().expect("flush");
    child.wait().expect("exits");
    times
}

fn startup(c: &mut Criterion) {
    let tmp = tempfile::tempdir().expect("tmp");
    leakaid::synthetic::write_case(&tmp.path().join("default"), 100_000).expect("case");
    let mut group = c.benchmark_group("wizard in a pty, 100k-entry case");
    group.sample_size(10);
    group.bench_function("process start to first frame", |b| {
        b.iter_custom(|iters| (0..iters).map(|_| pty_startup(tmp.path()).0).sum())
    });
    group.bench_function("process start to full dashboard", |b| {
        b.iter_custom(|iters| (0..iters).map(|_| pty_startup(tmp.path()).1).sum())
    });
    group.finish();
}

criterion_group!(benches, bench, startup);
criterion_main!(benches);

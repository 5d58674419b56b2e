//! Wizard speed: one frame of the evidence list on a 100,000-entry case (goal: 2 ms or less),
//! and the wizard's first frame on a 10,000-entry case, from opening the journal on disk to a
//! drawn frame (goal: 50 ms or less; process start and terminal setup add a few ms on top).

use std::hint::black_box;
use std::io::Write;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use leakaid::case::event::EventBody;
use leakaid::case::{Case, CaseState, EntryId, EvidenceFields, EvidenceKind, Knew, Moment};
use leakaid::i18n::Lang;
use leakaid::journal::{GENESIS, Record, sha256_hex};
use leakaid::tui::app::{App, Msg};
use leakaid::tui::theme::Theme;
use leakaid::tui::view;
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

criterion_group!(benches, bench);
criterion_main!(benches);

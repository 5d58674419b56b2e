//! The export screen's b: the evidence folder, made on a worker thread where the packet's
//! copy goes, checked as `leakaid verify --bundle` checks it; snapshots of the screen once it
//! is made, at 80x24 and 40x12 in both languages.

use std::path::PathBuf;

use crossterm::event::KeyCode;

use super::{fixed_now, k, render, typed, wizard};
use crate::bundle::BundleDone;
use crate::case::Case;
use crate::i18n::Lang;
use crate::tui::message::Msg;
use crate::tui::model::{BundleStatus, Screen};
use crate::tui::runtime::{CopyTo, Wizard};

fn wait(w: &mut Wizard) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
    while w.bundling() && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(20));
        w.poll();
    }
}

#[test]
fn b_makes_the_evidence_folder_where_the_packet_copy_goes() {
    let tmp = tempfile::tempdir().expect("tmp");
    let desk = tempfile::tempdir().expect("desktop");
    let mut case = Case::open(tmp.path()).expect("case");
    crate::tui::demo::populate(&mut case, &fixed_now()).expect("demo");
    drop(case);
    let mut w = wizard(tmp.path(), Lang::Zh);
    w.copy_to = CopyTo::Folder(desk.path().to_path_buf());
    typed(&mut w, "x");
    assert_eq!(w.app.screen, Screen::Export);
    w.handle(k(KeyCode::Esc)); // the options form
    assert!(w.app.form.is_none());
    typed(&mut w, "b");
    assert_eq!(w.app.export.bundle, BundleStatus::Running);
    // A second b while it runs starts nothing.
    typed(&mut w, "b");
    wait(&mut w);
    let BundleStatus::Done(done) = &w.app.export.bundle else {
        unreachable!("{:?}", w.app.export.bundle)
    };
    assert_eq!(done.dir.parent(), Some(desk.path()));
    let name = done.dir.file_name().expect("name").to_string_lossy().into_owned();
    assert!(name.starts_with("leakaid-证据-default-"), "{name}");
    assert_eq!(done.fingerprint, w.case.state().fingerprint.to_string());
    let report = crate::bundle::check::check(&done.dir, Lang::Zh).expect("read");
    assert!(report.is_intact(), "{:?}", report.problems);
    assert_eq!(
        report.journal_fingerprint.as_deref(),
        Some(done.fingerprint.as_str())
    );
    // Only one folder was made.
    assert_eq!(std::fs::read_dir(desk.path()).expect("read").count(), 1);
}

#[test]
fn snapshots_of_the_export_screen_with_a_folder_made() {
    for lang in [Lang::Zh, Lang::En] {
        for (cols, rows, size) in [(80, 24, "80x24"), (40, 12, "40x12")] {
            let tmp = tempfile::tempdir().expect("tmp");
            let mut w = wizard(tmp.path(), lang);
            typed(&mut w, "x");
            w.handle(k(KeyCode::Esc));
            w.handle(Msg::Resize(cols, rows));
            w.handle(Msg::Bundled(Ok(BundleDone {
                dir: PathBuf::from("/media/u/leakaid-证据-default-20250601-120000"),
                files: 12,
                fingerprint: format!("7:{}", "ab".repeat(32)),
                notes: Vec::new(),
            })));
            let (t, _) = render(&w.app, w.case.state(), cols, rows);
            insta::assert_snapshot!(
                format!("bundle_done_{}_{size}", lang.pick("zh", "en")),
                format!("{}", t.backend())
            );
        }
    }
}

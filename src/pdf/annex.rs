//! The annexes after the letter: 附件一 证据清单 (one row per entry, numbered by the entry
//! ids, with 来源 / 原件所在 / 证明目的 and every attachment's full SHA-256 kept with its
//! entry), 附件二 附件图片, and the note on checking the case fingerprint, whole, on the last
//! annex page.
//!
//! A case above [`PRINT_ALL_UP_TO`] entries prints the entries of its top leads and names the
//! complete list written beside the PDF.

use super::document::Images;
use super::figures::attachment_line;
use super::model::{
    PRINT_ALL_UP_TO, PacketAttachment, PacketEmail, PacketEntry, PacketInput, printed_entries,
};
use super::style::{columns, fit_ids, table_style};
use super::table::{Row, Table};
use super::words::{date_text, kind_label, knew_list, money, zone_sentence};
use super::writer::{BODY, LEAD, SMALL, Writer};
use crate::case::EvidenceKind;
use crate::guide::letter::{EvidenceText, LetterText};
use crate::i18n::Lang;
use crate::template::fill;

/// The annexes' page counts, and the images that could not be drawn.
pub struct AnnexPages {
    /// Pages of 附件一 证据清单 (with the verification note when there are no images).
    pub evidence: usize,
    /// Pages of 附件二 附件图片 (0: none).
    pub images: usize,
    /// Attachments that looked like images but could not be decoded.
    pub undecodable: Vec<String>,
}

/// A picture the packet tries to print: every image type. One it cannot draw (HEIC, a damaged
/// file) is listed with its hash and named in a notice, never left out silently.
fn is_image(a: &PacketAttachment) -> bool {
    a.media_type.starts_with("image/")
}

/// A picture of a screen (a screenshot) rather than a photo taken with a camera: PNG, or named
/// so by the phone or computer that made it.
fn is_screenshot(a: &PacketAttachment) -> bool {
    let name = a.name.to_lowercase();
    a.media_type == "image/png"
        || [
            "screenshot",
            "screen shot",
            "screen_shot",
            "截图",
            "截屏",
            "屏幕快照",
            "屏幕截图",
        ]
        .iter()
        .any(|w| name.contains(w))
}

/// A screen recording or other video.
fn is_video(a: &PacketAttachment) -> bool {
    a.media_type.starts_with("video/")
}

/// A recording of the call.
fn is_audio(a: &PacketAttachment) -> bool {
    a.media_type.starts_with("audio/")
}

/// The victim's own number or address the entry reached, in the form of `mine`
/// ("（139…）"), or nothing when none was recorded.
fn mine(e: &PacketEntry, text: &EvidenceText) -> String {
    e.to_mine
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|to| fill(&text.mine, &[("to", &to)]))
        .unwrap_or_default()
}

/// 来源: where the evidence comes from, e.g. 本人手机 139…通话记录 / 短信截图 / 邮件原件.
fn source(e: &PacketEntry, lang: Lang) -> String {
    let text = &LetterText::get(lang).evidence;
    let has = |f: &dyn Fn(&PacketAttachment) -> bool| e.attachments.iter().any(f);
    let template = match e.kind {
        EvidenceKind::Call => &text.source_call,
        EvidenceKind::Sms => &text.source_sms,
        EvidenceKind::Email => &text.source_email,
        EvidenceKind::Letter => &text.source_letter,
        EvidenceKind::Web => &text.source_web,
        EvidenceKind::Account => &text.source_account,
        EvidenceKind::Other => &text.source_other,
    };
    let mut s = fill(template, &[("mine", &mine(e, text))]);
    let extras: Vec<&str> = [
        (has(&|a| is_image(a) && is_screenshot(a)), &text.screenshot),
        (has(&|a| is_image(a) && !is_screenshot(a)), &text.photo),
        (has(&|a| a.media_type == "message/rfc822"), &text.original_email),
        (has(&|a| a.media_type.starts_with("audio/")), &text.recording),
    ]
    .into_iter()
    .filter(|(present, _)| *present)
    .map(|(_, word)| word.as_str())
    .collect();
    if !extras.is_empty() {
        let extras = extras.join(lang.pick("、", ", "));
        s.push_str(&fill(&text.source_extras, &[("extras", &extras)]));
    }
    // A page without a capture rests on the victim's word: say what to add.
    if e.kind == EvidenceKind::Web && !has(&|a| is_image(a) || is_video(a)) {
        s.push_str(&text.web_not_captured);
    }
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// 原件所在: where the victim said the original is (`--original`), else the device the
/// kind implies; then the vault files by their electronic-file numbers.
fn original_at(e: &PacketEntry, lang: Lang) -> String {
    let text = &LetterText::get(lang).evidence;
    let said = e.kept_at.trim();
    let mut parts: Vec<String> = if said.is_empty() {
        let device = match e.kind {
            EvidenceKind::Call | EvidenceKind::Sms => Some(&text.held_phone),
            EvidenceKind::Email => Some(&text.held_mailbox),
            EvidenceKind::Letter => Some(&text.held_letter),
            _ => None,
        };
        device
            .map(|t| fill(t, &[("mine", &mine(e, text))]))
            .into_iter()
            .collect()
    } else {
        vec![match original_word(said) {
            Some(Held::Phone) => fill(&text.held_phone, &[("mine", &mine(e, text))]),
            Some(Held::Computer) => text.held_computer.clone(),
            Some(Held::Paper) => text.held_paper.clone(),
            Some(Held::Deleted) => text.held_deleted.clone(),
            None => said.to_string(),
        }]
    };
    if !e.attachments.is_empty() {
        let which = match e.attachments.len() {
            1 => fill(&text.held_file_one, &[("id", &e.id)]),
            n => fill(&text.held_file_range, &[("id", &e.id), ("n", &n)]),
        };
        parts.push(fill(&text.held_files, &[("which", &which)]));
    }
    if parts.is_empty() {
        parts.push(text.held_record.clone());
    }
    parts.join(lang.pick("；", "; "))
}

/// An email's row in the evidence list, continued: what its headers show an officer can act
/// on, one fact a line.
fn email_lines(m: &PacketEmail, lang: Lang) -> Vec<String> {
    let text = &LetterText::get(lang).evidence;
    let join = lang.pick("、", ", ");
    let mut v = Vec::new();
    if !m.from.is_empty() {
        let forged = if m.forged { text.email_forged.as_str() } else { "" };
        v.push(fill(
            &text.email_from,
            &[("from", &format!("{}{forged}", m.from))],
        ));
    }
    // A line only for what the headers show.
    let mut put = |template: &str, values: &[String]| {
        if values.iter().any(|s| !s.is_empty()) {
            v.push(fill(template, &[("value", &values.join(join))]));
        }
    };
    put(&text.email_reply_to, &m.reply_to);
    put(&text.email_checks, &m.checks);
    put(&text.email_server_ip, std::slice::from_ref(&m.server_ip));
    put(&text.email_submitter_ip, std::slice::from_ref(&m.submitter_ip));
    put(&text.email_links, &m.link_domains);
    v
}

/// The places `--original` knows by a word; anything else is printed as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Held {
    Phone,
    Computer,
    Paper,
    Deleted,
}

/// The place a word of `--original` names, in either language.
fn original_word(said: &str) -> Option<Held> {
    let w = said.trim().to_lowercase();
    Some(match w.as_str() {
        "手机" | "本人手机" | "phone" | "my phone" | "mobile" => Held::Phone,
        "电脑" | "本人电脑" | "computer" | "my computer" | "pc" => Held::Computer,
        "纸质" | "纸质原件" | "paper" => Held::Paper,
        "已删除" | "删除" | "deleted" => Held::Deleted,
        _ => return None,
    })
}

/// 证明目的: what the entry proves, from its facts.
fn purpose(e: &PacketEntry, lang: Lang) -> String {
    let text = &LetterText::get(lang).evidence;
    if let Some(reason) = &e.retracted {
        return fill(&text.proves_retracted, &[("reason", reason)]);
    }
    let mut parts = Vec::new();
    // A call log proves the number and the time; without a recording what was said rests on
    // the victim's statement.
    let unrecorded_call = e.kind == EvidenceKind::Call && !e.attachments.iter().any(is_audio);
    if unrecorded_call {
        parts.push(text.proves_call.clone());
    }
    if !e.knew.is_empty() {
        let k = knew_list(e.knew.iter().copied(), lang);
        let template = if unrecorded_call {
            &text.call_content_stated
        } else {
            &text.proves_knew
        };
        parts.push(fill(template, &[("knew", &k)]));
    }
    if let Some(f) = e.amount_lost_fen.filter(|f| *f > 0) {
        parts.push(fill(&text.proves_lost, &[("amount", &money(f, lang))]));
    }
    if parts.is_empty() {
        parts.push(
            match e.kind {
                EvidenceKind::Account => &text.proves_account,
                EvidenceKind::Web => &text.proves_web,
                _ => &text.proves_contact,
            }
            .clone(),
        );
    }
    parts.join(lang.pick("；", "; "))
}

/// When the entry was written down, beside the time it happened: 记录于 within a day of
/// it (the time alone on the same date), 补记于 with the full date when later.
pub fn recorded(e: &PacketEntry, lang: Lang) -> String {
    let text = &LetterText::get(lang).evidence;
    let (at, on) = (e.occurred_at, e.recorded_at);
    let late = at
        .checked_add(jiff::Span::new().hours(24))
        .is_ok_and(|day_after| on > day_after);
    let time = on.time().strftime("%H:%M").to_string();
    let when = if on.date() == at.date() {
        time
    } else {
        format!("{} {time}", date_text(on.date(), lang))
    };
    fill(
        if late { &text.recorded_late } else { &text.recorded },
        &[("time", &when)],
    )
}

/// 证据名称: what the item is, with the counterpart and the victim's summary.
fn name(e: &PacketEntry, lang: Lang) -> String {
    let mut s = format!(
        "{}{}{}",
        kind_label(e.kind, lang),
        lang.pick("：", ": "),
        e.counterpart
    );
    if !e.summary.trim().is_empty() {
        s.push('\n');
        s.push_str(e.summary.trim());
    }
    if e.corrections > 0 {
        s.push('\n');
        s.push_str(&fill(
            &LetterText::get(lang).evidence.corrected,
            &[("n", &e.corrections)],
        ));
    }
    s
}

/// Draws the annexes on `w` (a canvas of their own) and returns their page counts.
pub fn draw(
    w: &mut Writer<'_>,
    input: &PacketInput,
    lang: Lang,
    images: &mut Images,
    redact: bool,
) -> AnnexPages {
    let letter = LetterText::get(lang);
    let text = &letter.evidence;
    let printed = printed_entries(input);

    // 附件一：证据清单.
    w.centered(&text.title, 15.0);
    let retracted_n = input.totals.retracted;
    let retracted = if retracted_n > 0 {
        fill(&text.retracted, &[("n", &retracted_n)])
    } else {
        String::new()
    };
    let mut note = fill(
        &text.note,
        &[
            ("n", &input.totals.entries),
            ("retracted", &retracted),
            ("zone", &zone_sentence(&input.zone, input.print_date, lang)),
        ],
    );
    if input.is_big() {
        let files: Vec<String> = input
            .side_files
            .iter()
            .map(|f| fill(&text.side_file, &[("name", &f.name), ("sha256", &f.sha256)]))
            .collect();
        note.push_str(&fill(
            if redact {
                &text.big_case_redacted
            } else {
                &text.big_case
            },
            &[
                ("limit", &PRINT_ALL_UP_TO),
                ("n", &printed.len()),
                ("files", &files.join(lang.pick("；", "; "))),
            ],
        ));
    }
    w.para(&note, SMALL + 1.0, 0, 0.25);
    w.gap(4.0);
    let mut cols = columns(w, &text.columns, &[14.0, 26.0, 40.0, 32.0, 30.0, 32.0]);
    fit_ids(w, &mut cols, printed.iter().map(|e| e.id.as_str()));
    let mut rows = Vec::new();
    let mut image_atts: Vec<(&PacketEntry, usize, &PacketAttachment)> = Vec::new();
    for e in &printed {
        rows.push(Row::Cells(vec![
            e.id.clone(),
            format!(
                "{}\n{}\n{}",
                date_text(e.occurred_at.date(), lang),
                e.occurred_at.time().strftime("%H:%M"),
                recorded(e, lang)
            ),
            name(e, lang),
            source(e, lang),
            original_at(e, lang),
            purpose(e, lang),
        ]));
        if let Some(m) = &e.email {
            let lines = email_lines(m, lang);
            if !lines.is_empty() {
                rows.push(Row::Span(lines));
            }
        }
        for (k, a) in e.attachments.iter().enumerate() {
            let label = attachment_line(e, k, a, lang);
            rows.push(Row::Span(vec![label, format!("SHA-256 {}", a.sha256)]));
            if is_image(a) && a.path.is_some() {
                image_atts.push((e, k, a));
            }
        }
    }
    if !rows.is_empty() {
        let table = Table {
            columns: cols,
            rows,
            style: table_style(lang),
        };
        table.draw(&mut w.canvas, &w.m);
    }
    let evidence_end = w.canvas.page_count();

    // 附件二：附件图片 (none in a redacted copy: listed instead, with their hashes).
    let mut undecodable = Vec::new();
    if !image_atts.is_empty() {
        if !redact {
            w.canvas.new_page();
            w.centered(&letter.pictures.title, 15.0);
        }
        let listed = super::figures::draw_pictures(w, images, &image_atts, lang, redact);
        undecodable.extend(
            listed
                .iter()
                .filter(|l| l.failed)
                .map(|l| l.attachment.name.clone()),
        );
        super::figures::list_attachments(w, lang, &listed);
    }

    verification(w, input, lang);
    let total = w.canvas.page_count();
    // A redacted copy draws no pictures: what follows the list is still the list.
    let images_pages = if redact { 0 } else { total - evidence_end };
    AnnexPages {
        evidence: if images_pages == 0 { total } else { evidence_end },
        images: images_pages,
        undecodable,
    }
}

/// How to check the fingerprint: kept whole on the last annex page.
fn verification(w: &mut Writer<'_>, input: &PacketInput, lang: Lang) {
    let text = &LetterText::get(lang).verification;
    let fp = input.fingerprint.full();
    let how = fill(
        &text.how,
        &[("fingerprint", &fp), ("count", &input.fingerprint.count)],
    );
    let height = 12.5 * 2.2
        + w.para_height(&text.intro, BODY, 0)
        + (SMALL + 1.0) * LEAD
        + w.para_height(&how, BODY - 1.0, 0)
        + 8.0;
    w.canvas.ensure(height);
    w.heading(&text.heading);
    w.para(&text.intro, BODY, 0, 0.0);
    w.hash_line(&fp);
    w.para(&how, BODY - 1.0, 0, 0.0);
}

//! Draws an open form over the body: one row per field (more for the summary and the
//! toggles), scrolled so the focused field is in view, and returns where the real cursor
//! goes.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::widgets::Clear;

use crate::case::{EvidenceKind, Knew};
use crate::tui::form::{FieldId, Form, FormKind, Input, STATUSES, label};
use crate::tui::guide_text::channel_names;
use crate::tui::model::App;
use crate::tui::strings::fill;
use crate::tui::theme::Theme;
use crate::tui::widgets::text_field::{put, str_width};

/// The shown value of option `i` of a choice field.
pub fn choice_label(id: FieldId, i: usize, app: &App) -> String {
    let s = app.s;
    match id {
        FieldId::ChannelPick => match i.checked_sub(1) {
            None => s.choice_own.to_string(),
            Some(j) => channel_names(app.lang).get(j).cloned().unwrap_or_default(),
        },
        FieldId::Status => STATUSES
            .get(i)
            .map(|st| app.lang.pick(st.zh(), st.en()).to_string())
            .unwrap_or_default(),
        FieldId::PacketLang => if i == 1 { "English" } else { "中文" }.to_string(),
        FieldId::SentVia => crate::case::sent::SentVia::ALL
            .get(i)
            .map(|v| app.lang.pick(v.zh(), v.en()).to_string())
            .unwrap_or_default(),
        _ => if i == 1 { s.yes } else { s.no }.to_string(),
    }
}

fn knew_label(k: Knew, app: &App) -> &'static str {
    app.lang.pick(k.zh(), k.en())
}

/// Where each toggle goes inside `width` columns: (row, column) per item.
fn toggle_places(app: &App, width: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let (mut row, mut col) = (0, 0);
    for k in Knew::ALL {
        let w = 4 + str_width(knew_label(k, app));
        if col > 0 && col + w > width {
            row += 1;
            col = 0;
        }
        out.push((row, col));
        col += w + 1;
    }
    out
}

/// Draws the form; returns the cursor position of the focused text field.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, form: &Form, theme: &Theme) -> Option<Position> {
    let s = app.s;
    frame.render_widget(Clear, area);
    let buf = frame.buffer_mut();
    let title = match &form.kind {
        FormKind::New { .. } => s.form_new.to_string(),
        FormKind::Correct { id, .. } => fill(s.form_correct, &[id]),
        FormKind::Retract(id) => fill(s.form_retract, &[id]),
        FormKind::Attach(id) => fill(s.form_attach, &[id]),
        FormKind::ImportBill => s.form_bill.to_string(),
        FormKind::Profile => s.form_profile.to_string(),
        FormKind::AddReport { .. } => s.form_add_report.to_string(),
        FormKind::UpdateReport { id, .. } => fill(s.form_update_report, &[id]),
        FormKind::AddWarning { .. } => s.form_add_warning.to_string(),
        FormKind::AddConsultation { .. } => s.form_add_consultation.to_string(),
        FormKind::Narrative => s.form_narrative.to_string(),
        FormKind::Export => s.form_export.to_string(),
        FormKind::CorrectWarning { id, .. } => fill(s.form_correct, &[id]),
        FormKind::CorrectConsultation { id, .. } => fill(s.form_correct, &[id]),
        FormKind::RetractRecord(id) => fill(s.form_retract, &[id]),
        FormKind::LetterTo(_) => s.form_letter_to.to_string(),
        FormKind::LetterSent { .. } => s.form_letter_sent.to_string(),
    };
    let w = usize::from(area.width.saturating_sub(2));
    let x = area.x + 1;
    let hint = match form.focused().map(|f| &f.input) {
        Some(Input::Kind(_)) => s.kind_hint,
        Some(Input::Choice(_)) => s.choice_hint,
        Some(Input::Knew { .. }) => s.toggles_hint,
        // The export form makes the packet: its header says so, like its key bar.
        _ if matches!(form.kind, FormKind::Export) => s.export_form_hint,
        _ => s.form_hint,
    };
    let end = put(buf, x, area.y, &title, w, theme.heading);
    put(
        buf,
        end + 2,
        area.y,
        hint,
        w.saturating_sub(usize::from(end - x) + 2),
        theme.dim,
    );
    // The fields on screen (the transfer fields wait for an amount lost).
    let shown: Vec<usize> = (0..form.fields.len()).filter(|i| form.is_shown(*i)).collect();
    let label_w = shown
        .iter()
        .map(|i| str_width(label(form.fields[*i].id, s)))
        .max()
        .unwrap_or(0)
        + 2;
    let input_x = x + label_w as u16;
    let input_w = w.saturating_sub(label_w);
    let avail = usize::from(area.height.saturating_sub(1));
    let n = shown.len();
    // Rows per field: the summary grows into spare room, the toggles wrap.
    let spare = avail.saturating_sub(n);
    let heights: Vec<usize> = form
        .fields
        .iter()
        .map(|f| match &f.input {
            Input::Text(t) if t.is_multiline() => {
                1 + spare.min(match f.id {
                    FieldId::Summary => 3,
                    FieldId::Narrative => usize::MAX,
                    _ => 1,
                })
            }
            Input::Knew { .. } => toggle_places(app, input_w).last().map_or(1, |(r, _)| r + 1),
            _ => 1,
        })
        .collect();
    // First field shown: as late as needed for the focused one to fit.
    let focus = shown.iter().position(|i| *i == form.focus).unwrap_or(0);
    let rows = |from: usize| shown[from..=focus].iter().map(|i| heights[*i]).sum::<usize>();
    let mut first = 0;
    while first < focus && rows(first) > avail {
        first += 1;
    }
    let mut y = area.y + 1;
    let mut cursor = None;
    for &i in shown.iter().skip(first) {
        let f = &form.fields[i];
        let h = heights[i] as u16;
        if y + h > area.bottom() {
            break;
        }
        let focused = i == form.focus && !form.pending;
        let lstyle = if focused { theme.heading } else { theme.text };
        put(buf, x, y, &format!("{}:", label(f.id, s)), label_w, lstyle);
        let fstyle = if focused { theme.field_focus } else { theme.field };
        let input_area = Rect::new(input_x, y, input_w as u16, h);
        match &f.input {
            Input::Text(t) => {
                let placeholder = match (form.started(), f.id) {
                    (Some(started), FieldId::At) => {
                        Some(fill(s.at_placeholder, &[&started.strftime("%Y-%m-%d %H:%M:%S")]))
                    }
                    (_, FieldId::FollowUp) => Some(s.follow_up_placeholder.to_string()),
                    (_, FieldId::NoticeDate) => Some(s.notice_placeholder.to_string()),
                    (_, FieldId::Agency) => Some(s.agency_placeholder.to_string()),
                    _ => None,
                };
                let pos = t.render(
                    input_area,
                    buf,
                    fstyle,
                    placeholder.as_deref().map(|p| (p, theme.dim)),
                );
                if focused {
                    cursor = pos;
                }
            }
            Input::Kind(k) => {
                let kind = EvidenceKind::ALL.get(*k).copied().unwrap_or(EvidenceKind::Other);
                let text = format!("< {} >", app.lang.pick(kind.zh(), kind.en()));
                let style = if focused { theme.selected } else { theme.text };
                put(buf, input_x, y, &text, input_w, style);
            }
            Input::Choice(i) => {
                let text = format!("< {} >", choice_label(f.id, *i, app));
                let style = if focused { theme.selected } else { theme.text };
                put(buf, input_x, y, &text, input_w, style);
            }
            Input::Knew { set, cursor: c } => {
                for (j, (k, (r, col))) in Knew::ALL.iter().zip(toggle_places(app, input_w)).enumerate() {
                    let mark = if set.contains(k) { "[x]" } else { "[ ]" };
                    let style = if focused && j == *c {
                        theme.selected
                    } else {
                        theme.text
                    };
                    let text = format!("{mark}{}", knew_label(*k, app));
                    put(
                        buf,
                        input_x + col as u16,
                        y + r as u16,
                        &text,
                        input_w.saturating_sub(col),
                        style,
                    );
                }
            }
        }
        y += h;
    }
    cursor
}

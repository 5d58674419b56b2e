//! The letters the wizard offers: the six letters in the order that fits the case
//! (recommended ones first, each with the fact that brings it in), a letter to make and the
//! files saved for it. The screen (its state, keys and drawing) is `screens::letters`.

use std::path::PathBuf;

use crate::case::leads::leads;
use crate::case::{CaseState, EvidenceKind};
use crate::evidence::number::{NumberKind, NumberLabel};
use crate::guide::CaseSignals;
use crate::i18n::Lang;
use crate::letters::LetterKind;

/// Why a letter is recommended for this case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fit {
    /// `n` harassing numbers or senders were logged (12321).
    Harassers(usize),
    /// Calls or SMS were logged, or numbers opened in my name (the carrier).
    CallsOrSms,
    /// A number of a bank or payment platform called (posed as, or its own): it may hold the
    /// data (company).
    Impersonated(std::sync::Arc<NumberLabel>),
    /// They knew my details: a leak to complain about (the regulator).
    TheyKnew,
    /// Accounts or cards were opened in my name (credit).
    AccountsInMyName,
    /// A shop or company is suspected (12315).
    CompanySuspected,
}

/// One row of the letters screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    /// The letter.
    pub kind: LetterKind,
    /// Why it fits the case; `None` for the ones not recommended.
    pub fit: Option<Fit>,
}

/// The letters, recommended ones first (in the order of `LetterKind::ALL` within each group),
/// from the case's facts: harassing numbers → 12321 and the carrier; a bank or platform
/// impersonated → the company and the regulator; what they knew → the regulator; accounts in
/// my name → credit; a suspected shop → 12315. `signals` are the case's (`case_signals`).
/// Ranks the leads: the wizard asks `tui::outlook::Outlook::letters`, which keeps the rows
/// until the case changes.
pub fn choices(state: &CaseState, signals: &CaseSignals) -> Vec<Choice> {
    let ranked = leads(state);
    let harassers = ranked
        .iter()
        .filter(|l| {
            l.kinds
                .iter()
                .any(|k| matches!(k, EvidenceKind::Call | EvidenceKind::Sms | EvidenceKind::Email))
        })
        .count();
    let impersonated = ranked
        .iter()
        .filter_map(|l| l.label.as_ref())
        .find(|label| matches!(label.kind, NumberKind::Bank | NumberKind::Payment))
        .cloned();
    let knew = state.live_entries().any(|e| !e.current.knew.is_empty());
    let fit = |kind: LetterKind| -> Option<Fit> {
        match kind {
            LetterKind::Spam12321 => (harassers > 0).then_some(Fit::Harassers(harassers)),
            LetterKind::Carrier => {
                (signals.calls + signals.sms > 0 || signals.telecom_problem).then_some(Fit::CallsOrSms)
            }
            LetterKind::Company => impersonated.clone().map(Fit::Impersonated),
            LetterKind::Regulator => knew.then_some(Fit::TheyKnew),
            LetterKind::Credit => signals
                .accounts_opened_in_my_name
                .then_some(Fit::AccountsInMyName),
            LetterKind::Consumer12315 => signals.company_suspected.then_some(Fit::CompanySuspected),
        }
    };
    let all: Vec<Choice> = LetterKind::ALL
        .iter()
        .map(|k| Choice {
            kind: *k,
            fit: fit(*k),
        })
        .collect();
    let (mut first, rest): (Vec<Choice>, Vec<Choice>) = all.into_iter().partition(|c| c.fit.is_some());
    first.extend(rest);
    first
}

/// A letter to make and save: which, and to whom (`None`: the kind's usual office).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LetterOrder {
    /// Which letter.
    pub kind: LetterKind,
    /// The company or merchant, for the kinds that need one.
    pub to: Option<String>,
    /// Add the ID number (only a letter that may carry it; the user chose it).
    pub with_id: bool,
}

/// A letter written to disk for the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavedLetter {
    /// Which letter.
    pub kind: LetterKind,
    /// Who it is addressed to, as printed.
    pub recipient: String,
    /// The PDF in the case's exports folder (the record).
    pub pdf: PathBuf,
    /// The plain text beside it, for pasting into a web form.
    pub text: PathBuf,
    /// The copies on the Desktop (or in Downloads), or why there are none.
    pub copy: Result<PathBuf, String>,
    /// SHA-256 of the PDF as saved: what "已发出" records.
    pub sha256: String,
}

/// Makes the letter from the case as it stands (in Chinese, for the office it goes to; the
/// messages in `ui`), writes the PDF and the plain text to `dir` under one dated name, copies
/// both to `copy_to` (the Desktop) when there is one, and hashes the PDF as saved. The error is
/// a sentence for the user; nothing is left half-written in `dir` for a letter that cannot be
/// made.
pub fn save_letter(
    state: &CaseState,
    order: &LetterOrder,
    date: jiff::civil::Date,
    ui: Lang,
    dir: &std::path::Path,
    case: &str,
    copy_to: Option<Option<PathBuf>>,
) -> Result<SavedLetter, String> {
    use crate::letters::{LetterRequest, make, pdf, to_text};
    use crate::pdf::FontFace;
    use crate::pdf::export::{render_failure, write_dated, write_failure};
    use crate::pdf::visible::copy_into;
    use sha2::{Digest, Sha256};

    let mut req = LetterRequest::new(order.kind, date, Lang::Zh);
    req.to = order.to.clone();
    req.with_id = order.with_id;
    let letter = make(state, crate::guide::Guide::get(Lang::Zh), &req).map_err(|e| e.screen_message(ui))?;
    let face = FontFace::embedded().map_err(|e| render_failure(ui, &e))?;
    let rendered = pdf::render(&letter, &face).map_err(|e| render_failure(ui, &e))?;
    let stem = crate::letters::file_stem(case, order.kind);
    let pdf_path =
        write_dated(dir, &stem, "pdf", &rendered.bytes).map_err(|(p, e)| write_failure(ui, &p, &e))?;
    let text_path = pdf_path.with_extension("txt");
    crate::durable::write_replacing(&text_path, to_text(&letter).as_bytes())
        .map_err(|e| write_failure(ui, &text_path, &e))?;
    let not_copied = |e: std::io::Error| {
        ui.pick("复制到桌面没有成功：", "Could not copy it to the Desktop: ")
            .to_string()
            + &crate::ioerror::reason(&e, ui)
    };
    let copy = match copy_to {
        Some(Some(folder)) => copy_into(&pdf_path, &folder)
            .and_then(|pdf| copy_into(&text_path, &folder).map(|_| pdf))
            .map_err(not_copied),
        Some(None) => Err(ui
            .pick("没有找到桌面或下载文件夹", "No Desktop or Downloads folder found")
            .to_string()),
        None => Err(ui.pick("没有要求复制", "no copy asked for").to_string()),
    };
    Ok(SavedLetter {
        kind: order.kind,
        recipient: letter.recipient.clone(),
        pdf: pdf_path,
        text: text_path,
        copy,
        sha256: hex::encode(Sha256::digest(&rendered.bytes)),
    })
}

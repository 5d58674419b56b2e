//! `leakaid letter KIND`: a letter for another door (company, 12321, 12315, credit, carrier,
//! regulator) as a PDF in the exports folder (or `-o FILE`), or as plain text with `--text`.
//! Everything is checked before anything is written; what the letter carries of the victim's
//! details is said on stderr before it is saved.

use super::{Ctx, Failure, out, warn};
use crate::case::CaseError;
use crate::cli::LetterArgs;
use crate::guide::Guide;
use crate::i18n::Lang;
use crate::letters::{LetterRequest, make, notes, pdf, to_text};
use crate::pdf::FontFace;
use crate::pdf::export::{missing_warning, render_failure};
use crate::text::{MAX_LINE_CHARS, clean_line};

/// Runs `leakaid letter`.
pub fn run(ctx: &Ctx, args: &LetterArgs) -> Result<(), Failure> {
    let date = super::output::print_date(ctx, args.date.as_deref())?;
    for (value, field) in [
        (&args.to, ("收信单位", "recipient")),
        (&args.account, ("账户", "account")),
    ] {
        if let Some(v) = value {
            clean_line(v, MAX_LINE_CHARS).map_err(|err| ctx.fail(CaseError::Text { field, err }))?;
        }
    }
    let lang = args.letter_lang.unwrap_or(Lang::Zh);
    let case = ctx.read_case_verified()?;
    let req = LetterRequest {
        kind: args.kind,
        to: args.to.clone(),
        date,
        with_id: args.with_id,
        lang,
        account: args.account.clone(),
        // Letters go to bodies in China: Beijing time.
        zone: crate::localtime::beijing(),
    };
    let letter = make(case.state(), Guide::get(lang), &req).map_err(|e| Failure::new(e.message(ctx.lang)))?;
    super::output::check_print_date(ctx, date, case.state())?;
    // Said in the interface language, before anything is saved.
    let said = letter.privacy_sentence_in(ctx.lang);
    // Then what the victim should know about sending it (not part of the letter), in the
    // interface language: a translated letter's notes come from the same letter made in it.
    let in_ui = if ctx.lang == lang {
        notes(&letter)
    } else {
        let ui = LetterRequest {
            lang: ctx.lang,
            ..req.clone()
        };
        make(case.state(), Guide::get(ctx.lang), &ui)
            .map(|l| notes(&l))
            .unwrap_or_default()
    };
    let said = std::iter::once(said).chain(in_ui).collect::<Vec<_>>().join("\n");
    let stem = crate::letters::file_stem(ctx.case_name(), args.kind);
    if args.text {
        let text = to_text(&letter);
        if args.file.output.is_none() {
            warn(said);
            out(text.trim_end());
            return Ok(());
        }
        warn(said);
        let bytes = crate::text::notepad::file_bytes(&text);
        return super::output::write_export_named(ctx, &case, &bytes, &stem, "txt", &args.file);
    }
    let face = FontFace::embedded().map_err(|e| Failure::new(render_failure(ctx.lang, &e)))?;
    let rendered = pdf::render(&letter, &face).map_err(|e| Failure::new(render_failure(ctx.lang, &e)))?;
    if let Some(w) = missing_warning(ctx.lang, &rendered.missing) {
        warn(w);
    }
    warn(said);
    super::output::write_export_named(ctx, &case, &rendered.bytes, &stem, "pdf", &args.file)
}

//! Exports of a case for other programs: JSON (everything) and CSV (the evidence list, with
//! each transfer's receiving and paying sides, time, method and order number).

use serde::Serialize;

use crate::case::{CaseState, Entry, Knew};
use crate::text::shown_text;

/// The JSON export: the whole folded case with the fingerprint it was made from.
#[derive(Serialize)]
struct JsonExport<'a> {
    format: &'static str,
    fingerprint: String,
    #[serde(flatten)]
    state: &'a CaseState,
}

/// The case as pretty JSON.
pub fn to_json(state: &CaseState) -> Result<Vec<u8>, serde_json::Error> {
    write_json(state, Vec::new())
}

/// [`to_json`] written into `out` (which it returns) as it is made: a large case is never held
/// whole in memory as JSON.
pub fn write_json<W: std::io::Write>(state: &CaseState, mut out: W) -> Result<W, serde_json::Error> {
    serde_json::to_writer_pretty(
        &mut out,
        &JsonExport {
            format: "leakaid-case/1",
            fingerprint: state.fingerprint.to_string(),
            state,
        },
    )?;
    out.write_all(b"\n").map_err(serde_json::Error::io)?;
    Ok(out)
}

/// The evidence list as CSV, one row per entry (retracted ones marked), with a UTF-8 byte
/// order mark so spreadsheet programs read the Chinese correctly. Every cell is made safe
/// for a spreadsheet ([`safe_cell`]).
pub fn to_csv(state: &CaseState) -> Result<Vec<u8>, csv::Error> {
    write_csv(state, Vec::new())
}

/// [`to_csv`] written into `out` (which it returns), row by row.
pub fn write_csv<W: std::io::Write>(state: &CaseState, mut out: W) -> Result<W, csv::Error> {
    out.write_all(&[0xEF, 0xBB, 0xBF])?;
    let mut w = csv::Writer::from_writer(out);
    w.write_record([
        "id",
        "occurred_at",
        "kind",
        "counterpart",
        "to_mine",
        "summary",
        "knew",
        "lost_yuan",
        "to_name",
        "to_account",
        "to_bank",
        "paid_at",
        "paid_via",
        "order_number",
        "from_account",
        "from_bank",
        "attachments",
        "status",
        "recorded_at",
    ])?;
    for e in &state.entries {
        w.write_record(row(e).iter().map(|c| safe_cell(c)))?;
    }
    let bytes = w.into_inner().map_err(|e| csv::Error::from(e.into_error()))?;
    Ok(bytes)
}

/// A cell a spreadsheet shows as text, never runs: control codes and escapes removed, and a
/// cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return (a formula to Excel,
/// LibreOffice and Numbers) gets a leading `'`, as OWASP advises against CSV injection. A
/// scammer controls the sender of an imported email, which becomes the counterpart cell.
pub fn safe_cell(value: &str) -> String {
    let starts_formula = |s: &str| s.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let shown = shown_text(value);
    if starts_formula(value) || starts_formula(&shown) {
        format!("'{shown}")
    } else {
        shown.into_owned()
    }
}

fn row(e: &Entry) -> Vec<String> {
    let f = &e.current;
    let knew: Vec<&str> = f.knew.iter().map(|k: &Knew| k.code()).collect();
    let files: Vec<String> = e
        .attachments
        .iter()
        .map(|a| format!("{} sha256:{}", a.original_name, a.sha256))
        .collect();
    let status = if e.retracted.is_some() {
        "retracted"
    } else if e.is_corrected() {
        "corrected"
    } else {
        "recorded"
    };
    let t = f.transfer.as_deref().cloned().unwrap_or_default();
    vec![
        e.id.to_string(),
        f.occurred_at.to_string(),
        f.kind.code().to_string(),
        f.counterpart.clone(),
        f.to_mine.clone(),
        f.summary.clone(),
        knew.join(","),
        f.lost.map(|l| l.to_string()).unwrap_or_default(),
        t.name,
        t.account,
        t.bank,
        t.paid_at.map(|m| m.to_string()).unwrap_or_default(),
        t.method,
        t.txn,
        t.from_account,
        t.from_bank,
        files.join("; "),
        status.to_string(),
        e.recorded_at.to_string(),
    ]
}

#[cfg(test)]
mod tests {
    use super::safe_cell;

    #[test]
    fn formula_cells_are_neutralised() {
        assert_eq!(safe_cell("=cmd|' /C calc'!A0"), "'=cmd|' /C calc'!A0");
        assert_eq!(safe_cell("+86 138 0013 8000"), "'+86 138 0013 8000");
        assert_eq!(safe_cell("-1+2"), "'-1+2");
        assert_eq!(safe_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(safe_cell("\t=1"), "' =1");
        assert_eq!(safe_cell("\r=1"), "'\n=1");
        assert_eq!(safe_cell("银行客服 = 骗子"), "银行客服 = 骗子");
        assert_eq!(safe_cell("a\u{1b}[2Jb"), "ab");
        assert_eq!(safe_cell(""), "");
    }
}

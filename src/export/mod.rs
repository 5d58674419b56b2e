//! Exports of a case for other programs: JSON (everything) and CSV (the evidence list).

use serde::Serialize;

use crate::case::{CaseState, Entry, Knew};

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
    let mut v = serde_json::to_vec_pretty(&JsonExport {
        format: "leakaid-case/1",
        fingerprint: state.fingerprint.to_string(),
        state,
    })?;
    v.push(b'\n');
    Ok(v)
}

/// The evidence list as CSV, one row per entry (retracted ones marked), with a UTF-8 byte
/// order mark so spreadsheet programs read the Chinese correctly.
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
        "attachments",
        "status",
        "recorded_at",
    ])?;
    for e in &state.entries {
        w.write_record(row(e))?;
    }
    let bytes = w.into_inner().map_err(|e| csv::Error::from(e.into_error()))?;
    Ok(bytes)
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
    vec![
        e.id.to_string(),
        f.occurred_at.to_string(),
        f.kind.code().to_string(),
        f.counterpart.clone(),
        f.to_mine.clone(),
        f.summary.clone(),
        knew.join(","),
        f.lost.map(|l| l.to_string()).unwrap_or_default(),
        files.join("; "),
        status.to_string(),
        e.recorded_at.to_string(),
    ]
}

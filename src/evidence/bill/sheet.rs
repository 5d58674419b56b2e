//! A bill file as a table of trimmed text cells, whatever it was saved as: CSV in UTF-8 (with
//! or without a byte-order mark) or GB18030/GBK, or a spreadsheet (XLS, XLSX) read with
//! calamine. Each row keeps the line (CSV) or row (spreadsheet) number the user sees.

use std::io::Cursor;

use calamine::{Data, Reader, open_workbook_auto_from_rs};

/// The cells of a bill, row by row.
pub struct Table {
    /// Each row's cells, trimmed of spaces and tabs.
    pub rows: Vec<Vec<String>>,
    /// Each row's number in the file, from 1.
    pub lines: Vec<usize>,
}

/// Reads `bytes` as a spreadsheet when it is one (the XLSX zip or the XLS compound-file
/// signature), else as CSV text. `None` when it is neither.
pub fn table(bytes: &[u8]) -> Option<Table> {
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return spreadsheet(bytes);
    }
    csv_table(&decode(bytes)?)
}

/// The text of a CSV file: UTF-8 (a byte-order mark dropped), else GB18030 (which reads GBK
/// and GB2312 too). `None` for bytes that are no text (NUL bytes, or not GB18030 either).
pub fn decode(bytes: &[u8]) -> Option<String> {
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    if bytes.contains(&0) {
        return None;
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Some(s.to_string());
    }
    let (text, had_errors) = encoding_rs::GB18030.decode_without_bom_handling(bytes);
    (!had_errors).then(|| text.into_owned())
}

/// A cell as the bills pad it: spaces, tabs and the ideographic space cut from both ends.
pub fn clean(cell: &str) -> String {
    cell.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}')
        .to_string()
}

fn csv_table(text: &str) -> Option<Table> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let mut lines = Vec::new();
    for record in reader.records() {
        let record = record.ok()?;
        lines.push(record.position().map_or(rows.len() + 1, |p| p.line() as usize));
        rows.push(record.iter().map(clean).collect());
    }
    Some(Table { rows, lines })
}

fn spreadsheet(bytes: &[u8]) -> Option<Table> {
    let mut book = open_workbook_auto_from_rs(Cursor::new(bytes)).ok()?;
    let range = book.worksheet_range_at(0)?.ok()?;
    let first = range.start().map_or(0, |(r, _)| r as usize);
    let mut rows = Vec::new();
    let mut lines = Vec::new();
    for (i, row) in range.rows().enumerate() {
        lines.push(first + i + 1);
        rows.push(row.iter().map(cell_text).collect());
    }
    Some(Table { rows, lines })
}

/// A spreadsheet cell as text; a date cell as `2024-03-05 14:20:00`.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::DateTime(d) if d.is_datetime() => excel_date(d.as_f64()).unwrap_or_default(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        other => clean(&other.to_string()),
    }
}

/// An Excel serial date (days since 1899-12-30, the fraction the time of day) as text.
fn excel_date(serial: f64) -> Option<String> {
    if !(0.0..3_000_000.0).contains(&serial) {
        return None;
    }
    let seconds = (serial * 86_400.0).round() as i64;
    let base = jiff::civil::date(1899, 12, 30).at(0, 0, 0, 0);
    let at = base.checked_add(jiff::Span::new().seconds(seconds)).ok()?;
    Some(at.strftime("%Y-%m-%d %H:%M:%S").to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gb18030_text_and_a_bom_are_read() {
        let (gbk, _, _) = encoding_rs::GB18030.encode("交易时间,金额\n");
        assert_eq!(decode(&gbk).as_deref(), Some("交易时间,金额\n"));
        assert_eq!(decode("\u{feff}支出".as_bytes()).as_deref(), Some("支出"));
        assert_eq!(decode(b"\x00\x01"), None);
    }

    #[test]
    fn serial_dates_are_read_as_excel_counts_them() {
        assert_eq!(excel_date(45943.5).as_deref(), Some("2025-10-13 12:00:00"));
    }
}

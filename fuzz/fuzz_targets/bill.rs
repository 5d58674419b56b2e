//! A bill as `leakaid import bill` and step 1's b read it: a payment app's or a bank's export,
//! CSV (UTF-8 or GB18030), XLS or XLSX, recognised by its content. Whatever the bytes, reading
//! gives a bill or a refusal; a row read has a line within the file.
#![no_main]

use leakaid::evidence::bill;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(b) = bill::read(bytes) {
        let mut last = 0;
        for row in &b.rows {
            assert!(row.line >= 1, "a row numbered 0");
            assert!(row.line > last, "rows out of the file's order");
            last = row.line;
            let _ = row.pickable();
        }
    }
});

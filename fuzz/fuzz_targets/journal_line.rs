//! One journal line as `verify`, `list` and every command read it: the decoder and the
//! canonical check. A line that is accepted must be exactly the bytes leakaid writes for the
//! record it holds (otherwise a line could carry free bytes to grind a hash with).
#![no_main]

use leakaid::case::Record;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|line: &[u8]| {
    if let Ok(rec) = Record::from_line(line) {
        let written = rec.to_line().expect("a record read from a line can be written");
        assert_eq!(
            &written[..written.len() - 1],
            line,
            "an accepted line is not what leakaid writes for its record"
        );
        assert_eq!(rec.next_seq(), rec.seq.checked_add(1));
    }
});

//! The time phrases people type for when something happened (`--at`, the wizard's time
//! fields, a notice date): whatever is accepted is a real time between 1970 and now.
#![no_main]

use leakaid::case::when::{parse_date, parse_when, read_when};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Ok(input) = std::str::from_utf8(bytes) else {
        return;
    };
    // A fixed now (2026-12-07 20:50 in China): the fuzzer sees the same answers every run.
    let now = jiff::Timestamp::from_second(1_796_647_800)
        .expect("a fixed time")
        .to_zoned_datetime(jiff::tz::TimeZone::fixed(jiff::tz::offset(8)));
    let read = read_when(input, &now);
    assert_eq!(read.clone().map(|r| r.moment), parse_when(input, &now));
    if let Ok(r) = read {
        let secs = r.moment.timestamp().as_second();
        assert!(secs >= 0, "{input:?} was read as a time before 1970");
        assert!(
            secs <= now.timestamp().as_second() + leakaid::moment::FUTURE_SLACK_SECONDS,
            "{input:?} was read as a time in the future"
        );
    }
    let _ = parse_date(input);
});

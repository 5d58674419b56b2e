//! A saved .eml file as `add --email` and the wizard read it: the MIME reader, the Received
//! walk to the first outside hop, the sender checks, the links, and everything printed from
//! them. What is read is kept on the evidence entry, so it must read back from the journal as
//! it was written.
#![no_main]

use leakaid::evidence::email::{self, EmailFacts};
use leakaid::i18n::Lang;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Some(facts) = email::parse(bytes) else {
        return;
    };
    let now = jiff::Timestamp::from_second(1_796_000_000)
        .expect("a fixed time")
        .to_zoned_datetime(jiff::tz::TimeZone::fixed(jiff::tz::offset(8)));
    if let Some(i) = facts.first_external {
        assert!(
            i < facts.received.len(),
            "the first outside hop is one of the hops"
        );
    }
    let _ = facts.external_hop();
    if let Some(m) = facts.occurred_at(&now) {
        assert!(m.timestamp().as_second() >= 0, "an email's time is after 1970");
    }
    let _ = facts.from_forged();
    for lang in [Lang::Zh, Lang::En] {
        let _ = facts.origin().line(lang);
        for s in facts.signals() {
            let _ = s.sentence(lang);
        }
        let _ = facts.describe(lang);
        let _ = facts.summary_line(lang);
    }
    let json = serde_json::to_vec(&facts).expect("email facts are written as JSON");
    let back: EmailFacts = serde_json::from_slice(&json).expect("email facts read back");
    assert_eq!(back, facts, "email facts do not read back as they were written");
});

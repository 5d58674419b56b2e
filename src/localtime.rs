//! Times as people read them: every moment a list or a screen shows is converted to one zone,
//! the system's (the `TZ` variable honoured), and shown without an offset after it; the zone
//! is named once ("时间均为本地时间（UTC+08:00）"). A record keeps the offset it was made in —
//! only the showing converts — so lists sort and read in the same order.

use jiff::tz::TimeZone;
use jiff::{Timestamp, ZonedDateTime};

use crate::case::Moment;
use crate::i18n::Lang;

/// The zone times are shown in: the system's, `TZ` honoured.
pub fn system_zone() -> TimeZone {
    TimeZone::system()
}

/// Beijing time (UTC+08:00, no daylight saving): the zone of every document addressed to an
/// authority in China, whatever the computer's zone. Each moment keeps the offset it was
/// recorded with, so the conversion is exact.
pub fn beijing() -> TimeZone {
    TimeZone::fixed(jiff::tz::Offset::constant(8))
}

/// `m` in the zone `tz`.
pub fn in_zone(m: &Moment, tz: &TimeZone) -> ZonedDateTime {
    m.timestamp().to_zoned_datetime(tz.clone())
}

/// `2026-11-29 14:05` in `tz`: what lists show.
pub fn short(m: &Moment, tz: &TimeZone) -> String {
    in_zone(m, tz).strftime("%Y-%m-%d %H:%M").to_string()
}

/// [`short`] written onto `out`: the zone's offset at that moment is looked up, and the
/// digits are written by hand (a long list prints hundreds of thousands of times).
pub fn push_short(m: &Moment, tz: &TimeZone, out: &mut String) {
    m.at_offset(tz.to_offset(m.timestamp())).push_short(out);
}

/// `2026-11-29 14:05:09` in `tz`: what a detail view shows.
pub fn long(m: &Moment, tz: &TimeZone) -> String {
    in_zone(m, tz).strftime("%Y-%m-%d %H:%M:%S").to_string()
}

/// The zone as its offset from UTC at `at`: `UTC+08:00`.
pub fn zone_label(tz: &TimeZone, at: Timestamp) -> String {
    format!("UTC{}", at.to_zoned_datetime(tz.clone()).strftime("%:z"))
}

/// The sentence that names the zone once, under or over a list of times:
/// "时间均为本地时间（UTC+08:00）".
pub fn legend(lang: Lang, tz: &TimeZone, at: Timestamp) -> String {
    let zone = zone_label(tz, at);
    match lang {
        Lang::Zh => format!("时间均为本地时间（{zone}）"),
        Lang::En => format!("Times are local ({zone})"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::tz::Offset;

    fn zone(hours: i8) -> TimeZone {
        TimeZone::fixed(Offset::constant(hours))
    }

    #[test]
    fn a_moment_recorded_in_utc_reads_in_the_local_zone_without_a_suffix() {
        let m: Moment = "2026-11-29T06:05:09+00:00".parse().expect("moment");
        assert_eq!(short(&m, &zone(8)), "2026-11-29 14:05");
        for (tz, want) in [(zone(8), "2026-11-29 14:05"), (zone(0), "2026-11-29 06:05")] {
            let mut out = String::from("从 ");
            push_short(&m, &tz, &mut out);
            assert_eq!(out, format!("从 {want}"));
        }
        assert_eq!(long(&m, &zone(8)), "2026-11-29 14:05:09");
        assert_eq!(zone_label(&zone(8), m.timestamp()), "UTC+08:00");
        assert_eq!(zone_label(&zone(0), m.timestamp()), "UTC+00:00");
        assert_eq!(zone_label(&zone(-5), m.timestamp()), "UTC-05:00");
        assert_eq!(
            legend(Lang::Zh, &zone(8), m.timestamp()),
            "时间均为本地时间（UTC+08:00）"
        );
        assert_eq!(
            legend(Lang::En, &zone(0), m.timestamp()),
            "Times are local (UTC+00:00)"
        );
    }

    #[test]
    fn moments_from_two_zones_read_in_the_order_they_happened() {
        // An email dated in New York's evening and an SMS in Beijing the next morning: in one
        // zone the earlier one reads earlier, whatever offsets they were recorded in.
        let email: Moment = "2026-11-28T20:00:00-05:00".parse().expect("moment");
        let sms: Moment = "2026-11-29T10:00:00+08:00".parse().expect("moment");
        assert!(email.timestamp() < sms.timestamp());
        let tz = zone(8);
        assert_eq!(short(&email, &tz), "2026-11-29 09:00");
        assert_eq!(short(&sms, &tz), "2026-11-29 10:00");
        assert!(short(&email, &tz) < short(&sms, &tz));
        // The record itself keeps its own offset.
        assert_eq!(email.to_string(), "2026-11-28T20:00:00-05:00");
    }

    proptest::proptest! {
        /// The digits written by hand read as the general formatter writes them, in zones with
        /// summer time and with offsets of odd seconds.
        #[test]
        fn push_short_reads_as_the_formatter(secs in -2_208_988_800i64..4_102_444_800, off in -50_000i32..50_000) {
            let m = Moment::from_zoned(&jiff::Timestamp::from_second(secs).expect("in range").to_zoned_datetime(TimeZone::UTC));
            let zones = [
                TimeZone::fixed(Offset::from_seconds(off).expect("offset")),
                TimeZone::posix("EST5EDT,M3.2.0,M11.1.0").expect("posix zone"),
                zone(8),
            ];
            for tz in zones {
                let mut out = String::new();
                push_short(&m, &tz, &mut out);
                proptest::prop_assert_eq!(out, in_zone(&m, &tz).strftime("%Y-%m-%d %H:%M").to_string());
            }
        }
    }
}

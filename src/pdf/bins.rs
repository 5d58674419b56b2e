//! The contacts chart's bars: contacts per day (per week or month for a long case) and kind,
//! counted over every live entry. [`super::chart`] draws them.

use std::collections::BTreeMap;

use jiff::civil::Date;

use crate::case::EvidenceKind;

/// How contacts are counted per bar.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Bin {
    /// One bar per day.
    #[default]
    Day,
    /// One bar per week (Monday to Sunday).
    Week,
    /// One bar per month.
    Month,
}

/// Days up to which the chart has a bar per day; then per week up to `DAYS * 7`.
const DAYS: i64 = 62;

/// The bin for a case spanning `first..=last`.
pub fn bin_for(first: Date, last: Date) -> Bin {
    let days = first.until(last).map(|s| s.get_days() as i64).unwrap_or(0);
    if days < DAYS {
        Bin::Day
    } else if days < DAYS * 7 {
        Bin::Week
    } else {
        Bin::Month
    }
}

/// The first day of the bar `d` falls in.
pub fn bin_start(d: Date, bin: Bin) -> Date {
    match bin {
        Bin::Day => d,
        Bin::Week => {
            let back = i64::from(d.weekday().to_monday_zero_offset());
            d.checked_sub(jiff::Span::new().days(back)).unwrap_or(d)
        }
        Bin::Month => d.first_of_month(),
    }
}

fn next_bin(d: Date, bin: Bin) -> Date {
    let span = match bin {
        Bin::Day => jiff::Span::new().days(1),
        Bin::Week => jiff::Span::new().weeks(1),
        Bin::Month => jiff::Span::new().months(1),
    };
    d.checked_add(span).unwrap_or(d)
}

/// One bar: its first day and the contacts in it by kind.
pub type Bar = (Date, BTreeMap<EvidenceKind, usize>);

/// The chart's bin and its bars.
pub type Chart = (Bin, Vec<Bar>);

/// Contacts per bar and kind, every bar from the first to the last (empty ones too), from
/// each live entry's day and kind.
pub fn counts(days: &[(Date, EvidenceKind)]) -> Chart {
    let (Some(first), Some(last)) = (
        days.iter().map(|(d, _)| *d).min(),
        days.iter().map(|(d, _)| *d).max(),
    ) else {
        return (Bin::Day, Vec::new());
    };
    let bin = bin_for(first, last);
    let mut map: BTreeMap<Date, BTreeMap<EvidenceKind, usize>> = BTreeMap::new();
    let mut d = bin_start(first, bin);
    let end = bin_start(last, bin);
    while d <= end {
        map.insert(d, BTreeMap::new());
        let next = next_bin(d, bin);
        if next == d {
            break;
        }
        d = next;
    }
    for (day, kind) in days {
        *map.entry(bin_start(*day, bin))
            .or_default()
            .entry(*kind)
            .or_default() += 1;
    }
    (bin, map.into_iter().collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::{Weekday, date};

    #[test]
    fn short_cases_by_day_long_ones_by_week_or_month() {
        assert_eq!(bin_for(date(2026, 10, 1), date(2026, 10, 24)), Bin::Day);
        assert_eq!(bin_for(date(2026, 1, 1), date(2026, 6, 1)), Bin::Week);
        assert_eq!(bin_for(date(2024, 1, 1), date(2026, 6, 1)), Bin::Month);
        // 2026-10-24 is a Saturday: its week starts on Monday the 19th.
        assert_eq!(bin_start(date(2026, 10, 24), Bin::Week), date(2026, 10, 19));
        assert_eq!(date(2026, 10, 19).weekday(), Weekday::Monday);
    }
}

//! Amounts written in 大写 (the financial capitals used on cheques, receipts and in letters to
//! the authorities): 人民币38,000.00元 is 叁万捌仟元整. The forms follow the rules banks apply
//! to written amounts: 壹拾 for ten, one 零 for a run of zeros inside the number, 整 after 元
//! when there are no 角 or 分, and 零 between 元 and 分 when there are no 角.

const DIGITS: [char; 10] = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const IN_GROUP: [&str; 4] = ["仟", "佰", "拾", ""];
const GROUPS: [&str; 5] = ["", "万", "亿", "万亿", "亿亿"];

/// One group of four digits (1..=9999), a leading zero run left out.
fn group(n: u64, out: &mut String) {
    let digits = [n / 1000, n / 100 % 10, n / 10 % 10, n % 10];
    let mut zero = false;
    let mut started = false;
    for (d, unit) in digits.into_iter().zip(IN_GROUP) {
        if d == 0 {
            zero |= started;
            continue;
        }
        if zero {
            out.push('零');
            zero = false;
        }
        out.push(DIGITS[d as usize]);
        out.push_str(unit);
        started = true;
    }
}

/// `fen` (0.01 yuan) in 大写: `叁万捌仟元整`, `壹佰元零伍分`, `零元整`.
pub fn yuan_in_capitals(fen: u64) -> String {
    let whole = fen / 100;
    let jiao = fen / 10 % 10;
    let cents = fen % 10;
    let mut out = String::new();
    let mut groups = Vec::new();
    let mut rest = whole;
    while rest > 0 {
        groups.push(rest % 10_000);
        rest /= 10_000;
    }
    let mut started = false;
    let mut zero = false;
    for (i, g) in groups.iter().enumerate().rev() {
        if *g == 0 {
            zero |= started;
            continue;
        }
        if started && (zero || *g < 1000) {
            out.push('零');
        }
        group(*g, &mut out);
        out.push_str(GROUPS.get(i).copied().unwrap_or(""));
        started = true;
        zero = false;
    }
    if whole > 0 || (jiao == 0 && cents == 0) {
        if whole == 0 {
            out.push('零');
        }
        out.push('元');
    }
    match (jiao, cents) {
        (0, 0) => out.push('整'),
        (j, 0) => {
            out.push(DIGITS[j as usize]);
            out.push('角');
        }
        (0, c) => {
            if whole > 0 {
                out.push('零');
            }
            out.push(DIGITS[c as usize]);
            out.push('分');
        }
        (j, c) => {
            out.push(DIGITS[j as usize]);
            out.push('角');
            out.push(DIGITS[c as usize]);
            out.push('分');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads 大写 back into fen: the inverse the property test checks against.
    fn read_back(s: &str) -> Option<u64> {
        let (yuan, small) = match s.split_once('元') {
            Some((y, rest)) => (y, rest),
            None => ("", s),
        };
        let mut total: u64 = 0;
        let mut section: u64 = 0;
        let mut digit: u64 = 0;
        let chars: Vec<char> = yuan.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            if let Some(d) = DIGITS.iter().position(|x| *x == c) {
                digit = d as u64;
            } else {
                match c {
                    '拾' => section += digit * 10,
                    '佰' => section += digit * 100,
                    '仟' => section += digit * 1000,
                    '万' | '亿' => {
                        let next = chars.get(i + 1).copied();
                        let unit: u64 = match (c, next) {
                            ('万', Some('亿')) => 1_000_000_000_000,
                            ('亿', Some('亿')) => 10_000_000_000_000_000,
                            ('亿', _) => 100_000_000,
                            _ => 10_000,
                        };
                        if matches!(next, Some('亿')) {
                            i += 1;
                        }
                        total += (section + digit) * unit;
                        section = 0;
                    }
                    _ => return None,
                }
                digit = 0;
            }
            i += 1;
        }
        total += section + digit;
        let mut fen = total * 100;
        let mut digit = 0;
        for c in small.chars() {
            if let Some(d) = DIGITS.iter().position(|x| *x == c) {
                digit = d as u64;
                continue;
            }
            match c {
                '角' => fen += digit * 10,
                '分' => fen += digit,
                '整' => {}
                _ => return None,
            }
            digit = 0;
        }
        Some(fen)
    }

    #[test]
    fn amounts_as_a_bank_writes_them() {
        assert_eq!(yuan_in_capitals(3_800_000), "叁万捌仟元整");
        assert_eq!(yuan_in_capitals(0), "零元整");
        assert_eq!(yuan_in_capitals(50), "伍角");
        assert_eq!(yuan_in_capitals(5), "伍分");
        assert_eq!(yuan_in_capitals(10_005), "壹佰元零伍分");
        assert_eq!(yuan_in_capitals(168_032), "壹仟陆佰捌拾元叁角贰分");
        assert_eq!(yuan_in_capitals(10_001_000), "壹拾万零壹拾元整");
        assert_eq!(yuan_in_capitals(100_000_000), "壹佰万元整");
        assert_eq!(yuan_in_capitals(10_000_010_000), "壹亿零壹佰元整");
        assert_eq!(yuan_in_capitals(1_000_000_000_000), "壹佰亿元整");
        assert_eq!(yuan_in_capitals(100_500), "壹仟零伍元整");
    }

    proptest::proptest! {
        #[test]
        fn capitals_read_back_to_the_same_amount(fen in 0u64..=100_000_000_000_000_000) {
            let s = yuan_in_capitals(fen);
            proptest::prop_assert_eq!(read_back(&s), Some(fen), "{}", s);
            // Never two 零 in a row, never 零 before a unit.
            proptest::prop_assert!(!s.contains("零零"), "{}", s);
            proptest::prop_assert!(!s.contains("零万") && !s.contains("零亿") && !s.contains("零元") || fen < 100, "{}", s);
        }
    }
}

//! Testing text eight bytes at a time for bytes of interest: the classic word-at-a-time
//! tests ("has a byte below n", "has a byte equal to c"). A word that holds a byte of
//! interest is then looked at byte by byte; a word that does not is passed over at once.

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// True when some byte of `w` is below `n` (`n` at most 128).
pub fn has_below(w: u64, n: u8) -> bool {
    w.wrapping_sub(ONES * u64::from(n)) & !w & HIGHS != 0
}

/// True when some byte of `w` is `c`.
pub fn has_byte(w: u64, c: u8) -> bool {
    let v = w ^ (ONES * u64::from(c));
    v.wrapping_sub(ONES) & !v & HIGHS != 0
}

/// Whether `wanted(i)` holds for some byte index `i` of `b`: each word of eight bytes is
/// tested with `word_may` first (it must be true for every word that holds a byte at which
/// `wanted` can hold), and its bytes one by one only when it says so. The last, short word is
/// made up with `filler`, a byte `word_may` passes over.
#[inline]
pub fn any_byte(
    b: &[u8],
    filler: u8,
    word_may: impl Fn(u64) -> bool,
    wanted: impl Fn(usize) -> bool,
) -> bool {
    let mut words = b.chunks_exact(8);
    let mut at = 0;
    for word in words.by_ref() {
        let w = u64::from_le_bytes(word.try_into().unwrap_or_default());
        if word_may(w) && (at..at + 8).any(&wanted) {
            return true;
        }
        at += 8;
    }
    let rest = words.remainder();
    let mut last = u64::from_le_bytes([filler; 8]);
    for (i, &c) in rest.iter().enumerate() {
        let shift = 8 * i;
        last = (last & !(0xff << shift)) | (u64::from(c) << shift);
    }
    !rest.is_empty() && word_may(last) && (at..b.len()).any(wanted)
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn the_word_tests_agree_with_the_bytes(bytes in proptest::array::uniform8(proptest::num::u8::ANY), n in 0u8..=128, c in proptest::num::u8::ANY) {
            let w = u64::from_le_bytes(bytes);
            proptest::prop_assert_eq!(has_below(w, n), bytes.iter().any(|&b| b < n));
            proptest::prop_assert_eq!(has_byte(w, c), bytes.contains(&c));
        }

        #[test]
        fn any_byte_is_any(b in proptest::collection::vec(proptest::num::u8::ANY, 0..40), c in proptest::num::u8::ANY) {
            proptest::prop_assert_eq!(
                any_byte(&b, c.wrapping_add(1), |w| has_byte(w, c), |i| b[i] == c),
                b.contains(&c)
            );
        }
    }
}

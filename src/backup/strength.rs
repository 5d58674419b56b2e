//! How easy a passphrase is to guess, by zxcvbn (Dropbox's estimator: dictionaries, names,
//! keyboard walks, dates, repeats). A weak one gets a warning, never a refusal: the user may
//! have reasons, and a backup with a weak passphrase is better than none.

/// The estimate for a passphrase.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Strength {
    /// Empty: refused.
    Empty,
    /// Guessed quickly by someone who holds the file (zxcvbn's score 0–2).
    Weak,
    /// Fine (score 3–4).
    Strong,
}

/// Estimates `passphrase`; `known` are words the guesser may know (the case's name).
pub fn strength(passphrase: &str, known: &[&str]) -> Strength {
    if passphrase.is_empty() {
        return Strength::Empty;
    }
    let score = u8::from(zxcvbn::zxcvbn(passphrase, known).score());
    if score >= 3 {
        Strength::Strong
    } else {
        Strength::Weak
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_and_short_passphrases_are_weak_and_long_ones_strong() {
        assert_eq!(strength("", &[]), Strength::Empty);
        for weak in [
            "123456",
            "password",
            "qwerty123",
            "11111111",
            "qwertyuiop",
            "password1",
        ] {
            assert_eq!(strength(weak, &[]), Strength::Weak, "{weak}");
        }
        assert_eq!(strength("default2026", &["default2026"]), Strength::Weak);
        assert_eq!(strength("青山 绿水 长流 7 只 白鹭", &[]), Strength::Strong);
        assert_eq!(strength("correct horse battery staple", &[]), Strength::Strong);
    }
}

//! The six kinds of letter the victim can send, and their codes on the command line: a fact
//! of the case (a sent letter is recorded with its kind). Their wording lives with the letters.

use serde::Deserialize;

use crate::guide::ChannelId;
use crate::i18n::Lang;

/// Which door a letter is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
pub enum LetterKind {
    /// 个人信息权利请求函 to a company suspected of leaking (个人信息保护法 44–48, 50, 57).
    #[serde(rename = "company")]
    Company,
    /// The report text for 12321 (harassing numbers, spam SMS and email).
    #[serde(rename = "12321")]
    Spam12321,
    /// A consumer complaint to 12315 against a named merchant (消费者权益保护法 29, 50, 56).
    #[serde(rename = "12315")]
    Consumer12315,
    /// 征信异议申请 for credit-report entries the victim did not make (征信业管理条例 25).
    #[serde(rename = "credit")]
    Credit,
    /// To the victim's carrier; 12300 after the carrier's period.
    #[serde(rename = "carrier")]
    Carrier,
    /// To the personal-information authority (网信, 12377; 个人信息保护法 65).
    #[serde(rename = "regulator")]
    Regulator,
}

impl LetterKind {
    /// Every kind, in the order lists show them.
    pub const ALL: [LetterKind; 6] = [
        LetterKind::Company,
        LetterKind::Spam12321,
        LetterKind::Consumer12315,
        LetterKind::Credit,
        LetterKind::Carrier,
        LetterKind::Regulator,
    ];

    /// The code on the command line: `company`, `12321`, `12315`, `credit`, `carrier`,
    /// `regulator`.
    pub fn code(self) -> &'static str {
        match self {
            LetterKind::Company => "company",
            LetterKind::Spam12321 => "12321",
            LetterKind::Consumer12315 => "12315",
            LetterKind::Credit => "credit",
            LetterKind::Carrier => "carrier",
            LetterKind::Regulator => "regulator",
        }
    }

    /// The kind for a code (case and surrounding spaces ignored).
    pub fn from_code(s: &str) -> Option<LetterKind> {
        let s = s.trim().to_ascii_lowercase();
        LetterKind::ALL.into_iter().find(|k| k.code() == s)
    }

    /// Every code, joined for a sentence: `company, 12321, …`.
    pub fn codes(lang: Lang) -> String {
        LetterKind::ALL
            .iter()
            .map(|k| k.code())
            .collect::<Vec<_>>()
            .join(lang.pick("、", ", "))
    }

    /// The guide channel the letter goes to; `None` for the company letter (it goes to the
    /// company itself).
    pub fn channel(self) -> Option<ChannelId> {
        match self {
            LetterKind::Company => None,
            LetterKind::Spam12321 => Some(ChannelId::Report12321),
            LetterKind::Consumer12315 => Some(ChannelId::Market12315),
            LetterKind::Credit => Some(ChannelId::CreditReport),
            LetterKind::Carrier => Some(ChannelId::Carrier),
            LetterKind::Regulator => Some(ChannelId::Report12377),
        }
    }

    /// Where to turn when the recipient does not deal with it in time: 12300 after the
    /// carrier (电信用户申诉处理办法第十条).
    pub fn next_channel(self) -> Option<ChannelId> {
        match self {
            LetterKind::Carrier => Some(ChannelId::Telecom12300),
            _ => None,
        }
    }

    /// Whether the letter needs `--to` (a named company or merchant): nobody else can know
    /// who it goes to.
    pub fn needs_to(self) -> bool {
        matches!(self, LetterKind::Company | LetterKind::Consumer12315)
    }
}

impl std::fmt::Display for LetterKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for k in LetterKind::ALL {
            assert_eq!(LetterKind::from_code(k.code()), Some(k));
        }
        assert_eq!(LetterKind::from_code(" Credit "), Some(LetterKind::Credit));
        assert_eq!(LetterKind::from_code("police"), None);
    }
}

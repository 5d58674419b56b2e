//! Where a report went, as the victim wrote it ("派出所", "12321", "朝阳分局", a company's name)
//! and, when those words name one of the guide's channels, that channel. The words are kept
//! exactly as written — the journal holds them, and a later guide never rewrites a record —
//! and the channel is read from them each time, so what a report proves (the police were told,
//! 12321 was told) comes from one place instead of a search for digits in a string.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::guide::{ChannelId, Guide, Lang};
use crate::text::halfwidth::to_halfwidth;

/// A report's channel: the words written and the guide channel they name, if any.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub struct ReportChannel {
    text: String,
    guide: Option<ChannelId>,
}

/// The hotline numbers that name a channel by themselves ("打了12321", "110").
const NUMBERS: &[(&str, ChannelId)] = &[
    ("110", ChannelId::Police),
    ("96110", ChannelId::AntiFraud96110),
    ("12381", ChannelId::Warning12381),
    ("12321", ChannelId::Report12321),
    ("12377", ChannelId::Report12377),
    ("12309", ChannelId::Procuratorate12309),
    ("12300", ChannelId::Telecom12300),
    ("12315", ChannelId::Market12315),
    ("12348", ChannelId::Legal12348),
];

/// Words that name the police however the station is written (派出所, 公安分局, 刑警大队).
const POLICE_WORDS: &[&str] = &["派出所", "公安", "分局", "刑警", "警察", "报警", "police"];

impl ReportChannel {
    /// The channel for the words `text`, as written.
    pub fn new(text: impl Into<String>) -> ReportChannel {
        let text = text.into();
        let guide = recognise(&text);
        ReportChannel { text, guide }
    }

    /// The words as written.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The guide's channel the words name, if they name one.
    pub fn guide(&self) -> Option<ChannelId> {
        self.guide
    }

    /// True when the words name no channel but the police's, or none of the guide's: a
    /// station written by its own name ("朝阳分局") is the police; "12321" is not.
    pub fn may_be_police(&self) -> bool {
        matches!(self.guide, None | Some(ChannelId::Police))
    }
}

impl From<String> for ReportChannel {
    fn from(text: String) -> ReportChannel {
        ReportChannel::new(text)
    }
}

impl From<&str> for ReportChannel {
    fn from(text: &str) -> ReportChannel {
        ReportChannel::new(text)
    }
}

impl From<ReportChannel> for String {
    fn from(c: ReportChannel) -> String {
        c.text
    }
}

impl fmt::Display for ReportChannel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

/// The guide channel `text` names: its id or its name in either language, one of the
/// hotline numbers standing alone (not inside a longer run of digits), or a word for the
/// police.
fn recognise(text: &str) -> Option<ChannelId> {
    let t = text.trim();
    let by_name = ChannelId::ALL.iter().copied().find(|id| {
        t == id.as_str()
            || [Lang::Zh, Lang::En]
                .iter()
                .any(|l| Guide::get(*l).channel(*id).name.trim() == t)
    });
    by_name
        .or_else(|| {
            let folded = to_halfwidth(t);
            let runs: Vec<&str> = folded.split(|c: char| !c.is_ascii_digit()).collect();
            NUMBERS.iter().find(|(n, _)| runs.contains(n)).map(|(_, id)| *id)
        })
        .or_else(|| {
            let lower = t.to_lowercase();
            POLICE_WORDS
                .iter()
                .any(|w| lower.contains(w))
                .then_some(ChannelId::Police)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_channel_is_read_from_the_words_and_the_words_are_kept() {
        for (text, want) in [
            ("派出所", Some(ChannelId::Police)),
            ("110", Some(ChannelId::Police)),
            ("朝阳分局", Some(ChannelId::Police)),
            ("12321", Some(ChannelId::Report12321)),
            ("打了 12321 举报", Some(ChannelId::Report12321)),
            (
                "12321网络不良与垃圾信息举报受理中心",
                Some(ChannelId::Report12321),
            ),
            ("report_12377", Some(ChannelId::Report12377)),
            ("96110", Some(ChannelId::AntiFraud96110)),
            ("某某网购平台", None),
            // A longer number holding 110 or 12321 is not that hotline.
            ("01012321000", None),
            ("1101234", None),
        ] {
            let c = ReportChannel::new(text);
            assert_eq!(c.guide(), want, "{text}");
            assert_eq!(c.as_str(), text);
        }
        assert!(ReportChannel::new("朝阳分局").may_be_police());
        assert!(ReportChannel::new("某某派出所").may_be_police());
        assert!(!ReportChannel::new("12321").may_be_police());
    }

    #[test]
    fn it_is_written_as_the_words_alone() {
        let c = ReportChannel::new("12321");
        assert_eq!(serde_json::to_string(&c).expect("write"), r#""12321""#);
        let back: ReportChannel = serde_json::from_str(r#""12321""#).expect("read");
        assert_eq!(back, c);
    }
}

//! The email facts as labelled lines in the UI language, for `show`, the wizard's detail
//! screen and the packet: one wording everywhere.

use jiff::tz::TimeZone;

use super::{EmailFacts, Mailbox};
use crate::i18n::{Lang, tr};
use crate::moment::Moment;

/// Recipients listed by name before "and N more".
const SHOWN_RECIPIENTS: usize = 3;

fn recipients(list: &[Mailbox], lang: Lang) -> String {
    let shown: Vec<String> = list
        .iter()
        .take(SHOWN_RECIPIENTS)
        .map(ToString::to_string)
        .collect();
    let mut s = shown.join(", ");
    if list.len() > SHOWN_RECIPIENTS {
        s.push_str(&tr(
            lang,
            format!(" 等 {} 人", list.len()),
            format!(" and {} more", list.len() - SHOWN_RECIPIENTS),
        ));
    }
    s
}

/// A time as the message wrote it, and in this computer's zone when that differs.
pub fn with_local(m: &Moment, lang: Lang) -> String {
    let local = m.timestamp().to_zoned_datetime(TimeZone::system());
    if local.offset() == m.offset() {
        return m.long();
    }
    let local = Moment::from_zoned(&local).long();
    tr(
        lang,
        format!("{}（本机时间 {local}）", m.long()),
        format!("{} (local time {local})", m.long()),
    )
}

impl EmailFacts {
    /// Labelled lines; a label is empty on the continuation lines of a list.
    pub fn describe(&self, lang: Lang) -> Vec<(String, String)> {
        let mut v: Vec<(String, String)> = Vec::new();
        let mut push = |zh: &str, en: &str, value: String| {
            if !value.is_empty() {
                v.push((lang.pick(zh, en).to_string(), value));
            }
        };
        push("真实来源", "real origin", self.origin().line(lang));
        if let Some(f) = &self.from {
            let forged = if self.from_forged() {
                lang.pick("（冒用）", " (impersonated)")
            } else {
                ""
            };
            push("发件人 From", "From", format!("{f}{forged}"));
            for other in &self.other_from {
                push("另一个 From", "another From", other.to_string());
            }
        }
        push("回复地址 Reply-To", "Reply-To", recipients(&self.reply_to, lang));
        push("退信地址 Return-Path", "Return-Path", self.return_path.clone());
        push("收件人 To", "To", recipients(&self.to, lang));
        push("抄送 Cc", "Cc", recipients(&self.cc, lang));
        push(
            "发信时间",
            "Date",
            self.date.map(|d| with_local(&d, lang)).unwrap_or_default(),
        );
        push("主题", "Subject", self.subject.clone());
        push("Message-ID", "Message-ID", self.message_id.clone());
        let route = self.route();
        for (i, h) in self.received.iter().enumerate() {
            // What the receiving server saw (the looked-up host, the address) comes first; the
            // name the sender gave itself is only a claim and reads as one (自称).
            let mut line = format!("{}. {}", i + 1, lang.pick("来自", "from"));
            if !h.host.is_empty() {
                line.push_str(&format!(" {}", h.host));
            }
            if !h.ip.is_empty() {
                line.push_str(&format!(" [{}]", h.ip));
            }
            if !h.helo.is_empty() && h.helo != h.host {
                line.push_str(&format!(
                    "{}{}{}",
                    lang.pick("（自称 ", " (calls itself "),
                    h.helo,
                    lang.pick("）", ")")
                ));
            }
            if !h.by.is_empty() {
                line.push_str(&format!(" {} {}", lang.pick("经", "by"), h.by));
            }
            if let Some(at) = &h.at {
                line.push_str(&format!(" {}", at.long()));
            }
            if route.submitted == Some(i) {
                line.push_str(lang.pick(
                    " ← 发件人登录后在此提交（提交方IP）",
                    " ← the sender signed in and handed it in here (submitting IP)",
                ));
            } else if route.external == Some(i) {
                line.push_str(lang.pick(" ← 第一个外部发件服务器", " ← first external hop"));
            }
            let label = if i == 0 {
                lang.pick("投递路径", "route")
            } else {
                ""
            };
            v.push((label.to_string(), line));
        }
        // What the recipient's provider recorded, then what the message only claims.
        let (recorded, claimed): (Vec<_>, Vec<_>) = self
            .auth
            .iter()
            .partition(|a| a.by_provider(&self.received, route.external));
        let line = |a: &&crate::evidence::email::AuthResult| {
            let method = if a.method == "dkim-signature" {
                lang.pick("DKIM 签名", "DKIM signature").to_string()
            } else {
                format!("{} {}", a.method.to_uppercase(), a.result)
            };
            if a.domain.is_empty() {
                method
            } else {
                format!("{method} ({})", a.domain)
            }
        };
        let mut checks: Vec<String> = recorded.iter().map(line).collect();
        if !claimed.is_empty() {
            let list: Vec<String> = claimed.iter().map(line).collect();
            checks.push(tr(
                lang,
                format!("邮件自带、收件服务器未核实的：{}", list.join("; ")),
                format!(
                    "written in the message, not checked by the receiving server: {}",
                    list.join("; ")
                ),
            ));
        }
        if !checks.is_empty() {
            v.push((
                lang.pick("发件人验证", "sender checks").to_string(),
                checks.join("; "),
            ));
        }
        for (i, l) in self.links.iter().enumerate() {
            let mut line = l.domain.clone();
            if !l.shown.is_empty() {
                line.push_str(&tr(
                    lang,
                    format!("（显示为 {}）", l.shown),
                    format!(" (shown as {})", l.shown),
                ));
            }
            line.push_str(&format!("  {}", l.url));
            let label = if i == 0 { lang.pick("链接", "links") } else { "" };
            v.push((label.to_string(), line));
        }
        for (i, a) in self.attachments.iter().enumerate() {
            let line = tr(
                lang,
                format!("{} · {} · {} 字节", a.name, a.media_type, a.size),
                format!("{} · {} · {} bytes", a.name, a.media_type, a.size),
            );
            let label = if i == 0 {
                lang.pick("邮件附件", "attachments")
            } else {
                ""
            };
            v.push((label.to_string(), line));
        }
        for (i, s) in self.signals().iter().enumerate() {
            let label = if i == 0 {
                lang.pick("疑点", "warning signs")
            } else {
                ""
            };
            v.push((label.to_string(), s.sentence(lang)));
        }
        v
    }
}

//! What the facts of an email say: short sentences for each mismatch (the sender's domain
//! against the bounce and reply addresses, failed SPF/DKIM/DMARC, links that go elsewhere, a
//! program attached, a well-known institution's domain used by someone else), and the real
//! origin that becomes the lead.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::links::registrable_domain;
use super::{EmailFacts, Mailbox, domain_of};
use crate::i18n::{Lang, tr};

const INSTITUTIONS_TOML: &str = include_str!("../../../assets/email/institutions.toml");

/// A name in both languages.
#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq)]
pub struct Names {
    /// Chinese.
    pub zh: String,
    /// English.
    pub en: String,
}

/// A well-known institution and its email domains.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
pub struct Institution {
    /// `bank`, `carrier`, `payment`, `government`.
    pub kind: String,
    /// Its name.
    pub name: Names,
    /// Its registrable domains (subdomains match too).
    pub domains: Vec<String>,
    /// Where the domains are published.
    pub source: String,
}

#[derive(Deserialize)]
struct Table {
    institution: Vec<Institution>,
}

fn institutions() -> &'static [Institution] {
    static TABLE: OnceLock<Vec<Institution>> = OnceLock::new();
    TABLE.get_or_init(|| {
        toml::from_str::<Table>(INSTITUTIONS_TOML)
            .map(|t| t.institution)
            .unwrap_or_default()
    })
}

/// The institution a domain belongs to (`service.boc.cn` → 中国银行), if it is a listed one.
pub fn institution_of(domain: &str) -> Option<&'static Institution> {
    let d = domain.trim().trim_end_matches('.').to_lowercase();
    institutions().iter().find(|i| {
        i.domains
            .iter()
            .any(|x| d == *x || d.strip_suffix(x.as_str()).is_some_and(|p| p.ends_with('.')))
    })
}

/// One thing about an email worth the police's attention.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "signal", rename_all = "snake_case")]
pub enum Signal {
    /// The From domain is not the bounce (Return-Path) domain.
    ReturnPathDiffers {
        /// From's domain.
        from: String,
        /// Return-Path's domain.
        return_path: String,
    },
    /// Answers go to another domain than From's.
    ReplyToDiffers {
        /// From's domain.
        from: String,
        /// Reply-To's domain.
        reply_to: String,
    },
    /// A sender check failed.
    AuthFailed {
        /// `SPF`, `DKIM` or `DMARC`.
        method: String,
        /// The result (`fail`, `softfail` …).
        result: String,
        /// The domain checked.
        domain: String,
    },
    /// A well-known institution's domain in From, but the message did not come from it.
    Impersonates {
        /// The institution, zh.
        zh: String,
        /// The institution, en.
        en: String,
        /// The domain used.
        domain: String,
    },
    /// A link goes to a domain unrelated to the sender.
    LinkElsewhere {
        /// Where it goes.
        domain: String,
        /// What its text shows, when different.
        shown: String,
    },
    /// A program is attached.
    Executable {
        /// Its file name.
        name: String,
    },
}

impl Signal {
    /// The signal as one short sentence.
    pub fn sentence(&self, lang: Lang) -> String {
        match self {
            Signal::ReturnPathDiffers { from, return_path } => tr(
                lang,
                format!("发件人域名 {from} 与退信地址（Return-Path）域名 {return_path} 不一致。"),
                format!(
                    "The sender's domain {from} differs from the bounce address (Return-Path) domain {return_path}."
                ),
            ),
            Signal::ReplyToDiffers { from, reply_to } => tr(
                lang,
                format!("回复会发往 {reply_to}，而不是发件人域名 {from}。"),
                format!("Replies go to {reply_to}, not to the sender's domain {from}."),
            ),
            Signal::AuthFailed {
                method,
                result,
                domain,
            } => tr(
                lang,
                format!("{method} 检查未通过（{result}，{domain}）：邮件不是从该域名的服务器发出的。"),
                format!(
                    "{method} check failed ({result}, {domain}): the mail did not come from that domain's servers."
                ),
            ),
            Signal::Impersonates { zh, en, domain } => tr(
                lang,
                format!("发件人冒用{zh}的邮箱域名 {domain}。"),
                format!("The sender impersonates {en} ({domain})."),
            ),
            Signal::LinkElsewhere { domain, shown } if !shown.is_empty() => tr(
                lang,
                format!("链接显示为 {shown}，实际指向 {domain}。"),
                format!("A link shows {shown} but goes to {domain}."),
            ),
            Signal::LinkElsewhere { domain, .. } => tr(
                lang,
                format!("链接指向与发件人无关的域名 {domain}。"),
                format!("A link goes to {domain}, unrelated to the sender."),
            ),
            Signal::Executable { name } => tr(
                lang,
                format!("附件 {name} 是可执行程序：不要打开。"),
                format!("The attachment {name} is a program: do not open it."),
            ),
        }
    }
}

/// Where the email really came from: the lead for the police.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Origin {
    /// The bounce (Return-Path) or reply (Reply-To) domain when it is not From's; else From's
    /// address.
    pub sender: String,
    /// The IP of the first hop from outside the recipient's provider.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub ip: String,
    /// The From address when it was forged (named 冒用 / impersonated).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub impersonated: Option<Mailbox>,
}

impl Origin {
    /// One line for the lead: `secure-boc.top（IP 203.0.113.7；冒用 service@boc.cn）`.
    pub fn line(&self, lang: Lang) -> String {
        let mut parts = Vec::new();
        if !self.ip.is_empty() {
            parts.push(format!("IP {}", self.ip));
        }
        if let Some(f) = &self.impersonated {
            parts.push(format!("{} {}", lang.pick("冒用", "impersonated:"), f.address));
        }
        if parts.is_empty() {
            self.sender.clone()
        } else {
            let (open, sep, close) = lang.pick(("（", "；", "）"), (" (", "; ", ")"));
            format!("{}{open}{}{close}", self.sender, parts.join(sep))
        }
    }
}

fn reg(domain: Option<String>) -> Option<String> {
    domain.as_deref().and_then(registrable_domain)
}

impl EmailFacts {
    fn sender_domain(&self) -> Option<String> {
        reg(self.from.as_ref().and_then(Mailbox::domain))
    }

    fn return_path_domain(&self) -> Option<String> {
        reg(domain_of(&self.return_path))
    }

    fn reply_to_domain(&self) -> Option<String> {
        reg(self.reply_to.first().and_then(Mailbox::domain))
    }

    fn auth_failed(&self) -> bool {
        self.auth.iter().any(super::AuthResult::failed)
    }

    /// Whether From is forged: a sender check failed, or bounces or replies go to another
    /// domain.
    pub fn from_forged(&self) -> bool {
        let from = self.sender_domain();
        let elsewhere = |d: Option<String>| d.is_some() && from.is_some() && d != from;
        self.auth_failed() || elsewhere(self.return_path_domain()) || elsewhere(self.reply_to_domain())
    }

    /// The real origin (see [`Origin`]).
    pub fn origin(&self) -> Origin {
        let from = self.sender_domain();
        let other = [self.return_path_domain(), self.reply_to_domain()]
            .into_iter()
            .flatten()
            .find(|d| Some(d) != from.as_ref());
        let forged = self.from_forged();
        Origin {
            sender: match other {
                Some(d) => d,
                None => self
                    .from
                    .as_ref()
                    .map(|f| f.address.clone())
                    .or_else(|| domain_of(&self.return_path))
                    .unwrap_or_default(),
            },
            ip: self.external_hop().map(|h| h.ip.clone()).unwrap_or_default(),
            impersonated: if forged { self.from.clone() } else { None },
        }
    }

    /// Every signal, most telling first.
    pub fn signals(&self) -> Vec<Signal> {
        let mut out = Vec::new();
        let from = self.sender_domain();
        if let (Some(f), Some(inst)) = (&from, from.as_deref().and_then(institution_of))
            && self.from_forged()
        {
            out.push(Signal::Impersonates {
                zh: inst.name.zh.clone(),
                en: inst.name.en.clone(),
                domain: f.clone(),
            });
        }
        for a in self.auth.iter().filter(|a| a.failed()) {
            let s = Signal::AuthFailed {
                method: a.method.to_uppercase(),
                result: a.result.clone(),
                domain: a.domain.clone(),
            };
            // Authentication-Results and Received-SPF often say the same thing.
            if !out.contains(&s) {
                out.push(s);
            }
        }
        if let Some(f) = &from {
            if let Some(rp) = self.return_path_domain().filter(|d| d != f) {
                out.push(Signal::ReturnPathDiffers {
                    from: f.clone(),
                    return_path: rp,
                });
            }
            if let Some(rt) = self.reply_to_domain().filter(|d| d != f) {
                out.push(Signal::ReplyToDiffers {
                    from: f.clone(),
                    reply_to: rt,
                });
            }
        }
        // The sender's brand: From's domain and the domains that signed for it.
        let brand: Vec<String> = from
            .iter()
            .cloned()
            .chain(
                self.auth
                    .iter()
                    .filter(|a| a.method == "dkim-signature" || (a.method == "dkim" && a.result == "pass"))
                    .filter_map(|a| registrable_domain(&a.domain)),
            )
            .collect();
        for l in &self.links {
            let shows_other = !l.shown.is_empty();
            if (shows_other || !brand.contains(&l.domain))
                && !out
                    .iter()
                    .any(|s| matches!(s, Signal::LinkElsewhere { domain, .. } if *domain == l.domain))
            {
                out.push(Signal::LinkElsewhere {
                    domain: l.domain.clone(),
                    shown: l.shown.clone(),
                });
            }
        }
        for a in self.attachments.iter().filter(|a| a.is_executable()) {
            out.push(Signal::Executable { name: a.name.clone() });
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn institutions_by_domain_and_subdomain() {
        assert_eq!(
            institution_of("boc.cn").map(|i| i.name.zh.as_str()),
            Some("中国银行")
        );
        assert_eq!(
            institution_of("Service.BOC.cn").map(|i| i.name.en.as_str()),
            Some("Bank of China")
        );
        assert_eq!(
            institution_of("mps.gov.cn").map(|i| i.kind.as_str()),
            Some("government")
        );
        assert_eq!(institution_of("notboc.cn"), None);
        assert!(
            institutions()
                .iter()
                .all(|i| !i.source.is_empty() && !i.domains.is_empty())
        );
    }

    #[test]
    fn every_institution_says_whether_its_domains_were_checked() {
        let table: toml::Table = toml::from_str(INSTITUTIONS_TOML).expect("toml");
        let rows = table["institution"].as_array().expect("institutions");
        assert_eq!(rows.len(), institutions().len());
        for row in rows {
            assert!(
                row.get("verified").and_then(toml::Value::as_bool).is_some(),
                "{row}"
            );
            // An unchecked bank domain names what it was compared with and says it is unchecked.
            if row["kind"].as_str() == Some("bank") && row["verified"].as_bool() == Some(false) {
                let source = row["source"].as_str().unwrap_or_default();
                assert!(
                    source.contains("未在官网核对") && source.contains("data/"),
                    "{source}"
                );
            }
        }
    }
}

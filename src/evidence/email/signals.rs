//! What the facts of an email say: short sentences for each thing shown (the sender's domain
//! against the bounce and reply addresses, checks that failed, a display name that claims an
//! institution or carries another address, a domain that only looks like an institution's,
//! links that go elsewhere, a program attached), and the real origin that becomes the lead.
//!
//! "冒用" (impersonated) is said only where it is shown: a listed institution's own domain in
//! From, and a check the recipient's provider recorded failing for it. A listed institution's
//! domain with no check recorded is "发件人未经验证（可能冒用）"; a display name or a look-alike
//! domain is named for what it is.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::links::registrable_domain;
use super::providers::{MailService, mail_service};
use super::received::{Route, route};
use super::{AuthResult, EmailFacts, Mailbox, domain_of};
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
    /// A check the recipient's provider recorded failed.
    AuthFailed {
        /// `SPF`, `DKIM` or `DMARC`.
        method: String,
        /// The result (`fail`, `softfail` …).
        result: String,
        /// The domain checked (may be empty).
        domain: String,
    },
    /// A listed institution's own domain in From, and the provider recorded a check of it
    /// failing: 冒用.
    Impersonates {
        /// The institution, zh.
        zh: String,
        /// The institution, en.
        en: String,
        /// The domain used.
        domain: String,
    },
    /// A listed institution's own domain in From, and the provider recorded no check of it:
    /// nothing shows the institution sent it.
    Unverified {
        /// The institution, zh.
        zh: String,
        /// The institution, en.
        en: String,
        /// The From address.
        address: String,
    },
    /// The display name names a listed institution whose domains do not include From's.
    NameClaims {
        /// The institution as named, zh.
        zh: String,
        /// The institution, en.
        en: String,
        /// From's domain.
        domain: String,
    },
    /// The display name carries an address other than the real one.
    NameHasAddress {
        /// The address written in the name.
        shown: String,
        /// The real From address.
        address: String,
    },
    /// The message carries more than one From header.
    SeveralFrom {
        /// Every From address, in order.
        addresses: Vec<String>,
    },
    /// A domain written in another script, printed as its ASCII (punycode) form.
    NonAsciiDomain {
        /// The ASCII form (`xn--…`).
        domain: String,
        /// The scripts it mixes in (`Cyrillic` …).
        scripts: String,
    },
    /// A domain that prints like a listed institution's but is another one.
    LookAlike {
        /// The domain used (ASCII form).
        domain: String,
        /// The institution's domain it imitates.
        like: String,
        /// The institution, zh.
        zh: String,
        /// The institution, en.
        en: String,
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
            } if domain.is_empty() => tr(
                lang,
                format!("{method} 未通过（{result}）：收件服务器的检查记录。"),
                format!("{method} did not pass ({result}), as the receiving server recorded."),
            ),
            Signal::AuthFailed {
                method,
                result,
                domain,
            } => tr(
                lang,
                format!(
                    "{method} 未通过（{result}，{domain}）：收件服务器记录邮件不是从该域名许可的服务器发出的。"
                ),
                format!(
                    "{method} did not pass ({result}, {domain}): the receiving server recorded that the mail did not come from a server that domain allows."
                ),
            ),
            Signal::Impersonates { zh, en, domain } => tr(
                lang,
                format!("发件人冒用{zh}的邮箱域名 {domain}：收件服务器记录该域名的检查未通过。"),
                format!(
                    "The sender impersonates {en} ({domain}): the receiving server recorded that domain's check failing."
                ),
            ),
            Signal::Unverified { zh, en, address } => tr(
                lang,
                format!(
                    "发件人未经验证（可能冒用）：{address} 属于{zh}的域名，但收件服务器没有记录它通过 SPF/DKIM/DMARC 检查，不能认定是{zh}发出的。"
                ),
                format!(
                    "Sender not verified (possibly impersonated): {address} is a domain of {en}, but the receiving server recorded no SPF/DKIM/DMARC check of it, so nothing shows {en} sent it."
                ),
            ),
            Signal::NameClaims { zh, en, domain } => tr(
                lang,
                format!("显示名自称“{zh}”，但发件域名 {domain} 与显示的机构不符。"),
                format!(
                    "The display name claims to be “{en}”, but the sender's domain {domain} is not that institution's."
                ),
            ),
            Signal::NameHasAddress { shown, address } => tr(
                lang,
                format!("显示名里写着地址 {shown}，真实发件地址是 {address}。"),
                format!("The display name shows the address {shown}; the real sender is {address}."),
            ),
            Signal::SeveralFrom { addresses } => tr(
                lang,
                format!(
                    "邮件有 {} 个发件人（From）头，邮件程序可能只显示其中一个：{}。",
                    addresses.len(),
                    addresses.join("、")
                ),
                format!(
                    "The email has {} From headers; a mail program may show only one of them: {}.",
                    addresses.len(),
                    addresses.join(", ")
                ),
            ),
            Signal::NonAsciiDomain { domain, scripts } => tr(
                lang,
                format!("域名 {domain} 含非拉丁字母（{scripts}），看起来可能像另一个域名。"),
                format!(
                    "The domain {domain} contains non-Latin letters ({scripts}) and may look like another domain."
                ),
            ),
            Signal::LookAlike { domain, like, zh, en } => tr(
                lang,
                format!("域名 {domain} 看起来与{zh}的 {like} 一样，但不是同一个域名。"),
                format!("The domain {domain} looks like {en}'s {like} but is another domain."),
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
    /// Who to pursue: the bounce (Return-Path) or reply (Reply-To) domain when it is not
    /// From's (the full address at a free-mail domain); else From's address.
    pub sender: String,
    /// The sending server: the IP of the first hop from outside the recipient's provider.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub ip: String,
    /// The sender's own connection where it signed in to send (提交方IP), when shown.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub submitter: String,
    /// The From address when it was shown forged (冒用: a listed institution's domain whose
    /// check failed).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub impersonated: Option<Mailbox>,
    /// The From address when it is a listed institution's but nothing verified it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unverified: Option<Mailbox>,
}

impl Origin {
    /// One line for the lead: `secure-boc.top（IP 203.0.113.7；冒用 service@boc.cn）`.
    pub fn line(&self, lang: Lang) -> String {
        let mut parts = Vec::new();
        if self.unverified.is_some() {
            parts.push(
                lang.pick(
                    "发件人未经验证（可能冒用）",
                    "sender not verified (possibly impersonated)",
                )
                .to_string(),
            );
        }
        if !self.ip.is_empty() && self.ip != self.submitter {
            parts.push(format!("IP {}", self.ip));
        }
        if !self.submitter.is_empty() {
            parts.push(format!(
                "{} {}",
                lang.pick("提交方IP", "submitted from IP"),
                self.submitter
            ));
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

    /// The lead's name for the counterpart field: the sender, marked when it is a listed
    /// institution's address nothing verified (so the packet never accuses the institution).
    pub fn counterpart(&self, lang: Lang) -> String {
        if self.unverified.is_some() {
            tr(
                lang,
                format!("{}（发件人未经验证，可能冒用）", self.sender),
                format!("{} (sender not verified, possibly impersonated)", self.sender),
            )
        } else {
            self.sender.clone()
        }
    }
}

fn reg(domain: Option<String>) -> Option<String> {
    domain.as_deref().and_then(registrable_domain)
}

/// What the provider recorded about a listed institution's domain.
enum Standing {
    Failed,
    Passed,
    Unchecked,
}

/// The scripts other than Latin (and Common) in a domain's Unicode form (`Cyrillic`).
fn other_scripts(unicode: &str) -> String {
    use unicode_script::{Script, UnicodeScript};
    let mut names: Vec<&str> = Vec::new();
    for c in unicode.chars().filter(|c| !c.is_ascii()) {
        let s = c.script();
        if !matches!(s, Script::Latin | Script::Common | Script::Inherited) && !names.contains(&s.full_name())
        {
            names.push(s.full_name());
        }
    }
    names.join(", ")
}

/// The confusable skeleton (UTS #39) of a domain, for comparing how two print.
fn skeleton(domain: &str) -> String {
    unicode_security::skeleton(domain)
        .collect::<String>()
        .to_lowercase()
}

/// The listed institution whose domain `domain` prints like without being it.
fn look_alike(domain: &str) -> Option<(&'static Institution, String)> {
    let (unicode, _) = idna::domain_to_unicode(domain);
    if unicode.is_ascii() || institution_of(domain).is_some() {
        return None;
    }
    let sk = skeleton(&unicode);
    institutions().iter().find_map(|i| {
        i.domains
            .iter()
            .find(|d| sk == skeleton(d) || sk.ends_with(&format!(".{}", skeleton(d))))
            .map(|d| (i, d.clone()))
    })
}

impl EmailFacts {
    /// Where the message entered the recipient's provider and where it was handed in, read
    /// afresh from the chain (see [`route`]).
    pub fn route(&self) -> Route {
        route(&self.received)
    }

    /// The results the recipient's provider recorded (above the first hop from outside).
    pub fn provider_checks(&self) -> impl Iterator<Item = &AuthResult> {
        let external = self.route().external;
        self.auth
            .iter()
            .filter(move |a| a.by_provider(&self.received, external))
    }

    fn sender_domain(&self) -> Option<String> {
        reg(self.from.as_ref().and_then(Mailbox::domain))
    }

    fn return_path_domain(&self) -> Option<String> {
        reg(domain_of(&self.return_path)).filter(|d| mail_service(d) != Some(MailService::Bulk))
    }

    fn reply_to_domain(&self) -> Option<String> {
        reg(self.reply_to.first().and_then(Mailbox::domain))
    }

    /// The listed institution From's domain belongs to, and what the provider recorded of it.
    fn institution_standing(&self) -> Option<(&'static Institution, Standing)> {
        let from = self.from.as_ref()?.domain()?;
        let inst = institution_of(&from)?;
        let ours = |d: &str| !d.is_empty() && institution_of(d).is_some_and(|i| std::ptr::eq(i, inst));
        let mut passed = false;
        for a in self.provider_checks() {
            // DMARC judges From's domain itself, whatever domain it names.
            if !(a.method == "dmarc" || ours(&a.domain)) {
                continue;
            }
            if a.failed() {
                return Some((inst, Standing::Failed));
            }
            passed |= a.passed();
        }
        Some((
            inst,
            if passed {
                Standing::Passed
            } else {
                Standing::Unchecked
            },
        ))
    }

    /// Whether From is shown forged: a listed institution's domain whose check the recipient's
    /// provider recorded failing.
    pub fn from_forged(&self) -> bool {
        matches!(self.institution_standing(), Some((_, Standing::Failed)))
    }

    /// The real origin (see [`Origin`]).
    pub fn origin(&self) -> Origin {
        let from = self.sender_domain();
        let addresses = [
            (self.return_path.as_str(), self.return_path_domain()),
            (
                self.reply_to.first().map_or("", |m| m.address.as_str()),
                self.reply_to_domain(),
            ),
        ];
        let other = addresses
            .into_iter()
            .find(|(_, d)| d.is_some() && *d != from)
            .and_then(|(a, d)| d.map(|d| (a, d)));
        let has_other = other.is_some();
        let standing = self.institution_standing();
        let route = self.route();
        let ip_of = |i: Option<usize>| {
            i.and_then(|i| self.received.get(i))
                .map(|h| h.ip.clone())
                .unwrap_or_default()
        };
        Origin {
            sender: match other {
                // At a free-mail domain an address is one person; the domain is millions.
                Some((a, d)) if mail_service(&d) == Some(MailService::Free) => a.trim().to_lowercase(),
                Some((_, d)) => d,
                None => self
                    .from
                    .as_ref()
                    .map(|f| f.address.clone())
                    .or_else(|| domain_of(&self.return_path))
                    .unwrap_or_default(),
            },
            ip: ip_of(route.external),
            submitter: ip_of(route.submitted),
            impersonated: match standing {
                Some((_, Standing::Failed)) => self.from.clone(),
                _ => None,
            },
            unverified: match standing {
                Some((_, Standing::Unchecked)) if !has_other => self.from.clone(),
                _ => None,
            },
        }
    }

    /// What the From header shows that is not what it is: the display name, the domain's
    /// script, the number of From headers.
    fn sender_signals(&self, out: &mut Vec<Signal>) {
        let Some(f) = &self.from else { return };
        let domain = f.domain().unwrap_or_default();
        match self.institution_standing() {
            Some((inst, Standing::Failed)) => out.push(Signal::Impersonates {
                zh: inst.name.zh.clone(),
                en: inst.name.en.clone(),
                domain: domain.clone(),
            }),
            Some((inst, Standing::Unchecked)) => out.push(Signal::Unverified {
                zh: inst.name.zh.clone(),
                en: inst.name.en.clone(),
                address: f.address.clone(),
            }),
            _ => {}
        }
        for d in std::iter::once(domain.as_str()).chain(self.links.iter().map(|l| l.domain.as_str())) {
            if let Some((inst, like)) = look_alike(d)
                && !out
                    .iter()
                    .any(|s| matches!(s, Signal::LookAlike { domain, .. } if domain == d))
            {
                out.push(Signal::LookAlike {
                    domain: d.to_string(),
                    like,
                    zh: inst.name.zh.clone(),
                    en: inst.name.en.clone(),
                });
            }
        }
        let (unicode, _) = idna::domain_to_unicode(&domain);
        if !unicode.is_ascii() {
            out.push(Signal::NonAsciiDomain {
                domain: domain.clone(),
                scripts: other_scripts(&unicode),
            });
        }
        let name = f.name.to_lowercase();
        if let Some(inst) = institutions().iter().find(|i| {
            (name.contains(&i.name.zh) || name.contains(&i.name.en.to_lowercase()))
                && institution_of(&domain).is_none_or(|own| !std::ptr::eq(own, *i))
        }) {
            out.push(Signal::NameClaims {
                zh: inst.name.zh.clone(),
                en: inst.name.en.clone(),
                domain: domain.clone(),
            });
        }
        if let Some(shown) = f
            .name
            .split(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '(' | ')' | '[' | ']'))
            .find(|w| w.contains('@') && domain_of(w).is_some_and(|d| d.contains('.')))
            .filter(|w| !w.eq_ignore_ascii_case(&f.address))
        {
            out.push(Signal::NameHasAddress {
                shown: shown.to_string(),
                address: f.address.clone(),
            });
        }
        if !self.other_from.is_empty() {
            out.push(Signal::SeveralFrom {
                addresses: std::iter::once(f)
                    .chain(&self.other_from)
                    .map(|m| m.address.clone())
                    .collect(),
            });
        }
    }

    /// Every signal, most telling first.
    pub fn signals(&self) -> Vec<Signal> {
        let mut out = Vec::new();
        self.sender_signals(&mut out);
        let from = self.sender_domain();
        for a in self.provider_checks().filter(|a| a.failed()) {
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
        // The sender's brand: From's domain and the domains the provider verified signing
        // for it (a DKIM-Signature line alone is the sender's claim).
        let brand: Vec<String> = from
            .iter()
            .cloned()
            .chain(
                self.provider_checks()
                    .filter(|a| a.method == "dkim" && a.passed())
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

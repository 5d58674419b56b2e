//! The tables in `assets/email/` about mail services rather than about one message: the
//! providers whose own relays are passed over when the Received chain is read
//! (`providers.toml`), and the free-mail and bulk-sending domains whose addresses are people
//! or campaigns, not one organisation (`freemail.toml`). Each entry names its source.

use std::net::IpAddr;
use std::sync::OnceLock;

use ipnet::IpNet;
use serde::Deserialize;

use super::signals::Names;

const PROVIDERS_TOML: &str = include_str!("../../../assets/email/providers.toml");
const FREEMAIL_TOML: &str = include_str!("../../../assets/email/freemail.toml");

/// A mail provider and how its own servers are known.
#[derive(Debug)]
pub struct Provider {
    /// Its name.
    pub name: Names,
    /// Host-name suffixes of its relays (`outlook.com`, `qq.com`).
    pub suffixes: Vec<String>,
    /// Address blocks it publishes as its own mail servers.
    pub networks: Vec<IpNet>,
    /// Where the suffixes and blocks are published.
    pub source: String,
}

#[derive(Deserialize)]
struct RawProvider {
    name: Names,
    suffixes: Vec<String>,
    #[serde(default)]
    networks: Vec<String>,
    source: String,
}

#[derive(Deserialize)]
struct ProviderTable {
    provider: Vec<RawProvider>,
}

/// Every provider of the table, read once.
pub fn providers() -> &'static [Provider] {
    static TABLE: OnceLock<Vec<Provider>> = OnceLock::new();
    TABLE.get_or_init(|| {
        toml::from_str::<ProviderTable>(PROVIDERS_TOML)
            .map(|t| {
                t.provider
                    .into_iter()
                    .map(|p| Provider {
                        name: p.name,
                        suffixes: p.suffixes,
                        networks: p.networks.iter().filter_map(|n| n.parse().ok()).collect(),
                        source: p.source,
                    })
                    .collect()
            })
            .unwrap_or_default()
    })
}

/// Whether `host` is `suffix` or a name under it.
pub fn under(host: &str, suffix: &str) -> bool {
    let h = host.trim().trim_end_matches('.');
    h.eq_ignore_ascii_case(suffix)
        || (h.len() > suffix.len()
            && h.is_char_boundary(h.len() - suffix.len())
            && h[h.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
            && h.as_bytes()[h.len() - suffix.len() - 1] == b'.')
}

impl Provider {
    /// Whether a host name is one of its relays.
    pub fn names(&self, host: &str) -> bool {
        !host.is_empty() && self.suffixes.iter().any(|s| under(host, s))
    }

    /// Whether an address is in one of its published blocks.
    pub fn holds(&self, ip: &str) -> bool {
        ip.parse::<IpAddr>()
            .is_ok_and(|ip| self.networks.iter().any(|n| n.contains(&ip)))
    }
}

/// The provider whose relay `host` is (a receiving server's name, written by that server).
pub fn provider_named(host: &str) -> Option<&'static Provider> {
    providers().iter().find(|p| p.names(host))
}

/// The provider that publishes `ip` as one of its mail servers.
pub fn provider_holding(ip: &str) -> Option<&'static Provider> {
    if ip.is_empty() {
        return None;
    }
    providers().iter().find(|p| p.holds(ip))
}

/// What a domain of the free-mail / bulk list is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MailService {
    /// Anyone can open an address there (gmail.com, qq.com): an address is one person.
    Free,
    /// A bulk-sending service's bounce domain (amazonses.com): says who sent the campaign's
    /// mail out, not who wrote it.
    Bulk,
}

#[derive(Deserialize)]
struct ServiceList {
    kind: MailService,
    #[allow(dead_code)]
    source: String,
    domains: Vec<String>,
}

#[derive(Deserialize)]
struct ServiceTable {
    list: Vec<ServiceList>,
}

fn services() -> &'static [(String, MailService)] {
    static TABLE: OnceLock<Vec<(String, MailService)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        toml::from_str::<ServiceTable>(FREEMAIL_TOML)
            .map(|t| {
                t.list
                    .into_iter()
                    .flat_map(|l| l.domains.into_iter().map(move |d| (d, l.kind)))
                    .collect()
            })
            .unwrap_or_default()
    })
}

/// Whether a mail domain (or a name under it) is a free-mail or bulk-sending one.
pub fn mail_service(domain: &str) -> Option<MailService> {
    services().iter().find(|(d, _)| under(domain, d)).map(|(_, k)| *k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_provider_and_list_reads_with_a_source() {
        let t: toml::Table = toml::from_str(PROVIDERS_TOML).expect("toml");
        let rows = t["provider"].as_array().expect("providers");
        assert_eq!(rows.len(), providers().len());
        for (row, p) in rows.iter().zip(providers()) {
            let written = row
                .get("networks")
                .and_then(toml::Value::as_array)
                .map_or(0, Vec::len);
            assert_eq!(p.networks.len(), written, "every block parses: {}", p.name.en);
            assert!(!p.source.is_empty() && !p.suffixes.is_empty());
            assert!(row.get("verified").and_then(toml::Value::as_bool).is_some());
        }
        let f: toml::Table = toml::from_str(FREEMAIL_TOML).expect("toml");
        for l in f["list"].as_array().expect("lists") {
            assert!(!l["source"].as_str().unwrap_or_default().is_empty());
        }
    }

    #[test]
    fn relays_by_name_and_servers_by_address() {
        assert_eq!(
            provider_named("SA1PR11MB8792.namprd11.prod.outlook.com").map(|p| p.name.zh.as_str()),
            Some("微软（Outlook.com / Microsoft 365）")
        );
        assert!(provider_named("mx.google.com").is_some());
        assert!(provider_named("notoutlook.com").is_none());
        assert!(provider_holding("209.85.160.178").is_some_and(|p| p.names("google.com")));
        assert!(provider_holding("2603:10b6:510:1b3::9").is_some_and(|p| p.names("outlook.com")));
        assert!(provider_holding("203.0.113.7").is_none());
    }

    #[test]
    fn free_mail_and_bulk_domains() {
        assert_eq!(mail_service("gmail.com"), Some(MailService::Free));
        assert_eq!(mail_service("QQ.com"), Some(MailService::Free));
        assert_eq!(mail_service("vip.163.com"), Some(MailService::Free));
        assert_eq!(mail_service("contoso.onmicrosoft.com"), Some(MailService::Free));
        assert_eq!(mail_service("eu-west-1.amazonses.com"), Some(MailService::Bulk));
        assert_eq!(mail_service("boc.cn"), None);
        assert_eq!(mail_service("notgmail.com"), None);
    }
}

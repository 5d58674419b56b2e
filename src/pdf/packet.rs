//! The content of the complaint packet (报案材料), in the order a police station expects it
//! (assembled from a court 自诉状 template and the 公安机关办理刑事案件程序规定): title, complainant, accused / leads, requests,
//! facts and reasons (generated narrative + the victim's own words + a day-by-day timeline),
//! legal basis, 此致 + agency, signature / fingerprint / date, then the annex: the evidence
//! list, the image appendix, other attachments, reports and warnings, and a last section on
//! checking the case fingerprint.
//!
//! The input is a plain model ([`PacketInput`]) so the packet does not depend on how the
//! case is stored; `commands::export_pdf` builds it from the case.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use jiff::civil::{Date, DateTime};

use super::PdfError;
use super::document::{Images, Meta, assemble};
use super::font::{FontFace, Metrics};
use super::layout::wrap;
use super::page::{Canvas, Geometry, mm};
use super::table::{Column, Row, Style, Table};
use crate::case::{EvidenceKind, Fen};
use crate::i18n::Lang;

/// The victim, as the packet's 报案人 section shows them.
#[derive(Debug, Clone, Default)]
pub struct Complainant {
    /// Full name.
    pub name: String,
    /// Sex, as the victim wrote it.
    pub sex: Option<String>,
    /// Date of birth, as written.
    pub birth_date: Option<String>,
    /// Resident ID card number.
    pub id_number: Option<String>,
    /// Home address.
    pub address: Option<String>,
    /// The victim's own phone numbers.
    pub phones: Vec<String>,
    /// The victim's own email addresses.
    pub emails: Vec<String>,
}

/// The packet's word for a kind of entry.
fn kind_label(kind: EvidenceKind, lang: Lang) -> &'static str {
    {
        use EvidenceKind::*;
        match (lang, kind) {
            (Lang::Zh, Call) => "来电",
            (Lang::Zh, Sms) => "短信",
            (Lang::Zh, Email) => "邮件",
            (Lang::Zh, Letter) => "信件",
            (Lang::Zh, Web) => "网页",
            (Lang::Zh, Account) => "冒名账户",
            (Lang::Zh, Other) => "其他",
            (Lang::En, Call) => "call",
            (Lang::En, Sms) => "SMS",
            (Lang::En, Email) => "email",
            (Lang::En, Letter) => "letter",
            (Lang::En, Web) => "web page",
            (Lang::En, Account) => "account",
            (Lang::En, Other) => "other",
        }
    }
}

/// "来电 3 次" / "3 × call".
fn kind_counted(kind: EvidenceKind, n: usize, lang: Lang) -> String {
    {
        use EvidenceKind::*;
        match lang {
            Lang::Zh => {
                let unit = match kind {
                    Call => "来电 {} 次",
                    Sms => "短信 {} 条",
                    Email => "邮件 {} 封",
                    Letter => "信件 {} 封",
                    Web => "网页 {} 个",
                    Account => "冒名账户 {} 个",
                    Other => "其他线索 {} 条",
                };
                unit.replace("{}", &n.to_string())
            }
            Lang::En => format!("{n} × {}", kind_label(kind, lang)),
        }
    }
}

/// An attachment of an entry, as the evidence list shows it.
#[derive(Debug, Clone)]
pub struct PacketAttachment {
    /// The file name the victim gave.
    pub name: String,
    /// Full lowercase hex SHA-256 of the content.
    pub sha256: String,
    /// Size in bytes.
    pub size: u64,
    /// MIME type, e.g. `image/png`.
    pub media_type: String,
    /// Where the content can be read (the vault), for drawing images. `None`: list only.
    pub path: Option<PathBuf>,
}

/// One evidence entry in its current (corrected) form.
#[derive(Debug, Clone)]
pub struct PacketEntry {
    /// The entry id, e.g. `E3`.
    pub id: String,
    /// When it happened, local time as recorded.
    pub occurred_at: DateTime,
    /// Kind.
    pub kind: EvidenceKind,
    /// Number, address or URL of the other side.
    pub counterpart: String,
    /// Which of the victim's numbers/addresses it reached.
    pub to_mine: Option<String>,
    /// What they said or did.
    pub summary: String,
    /// What they knew about the victim, already in the packet's language.
    pub knew: Vec<String>,
    /// Money lost, in fen (0.01 yuan).
    pub amount_lost_fen: Option<Fen>,
    /// Attachments with their hashes.
    pub attachments: Vec<PacketAttachment>,
    /// How many corrections were recorded (the original stays in the journal).
    pub corrections: usize,
    /// The reason, if the entry was retracted (shown, marked, not counted).
    pub retracted: Option<String>,
}

/// One legal provision to cite.
#[derive(Debug, Clone)]
pub struct LawRef {
    /// Citation, e.g. "《中华人民共和国刑法》第二百五十三条之一".
    pub citation: String,
    /// Its words: the statute's own, or a summary that starts with its label (要旨 / Summary).
    pub summary: String,
}

/// The case fingerprint: number of journal events and the SHA-256 of the last line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fingerprint {
    /// Number of lines (events) in the journal.
    pub count: u64,
    /// Hex SHA-256 of the last line.
    pub head: String,
}

impl Fingerprint {
    /// `N:HEAD`, the form `leakaid verify --fingerprint` takes.
    pub fn full(&self) -> String {
        format!("{}:{}", self.count, self.head)
    }
    /// `N:first 16 hex…`, for page footers.
    pub fn short(&self) -> String {
        let head: String = self.head.chars().take(16).collect();
        format!("{}:{}…", self.count, head)
    }
}

/// Everything the packet shows, independent of how the case is stored.
#[derive(Debug, Clone)]
pub struct PacketInput {
    /// The date printed on the packet (also its PDF creation date).
    pub print_date: Date,
    /// The victim.
    pub complainant: Complainant,
    /// The victim's own account, appended to the generated narrative.
    pub narrative: Option<String>,
    /// Evidence entries, any order (sorted by time in the packet).
    pub entries: Vec<PacketEntry>,
    /// Legal basis valid on `print_date`.
    pub laws: Vec<LawRef>,
    /// The case fingerprint at export time.
    pub fingerprint: Fingerprint,
    /// Reports already filed, one line each (where, when, receipt number, status).
    pub reports: Vec<String>,
    /// Contacts warned, one line each.
    pub warned: Vec<String>,
}

/// How to render.
#[derive(Debug, Clone, Default)]
pub struct PacketOptions {
    /// Language of the packet's own words.
    pub lang: Lang,
    /// A copy for others: the victim's details masked everywhere, no pictures, every page
    /// marked as a copy, no signature block (see [`crate::redact`]).
    pub redact: bool,
    /// The agency after 此致, e.g. "北京市公安局朝阳分局某某派出所". `None`: a blank to fill.
    pub agency: Option<String>,
}

/// A finished packet.
#[derive(Debug, Clone)]
pub struct Rendered {
    /// The PDF file.
    pub bytes: Vec<u8>,
    /// Number of pages.
    pub pages: usize,
    /// Characters the font could not draw (they print as empty boxes): warn the user.
    pub missing: Vec<char>,
    /// Attachments that looked like images but could not be decoded (listed, not drawn).
    pub undecodable: Vec<String>,
}

/// Text sizes and leading, in points.
const BODY: f32 = 10.5;
pub(super) const LEAD: f32 = 1.6;
const HEADING: f32 = 12.5;
pub(super) const SMALL: f32 = 8.0;

pub(super) struct Writer<'a> {
    pub(super) canvas: Canvas,
    m: Metrics<'a>,
}

impl Writer<'_> {
    /// A paragraph, wrapped to the text column; `indent` em of first-line indent (首行缩进).
    pub(super) fn para(&mut self, text: &str, size: f32, indent: f32, grey: f32) {
        let width = self.canvas.geo.content_width();
        let lh = size * LEAD;
        for (i, raw) in text.split('\n').enumerate() {
            let _ = i;
            let ind = indent * size;
            // Wrap the first line narrower by the indent by prefixing full-width spaces,
            // which the line breaker measures like any character.
            let prefixed;
            let body = if ind > 0.0 {
                prefixed = format!("{}{}", "\u{3000}".repeat(indent as usize), raw);
                prefixed.as_str()
            } else {
                raw
            };
            for line in wrap(body, width, size, &self.m) {
                self.canvas.ensure(lh);
                let baseline = self.canvas.y - size;
                let x = self.canvas.geo.left;
                self.canvas.text_at(x, baseline, size, &line, grey);
                self.canvas.y -= lh;
            }
        }
    }

    /// A paragraph with a hanging label: "label" then text aligned after it.
    fn labelled(&mut self, label: &str, text: &str) {
        let size = BODY;
        let lh = size * LEAD;
        let label_w = self.m.width(label, size);
        let width = self.canvas.geo.content_width() - label_w;
        let lines = wrap(text, width.max(size * 4.0), size, &self.m);
        for (i, line) in lines.iter().enumerate() {
            self.canvas.ensure(lh);
            let baseline = self.canvas.y - size;
            let x = self.canvas.geo.left;
            if i == 0 {
                self.canvas.text_at(x, baseline, size, label, 0.0);
            }
            self.canvas.text_at(x + label_w, baseline, size, line, 0.0);
            self.canvas.y -= lh;
        }
    }

    pub(super) fn heading(&mut self, text: &str) {
        let size = HEADING;
        // Keep a heading with at least two lines of what follows.
        self.canvas.ensure(size * 1.8 + BODY * LEAD * 2.0);
        if !self.canvas.at_page_top() {
            self.canvas.y -= size * 0.6;
        }
        let baseline = self.canvas.y - size;
        let x = self.canvas.geo.left;
        self.canvas.text_at(x, baseline, size, text, 0.0);
        self.canvas.y -= size * 1.6;
    }

    fn centered(&mut self, text: &str, size: f32) {
        let w = self.m.width(text, size);
        let geo = self.canvas.geo;
        let x = geo.left + (geo.content_width() - w).max(0.0) / 2.0;
        self.canvas.ensure(size * 1.6);
        let baseline = self.canvas.y - size;
        self.canvas.text_at(x, baseline, size, text, 0.0);
        self.canvas.y -= size * 1.8;
    }

    pub(super) fn gap(&mut self, pt: f32) {
        if !self.canvas.at_page_top() {
            self.canvas.y -= pt;
        }
    }
}

fn date_text(d: Date, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{} 年 {} 月 {} 日", d.year(), d.month(), d.day()),
        Lang::En => d.strftime("%-d %B %Y").to_string(),
    }
}

pub(super) fn human_size(bytes: u64) -> String {
    if bytes < 1024 {
        format!("{bytes} B")
    } else if bytes < 1024 * 1024 {
        format!("{:.1} KB", bytes as f64 / 1024.0)
    } else {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    }
}

fn is_image(a: &PacketAttachment) -> bool {
    matches!(a.media_type.as_str(), "image/png" | "image/jpeg" | "image/jpg")
}

/// The generated part of 事实与理由.
fn narrative(input: &PacketInput, live: &[&PacketEntry], lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    if live.is_empty() {
        return if zh {
            "本人的个人信息遭到泄露，具体情况如下。".to_string()
        } else {
            "My personal information has been leaked, as set out below.".to_string()
        };
    }
    let first = live.iter().map(|e| e.occurred_at).min().unwrap_or_default();
    let last = live.iter().map(|e| e.occurred_at).max().unwrap_or_default();
    let mut by_kind: BTreeMap<EvidenceKind, usize> = BTreeMap::new();
    for e in live {
        *by_kind.entry(e.kind).or_default() += 1;
    }
    let counts: Vec<String> = by_kind.iter().map(|(k, n)| kind_counted(*k, *n, lang)).collect();
    let mut knew: Vec<&str> = Vec::new();
    for e in live {
        for k in &e.knew {
            if !knew.contains(&k.as_str()) {
                knew.push(k);
            }
        }
    }
    // Numbers written differently (+86 138…, 138-…) are one counterpart.
    let counterparts: BTreeSet<String> = live
        .iter()
        .map(|e| crate::case::phone::counterpart_key(&e.counterpart))
        .collect();
    let lost = Fen::total(live.iter().filter_map(|e| e.amount_lost_fen));
    let name = &input.complainant.name;
    let (d1, d2) = (first.date(), last.date());
    let mut s = String::new();
    if zh {
        let period = if d1 == d2 {
            format!("{}，", date_text(d1, lang))
        } else {
            format!("自 {}起至 {}止，", date_text(d1, lang), date_text(d2, lang))
        };
        s.push_str(&format!(
            "{period}本人{}陆续收到来自 {} 个不同号码或地址的骚扰、诈骗联系，共计 {} 条记录（{}）。",
            if name.is_empty() {
                String::new()
            } else {
                format!("（{name}）")
            },
            counterparts.len(),
            live.len(),
            counts.join("、")
        ));
        if !knew.is_empty() {
            s.push_str(&format!(
                "对方在联系中能够准确说出本人的{}等个人信息，说明本人的个人信息已被他人非法获取、出售或提供。",
                knew.join("、")
            ));
        } else {
            s.push_str("上述联系表明本人的联系方式已被他人非法获取。");
        }
        if lost.0 > 0 {
            s.push_str(&format!("本人因此遭受经济损失共计人民币 {} 元。", lost));
        }
        s.push_str(
            "以上每一条记录均附于本材料的《证据清单》，原始记录及附件以 SHA-256 校验值固定，可供核验。",
        );
    } else {
        let period = if d1 == d2 {
            format!("On {}", date_text(d1, lang))
        } else {
            format!("From {} to {}", date_text(d1, lang), date_text(d2, lang))
        };
        s.push_str(&format!(
            "{period} I{} was contacted {} times by {} different numbers or addresses ({}).",
            if name.is_empty() {
                String::new()
            } else {
                format!(" ({name})")
            },
            live.len(),
            counterparts.len(),
            counts.join(", ")
        ));
        if !knew.is_empty() {
            s.push_str(&format!(
                " The callers knew my {}, which shows that my personal information was illegally obtained, sold or provided.",
                knew.join(", ")
            ));
        }
        if lost.0 > 0 {
            s.push_str(&format!(" I lost CNY {} as a result.", lost));
        }
        s.push_str(" Every record is in the evidence list attached; records and attachments are fixed by SHA-256 hashes.");
    }
    s
}

/// Per counterpart: count, first, last, what they knew, kinds.
type LeadAcc<'a> = (usize, DateTime, DateTime, Vec<&'a str>, BTreeSet<EvidenceKind>);

/// Leads: counterparts ranked by how often they made contact, with what they knew.
fn leads(live: &[&PacketEntry], lang: Lang) -> Vec<String> {
    let mut map: BTreeMap<&str, LeadAcc<'_>> = BTreeMap::new();
    for e in live {
        let slot = map.entry(e.counterpart.as_str()).or_insert((
            0,
            e.occurred_at,
            e.occurred_at,
            Vec::new(),
            BTreeSet::new(),
        ));
        slot.0 += 1;
        slot.1 = slot.1.min(e.occurred_at);
        slot.2 = slot.2.max(e.occurred_at);
        slot.4.insert(e.kind);
        for k in &e.knew {
            if !slot.3.contains(&k.as_str()) {
                slot.3.push(k);
            }
        }
    }
    let mut ranked: Vec<_> = map.into_iter().filter(|(c, _)| !c.trim().is_empty()).collect();
    ranked.sort_by(|a, b| b.1.0.cmp(&a.1.0).then(a.0.cmp(b.0)));
    let zh = lang == Lang::Zh;
    ranked
        .into_iter()
        .take(15)
        .map(|(c, (n, first, last, knew, kinds))| {
            let kinds: Vec<&str> = kinds.iter().map(|k| kind_label(*k, lang)).collect();
            let span = if first.date() == last.date() {
                first.date().to_string()
            } else {
                format!("{} — {}", first.date(), last.date())
            };
            if zh {
                let mut s = format!("{c}（{}，{n} 次，{span}）", kinds.join("、"));
                if !knew.is_empty() {
                    s.push_str(&format!("，掌握本人{}", knew.join("、")));
                }
                s
            } else {
                let mut s = format!("{c} ({}, {n}×, {span})", kinds.join(", "));
                if !knew.is_empty() {
                    s.push_str(&format!("; knew my {}", knew.join(", ")));
                }
                s
            }
        })
        .collect()
}

/// Render the packet.
pub fn render(input: &PacketInput, opts: &PacketOptions, face: &FontFace) -> Result<Rendered, PdfError> {
    let redacted;
    let input = if opts.redact {
        redacted = crate::redact::redact_input(input, opts.lang);
        &redacted
    } else {
        input
    };
    let lang = opts.lang;
    let zh = lang == Lang::Zh;
    let mut w = Writer {
        canvas: Canvas::new(Geometry::default()),
        m: face.metrics(),
    };
    let mut entries: Vec<&PacketEntry> = input.entries.iter().collect();
    entries.sort_by(|a, b| a.occurred_at.cmp(&b.occurred_at).then(a.id.cmp(&b.id)));
    let live: Vec<&PacketEntry> = entries
        .iter()
        .copied()
        .filter(|e| e.retracted.is_none())
        .collect();
    let blank = "＿＿＿＿＿＿＿＿";

    // Title.
    w.centered(
        if zh {
            "报 案 材 料"
        } else {
            "Criminal Complaint"
        },
        20.0,
    );
    w.centered(
        if zh {
            "（控告侵犯公民个人信息犯罪）"
        } else {
            "(infringement of citizens' personal information)"
        },
        10.5,
    );
    if opts.redact {
        w.centered(&crate::redact::copy_mark(lang), 12.0);
    }
    w.gap(4.0);

    // 报案人.
    w.heading(if zh { "一、报案人" } else { "1. Complainant" });
    let c = &input.complainant;
    let field = |v: Option<&str>| v.filter(|s| !s.trim().is_empty()).map(str::to_string);
    let rows: Vec<(&str, Option<String>)> = vec![
        (
            if zh { "姓　　名：" } else { "Name: " },
            field(Some(c.name.as_str())),
        ),
        (if zh { "性　　别：" } else { "Sex: " }, field(c.sex.as_deref())),
        (
            if zh { "出生日期：" } else { "Date of birth: " },
            field(c.birth_date.as_deref()),
        ),
        (
            if zh { "身份证号：" } else { "ID number: " },
            field(c.id_number.as_deref()),
        ),
        (
            if zh { "住　　址：" } else { "Address: " },
            field(c.address.as_deref()),
        ),
        (
            if zh { "联系电话：" } else { "Phone: " },
            Some(c.phones.join(if zh { "，" } else { ", " })).filter(|s| !s.is_empty()),
        ),
        (
            if zh { "电子邮箱：" } else { "Email: " },
            Some(c.emails.join(if zh { "，" } else { ", " })).filter(|s| !s.is_empty()),
        ),
    ];
    for (label, value) in rows {
        let v = value.unwrap_or_else(|| blank.to_string());
        w.labelled(label, &v);
    }

    // 被控告人 / 线索.
    w.heading(if zh { "二、被控告人" } else { "2. Accused" });
    w.para(
        if zh {
            "被控告人身份不详。据本人记录，以下号码、地址或账户与本案有关，可作为侦查线索："
        } else {
            "Unknown. These numbers, addresses or accounts from my records may help the investigation:"
        },
        BODY,
        if zh { 2.0 } else { 0.0 },
        0.0,
    );
    let lead_lines = leads(&live, lang);
    if lead_lines.is_empty() {
        w.para(if zh { "（暂无）" } else { "(none yet)" }, BODY, 2.0, 0.0);
    }
    for (i, l) in lead_lines.iter().enumerate() {
        w.labelled(&format!("{}. ", i + 1), l);
    }

    // 请求事项.
    w.heading(if zh { "三、请求事项" } else { "3. Requests" });
    let lost = Fen::total(live.iter().filter_map(|e| e.amount_lost_fen));
    let mut req = if zh {
        "1. 请求依照《中华人民共和国刑法》第二百五十三条之一之规定，对侵犯本人公民个人信息的行为立案侦查，查明本人个人信息泄露的来源，依法追究相关人员的刑事责任；\n2. 请求出具受案回执。".to_string()
    } else {
        "1. Open a criminal case under Article 253-1 of the Criminal Law of the PRC, find where my personal information leaked from, and hold those responsible to account;\n2. Issue a receipt for this complaint (受案回执).".to_string()
    };
    if lost.0 > 0 {
        req.push_str(&if zh {
            format!("\n3. 请求追回本人被骗的财产人民币 {} 元。", lost)
        } else {
            format!("\n3. Recover the CNY {} I lost.", lost)
        });
    }
    w.para(&req, BODY, 0.0, 0.0);

    // 事实与理由.
    w.heading(if zh {
        "四、事实与理由"
    } else {
        "4. Facts and reasons"
    });
    w.para(
        &narrative(input, &live, lang),
        BODY,
        if zh { 2.0 } else { 0.0 },
        0.0,
    );
    if let Some(own) = input.narrative.as_deref().filter(|s| !s.trim().is_empty()) {
        w.para(own, BODY, if zh { 2.0 } else { 0.0 }, 0.0);
    }
    if !live.is_empty() {
        w.gap(2.0);
        w.para(
            if zh {
                "时间经过（按日汇总，详见证据清单）："
            } else {
                "Timeline (per day; details in the evidence list):"
            },
            BODY,
            0.0,
            0.0,
        );
        let mut days: BTreeMap<Date, (BTreeMap<EvidenceKind, usize>, Vec<String>)> = BTreeMap::new();
        for e in &live {
            let d = days.entry(e.occurred_at.date()).or_default();
            *d.0.entry(e.kind).or_default() += 1;
            d.1.push(e.id.clone());
        }
        for (day, (kinds, ids)) in days {
            let counts: Vec<String> = kinds.iter().map(|(k, n)| kind_counted(*k, *n, lang)).collect();
            let ids_text = if ids.len() > 6 {
                format!("{}…{}", ids[..3].join(","), ids[ids.len() - 1])
            } else {
                ids.join(",")
            };
            let sep = if zh { "、" } else { ", " };
            w.labelled(
                &format!("{day}  "),
                &if zh {
                    format!("{}（{ids_text}）", counts.join(sep))
                } else {
                    format!("{} ({ids_text})", counts.join(sep))
                },
            );
        }
    }

    // 法律依据.
    w.heading(if zh {
        "五、法律依据"
    } else {
        "5. Legal basis"
    });
    for (i, law) in input.laws.iter().enumerate() {
        let sep = if zh { "：" } else { ": " };
        w.labelled(
            &format!("{}. ", i + 1),
            &format!("{}{sep}{}", law.citation, law.summary),
        );
    }
    // A redacted copy is not the signed complaint: one line stands for the statement and
    // the signature block.
    if opts.redact {
        w.gap(6.0);
        w.para(&crate::redact::not_signed_line(lang), BODY, 0.0, 0.0);
    } else {
        w.para(
            if zh {
                "综上，本人的个人信息被非法获取、出售或提供，情节严重，特此报案，请依法立案侦查。"
            } else {
                "My personal information was illegally obtained, sold or provided. I ask you to open a case."
            },
            BODY,
            if zh { 2.0 } else { 0.0 },
            0.0,
        );

        // 此致 + signature block.
        w.canvas.ensure(BODY * LEAD * 9.0);
        w.gap(6.0);
        w.para(if zh { "　　此致" } else { "To:" }, BODY, 0.0, 0.0);
        let agency = opts
            .agency
            .clone()
            .filter(|s| !s.trim().is_empty())
            .unwrap_or_else(|| {
                if zh {
                    "＿＿＿＿＿＿公安局＿＿＿＿＿＿派出所".to_string()
                } else {
                    blank.to_string()
                }
            });
        w.para(&agency, BODY, 0.0, 0.0);
        w.gap(10.0);
        let sign = if zh {
            format!("报案人（签名）：{blank}　　（捺印）")
        } else {
            format!("Signature: {blank}   (fingerprint)")
        };
        w.para(&sign, BODY, 0.0, 0.0);
        w.para(
            &if zh {
                format!("日　　期：{}", date_text(input.print_date, lang))
            } else {
                format!("Date: {}", date_text(input.print_date, lang))
            },
            BODY,
            0.0,
            0.0,
        );
    }
    w.para(
        &if zh {
            format!("案件指纹：{}", input.fingerprint.full())
        } else {
            format!("Case fingerprint: {}", input.fingerprint.full())
        },
        SMALL,
        0.0,
        0.35,
    );

    // Annex: evidence list.
    w.canvas.new_page();
    w.centered(
        if zh {
            "附件一：证据清单"
        } else {
            "Annex 1: Evidence list"
        },
        15.0,
    );
    let retracted_n = entries.len() - live.len();
    w.para(
        &if zh {
            format!(
                "共 {} 条记录{}。时间为记录时的本地时间；“已更正”表示该条有更正记录，原始内容仍保存在案件日志中；附件的 SHA-256 校验值可用 sha256sum 核对。",
                entries.len(),
                if retracted_n > 0 { format!("（其中 {retracted_n} 条已撤回，不计入上文统计）") } else { String::new() }
            )
        } else {
            format!(
                "{} records{}. Times are local as recorded; \"corrected\" means a correction was recorded and the original stays in the journal; check attachment hashes with sha256sum.",
                entries.len(),
                if retracted_n > 0 { format!(" ({retracted_n} retracted, not counted above)") } else { String::new() }
            )
        },
        SMALL + 1.0,
        0.0,
        0.25,
    );
    w.gap(4.0);
    let cw = w.canvas.geo.content_width();
    let widths_mm = [9.0f32, 19.0, 13.0, 32.0, 58.0, 39.0];
    let scale = cw / mm(widths_mm.iter().sum());
    let titles: [&str; 6] = if zh {
        [
            "序号",
            "时间",
            "类型",
            "对方号码/地址",
            "内容摘要",
            "对方掌握的本人信息",
        ]
    } else {
        ["No.", "Time", "Kind", "Counterpart", "Summary", "What they knew"]
    };
    let columns: Vec<Column> = titles
        .iter()
        .zip(widths_mm)
        .map(|(t, wmm)| Column {
            title: t.to_string(),
            width: mm(wmm) * scale,
        })
        .collect();
    let mut rows = Vec::new();
    let mut image_atts: Vec<(&PacketEntry, usize, &PacketAttachment)> = Vec::new();
    let mut other_atts: Vec<super::figures::Listed> = Vec::new();
    for (n, e) in entries.iter().enumerate() {
        let mut summary = e.summary.clone();
        if let Some(to) = e.to_mine.as_deref().filter(|s| !s.is_empty()) {
            summary = if zh {
                format!("{summary}\n（打入/发至：{to}）")
            } else {
                format!("{summary}\n(to: {to})")
            };
        }
        if let Some(f) = e.amount_lost_fen.filter(|f| f.0 != 0) {
            summary = if zh {
                format!("{summary}\n损失：{} 元", f)
            } else {
                format!("{summary}\nLost: CNY {}", f)
            };
        }
        if e.corrections > 0 {
            summary = if zh {
                format!("{summary}\n〔已更正 {} 次〕", e.corrections)
            } else {
                format!("{summary}\n[corrected {}×]", e.corrections)
            };
        }
        if let Some(reason) = &e.retracted {
            summary = if zh {
                format!("〔已撤回：{reason}〕\n{summary}")
            } else {
                format!("[retracted: {reason}]\n{summary}")
            };
        }
        let time = format!(
            "{}\n{}",
            e.occurred_at.date(),
            e.occurred_at.time().strftime("%H:%M")
        );
        rows.push(Row::Cells(vec![
            format!("{}\n{}", n + 1, e.id),
            time,
            kind_label(e.kind, lang).to_string(),
            e.counterpart.clone(),
            summary,
            e.knew.join(if zh { "、" } else { ", " }),
        ]));
        for (k, a) in e.attachments.iter().enumerate() {
            let label = if zh {
                format!(
                    "附件 {}-{}：{}（{}，{}）",
                    e.id,
                    k + 1,
                    a.name,
                    human_size(a.size),
                    a.media_type
                )
            } else {
                format!(
                    "Attachment {}-{}: {} ({}, {})",
                    e.id,
                    k + 1,
                    a.name,
                    human_size(a.size),
                    a.media_type
                )
            };
            rows.push(Row::Span(vec![label, format!("SHA-256 {}", a.sha256)]));
            if is_image(a) && a.path.is_some() {
                image_atts.push((e, k, a));
            } else {
                other_atts.push(super::figures::Listed::plain(e, k, a));
            }
        }
    }
    let table = Table {
        columns,
        rows,
        style: Style::default(),
    };
    if !entries.is_empty() {
        table.draw(&mut w.canvas, &w.m);
    }

    // Annex: images.
    let mut images = Images::default();
    let mut undecodable = Vec::new();
    if !image_atts.is_empty() {
        if !opts.redact {
            w.canvas.new_page();
            w.centered(
                if zh {
                    "附件二：图片证据"
                } else {
                    "Annex 2: Images"
                },
                15.0,
            );
        }
        for l in super::figures::draw_pictures(&mut w, &mut images, &image_atts, lang, opts.redact) {
            if l.failed {
                undecodable.push(l.attachment.name.clone());
            }
            other_atts.push(l);
        }
    }

    // Annex: other attachments.
    super::figures::list_attachments(&mut w, lang, &other_atts);

    // Reports filed and contacts warned.
    if !input.reports.is_empty() {
        w.heading(if zh {
            "已报案、投诉记录"
        } else {
            "Reports filed"
        });
        for (i, r) in input.reports.iter().enumerate() {
            w.labelled(&format!("{}. ", i + 1), r);
        }
    }
    if !input.warned.is_empty() {
        w.heading(if zh {
            "已提醒的亲友"
        } else {
            "Contacts warned"
        });
        for (i, r) in input.warned.iter().enumerate() {
            w.labelled(&format!("{}. ", i + 1), r);
        }
    }

    // Last: how to check the fingerprint.
    w.heading(if zh {
        "案件指纹与核验"
    } else {
        "Case fingerprint and how to check it"
    });
    let fp = input.fingerprint.full();
    w.para(
        if zh {
            "案件指纹（记录条数:最后一条记录的 SHA-256）："
        } else {
            "Case fingerprint (records:SHA-256 of the last record):"
        },
        BODY,
        0.0,
        0.0,
    );
    hash_line(&mut w, &fp);
    w.para(
        &if zh {
            format!(
                "核验方法：在保存案件的电脑上运行 leakaid verify --fingerprint {fp} ，结果为“完好”即表示现在的案件日志是打印本材料时日志的延续、此前的记录未被改动；也可对案件文件夹中的 journal.jsonl 前 {} 行逐行计算 sha256sum，最后一行的校验值应与上面的值一致。",
                input.fingerprint.count
            )
        } else {
            format!(
                "To check: on the computer that holds the case, run leakaid verify --fingerprint {fp}; \"intact\" means today's journal extends the one printed here, unchanged. Or hash the first {} lines of journal.jsonl with sha256sum: the last line's hash must equal the value above.",
                input.fingerprint.count
            )
        },
        BODY - 1.0,
        0.0,
        0.0,
    );

    // Coverage check on exactly what was drawn.
    let m = face.metrics();
    let missing: Vec<char> = w
        .canvas
        .used_chars()
        .iter()
        .copied()
        .filter(|c| !m.covers(*c))
        .collect();

    let fp_short = input.fingerprint.short();
    let fp_text = if zh {
        format!("案件指纹 {fp_short}")
    } else {
        format!("Case fingerprint {fp_short}")
    };
    let fp_text_w = m.width(&fp_text, 7.0);
    let copy_mark = opts.redact.then(|| crate::redact::copy_mark(lang));
    let copy_mark_w = copy_mark.as_deref().map_or(0.0, |t| m.width(t, 9.0));
    let footer = move |i: usize, total: usize, canvas: &mut Canvas| {
        let geo = canvas.geo;
        let y = geo.bottom * 0.5;
        let page = if zh {
            format!("第 {} 页 共 {} 页", i + 1, total)
        } else {
            format!("Page {} of {}", i + 1, total)
        };
        canvas.rule((geo.left, y + 11.0), (geo.width - geo.right, y + 11.0), 0.3, 0.6);
        canvas.text_at(geo.left, y, 8.0, &page, 0.0);
        canvas.text_at(geo.width - geo.right - fp_text_w, y, 7.0, &fp_text, 0.35);
        if let Some(mark) = &copy_mark {
            let x = geo.left + (geo.content_width() - copy_mark_w) / 2.0;
            canvas.text_at(x, geo.height - geo.top * 0.6, 9.0, mark, 0.0);
        }
    };

    let pages = w.canvas.page_count();
    let meta = Meta {
        title: if zh {
            format!("报案材料 — {}", input.complainant.name)
        } else {
            format!("Criminal complaint — {}", input.complainant.name)
        },
        lang: if zh { "zh-CN".into() } else { "en".into() },
        pdf_date: format!(
            "D:{:04}{:02}{:02}000000+08'00'",
            input.print_date.year(),
            input.print_date.month(),
            input.print_date.day()
        ),
        subject: format!("leakaid {}", input.fingerprint.full()),
    };
    let bytes = assemble(w.canvas, footer, face, images, &meta)?;
    Ok(Rendered {
        bytes,
        pages,
        missing,
        undecodable,
    })
}

/// A full hash (or fingerprint) on one line of its own, at the largest size up to the body
/// size that fits the text column.
pub(super) fn hash_line(w: &mut Writer<'_>, hash: &str) {
    let width = w.canvas.geo.content_width();
    let size = super::layout::fit_size(hash, width, SMALL + 1.0, 5.0, &w.m);
    let lh = size * LEAD;
    w.canvas.ensure(lh);
    let baseline = w.canvas.y - size;
    let x = w.canvas.geo.left;
    w.canvas.text_at(x, baseline, size, hash, 0.0);
    w.canvas.y -= lh;
}

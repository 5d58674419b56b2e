//! The annexes after the letter: 附件一 证据清单 (one row per entry, numbered by the entry
//! ids, with 来源 / 原件所在 / 证明目的 and every attachment's full SHA-256 kept with its
//! entry), 附件二 附件图片, and the note on checking the case fingerprint, whole, on the last
//! annex page.
//!
//! A case above [`PRINT_ALL_UP_TO`] entries prints the entries of its top leads and names the
//! complete list written beside the PDF.

use super::complaint::{columns, table_style};
use super::document::Images;
use super::packet::{PRINT_ALL_UP_TO, PacketAttachment, PacketEntry, PacketInput};
use super::table::{Row, Table};
use super::words::{date_text, human_size, kind_label, knew_list, money};
use super::writer::{BODY, LEAD, SMALL, Writer};
use crate::case::EvidenceKind;
use crate::i18n::Lang;

/// Rows the evidence list of a big case prints (the top leads' entries).
pub const BIG_CASE_ROWS: usize = 300;

/// The annexes' page counts, and the images that could not be drawn.
pub struct AnnexPages {
    /// Pages of 附件一 证据清单 (with the verification note when there are no images).
    pub evidence: usize,
    /// Pages of 附件二 附件图片 (0: none).
    pub images: usize,
    /// Attachments that looked like images but could not be decoded.
    pub undecodable: Vec<String>,
}

/// The entries the evidence list prints, in entry order: all of them, or for a big case the
/// entries of the top leads up to [`BIG_CASE_ROWS`].
pub fn printed_entries(input: &PacketInput) -> Vec<&PacketEntry> {
    let mut out: Vec<&PacketEntry> = if input.entries.len() <= PRINT_ALL_UP_TO {
        input.entries.iter().collect()
    } else {
        let by_id: std::collections::HashMap<&str, &PacketEntry> =
            input.entries.iter().map(|e| (e.id.as_str(), e)).collect();
        let mut picked = Vec::new();
        'leads: for lead in &input.leads {
            for id in &lead.entries {
                if picked.len() >= BIG_CASE_ROWS {
                    break 'leads;
                }
                if let Some(e) = by_id.get(id.as_str()) {
                    picked.push(*e);
                }
            }
        }
        picked
    };
    out.sort_by_key(|e| e.number);
    out
}

fn is_image(a: &PacketAttachment) -> bool {
    matches!(a.media_type.as_str(), "image/png" | "image/jpeg" | "image/jpg")
}

/// "（139…）" for the victim's own number or address, nothing when none was recorded.
fn paren(to: Option<&str>) -> String {
    to.map(|t| format!("（{t}）")).unwrap_or_default()
}

/// 来源: where the evidence comes from, e.g. 本人手机 139…通话记录 / 短信截图 / 邮件原件.
fn source(e: &PacketEntry, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let to = e.to_mine.as_deref().map(str::trim).filter(|s| !s.is_empty());
    let has = |f: &dyn Fn(&PacketAttachment) -> bool| e.attachments.iter().any(f);
    let shot = has(&is_image);
    let eml = has(&|a| a.media_type == "message/rfc822");
    let audio = has(&|a| a.media_type.starts_with("audio/"));
    let mut s = match (e.kind, zh) {
        (EvidenceKind::Call, true) => format!("本人手机{}通话记录", paren(to)),
        (EvidenceKind::Sms, true) => format!("本人手机{}短信", paren(to)),
        (EvidenceKind::Email, true) => format!("本人邮箱{}收到的邮件", paren(to)),
        (EvidenceKind::Letter, true) => "本人收到的信件".to_string(),
        (EvidenceKind::Web, true) => "网页".to_string(),
        (EvidenceKind::Account, true) => "本人查询所得记录".to_string(),
        (EvidenceKind::Other, true) => "本人记录".to_string(),
        (EvidenceKind::Call, false) => format!("call log of my phone {}", to.unwrap_or("")),
        (EvidenceKind::Sms, false) => format!("SMS on my phone {}", to.unwrap_or("")),
        (EvidenceKind::Email, false) => format!("email received at {}", to.unwrap_or("my mailbox")),
        (EvidenceKind::Letter, false) => "letter I received".to_string(),
        (EvidenceKind::Web, false) => "web page".to_string(),
        (EvidenceKind::Account, false) => "record of my enquiry".to_string(),
        (EvidenceKind::Other, false) => "my own record".to_string(),
    };
    let mut extra = Vec::new();
    if shot {
        extra.push(lang.pick("截图", "screenshot"));
    }
    if eml {
        extra.push(lang.pick("邮件原件", "original email"));
    }
    if audio {
        extra.push(lang.pick("录音", "recording"));
    }
    if !extra.is_empty() {
        s.push_str(&if zh {
            format!("；{}", extra.join("、"))
        } else {
            format!("; {}", extra.join(", "))
        });
    }
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// 原件所在: the device that holds the original, or the vault files by their hash.
fn original_at(e: &PacketEntry, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let to = e.to_mine.as_deref().map(str::trim).filter(|s| !s.is_empty());
    let device = match (e.kind, zh) {
        (EvidenceKind::Call | EvidenceKind::Sms, true) => Some(format!("本人手机{}", paren(to))),
        (EvidenceKind::Email, true) => Some(format!("本人邮箱{}", paren(to))),
        (EvidenceKind::Letter, true) => Some("本人保存的原件".to_string()),
        (EvidenceKind::Call | EvidenceKind::Sms, false) => Some(format!("my phone {}", to.unwrap_or(""))),
        (EvidenceKind::Email, false) => Some(format!("my mailbox {}", to.unwrap_or(""))),
        (EvidenceKind::Letter, false) => Some("the original, kept by me".to_string()),
        _ => None,
    };
    let mut parts: Vec<String> = device.into_iter().collect();
    if !e.attachments.is_empty() {
        let which = match e.attachments.len() {
            1 => format!("{}-1", e.id),
            n => format!("{}-1至{}-{n}", e.id, e.id),
        };
        parts.push(if zh {
            format!("电子数据附件 {which}（SHA-256 见下行）")
        } else {
            format!("electronic annex {} (SHA-256 below)", which.replace('至', " to "))
        });
    }
    if parts.is_empty() {
        parts.push(
            lang.pick("案件电子记录", "the electronic case record")
                .to_string(),
        );
    }
    parts.join(lang.pick("；", "; "))
}

/// 证明目的: what the entry proves, from its facts.
fn purpose(e: &PacketEntry, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    if let Some(reason) = &e.retracted {
        return if zh {
            format!("已撤回，不作为证据（{reason}）")
        } else {
            format!("Retracted, not offered as evidence ({reason})")
        };
    }
    let mut parts = Vec::new();
    if !e.knew.is_empty() {
        let k = knew_list(e.knew.iter().copied(), lang);
        parts.push(if zh {
            format!("证明对方掌握本人{k}")
        } else {
            format!("shows they knew my {k}")
        });
    }
    if let Some(f) = e.amount_lost_fen.filter(|f| *f > 0) {
        parts.push(if zh {
            format!("证明本人被骗{}", money(f, lang))
        } else {
            format!("shows I lost {}", money(f, lang))
        });
    }
    if parts.is_empty() {
        parts.push(match (e.kind, zh) {
            (EvidenceKind::Account, true) => "证明有人冒用本人身份开立账户".to_string(),
            (EvidenceKind::Web, true) => "证明仿冒或公开本人信息的网页存在".to_string(),
            (_, true) => "证明对方于该时间联系本人".to_string(),
            (EvidenceKind::Account, false) => "shows an account opened in my name".to_string(),
            (EvidenceKind::Web, false) => "shows the page exists".to_string(),
            (_, false) => "shows they contacted me at that time".to_string(),
        });
    }
    parts.join(lang.pick("；", "; "))
}

/// 证据名称: what the item is, with the counterpart and the victim's summary.
fn name(e: &PacketEntry, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let mut s = format!(
        "{}{}{}",
        kind_label(e.kind, lang),
        lang.pick("：", ": "),
        e.counterpart
    );
    if !e.summary.trim().is_empty() {
        s.push('\n');
        s.push_str(e.summary.trim());
    }
    if e.corrections > 0 {
        s.push_str(&if zh {
            format!("\n〔已更正 {} 次，原始记录保存在案件日志中〕", e.corrections)
        } else {
            format!(
                "\n[corrected {}×; the original stays in the journal]",
                e.corrections
            )
        });
    }
    s
}

/// Draws the annexes on `w` (a canvas of their own) and returns their page counts.
pub fn draw(
    w: &mut Writer<'_>,
    input: &PacketInput,
    lang: Lang,
    images: &mut Images,
    redact: bool,
) -> AnnexPages {
    let zh = lang == Lang::Zh;
    let printed = printed_entries(input);

    // 附件一：证据清单.
    w.centered(lang.pick("附件一：证据清单", "Annex 1: Evidence list"), 15.0);
    let retracted_n = input.entries.iter().filter(|e| e.retracted.is_some()).count();
    let mut note = if zh {
        format!(
            "共 {} 条记录{}，序号即案件记录中的编号。时间为记录时的本地时间；附件的 SHA-256 校验值可用 sha256sum 核对。",
            input.entries.len(),
            if retracted_n > 0 {
                format!("（其中 {retracted_n} 条已撤回，不计入控告书的统计）")
            } else {
                String::new()
            }
        )
    } else {
        format!(
            "{} records{}; the numbers are the case record's ids. Times are local as recorded; check attachment hashes with sha256sum.",
            input.entries.len(),
            if retracted_n > 0 {
                format!(" ({retracted_n} retracted, not counted in the letter)")
            } else {
                String::new()
            }
        )
    };
    if input.is_big() {
        let files: Vec<String> = input
            .side_files
            .iter()
            .map(|f| format!("{}（SHA-256 {}）", f.name, f.sha256))
            .collect();
        note.push_str(&if zh {
            format!(
                "本案记录超过 {} 条，本清单只列出联系最多的号码/地址的 {} 条记录；完整清单和案件记录副本见电子数据：{}。",
                PRINT_ALL_UP_TO,
                printed.len(),
                files.join("；")
            )
        } else {
            format!(
                " The case has more than {} records: this list shows the {} records of the counterparts with the most contacts; the complete list and a copy of the record are in the electronic annex: {}.",
                PRINT_ALL_UP_TO,
                printed.len(),
                files.join("; ")
            )
        });
    }
    w.para(&note, SMALL + 1.0, 0, 0.25);
    w.gap(4.0);
    let titles = if zh {
        ["序号", "时间", "证据名称", "来源", "原件所在", "证明目的"]
    } else {
        ["No.", "Time", "Item", "Source", "Original held", "What it proves"]
    };
    let cols = columns(w, &titles, &[14.0, 26.0, 50.0, 26.0, 26.0, 32.0]);
    let mut rows = Vec::new();
    let mut image_atts: Vec<(&PacketEntry, usize, &PacketAttachment)> = Vec::new();
    for e in &printed {
        rows.push(Row::Cells(vec![
            e.id.clone(),
            format!(
                "{}\n{}",
                date_text(e.occurred_at.date(), lang),
                e.occurred_at.time().strftime("%H:%M")
            ),
            name(e, lang),
            source(e, lang),
            original_at(e, lang),
            purpose(e, lang),
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
            }
        }
    }
    if !rows.is_empty() {
        let table = Table {
            columns: cols,
            rows,
            style: table_style(lang),
        };
        table.draw(&mut w.canvas, &w.m);
    }
    let evidence_end = w.canvas.page_count();

    // 附件二：附件图片 (none in a redacted copy: listed instead, with their hashes).
    let mut undecodable = Vec::new();
    if !image_atts.is_empty() {
        if !redact {
            w.canvas.new_page();
            w.centered(lang.pick("附件二：附件图片", "Annex 2: Images"), 15.0);
        }
        let listed = super::figures::draw_pictures(w, images, &image_atts, lang, redact);
        undecodable.extend(
            listed
                .iter()
                .filter(|l| l.failed)
                .map(|l| l.attachment.name.clone()),
        );
        super::figures::list_attachments(w, lang, &listed);
    }

    verification(w, input, lang);
    let total = w.canvas.page_count();
    let images_pages = total - evidence_end;
    AnnexPages {
        evidence: if images_pages == 0 { total } else { evidence_end },
        images: images_pages,
        undecodable,
    }
}

/// How to check the fingerprint: kept whole on the last annex page.
fn verification(w: &mut Writer<'_>, input: &PacketInput, lang: Lang) {
    let zh = lang == Lang::Zh;
    let fp = input.fingerprint.full();
    let how = if zh {
        format!(
            "核验方法：在保存案件的电脑上运行 leakaid verify --fingerprint {fp} ，结果为“完好”即表示现在的案件记录是打印本材料时记录的延续、此前的记录未被改动；也可对案件文件夹中的 journal.jsonl 前 {} 行逐行计算 sha256sum，最后一行的校验值应与上面的值一致。",
            input.fingerprint.count
        )
    } else {
        format!(
            "To check: on the computer that holds the case, run leakaid verify --fingerprint {fp}; \"intact\" means today's record extends the one printed here, unchanged. Or hash the first {} lines of journal.jsonl with sha256sum: the last line's hash must equal the value above.",
            input.fingerprint.count
        )
    };
    let intro = lang.pick(
        "案件指纹（记录条数:最后一条记录的 SHA-256）：",
        "Case fingerprint (records:SHA-256 of the last record):",
    );
    let height = 12.5 * 2.2
        + w.para_height(intro, BODY, 0)
        + (SMALL + 1.0) * LEAD
        + w.para_height(&how, BODY - 1.0, 0)
        + 8.0;
    w.canvas.ensure(height);
    w.heading(lang.pick("案件指纹与核验", "Case fingerprint and how to check it"));
    w.para(intro, BODY, 0, 0.0);
    w.hash_line(&fp);
    w.para(&how, BODY - 1.0, 0, 0.0);
}

//! The wording of the 刑事控告书 (requests, closing, the 刑诉法第一百一十一条 statement,
//! the annex list) and of the sentences the packet builds from the case (事实与理由, 来源,
//! 证明目的, captions, the redacted copy's marks) in both languages, loaded from
//! `assets/letter/{zh,en}.toml`; placeholders are filled by [`crate::template::fill`]. The
//! law items it cites are the guide's.
//!
//! Every field is required, so a sentence missing in one language fails to load; the tests
//! load both files, so a built, tested binary always has them (as [`super::Guide::get`]).

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Deserialize;

use super::charges::{Disturbance, Offence, Request};
use super::law::Law;
use crate::i18n::Lang;

const ZH_TOML: &str = include_str!("../../assets/letter/zh.toml");
const EN_TOML: &str = include_str!("../../assets/letter/en.toml");

/// The letter's fixed text in one language. Placeholders (`{amount}`, `{accounts}`, `{offences}`,
/// `{knew}`, `{fingerprint}`, `{n}`) are filled by [`crate::template::fill`].
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LetterText {
    /// Language of this file.
    pub lang: Lang,
    /// Where the wording comes from.
    pub source: String,
    /// The title, 刑事控告书.
    pub title: String,
    /// Printed on every page of a translation; empty for the Chinese original.
    pub translation_mark: String,
    /// 时间均为北京时间: the zone of the times when it is UTC+08:00.
    pub zone_beijing: String,
    /// 时间均为本地时间（{zone}）: the zone of the times otherwise.
    pub zone_local: String,
    /// Urgent stop-payment request naming the receiving accounts.
    pub stop_payment: String,
    /// Urgent stop-payment request when no receiving account was recorded.
    pub stop_payment_unknown: String,
    /// Open a case and recover the money.
    pub investigate_recover: String,
    /// Open a case (no money lost).
    pub investigate: String,
    /// Find the source of the leak.
    pub trace_source: String,
    /// Find the source of the leak, naming the suspected source.
    pub trace_source_suspect: String,
    /// Issue the 受案回执.
    pub receipt: String,
    /// Instead of `receipt` when an earlier report was not accepted: say so, ask for the
    /// receipt and, if the case is not opened, the written 不予立案通知书.
    pub receipt_after_refusal: String,
    /// The alternative when no money was lost: a 治安 case under the 治安管理处罚法, for the
    /// personal information alone (fewer than two calls and messages).
    pub public_security: String,
    /// The same, and the repeated calls.
    pub public_security_calls: String,
    /// The same, and the repeated messages.
    pub public_security_messages: String,
    /// The same, and the repeated calls and messages.
    pub public_security_calls_messages: String,
    /// 侵犯公民个人信息罪.
    pub offence_personal: String,
    /// 诈骗罪.
    pub offence_fraud: String,
    /// Between two offences.
    pub offence_join: String,
    /// The closing sentence (本人有理由认为…特此控告，请依法审查立案).
    pub closing: String,
    /// The conclusion drawn from what they knew, hedged with 可能.
    pub pattern: String,
    /// The statement under 刑诉法第一百一十一条.
    pub statement: String,
    /// Marks a law text that is a summary, not the statute's words.
    pub summary_mark: String,
    /// Annex: the evidence list.
    pub annex_evidence: String,
    /// Annex: the images.
    pub annex_images: String,
    /// Annex: the electronic data, when no bundle goes with the packet: how to make one.
    pub annex_data: String,
    /// Annex: the bundle the packet was printed into (`{n}` files, `{fingerprint}`).
    pub annex_bundle: String,
    /// Annex: the bundle's attachments not named one by one (`{n}`).
    pub annex_bundle_more: String,
    /// Annex: the ID card copy.
    pub annex_id: String,
    /// "{n} 页".
    pub pages: String,
    /// Section headings and subheadings of the letter.
    pub headings: HeadingsText,
    /// 被控告人: the leads.
    pub accused: AccusedText,
    /// 事实与理由: the sentences built from the entries.
    pub facts: FactsText,
    /// 转账情况: the transfer table.
    pub transfers: TransfersText,
    /// 已采取的措施: the reports and letters already made.
    pub measures: MeasuresText,
    /// 时间经过: the events table.
    pub timeline: TimelineText,
    /// 附件一 证据清单: 来源, 原件所在, 证明目的 and the notes.
    pub evidence: EvidenceText,
    /// How to check the case fingerprint.
    pub verification: VerificationText,
    /// 附件二 附件图片: captions and why a picture is not drawn.
    pub pictures: PicturesText,
    /// The marks of a redacted copy.
    pub redact: RedactText,
    /// The footer of every page.
    pub footer: FooterText,
    /// 此致, the agency's blank and the signature line.
    pub signature: SignatureText,
    /// The one-line 要旨 of the provisions the letter names without quoting them
    /// ([`super::charges::Cite::Gist`]), by law id; printed marked as a summary.
    pub law_gist: BTreeMap<String, String>,
    /// The letters' names by their command-line code (`company`, `12321` …), as lists, the
    /// wizard and 已采取的措施 name a letter.
    pub letter_names: BTreeMap<String, String>,
}

/// Section headings and subheadings of the letter.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HeadingsText {
    /// 控告请求
    pub requests: String,
    /// 事实与理由
    pub facts: String,
    /// 转账情况
    pub transfers: String,
    /// 联系次数统计图
    pub chart: String,
    /// 时间经过
    pub timeline: String,
    /// 控告人自述
    pub narrative: String,
    /// 案件记录反映的情况: the analysis after the victim's own account.
    pub analysis: String,
    /// 法律依据
    pub laws: String,
    /// 已采取的措施
    pub measures: String,
    /// 附：
    pub annexes: String,
    /// 收款账户一览
    pub accounts: String,
}

/// 被控告人: the leads.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AccusedText {
    /// 被控告人
    pub heading: String,
    /// 被控告人：身份不详。以下{leads}与本案有关，可作为侦查线索（按损失、对方掌握的信息和联系次数排列）：
    pub intro: String,
    /// 号码: calls' and texts' counterparts, in {leads}.
    pub number: String,
    /// 地址: emails', pages' and letters' counterparts.
    pub address: String,
    /// 账户: receiving accounts and accounts opened in the victim's name.
    pub account: String,
    /// （暂无）
    pub none: String,
    /// {counterpart}（{kinds}，{count} 次，{span}{knew}{lost}）
    pub lead: String,
    /// ；说出本人{knew}
    pub knew: String,
    /// ；本人被骗{amount}
    pub lost: String,
    /// 另有 {n} 个号码/地址，见附件一证据清单。
    pub more_in_list: String,
    /// 另有 {n} 个号码/地址，见电子数据中的完整证据清单。
    pub more_in_data: String,
    /// 本人被骗款项转入的收款账户，可作为侦查线索：
    pub accounts_intro: String,
    /// 户名{name}，账号{account}，开户行或平台{bank}；本人于{span}向该账户转入{count}笔，共{amount}（{ids}）
    pub account_lead: String,
    /// （{label}）: what the number is, after a lead.
    pub label: String,
    /// （另记作 {spellings}）: after a mobile number printed in its 11 digits.
    pub spelled: String,
    /// 本人怀疑个人信息从{suspect}泄露，理由：{why}。…
    pub suspect: String,
    /// The same without a reason.
    pub suspect_no_why: String,
}

/// 事实与理由: the sentences built from the entries.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FactsText {
    /// {from}至{to}
    pub span: String,
    /// {first}（{first_id}），本人首次接到可疑联系；此后至{last}（{last_id}），共记录{n}…
    pub opening: String,
    /// The same for a case of one contact.
    pub opening_one: String,
    /// The same for a case whose contacts all came from one counterpart.
    pub opening_one_lead: String,
    /// 本人记录的经过如下：{events}{more}。 — without the victim's own account.
    pub chronology: String,
    /// {time}，{counterpart}（{kind}）{said}（{id}）
    pub event: String,
    /// ，本人记录为：“{said}”
    pub event_said: String,
    /// ；
    pub event_join: String,
    /// ；其余 {n} 条见下文“时间经过”和附件一证据清单
    pub chronology_more: String,
    /// {counterpart}联系本人{count}次（{span}）{claim}。
    pub lead: String,
    /// ，本人记录为：“{claim}”（{id}）
    pub claim: String,
    /// 对方在联系中说出了本人的{knew}{since}。
    pub knew: String,
    /// ：{items}
    pub since: String,
    /// {date}（{id}）首次说出{items}
    pub since_item: String,
    /// （{date}，{id}）: when one entry first named everything.
    pub since_one: String,
    /// 同日: the date of a clause on the same day as the one before.
    pub same_day: String,
    /// ，
    pub since_join: String,
    /// 本人因上述诈骗共计被骗{amount}（{ids}），转账情况见下表。
    pub lost: String,
    /// 等，共 {n} 笔: after the ids when there are more transfers than the table lists.
    pub lost_more: String,
}

/// 转账情况: the transfer table.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TransfersText {
    /// 共 {all} 笔转账，下表列出最近的 {n} 笔，其余见证据清单。
    pub latest: String,
    /// Column titles: 编号、转账时间、金额、收款账户（户名、开户行）、转账方式、交易流水号、经过.
    pub columns: Vec<String>,
    /// （未记录）
    pub not_recorded: String,
    /// 户名{name}
    pub account_name: String,
    /// {account}（{details}）
    pub receiver: String,
    /// ，
    pub details_join: String,
    /// ，另有 {n} 个收款账户见下文“收款账户一览”
    pub more_accounts: String,
    /// 收款账户本人尚未记录，转账凭证随附
    pub no_account: String,
    /// ；另有 {n} 笔转账的收款账户本人尚未记录，转账凭证随附
    pub unrecorded_more: String,
    /// {account}（{bank}）: the paying account.
    pub payer: String,
    /// 本人被骗款项共 {count} 笔转入以下 {n} 个收款账户，合计{amount}。{unrecorded}
    pub accounts_note: String,
    /// 另有 {n} 笔转账的收款账户本人尚未记录（{ids}），转账凭证随附。
    pub accounts_unrecorded: String,
    /// Column titles of 收款账户一览: 户名、账号、开户行或平台、笔数、合计、首末时间.
    pub accounts_columns: Vec<String>,
}

/// 已采取的措施: one sentence per report or letter.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeasuresText {
    /// {time}，向{channel}报案{how}，结果：{status}{details}。
    pub report: String,
    /// {time}，向{channel}寄出{letter}，{status}{details}。
    pub letter: String,
    /// （{how}）
    pub how: String,
    /// ；回执或编号：{receipt}
    pub receipt: String,
    /// ；经办人：{officer}
    pub officer: String,
    /// ；文书日期：{date}
    pub notice: String,
    /// ；当时的情况：{note}
    pub said: String,
}

/// 时间经过: the events table.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimelineText {
    /// {zone}。 — the zone sentence at the top of the table.
    pub zone_note: String,
    /// 下表列出关键事件 {n} 条（每个号码/地址的首次联系、首次说出某项个人信息、每笔损失），全部 {all} 条记录见…
    pub key_events: String,
    /// Column titles: 编号、时间、类型、对方、经过.
    pub columns: Vec<String>,
    /// 说出本人{knew}。{what}
    pub knew: String,
    /// 被骗{amount}。{what}
    pub lost: String,
}

/// 附件一 证据清单: 来源, 原件所在, 证明目的 and the notes.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EvidenceText {
    /// 附件一：证据清单
    pub title: String,
    /// 共 {n} 条记录{retracted}，序号即案件记录中的编号。{zone}；附件的 SHA-256 校…
    pub note: String,
    /// （其中 {n} 条已撤回，不计入控告书的统计）
    pub retracted: String,
    /// 本案记录超过 {limit} 条，本清单只列出联系最多的号码/地址的 {n} 条记录；完整清单和案件记录副本见电子数…
    pub big_case: String,
    /// The same for a redacted copy, which never carries the complete list or the record.
    pub big_case_redacted: String,
    /// {name}（SHA-256 {sha256}）
    pub side_file: String,
    /// Column titles: 序号、时间、证据名称、来源、原件所在、证明目的.
    pub columns: Vec<String>,
    /// 〔已更正 {n} 次，原始记录保存在案件日志中〕
    pub corrected: String,
    /// 电子文件 {id}-{k}：{name}（{size}，{media_type}）
    pub attachment: String,
    /// （{to}）
    pub mine: String,
    /// 本人手机{mine}通话记录
    pub source_call: String,
    /// 本人手机{mine}短信
    pub source_sms: String,
    /// 本人邮箱{mine}收到的邮件
    pub source_email: String,
    /// 本人收到的信件
    pub source_letter: String,
    /// 网页
    pub source_web: String,
    /// 本人查询所得记录
    pub source_account: String,
    /// 本人记录
    pub source_other: String,
    /// ；{extras}
    pub source_extras: String,
    /// 截图: a picture of a screen.
    pub screenshot: String,
    /// 照片: a picture taken with a camera.
    pub photo: String,
    /// ；未截图，建议补充网页截图或录屏: after the source of a page with no capture.
    pub web_not_captured: String,
    /// 记录于{time}: written down within a day of the event.
    pub recorded: String,
    /// 补记于{time}: written down later.
    pub recorded_late: String,
    /// 邮件原件
    pub original_email: String,
    /// 录音
    pub recording: String,
    /// 本人手机{mine}
    pub held_phone: String,
    /// 本人邮箱{mine}
    pub held_mailbox: String,
    /// 本人保存的原件
    pub held_letter: String,
    /// 电子文件 {which}（SHA-256 见下行）
    pub held_files: String,
    /// {id}-1
    pub held_file_one: String,
    /// {id}-1至{id}-{n}
    pub held_file_range: String,
    /// 案件电子记录
    pub held_record: String,
    /// An email's row continued: 发件人：{from}.
    pub email_from: String,
    /// After From when it is shown forged: （冒用）.
    pub email_forged: String,
    /// 回复地址 Reply-To：{value}.
    pub email_reply_to: String,
    /// 收件服务器记录的发件人验证：{value}.
    pub email_checks: String,
    /// 发信服务器IP：{value}.
    pub email_server_ip: String,
    /// 提交方IP（发件人登录发信处）：{value}.
    pub email_submitter_ip: String,
    /// 邮件中链接实际指向：{value}.
    pub email_links: String,
    /// 本人电脑: `--original 电脑`.
    pub held_computer: String,
    /// 纸质原件由本人保存: `--original 纸质`.
    pub held_paper: String,
    /// 原件已删除: `--original 已删除`.
    pub held_deleted: String,
    /// 已撤回，不作为证据（{reason}）
    pub proves_retracted: String,
    /// 证明对方掌握本人{knew}
    pub proves_knew: String,
    /// 证明该号码于该时间呼叫本人: what a call log without a recording proves.
    pub proves_call: String,
    /// 通话内容（对方说出本人{knew}）见控告人陈述（无录音）
    pub call_content_stated: String,
    /// 证明本人被骗{amount}
    pub proves_lost: String,
    /// 证明有人冒用本人身份开立账户
    pub proves_account: String,
    /// 证明仿冒或公开本人信息的网页存在
    pub proves_web: String,
    /// 证明对方于该时间联系本人
    pub proves_contact: String,
}

/// How to check the case fingerprint.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VerificationText {
    /// 案件指纹与核验
    pub heading: String,
    /// 案件指纹（记录条数:最后一条记录的 SHA-256）：
    pub intro: String,
    /// 核验方法：在保存案件的电脑上运行 leakaid verify --fingerprint {fingerprint…
    pub how: String,
}

/// 附件二 附件图片: captions and why a picture is not drawn.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PicturesText {
    /// 附件二：附件图片
    pub title: String,
    /// 其他附件（按名称、类型、大小和 SHA-256 校验值列出）
    pub others: String,
    /// 图片无法读取（案件文件夹中的原件缺失或不可读），未打印；请运行 leakaid verify 检查。
    pub unreadable: String,
    /// 图片无法解码（文件不完整、已损坏或不是 PNG/JPEG），未打印；原件保存在案件文件夹中，可按校验值核对。
    pub undecodable: String,
    /// 图片过大{pixels}，为控制内存未打印；原件保存在案件文件夹中，可按校验值核对。
    pub too_large: String,
    /// （{width}×{height} 像素）
    pub pixels: String,
    /// 图片已隐去，原件可核对。
    pub redacted: String,
    /// 按原文件嵌入，未重新压缩
    pub as_original: String,
    /// 原像素无损嵌入
    pub lossless: String,
    /// 按打印尺寸缩至 {ppi} ppi（高质量 JPEG）
    pub scaled_jpeg: String,
    /// 按打印尺寸缩至 {ppi} ppi（无损）
    pub scaled_lossless: String,
    /// 颜色转换为 RGB（高质量 JPEG）
    pub converted: String,
    /// {id} 图{n}
    pub figure: String,
    /// {figure}（{k}/{of}）
    pub part: String,
    /// Under a part of a long picture that is not its last: `{part}` and the file's `{name}`,
    /// and where its SHA-256 is (under part `{of}`/`{of}`).
    pub part_before_last: String,
    /// {figure}：{name}（{date} {counterpart}）
    pub caption: String,
    /// 打印件：原图 {width}×{height} 像素、{size}，{rendition}。原件未改动，保存在案件文…
    pub rendition: String,
}

/// The marks of a redacted copy.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RedactText {
    /// 副本（已隐去个人信息）
    pub copy_mark: String,
    /// 本件为隐去个人信息的副本，仅供了解案情，不是控告人签名提交的刑事控告书，不能代替原件；可凭下方案件指纹与签名原件核对。
    pub not_signed: String,
}

/// The footer of every page.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FooterText {
    /// 第 {page} 页 共 {total} 页
    pub page: String,
    /// 案件指纹 {fingerprint}
    pub fingerprint: String,
}

impl LetterText {
    /// The letter text in `lang`, parsed on first use.
    pub fn get(lang: Lang) -> &'static LetterText {
        static ZH: OnceLock<LetterText> = OnceLock::new();
        static EN: OnceLock<LetterText> = OnceLock::new();
        let (cell, text) = match lang {
            Lang::Zh => (&ZH, ZH_TOML),
            Lang::En => (&EN, EN_TOML),
        };
        #[allow(clippy::expect_used)] // proven by the test that loads both embedded files
        cell.get_or_init(|| LetterText::parse(text).expect("the letter text built into leakaid is broken"))
    }

    /// Parses a letter file.
    pub fn parse(text: &str) -> Result<LetterText, toml::de::Error> {
        toml::from_str(text)
    }

    /// The name of the letter with command-line code `code`, e.g. 12321举报材料.
    pub fn letter_name(&self, code: &str) -> Option<&str> {
        self.letter_names.get(code).map(String::as_str)
    }

    /// The sentence of one request.
    pub fn request(&self, r: Request) -> &str {
        match r {
            Request::StopPayment => &self.stop_payment,
            Request::InvestigateAndRecover => &self.investigate_recover,
            Request::Investigate => &self.investigate,
            Request::TraceSource => &self.trace_source,
            Request::Receipt => &self.receipt,
            Request::ReceiptAfterRefusal => &self.receipt_after_refusal,
            Request::PublicSecurity(d) => match d {
                Disturbance::NotRepeated => &self.public_security,
                Disturbance::Calls => &self.public_security_calls,
                Disturbance::Messages => &self.public_security_messages,
                Disturbance::CallsAndMessages => &self.public_security_calls_messages,
            },
        }
    }

    /// The offences joined, e.g. 诈骗罪、侵犯公民个人信息罪.
    pub fn offences(&self, offences: &[Offence]) -> String {
        offences
            .iter()
            .map(|o| match o {
                Offence::PersonalInformation => self.offence_personal.as_str(),
                Offence::Fraud => self.offence_fraud.as_str(),
            })
            .collect::<Vec<_>>()
            .join(&self.offence_join)
    }

    /// A law item the letter may cite, by id: the guide's, when the guide marks it for a
    /// police letter.
    pub fn law(&self, id: &str) -> Option<&'static Law> {
        super::Guide::get(self.lang)
            .law(id)
            .filter(|l| l.cite_in.fits_police_letter())
    }
}

/// 此致, the agency's blank and the signature line.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignatureText {
    /// 此致 (indented).
    pub to: String,
    /// The blank where no agency was given.
    pub agency_blank: String,
    /// 控告人（签名、捺印）：{blank}
    pub signer: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_have_the_same_sentences_and_placeholders() -> Result<(), toml::de::Error> {
        let zh: toml::Value = toml::from_str(ZH_TOML)?;
        let en: toml::Value = toml::from_str(EN_TOML)?;
        let m = crate::template::mismatches(&zh, &en);
        assert!(m.is_empty(), "assets/letter zh and en differ: {m:#?}");
        Ok(())
    }

    #[test]
    fn both_languages_load_and_every_cited_law_exists() -> Result<(), String> {
        for (lang, text) in [(Lang::Zh, ZH_TOML), (Lang::En, EN_TOML)] {
            let letter = LetterText::parse(text).map_err(|e| e.to_string())?;
            assert_eq!(letter.lang, lang);
            assert!(!letter.source.trim().is_empty());
            let facts = super::super::charges::ChargeFacts {
                entries: 1,
                lost_fen: 1,
                last_loss: Some(jiff::civil::date(2026, 1, 1)),
                account_in_name: true,
                knew_anything: true,
                ..Default::default()
            };
            let charges =
                super::super::charges::decide(&facts, jiff::civil::date(2026, 1, 2)).ok_or("no charges")?;
            for id in charges.law_ids {
                assert!(
                    LetterText::get(lang).law(id).is_some(),
                    "{lang:?}: no police-letter law item {id}"
                );
            }
        }
        Ok(())
    }

    /// A letter prints only verified provisions, and leaves an unverified one out; a request
    /// would then name an offence without its legal basis. So every provision any letter can
    /// cite must be in force and verified on the days letters are printed: marking one
    /// unverified (a renumbering not yet checked) fails here, before a letter goes out
    /// without it.
    #[test]
    fn every_provision_a_letter_can_cite_is_verified() {
        use super::super::charges::{ChargeFacts, decide};
        let days = [
            jiff::civil::date(2025, 1, 1),
            jiff::civil::date(2026, 12, 1),
            jiff::civil::date(2028, 6, 30),
        ];
        for lang in [Lang::Zh, Lang::En] {
            for (lost_fen, account_in_name) in [(0, false), (0, true), (100, false), (100, true)] {
                let facts = ChargeFacts {
                    entries: 1,
                    lost_fen,
                    last_loss: (lost_fen > 0).then(|| jiff::civil::date(2024, 12, 20)),
                    account_in_name,
                    knew_anything: true,
                    ..Default::default()
                };
                for day in days {
                    let charges = decide(&facts, day).expect("charges");
                    for id in &charges.law_ids {
                        let law = LetterText::get(lang).law(id).expect("a police-letter law item");
                        assert!(law.in_force_on(day), "{lang:?} {id} not in force on {day}");
                        assert!(
                            law.cited_on(day).verified(),
                            "{lang:?} {id} is unverified on {day}: a letter would leave it out while its request stays"
                        );
                        // Its form can be printed: a gist written, paragraphs that exist in
                        // the statute's own words.
                        match super::super::charges::cite(id) {
                            super::super::charges::Cite::Gist => assert!(
                                LetterText::get(lang).law_gist.contains_key(*id),
                                "{lang:?} {id}: no [law_gist]"
                            ),
                            super::super::charges::Cite::Paragraphs(ps) => {
                                let super::super::Wording::Exact(t) = law.cited_on(day).wording() else {
                                    panic!("{lang:?} {id}: paragraphs of a text that is not the statute's");
                                };
                                let n = t.split('\n').count();
                                assert!(
                                    ps.iter().all(|p| (1..=n).contains(p)),
                                    "{lang:?} {id}: {ps:?} of {n}"
                                );
                            }
                            super::super::charges::Cite::Whole => {}
                        }
                    }
                }
            }
        }
    }
}

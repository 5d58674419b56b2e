//! The command line: clap definitions only. The contract is in the README and DESIGN.md.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::case::EvidenceKind;
use crate::case::steps::ReportStatus;
use crate::i18n::Lang;

/// 信息泄露维权助手 — record scam calls, SMS and emails after a personal-information leak,
/// keep a tamper-evident evidence log, and print a complaint packet for the police.
#[derive(Debug, Parser)]
#[command(name = "leakaid", version, about, long_about = None)]
pub struct Cli {
    /// 保存案件的文件夹 / folder that holds the cases (default: the platform's data folder).
    #[arg(long, global = true, env = "LEAKAID_DATA_DIR", value_name = "DIR", value_parser = any_path)]
    pub data_dir: Option<PathBuf>,
    /// 使用哪个案件 / which case to use.
    #[arg(
        long,
        global = true,
        env = "LEAKAID_CASE",
        default_value = "default",
        value_name = "NAME"
    )]
    pub case: String,
    /// 界面语言 / language of everything printed: zh (default) or en; the wizard's `L` key
    /// saves a choice in the data folder's config.toml.
    #[arg(long, global = true, env = "LEAKAID_LANG", value_parser = parse_lang)]
    pub lang: Option<Lang>,
    /// 打开演示案件 / open the wizard on a sample case in a temporary folder (your real case is
    /// not touched).
    #[arg(long)]
    pub demo: bool,
    /// What to do; without a command the wizard opens.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Accepts any path, the empty one included: an empty `LEAKAID_DATA_DIR=` means "the default".
fn any_path(s: &str) -> Result<PathBuf, std::convert::Infallible> {
    Ok(PathBuf::from(s))
}

/// `zh` or `en` (also `zh-CN`, `en_US.UTF-8` and the like); empty means Chinese.
fn parse_lang(s: &str) -> Result<Lang, String> {
    let t = s.trim().to_ascii_lowercase();
    if t.is_empty() || t.starts_with("zh") {
        Ok(Lang::Zh)
    } else if t.starts_with("en") {
        Ok(Lang::En)
    } else {
        Err(format!("“{s}” is not a language leakaid speaks: use zh or en"))
    }
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// 记一条证据 / record a call, SMS, email, letter, web page or account (prints its id once
    /// saved).
    Log(LogArgs),
    /// 列出证据 / list the evidence entries.
    List(ListArgs),
    /// 查看一条记录及其历史 / show one entry with its full history.
    Show {
        /// The entry id, e.g. E3.
        id: String,
    },
    /// 更正（原内容保留）/ correct an entry; the original stays in the record.
    Correct(CorrectArgs),
    /// 撤回（记录保留并标明）/ withdraw an entry (entered by mistake, a duplicate); it stays in
    /// the record, marked.
    Retract {
        /// The entry id.
        id: String,
        /// Why it is withdrawn.
        #[arg(long)]
        reason: String,
    },
    /// 添加截图、录音等附件 / add files (screenshots, recordings, .eml) to an entry.
    Attach {
        /// The entry id.
        id: String,
        /// The files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Where the original is kept (原件所在), as `log --original`: 手机, 电脑, 纸质,
        /// 已删除 or your own words; recorded as a correction of the entry.
        #[arg(long, value_name = "WHERE")]
        original: Option<String>,
    },
    /// 线索：谁反复联系你、知道什么 / counterparts ranked: who keeps contacting you, and what
    /// they knew.
    Leads {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// 本人信息（用于报案材料）/ your own details, for the complaint packet.
    #[command(subcommand)]
    Profile(ProfileCommand),
    /// 第2步 报案记录 / step 2: reports made to the police and other authorities.
    #[command(subcommand)]
    Report(ReportCommand),
    /// 第3步 提醒亲友 / step 3: the warning message for family and friends, and who was warned.
    #[command(subcommand)]
    Warn(WarnCommand),
    /// 第4步 律师咨询 / step 4: consultations with a lawyer, and a brief to hand over.
    #[command(subcommand)]
    Lawyer(LawyerCommand),
    /// 核对记录是否完好 / check the case: the hash chain and every attachment; exit 0 only when
    /// intact.
    Verify {
        /// An earlier printed fingerprint `N:HEAD` that today's journal must extend.
        #[arg(long, value_name = "N:HEAD")]
        fingerprint: Option<String>,
        /// Check an evidence folder made by `export bundle` instead of the case: every
        /// checksum, the record's chain, and the packet's fingerprint.
        #[arg(long, value_name = "DIR", conflicts_with = "fingerprint")]
        bundle: Option<PathBuf>,
    },
    /// 导出（报案材料 PDF、JSON、CSV）/ export the case (complaint packet PDF, JSON, CSV).
    #[command(subcommand)]
    Export(ExportCommand),
    /// 列出所有案件 / list the cases in the data folder.
    Cases,
    /// 其他渠道的信函（公司、12321、12315、征信、运营商、网信）/ a letter for another door:
    /// company, 12321, 12315, credit, carrier or regulator.
    Letter(LetterArgs),
    /// 导入账单 / import what the victim already has: a bill from Alipay, WeChat Pay or a bank.
    #[command(subcommand)]
    Import(ImportCommand),
    /// 备份整个案件到一个加密文件 / back up the whole case (record, attachments, exports,
    /// settings) into one file encrypted with a passphrase; prints the case fingerprint.
    Backup(BackupArgs),
    /// 从备份恢复为新案件 / restore a backup as a new case (--case NAME) or into a new data
    /// folder (--data-dir); never over an existing case.
    Restore(RestoreArgs),
}

/// `leakaid backup`.
#[derive(Debug, Args)]
pub struct BackupArgs {
    /// The backup file to write (on the Desktop or a USB drive, not inside the case folder).
    pub file: PathBuf,
    /// Replace an existing FILE (never a link, device or folder).
    #[arg(long)]
    pub force: bool,
    /// Read the passphrase from this open file descriptor (its first line) instead of asking.
    #[arg(long, value_name = "N")]
    pub passphrase_fd: Option<i32>,
}

/// `leakaid restore`.
#[derive(Debug, Args)]
pub struct RestoreArgs {
    /// The backup file made by `leakaid backup`.
    pub file: PathBuf,
    /// Read the passphrase from this open file descriptor (its first line) instead of asking.
    #[arg(long, value_name = "N")]
    pub passphrase_fd: Option<i32>,
}

/// `leakaid letter`.
#[derive(Debug, Args)]
pub struct LetterArgs {
    /// company, 12321, 12315, credit, carrier or regulator.
    #[arg(value_parser = parse_letter_kind, value_name = "KIND")]
    pub kind: crate::letters::LetterKind,
    /// Who it goes to: the company or merchant (required for company and 12315), or another
    /// office than the default (the reporting bank for credit, your carrier for carrier).
    #[arg(long, value_name = "ORG")]
    pub to: Option<String>,
    /// What identifies your account with the recipient (user name, order number …).
    #[arg(long, value_name = "TEXT")]
    pub account: Option<String>,
    /// The date printed on the letter, YYYY-MM-DD (default: today).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,
    /// Plain text for pasting into a web form (to standard output, or to -o FILE).
    #[arg(long)]
    pub text: bool,
    /// Add your ID number (only the company letter, and only when the company needs it to
    /// find you).
    #[arg(long)]
    pub with_id: bool,
    /// The letter's language: Chinese (the one to send) whatever the interface language;
    /// `en` makes an English copy for your own use, marked as a translation.
    #[arg(long, value_name = "zh|en")]
    pub letter_lang: Option<crate::i18n::Lang>,
    /// Where the letter goes.
    #[command(flatten)]
    pub file: ExportFileArgs,
}

/// A letter kind by its code; anything else gets one sentence naming the kinds.
fn parse_letter_kind(s: &str) -> Result<crate::letters::LetterKind, String> {
    crate::letters::LetterKind::from_code(s).ok_or_else(|| {
        format!(
            "没有“{s}”这种信函 / no such letter: use {}",
            crate::letters::LetterKind::codes(Lang::En)
        )
    })
}

/// `leakaid log`.
#[derive(Debug, Args)]
pub struct LogArgs {
    /// call, sms, email, letter, web, account or other.
    #[arg(value_enum)]
    pub kind: EvidenceKind,
    /// The other side: phone number, email address, URL or name.
    pub counterpart: Option<String>,
    /// What they said, when, and what they knew.
    #[command(flatten)]
    pub facts: FactArgs,
    /// A file to keep with the entry (repeatable).
    #[arg(long, value_name = "FILE")]
    pub attach: Vec<PathBuf>,
    /// Import a saved email (.eml): where it really came from, its route, checks, links and
    /// attachments, and the file itself.
    #[arg(long, value_name = "FILE")]
    pub eml: Option<PathBuf>,
    /// With --eml: record the email even if the same file is already an entry.
    #[arg(long, requires = "eml")]
    pub again: bool,
}

/// The facts of an entry that `log` records and `correct` changes.
#[derive(Debug, Args)]
pub struct FactArgs {
    /// What they said or did.
    #[arg(long, short = 'n')]
    pub note: Option<String>,
    /// When it happened: 14:05, "2026-11-29 14:05", -10m, -2h or RFC 3339 (default: now). For
    /// an account, the day it was opened as the credit report shows it (the credit letter
    /// prints it as 开立日期).
    #[arg(long, allow_hyphen_values = true)]
    pub at: Option<String>,
    /// Which of my numbers or addresses it reached.
    #[arg(long, value_name = "MINE")]
    pub to: Option<String>,
    /// What they knew about me: name,id,phone,address,employer,bank,family,order,other.
    #[arg(long, value_name = "LIST")]
    pub knew: Option<String>,
    /// Money lost, in yuan.
    #[arg(long, value_name = "YUAN")]
    pub lost: Option<String>,
    /// Where the money went: the receiving account or card number.
    #[arg(long, value_name = "ACCOUNT")]
    pub to_account: Option<String>,
    /// The name on the receiving account.
    #[arg(long, value_name = "NAME")]
    pub to_name: Option<String>,
    /// The receiving bank or payment platform.
    #[arg(long, value_name = "BANK")]
    pub to_bank: Option<String>,
    /// When the money was sent (like --at).
    #[arg(long, value_name = "TIME", allow_hyphen_values = true)]
    pub paid_at: Option<String>,
    /// The transaction (serial) number of the transfer.
    #[arg(long, value_name = "NUMBER")]
    pub txn: Option<String>,
    /// How the money was sent: 银行转账, 支付宝, 微信 …
    #[arg(long, value_name = "HOW")]
    pub paid_via: Option<String>,
    /// The account or card the money was paid from (your own).
    #[arg(long, value_name = "ACCOUNT")]
    pub from_account: Option<String>,
    /// The bank or platform of the paying account.
    #[arg(long, value_name = "BANK")]
    pub from_bank: Option<String>,
    /// Where the original is kept (原件所在), printed in the evidence list: 手机 (phone),
    /// 电脑 (computer), 纸质 (paper), 已删除 (deleted), or your own words.
    #[arg(long, value_name = "WHERE")]
    pub original: Option<String>,
}

impl FactArgs {
    /// The transfer options as typed.
    pub fn transfer(&self) -> crate::case::draft::TransferDraft {
        let s = |o: &Option<String>| o.clone().unwrap_or_default();
        crate::case::draft::TransferDraft {
            account: s(&self.to_account),
            name: s(&self.to_name),
            bank: s(&self.to_bank),
            paid_at: s(&self.paid_at),
            txn: s(&self.txn),
            method: s(&self.paid_via),
            from_account: s(&self.from_account),
            from_bank: s(&self.from_bank),
            bill_row: String::new(),
        }
    }
}

/// `leakaid list`.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
    /// Only this kind.
    #[arg(long, value_enum)]
    pub kind: Option<EvidenceKind>,
}

/// `leakaid correct`.
#[derive(Debug, Args)]
pub struct CorrectArgs {
    /// The entry id.
    pub id: String,
    /// New kind.
    #[arg(long, value_enum)]
    pub kind: Option<EvidenceKind>,
    /// New counterpart.
    #[arg(long)]
    pub counterpart: Option<String>,
    /// The new values (a new `--knew` list replaces the old one; `--lost 0` clears it).
    #[command(flatten)]
    pub facts: FactArgs,
    /// Why it is corrected.
    #[arg(long, default_value = "")]
    pub reason: String,
}

/// `leakaid profile`.
#[derive(Debug, Subcommand)]
pub enum ProfileCommand {
    /// Show your details.
    Show,
    /// Set some of your details.
    Set(Box<ProfileArgs>),
    /// Your own account of what happened, printed in the complaint packet under 事实与理由
    /// (replaces the earlier one; the earlier stays in the record).
    Story {
        /// The text; `-` reads it from standard input.
        text: String,
    },
}

/// `leakaid profile set`.
#[derive(Debug, Args)]
pub struct ProfileArgs {
    /// Full name.
    #[arg(long)]
    pub name: Option<String>,
    /// ID-card number.
    #[arg(long)]
    pub id_number: Option<String>,
    /// Sex.
    #[arg(long)]
    pub sex: Option<String>,
    /// Date of birth, YYYY-MM-DD.
    #[arg(long)]
    pub birth: Option<String>,
    /// My phone number (repeatable; replaces the list).
    #[arg(long)]
    pub phone: Vec<String>,
    /// My email address (repeatable; replaces the list).
    #[arg(long)]
    pub email: Vec<String>,
    /// Home address.
    #[arg(long)]
    pub address: Option<String>,
    /// My own bank card or account number (repeatable; replaces the list): a copy for
    /// others shows only its last 4 digits wherever it was typed.
    #[arg(long = "account", value_name = "NUMBER")]
    pub account: Vec<String>,
    /// The company, shop or platform you suspect leaked your details, e.g. "某某网购平台".
    #[arg(long, value_name = "NAME")]
    pub suspect: Option<String>,
    /// Why you suspect it, e.g. "来电报出了我在该平台的订单号".
    #[arg(long, value_name = "TEXT")]
    pub suspect_why: Option<String>,
    /// The suspect's address (a 12315 complaint needs it).
    #[arg(long, value_name = "ADDRESS")]
    pub suspect_address: Option<String>,
}

/// `leakaid export`.
#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// The whole case as JSON.
    Json(ExportFileArgs),
    /// The evidence list as CSV (opens in a spreadsheet).
    Csv(ExportFileArgs),
    /// The complaint packet (报案材料): a printable A4 PDF for the police station.
    Pdf(ExportPdfArgs),
    /// 电子证据文件夹 / an evidence folder for a USB stick: the packet, the attachments, the
    /// record, the complete list, 说明.txt and SHA256SUMS.txt.
    Bundle(ExportBundleArgs),
}

/// `leakaid export bundle`.
#[derive(Debug, Args)]
pub struct ExportBundleArgs {
    /// The folder to make (it must not exist, or be empty).
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,
    /// Replace a bundle leakaid made at DIR (never any other folder).
    #[arg(long)]
    pub force: bool,
    /// A bundle to share: the redacted packet only, no record, no complete list, no attachments.
    #[arg(long)]
    pub redact: bool,
    /// With --redact: the name too, as 王某某.
    #[arg(long, requires = "redact")]
    pub mask_name: bool,
    /// With --redact: the original attachments too (they may show your details).
    #[arg(long, requires = "redact")]
    pub with_attachments: bool,
    /// The police station or office the packet is addressed to (after 此致).
    #[arg(long, value_name = "AGENCY")]
    pub to: Option<String>,
    /// The date printed on the packet, YYYY-MM-DD (default: today).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,
}

/// `leakaid export pdf`.
#[derive(Debug, Args)]
pub struct ExportPdfArgs {
    /// Where the PDF goes.
    #[command(flatten)]
    pub file: ExportFileArgs,
    /// The police station or office it is addressed to (after 此致), e.g. "朝阳分局某某派出所".
    #[arg(long, value_name = "AGENCY")]
    pub to: Option<String>,
    /// A copy for others (副本): ID number, birth date, phones, email, street and card numbers masked, no pictures, not for signing.
    #[arg(long)]
    pub redact: bool,
    /// With --redact: the name too, as 王某某.
    #[arg(long, requires = "redact")]
    pub mask_name: bool,
    /// Use this font instead of the built-in one (.ttf/.otf/.ttc; PATH#N picks face N of a .ttc).
    #[arg(long, value_name = "PATH")]
    pub font: Option<PathBuf>,
    /// The date printed on the packet, YYYY-MM-DD (default: today). Same case + same date
    /// gives the same file, byte for byte.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,
    /// The packet's language. It is Chinese (the complaint for the police) whatever the
    /// interface language; `en` makes an English copy for your own use, marked as a
    /// translation on every page.
    #[arg(long, value_name = "zh|en")]
    pub packet_lang: Option<crate::i18n::Lang>,
    /// Also put a copy on the Desktop (else in Downloads), where it is easy to find and
    /// print; `copy_to_desktop = true` in the data folder's config.toml makes it the default.
    #[arg(long)]
    pub copy_to_desktop: bool,
}

/// Where an export goes.
#[derive(Debug, Args)]
pub struct ExportFileArgs {
    /// Output file (`-` for standard output); default: the case's exports folder. An
    /// existing file is not replaced unless --force is given.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace an existing file named with -o (never a link, device or folder).
    #[arg(long, requires = "output")]
    pub force: bool,
}

/// `leakaid report`.
#[derive(Debug, Subcommand)]
pub enum ReportCommand {
    /// Record a report you made (派出所, 110, 12321, 12315 …).
    Add(ReportAddArgs),
    /// List the reports, where each stands and every update with its time.
    List {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Update a report: status, receipt number, officer, follow-up date.
    Update(ReportUpdateArgs),
}

/// `leakaid report add`.
#[derive(Debug, Args)]
pub struct ReportAddArgs {
    /// Where you reported: 派出所, 110, 12321, 12315, 12377, a bank, a carrier … (with
    /// --letter, default: where that letter goes; the company's name for `company`).
    #[arg(long, required_unless_present = "letter")]
    pub channel: Option<String>,
    /// When (default: now).
    #[arg(long, allow_hyphen_values = true)]
    pub at: Option<String>,
    /// How: in person, phone, online, app.
    #[arg(long)]
    pub how: Option<String>,
    /// Where it stands (status default: filed).
    #[command(flatten)]
    pub progress: ReportProgressArgs,
    /// The report is a letter you sent (made with `leakaid letter`): company, 12321, 12315,
    /// credit, carrier or regulator. --at is the day it was sent; the follow-up date is the end
    /// of the reply period the rules give for where it went, if they give one.
    #[command(flatten)]
    pub letter: SentLetterArgs,
}

/// A letter sent, recorded by `report add --letter`.
#[derive(Debug, Args)]
pub struct SentLetterArgs {
    /// Which letter: company, 12321, 12315, credit, carrier, regulator.
    #[arg(long, value_name = "KIND")]
    pub letter: Option<String>,
    /// How it was sent: post 邮寄, web 网页表单, email 电子邮件, in_person 当面.
    #[arg(long, value_name = "HOW", requires = "letter")]
    pub sent_via: Option<String>,
    /// The SHA-256 of the letter as saved (shown when it is saved).
    #[arg(long, value_name = "HEX", requires = "letter", conflicts_with = "letter_file")]
    pub sha256: Option<String>,
    /// The saved letter (PDF or text): its SHA-256 is recorded.
    #[arg(long, value_name = "FILE", requires = "letter")]
    pub letter_file: Option<PathBuf>,
}

/// `leakaid report update`.
#[derive(Debug, Args)]
pub struct ReportUpdateArgs {
    /// The report id, e.g. R1.
    pub id: String,
    /// What changed.
    #[command(flatten)]
    pub progress: ReportProgressArgs,
}

/// Where a report stands: what `report add` records and `report update` changes.
#[derive(Debug, Args)]
pub struct ReportProgressArgs {
    /// Status: filed, accepted (受案回执), case-opened (立案), refused (不予立案, a written
    /// notice), not-accepted (不予受理: the desk would not take the report), no-decision (no
    /// decision within the period), closed.
    #[arg(long, value_enum)]
    pub status: Option<ReportStatus>,
    /// The date of the paper behind the status: for accepted the 受案回执's date, for refused
    /// the day the 不予立案通知书 was received (复议 runs 7 days from it). Deadlines are counted
    /// only from a date recorded here.
    #[arg(long, value_name = "DATE")]
    pub notice_date: Option<String>,
    /// Receipt or case number (受案回执号 / 工单号).
    #[arg(long)]
    pub receipt: Option<String>,
    /// The officer or clerk.
    #[arg(long)]
    pub officer: Option<String>,
    /// When to follow up: 2026-12-05, 12-05 or +7d.
    #[arg(long, value_name = "DATE")]
    pub follow_up: Option<String>,
    /// A note.
    #[arg(long, short = 'n')]
    pub note: Option<String>,
}

/// `leakaid warn`.
#[derive(Debug, Subcommand)]
pub enum WarnCommand {
    /// Print the warning message to send (it never contains your ID number or other secrets).
    Message,
    /// Record that you warned someone.
    Add {
        /// Who: 妈妈, 公司同事群 …
        who: String,
        /// How: 微信, 电话, 当面 …
        #[arg(long)]
        via: Option<String>,
        /// When (default: now).
        #[arg(long, allow_hyphen_values = true)]
        at: Option<String>,
        /// Anything else.
        #[arg(long, short = 'n')]
        note: Option<String>,
        /// Take the name and phone number from a contacts file (.vcf): WHO is looked up in it.
        #[arg(long, value_name = "FILE.vcf")]
        contacts: Option<PathBuf>,
    },
    /// List who was warned (withdrawn records are marked and not counted).
    List {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Correct a warned-contact record; what it first said stays in the record.
    Correct {
        /// The record id, e.g. W1.
        id: String,
        /// Who: 妈妈, 公司同事群 …
        #[arg(long)]
        who: Option<String>,
        /// How: 微信, 电话, 当面 …
        #[arg(long)]
        via: Option<String>,
        /// The time, the note and why.
        #[command(flatten)]
        change: RecordCorrectionArgs,
    },
    /// Withdraw a warned-contact record (entered by mistake, a duplicate); it stays in the
    /// record, marked.
    Retract {
        /// The record id, e.g. W1.
        id: String,
        /// Why it is withdrawn.
        #[arg(long)]
        reason: String,
    },
}

/// `leakaid lawyer`.
#[derive(Debug, Subcommand)]
pub enum LawyerCommand {
    /// Record a consultation (a lawyer, legal aid, 12348).
    Add {
        /// The lawyer or office.
        lawyer: String,
        /// Firm.
        #[arg(long)]
        firm: Option<String>,
        /// When (default: now).
        #[arg(long, allow_hyphen_values = true)]
        at: Option<String>,
        /// What was advised, next steps.
        #[arg(long, short = 'n')]
        note: Option<String>,
    },
    /// List the consultations.
    List {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Print a short brief of the case to hand to a lawyer.
    Brief,
    /// Correct a consultation record; what it first said stays in the record.
    Correct {
        /// The record id, e.g. L1.
        id: String,
        /// The lawyer or office.
        #[arg(long)]
        lawyer: Option<String>,
        /// Firm.
        #[arg(long)]
        firm: Option<String>,
        /// The time, the note and why.
        #[command(flatten)]
        change: RecordCorrectionArgs,
    },
    /// Withdraw a consultation record (entered by mistake, a duplicate); it stays in the
    /// record, marked.
    Retract {
        /// The record id, e.g. L1.
        id: String,
        /// Why it is withdrawn.
        #[arg(long)]
        reason: String,
    },
}

/// What `warn correct` and `lawyer correct` share: the time, the note and why.
#[derive(Debug, Args)]
pub struct RecordCorrectionArgs {
    /// New time.
    #[arg(long, allow_hyphen_values = true)]
    pub at: Option<String>,
    /// New note (an empty one clears it).
    #[arg(long, short = 'n')]
    pub note: Option<String>,
    /// Why it is corrected.
    #[arg(long, default_value = "")]
    pub reason: String,
}

/// `leakaid import`.
#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// 支付宝、微信支付、银行账单：列出支出，--pick 2,5-7 把选中的几笔记为转账 / a bill from
    /// Alipay, WeChat Pay or a bank (ICBC, CCB, ABC, BOC, CMB): lists the outgoing rows
    /// numbered; --pick 2,5-7 records them as transfers.
    Bill(ImportBillArgs),
    /// 手机自己的通话记录和短信（安卓“SMS Backup & Restore”、iPhone 备份）：列出陌生号码，
    /// --pick 1,3-9 把选中的记为证据 / the phone's own calls and messages (Android "SMS
    /// Backup & Restore" XML, an unencrypted iPhone backup): lists those from strangers,
    /// numbered; --pick 1,3-9 records them.
    Phone(ImportPhoneArgs),
}

/// `leakaid import phone`.
#[derive(Debug, Args)]
pub struct ImportPhoneArgs {
    /// The backup: sms-….xml or calls-….xml from "SMS Backup & Restore", an iPhone's sms.db or
    /// CallHistory.storedata, or an unencrypted iPhone backup folder.
    pub file: PathBuf,
    /// The records to record, by their numbers in the list: 1,3-9.
    #[arg(long, value_name = "LIST")]
    pub pick: Option<String>,
    /// Contacts exported from the phone (.vcf): their numbers are family and friends, not
    /// listed (unless --all).
    #[arg(long, value_name = "FILE.vcf")]
    pub contacts: Option<PathBuf>,
    /// List the calls and messages of contacts too (an outgoing call to a contact never).
    #[arg(long)]
    pub all: bool,
    /// Only from this day on (2026-11-01).
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Only up to this day (inclusive).
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// Only this number (or numbers containing these digits).
    #[arg(long, value_name = "NUMBER")]
    pub number: Option<String>,
    /// Also keep the backup file itself in the case (it holds all your messages and calls).
    #[arg(long)]
    pub keep_source: bool,
}

/// `leakaid import bill`.
#[derive(Debug, Args)]
pub struct ImportBillArgs {
    /// The bill file as exported (CSV, XLS or XLSX).
    pub file: PathBuf,
    /// The rows to record, by their numbers in the list: 2,5-7.
    #[arg(long, value_name = "LIST")]
    pub pick: Option<String>,
    /// The contact entry these transfers belong to (the call or message that led to them).
    #[arg(long = "for", value_name = "ENTRY")]
    pub for_entry: Option<String>,
}

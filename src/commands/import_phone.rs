//! `leakaid import phone`: the calls and messages the phone itself kept, read from its
//! backup. Without `--pick` it lists them (numbered, newest first, strangers only unless
//! `--all`, each with the reasons it looks like a lead) and records nothing; with it, the
//! picked ones become call and SMS entries at the phone's own times.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use jiff::Timestamp;
use sha2::{Digest, Sha256};

use super::{Ctx, Failure, out, warn};
use crate::case::phone_import::{BackupFile, PhoneEntry, phone_entry};
use crate::case::{CaseState, EntryId};
use crate::cli::ImportPhoneArgs;
use crate::evidence::number::{NumberKind, classify};
use crate::evidence::phone::counterpart_key;
use crate::evidence::phone_backup::vcard::{self, Contacts};
use crate::evidence::phone_backup::{
    self, Backup, BackupError, Channel, Direction, PhoneRecord, Pictures, ios, is_sqlite,
};
use crate::i18n::{Lang, tr};
use crate::userfile::Purpose;

/// One file read: where it lies, its name and hash, and what it holds.
struct Source {
    path: PathBuf,
    /// The iPhone backup folder the file was found in, where the messages' pictures lie.
    folder: Option<PathBuf>,
    file: BackupFile,
    backup: Backup,
}

/// A record as the list shows it.
struct Listed<'a> {
    source: usize,
    record: &'a PhoneRecord,
    contact: Option<String>,
}

/// Runs `leakaid import phone`.
pub fn run(ctx: &Ctx, args: &ImportPhoneArgs) -> Result<(), Failure> {
    let lang = ctx.lang;
    let contacts = match &args.contacts {
        Some(p) => Some(read_contacts(p, lang)?),
        None => None,
    };
    let sources = read_sources(&args.file, Pictures::None, lang)?;
    let (from, to) = (
        date_bound(args.from.as_deref(), "--from", lang)?,
        date_bound(args.to.as_deref(), "--to", lang)?,
    );
    let listed = listing(&sources, contacts.as_ref(), args, from, to);
    let state = match ctx.read_case() {
        Ok(c) => c.state().clone(),
        Err(_) => CaseState::default(),
    };
    let Some(pick) = &args.pick else {
        print_list(&sources, &listed, &state, args, lang);
        return Ok(());
    };
    if listed.is_empty() {
        return Err(Failure::new(tr(
            lang,
            "按这些条件没有可以选的记录，什么都没有记录。先不加 --pick 看一下列表。",
            "No records match these conditions; nothing was recorded. Look at the list first, without --pick.",
        )));
    }
    let numbers = super::import::parse_pick(pick, listed.len(), lang)?;
    let picked: Vec<(usize, String)> = numbers
        .iter()
        .map(|n| (listed[n - 1].source, listed[n - 1].record.id.clone()))
        .collect();
    drop(listed);
    // The pictures of the picked MMS are decoded now, reading the file again.
    let needs_pictures: Vec<usize> = (0..sources.len())
        .filter(|s| {
            sources[*s].folder.is_none()
                && picked.iter().any(|(src, id)| {
                    *src == *s
                        && sources[*s]
                            .backup
                            .records
                            .iter()
                            .any(|r| &r.id == id && !r.media.is_empty())
                })
        })
        .collect();
    let mut sources = sources;
    for s in needs_pictures {
        let ids: Vec<String> = picked
            .iter()
            .filter(|(src, _)| *src == s)
            .map(|(_, id)| id.clone())
            .collect();
        let bytes = read_file(&sources[s].path, lang)?;
        sources[s].backup =
            phone_backup::read(&bytes, Pictures::Of(&ids)).map_err(|e| Failure::new(e.message(lang)))?;
    }
    let missing = iphone_pictures(&mut sources, &picked, lang)?;
    let now = ctx.now();
    let mut groups: Vec<(usize, Vec<PhoneEntry>)> = Vec::new();
    let mut calls = 0;
    let mut pictures = 0;
    for (src, id) in &picked {
        let s = &sources[*src];
        let r = s
            .backup
            .records
            .iter()
            .find(|r| &r.id == id)
            .ok_or_else(|| Failure::new(BackupError::NotABackup.message(lang)))?;
        let entry = phone_entry(&s.file, r, &now).map_err(|e| ctx.fail(e))?;
        calls += usize::from(r.channel == Channel::Call);
        pictures += entry.media.len();
        match groups.last_mut() {
            Some((g, list)) if g == src => list.push(entry),
            _ => groups.push((*src, vec![entry])),
        }
    }
    let mut case = ctx.open_case()?;
    let mut ids: Vec<EntryId> = Vec::new();
    for (src, entries) in groups {
        let keep = args.keep_source.then(|| sources[src].path.as_path());
        ids.extend(case.log_phone_records(entries, keep).map_err(|e| ctx.fail(e))?);
    }
    let list = ids
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(lang.pick("、", ", "));
    let messages = ids.len() - calls;
    out(tr(
        lang,
        format!(
            "已从手机备份记录 {} 条（{list}）：{calls} 通电话、{messages} 条短信，时间是手机自己记录的时间{}。",
            ids.len(),
            if pictures > 0 {
                format!("；彩信里的 {pictures} 张图片已作为附件存入")
            } else {
                String::new()
            }
        ),
        format!(
            "Recorded {} from the phone's backup ({list}): {calls} call(s), {messages} message(s), at the times the phone itself recorded{}.",
            ids.len(),
            if pictures > 0 {
                format!("; {pictures} picture(s) from the MMS kept as attachments")
            } else {
                String::new()
            }
        ),
    ));
    if missing > 0 {
        warn(tr(
            lang,
            format!(
                "提示：有 {missing} 张图片不在这个文件里（iPhone 把短信里的图片存在备份文件夹的别处）。要一并记下图片，请把整个备份文件夹交给 leakaid，或者把截图用 leakaid attach 编号 图片 补上。"
            ),
            format!(
                "Note: {missing} picture(s) are not in this file (an iPhone keeps the pictures of its messages elsewhere in the backup folder). To record them too, give leakaid the whole backup folder, or add screenshots with leakaid attach ID FILE."
            ),
        ));
    }
    if args.keep_source {
        out(tr(
            lang,
            "备份文件原件也已存入案件，作为每一条的附件。",
            "The backup file itself is kept in the case as an attachment of each.",
        ));
    } else {
        out(tr(
            lang,
            "备份文件本身没有存入案件（它包含你全部的短信和通话）；每条记录都记下了它的文件名和 SHA-256。要存入，请加 --keep-source。",
            "The backup file itself was not copied into the case (it holds all your messages and calls); each entry keeps its name and SHA-256. To keep it too, add --keep-source.",
        ));
    }
    Ok(())
}

/// Reads the pictures of the picked iPhone messages from the backup folder; returns how
/// many could not be found (a lone `sms.db` has none of them).
fn iphone_pictures(sources: &mut [Source], picked: &[(usize, String)], lang: Lang) -> Result<usize, Failure> {
    let mut missing = 0;
    for (src, id) in picked {
        let Some(s) = sources.get_mut(*src) else { continue };
        let folder = s.folder.clone();
        let Some(r) = s.backup.records.iter_mut().find(|r| &r.id == id) else {
            continue;
        };
        for m in r.media.iter_mut().filter(|m| m.data.is_none()) {
            let file = folder
                .as_ref()
                .zip(ios::backup_path_of(&m.path))
                .map(|(f, rel)| f.join(rel))
                .filter(|p| p.is_file());
            match file {
                Some(p) => {
                    m.data = Some(
                        crate::userfile::read(&p, Purpose::Attachment)
                            .map_err(|e| Failure::new(e.message(lang)))?,
                    );
                }
                None => missing += 1,
            }
        }
    }
    Ok(missing)
}

fn read_file(path: &Path, lang: Lang) -> Result<Vec<u8>, Failure> {
    crate::userfile::read(path, Purpose::PhoneBackup).map_err(|e| Failure::new(e.message(lang)))
}

fn read_contacts(path: &Path, lang: Lang) -> Result<Contacts, Failure> {
    let bytes = crate::userfile::read(path, Purpose::Contacts).map_err(|e| Failure::new(e.message(lang)))?;
    vcard::read(&bytes).map_err(|_| {
        Failure::new(tr(
            lang,
            format!(
                "{} 不是通讯录文件（vCard）。请在手机“联系人”里选“导出”，得到 .vcf 文件后再试。",
                path.display()
            ),
            format!(
                "{} is not a contacts file (vCard). Export the contacts from the phone's Contacts app as a .vcf file and try again.",
                path.display()
            ),
        ))
    })
}

/// Reads the contacts file named by `--contacts`, for `warn add --from-contacts`.
pub fn contacts_file(path: &Path, lang: Lang) -> Result<Contacts, Failure> {
    read_contacts(path, lang)
}

fn file_of(path: &Path, bytes: &[u8], backup: Backup) -> Source {
    Source {
        path: path.to_path_buf(),
        folder: None,
        file: BackupFile {
            name: path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            sha256: hex::encode(Sha256::digest(bytes)),
            kind: backup.kind,
        },
        backup,
    }
}

/// The files of `path`: the file itself, or, for an iPhone backup folder, its `sms.db` and
/// `CallHistory.storedata`.
fn read_sources(path: &Path, pictures: Pictures<'_>, lang: Lang) -> Result<Vec<Source>, Failure> {
    let fail = |e: BackupError| Failure::new(e.message(lang));
    if !path.is_dir() {
        let bytes = read_file(path, lang)?;
        let name = path.file_name().map(|n| n.to_string_lossy()).unwrap_or_default();
        if !is_sqlite(&bytes) && ios::is_iphone_database_name(&name) {
            return Err(fail(BackupError::Encrypted));
        }
        let backup = phone_backup::read(&bytes, pictures).map_err(fail)?;
        return Ok(vec![file_of(path, &bytes, backup)]);
    }
    let manifest = path.join(ios::BACKUP_MANIFEST_DB);
    if manifest.is_file() {
        let bytes = read_file(&manifest, lang)?;
        if !is_sqlite(&bytes) {
            return Err(fail(BackupError::Encrypted));
        }
    }
    let mut sources = Vec::new();
    for rel in [ios::BACKUP_SMS_DB, ios::BACKUP_CALL_HISTORY] {
        let p = path.join(rel);
        if !p.is_file() {
            continue;
        }
        let bytes = read_file(&p, lang)?;
        if !is_sqlite(&bytes) {
            return Err(fail(BackupError::Encrypted));
        }
        let backup = ios::read(&bytes).map_err(fail)?;
        let mut source = file_of(&p, &bytes, backup);
        source.folder = Some(path.to_path_buf());
        sources.push(source);
    }
    if sources.is_empty() {
        return Err(Failure::new(tr(
            lang,
            format!(
                "{} 不是 iPhone 备份文件夹（里面没有短信数据库和通话记录）。请指定备份文件夹本身（Windows：%APPDATA%\\Apple Computer\\MobileSync\\Backup\\ 下的一个文件夹；macOS：~/Library/Application Support/MobileSync/Backup/ 下的一个文件夹），或者安卓“SMS Backup & Restore”导出的 .xml 文件。",
                path.display()
            ),
            format!(
                "{} is not an iPhone backup folder (it holds no message database or call history). Name the backup folder itself (on Windows one folder under %APPDATA%\\Apple Computer\\MobileSync\\Backup\\, on macOS one under ~/Library/Application Support/MobileSync/Backup/), or an .xml file exported by the Android app “SMS Backup & Restore”.",
                path.display()
            ),
        )));
    }
    Ok(sources)
}

/// `--from` / `--to` as a date.
fn date_bound(s: Option<&str>, flag: &str, lang: Lang) -> Result<Option<jiff::civil::Date>, Failure> {
    let Some(s) = s else { return Ok(None) };
    crate::case::when::parse_date(s).map(Some).ok_or_else(|| {
        Failure::new(tr(
            lang,
            format!("{flag} 后面的日期“{s}”读不懂：请写成 2026-11-01 或 2026年11月1日。"),
            format!("The date “{s}” after {flag} cannot be read: write it as 2026-11-01."),
        ))
    })
}

fn local_date(at: Timestamp) -> jiff::civil::Date {
    at.to_zoned_datetime(crate::localtime::system_zone()).date()
}

/// The records to list, newest first: strangers only unless `--all`; an outgoing call to
/// a contact never.
fn listing<'a>(
    sources: &'a [Source],
    contacts: Option<&Contacts>,
    args: &ImportPhoneArgs,
    from: Option<jiff::civil::Date>,
    to: Option<jiff::civil::Date>,
) -> Vec<Listed<'a>> {
    let wanted = args
        .number
        .as_deref()
        .map(counterpart_key)
        .filter(|k| !k.is_empty());
    let mut out: Vec<Listed<'a>> = Vec::new();
    for (i, s) in sources.iter().enumerate() {
        for r in &s.backup.records {
            let contact = contacts
                .and_then(|c| c.find(&r.number))
                .map(|c| c.name.clone())
                .or_else(|| (!r.contact_name.is_empty()).then(|| r.contact_name.clone()));
            if contact.is_some() && r.channel == Channel::Call && r.direction.is_outgoing() {
                continue;
            }
            if contact.is_some() && !args.all {
                continue;
            }
            if let Some(w) = &wanted
                && !counterpart_key(&r.number).contains(w.as_str())
            {
                continue;
            }
            let day = local_date(r.at);
            if from.is_some_and(|f| day < f) || to.is_some_and(|t| day > t) {
                continue;
            }
            out.push(Listed {
                source: i,
                record: r,
                contact,
            });
        }
    }
    // Newest first; records at the same moment keep the file's order.
    out.sort_by_key(|l| std::cmp::Reverse(l.record.at));
    out
}

/// What the case already holds, for the reasons beside each record.
struct Known {
    /// By counterpart key: the first entry and how many.
    numbers: HashMap<String, (EntryId, usize)>,
    /// By phone record key: the entry it became.
    picked: HashMap<String, EntryId>,
    name: String,
    id_number: String,
}

impl Known {
    fn of(state: &CaseState) -> Known {
        let mut numbers: HashMap<String, (EntryId, usize)> = HashMap::new();
        let mut picked = HashMap::new();
        for e in state.live_entries() {
            if !e.current.counterpart.is_empty() {
                numbers
                    .entry(counterpart_key(&e.current.counterpart))
                    .or_insert((e.id, 0))
                    .1 += 1;
            }
            if let Some(p) = &e.current.phone {
                picked.insert(p.key.clone(), e.id);
            }
        }
        let profile = &state.profile;
        Known {
            numbers,
            picked,
            name: profile.name.trim().to_string(),
            id_number: profile.id_number.trim().to_string(),
        }
    }
}

/// Why a record looks like a lead, in `lang`.
fn reasons(r: &PhoneRecord, known: &Known, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    if r.withheld {
        out.push(lang.pick("隐藏号码", "withheld number").to_string());
    } else if let Some(label) = classify(&r.number)
        && matches!(
            label.kind,
            NumberKind::SmsPort
                | NumberKind::Service400
                | NumberKind::Service95
                | NumberKind::Bank
                | NumberKind::Payment
                | NumberKind::TollFree
                | NumberKind::Virtual
                | NumberKind::International
        )
    {
        out.push(lang.pick(&label.tag_zh, &label.tag_en).to_string());
    }
    if known.name.chars().count() >= 2 && r.text.contains(&known.name) {
        out.push(lang.pick("叫出了你的名字", "names you").to_string());
    }
    if known.id_number.len() >= 15 && r.text.contains(&known.id_number) {
        out.push(
            lang.pick("写出了你的身份证号", "quotes your ID number")
                .to_string(),
        );
    }
    if crate::evidence::email::first_url(&r.text).is_some() {
        out.push(lang.pick("含链接", "has a link").to_string());
    }
    if !r.number.is_empty()
        && let Some((id, n)) = known.numbers.get(&counterpart_key(&r.number))
    {
        out.push(tr(
            lang,
            format!("案件里已有这个号码（{id} 等 {n} 条）"),
            format!("number already in the case ({id}, {n} in all)"),
        ));
    }
    out
}

fn print_list(
    sources: &[Source],
    listed: &[Listed<'_>],
    state: &CaseState,
    args: &ImportPhoneArgs,
    lang: Lang,
) {
    let known = Known::of(state);
    let tz = crate::localtime::system_zone();
    let total: usize = sources.iter().map(|s| s.backup.records.len()).sum();
    for s in sources {
        out(format!(
            "{}：{}（{} {}）",
            s.file.kind.name(lang),
            crate::text::shown_line(&s.file.name),
            s.backup.records.len(),
            lang.pick("条", "records"),
        ));
    }
    out(tr(
        lang,
        format!(
            "共 {total} 条，列出 {} 条{}（最新的在前）：",
            listed.len(),
            if args.all {
                ""
            } else {
                "不在通讯录里的号码"
            }
        ),
        format!(
            "{total} in all; {} listed{} (newest first):",
            listed.len(),
            if args.all {
                ""
            } else {
                ", from numbers not in the contacts"
            }
        ),
    ));
    let mut line = String::new();
    for (i, l) in listed.iter().enumerate() {
        let r = l.record;
        line.clear();
        let at = crate::moment::Moment::from_zoned(&r.at.to_zoned_datetime(tz.clone()));
        let kind = match r.channel {
            Channel::Call => lang.pick("电话", "call"),
            Channel::Sms => lang.pick("短信", "SMS"),
            Channel::Mms => lang.pick("彩信", "MMS"),
        };
        let who = if r.withheld {
            lang.pick("（隐藏号码）", "(withheld)").to_string()
        } else {
            crate::text::shown_counterpart(&r.number)
        };
        line.push_str(&format!(
            "{:>5}. {}  {kind} {}  {who}",
            i + 1,
            crate::localtime::short(&at, &tz),
            r.direction.word(r.channel, lang)
        ));
        if let Some(c) = &l.contact {
            line.push_str(&format!("（{}）", crate::display::fit(c, 20)));
        }
        match r.channel {
            Channel::Call => {
                if let (Some(d), Direction::Incoming | Direction::Outgoing) = (r.duration, r.direction) {
                    line.push_str(&format!("  {}", phone_backup::duration_words(d, lang)));
                }
            }
            _ => {
                line.push_str("  ");
                line.push_str(&crate::display::fit(&r.text, 48));
                if !r.media.is_empty() {
                    line.push_str(&tr(
                        lang,
                        format!(" [{} 张图片]", r.media.len()),
                        format!(" [{} picture(s)]", r.media.len()),
                    ));
                }
            }
        }
        let why = reasons(r, &known, lang);
        if !why.is_empty() {
            line.push_str(&format!("  ← {}", why.join(lang.pick("；", "; "))));
        }
        if let Some(id) = known.picked.get(&r.key()) {
            line.push_str(&tr(
                lang,
                format!("  [已记录为 {id}]"),
                format!("  [recorded as {id}]"),
            ));
        }
        out(line.clone());
    }
    out(crate::localtime::legend(lang, &tz, jiff::Timestamp::now()));
    if listed.is_empty() {
        out(tr(
            lang,
            "按这些条件没有要列出的记录。",
            "No records match these conditions.",
        ));
        return;
    }
    let mut flags = String::new();
    if args.all {
        flags.push_str(" --all");
    }
    if let Some(c) = &args.contacts {
        flags.push_str(&format!(" --contacts {}", c.display()));
    }
    for (flag, v) in [
        ("--from", &args.from),
        ("--to", &args.to),
        ("--number", &args.number),
    ] {
        if let Some(v) = v {
            flags.push_str(&format!(" {flag} {v}"));
        }
    }
    let example = if listed.len() == 1 { "1" } else { "1,2" };
    let file = args.file.display();
    out(tr(
        lang,
        format!(
            "什么都还没有记录。把骚扰、诈骗的几条记下来：leakaid import phone {file}{flags} --pick {example}（编号见上；筛选条件要和这次相同，编号才对得上）。"
        ),
        format!(
            "Nothing was recorded yet. To record the scam ones: leakaid import phone {file}{flags} --pick {example} (numbers above; keep the same conditions so the numbers match)."
        ),
    ));
    if args.contacts.is_none() && !args.all {
        warn(tr(
            lang,
            "提示：加 --contacts 通讯录.vcf 可以把家人、朋友的号码排除在外（安卓备份里已注明联系人的号码已经排除）。",
            "Tip: add --contacts CONTACTS.vcf to leave out family and friends (numbers the Android backup already names as contacts are left out).",
        ));
    }
}

//! `leakaid import phone`: the calls and messages the phone kept, read from what people can
//! export (SMS Backup & Restore XML, an iPhone's databases, vCard contacts), listed and picked
//! into the case at the phone's own times.

mod common;

use std::path::{Path, PathBuf};

use common::Env;
use leakaid::evidence::phone_backup::{self, BackupError, BackupKind, Channel, Direction, Pictures, vcard};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/phone")
        .join(name)
}

fn path(name: &str) -> String {
    fixture(name).display().to_string()
}

fn bytes(name: &str) -> Vec<u8> {
    std::fs::read(fixture(name)).expect("fixture")
}

const SMS: &str = "sms-20261129140509.xml";
const CALLS: &str = "calls-20261129140509.xml";
const CONTACTS: &str = "contacts.vcf";

#[test]
fn android_messages_keep_text_time_direction_and_the_mms_picture() {
    let b = phone_backup::read(&bytes(SMS), Pictures::None).expect("reads");
    assert_eq!(b.kind, BackupKind::AndroidMessages);
    // Six <sms> and one <mms>; the draft is not a message anyone received.
    assert_eq!(b.records.len(), 6);
    let ad = &b.records[0];
    assert_eq!((ad.channel, ad.direction), (Channel::Sms, Direction::Incoming));
    assert_eq!(ad.number, "10690000123");
    assert_eq!(ad.at.to_string(), "2026-11-20T01:15:02Z");
    assert!(ad.text.starts_with("【某某贷】张伟先生您好"));
    let mum = &b.records[1];
    assert_eq!(mum.contact_name, "妈妈");
    assert!(b.records[2].text.ends_with("理赔 😀"), "{}", b.records[2].text);
    assert_eq!(b.records[3].direction, Direction::Outgoing);
    let mms = b.records.iter().find(|r| r.channel == Channel::Mms).expect("mms");
    assert_eq!(mms.number, "+8616512349876", "the sender from <addr type=137>");
    assert_eq!(mms.text, "张伟：这是你家小区门口的照片，不还钱就上门。");
    assert_eq!(mms.media.len(), 1);
    assert_eq!(mms.media[0].content_type, "image/png");
    assert!(mms.media[0].data.is_none(), "not decoded for a listing");
    let ids = vec![mms.id.clone()];
    let again = phone_backup::read(&bytes(SMS), Pictures::Of(&ids)).expect("reads");
    let picture = again.records.iter().find(|r| r.id == mms.id).expect("mms").media[0]
        .data
        .clone()
        .expect("decoded");
    assert!(picture.starts_with(b"\x89PNG"));
}

#[test]
fn android_calls_of_every_type_and_a_withheld_number() {
    let b = phone_backup::read(&bytes(CALLS), Pictures::None).expect("reads");
    assert_eq!(b.kind, BackupKind::AndroidCalls);
    let dirs: Vec<Direction> = b.records.iter().map(|r| r.direction).collect();
    use Direction::*;
    assert_eq!(
        dirs,
        [
            Incoming, Outgoing, Incoming, Missed, Missed, Rejected, Blocked, Voicemail
        ]
    );
    assert_eq!(b.records[0].duration, Some(185));
    let withheld = &b.records[4];
    assert!(withheld.withheld);
    assert_eq!(withheld.number, "");
}

#[test]
fn iphone_databases_in_nanoseconds_and_seconds() {
    let m = phone_backup::read(&bytes("iphone/sms.db"), Pictures::None).expect("sms.db");
    assert_eq!(m.kind, BackupKind::IphoneMessages);
    assert_eq!(m.records.len(), 5, "the group event (item_type 2) is left out");
    let first = &m.records[0];
    assert_eq!(
        first.at.to_string(),
        "2026-11-24T01:00:00Z",
        "nanoseconds since 2001"
    );
    let old = m.records.iter().find(|r| r.id == "message 6").expect("row 6");
    assert_eq!(old.at.to_string(), "2026-11-23T01:00:00Z", "seconds since 2001");
    let hidden = m.records.iter().find(|r| r.id == "message 3").expect("row 3");
    assert_eq!(
        hidden.text, "张伟你好，你的社保卡已冻结，回复1解冻",
        "from attributedBody"
    );
    let reply = m.records.iter().find(|r| r.id == "message 5").expect("row 5");
    assert_eq!(
        (reply.direction, reply.number.as_str()),
        (Direction::Outgoing, "+8617055556666")
    );
    let c = phone_backup::read(&bytes("iphone/CallHistory.storedata"), Pictures::None).expect("calls");
    assert_eq!(c.kind, BackupKind::IphoneCalls);
    let dirs: Vec<Direction> = c.records.iter().map(|r| r.direction).collect();
    use Direction::*;
    assert_eq!(dirs, [Incoming, Missed, Outgoing, Missed, Missed]);
    assert_eq!(c.records[0].duration, Some(96));
    assert!(c.records[3].withheld);
    assert_eq!(c.records[4].number, "17055556666", "a number kept as a blob");
    assert_eq!(c.records[4].at.to_string(), "2026-11-24T11:30:00Z", "nanoseconds");
}

#[test]
fn contacts_from_android_and_newer_vcards() {
    let c = vcard::read(&bytes(CONTACTS)).expect("reads");
    let names: Vec<&str> = c.cards.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["妈妈", "张小明（公司同事）", "Li Na", "王芳"]);
    assert_eq!(c.find("+8613900002222").map(|c| c.name.as_str()), Some("妈妈"));
    assert_eq!(c.find("13700004444").map(|c| c.name.as_str()), Some("Li Na"));
    assert_eq!(c.find("13600005555").map(|c| c.name.as_str()), Some("王芳"));
}

#[test]
fn a_cut_off_backup_names_its_line_and_records_nothing() {
    let env = Env::new();
    env.log(&["call", "13800138000"]);
    let full = bytes(SMS);
    let cut = &full[..full.len() * 2 / 3];
    let line = cut.iter().filter(|b| **b == b'\n').count() + 1;
    assert_eq!(
        phone_backup::read(cut, Pictures::None).err(),
        Some(BackupError::Broken { line })
    );
    let file = env.data().join("sms-cut.xml");
    std::fs::write(&file, cut).expect("write");
    let said = env.refused(&["import", "phone", file.to_str().expect("utf8"), "--pick", "1"]);
    assert!(said.contains(&format!("第 {line} 行")), "{said}");
}

#[test]
fn an_encrypted_iphone_backup_says_how_to_make_an_unencrypted_one() {
    let env = Env::new();
    env.log(&["call", "13800138000"]);
    let folder = env.data().join("backup");
    std::fs::create_dir_all(folder.join("3d")).expect("dir");
    let noise: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    std::fs::write(folder.join("Manifest.db"), &noise).expect("write");
    std::fs::write(folder.join(phone_backup::ios::BACKUP_SMS_DB), &noise).expect("write");
    let said = env.refused(&["import", "phone", folder.to_str().expect("utf8")]);
    assert!(said.contains("加密本地备份"), "{said}");
    let said = env.refused(&["--lang", "en", "import", "phone", folder.to_str().expect("utf8")]);
    assert!(said.contains("Encrypt local backup"), "{said}");
}

#[test]
fn an_unencrypted_iphone_backup_folder_lists_messages_and_calls_together() {
    let env = Env::new();
    let folder = env.data().join("backup");
    for (rel, name) in [
        (phone_backup::ios::BACKUP_SMS_DB, "iphone/sms.db"),
        (
            phone_backup::ios::BACKUP_CALL_HISTORY,
            "iphone/CallHistory.storedata",
        ),
    ] {
        let p = folder.join(rel);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("dir");
        std::fs::write(&p, bytes(name)).expect("write");
    }
    let picture = b"\x89PNG\r\n\x1a\n a picture kept beside the database".to_vec();
    let kept =
        phone_backup::ios::backup_path_of("~/Library/SMS/Attachments/3c/12/5E0A1C2D-0003/IMG_0001.png")
            .expect("a phone path");
    std::fs::create_dir_all(folder.join(&kept[..2])).expect("dir");
    std::fs::write(folder.join(&kept), &picture).expect("write");
    let dir = folder.to_str().expect("utf8");
    let out = env.ok(&["import", "phone", dir, "--number", "17055556666"]);
    let listed: Vec<&str> = out
        .lines()
        .filter(|l| l.trim_start().starts_with(char::is_numeric))
        .collect();
    assert_eq!(listed.len(), 3, "two messages and a missed call: {out}");
    assert!(listed[0].contains("我不需要"), "newest first: {out}");
    assert!(
        listed[2].contains("未接来电"),
        "the call of the day before: {out}"
    );
    assert!(
        listed[1].contains("社保卡") && listed[1].contains("1 张图片"),
        "{out}"
    );
    env.ok(&["import", "phone", dir, "--number", "17055556666", "--pick", "2-3"]);
    let list = env.list_json();
    assert_eq!(list.len(), 2);
    let message = list
        .iter()
        .find(|e| e["current"]["kind"] == "sms")
        .expect("the message");
    assert_eq!(message["attachments"][0]["original_name"], "IMG_0001.png");
    assert_eq!(message["attachments"][0]["size"], picture.len());
    assert_eq!(message["current"]["phone"]["record"], "message 3");
    let call = list
        .iter()
        .find(|e| e["current"]["kind"] == "call")
        .expect("the call");
    assert_eq!(call["current"]["phone"]["direction"], "missed");
    assert_eq!(call["current"]["phone"]["source"], "iphone_call_history");
    // The lone database has the message but not its picture: recorded, and said.
    let lone = Env::new();
    let db = path("iphone/sms.db");
    let out = lone
        .cmd()
        .args(["import", "phone", &db, "--number", "17055556666", "--pick", "2"])
        .output()
        .expect("run");
    assert!(out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("1 张图片不在这个文件里"), "{said}");
}

#[test]
fn list_newest_first_strangers_only_with_the_reasons_then_pick_at_the_phones_times() {
    let env = Env::new();
    env.ok(&["profile", "set", "--name", "张伟"]);
    env.log(&["call", "400-800-1234", "--at", "2026-11-01 10:00"]);
    let before = env.journal_bytes();
    let sms = path(SMS);
    let calls = path(CALLS);
    let contacts = path(CONTACTS);
    let out = env.ok(&["import", "phone", &calls, "--contacts", &contacts]);
    assert_eq!(env.journal_bytes(), before, "a listing stores nothing");
    let rows: Vec<&str> = out
        .lines()
        .filter(|l| l.trim_start().starts_with(char::is_numeric))
        .collect();
    assert_eq!(rows.len(), 6, "mum's calls are not listed: {out}");
    assert!(
        rows[0].contains("2026-11-28 13:15") && rows[0].contains("语音信箱"),
        "{out}"
    );
    let withheld = rows
        .iter()
        .find(|l| l.contains("（隐藏号码）"))
        .expect("withheld listed");
    assert!(withheld.contains("← 隐藏号码"), "{withheld}");
    let company = rows
        .iter()
        .find(|l| l.contains("4008001234"))
        .expect("400 listed");
    assert!(
        company.contains("400") && company.contains("案件里已有这个号码（E1"),
        "{company}"
    );
    let all = env.ok(&["import", "phone", &calls, "--contacts", &contacts, "--all"]);
    assert!(all.contains("（妈妈）"), "--all shows the contact's name: {all}");
    assert!(
        !all.contains("去电  13900002222"),
        "an outgoing call to a contact is never proposed: {all}"
    );

    let out = env.ok(&["import", "phone", &sms]);
    let first = out
        .lines()
        .find(|l| l.trim_start().starts_with("1."))
        .expect("row 1");
    assert!(
        first.contains("彩信") && first.contains("叫出了你的名字"),
        "{first}"
    );
    let ad = out
        .lines()
        .find(|l| l.contains("10690000123"))
        .expect("the 106 ad");
    assert!(ad.contains("106") && ad.contains("含链接"), "{ad}");
    assert!(
        !out.contains("今晚回来吃饭吗"),
        "mum's message is not listed: {out}"
    );

    let said = env.ok(&["import", "phone", &sms, "--pick", "1,4-5"]);
    assert!(said.contains("E2、E3、E4") && said.contains("1 张图片"), "{said}");
    let said = env.ok(&["import", "phone", &calls, "--contacts", &contacts, "--pick", "4"]);
    assert!(said.contains("E5"), "{said}");
    let list = env.list_json();
    let mms = list.iter().find(|e| e["id"] == "E2").expect("E2");
    assert_eq!(mms["current"]["kind"], "sms");
    assert_eq!(
        mms["current"]["occurred_at"], "2026-11-27T12:41:05+00:00",
        "the phone's own time"
    );
    assert_eq!(
        mms["current"]["summary"],
        "张伟：这是你家小区门口的照片，不还钱就上门。"
    );
    assert_eq!(mms["attachments"][0]["media_type"], "image/png");
    assert_eq!(mms["current"]["phone"]["record"], "mms 1");
    assert_eq!(mms["current"]["phone"]["file"], SMS);
    assert_eq!(mms["current"]["phone"]["direction"], "incoming");
    assert_eq!(mms["current"]["phone"]["sha256"].as_str().map(str::len), Some(64));
    let missed = list.iter().find(|e| e["id"] == "E5").expect("E5");
    assert_eq!(missed["current"]["kind"], "call");
    assert_eq!(missed["current"]["counterpart"], "隐藏号码");
    assert_eq!(missed["current"]["phone"]["direction"], "missed");
    assert!(
        missed["attachments"].as_array().is_none_or(Vec::is_empty),
        "the backup is not copied without --keep-source"
    );
    let shown = env.ok(&["show", "E5"]);
    assert!(shown.contains("未接来电") && shown.contains(CALLS), "{shown}");
    let again = env.ok(&["import", "phone", &sms]);
    assert!(again.contains("[已记录为 E2]"), "{again}");
    let said = env.refused(&["import", "phone", &sms, "--pick", "3-5"]);
    assert!(said.contains("E3") && said.contains("sms"), "{said}");
    env.verify_ok();
}

#[test]
fn keep_source_vaults_the_backup_once_for_every_entry() {
    let env = Env::new();
    let calls = path(CALLS);
    env.ok(&["import", "phone", &calls, "--pick", "1-2", "--keep-source"]);
    let list = env.list_json();
    let hashes: Vec<&str> = list
        .iter()
        .map(|e| e["attachments"][0]["sha256"].as_str().expect("kept"))
        .collect();
    assert_eq!(hashes.len(), 2);
    assert_eq!(hashes[0], hashes[1]);
    assert_eq!(Some(hashes[0]), list[0]["current"]["phone"]["sha256"].as_str());
    env.verify_ok();
}

#[test]
fn filters_by_date_and_number() {
    let env = Env::new();
    let calls = path(CALLS);
    let out = env.ok(&[
        "import",
        "phone",
        &calls,
        "--from",
        "2026-11-26",
        "--to",
        "2026-11-28",
    ]);
    let rows = out
        .lines()
        .filter(|l| l.trim_start().starts_with(char::is_numeric))
        .count();
    assert_eq!(rows, 3, "{out}");
    let out = env.ok(&["import", "phone", &calls, "--number", "+86 170 1234 5678"]);
    let rows: Vec<&str> = out
        .lines()
        .filter(|l| l.trim_start().starts_with(char::is_numeric))
        .collect();
    assert_eq!(rows.len(), 1, "{out}");
    env.refused(&["import", "phone", &calls, "--from", "昨天下午", "--pick", "1"]);
}

#[test]
fn warn_takes_the_name_and_number_from_the_contacts_file() {
    let env = Env::new();
    let contacts = path(CONTACTS);
    let said = env.ok(&["warn", "add", "小明", "--contacts", &contacts, "--via", "电话"]);
    assert!(said.contains("张小明（公司同事）（+86 138-0000-3333）"), "{said}");
    let listed = env.ok(&["warn", "list"]);
    assert!(listed.contains("号码 +86 138-0000-3333"), "{listed}");
    let said = env.refused(&["warn", "add", "陌生人", "--contacts", &contacts]);
    assert!(said.contains("通讯录里找不到"), "{said}");
}

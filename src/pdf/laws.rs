//! INTERIM legal basis for the packet, until the guide content (`leakaid::guide`,
//! `complaint_laws(date)`) is on main. The lead swaps [`interim_complaint_laws`] for the
//! guide's list in `commands::export_pdf::laws_for`; nothing else depends on this file.
//!
//! Source: FACTS.md, "Legal basis", the ★ items. Numbering follows the text in force on the
//! print date: the 网络安全法 amendment of 2025-10-28 (in force 2026-01-01) moved old
//! art. 42 → 44 and old 44 → 46.

use jiff::civil::{Date, date};

use super::packet::LawRef;
use crate::i18n::Lang;

/// The ★ provisions for a complaint letter, as in force on `on`.
pub fn interim_complaint_laws(on: Date, lang: Lang) -> Vec<LawRef> {
    let zh = lang == Lang::Zh;
    let law = |c_zh: &str, s_zh: &str, c_en: &str, s_en: &str| LawRef {
        citation: if zh { c_zh } else { c_en }.to_string(),
        summary: if zh { s_zh } else { s_en }.to_string(),
    };
    let mut out = vec![law(
        "《中华人民共和国刑法》第二百五十三条之一",
        "违反国家有关规定，向他人出售或者提供公民个人信息，或者窃取、以其他方法非法获取公民个人信息，情节严重的，处三年以下有期徒刑或者拘役，并处或者单处罚金；情节特别严重的，处三年以上七年以下有期徒刑，并处罚金。",
        "Criminal Law of the PRC, Art. 253-1",
        "Selling or providing citizens' personal information, or stealing or otherwise illegally obtaining it, is a crime when the circumstances are serious (up to 3 years; 3–7 years when especially serious).",
    )];
    if on >= date(2017, 6, 1) {
        out.push(law(
            "《最高人民法院、最高人民检察院关于办理侵犯公民个人信息刑事案件适用法律若干问题的解释》（法释〔2017〕10号）第一条、第五条",
            "公民个人信息包括姓名、身份证件号码、通信联系方式、住址、账号密码、财产状况、行踪轨迹等；非法获取、出售或者提供通信内容、征信、财产信息五十条以上，住宿、通信记录、健康生理、交易信息五百条以上，其他公民个人信息五千条以上，或者违法所得五千元以上的，属于“情节严重”。",
            "SPC/SPP Interpretation on personal-information crimes (Fa Shi [2017] No. 10), Arts. 1 and 5",
            "Defines personal information (name, ID number, contact details, address, accounts, property, whereabouts) and \"serious circumstances\" (e.g. 50+ records of whereabouts, communications, credit or property; 500+ of lodging, call, health or transaction records; 5,000+ others; or illegal gain of CNY 5,000+).",
        ));
    }
    if on >= date(2021, 11, 1) {
        out.push(law(
            "《中华人民共和国个人信息保护法》第十条、第六十九条",
            "任何组织、个人不得非法收集、使用、加工、传输他人个人信息，不得非法买卖、提供或者公开他人个人信息；处理个人信息侵害个人信息权益造成损害，个人信息处理者不能证明自己没有过错的，应当承担损害赔偿等侵权责任。",
            "Personal Information Protection Law, Arts. 10 and 69",
            "No one may illegally collect, use, trade, provide or disclose others' personal information; a handler whose processing causes harm is liable unless it proves it was not at fault.",
        ));
    }
    if on >= date(2021, 1, 1) {
        out.push(law(
            "《中华人民共和国民法典》第一千零三十三条、第一千零三十四条、第一千零三十八条",
            "任何组织或者个人不得以电话、短信、即时通讯工具、电子邮件、传单等方式侵扰他人的私人生活安宁；自然人的个人信息受法律保护；信息处理者不得泄露其收集、存储的个人信息，发生或者可能发生泄露的，应当及时采取补救措施并告知自然人、向有关主管部门报告。",
            "Civil Code, Arts. 1033, 1034 and 1038",
            "No one may disturb another's private life by phone, SMS, messaging or email; personal information is protected by law; handlers must not leak it and must remedy, notify and report a leak.",
        ));
    }
    let (a, b) = if on >= date(2026, 1, 1) {
        ("第四十四条", "第四十六条")
    } else {
        ("第四十二条", "第四十四条")
    };
    let (ea, eb) = if on >= date(2026, 1, 1) {
        ("44", "46")
    } else {
        ("42", "44")
    };
    out.push(law(
        &format!("《中华人民共和国网络安全法》{a}、{b}"),
        "网络运营者不得泄露、篡改、毁损其收集的个人信息；任何个人和组织不得窃取或者以其他非法方式获取个人信息，不得非法出售或者非法向他人提供个人信息。",
        &format!("Cybersecurity Law, Arts. {ea} and {eb}"),
        "Network operators must not leak the personal information they collect; no one may steal, illegally obtain, sell or provide personal information.",
    ));
    if on >= date(2022, 12, 1) {
        out.push(law(
            "《中华人民共和国反电信网络诈骗法》第二十九条",
            "个人信息处理者应当建立个人信息被用于电信网络诈骗的防范机制；公安机关办理电信网络诈骗案件，应当同时查证犯罪所利用的个人信息来源，依法追究相关人员和单位责任。",
            "Anti-Telecom and Online Fraud Law, Art. 29",
            "Handlers must guard against personal information being used for fraud; in fraud cases the police must also trace where the personal information used came from.",
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cybersecurity_law_numbering_follows_the_print_date() {
        let before = interim_complaint_laws(date(2025, 12, 31), Lang::Zh);
        let after = interim_complaint_laws(date(2026, 1, 1), Lang::Zh);
        assert!(
            before
                .iter()
                .any(|l| l.citation.contains("网络安全法》第四十二条"))
        );
        assert!(
            after
                .iter()
                .any(|l| l.citation.contains("网络安全法》第四十四条、第四十六条"))
        );
    }
}

//! Stand-in for the guide content (`leakaid::guide`, being written on its own branch): the four
//! steps' guidance as the source page gives it, and the immediate-actions checklist with the
//! item ids the journal's tick events use. When `guide` lands, the screens read it instead and
//! this module goes; keep the item ids identical.

use crate::i18n::Lang;

/// One immediate-action checklist item.
#[derive(Debug, Clone, Copy)]
pub struct ChecklistItem {
    /// The stable id written in tick events.
    pub id: &'static str,
    /// Chinese text.
    pub zh: &'static str,
    /// English text.
    pub en: &'static str,
    /// Urgent items are suggested first as "next".
    pub urgent: bool,
}

impl ChecklistItem {
    /// The text in a language.
    pub fn text(&self, lang: Lang) -> &'static str {
        lang.pick(self.zh, self.en)
    }
}

/// The immediate actions, in the order to do them.
pub const CHECKLIST: [ChecklistItem; 11] = [
    ChecklistItem {
        id: "change_passwords",
        zh: "修改重要账户密码（银行、支付、邮箱）",
        en: "Change important passwords (bank, payment, email)",
        urgent: true,
    },
    ChecklistItem {
        id: "bank_freeze",
        zh: "发现异常交易时联系银行冻结或挂失",
        en: "Ask the bank to freeze or block cards on odd activity",
        urgent: true,
    },
    ChecklistItem {
        id: "phone_numbers_check",
        zh: "一证通查：查名下登记的手机号",
        en: "Check phone numbers registered to my ID (一证通查)",
        urgent: true,
    },
    ChecklistItem {
        id: "bank_cards_check",
        zh: "云闪付一键查卡：查名下银行卡",
        en: "Check bank cards in my name (云闪付一键查卡)",
        urgent: true,
    },
    ChecklistItem {
        id: "credit_report",
        zh: "查个人征信报告，看有无冒名贷款",
        en: "Get my credit report; look for loans in my name",
        urgent: false,
    },
    ChecklistItem {
        id: "id_copy_annotation",
        zh: "今后身份证复印件上注明用途",
        en: "Write the purpose on every ID-card copy from now on",
        urgent: false,
    },
    ChecklistItem {
        id: "ask_company_delete",
        zh: "要求泄露信息的公司删除我的信息",
        en: "Ask the company that leaked my data to delete it",
        urgent: false,
    },
    ChecklistItem {
        id: "report_police",
        zh: "向公安机关报案",
        en: "Report to the police",
        urgent: false,
    },
    ChecklistItem {
        id: "report_12321",
        zh: "向 12321 举报垃圾短信和骚扰电话",
        en: "Report spam SMS and calls to 12321",
        urgent: false,
    },
    ChecklistItem {
        id: "warn_family",
        zh: "提醒家人朋友防骗",
        en: "Warn family and friends about scams",
        urgent: false,
    },
    ChecklistItem {
        id: "consult_lawyer",
        zh: "咨询律师",
        en: "Consult a lawyer",
        urgent: false,
    },
];

/// The guidance of steps 2, 3 and 4 (index 0 is step 2), in Chinese and English.
const GUIDANCE: [(&str, &str); 3] = [
    (
        "个人信息一旦泄露，可向公安部门、互联网管理部门、工商部门（市场监管）、消协、行业管理部门和相关机构进行投诉举报。\n\n报案的目的一来是保护自己的权益，二来也是可以备案。\n\n带上：身份证、证据记录（按 1 查看）、截图和录音。报案后要回执，记下回执编号。",
        "Once personal information has leaked, you can complain to the police, the internet regulator, the market regulator, the consumer association, the industry regulators and the companies concerned.\n\nReporting protects your rights and puts the matter on record.\n\nBring your ID card, the evidence log (press 1), screenshots and recordings. Ask for a receipt and note its number.",
    ),
    (
        "个人信息泄露后，不仅可以用这些信息盗用你的账号，甚至还可能骗你身边的亲朋好友。\n\n提醒身边的亲朋好友防止被骗：凡是以你的名义借钱、要验证码、要转账的，一律先打电话向你本人核实。\n\n提醒内容里不要写你的身份证号等敏感信息。",
        "Leaked information can be used to take over your accounts and even to cheat your family and friends.\n\nWarn them: anyone asking for money, codes or transfers in your name must first be checked by calling you directly.\n\nNever put your ID number or other secrets in the warning.",
    ),
    (
        "如果个人重要的信息丢失，而且知道怎么丢失的或者是有很多线索，那么就可以向专业的律师咨询相关的法律法规。\n\n法律依据：《中华人民共和国刑法》第二百五十三条之一：违反国家有关规定，向他人出售或者提供公民个人信息，情节严重的，处三年以下有期徒刑或者拘役，并处或者单处罚金；情节特别严重的，处三年以上七年以下有期徒刑，并处罚金。\n\n准备：证据记录、报案回执、损失凭证。经济困难可向当地法律援助中心申请法律援助。",
        "If important information was lost and you know how, or have many leads, consult a lawyer about the law.\n\nLegal basis: Criminal Law of the PRC, Article 253-1: selling or providing citizens' personal information in violation of state rules, where serious, is punished with up to three years' imprisonment or detention and/or a fine; where especially serious, three to seven years and a fine.\n\nPrepare: the evidence log, police receipts, proof of losses. If you cannot afford a lawyer, ask the local legal aid centre.",
    ),
];

/// The guidance text of step `n` (2, 3 or 4).
pub fn guidance(step: u8, lang: Lang) -> &'static str {
    let i = usize::from(step.saturating_sub(2)).min(GUIDANCE.len() - 1);
    lang.pick(GUIDANCE[i].0, GUIDANCE[i].1)
}

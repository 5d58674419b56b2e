//! What of the victim's own details a letter carries — the one place that decides it, so
//! the letter, the screen before saving and the tests agree. Each kind lists its items in the
//! wording file; the ID number goes only into a letter whose kind allows it on request
//! (`--with-id`), and is masked in every free text of every other letter.

use serde::Deserialize;

use crate::i18n::Lang;

/// One kind of detail a letter may carry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WhatItCarries {
    /// The victim's name.
    Name,
    /// The victim's phone numbers.
    Phones,
    /// The victim's email addresses.
    Emails,
    /// The victim's home address.
    Address,
    /// The ID-card number.
    IdNumber,
    /// The account the victim holds with the recipient (`--account`).
    Account,
    /// The numbers, senders and addresses that contacted the victim, with times and content.
    Contacts,
    /// Accounts, cards or loans opened in the victim's name.
    AccountsInName,
    /// Money lost.
    Loss,
}

impl WhatItCarries {
    /// Its name in a sentence.
    pub fn label(self, lang: Lang) -> &'static str {
        use WhatItCarries::*;
        match self {
            Name => lang.pick("姓名", "name"),
            Phones => lang.pick("手机号", "phone numbers"),
            Emails => lang.pick("电子邮箱", "email addresses"),
            Address => lang.pick("住址", "home address"),
            IdNumber => lang.pick("身份证号", "ID number"),
            Account => lang.pick("账户信息", "account details"),
            Contacts => lang.pick(
                "联系过你的号码、邮箱地址和它们发来的内容",
                "the numbers and email addresses that contacted you, with what they said",
            ),
            AccountsInName => lang.pick("冒名开立的账户", "accounts opened in your name"),
            Loss => lang.pick("损失金额", "money lost"),
        }
    }
}

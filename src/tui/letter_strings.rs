//! The letters screen's words, in Chinese and English.

use crate::i18n::Lang;

/// The letters screen's own text, in both languages (a string missing in one fails to compile).
#[derive(Debug)]
pub struct LetterStrings {
    /// Dashboard, step 2 row, after the letters sent: the next follow-up `{}` on `{}`.
    pub sent_next: &'static str,
    /// The screen's title.
    pub title: &'static str,
    /// Under the title.
    pub intro: &'static str,
    /// Marks a recommended letter (ASCII or full-width only: see STYLE.md).
    pub mark: &'static str,
    /// Why: `{}` harassing numbers or senders logged (12321).
    pub why_harassers: &'static str,
    /// Why: calls or SMS logged (carrier).
    pub why_calls: &'static str,
    /// Why: `{}` (a bank or platform) called (company).
    pub why_impersonated: &'static str,
    /// Why: they knew my details (regulator).
    pub why_knew: &'static str,
    /// Why: accounts opened in my name (credit).
    pub why_accounts: &'static str,
    /// Why: a shop is suspected (12315).
    pub why_company: &'static str,
    /// What each letter is for, in `LetterKind::ALL` order (shown for the others).
    pub purpose: [&'static str; 6],
    /// "To:" before the recipient.
    pub to: &'static str,
    /// The recipient of a letter that names it when saved.
    pub to_asked: &'static str,
    /// What to do on an opened letter.
    pub open_hint: &'static str,
    /// Status: saved, `{}` is the short path.
    pub saved: &'static str,
    /// The PDF's place: `{}`.
    pub saved_pdf: &'static str,
    /// The text's place: `{}`.
    pub saved_text: &'static str,
    /// The copy for the user: `{}`.
    pub saved_copy: &'static str,
    /// No copy for the user: `{}` is why.
    pub not_copied: &'static str,
    /// The PDF's SHA-256: `{}`.
    pub sha: &'static str,
    /// `r` before the letter is saved.
    pub save_first: &'static str,
    /// A letter of this kind recorded as sent: `{}` id, `{}` date sent.
    pub sent_before: &'static str,
    /// No source gives a reply period for where the letter goes.
    pub no_period: &'static str,
    /// The company letter may carry the ID number when the user chooses it on saving.
    pub with_id: &'static str,
}

/// Chinese.
pub const ZH: LetterStrings = LetterStrings {
    sent_next: "，{} {} 跟进",
    title: "写信给其他部门",
    intro: "按你的记录推荐的排在前面（标 * 的）。Enter 打开一封，先看信里写了什么，再保存。",
    mark: "*",
    why_harassers: "你记下了 {} 个骚扰号码或发件人，可以向12321举报",
    why_calls: "有骚扰电话或短信：请运营商核查、拦截",
    why_impersonated: "{}联系过你：可以要求这家机构说明是否处理、泄露了你的信息，并删除（号码也可能是被冒用的）",
    why_knew: "对方知道你的个人信息：可以向网信部门投诉",
    why_accounts: "有以你名义开立的账户：对征信报告里不是你办的记录提出异议",
    why_company: "怀疑是某个商家泄露的：可以向12315投诉",
    purpose: [
        "要求公司说明是否处理、泄露了你的信息，并删除",
        "向12321举报骚扰电话、垃圾短信和邮件",
        "向12315投诉泄露信息的商家",
        "对征信报告里不是你办的记录提出异议",
        "请运营商核查以你名义办的号码、拦截骚扰",
        "向网信部门（12377）投诉个人信息泄露",
    ],
    to: "寄给",
    to_asked: "（保存时填写公司或商家的名称）",
    open_hint: "按 s 保存 PDF 和纯文本（网页表单可直接粘贴纯文本）；寄出或提交后按 r 记下，程序会提醒你按期跟进。",
    saved: "信已保存：{}",
    saved_pdf: "PDF：{}",
    saved_text: "纯文本：{}",
    saved_copy: "桌面上的副本：{}",
    not_copied: "没有放副本到桌面：{}",
    sha: "SHA-256：{}",
    save_first: "请先按 s 保存这封信；寄出或提交后再按 r 记下。",
    sent_before: "已记为发出：{}（{}）",
    no_period: "没有找到规定答复期限的依据，记为已发出时不会定跟进日期；可以在第2步选中这条记录按 u 自己定一个。",
    with_id: "如果对方要求用身份证号核对身份，保存时可以选择附上。",
};

/// English.
pub const EN: LetterStrings = LetterStrings {
    sent_next: ", follow up {} on {}",
    title: "Letters to the other offices",
    intro: "The ones your records call for come first (marked *). Enter opens one: see what it says before saving it.",
    mark: "*",
    why_harassers: "You logged {} harassing numbers or senders: report them to 12321",
    why_calls: "Harassing calls or SMS: ask the carrier to check and block them",
    why_impersonated: "{} contacted you: ask that institution whether it handled or leaked your data, and to delete it (the number may also have been spoofed)",
    why_knew: "They knew your personal details: complain to the internet regulator",
    why_accounts: "Accounts were opened in your name: object to the credit-report entries you did not make",
    why_company: "A shop is suspected of the leak: complain to 12315",
    purpose: [
        "Ask a company whether it handled or leaked your data, and to delete it",
        "Report harassing calls, spam SMS and email to 12321",
        "Complain to 12315 about the merchant that leaked your data",
        "Object to credit-report entries you did not make",
        "Ask the carrier to check numbers in your name and block harassment",
        "Complain to the internet regulator (12377) about the leak",
    ],
    to: "To",
    to_asked: "(you name the company or merchant when saving)",
    open_hint: "Press s to save the PDF and the plain text (paste the text into a web form); after sending, press r to record it and be reminded to follow up.",
    saved: "Letter saved: {}",
    saved_pdf: "PDF: {}",
    saved_text: "Plain text: {}",
    saved_copy: "Copy on the Desktop: {}",
    not_copied: "No copy on the Desktop: {}",
    sha: "SHA-256: {}",
    save_first: "Save this letter with s first; after sending it, press r to record it.",
    sent_before: "Recorded as sent: {} ({})",
    no_period: "No source gives a reply period for this, so no follow-up date is set when it is recorded as sent; choose the record on step 2 and press u to set one.",
    with_id: "If the company asks for your ID number to confirm who you are, you can add it when saving.",
};

/// The letters screen's text in `lang`.
pub fn strings(lang: Lang) -> &'static LetterStrings {
    lang.pick(&ZH, &EN)
}

//! Every piece of text the wizard shows, in Chinese and English, in one place.
//!
//! [`Strings`] is a struct of `&'static str`, and [`ZH`] and [`EN`] are both built as
//! constants of it, so a string added for one language and missing in the other fails to
//! compile. Texts with a value use `{}` and are filled by [`fill`].

use crate::i18n::Lang;

/// All UI text in one language.
#[derive(Debug)]
pub struct Strings {
    /// The program's name in the title bar.
    pub app_title: &'static str,
    /// "Case:" before the case folder's name.
    pub case_label: &'static str,
    /// Shown instead of the layout when the window is too small.
    pub too_small: &'static str,
    /// Title of the dashboard.
    pub dashboard: &'static str,
    /// Names of the four steps, in order.
    pub steps: [&'static str; 4],
    /// Step 1 progress: `{}` entries logged.
    pub step1_progress: &'static str,
    /// Checklist progress: `{}` of `{}` done.
    pub checklist_progress: &'static str,
    /// Steps 2–4 progress until their records exist.
    pub steps_not_recorded: &'static str,
    /// "Next:" label.
    pub next: &'static str,
    /// Next step when nothing is logged.
    pub next_log_first: &'static str,
    /// Next step when an urgent checklist item is open: `{}` is the item.
    pub next_checklist: &'static str,
    /// Next step when the profile is empty.
    pub next_profile: &'static str,
    /// Next step when steps 1 is well under way.
    pub next_report: &'static str,
    /// Title of the immediate-actions checklist.
    pub checklist: &'static str,
    /// Evidence list title.
    pub evidence: &'static str,
    /// Shown when the list is empty.
    pub evidence_empty: &'static str,
    /// Shown when the filter hides everything.
    pub evidence_none_match: &'static str,
    /// "All kinds" in the filter.
    pub all_kinds: &'static str,
    /// Filter label.
    pub filter: &'static str,
    /// Search label.
    pub search: &'static str,
    /// Marker of a retracted entry.
    pub retracted_mark: &'static str,
    /// Marker of a corrected entry.
    pub corrected_mark: &'static str,
    /// "times" after a counterpart count, `{}` is the count.
    pub times: &'static str,
    /// Detail: title, `{}` is the id.
    pub detail_title: &'static str,
    /// Detail field labels.
    pub f_kind: &'static str,
    /// When it happened.
    pub f_at: &'static str,
    /// The other side.
    pub f_counterpart: &'static str,
    /// Which of mine.
    pub f_to_mine: &'static str,
    /// What they said.
    pub f_summary: &'static str,
    /// What they knew.
    pub f_knew: &'static str,
    /// Money lost.
    pub f_lost: &'static str,
    /// Why (correction or retraction).
    pub f_reason: &'static str,
    /// A file path.
    pub f_path: &'static str,
    /// When it was recorded.
    pub f_recorded: &'static str,
    /// Attachments.
    pub f_attachments: &'static str,
    /// History heading.
    pub history: &'static str,
    /// History: no changes.
    pub history_none: &'static str,
    /// History: a correction, `{}` the reason.
    pub h_corrected: &'static str,
    /// History: a file added, `{}` the name.
    pub h_attached: &'static str,
    /// History: retracted, `{}` the reason.
    pub h_retracted: &'static str,
    /// Detail: originally logged values heading.
    pub original: &'static str,
    /// Nothing (empty value).
    pub none: &'static str,
    /// Yuan unit after amounts.
    pub yuan: &'static str,
    /// Form titles.
    pub form_new: &'static str,
    /// Correct form title, `{}` the id.
    pub form_correct: &'static str,
    /// Retract form title, `{}` the id.
    pub form_retract: &'static str,
    /// Attach form title, `{}` the id.
    pub form_attach: &'static str,
    /// Profile form title.
    pub form_profile: &'static str,
    /// Placeholder of the time field: `{}` is the key-press moment.
    pub at_placeholder: &'static str,
    /// Hint under every form.
    pub form_hint: &'static str,
    /// Hint on a toggle field.
    pub toggles_hint: &'static str,
    /// Hint on the kind field.
    pub kind_hint: &'static str,
    /// Shown when a paste or typing hit the field's limit, `{}` the limit.
    pub field_capped: &'static str,
    /// The form has unsaved text: confirm discarding.
    pub confirm_discard: &'static str,
    /// Confirm leaving with unsaved input.
    pub confirm_quit: &'static str,
    /// Saving…
    pub saving: &'static str,
    /// Saved an entry, `{}` the id.
    pub saved_entry: &'static str,
    /// Saved (generic).
    pub saved: &'static str,
    /// New lines from another program, `{}` how many.
    pub refreshed: &'static str,
    /// Profile screen title.
    pub profile: &'static str,
    /// Profile is empty.
    pub profile_empty: &'static str,
    /// Profile labels.
    pub p_name: &'static str,
    /// ID number.
    pub p_id: &'static str,
    /// Sex.
    pub p_sex: &'static str,
    /// Birth date.
    pub p_birth: &'static str,
    /// Phones.
    pub p_phones: &'static str,
    /// Emails.
    pub p_emails: &'static str,
    /// Address.
    pub p_address: &'static str,
    /// Profile explanation.
    pub profile_why: &'static str,
    /// Steps 2–4: records heading.
    pub records: &'static str,
    /// Step 2 records: what the user can do now.
    pub records_step2: &'static str,
    /// Step 3 records.
    pub records_step3: &'static str,
    /// Step 4 records.
    pub records_step4: &'static str,
    /// Help overlay title.
    pub help_title: &'static str,
    /// Help footer.
    pub help_close: &'static str,
    /// Help: typing in fields.
    pub help_typing: &'static str,
    /// Demo banner.
    pub demo_banner: &'static str,
    /// Key descriptions.
    pub k_quit: &'static str,
    /// Help.
    pub k_help: &'static str,
    /// Dashboard.
    pub k_dashboard: &'static str,
    /// Steps.
    pub k_steps: &'static str,
    /// New call.
    pub k_new_call: &'static str,
    /// New entry of any kind.
    pub k_new_entry: &'static str,
    /// Move.
    pub k_move: &'static str,
    /// Page.
    pub k_page: &'static str,
    /// Open.
    pub k_open: &'static str,
    /// Back.
    pub k_back: &'static str,
    /// Search.
    pub k_search: &'static str,
    /// Filter by kind.
    pub k_filter: &'static str,
    /// Correct.
    pub k_correct: &'static str,
    /// Retract.
    pub k_retract: &'static str,
    /// Attach.
    pub k_attach: &'static str,
    /// Tick.
    pub k_tick: &'static str,
    /// Edit profile.
    pub k_edit_profile: &'static str,
    /// Checklist.
    pub k_checklist: &'static str,
    /// Profile.
    pub k_profile: &'static str,
    /// Submit.
    pub k_submit: &'static str,
    /// Next field.
    pub k_next_field: &'static str,
    /// Cancel.
    pub k_cancel: &'static str,
    /// Toggle.
    pub k_toggle: &'static str,
    /// Scroll.
    pub k_scroll: &'static str,
    /// Search done.
    pub k_search_done: &'static str,
    /// Yes.
    pub k_yes: &'static str,
    /// No.
    pub k_no: &'static str,
}

/// Chinese, the default.
pub const ZH: Strings = Strings {
    app_title: "信息泄露维权助手",
    case_label: "案件",
    too_small: "请放大窗口（至少 40x12）",
    dashboard: "总览",
    steps: ["收集证据", "向有关部门报案", "提醒亲友", "委托律师"],
    step1_progress: "已记录 {} 条证据",
    checklist_progress: "立即行动清单：完成 {}/{} 项",
    steps_not_recorded: "本版本还不能在此登记，先看指引",
    next: "下一步",
    next_log_first: "按 n 记下最近一次骚扰电话（时间自动记为按键时刻）",
    next_checklist: "按 c 打开清单，先做：{}",
    next_profile: "按 p 填写本人信息，报案材料要用",
    next_report: "按 2 查看如何向公安机关等部门报案",
    checklist: "立即行动清单",
    evidence: "证据记录",
    evidence_empty: "还没有记录。按 n 记一通电话，按 a 记其他类型。",
    evidence_none_match: "没有符合筛选条件的记录。按 f 换类型，按 / 改搜索。",
    all_kinds: "全部",
    filter: "类型",
    search: "搜索",
    retracted_mark: "[已撤回]",
    corrected_mark: "[已更正]",
    times: "{}次",
    detail_title: "记录 {}",
    f_kind: "类型",
    f_at: "时间",
    f_counterpart: "对方",
    f_to_mine: "打到我的",
    f_summary: "内容",
    f_knew: "对方知道",
    f_lost: "损失(元)",
    f_reason: "原因",
    f_path: "文件路径",
    f_recorded: "记录于",
    f_attachments: "附件",
    history: "变更历史",
    history_none: "没有更正、附件或撤回。",
    h_corrected: "更正：{}",
    h_attached: "添加附件：{}",
    h_retracted: "撤回：{}",
    original: "最初记录",
    none: "（无）",
    yuan: "元",
    form_new: "新记录",
    form_correct: "更正 {}（原记录会保留）",
    form_retract: "撤回 {}（记录会保留并标明撤回）",
    form_attach: "给 {} 添加附件",
    form_profile: "本人信息",
    at_placeholder: "按键时刻 {}；也可写 14:05 或 -10m",
    form_hint: "Tab 换栏  Ctrl-S 保存  Esc 取消",
    toggles_hint: "左右键选择，空格勾选",
    kind_hint: "左右键换类型",
    field_capped: "内容太长，只保留了前 {} 个字",
    confirm_discard: "放弃没保存的内容？ y 放弃 / n 继续填写",
    confirm_quit: "还有没保存的内容，确定退出？ y 退出 / n 返回",
    saving: "正在保存……",
    saved_entry: "已保存 {}",
    saved: "已保存",
    refreshed: "另一个窗口新记了 {} 条，已更新",
    profile: "本人信息",
    profile_empty: "还没有填写。按 e 填写。",
    p_name: "姓名",
    p_id: "身份证号",
    p_sex: "性别",
    p_birth: "出生日期",
    p_phones: "我的手机",
    p_emails: "我的邮箱",
    p_address: "住址",
    profile_why: "这些信息只存在本机，用于生成报案材料。手机、邮箱多个时用逗号分开。",
    records: "我的记录",
    records_step2: "本版本还不能在这里登记报案记录。现在请保存好报警回执，记下受理单位、日期、回执编号和经办民警，下一版可补录。",
    records_step3: "本版本还不能在这里登记已提醒的亲友。现在就可以打电话或发消息提醒家人：不要相信以你的名义借钱、要验证码的人。",
    records_step4: "本版本还不能在这里登记律师咨询。咨询前可以先按 1 整理好证据记录，按 p 填好本人信息。",
    help_title: "按键说明",
    help_close: "按任意键关闭",
    help_typing: "在输入栏里可以直接打字、粘贴；回车在内容栏里换行，不会提交。",
    demo_banner: "演示案件（临时文件夹，不是你的真实记录）",
    k_quit: "退出",
    k_help: "帮助",
    k_dashboard: "总览",
    k_steps: "第1-4步",
    k_new_call: "记电话",
    k_new_entry: "新记录",
    k_move: "上下移动",
    k_page: "翻页",
    k_open: "查看",
    k_back: "返回",
    k_search: "搜索",
    k_filter: "按类型筛选",
    k_correct: "更正",
    k_retract: "撤回",
    k_attach: "加附件",
    k_tick: "勾选",
    k_edit_profile: "填写",
    k_checklist: "清单",
    k_profile: "本人信息",
    k_submit: "保存",
    k_next_field: "下一栏",
    k_cancel: "取消",
    k_toggle: "勾选",
    k_scroll: "滚动",
    k_search_done: "完成搜索",
    k_yes: "是",
    k_no: "否",
};

/// English.
pub const EN: Strings = Strings {
    app_title: "leakaid - data leak helper",
    case_label: "Case",
    too_small: "Please enlarge the window (40x12 at least)",
    dashboard: "Overview",
    steps: ["Collect evidence", "Report", "Warn contacts", "Consult a lawyer"],
    step1_progress: "{} entries logged",
    checklist_progress: "Immediate actions: {} of {} done",
    steps_not_recorded: "not recorded here yet; read the guidance",
    next: "Next",
    next_log_first: "Press n to log the last scam call (the time is taken at the key press)",
    next_checklist: "Press c for the checklist; first: {}",
    next_profile: "Press p to fill in your details for the complaint packet",
    next_report: "Press 2 to see how to report to the police and regulators",
    checklist: "Immediate actions",
    evidence: "Evidence",
    evidence_empty: "Nothing logged yet. Press n to log a call, a for other kinds.",
    evidence_none_match: "Nothing matches. Press f to change the kind, / to edit the search.",
    all_kinds: "all",
    filter: "Kind",
    search: "Search",
    retracted_mark: "[retracted]",
    corrected_mark: "[corrected]",
    times: "x{}",
    detail_title: "Entry {}",
    f_kind: "Kind",
    f_at: "When",
    f_counterpart: "From",
    f_to_mine: "To mine",
    f_summary: "Summary",
    f_knew: "They knew",
    f_lost: "Lost (yuan)",
    f_reason: "Reason",
    f_path: "File path",
    f_recorded: "Recorded",
    f_attachments: "Files",
    history: "History",
    history_none: "No corrections, files or retraction.",
    h_corrected: "corrected: {}",
    h_attached: "file added: {}",
    h_retracted: "retracted: {}",
    original: "As first logged",
    none: "(none)",
    yuan: "yuan",
    form_new: "New entry",
    form_correct: "Correct {} (the original stays)",
    form_retract: "Retract {} (it stays, marked)",
    form_attach: "Add a file to {}",
    form_profile: "My details",
    at_placeholder: "key press {}; or 14:05 or -10m",
    form_hint: "Tab next field  Ctrl-S save  Esc cancel",
    toggles_hint: "Left/Right to choose, Space to tick",
    kind_hint: "Left/Right to change",
    field_capped: "Too long: only the first {} characters were kept",
    confirm_discard: "Discard what you typed? y discard / n keep editing",
    confirm_quit: "Unsaved input. Quit anyway? y quit / n back",
    saving: "Saving...",
    saved_entry: "Saved {}",
    saved: "Saved",
    refreshed: "{} new lines from another window, updated",
    profile: "My details",
    profile_empty: "Nothing filled in yet. Press e.",
    p_name: "Name",
    p_id: "ID number",
    p_sex: "Sex",
    p_birth: "Birth date",
    p_phones: "My phones",
    p_emails: "My emails",
    p_address: "Address",
    profile_why: "Kept on this machine only, for the complaint packet. Separate several phones or emails with commas.",
    records: "My records",
    records_step2: "Reports cannot be recorded here in this version yet. Keep the police receipt and note the office, date, receipt number and officer; the next version can take them.",
    records_step3: "Warned contacts cannot be recorded here in this version yet. Call or message your family now: never trust anyone asking for money or codes in your name.",
    records_step4: "Consultations cannot be recorded here in this version yet. Before one, press 1 to review the evidence and p to fill in your details.",
    help_title: "Keys",
    help_close: "Press any key to close",
    help_typing: "Type or paste into fields; Enter makes a new line in the summary, it never submits.",
    demo_banner: "Demo case (a temporary folder, not your real record)",
    k_quit: "quit",
    k_help: "help",
    k_dashboard: "overview",
    k_steps: "steps 1-4",
    k_new_call: "log call",
    k_new_entry: "new entry",
    k_move: "move",
    k_page: "page",
    k_open: "open",
    k_back: "back",
    k_search: "search",
    k_filter: "filter kind",
    k_correct: "correct",
    k_retract: "retract",
    k_attach: "add file",
    k_tick: "tick",
    k_edit_profile: "edit",
    k_checklist: "checklist",
    k_profile: "my details",
    k_submit: "save",
    k_next_field: "next field",
    k_cancel: "cancel",
    k_toggle: "tick",
    k_scroll: "scroll",
    k_search_done: "done",
    k_yes: "yes",
    k_no: "no",
};

/// The strings for a language.
pub fn strings(lang: Lang) -> &'static Strings {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

/// Fills each `{}` in `template` with the next value.
pub fn fill(template: &str, values: &[&dyn std::fmt::Display]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut parts = template.split("{}");
    if let Some(first) = parts.next() {
        out.push_str(first);
    }
    for (i, part) in parts.enumerate() {
        if let Some(v) = values.get(i) {
            out.push_str(&v.to_string());
        }
        out.push_str(part);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_places_values_in_order() {
        assert_eq!(fill("{} of {} done", &[&3, &11]), "3 of 11 done");
        assert_eq!(fill(ZH.times, &[&4]), "4次");
    }
}

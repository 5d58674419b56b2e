//! The commands: what a key can ask for ([`Action`]), how a binding names its keys, and the
//! lists every screen shares (the global keys, a form's, a question's, the pieces the screens'
//! own lists are made of). Each screen's own list is in its module (`screens::NAME::KEYS`).
//! One list per context feeds three things: the key dispatch, the key bar at the bottom and
//! the `?` help overlay, so help can never drift from the keys.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::guide::StepId;
use crate::text::halfwidth::halfwidth_char;

use crate::tui::strings::Strings;

/// Which generated text the text screen shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextView {
    /// The warning message for family and friends (step 3).
    Warning,
    /// The brief for a lawyer (step 4).
    Brief,
    /// How to do the checklist item with this index.
    How(usize),
}

/// Something the user can ask for with a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Leave (confirm when there is unsaved input).
    Quit,
    /// Show the key help.
    Help,
    /// Switch between Chinese and English (and remember it).
    SwitchLang,
    /// Go to the dashboard.
    Dashboard,
    /// Go to one of the four steps.
    Step(StepId),
    /// Open the checklist.
    Checklist,
    /// Open the profile.
    Profile,
    /// Start a new call entry now.
    NewCall,
    /// Start a new entry of any kind.
    NewEntry,
    /// Move up.
    Up,
    /// Move down.
    Down,
    /// Page up.
    PageUp,
    /// Page down.
    PageDown,
    /// To the top.
    Top,
    /// To the bottom.
    Bottom,
    /// Open the selected item.
    Open,
    /// Go back.
    Back,
    /// Focus the search box.
    Search,
    /// Cycle the kind filter.
    Filter,
    /// Show only the selected entry's counterpart; again to show everyone.
    OneCounterpart,
    /// Correct the entry.
    Correct,
    /// Retract the entry.
    Retract,
    /// Attach a file to the entry.
    Attach,
    /// Tick or untick the checklist item.
    Tick,
    /// Edit the profile.
    EditProfile,
    /// Save the form.
    Submit,
    /// Next field.
    NextField,
    /// Previous field.
    PrevField,
    /// Cancel the form.
    Cancel,
    /// Leave the search box.
    SearchDone,
    /// Open the export screen with its options.
    Export,
    /// Edit the victim's own account.
    Narrative,
    /// Add a record of this step (report, warned contact, consultation).
    AddRecord,
    /// Update the selected report.
    UpdateReport,
    /// Show a generated text alone.
    ShowText(TextView),
    /// Open the packet made (or its copy) with the system's program.
    OpenPacket,
    /// Make the evidence folder (packet, attachments, record, checksums).
    MakeBundle,
    /// Copy the warning message to the clipboard.
    CopyWarning,
    /// Open the letters screen.
    Letters,
    /// Save the letter opened (PDF and text).
    SaveLetter,
    /// Record the letter saved as sent.
    MarkSent,
    /// Answer yes.
    Yes,
    /// Answer no.
    No,
    /// Move the focus between a step's list and its text.
    Focus,
    /// Open the checklist item's how-to.
    How,
    /// Open a bill to pick the transfers lost (step 1).
    ImportBill,
}

/// A key as the bindings name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum K {
    /// A plain character.
    Ch(char),
    /// Ctrl with a letter.
    Ctrl(char),
    /// Another key.
    Code(KeyCode),
}

impl K {
    /// True when the event is this key.
    pub fn matches(self, ev: &KeyEvent) -> bool {
        let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
        let alt = ev.modifiers.contains(KeyModifiers::ALT);
        match self {
            K::Ch(c) => !ctrl && !alt && ev.code == KeyCode::Char(c),
            K::Ctrl(c) => ctrl && ev.code == KeyCode::Char(c),
            K::Code(code) => !ctrl && ev.code == code,
        }
    }
}

/// One command: its keys, how the key bar writes them, what it does.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    /// What it does.
    pub action: Action,
    /// The keys.
    pub keys: &'static [K],
    /// The keys as shown.
    pub label: &'static str,
    /// Its description.
    pub desc: fn(&Strings) -> &'static str,
    /// Shown in the key bar (all are in help).
    pub in_bar: bool,
}

pub(crate) const fn b(
    action: Action,
    keys: &'static [K],
    label: &'static str,
    desc: fn(&Strings) -> &'static str,
    in_bar: bool,
) -> Binding {
    Binding {
        action,
        keys,
        label,
        desc,
        in_bar,
    }
}

use Action as A;
use KeyCode as C;

/// Keys of every screen when no text field has focus.
pub const GLOBAL: &[Binding] = &[
    b(A::NewCall, &[K::Ch('n')], "n", |s| s.k_new_call, true),
    b(A::Dashboard, &[K::Ch('0')], "0", |s| s.k_dashboard, false),
    b(
        A::Step(StepId::CollectEvidence),
        &[K::Ch('1')],
        "1-4",
        |s| s.k_steps,
        true,
    ),
    b(A::Step(StepId::Report), &[K::Ch('2')], "", |s| s.k_steps, false),
    b(
        A::Step(StepId::WarnContacts),
        &[K::Ch('3')],
        "",
        |s| s.k_steps,
        false,
    ),
    b(
        A::Step(StepId::ConsultLawyer),
        &[K::Ch('4')],
        "",
        |s| s.k_steps,
        false,
    ),
    b(A::Checklist, &[K::Ch('c')], "c", |s| s.k_checklist, false),
    b(A::Profile, &[K::Ch('p')], "p", |s| s.k_profile, false),
    b(A::Export, &[K::Ch('x')], "x", |s| s.k_export, true),
    b(A::Letters, &[K::Ch('w')], "w", |s| s.k_letters, false),
    b(A::Help, &[K::Ch('?')], "?", |s| s.k_help, true),
    b(A::SwitchLang, &[K::Ch('L')], "L", |s| s.k_lang, true),
    b(
        A::Quit,
        &[K::Ch('q'), K::Ctrl('c'), K::Ctrl('q')],
        "q",
        |s| s.k_quit,
        true,
    ),
];

pub(crate) const MOVE: Binding = b(
    A::Up,
    &[K::Code(C::Up), K::Ch('k')],
    "Up/Dn/j/k",
    |s| s.k_move,
    false,
);
pub(crate) const DOWN: Binding = b(A::Down, &[K::Code(C::Down), K::Ch('j')], "", |s| s.k_move, false);

pub(crate) const SCROLL_PAGE: [Binding; 2] = [
    b(
        A::PageUp,
        &[K::Code(C::PageUp), K::Ctrl('b')],
        "PgUp/PgDn",
        |s| s.k_scroll,
        false,
    ),
    b(
        A::PageDown,
        &[K::Code(C::PageDown), K::Ctrl('f')],
        "",
        |s| s.k_scroll,
        false,
    ),
];

/// Home / End: the top and the end of a screen's text.
pub(crate) const SCROLL_ENDS: [Binding; 2] = [
    b(A::Top, &[K::Code(C::Home)], "Home/End", |s| s.k_top_bottom, false),
    b(A::Bottom, &[K::Code(C::End)], "", |s| s.k_top_bottom, false),
];

pub(crate) const SCROLL_UP: Binding = b(
    A::Up,
    &[K::Code(C::Up), K::Ch('k')],
    "Up/Dn",
    |s| s.k_scroll,
    false,
);
pub(crate) const SCROLL_DOWN: Binding = b(
    A::Down,
    &[K::Code(C::Down), K::Ch('j')],
    "",
    |s| s.k_scroll,
    false,
);
pub(crate) const BACK: Binding = b(A::Back, &[K::Code(C::Esc)], "Esc/0", |s| s.k_back, true);
pub(crate) const NARRATIVE: Binding = b(A::Narrative, &[K::Ch('t')], "t", |s| s.k_narrative, true);
/// Step 3 and the warning message's own screen: copy the message.
pub(crate) const COPY_WARNING: Binding = b(A::CopyWarning, &[K::Ch('y')], "y", |s| s.k_copy, true);

/// Tab on a step whose list has the focus: the focus goes to the step's text.
pub const TAB_TO_TEXT: &[Binding] = &[b(A::Focus, &[K::Code(C::Tab)], "Tab", |s| s.k_focus_text, true)];

/// Tab on a step whose text has the focus: the focus goes back to the list.
pub const TAB_TO_LIST: &[Binding] = &[b(A::Focus, &[K::Code(C::Tab)], "Tab", |s| s.k_focus_list, true)];

/// An open form (before the focused field gets the key).
pub const FORM: &[Binding] = &[
    b(A::Submit, &[K::Ctrl('s')], "Ctrl-S", |s| s.k_submit, true),
    b(A::NextField, &[K::Code(C::Tab)], "Tab", |s| s.k_next_field, true),
    b(
        A::PrevField,
        &[K::Code(C::BackTab)],
        "Shift-Tab",
        |s| s.k_next_field,
        false,
    ),
    b(A::Cancel, &[K::Code(C::Esc)], "Esc", |s| s.k_cancel, true),
    b(
        A::Quit,
        &[K::Ctrl('c'), K::Ctrl('q')],
        "Ctrl-Q",
        |s| s.k_quit,
        true,
    ),
];

/// The export options form: Ctrl-S makes the packet.
pub const EXPORT_FORM: &[Binding] = &[
    b(A::Submit, &[K::Ctrl('s')], "Ctrl-S", |s| s.k_generate, true),
    b(A::NextField, &[K::Code(C::Tab)], "Tab", |s| s.k_next_field, true),
    b(
        A::PrevField,
        &[K::Code(C::BackTab)],
        "Shift-Tab",
        |s| s.k_next_field,
        false,
    ),
    b(A::Cancel, &[K::Code(C::Esc)], "Esc", |s| s.k_cancel, true),
    b(
        A::Quit,
        &[K::Ctrl('c'), K::Ctrl('q')],
        "Ctrl-Q",
        |s| s.k_quit,
        false,
    ),
];

/// A yes / no question; Enter gives the answer the question names as the default (no).
pub const CONFIRM: &[Binding] = &[
    b(
        A::Yes,
        &[K::Ch('y'), K::Ch('Y'), K::Ch('是')],
        "y/是",
        |s| s.k_yes,
        true,
    ),
    b(
        A::No,
        &[
            K::Ch('n'),
            K::Ch('N'),
            K::Ch('否'),
            K::Code(C::Esc),
            K::Code(C::Enter),
        ],
        "n/否/Enter",
        |s| s.k_no,
        true,
    ),
];

/// The key as a command: full-width letters, digits and signs (`ｎ`, `１`, `？`) and the
/// punctuation a Chinese input method puts on the same keys (`、` on `/`, `。` on `.`) read as
/// the ASCII key, so the commands work with the input method on. Text fields get the key as
/// typed, never this.
pub fn command_key(ev: KeyEvent) -> KeyEvent {
    let KeyCode::Char(c) = ev.code else {
        return ev;
    };
    let ascii = match c {
        '、' => '/',
        '。' => '.',
        '【' => '[',
        '】' => ']',
        '《' => '<',
        '》' => '>',
        '·' => '`',
        '￥' => '$',
        '‘' | '’' => '\'',
        '“' | '”' => '"',
        other => halfwidth_char(other),
    };
    KeyEvent {
        code: KeyCode::Char(ascii),
        ..ev
    }
}

/// True for a key that is a Chinese character (or other non-ASCII text) with no command: the
/// input method is on, and the user should be told so.
pub fn is_ime_text(ev: &KeyEvent) -> bool {
    matches!(command_key(*ev).code, KeyCode::Char(c) if !c.is_ascii())
}

/// True for the commands the key bar always shows, whatever the width: help, back or cancel,
/// quit, and the answers and the save of whatever is open.
pub fn is_pinned(action: Action) -> bool {
    matches!(
        action,
        Action::Help
            | Action::Back
            | Action::Cancel
            | Action::Quit
            | Action::Submit
            | Action::Yes
            | Action::No
    )
}

/// The action the first matching binding names.
pub fn find(lists: &[&[Binding]], ev: &KeyEvent) -> Option<Action> {
    lists
        .iter()
        .flat_map(|l| l.iter())
        .find(|b| b.keys.iter().any(|k| k.matches(ev)))
        .map(|b| b.action)
}

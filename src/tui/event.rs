//! The one thread that reads the terminal. It forwards key presses only (Windows also
//! reports releases), pastes and resizes; the main loop's receive timeout is the tick that
//! polls the journal for lines other processes appended.

use std::sync::mpsc::{self, Receiver};
use std::thread;

use crossterm::event::{self, Event, KeyEventKind};

use crate::tui::app::Msg;

/// Starts the reader; the channel closes when the terminal cannot be read any more.
pub fn spawn_reader() -> Receiver<Msg> {
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        loop {
            let msg = match event::read() {
                Ok(Event::Key(k)) if k.kind == KeyEventKind::Press => Msg::Key(k),
                Ok(Event::Paste(text)) => Msg::Paste(text),
                Ok(Event::Resize(w, h)) => Msg::Resize(w, h),
                Ok(_) => continue,
                Err(_) => break,
            };
            if tx.send(msg).is_err() {
                break;
            }
        }
    });
    rx
}

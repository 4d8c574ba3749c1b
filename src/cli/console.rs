//! Windows, started by double-click: Explorer gives kansa.exe a console window of its
//! own, which closes when it exits — with the reason for an error still unread. There,
//! and only there, kansa waits for Enter after an error.

use crate::i18n::Lang;

/// After an error: when no shell shares the console (kansa.exe was started from
/// Explorer), says so and waits for Enter. Elsewhere, and on other systems, nothing.
pub fn pause_if_alone(lang: Lang) {
    if started_alone() {
        eprintln!("{}", lang.messages().press_enter);
        let _ = std::io::stdin().read_line(&mut String::new());
    }
}

/// Whether this process is the only one attached to its console: a shell that
/// started kansa shares it (two or more), Explorer does not.
#[cfg(windows)]
fn started_alone() -> bool {
    use windows_sys::Win32::System::Console::GetConsoleProcessList;
    let mut processes = [0u32; 2];
    // SAFETY: the buffer holds as many ids as its length says.
    let count = unsafe { GetConsoleProcessList(processes.as_mut_ptr(), processes.len() as u32) };
    count == 1
}

#[cfg(not(windows))]
fn started_alone() -> bool {
    false
}

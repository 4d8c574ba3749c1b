//! The app: which screen is on, the moves between screens, and the terminal loop.
//! Input arrives as `Input`; each screen turns it into actions through its view's key
//! table (`keymap`), changes its own state and maybe asks for a `Step` to another
//! screen; drawing only reads state.

use std::io;
use std::time::Duration;

use ratatui::Frame;
use ratatui::crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste};
use ratatui::crossterm::execute;
use ratatui::layout::Rect;

use crate::i18n::Describe;
use crate::keymap::{self, Action};
use crate::marks::MarksDisplay;
use crate::settings::Settings;

use super::context::{Context, Input, MIN_HEIGHT, MIN_WIDTH, Step};
use super::model::OpenError;
use super::session::SessionScreen;
use super::{form, keys, list, who, wide, widgets};

pub enum Screen {
    List(Box<list::SessionList>),
    Form(Box<form::NewSessionForm>),
    Session(Box<SessionScreen>),
    Who(Box<who::WhoScreen>),
}

pub struct App {
    pub context: Context,
    pub screen: Screen,
    pub quit: bool,
    /// Started at the list (so `q` in a hearing returns there) or at one session.
    from_list: bool,
    /// The terminal's size at the last frame.
    size: Rect,
}

impl App {
    /// The app at the session list.
    pub fn at_list(context: Context) -> App {
        let screen = Screen::List(Box::new(list::SessionList::load(&context.store, context.t)));
        App {
            context,
            screen,
            quit: false,
            from_list: true,
            size: Rect::default(),
        }
    }

    /// The app at one session's hearing.
    pub fn at_session(
        context: Context,
        id: &str,
        department: Option<&str>,
    ) -> Result<App, OpenError> {
        let screen = SessionScreen::open(&context, id, department)?;
        let screen = if context.actor_chosen {
            Screen::Session(Box::new(screen))
        } else {
            let then = (id.to_string(), department.map(str::to_string), false);
            let who = who::WhoScreen::new(screen.session(), then);
            screen.close(&context);
            Screen::Who(Box::new(who))
        };
        Ok(App {
            context,
            screen,
            quit: false,
            from_list: false,
            size: Rect::default(),
        })
    }

    /// Tells the screens the terminal's size before input is handled, so that what
    /// they scroll to fits what the next frame shows.
    pub fn resize(&mut self, width: u16, height: u16) {
        self.size = Rect::new(0, 0, width, height);
        match &mut self.screen {
            Screen::Session(screen) => screen.resize(self.size, &self.context),
            Screen::List(screen) => screen.resize(self.size),
            Screen::Form(_) | Screen::Who(_) => {}
        }
    }

    pub fn handle(&mut self, input: Input) {
        if let Input::Key(event) = &input
            && keys::action_of(keymap::APP, event) == Some(Action::Quit)
        {
            // Ctrl-C leaves from anywhere, a note being typed included: it is saved.
            self.leave_screen();
            self.quit = true;
            return;
        }
        let step = match &mut self.screen {
            Screen::List(screen) => screen.handle(&input, &self.context),
            Screen::Form(screen) => screen.handle(&input, &self.context),
            Screen::Session(screen) => screen.handle(&input, &mut self.context),
            Screen::Who(screen) => match screen.handle(&input) {
                who::Chose::Nothing => Step::Stay,
                who::Chose::Back if self.from_list => Step::List,
                who::Chose::Back => Step::Quit,
                who::Chose::Name(name) => {
                    let (id, department, matrix) = screen.then.clone();
                    self.choose_actor(name);
                    Step::Open {
                        id,
                        department,
                        matrix,
                    }
                }
            },
        };
        self.go(step);
        let size = self.size;
        self.resize(size.width, size.height);
    }

    fn go(&mut self, step: Step) {
        match step {
            Step::Stay => {}
            Step::Quit if self.from_list && matches!(self.screen, Screen::Session(_)) => {
                self.go(Step::List)
            }
            Step::Quit => {
                self.leave_screen();
                self.quit = true;
            }
            Step::List => {
                self.leave_screen();
                self.screen = Screen::List(Box::new(list::SessionList::load(
                    &self.context.store,
                    self.context.t,
                )));
            }
            Step::NewSession => {
                self.screen = Screen::Form(Box::new(form::NewSessionForm::new(&self.context)))
            }
            Step::Open {
                id,
                department,
                matrix,
            } if !self.context.actor_chosen => self.ask_who(id, department, matrix),
            Step::Open {
                id,
                department,
                matrix,
            } => self.open(&id, department.as_deref(), matrix),
        }
    }

    /// Puts session `id` on screen, or says on the list why it cannot be.
    fn open(&mut self, id: &str, department: Option<&str>, matrix: bool) {
        match SessionScreen::open(&self.context, id, department) {
            Ok(mut screen) => {
                if matrix {
                    screen.show_matrix();
                }
                screen.returns_to_list = self.from_list;
                self.leave_screen();
                self.screen = Screen::Session(Box::new(screen));
            }
            Err(reason) => {
                if let Screen::List(list) = &mut self.screen {
                    list.problem = Some(reason.describe(self.context.t.messages));
                }
            }
        }
    }

    /// Asks who is working before opening session `id`, from its people.
    fn ask_who(&mut self, id: String, department: Option<String>, matrix: bool) {
        match self.context.store.load(&id) {
            Ok(session) => {
                let who = who::WhoScreen::new(&session, (id, department, matrix));
                self.screen = Screen::Who(Box::new(who));
            }
            Err(e) => {
                if let Screen::List(list) = &mut self.screen {
                    let reason = e.describe(self.context.t.messages);
                    list.problem = Some((self.context.t.cannot_open)(&reason));
                }
            }
        }
    }

    /// Remembers who is working, for this run and the next.
    fn choose_actor(&mut self, name: String) {
        let remembered = name.clone();
        // A settings file that cannot be written only costs asking again next time.
        let _ = Settings::update(&self.context.data_dir, |s| s.auditor = Some(remembered));
        self.context.actor = name;
        self.context.actor_chosen = true;
    }

    /// Lets the current screen finish its business (save a note, release the lock).
    fn leave_screen(&mut self) {
        let placeholder = Screen::List(Box::default());
        if let Screen::Session(screen) = std::mem::replace(&mut self.screen, placeholder) {
            screen.close(&self.context);
        }
    }

    pub fn draw(&self, frame: &mut Frame) {
        let area = frame.area();
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            widgets::too_small(frame, self.context.t);
        } else {
            self.draw_screen(frame, area);
        }
        if self.context.marks == MarksDisplay::Wide {
            wide::fit(frame.buffer_mut());
        }
        if !self.context.colors {
            widgets::without_colors(frame.buffer_mut());
        }
    }

    fn draw_screen(&self, frame: &mut Frame, area: Rect) {
        match &self.screen {
            Screen::List(screen) => screen.draw(frame, area, self.context.t),
            Screen::Form(screen) => screen.draw(frame, area, self.context.t),
            Screen::Session(screen) => screen.draw(frame, area, &self.context),
            Screen::Who(screen) => screen.draw(frame, area, self.context.t),
        }
    }

    /// Which view is on screen and how marks are drawn: when this changes, the
    /// terminal is cleared before the next frame.
    fn view(&self) -> (u8, bool, MarksDisplay) {
        let (kind, matrix) = match &self.screen {
            Screen::List(_) => (0, false),
            Screen::Form(_) => (1, false),
            Screen::Session(screen) => (2, screen.is_showing_matrix()),
            Screen::Who(_) => (3, false),
        };
        (kind, matrix, self.context.marks)
    }

    /// The session on screen, if any.
    pub fn hearing(&self) -> Option<&SessionScreen> {
        match &self.screen {
            Screen::Session(screen) => Some(screen),
            _ => None,
        }
    }

    /// Hands over the session on screen, for tests that reach into the store.
    #[cfg(feature = "testkit")]
    pub fn hearing_mut(&mut self) -> Option<&mut SessionScreen> {
        match &mut self.screen {
            Screen::Session(screen) => Some(screen),
            _ => None,
        }
    }
}

/// Runs the app in the terminal until it quits; restores the terminal on every path.
pub fn run(mut app: App) -> io::Result<()> {
    let mut terminal = ratatui::try_init()?;
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(io::stdout(), DisableBracketedPaste);
        hook(info);
    }));
    let _ = execute!(io::stdout(), EnableBracketedPaste);
    let result = event_loop(&mut terminal, &mut app);
    app.go(Step::Quit);
    let _ = execute!(io::stdout(), DisableBracketedPaste);
    ratatui::restore();
    result
}

fn event_loop(terminal: &mut ratatui::DefaultTerminal, app: &mut App) -> io::Result<()> {
    while !app.quit {
        let size = terminal.size()?;
        app.resize(size.width, size.height);
        terminal.draw(|frame| app.draw(frame))?;
        let input = if event::poll(Duration::from_millis(500))? {
            match keys::input_of(event::read()?) {
                Some(input) => input,
                None => continue,
            }
        } else {
            Input::Tick
        };
        let before = app.view();
        app.handle(input);
        if app.view() != before {
            // Cells left to a wide mark are never written; a new view must not
            // inherit what the old one drew there.
            terminal.clear()?;
        }
    }
    Ok(())
}

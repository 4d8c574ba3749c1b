//! The command line read in the user's language: clap's derived command with its help
//! texts, headings and placeholders taken from the language tables at run time, and
//! its usage errors worded from them too (English keeps clap's own).

use std::ffi::OsString;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, CommandFactory, FromArgMatches};

use super::args::Cli;
use crate::i18n::{Describe, HelpWords, Lang};
use crate::language::Language;

/// The command line of this process, or the process ends as clap ends it (help,
/// version, a usage error), in the language the arguments, the saved choice or the
/// OS choose.
pub fn parse() -> Cli {
    let args: Vec<OsString> = std::env::args_os().collect();
    let lang = language_before_parsing(&args);
    let Some(words) = lang.help_words() else {
        return Cli::parse_from_args(args);
    };
    let result = localized(Cli::command(), words)
        .try_get_matches_from(args)
        .and_then(|matches| Cli::from_arg_matches(&matches));
    match result {
        Ok(cli) => cli,
        Err(error)
            if matches!(
                error.kind(),
                ErrorKind::DisplayHelp
                    | ErrorKind::DisplayVersion
                    | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
            ) =>
        {
            error.exit()
        }
        Err(error) => {
            eprintln!("kansa: {}", usage_error(&error, words));
            eprintln!("{}", words.try_help);
            std::process::exit(2)
        }
    }
}

impl Cli {
    fn parse_from_args(args: Vec<OsString>) -> Cli {
        <Cli as clap::Parser>::parse_from(args)
    }
}

/// `--lang` as given (its value checked later by clap), else the saved choice in the
/// data directory `--data-dir` or KANSA_DATA_DIR names, else the OS's language.
fn language_before_parsing(args: &[OsString]) -> Lang {
    let value_of = |name: &str| {
        let long = format!("--{name}");
        let with = format!("--{name}=");
        args.iter().enumerate().find_map(|(n, arg)| {
            let arg = arg.to_str()?;
            if arg == long {
                args.get(n + 1).and_then(|v| v.to_str()).map(str::to_string)
            } else {
                arg.strip_prefix(&with).map(str::to_string)
            }
        })
    };
    let flag = value_of("lang").and_then(|v| match v.as_str() {
        "ja" => Some(Lang::Ja),
        "en" => Some(Lang::En),
        _ => None,
    });
    let dir = value_of("data-dir")
        .map(Into::into)
        .or_else(|| std::env::var_os("KANSA_DATA_DIR").map(Into::into));
    let saved: Option<Language> = crate::store::Store::data_dir(dir)
        .and_then(|dir| crate::settings::Settings::load(&dir).ok())
        .and_then(|settings| settings.lang);
    Lang::choose(flag, saved)
}

/// The derived command with every text the tables have, built first so that clap's
/// own help and version options and help command are there to be worded.
pub fn localized(mut command: clap::Command, words: &'static HelpWords) -> clap::Command {
    command.build();
    localize(command, "", words)
}

fn localize(command: clap::Command, path: &str, words: &'static HelpWords) -> clap::Command {
    let about = (words.text)(path);
    let mut command = command
        .help_template(words.template)
        .subcommand_help_heading(words.commands)
        .subcommand_value_name(words.command_placeholder)
        .mut_args(|arg| localize_arg(arg, path, words));
    if let Some(about) = about {
        command = command.about(about).long_about(None);
    }
    command.mut_subcommands(|sub| {
        let name = sub.get_name().to_string();
        if name == "help" {
            return sub.about(words.help_command).help_template(words.template);
        }
        let path = if path.is_empty() {
            name
        } else {
            format!("{path} {name}")
        };
        localize(sub, &path, words)
    })
}

fn localize_arg(arg: Arg, path: &str, words: &'static HelpWords) -> Arg {
    let id = arg.get_id().as_str().to_string();
    let heading = if arg.is_positional() {
        words.arguments
    } else {
        words.options
    };
    let mut extra = String::new();
    let mut arg = match id.as_str() {
        "help" => arg.help(words.help_flag).long_help(words.help_flag),
        "version" => arg.help(words.version_flag),
        _ => {
            match (words.text)(&format!("{path}:{id}")).or_else(|| (words.text)(&format!(":{id}")))
            {
                Some(text) => arg.help(text),
                None => arg,
            }
        }
    };
    let values: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_string())
        .collect();
    if !values.is_empty() && arg.get_action().takes_values() {
        extra.push_str(&(words.values)(&values.join(", ")));
        arg = arg.hide_possible_values(true);
    }
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().to_string())
        .collect();
    if !defaults.is_empty() {
        extra.push_str(&(words.default)(&defaults.join(", ")));
        arg = arg.hide_default_value(true);
    }
    if let Some(env) = arg.get_env() {
        extra.push_str(&(words.env)(&env.to_string_lossy()));
        arg = arg.hide_env(true);
    }
    if !extra.is_empty() {
        let help = arg.get_help().map(|h| h.to_string()).unwrap_or_default();
        arg = arg.help(format!("{help}{extra}"));
    }
    let names: Option<Vec<clap::builder::Str>> = arg.get_value_names().map(|names| {
        names
            .iter()
            .map(|n| (words.placeholder)(n.as_str()).map_or_else(|| n.clone(), Into::into))
            .collect()
    });
    match names {
        Some(names) => arg.value_names(names),
        None if arg.is_positional() => {
            let upper = id.to_uppercase();
            match (words.placeholder)(&upper) {
                Some(name) => arg.value_name(name),
                None => arg,
            }
        }
        None => arg,
    }
    .help_heading(heading)
}

/// A usage error in the table's words, naming what was given.
pub fn usage_error(error: &clap::Error, words: &HelpWords) -> String {
    let context = |kind: ContextKind| match error.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(s)) => s.join(", "),
        Some(ContextValue::StyledStr(s)) => s.to_string(),
        Some(ContextValue::StyledStrs(s)) => s
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", "),
        Some(ContextValue::Number(n)) => n.to_string(),
        _ => String::new(),
    };
    match error.kind() {
        ErrorKind::InvalidSubcommand => {
            (words.unknown_command)(&context(ContextKind::InvalidSubcommand))
        }
        ErrorKind::UnknownArgument => (words.unknown_option)(&context(ContextKind::InvalidArg)),
        // The one value checked by a parser of ours is a date: its reason, in Japanese.
        ErrorKind::ValueValidation => {
            let value = context(ContextKind::InvalidValue);
            match crate::wareki::parse(&value) {
                Err(reason) => reason.localized(Lang::Ja),
                Ok(_) => (words.bad_value)(&value, &context(ContextKind::InvalidArg), ""),
            }
        }
        ErrorKind::InvalidValue => (words.bad_value)(
            &context(ContextKind::InvalidValue),
            &context(ContextKind::InvalidArg),
            &context(ContextKind::ValidValue),
        ),
        ErrorKind::MissingRequiredArgument | ErrorKind::MissingSubcommand => {
            (words.missing)(&context(ContextKind::InvalidArg))
        }
        ErrorKind::ArgumentConflict => (words.conflict)(&format!(
            "{}, {}",
            context(ContextKind::InvalidArg),
            context(ContextKind::PriorArg)
        )),
        _ => words.other.to_string(),
    }
}

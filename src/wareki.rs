//! The Japanese era calendar (和暦): dates written as the seed writes them
//! (令和6年9月27日（金）), and dates read from what people type (2024/9/27,
//! 令和6年9月27日, R6.9.27, full-width digits too). chrono has no eras.
//!
//! Eras are converted from 明治6年1月1日 (1873-01-01) on: Japan used a lunisolar
//! calendar before that day, so earlier era dates have no Gregorian date by offset.

use std::fmt;

use chrono::{Datelike, NaiveDate, Weekday};

/// An era of the modern calendar, oldest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Era {
    Meiji,
    Taisho,
    Showa,
    Heisei,
    Reiwa,
}

/// `NaiveDate::from_ymd_opt` at compile time: a wrong constant fails the build.
const fn day(year: i32, month: u32, day: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(date) => date,
        None => panic!("not a date"),
    }
}

/// The first day era dates are converted for: the Gregorian calendar's adoption.
pub const FIRST_SUPPORTED: NaiveDate = day(1873, 1, 1);

impl Era {
    pub const ALL: [Era; 5] = [Era::Meiji, Era::Taisho, Era::Showa, Era::Heisei, Era::Reiwa];

    pub fn name(self) -> &'static str {
        match self {
            Era::Meiji => "明治",
            Era::Taisho => "大正",
            Era::Showa => "昭和",
            Era::Heisei => "平成",
            Era::Reiwa => "令和",
        }
    }

    /// The letter of the short form (R6.9.27).
    pub fn letter(self) -> char {
        match self {
            Era::Meiji => 'M',
            Era::Taisho => 'T',
            Era::Showa => 'S',
            Era::Heisei => 'H',
            Era::Reiwa => 'R',
        }
    }

    /// The first day of the era (元年). 明治 began in 1868, before the calendar change.
    pub fn first_day(self) -> NaiveDate {
        match self {
            Era::Meiji => day(1868, 1, 25),
            Era::Taisho => day(1912, 7, 30),
            Era::Showa => day(1926, 12, 25),
            Era::Heisei => day(1989, 1, 8),
            Era::Reiwa => day(2019, 5, 1),
        }
    }

    /// The last day of the era; None for the current one.
    pub fn last_day(self) -> Option<NaiveDate> {
        let next = Era::ALL.into_iter().find(|e| *e > self)?;
        next.first_day().pred_opt()
    }

    /// The Gregorian year of the era's first year (元年).
    fn first_year(self) -> i32 {
        self.first_day().year()
    }

    /// The era a date belongs to; None before `FIRST_SUPPORTED`.
    pub fn of(date: NaiveDate) -> Option<Era> {
        if date < FIRST_SUPPORTED {
            return None;
        }
        Era::ALL
            .into_iter()
            .rev()
            .find(|era| era.first_day() <= date)
    }
}

impl fmt::Display for Era {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A date as the era calendar writes it: era, year of the era (1 is 元年), month, day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JapaneseDate {
    pub era: Era,
    pub year: u32,
    pub month: u32,
    pub day: u32,
}

impl JapaneseDate {
    /// The era form of a date; None before `FIRST_SUPPORTED`.
    pub fn from_date(date: NaiveDate) -> Option<JapaneseDate> {
        let era = Era::of(date)?;
        let year = u32::try_from(date.year() - era.first_year() + 1).ok()?;
        Some(JapaneseDate {
            era,
            year,
            month: date.month(),
            day: date.day(),
        })
    }

    /// The Gregorian date, checking that the day exists and lies within the era.
    pub fn to_date(self) -> Result<NaiveDate, DateError> {
        let year = i32::try_from(self.year)
            .ok()
            .and_then(|y| y.checked_add(self.era.first_year() - 1));
        let date = year.and_then(|y| NaiveDate::from_ymd_opt(y, self.month, self.day));
        let date = match date {
            Some(date) if self.year > 0 => date,
            _ => return Err(DateError::NoSuchDay(self.to_string())),
        };
        if date < FIRST_SUPPORTED {
            return Err(DateError::BeforeGregorian(self));
        }
        let after_end = self.era.last_day().is_some_and(|last| date > last);
        if date < self.era.first_day() || after_end {
            return Err(DateError::OutsideEra(self));
        }
        Ok(date)
    }
}

impl fmt::Display for JapaneseDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let era = self.era.name();
        match self.year {
            1 => write!(f, "{era}元年{}月{}日", self.month, self.day),
            year => write!(f, "{era}{year}年{}月{}日", self.month, self.day),
        }
    }
}

/// Why typed text is not a date: the facts, worded by the language tables (`i18n`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    Empty,
    Unrecognised(String),
    /// A day that does not exist, as written (2024-02-30, 令和6年2月30日).
    NoSuchDay(String),
    /// A date written in an era it is not in (平成32年…).
    OutsideEra(JapaneseDate),
    BeforeGregorian(JapaneseDate),
    WeekdayMismatch {
        date: NaiveDate,
        written: char,
        actual: char,
    },
}

/// The weekday as the seed writes it in parentheses: 月 火 水 木 金 土 日.
pub fn weekday(date: NaiveDate) -> char {
    match date.weekday() {
        Weekday::Mon => '月',
        Weekday::Tue => '火',
        Weekday::Wed => '水',
        Weekday::Thu => '木',
        Weekday::Fri => '金',
        Weekday::Sat => '土',
        Weekday::Sun => '日',
    }
}

/// 令和6年9月27日; ISO (1872-12-31) before `FIRST_SUPPORTED`, which has no era form.
pub fn format(date: NaiveDate) -> String {
    match JapaneseDate::from_date(date) {
        Some(japanese) => japanese.to_string(),
        None => date.format("%Y-%m-%d").to_string(),
    }
}

/// 令和6年9月27日（金）, as the seed writes the audit date.
pub fn format_with_weekday(date: NaiveDate) -> String {
    format!("{}（{}）", format(date), weekday(date))
}

/// Reads a date as people type it: `2024-09-27`, `2024/9/27`, `2024年9月27日`,
/// `令和6年9月27日` (元年 too), `R6.9.27`, `H31.4.30`; full-width digits and letters,
/// and a weekday suffix such as `（金）`, which must be the date's.
pub fn parse(input: &str) -> Result<NaiveDate, DateError> {
    let normal = normalise(input);
    let text = normal.trim();
    if text.is_empty() {
        return Err(DateError::Empty);
    }
    let unrecognised = || DateError::Unrecognised(input.trim().to_string());
    let (text, written_weekday) = split_weekday(text);
    let (era, rest) = match split_era(text) {
        Some((era, rest)) => (Some(era), rest),
        None => (None, text),
    };
    let tokens = tokenise(rest).ok_or_else(unrecognised)?;
    let (year, month, day) = year_month_day(&tokens, era.is_some()).ok_or_else(unrecognised)?;
    let date = match era {
        Some(era) => JapaneseDate {
            era,
            year,
            month,
            day,
        }
        .to_date()?,
        None => i32::try_from(year)
            .ok()
            .and_then(|y| NaiveDate::from_ymd_opt(y, month, day))
            .ok_or_else(|| DateError::NoSuchDay(format!("{year}-{month:02}-{day:02}")))?,
    };
    match written_weekday {
        Some(written) if written != weekday(date) => Err(DateError::WeekdayMismatch {
            date,
            written,
            actual: weekday(date),
        }),
        _ => Ok(date),
    }
}

/// Full-width ASCII (what an IME types) as ASCII, ideographic space and dashes plain.
fn normalise(input: &str) -> String {
    input
        .chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
            _ => c,
        })
        .collect()
}

/// Splits a trailing weekday, `(金)`, `(金曜)` or `(金曜日)`, off the text.
fn split_weekday(text: &str) -> (&str, Option<char>) {
    let Some(inner) = text.strip_suffix(')') else {
        return (text, None);
    };
    let Some(open) = inner.rfind('(') else {
        return (text, None);
    };
    let words = inner[open + 1..].trim();
    let words = words.trim_end_matches("曜日").trim_end_matches('曜');
    let mut chars = words.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if "月火水木金土日".contains(c) => {
            (inner[..open].trim_end(), Some(c))
        }
        _ => (text, None),
    }
}

/// The era written first, by name (令和) or letter (R, r), and the rest.
fn split_era(text: &str) -> Option<(Era, &str)> {
    if let Some(found) = Era::ALL
        .into_iter()
        .find_map(|era| text.strip_prefix(era.name()).map(|rest| (era, rest)))
    {
        return Some(found);
    }
    let first = text.chars().next()?.to_ascii_uppercase();
    let era = Era::ALL.into_iter().find(|era| era.letter() == first)?;
    Some((era, &text[1..]))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Token {
    /// A number and how many digits it was written with.
    Number(u32, usize),
    /// 元, the first year of an era.
    First,
    Separator(char),
}

/// Numbers, 元 and separators; None on anything else or a number too long to be one.
fn tokenise(text: &str) -> Option<Vec<Token>> {
    let mut tokens = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            ' ' | '\t' => {}
            '元' => tokens.push(Token::First),
            '年' | '月' | '日' | '.' | '/' | '-' => tokens.push(Token::Separator(c)),
            '0'..='9' => {
                let mut digits = c.to_string();
                while let Some(d) = chars.next_if(char::is_ascii_digit) {
                    digits.push(d);
                }
                if digits.len() > 6 {
                    return None;
                }
                tokens.push(Token::Number(digits.parse().ok()?, digits.len()));
            }
            _ => return None,
        }
    }
    Some(tokens)
}

/// Year, month and day from `Y年M月D日` (日 optional) or `Y.M.D` with one separator of
/// `. / -`. A Gregorian year has four digits; an era year may be 元.
fn year_month_day(tokens: &[Token], era: bool) -> Option<(u32, u32, u32)> {
    use Token::{First, Number, Separator};
    let (year, rest) = match tokens.split_first()? {
        (First, rest) if era => (1, rest),
        (Number(year, digits), rest) if era || *digits == 4 => (*year, rest),
        _ => return None,
    };
    match rest {
        [Separator('年'), Number(m, _), Separator('月'), Number(d, _)]
        | [
            Separator('年'),
            Number(m, _),
            Separator('月'),
            Number(d, _),
            Separator('日'),
        ] => Some((year, *m, *d)),
        [Separator(a), Number(m, _), Separator(b), Number(d, _)]
            if a == b && ".-/".contains(*a) =>
        {
            Some((year, *m, *d))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn the_seeds_date_is_written_as_the_seed_writes_it() {
        assert_eq!(
            format_with_weekday(ymd(2024, 9, 27)),
            "令和6年9月27日（金）"
        );
        assert_eq!(format(ymd(2024, 9, 27)), "令和6年9月27日");
        assert_eq!(
            format_with_weekday(ymd(2024, 10, 15)),
            "令和6年10月15日（火）"
        );
    }

    #[test]
    fn every_era_boundary_is_written_with_the_right_era_and_gannen() {
        let cases = [
            (ymd(1873, 1, 1), "明治6年1月1日"),
            (ymd(1912, 7, 29), "明治45年7月29日"),
            (ymd(1912, 7, 30), "大正元年7月30日"),
            (ymd(1926, 12, 24), "大正15年12月24日"),
            (ymd(1926, 12, 25), "昭和元年12月25日"),
            (ymd(1989, 1, 7), "昭和64年1月7日"),
            (ymd(1989, 1, 8), "平成元年1月8日"),
            (ymd(1989, 12, 31), "平成元年12月31日"),
            (ymd(1990, 1, 1), "平成2年1月1日"),
            (ymd(2019, 4, 30), "平成31年4月30日"),
            (ymd(2019, 5, 1), "令和元年5月1日"),
            (ymd(2019, 12, 31), "令和元年12月31日"),
            (ymd(2020, 1, 1), "令和2年1月1日"),
        ];
        for (date, written) in cases {
            assert_eq!(format(date), written, "{date}");
            assert_eq!(parse(written), Ok(date), "{written}");
        }
    }

    #[test]
    fn before_the_gregorian_calendar_there_is_no_era_form() {
        assert_eq!(format(ymd(1872, 12, 31)), "1872-12-31");
        assert_eq!(Era::of(ymd(1872, 12, 31)), None);
        assert!(matches!(
            parse("明治5年12月31日"),
            Err(DateError::BeforeGregorian(_))
        ));
        assert_eq!(Era::Meiji.last_day(), Some(ymd(1912, 7, 29)));
        assert_eq!(Era::Reiwa.last_day(), None);
    }

    #[test]
    fn what_people_type_is_read() {
        let seed = ymd(2024, 9, 27);
        for typed in [
            "2024-09-27",
            "2024/9/27",
            "2024.9.27",
            "2024年9月27日",
            "令和6年9月27日",
            "令和6年9月27日（金）",
            "令和6年9月27日(金曜日)",
            "令和 6 年 9 月 27 日",
            "令和６年９月２７日（金）",
            "R6.9.27",
            "r6/9/27",
            "Ｒ６．９．２７",
            "R06-09-27",
            "  2024－09－27　",
        ] {
            assert_eq!(parse(typed), Ok(seed), "{typed:?}");
        }
        assert_eq!(parse("H31.4.30"), Ok(ymd(2019, 4, 30)));
        assert_eq!(parse("令和元年5月1日"), Ok(ymd(2019, 5, 1)));
        assert_eq!(parse("R元.5.1"), Ok(ymd(2019, 5, 1)));
        assert_eq!(parse("S64.1.7"), Ok(ymd(1989, 1, 7)));
        assert_eq!(parse("平成元年1月8日"), Ok(ymd(1989, 1, 8)));
    }

    #[test]
    fn dates_outside_their_era_are_refused_by_name() {
        for typed in [
            "平成31年5月1日",
            "H31.5.1",
            "令和元年4月30日",
            "昭和64年1月8日",
            "平成元年1月7日",
            "大正元年7月29日",
            "大正15年12月25日",
            "昭和元年12月24日",
        ] {
            assert!(
                matches!(parse(typed), Err(DateError::OutsideEra(_))),
                "{typed}: {:?}",
                parse(typed)
            );
        }
        let error = parse("平成31年5月1日").unwrap_err();
        assert_eq!(
            error.to_string(),
            "平成31年5月1日 is not a date of 平成: 平成 ran from 平成元年1月8日 to 平成31年4月30日"
        );
    }

    #[test]
    fn impossible_and_unreadable_dates_are_refused() {
        assert_eq!(parse(""), Err(DateError::Empty));
        assert_eq!(parse("　"), Err(DateError::Empty));
        assert!(matches!(
            parse("令和6年2月30日"),
            Err(DateError::NoSuchDay(_))
        ));
        assert!(matches!(
            parse("令和0年5月1日"),
            Err(DateError::NoSuchDay(_))
        ));
        assert!(matches!(parse("2023-02-29"), Err(DateError::NoSuchDay(_))));
        assert_eq!(parse("2024-02-29"), Ok(ymd(2024, 2, 29)));
        for typed in [
            "明日",
            "24/9/27",
            "2024-9/27",
            "2024年9月",
            "R6.9",
            "X6.9.27",
            "令和6年9月27日（金",
            "2024-09-27 10:00",
            "99999999999999999999-1-1",
        ] {
            assert!(
                matches!(parse(typed), Err(DateError::Unrecognised(_))),
                "{typed}: {:?}",
                parse(typed)
            );
        }
    }

    #[test]
    fn a_weekday_that_is_not_the_dates_is_refused() {
        assert_eq!(
            parse("令和6年9月27日（木）"),
            Err(DateError::WeekdayMismatch {
                date: ymd(2024, 9, 27),
                written: '木',
                actual: '金'
            })
        );
        assert_eq!(
            parse("令和6年9月27日（木）").unwrap_err().to_string(),
            "令和6年9月27日 is a 金曜日, not a 木曜日"
        );
    }

    #[test]
    fn every_day_from_meiji_6_to_2100_reads_back_as_written() {
        let mut date = FIRST_SUPPORTED;
        while date.year() <= 2100 {
            assert_eq!(parse(&format_with_weekday(date)), Ok(date), "{date}");
            date = date.succ_opt().unwrap();
        }
    }
}

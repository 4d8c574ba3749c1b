//! The rules of points, bands, answer fields, severities, department lists and
//! answer conditions: independent of the file's syntax, so a checklist read from a
//! spreadsheet is held to them too and its problems point at cells.

use super::definition::Checklist;
use super::items::{Condition, Item};
use super::rule::Rule;
use super::scale::Band;

impl Checklist {
    /// The rules of points, bands, answer fields, severities, department lists and
    /// answer conditions. Independent of the file's syntax, so a checklist read from a
    /// spreadsheet is held to them too and its problems point at cells.
    pub fn check(&self) -> Result<(), Broken> {
        self.check_marks()?;
        self.check_fields()?;
        self.check_bands()?;
        for (n, (_, item)) in self.items().enumerate() {
            self.check_departments(n, item)?;
            self.check_answer_conditions(n, item)?;
        }
        Ok(())
    }

    fn check_marks(&self) -> Result<(), Broken> {
        for (n, mark) in self.scale.iter().enumerate() {
            let at = |part| Place::Mark(n, part);
            match mark.severity {
                Some(_) if !mark.meaning.is_failing() => {
                    return Broken::at(
                        at(MarkPart::Severity),
                        Rule::SeverityNotFailing {
                            symbol: mark.symbol.clone(),
                            meaning: mark.meaning,
                        },
                    );
                }
                Some(0) => {
                    return Broken::at(at(MarkPart::Severity), Rule::ZeroSeverity);
                }
                _ => {}
            }
            if mark.points.is_some() && !mark.meaning.is_applicable() {
                return Broken::at(
                    at(MarkPart::Points),
                    Rule::PointsNotApplicable(mark.symbol.clone()),
                );
            }
            if self.lacks_not_applicable() && mark.symbol == self.not_applicable().symbol {
                let rule = Rule::OutOfScopeTaken(mark.symbol.clone());
                return Broken::at(at(MarkPart::Symbol), rule);
            }
            if let Some(id) = mark.asks.iter().find(|id| self.field(id).is_none()) {
                let known = self.fields.iter().map(|f| f.id.clone()).collect();
                let rule = Rule::UnknownField {
                    id: id.clone(),
                    known,
                };
                return Broken::at(at(MarkPart::Asks), rule);
            }
        }
        Ok(())
    }

    fn check_fields(&self) -> Result<(), Broken> {
        for (n, field) in self.fields.iter().enumerate() {
            if field.id.trim().is_empty() {
                return Broken::at(Place::Field(n), Rule::EmptyFieldId);
            }
            if self.fields[..n].iter().any(|f| f.id == field.id) {
                return Broken::at(Place::Field(n), Rule::DuplicateFieldId(field.id.clone()));
            }
        }
        Ok(())
    }

    fn check_bands(&self) -> Result<(), Broken> {
        if !self.bands.is_empty() && !self.has_points() {
            return Broken::at(Place::Band(0), Rule::BandsWithoutPoints);
        }
        for (n, band) in self.bands.iter().enumerate() {
            if let (Some(from), Some(to)) = (band.from, band.to)
                && from > to
            {
                let rule = Rule::BandBackwards {
                    label: band.label.clone(),
                    from,
                    to,
                };
                return Broken::at(Place::Band(n), rule);
            }
            let overlaps = |other: &Band| {
                band.from.is_none_or(|f| other.to.is_none_or(|t| f <= t))
                    && band.to.is_none_or(|t| other.from.is_none_or(|f| f <= t))
            };
            if let (Some(from), Some(top)) = (band.from, self.band_top())
                && from > top
            {
                let rule = Rule::BandOutOfReach {
                    label: band.label.clone(),
                    from,
                    top,
                    unit: self.band_unit,
                };
                return Broken::at(Place::Band(n), rule);
            }
            if let Some(other) = self.bands[..n].iter().find(|b| overlaps(b)) {
                let rule = Rule::BandsOverlap {
                    label: band.label.clone(),
                    other: other.label.clone(),
                };
                return Broken::at(Place::Band(n), rule);
            }
        }
        self.check_band_gaps()
    }

    /// Scores are whole percents: each band must start just after the one below it
    /// ends, or some score would read as no band.
    fn check_band_gaps(&self) -> Result<(), Broken> {
        let mut order: Vec<usize> = (0..self.bands.len()).collect();
        order.sort_by_key(|&n| self.bands[n].from.unwrap_or(i32::MIN));
        for pair in order.windows(2) {
            let (below, above) = (&self.bands[pair[0]], &self.bands[pair[1]]);
            if let (Some(to), Some(from)) = (below.to, above.from)
                && to + 1 < from
            {
                let rule = Rule::BandsGap {
                    below: below.label.clone(),
                    above: above.label.clone(),
                    from: to + 1,
                    to: from - 1,
                };
                return Broken::at(Place::Band(pair[1]), rule);
            }
        }
        Ok(())
    }

    fn check_departments(&self, n: usize, item: &Item) -> Result<(), Broken> {
        let listed = |name: &String| {
            self.departments
                .iter()
                .any(|d| d.name == *name || d.short == *name)
        };
        match item.departments.iter().find(|name| !listed(name)) {
            Some(name) => Broken::at(
                Place::Item(n, ItemPart::Departments),
                Rule::NotOnRoster {
                    item: item.id.clone(),
                    department: name.clone(),
                },
            ),
            None => Ok(()),
        }
    }

    /// A condition on answers refers to an earlier item (so one pass in checklist order
    /// settles every gate, and no two items can wait on each other) and to a mark of the
    /// scale, and the scale has a 該当なし to give the items it hides.
    fn check_answer_conditions(&self, n: usize, item: &Item) -> Result<(), Broken> {
        let at = Place::Item(n, ItemPart::Applies);
        let mut conditions = Vec::new();
        item.applies.answers(&mut conditions);
        for condition in conditions {
            let (Condition::Answer(gate, _) | Condition::AnswerMeans(gate, _)) = condition else {
                continue;
            };
            match self.item_index(gate) {
                None => {
                    let rule = Rule::NoGate {
                        gate: gate.clone(),
                        item: item.id.clone(),
                    };
                    return Broken::at(at, rule);
                }
                Some(g) if g >= n => {
                    let rule = Rule::GateNotBefore {
                        item: item.id.clone(),
                        gate: gate.clone(),
                    };
                    return Broken::at(at, rule);
                }
                Some(_) => {}
            }
            if let Condition::Answer(_, symbol) = condition
                && self.mark(symbol).is_none()
            {
                let known = self.scale.iter().map(|m| m.symbol.clone()).collect();
                let rule = Rule::UnknownGateMark {
                    symbol: symbol.clone(),
                    known,
                };
                return Broken::at(at, rule);
            }
        }
        Ok(())
    }
}

/// Where in a checklist a problem lies, whatever file it came from: the RON loader
/// turns it into a line and column, the spreadsheet import into a cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// A mark of the scale, by index, and its field at fault.
    Mark(usize, MarkPart),
    /// An item, by index in checklist order, and its field at fault.
    Item(usize, ItemPart),
    Band(usize),
    Field(usize),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkPart {
    Symbol,
    Severity,
    Points,
    Asks,
}

impl MarkPart {
    pub(crate) fn field(self) -> &'static str {
        match self {
            MarkPart::Symbol => "symbol:",
            MarkPart::Severity => "severity:",
            MarkPart::Points => "points:",
            MarkPart::Asks => "asks:",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemPart {
    Applies,
    Departments,
}

impl ItemPart {
    pub(crate) fn field(self) -> &'static str {
        match self {
            ItemPart::Applies => "applies:",
            ItemPart::Departments => "departments:",
        }
    }
}

/// A broken rule of the checklist's scale, bands, fields or conditions, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Broken {
    pub place: Place,
    pub rule: Rule,
}

impl Broken {
    fn at(place: Place, rule: Rule) -> Result<(), Broken> {
        Err(Broken { place, rule })
    }
}

//! Components: the `BEGIN:X` … `END:X` nesting of content lines.

use super::lines::Property;
use crate::error::Result;
use crate::import::Source;

/// A component (`VCALENDAR`, `VEVENT`, `VTIMEZONE`, …) with its properties and sub-components.
#[derive(Debug, Clone)]
pub(super) struct Component {
    /// Upper-case, e.g. `VEVENT`.
    pub name: String,
    /// Byte offset of its `BEGIN` line.
    pub offset: usize,
    pub properties: Vec<Property>,
    pub children: Vec<Component>,
}

impl Component {
    /// The first property called `name` (upper-case).
    pub fn get(&self, name: &str) -> Option<&Property> {
        self.properties.iter().find(|p| p.name == name)
    }

    /// Every property called `name`.
    pub fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Property> + 'a {
        self.properties.iter().filter(move |p| p.name == name)
    }

    /// Sub-components called `name`.
    pub fn children<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Component> + 'a {
        self.children.iter().filter(move |c| c.name == name)
    }
}

/// Nests content lines into the file's `VCALENDAR`s (files that concatenate several are read
/// whole). Mismatched or missing `END` lines, which is what truncation looks like, are errors.
pub(super) fn calendars(source: &Source<'_>, lines: Vec<Property>) -> Result<Vec<Component>> {
    let mut done = Vec::new();
    let mut open: Vec<Component> = Vec::new();
    for line in lines {
        match line.name.as_str() {
            "BEGIN" => {
                let name = line.value.trim().to_ascii_uppercase();
                if open.is_empty() && name != "VCALENDAR" {
                    return Err(source.syntax(
                        line.offset,
                        format!("expected BEGIN:VCALENDAR, found BEGIN:{name}"),
                    ));
                }
                open.push(Component {
                    name,
                    offset: line.offset,
                    properties: Vec::new(),
                    children: Vec::new(),
                });
            }
            "END" => {
                let name = line.value.trim().to_ascii_uppercase();
                let Some(component) = open.pop() else {
                    return Err(
                        source.syntax(line.offset, format!("END:{name} without a BEGIN:{name}"))
                    );
                };
                if component.name != name {
                    return Err(source.syntax(
                        line.offset,
                        format!(
                            "END:{name} does not close BEGIN:{} from line {}",
                            component.name,
                            source.at(component.offset).line
                        ),
                    ));
                }
                match open.last_mut() {
                    Some(parent) => parent.children.push(component),
                    None => done.push(component),
                }
            }
            _ => match open.last_mut() {
                Some(component) => component.properties.push(line),
                None => {
                    return Err(source.syntax(
                        line.offset,
                        format!(
                            "expected BEGIN:VCALENDAR, found {}: this is not an iCalendar file",
                            line.name
                        ),
                    ))
                }
            },
        }
    }
    if let Some(component) = open.last() {
        return Err(source.syntax(
            source.text.len(),
            format!(
                "the file ends inside BEGIN:{} from line {}: it is truncated or lacks END:{}",
                component.name,
                source.at(component.offset).line,
                component.name
            ),
        ));
    }
    if done.is_empty() {
        return Err(source.syntax(0, "no BEGIN:VCALENDAR: the file is empty"));
    }
    Ok(done)
}

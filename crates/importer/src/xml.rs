//! A small XML tree reader shared by the readers of the index and PCS tables files.
//!
//! Those files are a few megabytes and their structure is what matters, so reading them into a tree first keeps
//! each reader's schema logic readable. Depth is capped so that a hostile file cannot exhaust the stack, and
//! positions are kept so that errors can name a line and column.

use std::borrow::Cow;

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

/// The deepest nesting the tree reader accepts; real files nest about ten deep.
pub(crate) const MAX_DEPTH: usize = 64;

/// An XML element with its attributes and children, and where it starts in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Element {
    /// The element name as written, e.g. `mainTerm`.
    pub(crate) name: String,
    /// Attribute names and their unescaped values, in document order.
    pub(crate) attributes: Vec<(String, String)>,
    /// Child elements and text, in document order.
    pub(crate) children: Vec<Node>,
    /// Byte offset of the element's `<` in the text, for error messages.
    pub(crate) offset: usize,
}

/// A child of an [`Element`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Node {
    /// A nested element.
    Element(Element),
    /// Unescaped character data (text or CDATA).
    Text(String),
}

/// Why the tree could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum TreeError {
    /// Not well-formed XML, at a byte offset.
    Xml { offset: usize, message: String },
    /// Nested deeper than [`MAX_DEPTH`], at a byte offset.
    TooDeep { offset: usize },
}

impl Element {
    /// The value of attribute `name`, if present.
    pub(crate) fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }

    /// The child elements, skipping text.
    pub(crate) fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|node| match node {
            Node::Element(element) => Some(element),
            Node::Text(_) => None,
        })
    }

    /// All the text inside the element and its descendants, concatenated (elements become a space).
    pub(crate) fn text(&self) -> String {
        let mut out = String::new();
        self.collect_text(&mut out);
        out
    }

    fn collect_text(&self, out: &mut String) {
        for node in &self.children {
            match node {
                Node::Text(text) => out.push_str(text),
                Node::Element(element) => {
                    out.push(' ');
                    element.collect_text(out);
                    out.push(' ');
                }
            }
        }
    }
}

/// Reads well-formed XML into a tree and returns its root element.
pub(crate) fn parse_tree(xml: &str) -> Result<Element, TreeError> {
    let mut reader = Reader::from_str(xml);
    reader.config_mut().trim_text(false);
    let mut stack: Vec<Element> = Vec::new();
    let mut root: Option<Element> = None;
    loop {
        let offset = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
        let event = reader.read_event().map_err(|e| TreeError::Xml {
            offset: usize::try_from(reader.error_position()).unwrap_or(offset),
            message: e.to_string(),
        })?;
        match event {
            Event::Start(start) => {
                if stack.len() >= MAX_DEPTH {
                    return Err(TreeError::TooDeep { offset });
                }
                stack.push(element_from(&reader, &start, offset)?);
            }
            Event::Empty(start) => {
                let element = element_from(&reader, &start, offset)?;
                attach(&mut stack, &mut root, element, offset)?;
            }
            Event::End(_) => {
                // quick-xml has already checked that the end tag matches the open one.
                let Some(element) = stack.pop() else {
                    return Err(TreeError::Xml {
                        offset,
                        message: "a closing tag has no opening tag".to_owned(),
                    });
                };
                attach(&mut stack, &mut root, element, offset)?;
            }
            Event::Text(text) => {
                let text = text.unescape().map_err(|e| TreeError::Xml {
                    offset,
                    message: e.to_string(),
                })?;
                add_text(&mut stack, root.as_ref(), text, offset)?;
            }
            Event::CData(data) => {
                let text = String::from_utf8_lossy(&data.into_inner()).into_owned();
                add_text(&mut stack, root.as_ref(), Cow::Owned(text), offset)?;
            }
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) => {}
            Event::Eof => break,
        }
    }
    if let Some(open) = stack.last() {
        return Err(TreeError::Xml {
            offset: xml.len(),
            message: format!("the file ends before <{}> is closed", open.name),
        });
    }
    root.ok_or(TreeError::Xml {
        offset: 0,
        message: "there is no root element".to_owned(),
    })
}

fn element_from(
    reader: &Reader<&[u8]>,
    start: &BytesStart<'_>,
    offset: usize,
) -> Result<Element, TreeError> {
    let name = String::from_utf8_lossy(start.name().as_ref()).into_owned();
    let mut attributes = Vec::new();
    for attribute in start.attributes() {
        let attribute = attribute.map_err(|e| TreeError::Xml {
            offset,
            message: e.to_string(),
        })?;
        let key = String::from_utf8_lossy(attribute.key.as_ref()).into_owned();
        let value = attribute
            .decode_and_unescape_value(reader.decoder())
            .map_err(|e| TreeError::Xml {
                offset,
                message: e.to_string(),
            })?
            .into_owned();
        attributes.push((key, value));
    }
    Ok(Element {
        name,
        attributes,
        children: Vec::new(),
        offset,
    })
}

fn attach(
    stack: &mut [Element],
    root: &mut Option<Element>,
    element: Element,
    offset: usize,
) -> Result<(), TreeError> {
    if let Some(parent) = stack.last_mut() {
        parent.children.push(Node::Element(element));
        Ok(())
    } else if root.is_none() {
        *root = Some(element);
        Ok(())
    } else {
        Err(TreeError::Xml {
            offset,
            message: format!("a second root element <{}> follows the first", element.name),
        })
    }
}

fn add_text(
    stack: &mut [Element],
    root: Option<&Element>,
    text: Cow<'_, str>,
    offset: usize,
) -> Result<(), TreeError> {
    if let Some(parent) = stack.last_mut() {
        parent.children.push(Node::Text(text.into_owned()));
        Ok(())
    } else if text.trim().is_empty() {
        Ok(())
    } else {
        let place = if root.is_some() { "after" } else { "before" };
        Err(TreeError::Xml {
            offset,
            message: format!("text appears {place} the root element"),
        })
    }
}

/// The 1-based line and column (in characters) of a byte offset, for error messages.
pub(crate) fn line_column(xml: &str, offset: usize) -> (usize, usize) {
    let mut end = offset.min(xml.len());
    while !xml.is_char_boundary(end) {
        end -= 1;
    }
    let before = &xml[..end];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}


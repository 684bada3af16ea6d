//! The IDL attributes and operations of Node, Element, HTMLElement and its
//! per-element interfaces, CharacterData, Text, DocumentFragment and Document, as
//! accessors and methods on their prototypes (so `HTMLParagraphElement {}` has no own
//! properties, like a jsdom wrapper). Attributes are computed from the node on every
//! read; reflected content attributes (`id`, `title`, `hidden`, `href`...) read and
//! write the element's attribute list. Form controls keep their value, checkedness
//! and selectedness as HTML specifies.

use super::collections::{self, ListSrc, TokenAttr};
use super::node::{self, Cache, NodeData};
use super::{html, select, url};
use crate::heap::{NativeCall, NativeFnPtr};
use crate::interp::{Res, Vm};
use crate::value::{utf16_len, utf16_slice, ObjRef, Value};

const HTML_NS: &str = "http://www.w3.org/1999/xhtml";

/// Per interface: read-only attributes and read-write attributes, dispatched by name.
const PROPS: &[(&str, &[&str], &[&str])] = &[
    (
        "Node",
        &[
            "nodeType",
            "nodeName",
            "baseURI",
            "isConnected",
            "ownerDocument",
            "parentNode",
            "parentElement",
            "childNodes",
            "firstChild",
            "lastChild",
            "previousSibling",
            "nextSibling",
        ],
        &["nodeValue", "textContent"],
    ),
    (
        "Element",
        &[
            "namespaceURI",
            "prefix",
            "localName",
            "tagName",
            "attributes",
            "shadowRoot",
            "children",
            "firstElementChild",
            "lastElementChild",
            "childElementCount",
            "previousElementSibling",
            "nextElementSibling",
            "clientTop",
            "clientLeft",
            "clientWidth",
            "clientHeight",
            "scrollWidth",
            "scrollHeight",
        ],
        &[
            "innerHTML",
            "outerHTML",
            "scrollTop",
            "scrollLeft",
            "classList",
        ],
    ),
    (
        "HTMLElement",
        &[
            "dataset",
            "offsetParent",
            "offsetTop",
            "offsetLeft",
            "offsetWidth",
            "offsetHeight",
        ],
        &["style", "tabIndex", "draggable"],
    ),
    (
        "CharacterData",
        &["length", "previousElementSibling", "nextElementSibling"],
        &["data"],
    ),
    ("Text", &["wholeText"], &[]),
    (
        "DocumentFragment",
        &[
            "children",
            "firstElementChild",
            "lastElementChild",
            "childElementCount",
        ],
        &[],
    ),
    ("DocumentType", &["name", "publicId", "systemId"], &[]),
    (
        "Document",
        &[
            "URL",
            "documentURI",
            "compatMode",
            "characterSet",
            "charset",
            "inputEncoding",
            "contentType",
            "doctype",
            "documentElement",
            "head",
            "images",
            "links",
            "forms",
            "scripts",
            "defaultView",
            "activeElement",
            "hidden",
            "visibilityState",
            "readyState",
            "referrer",
            "lastModified",
            "currentScript",
            "children",
            "firstElementChild",
            "lastElementChild",
            "childElementCount",
        ],
        &["title", "body", "cookie"],
    ),
    (
        "HTMLInputElement",
        &[
            "form",
            "files",
            "labels",
            "willValidate",
            "validationMessage",
        ],
        &["value", "checked", "type", "indeterminate", "valueAsNumber"],
    ),
    (
        "HTMLTextAreaElement",
        &["form", "type", "textLength", "labels"],
        &["value", "defaultValue"],
    ),
    (
        "HTMLSelectElement",
        &[
            "form",
            "type",
            "options",
            "selectedOptions",
            "labels",
            "length",
        ],
        &["value", "selectedIndex"],
    ),
    (
        "HTMLOptionElement",
        &["form", "index"],
        &["value", "text", "label", "selected"],
    ),
    ("HTMLButtonElement", &["form", "labels"], &["type"]),
    ("HTMLFieldSetElement", &["form", "type"], &[]),
    ("HTMLOutputElement", &["form", "type"], &["value"]),
    ("HTMLFormElement", &["elements", "length"], &["method"]),
    ("HTMLLabelElement", &["form", "control"], &[]),
    (
        "HTMLAnchorElement",
        &["origin", "relList"],
        &[
            "text", "protocol", "host", "hostname", "port", "pathname", "search", "hash",
        ],
    ),
    (
        "HTMLImageElement",
        &["naturalWidth", "naturalHeight", "complete", "currentSrc"],
        &[],
    ),
    (
        "HTMLTableElement",
        &["rows", "tBodies"],
        &["tHead", "tFoot", "caption"],
    ),
    ("HTMLTableSectionElement", &["rows"], &[]),
    (
        "HTMLTableRowElement",
        &["rowIndex", "sectionRowIndex", "cells"],
        &[],
    ),
    ("HTMLTableCellElement", &["cellIndex"], &[]),
    ("HTMLScriptElement", &[], &["text"]),
    ("HTMLTitleElement", &[], &["text"]),
    ("HTMLLinkElement", &["relList"], &[]),
];

/// How a reflected content attribute converts.
#[derive(Clone, Copy)]
enum R {
    Str,
    Bool,
    Url,
    /// A `long` with its default.
    Long(i32),
    /// An `unsigned long` with its default.
    ULong(u32),
}

/// One reflected attribute: (IDL name, content attribute, conversion).
type Reflected = (&'static str, &'static str, R);

/// Per interface: its reflected attributes.
const REFLECT: &[(&str, &[Reflected])] = &[
    (
        "Element",
        &[
            ("id", "id", R::Str),
            ("className", "class", R::Str),
            ("slot", "slot", R::Str),
        ],
    ),
    (
        "HTMLElement",
        &[
            ("title", "title", R::Str),
            ("lang", "lang", R::Str),
            ("dir", "dir", R::Str),
            ("accessKey", "accesskey", R::Str),
            ("hidden", "hidden", R::Bool),
            ("autofocus", "autofocus", R::Bool),
            ("nonce", "nonce", R::Str),
        ],
    ),
    (
        "HTMLAnchorElement",
        &[
            ("href", "href", R::Url),
            ("target", "target", R::Str),
            ("download", "download", R::Str),
            ("rel", "rel", R::Str),
            ("hreflang", "hreflang", R::Str),
            ("type", "type", R::Str),
            ("ping", "ping", R::Str),
        ],
    ),
    (
        "HTMLAreaElement",
        &[
            ("href", "href", R::Url),
            ("alt", "alt", R::Str),
            ("target", "target", R::Str),
        ],
    ),
    (
        "HTMLImageElement",
        &[
            ("src", "src", R::Url),
            ("alt", "alt", R::Str),
            ("srcset", "srcset", R::Str),
            ("sizes", "sizes", R::Str),
            ("useMap", "usemap", R::Str),
            ("isMap", "ismap", R::Bool),
            ("width", "width", R::ULong(0)),
            ("height", "height", R::ULong(0)),
            ("loading", "loading", R::Str),
        ],
    ),
    (
        "HTMLInputElement",
        &[
            ("accept", "accept", R::Str),
            ("alt", "alt", R::Str),
            ("autocomplete", "autocomplete", R::Str),
            ("defaultChecked", "checked", R::Bool),
            ("dirName", "dirname", R::Str),
            ("disabled", "disabled", R::Bool),
            ("max", "max", R::Str),
            ("maxLength", "maxlength", R::Long(-1)),
            ("min", "min", R::Str),
            ("minLength", "minlength", R::Long(-1)),
            ("multiple", "multiple", R::Bool),
            ("name", "name", R::Str),
            ("pattern", "pattern", R::Str),
            ("placeholder", "placeholder", R::Str),
            ("readOnly", "readonly", R::Bool),
            ("required", "required", R::Bool),
            ("size", "size", R::ULong(20)),
            ("src", "src", R::Url),
            ("step", "step", R::Str),
            ("defaultValue", "value", R::Str),
        ],
    ),
    (
        "HTMLButtonElement",
        &[
            ("disabled", "disabled", R::Bool),
            ("name", "name", R::Str),
            ("value", "value", R::Str),
        ],
    ),
    (
        "HTMLSelectElement",
        &[
            ("disabled", "disabled", R::Bool),
            ("multiple", "multiple", R::Bool),
            ("name", "name", R::Str),
            ("required", "required", R::Bool),
            ("size", "size", R::ULong(0)),
        ],
    ),
    (
        "HTMLOptionElement",
        &[
            ("disabled", "disabled", R::Bool),
            ("defaultSelected", "selected", R::Bool),
        ],
    ),
    (
        "HTMLOptGroupElement",
        &[
            ("disabled", "disabled", R::Bool),
            ("label", "label", R::Str),
        ],
    ),
    (
        "HTMLTextAreaElement",
        &[
            ("cols", "cols", R::ULong(20)),
            ("rows", "rows", R::ULong(2)),
            ("disabled", "disabled", R::Bool),
            ("maxLength", "maxlength", R::Long(-1)),
            ("minLength", "minlength", R::Long(-1)),
            ("name", "name", R::Str),
            ("placeholder", "placeholder", R::Str),
            ("readOnly", "readonly", R::Bool),
            ("required", "required", R::Bool),
            ("wrap", "wrap", R::Str),
        ],
    ),
    (
        "HTMLFormElement",
        &[
            ("acceptCharset", "accept-charset", R::Str),
            ("action", "action", R::Url),
            ("autocomplete", "autocomplete", R::Str),
            ("enctype", "enctype", R::Str),
            ("name", "name", R::Str),
            ("noValidate", "novalidate", R::Bool),
            ("target", "target", R::Str),
            ("rel", "rel", R::Str),
        ],
    ),
    (
        "HTMLFieldSetElement",
        &[("disabled", "disabled", R::Bool), ("name", "name", R::Str)],
    ),
    ("HTMLOutputElement", &[("name", "name", R::Str)]),
    ("HTMLLabelElement", &[("htmlFor", "for", R::Str)]),
    ("HTMLLIElement", &[("value", "value", R::Long(0))]),
    (
        "HTMLOListElement",
        &[
            ("reversed", "reversed", R::Bool),
            ("start", "start", R::Long(1)),
            ("type", "type", R::Str),
        ],
    ),
    (
        "HTMLTableCellElement",
        &[
            ("colSpan", "colspan", R::ULong(1)),
            ("rowSpan", "rowspan", R::ULong(1)),
            ("headers", "headers", R::Str),
            ("scope", "scope", R::Str),
            ("abbr", "abbr", R::Str),
        ],
    ),
    (
        "HTMLScriptElement",
        &[
            ("src", "src", R::Url),
            ("type", "type", R::Str),
            ("defer", "defer", R::Bool),
            ("noModule", "nomodule", R::Bool),
            ("integrity", "integrity", R::Str),
        ],
    ),
    (
        "HTMLLinkElement",
        &[
            ("href", "href", R::Url),
            ("rel", "rel", R::Str),
            ("media", "media", R::Str),
            ("type", "type", R::Str),
            ("hreflang", "hreflang", R::Str),
        ],
    ),
    (
        "HTMLMetaElement",
        &[
            ("name", "name", R::Str),
            ("content", "content", R::Str),
            ("httpEquiv", "http-equiv", R::Str),
        ],
    ),
    (
        "HTMLIFrameElement",
        &[
            ("src", "src", R::Url),
            ("name", "name", R::Str),
            ("width", "width", R::Str),
            ("height", "height", R::Str),
        ],
    ),
    (
        "HTMLCanvasElement",
        &[
            ("width", "width", R::ULong(300)),
            ("height", "height", R::ULong(150)),
        ],
    ),
    (
        "HTMLMediaElement",
        &[
            ("src", "src", R::Url),
            ("autoplay", "autoplay", R::Bool),
            ("controls", "controls", R::Bool),
            ("loop", "loop", R::Bool),
        ],
    ),
    ("HTMLDetailsElement", &[("open", "open", R::Bool)]),
    ("HTMLDialogElement", &[("open", "open", R::Bool)]),
    ("HTMLProgressElement", &[("max", "max", R::Str)]),
    ("HTMLDataElement", &[("value", "value", R::Str)]),
    ("HTMLTimeElement", &[("dateTime", "datetime", R::Str)]),
    ("HTMLQuoteElement", &[("cite", "cite", R::Url)]),
    (
        "HTMLModElement",
        &[("cite", "cite", R::Url), ("dateTime", "datetime", R::Str)],
    ),
];

/// The HTML element interfaces and their parents.
pub const HTML_INTERFACES: &[(&str, &str)] = &[
    ("HTMLUnknownElement", "HTMLElement"),
    ("HTMLAnchorElement", "HTMLElement"),
    ("HTMLAreaElement", "HTMLElement"),
    ("HTMLMediaElement", "HTMLElement"),
    ("HTMLAudioElement", "HTMLMediaElement"),
    ("HTMLVideoElement", "HTMLMediaElement"),
    ("HTMLBRElement", "HTMLElement"),
    ("HTMLBaseElement", "HTMLElement"),
    ("HTMLBodyElement", "HTMLElement"),
    ("HTMLButtonElement", "HTMLElement"),
    ("HTMLCanvasElement", "HTMLElement"),
    ("HTMLDListElement", "HTMLElement"),
    ("HTMLDataElement", "HTMLElement"),
    ("HTMLDataListElement", "HTMLElement"),
    ("HTMLDetailsElement", "HTMLElement"),
    ("HTMLDialogElement", "HTMLElement"),
    ("HTMLDivElement", "HTMLElement"),
    ("HTMLEmbedElement", "HTMLElement"),
    ("HTMLFieldSetElement", "HTMLElement"),
    ("HTMLFormElement", "HTMLElement"),
    ("HTMLHeadingElement", "HTMLElement"),
    ("HTMLHeadElement", "HTMLElement"),
    ("HTMLHRElement", "HTMLElement"),
    ("HTMLHtmlElement", "HTMLElement"),
    ("HTMLIFrameElement", "HTMLElement"),
    ("HTMLImageElement", "HTMLElement"),
    ("HTMLInputElement", "HTMLElement"),
    ("HTMLLabelElement", "HTMLElement"),
    ("HTMLLegendElement", "HTMLElement"),
    ("HTMLLIElement", "HTMLElement"),
    ("HTMLLinkElement", "HTMLElement"),
    ("HTMLMapElement", "HTMLElement"),
    ("HTMLMenuElement", "HTMLElement"),
    ("HTMLMetaElement", "HTMLElement"),
    ("HTMLMeterElement", "HTMLElement"),
    ("HTMLModElement", "HTMLElement"),
    ("HTMLObjectElement", "HTMLElement"),
    ("HTMLOListElement", "HTMLElement"),
    ("HTMLOptGroupElement", "HTMLElement"),
    ("HTMLOptionElement", "HTMLElement"),
    ("HTMLOutputElement", "HTMLElement"),
    ("HTMLParagraphElement", "HTMLElement"),
    ("HTMLParamElement", "HTMLElement"),
    ("HTMLPictureElement", "HTMLElement"),
    ("HTMLPreElement", "HTMLElement"),
    ("HTMLProgressElement", "HTMLElement"),
    ("HTMLQuoteElement", "HTMLElement"),
    ("HTMLScriptElement", "HTMLElement"),
    ("HTMLSelectElement", "HTMLElement"),
    ("HTMLSlotElement", "HTMLElement"),
    ("HTMLSourceElement", "HTMLElement"),
    ("HTMLSpanElement", "HTMLElement"),
    ("HTMLStyleElement", "HTMLElement"),
    ("HTMLTableCaptionElement", "HTMLElement"),
    ("HTMLTableCellElement", "HTMLElement"),
    ("HTMLTableColElement", "HTMLElement"),
    ("HTMLTableElement", "HTMLElement"),
    ("HTMLTableRowElement", "HTMLElement"),
    ("HTMLTableSectionElement", "HTMLElement"),
    ("HTMLTemplateElement", "HTMLElement"),
    ("HTMLTextAreaElement", "HTMLElement"),
    ("HTMLTimeElement", "HTMLElement"),
    ("HTMLTitleElement", "HTMLElement"),
    ("HTMLTrackElement", "HTMLElement"),
    ("HTMLUListElement", "HTMLElement"),
];

/// The interface of an HTML element by local name.
pub fn interface_for(local: &str) -> &'static str {
    match local {
        "a" => "HTMLAnchorElement",
        "area" => "HTMLAreaElement",
        "audio" => "HTMLAudioElement",
        "video" => "HTMLVideoElement",
        "br" => "HTMLBRElement",
        "base" => "HTMLBaseElement",
        "body" => "HTMLBodyElement",
        "button" => "HTMLButtonElement",
        "canvas" => "HTMLCanvasElement",
        "dl" => "HTMLDListElement",
        "data" => "HTMLDataElement",
        "datalist" => "HTMLDataListElement",
        "details" => "HTMLDetailsElement",
        "dialog" => "HTMLDialogElement",
        "div" => "HTMLDivElement",
        "embed" => "HTMLEmbedElement",
        "fieldset" => "HTMLFieldSetElement",
        "form" => "HTMLFormElement",
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => "HTMLHeadingElement",
        "head" => "HTMLHeadElement",
        "hr" => "HTMLHRElement",
        "html" => "HTMLHtmlElement",
        "iframe" => "HTMLIFrameElement",
        "img" => "HTMLImageElement",
        "input" => "HTMLInputElement",
        "label" => "HTMLLabelElement",
        "legend" => "HTMLLegendElement",
        "li" => "HTMLLIElement",
        "link" => "HTMLLinkElement",
        "map" => "HTMLMapElement",
        "menu" => "HTMLMenuElement",
        "meta" => "HTMLMetaElement",
        "meter" => "HTMLMeterElement",
        "del" | "ins" => "HTMLModElement",
        "object" => "HTMLObjectElement",
        "ol" => "HTMLOListElement",
        "optgroup" => "HTMLOptGroupElement",
        "option" => "HTMLOptionElement",
        "output" => "HTMLOutputElement",
        "p" => "HTMLParagraphElement",
        "param" => "HTMLParamElement",
        "picture" => "HTMLPictureElement",
        "pre" | "listing" | "xmp" => "HTMLPreElement",
        "progress" => "HTMLProgressElement",
        "blockquote" | "q" => "HTMLQuoteElement",
        "script" => "HTMLScriptElement",
        "select" => "HTMLSelectElement",
        "slot" => "HTMLSlotElement",
        "source" => "HTMLSourceElement",
        "span" => "HTMLSpanElement",
        "style" => "HTMLStyleElement",
        "caption" => "HTMLTableCaptionElement",
        "td" | "th" => "HTMLTableCellElement",
        "col" | "colgroup" => "HTMLTableColElement",
        "table" => "HTMLTableElement",
        "tr" => "HTMLTableRowElement",
        "thead" | "tbody" | "tfoot" => "HTMLTableSectionElement",
        "template" => "HTMLTemplateElement",
        "textarea" => "HTMLTextAreaElement",
        "time" => "HTMLTimeElement",
        "title" => "HTMLTitleElement",
        "track" => "HTMLTrackElement",
        "ul" => "HTMLUListElement",
        "abbr" | "address" | "article" | "aside" | "b" | "bdi" | "bdo" | "cite" | "code" | "dd"
        | "dfn" | "dt" | "em" | "figcaption" | "figure" | "footer" | "header" | "hgroup" | "i"
        | "kbd" | "main" | "mark" | "nav" | "noscript" | "rp" | "rt" | "ruby" | "s" | "samp"
        | "search" | "section" | "small" | "strong" | "sub" | "summary" | "sup" | "u" | "var"
        | "wbr" | "center" | "big" | "tt" | "nobr" => "HTMLElement",
        l if l.contains('-') => "HTMLElement",
        _ => "HTMLUnknownElement",
    }
}

// ---- form-control state ----

/// Elements that have a form owner and appear in `form.elements`.
pub fn is_listed(local: &str) -> bool {
    matches!(
        local,
        "button" | "fieldset" | "input" | "object" | "output" | "select" | "textarea"
    )
}

pub fn is_form_control(local: &str) -> bool {
    matches!(
        local,
        "button" | "input" | "select" | "textarea" | "option" | "optgroup" | "fieldset"
    )
}

/// An input's `type` (the attribute when it names a known type, else `text`).
pub fn input_type(vm: &Vm, o: ObjRef) -> String {
    sanitize_type(&node::get_attr(vm, o, "type").unwrap_or_default())
}

/// A button's `type` (`submit` unless `reset` or `button`).
pub fn button_type(vm: &Vm, o: ObjRef) -> String {
    let t = node::get_attr(vm, o, "type")
        .unwrap_or_default()
        .to_ascii_lowercase();
    match t.as_str() {
        "reset" | "button" => t,
        _ => "submit".into(),
    }
}

pub fn is_checked(vm: &Vm, o: ObjRef) -> bool {
    match node::elem(vm, o) {
        Some(e) if e.local == "input" => e.checked.unwrap_or(e.attr("checked").is_some()),
        Some(e) if e.local == "option" => is_selected(vm, o),
        _ => false,
    }
}

pub fn set_checked(vm: &mut Vm, o: ObjRef, v: bool) {
    if v && input_type(vm, o) == "radio" {
        if let Some(other) = checked_radio_in_group(vm, o) {
            if let Some(e) = node::elem_mut(vm, other) {
                e.checked = Some(false);
            }
        }
    }
    if let Some(e) = node::elem_mut(vm, o) {
        e.checked = Some(v);
    }
}

/// The other checked radio button of `o`'s group, if any.
pub fn checked_radio_in_group(vm: &Vm, o: ObjRef) -> Option<ObjRef> {
    let name = node::get_attr(vm, o, "name").filter(|n| !n.is_empty())?;
    let scope = form_owner(vm, o).unwrap_or_else(|| node::root(vm, o));
    node::descendants(vm, scope).into_iter().find(|r| {
        *r != o
            && node::local(vm, *r) == Some("input")
            && input_type(vm, *r) == "radio"
            && node::get_attr(vm, *r, "name").as_deref() == Some(name.as_str())
            && is_checked(vm, *r)
    })
}

/// True for a disabled form control (its own attribute or a disabled fieldset).
pub fn is_disabled(vm: &Vm, o: ObjRef) -> bool {
    let Some(e) = node::elem(vm, o) else {
        return false;
    };
    if !is_form_control(&e.local) {
        return false;
    }
    if e.attr("disabled").is_some() {
        return true;
    }
    let mut cur = node::parent(vm, o);
    while let Some(p) = cur {
        if node::local(vm, p) == Some("fieldset") && node::has_attr(vm, p, "disabled") {
            return true;
        }
        cur = node::parent(vm, p);
    }
    false
}

/// The form a listed element belongs to (its `form` attribute or nearest ancestor).
pub fn form_owner(vm: &Vm, o: ObjRef) -> Option<ObjRef> {
    if let Some(id) = node::get_attr(vm, o, "form") {
        return get_element_by_id(vm, node::root(vm, o), &id)
            .filter(|f| node::local(vm, *f) == Some("form"));
    }
    let mut cur = node::parent(vm, o);
    while let Some(p) = cur {
        if node::local(vm, p) == Some("form") {
            return Some(p);
        }
        cur = node::parent(vm, p);
    }
    None
}

/// The control a label is for.
pub fn labeled_control(vm: &Vm, label: ObjRef) -> Option<ObjRef> {
    if let Some(id) = node::get_attr(vm, label, "for") {
        return get_element_by_id(vm, node::root(vm, label), &id);
    }
    node::descendants(vm, label).into_iter().find(|d| {
        node::local(vm, *d).is_some_and(|l| matches!(l, "input" | "select" | "textarea" | "button"))
    })
}

/// A form's reset: every control back to its default.
pub fn reset_form(vm: &mut Vm, form: ObjRef) -> Res<()> {
    let ok = super::events::fire(vm, form, "Event", "reset", (true, true, false), vec![])?;
    if !ok {
        return Ok(());
    }
    for d in node::descendants(vm, form) {
        if let Some(e) = node::elem_mut(vm, d) {
            e.value = None;
            e.checked = None;
            e.selected = None;
        }
    }
    Ok(())
}

/// The options of a select.
fn options_of(vm: &Vm, sel: ObjRef) -> Vec<ObjRef> {
    collections::items(vm, &ListSrc::Options(sel))
}

/// The select an option belongs to.
fn select_of(vm: &Vm, opt: ObjRef) -> Option<ObjRef> {
    let p = node::parent(vm, opt)?;
    match node::local(vm, p) {
        Some("select") => Some(p),
        Some("optgroup") => node::parent(vm, p).filter(|g| node::local(vm, *g) == Some("select")),
        _ => None,
    }
}

fn own_selectedness(vm: &Vm, opt: ObjRef) -> bool {
    node::elem(vm, opt).is_some_and(|e| e.selected.unwrap_or(e.attr("selected").is_some()))
}

/// The selected option's index of a single select (the last selected option, else
/// the first enabled one unless script deselected everything), or -1.
fn selected_index(vm: &Vm, sel: ObjRef) -> i64 {
    let opts = options_of(vm, sel);
    if let Some(i) = opts.iter().rposition(|o| own_selectedness(vm, *o)) {
        return i as i64;
    }
    if node::has_attr(vm, sel, "multiple") {
        return -1;
    }
    let all_dirty = !opts.is_empty()
        && opts
            .iter()
            .all(|o| node::elem(vm, *o).is_some_and(|e| e.selected.is_some()));
    if all_dirty {
        return -1;
    }
    opts.iter()
        .position(|o| !node::has_attr(vm, *o, "disabled"))
        .map(|i| i as i64)
        .unwrap_or(-1)
}

pub fn is_selected(vm: &Vm, opt: ObjRef) -> bool {
    match select_of(vm, opt) {
        Some(sel) if !node::has_attr(vm, sel, "multiple") => {
            let i = selected_index(vm, sel);
            i >= 0 && options_of(vm, sel).get(i as usize) == Some(&opt)
        }
        _ => own_selectedness(vm, opt),
    }
}

fn set_selected_index(vm: &mut Vm, sel: ObjRef, idx: i64) {
    for (i, o) in options_of(vm, sel).into_iter().enumerate() {
        if let Some(e) = node::elem_mut(vm, o) {
            e.selected = Some(i as i64 == idx);
        }
    }
}

fn option_value(vm: &Vm, o: ObjRef) -> String {
    node::get_attr(vm, o, "value").unwrap_or_else(|| option_text(vm, o))
}

/// An option's text: its descendant text with whitespace collapsed.
fn option_text(vm: &Vm, o: ObjRef) -> String {
    node::descendant_text(vm, o)
        .split_ascii_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// An input's value by its type's value mode.
fn input_value(vm: &Vm, o: ObjRef) -> String {
    let t = input_type(vm, o);
    let e = node::elem(vm, o);
    match t.as_str() {
        "checkbox" | "radio" => node::get_attr(vm, o, "value").unwrap_or_else(|| "on".into()),
        "hidden" | "submit" | "image" | "reset" | "button" => {
            node::get_attr(vm, o, "value").unwrap_or_default()
        }
        "file" => String::new(),
        _ => e
            .and_then(|e| e.value.clone())
            .unwrap_or_else(|| sanitize(&t, &node::get_attr(vm, o, "value").unwrap_or_default())),
    }
}

/// HTML's value sanitization for a few input types.
fn sanitize(ty: &str, v: &str) -> String {
    match ty {
        "text" | "search" | "tel" | "password" => v.replace(['\r', '\n'], ""),
        "url" | "email" => v.replace(['\r', '\n'], "").trim().to_string(),
        "number" => {
            if v.trim() == v && !v.is_empty() && v.parse::<f64>().is_ok_and(|n| n.is_finite()) {
                v.to_string()
            } else {
                String::new()
            }
        }
        "color" => {
            let l = v.to_ascii_lowercase();
            if l.len() == 7 && l.starts_with('#') && l[1..].chars().all(|c| c.is_ascii_hexdigit()) {
                l
            } else {
                "#000000".into()
            }
        }
        _ => v.to_string(),
    }
}

/// An input's value mode for its type.
#[derive(PartialEq)]
enum ValueMode {
    Value,
    Default,
    DefaultOn,
    Filename,
}

fn value_mode(ty: &str) -> ValueMode {
    match ty {
        "checkbox" | "radio" => ValueMode::DefaultOn,
        "hidden" | "submit" | "image" | "reset" | "button" => ValueMode::Default,
        "file" => ValueMode::Filename,
        _ => ValueMode::Value,
    }
}

/// The attribute change steps that matter here: an input's `type` change moves its
/// value between the dirty value and the `value` attribute.
pub fn attribute_changed(vm: &mut Vm, o: ObjRef, name: &str, old: Option<&str>) {
    if name != "type" || node::local(vm, o) != Some("input") {
        return;
    }
    let old_ty = sanitize_type(old.unwrap_or(""));
    let new_ty = input_type(vm, o);
    let (from, to) = (value_mode(&old_ty), value_mode(&new_ty));
    if from == to {
        return;
    }
    let dirty = node::elem(vm, o).and_then(|e| e.value.clone());
    match (from, to) {
        (ValueMode::Value, ValueMode::Default | ValueMode::DefaultOn) => {
            if let Some(v) = dirty.filter(|v| !v.is_empty()) {
                node::set_attr(vm, o, "value", &v);
            }
        }
        (_, ValueMode::Filename)
        | (ValueMode::Default | ValueMode::DefaultOn, ValueMode::Value) => {
            if let Some(e) = node::elem_mut(vm, o) {
                e.value = None;
            }
        }
        _ => {}
    }
}

/// The input type an attribute value names (`text` for unknown ones).
fn sanitize_type(t: &str) -> String {
    let t = t.to_ascii_lowercase();
    match t.as_str() {
        "hidden" | "text" | "search" | "tel" | "url" | "email" | "password" | "date" | "month"
        | "week" | "time" | "datetime-local" | "number" | "range" | "color" | "checkbox"
        | "radio" | "file" | "submit" | "image" | "reset" | "button" => t,
        _ => "text".into(),
    }
}

fn set_input_value(vm: &mut Vm, o: ObjRef, v: &str) -> Res<()> {
    let t = input_type(vm, o);
    match t.as_str() {
        "checkbox" | "radio" | "hidden" | "submit" | "image" | "reset" | "button" => {
            node::set_attr(vm, o, "value", v)
        }
        "file" => {
            if !v.is_empty() {
                return Err(super::exception(
                    vm,
                    "InvalidStateError",
                    "This input element accepts a filename, which may only be programmatically set to the empty string.",
                ));
            }
        }
        _ => {
            let s = sanitize(&t, v);
            if let Some(e) = node::elem_mut(vm, o) {
                e.value = Some(s);
            }
        }
    }
    Ok(())
}

// ---- tree queries ----

/// The first element with `id` under `root` (tree order).
pub fn get_element_by_id(vm: &Vm, root: ObjRef, id: &str) -> Option<ObjRef> {
    if id.is_empty() {
        return None;
    }
    node::descendants(vm, root)
        .into_iter()
        .find(|d| node::elem(vm, *d).and_then(|e| e.attr("id")) == Some(id))
}

fn parse_selector(vm: &mut Vm, s: &str) -> Res<select::SelectorList> {
    select::parse(s).ok_or_else(|| {
        super::exception(vm, "SyntaxError", &format!("'{s}' is not a valid selector"))
    })
}

fn query_all(vm: &mut Vm, root: ObjRef, sel: &Value) -> Res<Vec<ObjRef>> {
    let s = vm.to_string(sel)?;
    let list = parse_selector(vm, &s)?;
    let scope = Some(root);
    Ok(node::descendants(vm, root)
        .into_iter()
        .filter(|d| list.matches(vm, *d, scope))
        .collect())
}

// ---- helpers for natives ----

fn this_node(vm: &mut Vm, c: &NativeCall) -> Res<ObjRef> {
    match c.this.as_obj() {
        Some(o) if node::node(vm, o).is_some() => Ok(o),
        _ => Err(vm.type_error("Illegal invocation")),
    }
}

fn node_arg(vm: &mut Vm, c: &NativeCall, i: usize, method: &str, iface: &str) -> Res<ObjRef> {
    match c.arg(i).as_obj() {
        Some(o) if node::node(vm, o).is_some() => Ok(o),
        _ => Err(vm.type_error(&format!(
            "Failed to execute '{method}' on '{iface}': parameter {} is not of type 'Node'.",
            i + 1
        ))),
    }
}

fn slot_str(vm: &Vm, c: &NativeCall, i: usize) -> crate::value::JsStr {
    match crate::builtins::promise::native_slot(vm, c.callee, i) {
        Value::Str(s) => s,
        _ => "".into(),
    }
}

fn opt(o: Option<ObjRef>) -> Value {
    o.map(Value::Obj).unwrap_or(Value::Null)
}

fn s(v: &str) -> Value {
    Value::str(v)
}

fn document_of(vm: &Vm) -> Option<ObjRef> {
    vm.dom.document
}

/// The document's `<head>`, `<body>` and `<html>`.
fn doc_child(vm: &Vm, local: &str) -> Option<ObjRef> {
    let html = node::element_children(vm, document_of(vm)?)
        .into_iter()
        .find(|e| node::local(vm, *e) == Some("html"))?;
    if local == "html" {
        return Some(html);
    }
    node::element_children(vm, html)
        .into_iter()
        .find(|e| node::local(vm, *e) == Some(local))
}

fn url_of_attr(vm: &Vm, o: ObjRef, attr: &str) -> Option<url::Url> {
    url::resolve(&node::get_attr(vm, o, attr)?)
}

// ---- attribute getters and setters by name ----

fn prop_get(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_node(vm, c)?;
    let name = slot_str(vm, c, 0);
    get_named(vm, o, &name)
}

fn get_named(vm: &mut Vm, o: ObjRef, name: &str) -> Res<Value> {
    let local = node::local(vm, o).map(str::to_string);
    let l = local.as_deref().unwrap_or("");
    let Some(n) = node::node(vm, o) else {
        return Ok(Value::Undefined);
    };
    Ok(match name {
        "nodeType" => Value::Num(n.node_type() as f64),
        "nodeName" => s(&node_name(n)),
        "baseURI" | "URL" | "documentURI" => s("about:blank"),
        "isConnected" => Value::Bool(node::is_connected(vm, o)),
        "ownerDocument" => match n.data {
            NodeData::Document => Value::Null,
            _ => opt(document_of(vm)),
        },
        "parentNode" => opt(n.parent),
        "parentElement" => opt(n.parent.filter(|p| node::is_element(vm, *p))),
        "childNodes" => Value::Obj(collections::cached_list(
            vm,
            o,
            Cache::ChildNodes,
            ListSrc::ChildNodes(o),
        )),
        "firstChild" => opt(n.children.first().copied()),
        "lastChild" => opt(n.children.last().copied()),
        "previousSibling" => opt(node::sibling(vm, o, -1)),
        "nextSibling" => opt(node::sibling(vm, o, 1)),
        "nodeValue" | "data" => match &n.data {
            NodeData::Text(t) | NodeData::Comment(t) => s(t),
            _ => Value::Null,
        },
        "textContent" => match node::text_content(vm, o) {
            Some(t) => s(&t),
            None => Value::Null,
        },
        "children" => Value::Obj(collections::cached_list(
            vm,
            o,
            Cache::Children,
            ListSrc::Children(o),
        )),
        "firstElementChild" => opt(node::element_children(vm, o).first().copied()),
        "lastElementChild" => opt(node::element_children(vm, o).last().copied()),
        "childElementCount" => Value::Num(node::element_children(vm, o).len() as f64),
        "previousElementSibling" => opt(node::element_sibling(vm, o, -1)),
        "nextElementSibling" => opt(node::element_sibling(vm, o, 1)),
        "namespaceURI" => s(HTML_NS),
        "prefix" | "shadowRoot" | "offsetParent" | "currentScript" | "files" => Value::Null,
        "localName" => s(l),
        "tagName" => s(&l.to_ascii_uppercase()),
        "classList" => Value::Obj(collections::token_list(vm, o, TokenAttr::Class)),
        "relList" => Value::Obj(collections::token_list(vm, o, TokenAttr::Rel)),
        "attributes" => Value::Obj(collections::attributes(vm, o)),
        "dataset" => Value::Obj(collections::dataset(vm, o)),
        "style" => Value::Obj(collections::inline_style(vm, o)),
        "innerHTML" => s(&html::serialize_children(vm, o)),
        "outerHTML" => s(&html::serialize(vm, o)),
        "clientTop" | "clientLeft" | "clientWidth" | "clientHeight" | "scrollWidth"
        | "scrollHeight" | "scrollTop" | "scrollLeft" | "offsetTop" | "offsetLeft"
        | "offsetWidth" | "offsetHeight" | "naturalWidth" | "naturalHeight" => Value::Num(0.0),
        "tabIndex" => {
            let default = if matches!(l, "a" | "button" | "input" | "select" | "textarea") {
                0
            } else {
                -1
            };
            Value::Num(
                node::get_attr(vm, o, "tabindex")
                    .and_then(|v| v.trim().parse::<i32>().ok())
                    .unwrap_or(default) as f64,
            )
        }
        "draggable" => Value::Bool(match node::get_attr(vm, o, "draggable").as_deref() {
            Some("true") => true,
            Some("false") => false,
            _ => l == "img" || (l == "a" && node::has_attr(vm, o, "href")),
        }),
        "length" => match &n.data {
            NodeData::Text(t) | NodeData::Comment(t) => Value::Num(utf16_len(t) as f64),
            _ if l == "select" => Value::Num(options_of(vm, o).len() as f64),
            _ if l == "form" => {
                Value::Num(collections::items(vm, &ListSrc::FormElements(o)).len() as f64)
            }
            _ => Value::Undefined,
        },
        "wholeText" => {
            let p = n.parent;
            match p {
                None => get_named(vm, o, "data")?,
                Some(p) => {
                    let kids = node::children(vm, p).to_vec();
                    let i = kids.iter().position(|k| *k == o).unwrap_or(0);
                    let is_text = |vm: &Vm, k: ObjRef| {
                        matches!(node::node(vm, k).map(|x| &x.data), Some(NodeData::Text(_)))
                    };
                    let mut a = i;
                    while a > 0 && is_text(vm, kids[a - 1]) {
                        a -= 1;
                    }
                    let mut b = i;
                    while b + 1 < kids.len() && is_text(vm, kids[b + 1]) {
                        b += 1;
                    }
                    let mut out = String::new();
                    for k in &kids[a..=b] {
                        if let Some(NodeData::Text(t)) = node::node(vm, *k).map(|x| &x.data) {
                            out.push_str(t);
                        }
                    }
                    s(&out)
                }
            }
        }
        "name" => match &n.data {
            NodeData::Doctype(d) => s(d),
            _ => Value::Undefined,
        },
        "publicId" | "systemId" | "referrer" | "cookie" => s(""),
        // Document
        "compatMode" => s("CSS1Compat"),
        "characterSet" | "charset" | "inputEncoding" => s("UTF-8"),
        "contentType" => s("text/html"),
        "doctype" => opt(n.children.iter().copied().find(|c| {
            matches!(
                node::node(vm, *c).map(|x| &x.data),
                Some(NodeData::Doctype(_))
            )
        })),
        "documentElement" => opt(doc_child(vm, "html")),
        "head" => opt(doc_child(vm, "head")),
        "body" => opt(doc_child(vm, "body")),
        "images" => Value::Obj(collections::new_list(vm, ListSrc::ByTag(o, "img".into()))),
        "forms" => Value::Obj(collections::new_list(vm, ListSrc::ByTag(o, "form".into()))),
        "scripts" => Value::Obj(collections::new_list(
            vm,
            ListSrc::ByTag(o, "script".into()),
        )),
        "links" => {
            let links: Vec<ObjRef> = node::descendants(vm, o)
                .into_iter()
                .filter(|d| {
                    matches!(node::local(vm, *d), Some("a" | "area"))
                        && node::has_attr(vm, *d, "href")
                })
                .collect();
            Value::Obj(collections::new_list(vm, ListSrc::Static(links)))
        }
        "defaultView" => Value::Obj(vm.realm.global),
        "activeElement" => opt(doc_child(vm, "body")),
        "hidden" => Value::Bool(false),
        "visibilityState" => s("visible"),
        "readyState" => s(vm.dom.ready_state),
        "lastModified" => s(super::window::LAST_MODIFIED),
        "title" => {
            if let NodeData::Document = n.data {
                let t = node::descendants(vm, o)
                    .into_iter()
                    .find(|d| node::local(vm, *d) == Some("title"));
                let text = t.map(|t| node::child_text(vm, t)).unwrap_or_default();
                s(&text.split_ascii_whitespace().collect::<Vec<_>>().join(" "))
            } else {
                Value::Undefined
            }
        }
        // form controls
        "form" => opt(form_owner(vm, o)),
        "labels" => {
            let id = node::get_attr(vm, o, "id");
            let root = node::root(vm, o);
            let labels: Vec<ObjRef> = node::descendants(vm, root)
                .into_iter()
                .filter(|d| {
                    node::local(vm, *d) == Some("label")
                        && (id.is_some() && node::get_attr(vm, *d, "for") == id
                            || labeled_control(vm, *d) == Some(o))
                })
                .collect();
            Value::Obj(collections::static_node_list(vm, labels))
        }
        "willValidate" => Value::Bool(!is_disabled(vm, o)),
        "validationMessage" => s(""),
        "value" => match l {
            "input" => s(&input_value(vm, o)),
            "textarea" => s(&node::elem(vm, o)
                .and_then(|e| e.value.clone())
                .unwrap_or_else(|| node::child_text(vm, o))),
            "select" => {
                let i = selected_index(vm, o);
                match options_of(vm, o).get(i.max(0) as usize) {
                    Some(opt) if i >= 0 => s(&option_value(vm, *opt)),
                    _ => s(""),
                }
            }
            "option" => s(&option_value(vm, o)),
            "output" => s(&node::descendant_text(vm, o)),
            _ => Value::Undefined,
        },
        "defaultValue" => s(&node::child_text(vm, o)),
        "checked" => Value::Bool(is_checked(vm, o)),
        "indeterminate" => Value::Bool(vm.dom.indeterminate.contains(&o)),
        "valueAsNumber" => {
            let t = input_type(vm, o);
            let v = input_value(vm, o);
            Value::Num(match t.as_str() {
                "number" | "range" => v.parse::<f64>().unwrap_or(f64::NAN),
                _ => f64::NAN,
            })
        }
        "type" => match l {
            "input" => s(&input_type(vm, o)),
            "button" => s(&button_type(vm, o)),
            "select" => s(if node::has_attr(vm, o, "multiple") {
                "select-multiple"
            } else {
                "select-one"
            }),
            "textarea" => s("textarea"),
            "fieldset" => s("fieldset"),
            "output" => s("output"),
            _ => Value::Undefined,
        },
        "textLength" => Value::Num(utf16_len(&match get_named(vm, o, "value")? {
            Value::Str(v) => v.to_string(),
            _ => String::new(),
        }) as f64),
        "options" => Value::Obj(collections::cached_list(
            vm,
            o,
            Cache::Options,
            ListSrc::Options(o),
        )),
        "selectedOptions" => Value::Obj(collections::new_list(vm, ListSrc::SelectedOptions(o))),
        "selectedIndex" => Value::Num(selected_index(vm, o) as f64),
        "selected" => Value::Bool(is_selected(vm, o)),
        "index" => Value::Num(
            select_of(vm, o)
                .and_then(|sel| options_of(vm, sel).iter().position(|x| *x == o))
                .unwrap_or(0) as f64,
        ),
        "label" => s(&node::get_attr(vm, o, "label").unwrap_or_else(|| option_text(vm, o))),
        "text" => match l {
            "option" => s(&option_text(vm, o)),
            "script" | "title" => s(&node::child_text(vm, o)),
            _ => s(&node::descendant_text(vm, o)),
        },
        "elements" => Value::Obj(collections::cached_list(
            vm,
            o,
            Cache::Elements,
            ListSrc::FormElements(o),
        )),
        "method" => {
            let m = node::get_attr(vm, o, "method")
                .unwrap_or_default()
                .to_ascii_lowercase();
            s(if matches!(m.as_str(), "post" | "dialog") {
                &m
            } else {
                "get"
            })
        }
        "control" => opt(labeled_control(vm, o)),
        // anchors
        "origin" | "protocol" | "host" | "hostname" | "port" | "pathname" | "search" | "hash" => {
            match url_of_attr(vm, o, "href") {
                Some(u) => s(&match name {
                    "origin" => u.origin(),
                    "protocol" => u.protocol.clone(),
                    "host" => u.host(),
                    "hostname" => u.hostname.clone(),
                    "port" => u.port.clone(),
                    "pathname" => u.pathname.clone(),
                    "search" => u.search.clone(),
                    _ => u.hash.clone(),
                }),
                None => s(match name {
                    "protocol" => ":",
                    _ => "",
                }),
            }
        }
        "complete" => Value::Bool(true),
        "currentSrc" => s(""),
        // tables
        "rows" => Value::Obj(collections::cached_list(
            vm,
            o,
            Cache::Rows,
            ListSrc::Rows(o),
        )),
        "cells" => Value::Obj(collections::cached_list(
            vm,
            o,
            Cache::Cells,
            ListSrc::Cells(o),
        )),
        "tBodies" => Value::Obj(collections::cached_list(
            vm,
            o,
            Cache::TBodies,
            ListSrc::TBodies(o),
        )),
        "tHead" | "tFoot" | "caption" => {
            let want = match name {
                "tHead" => "thead",
                "tFoot" => "tfoot",
                _ => "caption",
            };
            opt(node::element_children(vm, o)
                .into_iter()
                .find(|c| node::local(vm, *c) == Some(want)))
        }
        "rowIndex" => {
            let table = node::inclusive_ancestors(vm, o)
                .into_iter()
                .skip(1)
                .find(|a| node::local(vm, *a) == Some("table"));
            Value::Num(
                table
                    .and_then(|t| {
                        collections::items(vm, &ListSrc::Rows(t))
                            .iter()
                            .position(|r| *r == o)
                    })
                    .map(|i| i as f64)
                    .unwrap_or(-1.0),
            )
        }
        "sectionRowIndex" => Value::Num(
            node::parent(vm, o)
                .and_then(|p| {
                    collections::items(vm, &ListSrc::Rows(p))
                        .iter()
                        .position(|r| *r == o)
                })
                .map(|i| i as f64)
                .unwrap_or(-1.0),
        ),
        "cellIndex" => Value::Num(
            node::parent(vm, o)
                .and_then(|p| {
                    collections::items(vm, &ListSrc::Cells(p))
                        .iter()
                        .position(|r| *r == o)
                })
                .map(|i| i as f64)
                .unwrap_or(-1.0),
        ),
        _ => Value::Undefined,
    })
}

fn node_name(n: &node::Node) -> String {
    match &n.data {
        NodeData::Element(e) => e.local.to_ascii_uppercase(),
        NodeData::Text(_) => "#text".into(),
        NodeData::Comment(_) => "#comment".into(),
        NodeData::Document => "#document".into(),
        NodeData::Fragment => "#document-fragment".into(),
        NodeData::Doctype(d) => d.clone(),
    }
}

fn prop_set(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_node(vm, c)?;
    let name = slot_str(vm, c, 0);
    let v = c.arg(0);
    set_named(vm, o, &name, &v)?;
    Ok(Value::Undefined)
}

/// `null` converts to the empty string (`[LegacyNullToEmptyString]`).
fn string_or_empty(vm: &mut Vm, v: &Value) -> Res<String> {
    Ok(match v {
        Value::Null => String::new(),
        v => vm.to_string(v)?.to_string(),
    })
}

fn set_named(vm: &mut Vm, o: ObjRef, name: &str, v: &Value) -> Res<()> {
    let local = node::local(vm, o).unwrap_or("").to_string();
    let is_doc = matches!(node::node(vm, o).map(|n| &n.data), Some(NodeData::Document));
    match name {
        "textContent" | "nodeValue" | "data" => {
            let t = string_or_empty(vm, v)?;
            match node::node(vm, o).map(|n| &n.data) {
                Some(NodeData::Text(_) | NodeData::Comment(_)) => node::set_data(vm, o, t),
                Some(NodeData::Element(_) | NodeData::Fragment) if name == "textContent" => {
                    let n = (!t.is_empty()).then(|| node::create_text(vm, &t));
                    node::replace_all(vm, n, o);
                }
                _ => {}
            }
        }
        "innerHTML" => {
            let h = string_or_empty(vm, v)?;
            let frag = node::alloc_node(vm, NodeData::Fragment);
            html::parse_into(vm, &h, frag);
            node::replace_all(vm, Some(frag), o);
        }
        "outerHTML" => {
            let Some(p) = node::parent(vm, o) else {
                return Ok(());
            };
            if matches!(node::node(vm, p).map(|n| &n.data), Some(NodeData::Document)) {
                return Err(super::exception(
                    vm,
                    "NoModificationAllowedError",
                    "Modifications are not allowed for this document",
                ));
            }
            let h = string_or_empty(vm, v)?;
            let frag = node::alloc_node(vm, NodeData::Fragment);
            html::parse_into(vm, &h, frag);
            node::replace_child(vm, o, frag, p)?;
        }
        "classList" => {
            let t = vm.to_string(v)?;
            node::set_attr(vm, o, "class", &t);
        }
        "style" => {
            let t = vm.to_string(v)?;
            let d = super::css::parse(&t);
            node::set_attr(vm, o, "style", &super::css::serialize(&d));
        }
        "tabIndex" => {
            let n = crate::value::to_int32(vm.to_number(v)?);
            node::set_attr(vm, o, "tabindex", &n.to_string());
        }
        "draggable" => node::set_attr(
            vm,
            o,
            "draggable",
            if v.truthy() { "true" } else { "false" },
        ),
        "title" if is_doc => {
            let t = vm.to_string(v)?.to_string();
            let existing = node::descendants(vm, o)
                .into_iter()
                .find(|d| node::local(vm, *d) == Some("title"));
            let el = match existing {
                Some(e) => e,
                None => {
                    let e = node::create_element(vm, "title");
                    if let Some(h) = doc_child(vm, "head") {
                        node::insert(vm, e, h, None);
                    }
                    e
                }
            };
            let tn = (!t.is_empty()).then(|| node::create_text(vm, &t));
            node::replace_all(vm, tn, el);
        }
        "body" if is_doc => {
            let Some(b) = v
                .as_obj()
                .filter(|b| matches!(node::local(vm, *b), Some("body" | "frameset")))
            else {
                return Err(super::exception(
                    vm,
                    "HierarchyRequestError",
                    "The operation would yield an incorrect node tree.",
                ));
            };
            if let (Some(old), Some(html)) = (doc_child(vm, "body"), doc_child(vm, "html")) {
                node::replace_child(vm, old, b, html)?;
            }
        }
        "cookie" => {}
        "value" => {
            let t = string_or_empty(vm, v)?;
            match local.as_str() {
                "input" => set_input_value(vm, o, &t)?,
                "textarea" => {
                    if let Some(e) = node::elem_mut(vm, o) {
                        e.value = Some(t.replace("\r\n", "\n"));
                    }
                }
                "select" => {
                    let opts = options_of(vm, o);
                    let idx = opts
                        .iter()
                        .position(|x| option_value(vm, *x) == t)
                        .map(|i| i as i64)
                        .unwrap_or(-1);
                    set_selected_index(vm, o, idx);
                }
                "option" => node::set_attr(vm, o, "value", &t),
                "output" => {
                    let n = (!t.is_empty()).then(|| node::create_text(vm, &t));
                    node::replace_all(vm, n, o);
                }
                _ => {}
            }
        }
        "defaultValue" => {
            let t = string_or_empty(vm, v)?;
            let n = (!t.is_empty()).then(|| node::create_text(vm, &t));
            node::replace_all(vm, n, o);
        }
        "checked" => set_checked(vm, o, v.truthy()),
        "indeterminate" => {
            vm.dom.indeterminate.retain(|x| *x != o);
            if v.truthy() {
                vm.dom.indeterminate.push(o);
            }
        }
        "valueAsNumber" => {
            let n = vm.to_number(v)?;
            let t = if n.is_finite() {
                crate::value::num_to_string(n)
            } else {
                String::new()
            };
            set_input_value(vm, o, &t)?;
        }
        "type" => {
            let t = vm.to_string(v)?;
            node::set_attr(vm, o, "type", &t);
        }
        "selectedIndex" => {
            let i = vm.to_number(v)? as i64;
            set_selected_index(vm, o, i);
        }
        "selected" => {
            let b = v.truthy();
            match select_of(vm, o) {
                Some(sel) if b && !node::has_attr(vm, sel, "multiple") => {
                    let idx = options_of(vm, sel).iter().position(|x| *x == o);
                    set_selected_index(vm, sel, idx.map(|i| i as i64).unwrap_or(-1));
                }
                _ => {
                    if let Some(e) = node::elem_mut(vm, o) {
                        e.selected = Some(b);
                    }
                }
            }
        }
        "label" => {
            let t = vm.to_string(v)?;
            node::set_attr(vm, o, "label", &t);
        }
        "text" => {
            let t = vm.to_string(v)?.to_string();
            let n = (!t.is_empty()).then(|| node::create_text(vm, &t));
            node::replace_all(vm, n, o);
        }
        "method" => {
            let t = vm.to_string(v)?;
            node::set_attr(vm, o, "method", &t);
        }
        "protocol" | "host" | "hostname" | "port" | "pathname" | "search" | "hash" => {
            let t = vm.to_string(v)?.to_string();
            if let Some(mut u) = url_of_attr(vm, o, "href") {
                match name {
                    "protocol" => u.protocol = format!("{}:", t.trim_end_matches(':')),
                    "host" => {
                        let (h, p) = t.split_once(':').unwrap_or((&t, ""));
                        u.hostname = h.to_string();
                        u.port = p.to_string();
                    }
                    "hostname" => u.hostname = t,
                    "port" => u.port = t,
                    "pathname" => {
                        u.pathname = if t.starts_with('/') {
                            t
                        } else {
                            format!("/{t}")
                        }
                    }
                    "search" => {
                        let t = t.trim_start_matches('?');
                        u.search = if t.is_empty() {
                            String::new()
                        } else {
                            format!("?{t}")
                        };
                    }
                    _ => {
                        let t = t.trim_start_matches('#');
                        u.hash = if t.is_empty() {
                            String::new()
                        } else {
                            format!("#{t}")
                        };
                    }
                }
                node::set_attr(vm, o, "href", &u.href());
            }
        }
        "tHead" | "tFoot" | "caption" => {
            let want = match name {
                "tHead" => "thead",
                "tFoot" => "tfoot",
                _ => "caption",
            };
            if let Some(old) = node::element_children(vm, o)
                .into_iter()
                .find(|c| node::local(vm, *c) == Some(want))
            {
                node::remove(vm, old);
            }
            if let Some(n) = v.as_obj().filter(|n| node::node(vm, *n).is_some()) {
                let first = node::children(vm, o).first().copied();
                node::pre_insert(vm, n, o, first)?;
            }
        }
        _ => {}
    }
    Ok(())
}

// ---- reflected content attributes ----

fn reflect_get(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_node(vm, c)?;
    let attr = slot_str(vm, c, 0);
    let kind = slot_kind(vm, c);
    let v = node::get_attr(vm, o, &attr);
    Ok(match kind {
        R::Str => s(&v.unwrap_or_default()),
        R::Bool => Value::Bool(v.is_some()),
        R::Url => match v {
            Some(raw) => s(&url::resolve(&raw).map(|u| u.href()).unwrap_or(raw)),
            None => s(""),
        },
        R::Long(d) => Value::Num(v.and_then(|x| x.trim().parse::<i32>().ok()).unwrap_or(d) as f64),
        R::ULong(d) => Value::Num(
            v.and_then(|x| x.trim().parse::<u32>().ok())
                .filter(|n| *n <= i32::MAX as u32)
                .unwrap_or(d) as f64,
        ),
    })
}

fn reflect_set(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_node(vm, c)?;
    let attr = slot_str(vm, c, 0).to_string();
    let kind = slot_kind(vm, c);
    let v = c.arg(0);
    match kind {
        R::Bool => {
            if v.truthy() {
                node::set_attr(vm, o, &attr, "");
            } else {
                node::remove_attr(vm, o, &attr);
            }
        }
        R::Long(_) | R::ULong(_) => {
            let n = crate::value::to_int32(vm.to_number(&v)?);
            node::set_attr(vm, o, &attr, &n.to_string());
        }
        R::Str | R::Url => {
            let t = vm.to_string(&v)?;
            node::set_attr(vm, o, &attr, &t);
        }
    }
    Ok(Value::Undefined)
}

fn slot_kind(vm: &Vm, c: &NativeCall) -> R {
    let n = |i| match crate::builtins::promise::native_slot(vm, c.callee, i) {
        Value::Num(n) => n,
        _ => 0.0,
    };
    match n(1) as u8 {
        1 => R::Bool,
        2 => R::Url,
        3 => R::Long(n(2) as i32),
        4 => R::ULong(n(2) as u32),
        _ => R::Str,
    }
}

fn kind_slots(k: R) -> (f64, f64) {
    match k {
        R::Str => (0.0, 0.0),
        R::Bool => (1.0, 0.0),
        R::Url => (2.0, 0.0),
        R::Long(d) => (3.0, d as f64),
        R::ULong(d) => (4.0, d as f64),
    }
}

// ---- Node methods ----

fn m_append_child(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let p = this_node(vm, c)?;
    let ch = node_arg(vm, c, 0, "appendChild", "Node")?;
    node::pre_insert(vm, ch, p, None)?;
    Ok(Value::Obj(ch))
}

fn m_insert_before(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let p = this_node(vm, c)?;
    let n = node_arg(vm, c, 0, "insertBefore", "Node")?;
    let child = match c.arg(1) {
        Value::Null | Value::Undefined => None,
        _ => Some(node_arg(vm, c, 1, "insertBefore", "Node")?),
    };
    node::pre_insert(vm, n, p, child)?;
    Ok(Value::Obj(n))
}

fn m_remove_child(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let p = this_node(vm, c)?;
    let ch = node_arg(vm, c, 0, "removeChild", "Node")?;
    if node::parent(vm, ch) != Some(p) {
        return Err(super::exception(
            vm,
            "NotFoundError",
            "The node to be removed is not a child of this node.",
        ));
    }
    node::remove(vm, ch);
    Ok(Value::Obj(ch))
}

fn m_replace_child(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let p = this_node(vm, c)?;
    let n = node_arg(vm, c, 0, "replaceChild", "Node")?;
    let old = node_arg(vm, c, 1, "replaceChild", "Node")?;
    node::replace_child(vm, old, n, p)?;
    Ok(Value::Obj(old))
}

fn m_clone_node(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_node(vm, c)?;
    if matches!(node::node(vm, o).map(|n| &n.data), Some(NodeData::Document)) {
        return Err(vm.unsupported("document.cloneNode"));
    }
    Ok(Value::Obj(node::clone_node(vm, o, c.arg(0).truthy())))
}

fn m_contains(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_node(vm, c)?;
    Ok(Value::Bool(match c.arg(0).as_obj() {
        Some(x) if node::node(vm, x).is_some() => node::is_inclusive_descendant(vm, x, o),
        _ => false,
    }))
}

fn m_has_child_nodes(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_node(vm, c)?;
    Ok(Value::Bool(!node::children(vm, o).is_empty()))
}

fn m_get_root_node(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_node(vm, c)?;
    Ok(Value::Obj(node::root(vm, o)))
}

fn m_is_same_node(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_node(vm, c)?;
    Ok(Value::Bool(c.arg(0).as_obj() == Some(o)))
}

fn equal_nodes(vm: &Vm, a: ObjRef, b: ObjRef) -> bool {
    let (Some(x), Some(y)) = (node::node(vm, a), node::node(vm, b)) else {
        return false;
    };
    let same = match (&x.data, &y.data) {
        (NodeData::Element(p), NodeData::Element(q)) => {
            p.local == q.local
                && p.attrs.len() == q.attrs.len()
                && p.attrs.iter().all(|(k, v)| q.attr(k) == Some(v.as_str()))
        }
        (NodeData::Text(p), NodeData::Text(q)) | (NodeData::Comment(p), NodeData::Comment(q)) => {
            p == q
        }
        (NodeData::Doctype(p), NodeData::Doctype(q)) => p == q,
        (NodeData::Fragment, NodeData::Fragment) | (NodeData::Document, NodeData::Document) => true,
        _ => false,
    };
    same && x.children.len() == y.children.len()
        && x.children
            .iter()
            .zip(&y.children)
            .all(|(p, q)| equal_nodes(vm, *p, *q))
}

fn m_is_equal_node(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_node(vm, c)?;
    Ok(Value::Bool(
        c.arg(0).as_obj().is_some_and(|x| equal_nodes(vm, o, x)),
    ))
}

fn m_normalize(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_node(vm, c)?;
    let mut all = vec![o];
    all.extend(node::descendants(vm, o));
    for p in all {
        let kids = node::children(vm, p).to_vec();
        let mut prev_text: Option<ObjRef> = None;
        for k in kids {
            let text = match node::node(vm, k).map(|n| &n.data) {
                Some(NodeData::Text(t)) => Some(t.clone()),
                _ => None,
            };
            match (text, prev_text) {
                (Some(t), _) if t.is_empty() => node::remove(vm, k),
                (Some(t), Some(pt)) => {
                    let mut joined = match node::node(vm, pt).map(|n| &n.data) {
                        Some(NodeData::Text(x)) => x.clone(),
                        _ => String::new(),
                    };
                    joined.push_str(&t);
                    node::set_data(vm, pt, joined);
                    node::remove(vm, k);
                }
                (Some(_), None) => prev_text = Some(k),
                (None, _) => prev_text = None,
            }
        }
    }
    Ok(Value::Undefined)
}

fn m_compare_document_position(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_node(vm, c)?;
    let other = node_arg(vm, c, 0, "compareDocumentPosition", "Node")?;
    if o == other {
        return Ok(Value::Num(0.0));
    }
    if node::root(vm, o) != node::root(vm, other) {
        return Ok(Value::Num((1 | 32 | if other > o { 4 } else { 2 }) as f64));
    }
    if node::is_inclusive_descendant(vm, o, other) {
        return Ok(Value::Num((8 | 2) as f64));
    }
    if node::is_inclusive_descendant(vm, other, o) {
        return Ok(Value::Num((16 | 4) as f64));
    }
    let order = node::descendants(vm, node::root(vm, o));
    let a = order.iter().position(|x| *x == o);
    let b = order.iter().position(|x| *x == other);
    Ok(Value::Num(if b < a { 2.0 } else { 4.0 }))
}

// ---- ParentNode / ChildNode ----

fn m_append(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let p = this_node(vm, c)?;
    if let Some(n) = node::convert_nodes(vm, &c.args)? {
        node::pre_insert(vm, n, p, None)?;
    }
    Ok(Value::Undefined)
}

fn m_prepend(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let p = this_node(vm, c)?;
    if let Some(n) = node::convert_nodes(vm, &c.args)? {
        let first = node::children(vm, p).first().copied();
        node::pre_insert(vm, n, p, first)?;
    }
    Ok(Value::Undefined)
}

fn m_replace_children(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let p = this_node(vm, c)?;
    let n = node::convert_nodes(vm, &c.args)?;
    node::replace_all(vm, n, p);
    Ok(Value::Undefined)
}

fn m_query_selector(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let p = this_node(vm, c)?;
    let s = vm.to_string(&c.arg(0))?;
    let list = parse_selector(vm, &s)?;
    Ok(opt(node::descendants(vm, p)
        .into_iter()
        .find(|d| list.matches(vm, *d, Some(p)))))
}

fn m_query_selector_all(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let p = this_node(vm, c)?;
    let found = query_all(vm, p, &c.arg(0))?;
    Ok(Value::Obj(collections::static_node_list(vm, found)))
}

fn m_before(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_node(vm, c)?;
    let Some(p) = node::parent(vm, o) else {
        return Ok(Value::Undefined);
    };
    let excluded: Vec<ObjRef> = c.args.iter().filter_map(|a| a.as_obj()).collect();
    let mut prev = node::sibling(vm, o, -1);
    while let Some(x) = prev.filter(|x| excluded.contains(x)) {
        prev = node::sibling(vm, x, -1);
    }
    if let Some(n) = node::convert_nodes(vm, &c.args)? {
        let reference = match prev {
            Some(x) => node::sibling(vm, x, 1),
            None => node::children(vm, p).first().copied(),
        };
        node::pre_insert(vm, n, p, reference)?;
    }
    Ok(Value::Undefined)
}

fn m_after(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_node(vm, c)?;
    let Some(p) = node::parent(vm, o) else {
        return Ok(Value::Undefined);
    };
    let excluded: Vec<ObjRef> = c.args.iter().filter_map(|a| a.as_obj()).collect();
    let mut next = node::sibling(vm, o, 1);
    while let Some(x) = next.filter(|x| excluded.contains(x)) {
        next = node::sibling(vm, x, 1);
    }
    if let Some(n) = node::convert_nodes(vm, &c.args)? {
        node::pre_insert(vm, n, p, next)?;
    }
    Ok(Value::Undefined)
}

fn m_replace_with(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_node(vm, c)?;
    let Some(p) = node::parent(vm, o) else {
        return Ok(Value::Undefined);
    };
    let excluded: Vec<ObjRef> = c.args.iter().filter_map(|a| a.as_obj()).collect();
    let mut next = node::sibling(vm, o, 1);
    while let Some(x) = next.filter(|x| excluded.contains(x)) {
        next = node::sibling(vm, x, 1);
    }
    let n = node::convert_nodes(vm, &c.args)?;
    if node::parent(vm, o) == Some(p) {
        match n {
            Some(n) => node::replace_child(vm, o, n, p)?,
            None => node::remove(vm, o),
        }
    } else if let Some(n) = n {
        node::pre_insert(vm, n, p, next)?;
    }
    Ok(Value::Undefined)
}

fn m_remove(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_node(vm, c)?;
    if node::local(vm, o) == Some("select") && !c.args.is_empty() {
        let i = vm.to_number(&c.arg(0))?;
        if let Some(opt) = (i >= 0.0)
            .then(|| options_of(vm, o).get(i as usize).copied())
            .flatten()
        {
            node::remove(vm, opt);
        }
        return Ok(Value::Undefined);
    }
    node::remove(vm, o);
    Ok(Value::Undefined)
}

// ---- Element methods ----

fn attr_name(vm: &mut Vm, c: &NativeCall, method: &str) -> Res<String> {
    if c.args.is_empty() {
        return Err(vm.type_error(&format!(
            "Failed to execute '{method}' on 'Element': 1 argument required, but only 0 present."
        )));
    }
    Ok(vm.to_string(&c.arg(0))?.to_ascii_lowercase())
}

fn valid_name(n: &str) -> bool {
    let mut chars = n.chars();
    match chars.next() {
        Some(c) if c.is_alphabetic() || c == '_' || c == ':' => {}
        _ => return false,
    }
    chars.all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
}

fn m_get_attribute(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_node(vm, c)?;
    let n = attr_name(vm, c, "getAttribute")?;
    Ok(match node::get_attr(vm, o, &n) {
        Some(v) => s(&v),
        None => Value::Null,
    })
}

fn m_set_attribute(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_node(vm, c)?;
    if c.args.len() < 2 {
        return Err(vm.type_error(&format!(
            "Failed to execute 'setAttribute' on 'Element': 2 arguments required, but only {} present.",
            c.args.len()
        )));
    }
    let n = attr_name(vm, c, "setAttribute")?;
    if !valid_name(&n) {
        return Err(super::exception(
            vm,
            "InvalidCharacterError",
            &format!("\"{n}\" did not match the Name production"),
        ));
    }
    let v = vm.to_string(&c.arg(1))?;
    node::set_attr(vm, o, &n, &v);
    Ok(Value::Undefined)
}

fn m_remove_attribute(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_node(vm, c)?;
    let n = attr_name(vm, c, "removeAttribute")?;
    node::remove_attr(vm, o, &n);
    Ok(Value::Undefined)
}

fn m_has_attribute(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_node(vm, c)?;
    let n = attr_name(vm, c, "hasAttribute")?;
    Ok(Value::Bool(node::has_attr(vm, o, &n)))
}

fn m_toggle_attribute(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_node(vm, c)?;
    let n = attr_name(vm, c, "toggleAttribute")?;
    if !valid_name(&n) {
        return Err(super::exception(
            vm,
            "InvalidCharacterError",
            &format!("\"{n}\" did not match the Name production"),
        ));
    }
    let force = match c.arg(1) {
        Value::Undefined => None,
        v => Some(v.truthy()),
    };
    let has = node::has_attr(vm, o, &n);
    Ok(Value::Bool(match (has, force) {
        (false, None | Some(true)) => {
            node::set_attr(vm, o, &n, "");
            true
        }
        (true, None | Some(false)) => {
            node::remove_attr(vm, o, &n);
            false
        }
        (h, _) => h,
    }))
}

fn m_get_attribute_names(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_node(vm, c)?;
    let names: Vec<Value> = node::elem(vm, o)
        .map(|e| e.attrs.iter().map(|(n, _)| s(n)).collect())
        .unwrap_or_default();
    Ok(vm.array_value(names))
}

fn m_has_attributes(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_node(vm, c)?;
    Ok(Value::Bool(
        node::elem(vm, o).is_some_and(|e| !e.attrs.is_empty()),
    ))
}

fn m_matches(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_node(vm, c)?;
    let sel = vm.to_string(&c.arg(0))?;
    let list = parse_selector(vm, &sel)?;
    Ok(Value::Bool(list.matches(vm, o, Some(o))))
}

fn m_closest(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_node(vm, c)?;
    let sel = vm.to_string(&c.arg(0))?;
    let list = parse_selector(vm, &sel)?;
    Ok(opt(node::inclusive_ancestors(vm, o).into_iter().find(
        |a| node::is_element(vm, *a) && list.matches(vm, *a, Some(o)),
    )))
}

fn m_get_elements_by_tag_name(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_node(vm, c)?;
    let t = vm.to_string(&c.arg(0))?.to_ascii_lowercase();
    Ok(Value::Obj(collections::new_list(vm, ListSrc::ByTag(o, t))))
}

fn m_get_elements_by_class_name(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_node(vm, c)?;
    let t = vm.to_string(&c.arg(0))?;
    let classes = t.split_ascii_whitespace().map(str::to_string).collect();
    Ok(Value::Obj(collections::new_list(
        vm,
        ListSrc::ByClass(o, classes),
    )))
}

/// Where `insertAdjacent*` puts nodes: (parent, reference child).
fn adjacent(vm: &mut Vm, o: ObjRef, pos: &str) -> Res<Option<(ObjRef, Option<ObjRef>)>> {
    Ok(match pos.to_ascii_lowercase().as_str() {
        "beforebegin" => node::parent(vm, o).map(|p| (p, Some(o))),
        "afterend" => node::parent(vm, o).map(|p| (p, node::sibling(vm, o, 1))),
        "afterbegin" => Some((o, node::children(vm, o).first().copied())),
        "beforeend" => Some((o, None)),
        _ => {
            return Err(super::exception(
                vm,
                "SyntaxError",
                &format!("Failed to execute 'insertAdjacentHTML' on 'Element': The value provided ('{pos}') is not one of 'beforeBegin', 'afterBegin', 'beforeEnd', or 'afterEnd'."),
            ))
        }
    })
}

fn m_insert_adjacent_html(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_node(vm, c)?;
    let pos = vm.to_string(&c.arg(0))?;
    let h = vm.to_string(&c.arg(1))?;
    if let Some((p, r)) = adjacent(vm, o, &pos)? {
        let frag = node::alloc_node(vm, NodeData::Fragment);
        html::parse_into(vm, &h, frag);
        node::pre_insert(vm, frag, p, r)?;
    }
    Ok(Value::Undefined)
}

fn m_insert_adjacent_element(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_node(vm, c)?;
    let pos = vm.to_string(&c.arg(0))?;
    let el = node_arg(vm, c, 1, "insertAdjacentElement", "Element")?;
    match adjacent(vm, o, &pos)? {
        Some((p, r)) => {
            node::pre_insert(vm, el, p, r)?;
            Ok(Value::Obj(el))
        }
        None => Ok(Value::Null),
    }
}

fn m_insert_adjacent_text(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_node(vm, c)?;
    let pos = vm.to_string(&c.arg(0))?;
    let t = vm.to_string(&c.arg(1))?;
    if let Some((p, r)) = adjacent(vm, o, &pos)? {
        let tn = node::create_text(vm, &t);
        node::pre_insert(vm, tn, p, r)?;
    }
    Ok(Value::Undefined)
}

fn m_get_bounding_client_rect(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    this_node(vm, c)?;
    Ok(Value::Obj(super::window::dom_rect(vm)))
}

fn m_get_client_rects(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    this_node(vm, c)?;
    Ok(vm.array_value(vec![]))
}

fn m_attach_shadow(vm: &mut Vm, _c: &NativeCall) -> Res<Value> {
    Err(vm.unsupported("attachShadow (shadow DOM)"))
}

fn m_click(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_node(vm, c)?;
    super::events::click(vm, o)?;
    Ok(Value::Undefined)
}

fn m_focus_blur(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    this_node(vm, c)?;
    Ok(Value::Undefined)
}

// ---- CharacterData / Text ----

fn text_data(vm: &Vm, o: ObjRef) -> Vec<u16> {
    match node::node(vm, o).map(|n| &n.data) {
        Some(NodeData::Text(t) | NodeData::Comment(t)) => crate::value::utf16(t),
        _ => Vec::new(),
    }
}

/// CharacterData's "replace data": `count` code units at `offset` become `with`.
fn replace_data(vm: &mut Vm, o: ObjRef, offset: f64, count: f64, with: &str) -> Res<()> {
    let d = text_data(vm, o);
    if offset < 0.0 || offset as usize > d.len() {
        return Err(super::exception(
            vm,
            "IndexSizeError",
            "The index is not in the allowed range.",
        ));
    }
    let off = offset as usize;
    let end = (off + count.max(0.0) as usize).min(d.len());
    let mut out: Vec<u16> = d[..off].to_vec();
    out.extend(crate::value::utf16(with));
    out.extend_from_slice(&d[end..]);
    node::set_data(vm, o, crate::value::from_utf16(&out));
    Ok(())
}

fn m_append_data(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_node(vm, c)?;
    let t = vm.to_string(&c.arg(0))?;
    let n = text_data(vm, o).len() as f64;
    replace_data(vm, o, n, 0.0, &t)?;
    Ok(Value::Undefined)
}

fn m_insert_data(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_node(vm, c)?;
    let off = vm.to_number(&c.arg(0))?;
    let t = vm.to_string(&c.arg(1))?;
    replace_data(vm, o, off, 0.0, &t)?;
    Ok(Value::Undefined)
}

fn m_delete_data(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_node(vm, c)?;
    let off = vm.to_number(&c.arg(0))?;
    let n = vm.to_number(&c.arg(1))?;
    replace_data(vm, o, off, n, "")?;
    Ok(Value::Undefined)
}

fn m_replace_data(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_node(vm, c)?;
    let off = vm.to_number(&c.arg(0))?;
    let n = vm.to_number(&c.arg(1))?;
    let t = vm.to_string(&c.arg(2))?;
    replace_data(vm, o, off, n, &t)?;
    Ok(Value::Undefined)
}

fn m_substring_data(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_node(vm, c)?;
    let off = vm.to_number(&c.arg(0))?.max(0.0) as usize;
    let n = vm.to_number(&c.arg(1))?.max(0.0) as usize;
    let d = match node::node(vm, o).map(|n| &n.data) {
        Some(NodeData::Text(t) | NodeData::Comment(t)) => t.clone(),
        _ => String::new(),
    };
    Ok(s(&utf16_slice(&d, off, off.saturating_add(n))))
}

fn m_split_text(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_node(vm, c)?;
    let off = vm.to_number(&c.arg(0))?;
    let d = text_data(vm, o);
    if off < 0.0 || off as usize > d.len() {
        return Err(super::exception(
            vm,
            "IndexSizeError",
            "The index is not in the allowed range.",
        ));
    }
    let off = off as usize;
    let tail = crate::value::from_utf16(&d[off..]);
    let new = node::create_text(vm, &tail);
    if let Some(p) = node::parent(vm, o) {
        let next = node::sibling(vm, o, 1);
        node::insert(vm, new, p, next);
    }
    replace_data(vm, o, off as f64, f64::INFINITY, "")?;
    Ok(Value::Obj(new))
}

// ---- Document methods ----

fn m_get_element_by_id(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_node(vm, c)?;
    let id = vm.to_string(&c.arg(0))?;
    Ok(opt(get_element_by_id(vm, o, &id)))
}

fn m_get_elements_by_name(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_node(vm, c)?;
    let n = vm.to_string(&c.arg(0))?.to_string();
    Ok(Value::Obj(collections::new_list(vm, ListSrc::ByName(o, n))))
}

fn m_create_element(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    if c.args.is_empty() {
        return Err(vm.type_error("Failed to execute 'createElement' on 'Document': 1 argument required, but only 0 present."));
    }
    let t = vm.to_string(&c.arg(0))?;
    if !valid_name(&t) {
        return Err(super::exception(
            vm,
            "InvalidCharacterError",
            &format!("\"{t}\" did not match the Name production"),
        ));
    }
    Ok(Value::Obj(node::create_element(
        vm,
        &t.to_ascii_lowercase(),
    )))
}

fn m_create_element_ns(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let ns = match c.arg(0) {
        Value::Null | Value::Undefined => String::new(),
        v => vm.to_string(&v)?.to_string(),
    };
    if ns != HTML_NS {
        return Err(vm.unsupported("createElementNS outside the HTML namespace"));
    }
    let t = vm.to_string(&c.arg(1))?;
    Ok(Value::Obj(node::create_element(vm, &t)))
}

fn m_create_text_node(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let t = vm.to_string(&c.arg(0))?;
    Ok(Value::Obj(node::create_text(vm, &t)))
}

fn m_create_comment(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let t = vm.to_string(&c.arg(0))?.to_string();
    Ok(Value::Obj(node::alloc_node(vm, NodeData::Comment(t))))
}

fn m_create_document_fragment(vm: &mut Vm, _c: &NativeCall) -> Res<Value> {
    Ok(Value::Obj(node::alloc_node(vm, NodeData::Fragment)))
}

fn m_import_node(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let n = node_arg(vm, c, 0, "importNode", "Document")?;
    Ok(Value::Obj(node::clone_node(vm, n, c.arg(1).truthy())))
}

fn m_adopt_node(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let n = node_arg(vm, c, 0, "adoptNode", "Document")?;
    node::remove(vm, n);
    Ok(Value::Obj(n))
}

fn m_has_focus(_vm: &mut Vm, _c: &NativeCall) -> Res<Value> {
    Ok(Value::Bool(false))
}

fn m_element_from_point(_vm: &mut Vm, _c: &NativeCall) -> Res<Value> {
    Ok(Value::Null)
}

fn m_create_event(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let iface = vm.to_string(&c.arg(0))?.to_ascii_lowercase();
    let class = match iface.as_str() {
        "event" | "events" | "htmlevents" => "Event",
        "customevent" => "CustomEvent",
        "uievent" | "uievents" => "UIEvent",
        "mouseevent" | "mouseevents" => "MouseEvent",
        "keyboardevent" => "KeyboardEvent",
        "focusevent" => "FocusEvent",
        "messageevent" => "MessageEvent",
        "hashchangeevent" => "HashChangeEvent",
        _ => {
            return Err(super::exception(
                vm,
                "NotSupportedError",
                "The provided event type is not supported.",
            ))
        }
    };
    Ok(Value::Obj(super::events::new_event(
        vm,
        class,
        "",
        (false, false, false),
        vec![],
        false,
    )))
}

// ---- form, select, input operations ----

fn m_submit(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    this_node(vm, c)?;
    super::not_implemented(vm, "HTMLFormElement.prototype.submit");
    Ok(Value::Undefined)
}

fn m_request_submit(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let f = this_node(vm, c)?;
    let submitter = c.arg(0).as_obj();
    super::events::request_submit(vm, f, submitter)?;
    Ok(Value::Undefined)
}

fn m_reset(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let f = this_node(vm, c)?;
    reset_form(vm, f)?;
    Ok(Value::Undefined)
}

fn m_true(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    this_node(vm, c)?;
    Ok(Value::Bool(true))
}

fn m_noop(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    this_node(vm, c)?;
    Ok(Value::Undefined)
}

fn m_select_item(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_node(vm, c)?;
    let i = vm.to_number(&c.arg(0))?;
    Ok(opt((i >= 0.0)
        .then(|| options_of(vm, o).get(i as usize).copied())
        .flatten()))
}

fn m_select_add(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_node(vm, c)?;
    let el = node_arg(vm, c, 0, "add", "HTMLSelectElement")?;
    let before = match c.arg(1) {
        Value::Obj(b) if node::node(vm, b).is_some() => Some(b),
        Value::Num(i) => options_of(vm, o).get(i.max(0.0) as usize).copied(),
        _ => None,
    };
    let parent = before.and_then(|b| node::parent(vm, b)).unwrap_or(o);
    node::pre_insert(vm, el, parent, before)?;
    Ok(Value::Undefined)
}

// ---- tables ----

fn create_child_if_absent(vm: &mut Vm, t: ObjRef, local: &str, first: bool) -> Res<ObjRef> {
    if let Some(x) = node::element_children(vm, t)
        .into_iter()
        .find(|c| node::local(vm, *c) == Some(local))
    {
        return Ok(x);
    }
    let e = node::create_element(vm, local);
    let reference = if first {
        node::children(vm, t).first().copied()
    } else {
        None
    };
    node::pre_insert(vm, e, t, reference)?;
    Ok(e)
}

fn m_create_thead(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let t = this_node(vm, c)?;
    Ok(Value::Obj(create_child_if_absent(vm, t, "thead", true)?))
}

fn m_create_tfoot(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let t = this_node(vm, c)?;
    Ok(Value::Obj(create_child_if_absent(vm, t, "tfoot", false)?))
}

fn m_create_caption(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let t = this_node(vm, c)?;
    Ok(Value::Obj(create_child_if_absent(vm, t, "caption", true)?))
}

fn m_create_tbody(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let t = this_node(vm, c)?;
    let e = node::create_element(vm, "tbody");
    let last_body = node::element_children(vm, t)
        .into_iter()
        .rfind(|x| node::local(vm, *x) == Some("tbody"));
    let reference = last_body.and_then(|b| node::sibling(vm, b, 1));
    node::pre_insert(vm, e, t, reference)?;
    Ok(Value::Obj(e))
}

fn m_delete_child_named(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let t = this_node(vm, c)?;
    let which = slot_str(vm, c, 0);
    if let Some(x) = node::element_children(vm, t)
        .into_iter()
        .find(|e| node::local(vm, *e) == Some(&*which))
    {
        node::remove(vm, x);
    }
    Ok(Value::Undefined)
}

fn index_error(vm: &mut Vm, i: f64, n: usize) -> crate::interp::Throw {
    super::exception(
        vm,
        "IndexSizeError",
        &format!("The index provided ({i}) is outside the range [-1, {n}]."),
    )
}

fn m_insert_row(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let t = this_node(vm, c)?;
    let i = match c.arg(0) {
        Value::Undefined => -1.0,
        v => vm.to_number(&v)?.trunc(),
    };
    let rows = collections::items(vm, &ListSrc::Rows(t));
    if i < -1.0 || i > rows.len() as f64 {
        return Err(index_error(vm, i, rows.len()));
    }
    let tr = node::create_element(vm, "tr");
    let is_table = node::local(vm, t) == Some("table");
    if !is_table {
        let reference = if i < 0.0 || i as usize == rows.len() {
            None
        } else {
            Some(rows[i as usize])
        };
        node::pre_insert(vm, tr, t, reference)?;
    } else if rows.is_empty() {
        let bodies = collections::items(vm, &ListSrc::TBodies(t));
        match bodies.last() {
            Some(b) => node::pre_insert(vm, tr, *b, None)?,
            None => {
                let b = node::create_element(vm, "tbody");
                node::pre_insert(vm, b, t, None)?;
                node::pre_insert(vm, tr, b, None)?;
            }
        }
    } else if i < 0.0 || i as usize == rows.len() {
        let last = rows[rows.len() - 1];
        let p = node::parent(vm, last).unwrap_or(t);
        node::pre_insert(vm, tr, p, None)?;
    } else {
        let r = rows[i as usize];
        let p = node::parent(vm, r).unwrap_or(t);
        node::pre_insert(vm, tr, p, Some(r))?;
    }
    Ok(Value::Obj(tr))
}

fn m_delete_row(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let t = this_node(vm, c)?;
    let i = vm.to_number(&c.arg(0))?.trunc();
    let rows = collections::items(vm, &ListSrc::Rows(t));
    if i < -1.0 || i >= rows.len() as f64 {
        if i == -1.0 && rows.is_empty() {
            return Ok(Value::Undefined);
        }
        return Err(index_error(vm, i, rows.len()));
    }
    let r = if i < 0.0 {
        rows[rows.len() - 1]
    } else {
        rows[i as usize]
    };
    node::remove(vm, r);
    Ok(Value::Undefined)
}

fn m_insert_cell(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let r = this_node(vm, c)?;
    let i = match c.arg(0) {
        Value::Undefined => -1.0,
        v => vm.to_number(&v)?.trunc(),
    };
    let cells = collections::items(vm, &ListSrc::Cells(r));
    if i < -1.0 || i > cells.len() as f64 {
        return Err(index_error(vm, i, cells.len()));
    }
    let td = node::create_element(vm, "td");
    let reference = if i < 0.0 || i as usize == cells.len() {
        None
    } else {
        Some(cells[i as usize])
    };
    node::pre_insert(vm, td, r, reference)?;
    Ok(Value::Obj(td))
}

fn m_delete_cell(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let r = this_node(vm, c)?;
    let i = vm.to_number(&c.arg(0))?.trunc();
    let cells = collections::items(vm, &ListSrc::Cells(r));
    if i < -1.0 || i >= cells.len() as f64 {
        if i == -1.0 && cells.is_empty() {
            return Ok(Value::Undefined);
        }
        return Err(index_error(vm, i, cells.len()));
    }
    let x = if i < 0.0 {
        cells[cells.len() - 1]
    } else {
        cells[i as usize]
    };
    node::remove(vm, x);
    Ok(Value::Undefined)
}

// ---- anchors, canvas, media ----

fn m_href_to_string(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_node(vm, c)?;
    Ok(match node::get_attr(vm, o, "href") {
        Some(raw) => s(&url::resolve(&raw).map(|u| u.href()).unwrap_or(raw)),
        None => s(""),
    })
}

fn m_get_context(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    this_node(vm, c)?;
    super::not_implemented(
        vm,
        "HTMLCanvasElement.prototype.getContext (without installing the canvas npm package)",
    );
    Ok(Value::Null)
}

fn m_media_not_implemented(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    this_node(vm, c)?;
    let which = slot_str(vm, c, 0);
    super::not_implemented(vm, &format!("HTMLMediaElement.prototype.{which}"));
    Ok(Value::Undefined)
}

fn m_dialog(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = this_node(vm, c)?;
    let which = slot_str(vm, c, 0);
    if &*which == "close" {
        if node::remove_attr(vm, o, "open") {
            super::events::fire(vm, o, "Event", "close", (false, false, false), vec![])?;
        }
    } else {
        node::set_attr(vm, o, "open", "");
    }
    Ok(Value::Undefined)
}

// ---- constructors ----

fn text_ctor(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let t = match c.arg(0) {
        Value::Undefined => String::new(),
        v => vm.to_string(&v)?.to_string(),
    };
    Ok(Value::Obj(node::create_text(vm, &t)))
}

fn comment_ctor(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let t = match c.arg(0) {
        Value::Undefined => String::new(),
        v => vm.to_string(&v)?.to_string(),
    };
    Ok(Value::Obj(node::alloc_node(vm, NodeData::Comment(t))))
}

fn fragment_ctor(vm: &mut Vm, _c: &NativeCall) -> Res<Value> {
    Ok(Value::Obj(node::alloc_node(vm, NodeData::Fragment)))
}

fn image_ctor(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let img = node::create_element(vm, "img");
    for (i, a) in ["width", "height"].iter().enumerate() {
        if !matches!(c.arg(i), Value::Undefined) {
            let n = crate::value::to_int32(vm.to_number(&c.arg(i))?);
            node::set_attr(vm, img, a, &n.to_string());
        }
    }
    Ok(Value::Obj(img))
}

fn option_ctor(vm: &mut Vm, c: &NativeCall) -> Res<Value> {
    let o = node::create_element(vm, "option");
    if !matches!(c.arg(0), Value::Undefined) {
        let t = vm.to_string(&c.arg(0))?.to_string();
        if !t.is_empty() {
            let tn = node::create_text(vm, &t);
            node::insert(vm, tn, o, None);
        }
    }
    if !matches!(c.arg(1), Value::Undefined) {
        let v = vm.to_string(&c.arg(1))?;
        node::set_attr(vm, o, "value", &v);
    }
    if c.arg(2).truthy() {
        node::set_attr(vm, o, "selected", "");
    }
    if let Some(e) = node::elem_mut(vm, o) {
        e.selected = Some(c.arg(3).truthy());
    }
    Ok(Value::Obj(o))
}

/// Installs a named constructor (`Image`, `Option`) whose prototype is `proto`.
fn named_ctor(vm: &mut Vm, name: &str, len: u32, f: NativeFnPtr, proto: ObjRef) {
    let ctor = vm.native_with(name, len, f, vec![], true);
    vm.set_hidden(ctor, "prototype", Value::Obj(proto));
    let g = vm.realm.global;
    vm.set_hidden(g, name, Value::Obj(ctor));
}

/// The prototype of interface `name` (installed by [`install`]).
pub fn proto_of(vm: &Vm, name: &str) -> ObjRef {
    vm.dom
        .protos
        .get(name)
        .copied()
        .unwrap_or(vm.realm.object_proto)
}

fn define_interface_members(vm: &mut Vm, name: &str, proto: ObjRef) {
    for (iface, ro, rw) in PROPS {
        if *iface != name {
            continue;
        }
        for p in *ro {
            super::accessor(vm, proto, p, prop_get, None, vec![s(p)]);
        }
        for p in *rw {
            super::accessor(vm, proto, p, prop_get, Some(prop_set), vec![s(p)]);
        }
    }
    for (iface, list) in REFLECT {
        if *iface != name {
            continue;
        }
        for (prop, attr, kind) in *list {
            let (k, d) = kind_slots(*kind);
            super::accessor(
                vm,
                proto,
                prop,
                reflect_get,
                Some(reflect_set),
                vec![s(attr), Value::Num(k), Value::Num(d)],
            );
        }
    }
}

fn ops(vm: &mut Vm, proto: ObjRef, list: &[(&str, u32, NativeFnPtr)]) {
    for (n, l, f) in list {
        super::op(vm, proto, n, *l, *f);
    }
}

const PARENT_NODE: &[(&str, u32, NativeFnPtr)] = &[
    ("prepend", 0, m_prepend),
    ("append", 0, m_append),
    ("replaceChildren", 0, m_replace_children),
    ("querySelector", 1, m_query_selector),
    ("querySelectorAll", 1, m_query_selector_all),
];

const CHILD_NODE: &[(&str, u32, NativeFnPtr)] = &[
    ("before", 0, m_before),
    ("after", 0, m_after),
    ("replaceWith", 0, m_replace_with),
    ("remove", 0, m_remove),
];

/// Installs Node and every node interface; returns nothing (prototypes are kept in
/// the DOM state by name).
pub fn install(vm: &mut Vm) {
    let etp = vm.dom.event_target_proto;
    let etc = vm.dom.event_target_ctor;
    let add = |vm: &mut Vm, name: &'static str, parent: &str, f: NativeFnPtr| -> ObjRef {
        let (pp, pc) = if parent == "EventTarget" {
            (etp, etc)
        } else {
            let pp = proto_of(vm, parent);
            let pc = vm
                .dom
                .ctors
                .iter()
                .find(|(n, _)| *n == parent)
                .map(|(_, c)| *c)
                .unwrap_or(etc);
            (pp, pc)
        };
        let (ctor, proto) = super::class(vm, name, pp, Some(pc), 0, f);
        vm.dom.protos.insert(name, proto);
        vm.dom.ctors.push((name, ctor));
        define_interface_members(vm, name, proto);
        proto
    };
    let np = add(vm, "Node", "EventTarget", super::illegal_ctor);
    vm.dom.node_proto = np;
    vm.dom.node_ctor = vm.dom.ctors.last().map(|c| c.1).unwrap_or(etc);
    ops(
        vm,
        np,
        &[
            ("getRootNode", 0, m_get_root_node),
            ("hasChildNodes", 0, m_has_child_nodes),
            ("normalize", 0, m_normalize),
            ("cloneNode", 0, m_clone_node),
            ("isEqualNode", 1, m_is_equal_node),
            ("isSameNode", 1, m_is_same_node),
            ("compareDocumentPosition", 1, m_compare_document_position),
            ("contains", 1, m_contains),
            ("insertBefore", 2, m_insert_before),
            ("appendChild", 1, m_append_child),
            ("replaceChild", 2, m_replace_child),
            ("removeChild", 1, m_remove_child),
        ],
    );
    let nc = vm.dom.node_ctor;
    for (i, k) in [
        "ELEMENT_NODE",
        "ATTRIBUTE_NODE",
        "TEXT_NODE",
        "CDATA_SECTION_NODE",
        "ENTITY_REFERENCE_NODE",
        "ENTITY_NODE",
        "PROCESSING_INSTRUCTION_NODE",
        "COMMENT_NODE",
        "DOCUMENT_NODE",
        "DOCUMENT_TYPE_NODE",
        "DOCUMENT_FRAGMENT_NODE",
        "NOTATION_NODE",
    ]
    .iter()
    .enumerate()
    {
        vm.set_const(nc, k, Value::Num(i as f64 + 1.0));
        vm.set_const(np, k, Value::Num(i as f64 + 1.0));
    }
    for (i, k) in [
        "DOCUMENT_POSITION_DISCONNECTED",
        "DOCUMENT_POSITION_PRECEDING",
        "DOCUMENT_POSITION_FOLLOWING",
        "DOCUMENT_POSITION_CONTAINS",
        "DOCUMENT_POSITION_CONTAINED_BY",
        "DOCUMENT_POSITION_IMPLEMENTATION_SPECIFIC",
    ]
    .iter()
    .enumerate()
    {
        vm.set_const(nc, k, Value::Num((1u32 << i) as f64));
        vm.set_const(np, k, Value::Num((1u32 << i) as f64));
    }

    let ep = add(vm, "Element", "Node", super::illegal_ctor);
    ops(vm, ep, PARENT_NODE);
    ops(vm, ep, CHILD_NODE);
    ops(
        vm,
        ep,
        &[
            ("hasAttributes", 0, m_has_attributes),
            ("getAttributeNames", 0, m_get_attribute_names),
            ("getAttribute", 1, m_get_attribute),
            ("setAttribute", 2, m_set_attribute),
            ("removeAttribute", 1, m_remove_attribute),
            ("toggleAttribute", 1, m_toggle_attribute),
            ("hasAttribute", 1, m_has_attribute),
            ("closest", 1, m_closest),
            ("matches", 1, m_matches),
            ("webkitMatchesSelector", 1, m_matches),
            ("getElementsByTagName", 1, m_get_elements_by_tag_name),
            ("getElementsByClassName", 1, m_get_elements_by_class_name),
            ("insertAdjacentElement", 2, m_insert_adjacent_element),
            ("insertAdjacentText", 2, m_insert_adjacent_text),
            ("insertAdjacentHTML", 2, m_insert_adjacent_html),
            ("getBoundingClientRect", 0, m_get_bounding_client_rect),
            ("getClientRects", 0, m_get_client_rects),
            ("attachShadow", 1, m_attach_shadow),
        ],
    );
    let hp = add(vm, "HTMLElement", "Element", super::illegal_ctor);
    ops(
        vm,
        hp,
        &[
            ("click", 0, m_click),
            ("focus", 0, m_focus_blur),
            ("blur", 0, m_focus_blur),
        ],
    );
    super::events::define_handlers(vm, hp, super::events::GLOBAL_HANDLERS);
    for (name, parent) in HTML_INTERFACES {
        add(vm, name, parent, super::illegal_ctor);
    }
    let validity: &[(&str, u32, NativeFnPtr)] = &[
        ("checkValidity", 0, m_true),
        ("reportValidity", 0, m_true),
        ("setCustomValidity", 1, m_noop),
    ];
    for iface in [
        "HTMLInputElement",
        "HTMLTextAreaElement",
        "HTMLSelectElement",
        "HTMLButtonElement",
        "HTMLFormElement",
        "HTMLFieldSetElement",
        "HTMLOutputElement",
    ] {
        let p = proto_of(vm, iface);
        ops(vm, p, validity);
    }
    for iface in ["HTMLInputElement", "HTMLTextAreaElement"] {
        let p = proto_of(vm, iface);
        ops(
            vm,
            p,
            &[("select", 0, m_noop), ("setSelectionRange", 2, m_noop)],
        );
    }
    let fp = proto_of(vm, "HTMLFormElement");
    ops(
        vm,
        fp,
        &[
            ("submit", 0, m_submit),
            ("requestSubmit", 0, m_request_submit),
            ("reset", 0, m_reset),
        ],
    );
    let sp = proto_of(vm, "HTMLSelectElement");
    ops(
        vm,
        sp,
        &[
            ("item", 1, m_select_item),
            ("add", 1, m_select_add),
            ("remove", 0, m_remove),
        ],
    );
    let ap = proto_of(vm, "HTMLAnchorElement");
    ops(vm, ap, &[("toString", 0, m_href_to_string)]);
    let tp = proto_of(vm, "HTMLTableElement");
    ops(
        vm,
        tp,
        &[
            ("createCaption", 0, m_create_caption),
            ("createTHead", 0, m_create_thead),
            ("createTFoot", 0, m_create_tfoot),
            ("createTBody", 0, m_create_tbody),
            ("insertRow", 0, m_insert_row),
            ("deleteRow", 1, m_delete_row),
        ],
    );
    for (n, which) in [
        ("deleteCaption", "caption"),
        ("deleteTHead", "thead"),
        ("deleteTFoot", "tfoot"),
    ] {
        let f = vm.native_with(n, 0, m_delete_child_named, vec![s(which)], false);
        vm.set_prop_raw(tp, n, Value::Obj(f));
    }
    let tsp = proto_of(vm, "HTMLTableSectionElement");
    ops(
        vm,
        tsp,
        &[
            ("insertRow", 0, m_insert_row),
            ("deleteRow", 1, m_delete_row),
        ],
    );
    let trp = proto_of(vm, "HTMLTableRowElement");
    ops(
        vm,
        trp,
        &[
            ("insertCell", 0, m_insert_cell),
            ("deleteCell", 1, m_delete_cell),
        ],
    );
    let cp = proto_of(vm, "HTMLCanvasElement");
    ops(vm, cp, &[("getContext", 1, m_get_context)]);
    let mp = proto_of(vm, "HTMLMediaElement");
    for n in ["play", "pause", "load"] {
        let f = vm.native_with(n, 0, m_media_not_implemented, vec![s(n)], false);
        vm.set_prop_raw(mp, n, Value::Obj(f));
    }
    let dp = proto_of(vm, "HTMLDialogElement");
    for n in ["show", "showModal", "close"] {
        let f = vm.native_with(n, 0, m_dialog, vec![s(n)], false);
        vm.set_prop_raw(dp, n, Value::Obj(f));
    }

    let cdp = add(vm, "CharacterData", "Node", super::illegal_ctor);
    ops(vm, cdp, CHILD_NODE);
    ops(
        vm,
        cdp,
        &[
            ("appendData", 1, m_append_data),
            ("deleteData", 2, m_delete_data),
            ("insertData", 2, m_insert_data),
            ("replaceData", 3, m_replace_data),
            ("substringData", 2, m_substring_data),
        ],
    );
    let txp = add(vm, "Text", "CharacterData", text_ctor);
    ops(vm, txp, &[("splitText", 1, m_split_text)]);
    add(vm, "Comment", "CharacterData", comment_ctor);
    let dtp = add(vm, "DocumentType", "Node", super::illegal_ctor);
    ops(vm, dtp, CHILD_NODE);
    let dfp = add(vm, "DocumentFragment", "Node", fragment_ctor);
    ops(vm, dfp, PARENT_NODE);
    ops(vm, dfp, &[("getElementById", 1, m_get_element_by_id)]);
    let docp = add(vm, "Document", "Node", super::illegal_ctor);
    ops(vm, docp, PARENT_NODE);
    ops(
        vm,
        docp,
        &[
            ("getElementById", 1, m_get_element_by_id),
            ("getElementsByTagName", 1, m_get_elements_by_tag_name),
            ("getElementsByClassName", 1, m_get_elements_by_class_name),
            ("getElementsByName", 1, m_get_elements_by_name),
            ("createElement", 1, m_create_element),
            ("createElementNS", 2, m_create_element_ns),
            ("createTextNode", 1, m_create_text_node),
            ("createComment", 1, m_create_comment),
            ("createDocumentFragment", 0, m_create_document_fragment),
            ("createEvent", 1, m_create_event),
            ("importNode", 1, m_import_node),
            ("adoptNode", 1, m_adopt_node),
            ("hasFocus", 0, m_has_focus),
            ("elementFromPoint", 2, m_element_from_point),
        ],
    );
    super::events::define_handlers(vm, docp, super::events::GLOBAL_HANDLERS);
    super::events::define_handlers(vm, docp, &["readystatechange", "DOMContentLoaded"]);
    add(vm, "HTMLDocument", "Document", super::illegal_ctor);

    let img = proto_of(vm, "HTMLImageElement");
    named_ctor(vm, "Image", 0, image_ctor, img);
    let option = proto_of(vm, "HTMLOptionElement");
    named_ctor(vm, "Option", 0, option_ctor, option);
}

/// The prototype for a new node.
pub fn proto_for_data(vm: &Vm, data: &NodeData) -> ObjRef {
    match data {
        NodeData::Element(e) => proto_of(vm, interface_for(&e.local)),
        NodeData::Text(_) => proto_of(vm, "Text"),
        NodeData::Comment(_) => proto_of(vm, "Comment"),
        NodeData::Document => proto_of(vm, "Document"),
        NodeData::Doctype(_) => proto_of(vm, "DocumentType"),
        NodeData::Fragment => proto_of(vm, "DocumentFragment"),
    }
}

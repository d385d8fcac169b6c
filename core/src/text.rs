//! Text fields that backends send as HTML (WordPress titles and excerpts): turned into plain text,
//! never parsed into the page; and plain text made into HTML.

use crate::model::UntrustedHtml;

/// Plain text of an HTML fragment: tags dropped (with the content of `script`, `style` and
/// `template`), character references decoded, runs of white space folded into one space.
pub fn html_to_text(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        text.push_str(&rest[..open]);
        rest = &rest[open..];
        let Some(close) = rest.find('>') else {
            // A lone `<` is text.
            text.push_str(rest);
            rest = "";
            break;
        };
        let tag = rest[1..close].trim_start_matches('/').to_ascii_lowercase();
        let name: String = tag.chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
        rest = &rest[close + 1..];
        if matches!(name.as_str(), "script" | "style" | "template") && !rest.is_empty() {
            let end_tag = format!("</{name}");
            let lower = rest.to_ascii_lowercase();
            rest = match lower.find(&end_tag) {
                Some(end) => rest[end..].find('>').map_or("", |gt| &rest[end + gt + 1..]),
                None => "",
            };
        }
        if matches!(name.as_str(), "p" | "br" | "div" | "li" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6") {
            text.push(' ');
        }
    }
    text.push_str(rest);
    collapse_whitespace(&decode_entities(&text))
}

/// Runs of white space become one space; the ends are trimmed.
pub fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// At most `max` characters, cut at a word boundary with `…` when cut.
pub fn shorten(text: &str, max: usize) -> String {
    let Some((cut, _)) = text.char_indices().nth(max) else { return text.to_string() };
    let head = text.get(..cut).unwrap_or(text);
    let head = match head.rfind(char::is_whitespace) {
        Some(space) if space > cut / 2 => head.get(..space).unwrap_or(head),
        _ => head,
    };
    format!("{}…", head.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '-' | '–')))
}

/// Text made safe to put inside HTML.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Plain text as HTML: a blank line separates paragraphs, a single line break stays one.
pub fn text_to_html(text: &str) -> UntrustedHtml {
    fn flush(paragraph: &mut Vec<&str>, html: &mut String) {
        if !paragraph.is_empty() {
            let lines: Vec<String> = paragraph.iter().map(|l| escape_html(&collapse_whitespace(l))).collect();
            html.push_str("<p>");
            html.push_str(&lines.join("<br>"));
            html.push_str("</p>");
            paragraph.clear();
        }
    }
    let normalized = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut html = String::new();
    let mut paragraph: Vec<&str> = Vec::new();
    for line in normalized.split('\n') {
        if line.trim().is_empty() {
            flush(&mut paragraph, &mut html);
        } else {
            paragraph.push(line);
        }
    }
    flush(&mut paragraph, &mut html);
    UntrustedHtml(html)
}


/// Decodes `&amp;`, `&#8217;`, `&#x2019;` and the named references news text uses. Unknown names
/// and malformed references are kept as written.
pub fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let end = rest[1..].find(|c: char| !(c.is_ascii_alphanumeric() || c == '#')).map(|i| i + 1);
        let decoded = match end {
            Some(end) if rest[end..].starts_with(';') => reference(&rest[1..end]).map(|c| (c, end + 1)),
            _ => None,
        };
        match decoded {
            Some((c, used)) => {
                out.push(c);
                rest = &rest[used..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn reference(name: &str) -> Option<char> {
    if let Some(number) = name.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse().ok()?,
        };
        // NUL and unpaired surrogates become the replacement character, as in browsers.
        return Some(char::from_u32(code).filter(|&c| c != '\0').unwrap_or('\u{FFFD}'));
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" | "#39" => '\'',
        "nbsp" => '\u{a0}',
        "hellip" => '…',
        "mdash" => '—',
        "ndash" => '–',
        "lsquo" => '‘',
        "rsquo" => '’',
        "sbquo" => '‚',
        "ldquo" => '“',
        "rdquo" => '”',
        "bdquo" => '„',
        "laquo" => '«',
        "raquo" => '»',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "deg" => '°',
        "middot" => '·',
        "bull" => '•',
        "times" => '×',
        "divide" => '÷',
        "euro" => '€',
        "pound" => '£',
        "yen" => '¥',
        "cent" => '¢',
        "sect" => '§',
        "para" => '¶',
        "frac12" => '½',
        "frac14" => '¼',
        "frac34" => '¾',
        "iexcl" => '¡',
        "iquest" => '¿',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_wordpress_titles() {
        assert_eq!(html_to_text("Mexican president declines Trump&#8217;s offer"), "Mexican president declines Trump’s offer");
        assert_eq!(html_to_text("AT&amp;T &#x201C;quoted&#x201d; &hellip;"), "AT&T “quoted” …");
        assert_eq!(html_to_text("Unicode &#038; XSS: café <script>alert(\"title\")</script> 🇺🇸"), "Unicode & XSS: café 🇺🇸");
    }

    #[test]
    fn strips_tags_and_folds_space() {
        assert_eq!(html_to_text("<p>First <em>line</em>.</p>\n<p>Second [&hellip;]</p>\n"), "First line. Second […]");
        assert_eq!(html_to_text("5 < 6 and a <b"), "5 < 6 and a <b");
        assert_eq!(html_to_text("<style>p{}</style>kept<template><p>x</p></template>"), "kept");
    }

    #[test]
    fn keeps_what_is_not_a_reference() {
        assert_eq!(decode_entities("&unknown; & &amp &#xZZ; &#0; &#55296;"), "&unknown; & &amp &#xZZ; \u{FFFD} \u{FFFD}");
    }
}

//! Reading time from a story's HTML.

/// Adult silent reading speed for non-fiction, words per minute.
const WORDS_PER_MINUTE: usize = 230;

/// Minutes to read `html`, rounded up, at least one.
pub fn reading_minutes(html: &str) -> u32 {
    let words = words_in_html(html);
    words.div_ceil(WORDS_PER_MINUTE).max(1) as u32
}

/// Counts words in the text outside tags; a tag boundary separates words.
fn words_in_html(html: &str) -> usize {
    let mut words = 0;
    let mut in_tag = false;
    let mut in_word = false;
    for c in html.chars() {
        match c {
            '<' => {
                in_tag = true;
                in_word = false;
            }
            '>' if in_tag => in_tag = false,
            _ if in_tag => {}
            c if c.is_alphanumeric() => {
                if !in_word {
                    words += 1;
                    in_word = true;
                }
            }
            '\'' | '’' | '-' if in_word => {}
            _ => in_word = false,
        }
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_words_outside_tags() {
        assert_eq!(words_in_html("<p>One two <a href=\"x y z\">three</a>.</p><p>Four’s</p>"), 4);
        assert_eq!(words_in_html("<p>well-known</p><p>next</p>"), 2);
        assert_eq!(words_in_html(""), 0);
    }

    #[test]
    fn rounds_up_to_whole_minutes_and_never_says_zero() {
        assert_eq!(reading_minutes(""), 1);
        assert_eq!(reading_minutes(&"word ".repeat(230)), 1);
        assert_eq!(reading_minutes(&"word ".repeat(231)), 2);
        assert_eq!(reading_minutes(&format!("<p>{}</p>", "word ".repeat(920))), 4);
    }
}

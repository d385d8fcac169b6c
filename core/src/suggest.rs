//! Live search suggestions under the header's search box: when to ask, how many to show, and how
//! the arrow keys move through them (the ARIA combobox and listbox pattern).

/// At most this many suggestions.
pub const MAX_SUGGESTIONS: usize = 6;
/// Shorter queries match too much to help.
pub const MIN_QUERY_CHARS: usize = 2;

/// Whether a query is worth asking suggestions for.
pub fn wants_suggestions(query: &str) -> bool {
    query.trim().chars().count() >= MIN_QUERY_CHARS
}

/// A key that moves the highlighted suggestion (Home and End stay with the text box's caret).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Move {
    Down,
    Up,
}

impl Move {
    /// The move a `KeyboardEvent.key` names, if any.
    pub fn from_key(key: &str) -> Option<Move> {
        match key {
            "ArrowDown" => Some(Move::Down),
            "ArrowUp" => Some(Move::Up),
            _ => None,
        }
    }
}

/// The highlighted suggestion after a move among `count`, wrapping at both ends. Down from the
/// box goes to the first, Up to the last.
pub fn move_active(active: Option<usize>, count: usize, step: Move) -> Option<usize> {
    if count == 0 {
        return None;
    }
    let last = count - 1;
    Some(match (step, active) {
        (Move::Down, None) => 0,
        (Move::Down, Some(i)) if i >= last => 0,
        (Move::Down, Some(i)) => i + 1,
        (Move::Up, None | Some(0)) => last,
        (Move::Up, Some(i)) => i.min(count) - 1,
    })
}

/// What the live region says about the list.
pub fn count_message(count: usize) -> String {
    match count {
        0 => "No suggestions.".into(),
        1 => "1 suggestion. Use the arrow keys to choose it.".into(),
        n => format!("{n} suggestions. Use the up and down arrow keys to choose one."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrows_wrap_around_the_list() {
        assert_eq!(move_active(None, 3, Move::Down), Some(0));
        assert_eq!(move_active(Some(0), 3, Move::Down), Some(1));
        assert_eq!(move_active(Some(2), 3, Move::Down), Some(0));
        assert_eq!(move_active(None, 3, Move::Up), Some(2));
        assert_eq!(move_active(Some(0), 3, Move::Up), Some(2));
        assert_eq!(move_active(Some(2), 3, Move::Up), Some(1));
        assert_eq!(move_active(Some(1), 0, Move::Down), None);
        // A list that shrank under the highlight.
        assert_eq!(move_active(Some(5), 3, Move::Up), Some(2));
        assert_eq!(move_active(Some(5), 3, Move::Down), Some(0));
    }

    #[test]
    fn keys_and_queries() {
        assert_eq!(Move::from_key("ArrowDown"), Some(Move::Down));
        assert_eq!(Move::from_key("Enter"), None);
        assert_eq!(Move::from_key("Home"), None);
        assert!(!wants_suggestions(" b "));
        assert!(wants_suggestions("bu"));
        assert!(wants_suggestions("éé"));
        assert_eq!(count_message(6), "6 suggestions. Use the up and down arrow keys to choose one.");
        assert_eq!(count_message(0), "No suggestions.");
    }
}

//! Threading comments from their `parent` links.

use crate::model::Comment;
use crate::order::sort_by_rank;
use std::collections::{HashMap, HashSet};

/// A comment in display order, with its indentation level.
#[derive(Clone, Debug, PartialEq)]
pub struct ThreadedComment {
    pub comment: Comment,
    /// 0 for a top-level comment; replies deeper than the limit stay at the limit, under their
    /// ancestor.
    pub depth: usize,
}

/// Which comments come first among siblings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Order {
    OldestFirst,
    NewestFirst,
}

/// Orders comments as a thread: each followed by its replies (always oldest first, so a
/// conversation reads in order), top-level ones in `order`. A reply whose parent is missing is
/// shown as top-level rather than lost. Cycles cannot occur: each comment is placed once.
pub fn thread(comments: Vec<Comment>, max_depth: usize, order: Order) -> Vec<ThreadedComment> {
    let ids: HashMap<&str, usize> = comments.iter().enumerate().map(|(i, c)| (c.id.as_str(), i)).collect();
    let mut children: HashMap<usize, Vec<usize>> = HashMap::new();
    let mut roots = Vec::new();
    for (i, comment) in comments.iter().enumerate() {
        match comment.parent.as_deref().and_then(|p| ids.get(p)).filter(|&&p| p != i) {
            Some(&parent) => children.entry(parent).or_default().push(i),
            None => roots.push(i),
        }
    }
    // The lists are in index order, so equal dates stay in index order.
    let by_date = |list: &mut Vec<usize>| sort_by_rank(list, |&i| comments[i].date.0);
    by_date(&mut roots);
    if order == Order::NewestFirst {
        roots.reverse();
    }
    children.values_mut().for_each(by_date);

    let mut placed = vec![false; comments.len()];
    let mut order_out = Vec::with_capacity(comments.len());
    // Depth-first with an explicit stack: a hostile 100,000-deep chain cannot overflow.
    let mut stack: Vec<(usize, usize)> = roots.iter().rev().map(|&i| (i, 0)).collect();
    while let Some((i, depth)) = stack.pop() {
        if std::mem::replace(&mut placed[i], true) {
            continue;
        }
        order_out.push((i, depth.min(max_depth)));
        if let Some(replies) = children.get(&i) {
            stack.extend(replies.iter().rev().map(|&r| (r, depth + 1)));
        }
    }
    // Comments only reachable through a cycle have no root: show them at the top level.
    order_out.extend((0..comments.len()).filter(|&i| !placed[i]).map(|i| (i, 0)));

    let mut slots: Vec<Option<Comment>> = comments.into_iter().map(Some).collect();
    order_out.into_iter().filter_map(|(i, depth)| slots[i].take().map(|comment| ThreadedComment { comment, depth })).collect()
}

/// A line of the comment list: a comment, or the reply form under the comment it answers.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Row<'a> {
    Comment(&'a ThreadedComment),
    ReplyForm { parent: &'a str },
}

/// What a line of the comment list shows, stable across updates: the list on screen is arranged
/// by these (see `arrange`), so showing more comments, posting one, opening a reply form or
/// changing the order builds only the lines that are new and leaves the others (and a draft being
/// typed) alone.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum RowKey {
    Comment(String),
    ReplyForm(String),
}

impl Row<'_> {
    pub fn key(&self) -> RowKey {
        match self {
            Row::Comment(item) => RowKey::Comment(item.comment.id.clone()),
            Row::ReplyForm { parent } => RowKey::ReplyForm(parent.to_string()),
        }
    }
}

/// Which comments of a thread are on screen: the first `first` of the others, and every comment
/// the reader posted here, wherever the thread puts it. So a new comment is seen at once, even
/// after comments not shown yet, and pushes none of the shown ones out.
#[derive(Clone, Copy, Debug)]
pub struct Shown<'a> {
    pub first: usize,
    pub posted_here: &'a [Comment],
}

impl<'a> Shown<'a> {
    /// The thread's comments, each with whether it is on screen.
    fn mark<'t>(&self, threaded: &'t [ThreadedComment]) -> impl Iterator<Item = (&'t ThreadedComment, bool)> + use<'t, 'a> {
        let (first, posted_here) = (self.first, self.posted_here);
        let mut others = 0;
        threaded.iter().map(move |item| {
            let shown = posted_here.iter().any(|own| own.id == item.comment.id) || {
                others += 1;
                others <= first
            };
            (item, shown)
        })
    }

    /// How many comments are not shown yet, and the first of them (which "Show more" focuses).
    pub fn hidden<'t>(&self, threaded: &'t [ThreadedComment]) -> (usize, Option<&'t ThreadedComment>) {
        self.mark(threaded).filter(|&(_, shown)| !shown).fold((0, None), |(count, first), (item, _)| (count + 1, first.or(Some(item))))
    }
}

/// The shown comments of a thread, with the reply form right after the comment `replying_to`
/// when that one is among them.
pub fn rows<'a>(threaded: &'a [ThreadedComment], shown: Shown, replying_to: Option<&'a str>) -> Vec<Row<'a>> {
    let mut rows = Vec::with_capacity(shown.first.min(threaded.len()) + shown.posted_here.len() + 1);
    for (item, _) in shown.mark(threaded).filter(|&(_, shown)| shown) {
        rows.push(Row::Comment(item));
        if replying_to == Some(item.comment.id.as_str()) {
            rows.push(Row::ReplyForm { parent: &item.comment.id });
        }
    }
    rows
}

/// A line put in place: `wanted[row]` goes just before the line now at `current[before]`, or at
/// the end of the list when `None`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Placement {
    pub row: usize,
    pub before: Option<usize>,
}

/// How to turn the lines on screen into the wanted ones.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Arrangement {
    /// In the order to apply them. A line is never placed before a removed one, so removals can
    /// come before or after.
    pub placements: Vec<Placement>,
    /// Lines of `current` that are not wanted any more.
    pub removed: Vec<usize>,
}

/// One pass over both lists: lines already in the wanted order stay where they are; each other
/// wanted line (a new one, or one that moved) is placed before the first line on screen that has
/// not been dealt with. Appending (more comments) places only the new lines, all at the end;
/// opening or closing a reply form places or removes one line; reversing the top-level order
/// moves all but one group, consecutive placements before the same line, which the caller can
/// insert together. `wanted` must not repeat a key (thread ids are unique).
pub fn arrange<K: Eq + std::hash::Hash>(current: &[K], wanted: &[K]) -> Arrangement {
    // The lines both start with stay; "Show more" has nothing else on screen, so nothing to hash.
    let common = current.iter().zip(wanted).take_while(|(a, b)| a == b).count();
    let still_wanted: HashSet<&K> = if common < current.len() { wanted[common..].iter().collect() } else { HashSet::new() };
    let mut placed = HashSet::new();
    let mut arrangement = Arrangement::default();
    let mut cursor = common;
    for (row, key) in wanted.iter().enumerate().skip(common) {
        // Skip what is already dealt with: lines moved ahead, lines going away.
        while let Some(line) = current.get(cursor) {
            let going = !still_wanted.contains(line);
            if !going && !placed.contains(line) {
                break;
            }
            if going {
                arrangement.removed.push(cursor);
            }
            cursor += 1;
        }
        if current.get(cursor) == Some(key) {
            cursor += 1;
        } else {
            arrangement.placements.push(Placement { row, before: (cursor < current.len()).then_some(cursor) });
            if cursor < current.len() {
                placed.insert(key);
            }
        }
    }
    arrangement.removed.extend((cursor..current.len()).filter(|&i| !placed.contains(&current[i])));
    arrangement
}

/// The first letters of the first two words of a commenter's name, for an avatar without a
/// picture. Upper-cased ASCII-only: full Unicode upper-casing would ship its tables to the browser
/// for the rare name that starts with a lower-case non-ASCII letter, which then stays as written.
pub fn initials(name: &str) -> String {
    name.split_whitespace().filter_map(|word| word.chars().next()).take(2).map(|c| c.to_ascii_uppercase()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CommentAuthor, CommentStatus, UntrustedHtml};
    use crate::time::Timestamp;

    fn comment(id: &str, parent: Option<&str>, date: i64) -> Comment {
        Comment {
            id: id.into(),
            parent: parent.map(Into::into),
            author: CommentAuthor { name: id.into(), url: None, avatar: None },
            date: Timestamp(date),
            html: UntrustedHtml::default(),
            status: CommentStatus::Approved,
        }
    }

    fn shape(threaded: &[ThreadedComment]) -> Vec<(&str, usize)> {
        threaded.iter().map(|t| (t.comment.id.as_str(), t.depth)).collect()
    }

    #[test]
    fn nests_replies_under_parents_in_date_order() {
        let comments = vec![
            comment("a", None, 1),
            comment("b", None, 2),
            comment("a2", Some("a"), 5),
            comment("a1", Some("a"), 3),
            comment("a1x", Some("a1"), 4),
        ];
        let oldest = thread(comments.clone(), 5, Order::OldestFirst);
        assert_eq!(shape(&oldest), [("a", 0), ("a1", 1), ("a1x", 2), ("a2", 1), ("b", 0)]);
        let newest = thread(comments, 5, Order::NewestFirst);
        assert_eq!(shape(&newest), [("b", 0), ("a", 0), ("a1", 1), ("a1x", 2), ("a2", 1)]);
    }

    #[test]
    fn flattens_beyond_the_depth_limit() {
        let comments = vec![comment("1", None, 1), comment("2", Some("1"), 2), comment("3", Some("2"), 3), comment("4", Some("3"), 4)];
        assert_eq!(shape(&thread(comments, 2, Order::OldestFirst)), [("1", 0), ("2", 1), ("3", 2), ("4", 2)]);
    }

    #[test]
    fn orphans_and_cycles_are_shown_not_lost() {
        let comments = vec![
            comment("orphan", Some("deleted"), 1),
            comment("self", Some("self"), 2),
            comment("x", Some("y"), 3),
            comment("y", Some("x"), 4),
        ];
        let threaded = thread(comments, 5, Order::OldestFirst);
        assert_eq!(threaded.len(), 4);
        assert_eq!(shape(&threaded)[..2], [("orphan", 0), ("self", 0)]);
    }

    #[test]
    fn rows_put_the_reply_form_under_its_comment() {
        let threaded = thread(vec![comment("a", None, 1), comment("a1", Some("a"), 2), comment("b", None, 3)], 5, Order::OldestFirst);
        let keys = |rows: Vec<Row>| rows.iter().map(Row::key).collect::<Vec<_>>();
        let c = |id: &str| RowKey::Comment(id.into());
        let form = |id: &str| RowKey::ReplyForm(id.into());
        let first = |first| Shown { first, posted_here: &[] };
        assert_eq!(keys(rows(&threaded, first(10), None)), [c("a"), c("a1"), c("b")]);
        assert_eq!(keys(rows(&threaded, first(10), Some("a"))), [c("a"), form("a"), c("a1"), c("b")]);
        assert_eq!(keys(rows(&threaded, first(2), Some("a1"))), [c("a"), c("a1"), form("a1")]);
        assert_eq!(keys(rows(&threaded, first(2), Some("b"))), [c("a"), c("a1")], "not shown, so no form");
    }

    #[test]
    fn the_readers_own_comments_are_shown_and_push_no_other_out() {
        let reply = comment("mine", Some("a"), 9);
        let late = comment("late", None, 10);
        let others = vec![comment("a", None, 1), comment("a1", Some("a"), 2), comment("b", None, 3), comment("c", None, 4)];
        let threaded = thread([others, vec![reply.clone(), late.clone()]].concat(), 5, Order::OldestFirst);
        let ids = |rows: Vec<Row>| rows.iter().map(|row| match row { Row::Comment(item) => item.comment.id.clone(), Row::ReplyForm { .. } => "form".into() }).collect::<Vec<_>>();
        let posted = [reply, late];
        let shown = Shown { first: 2, posted_here: &posted };
        assert_eq!(ids(rows(&threaded, shown, None)), ["a", "a1", "mine", "late"], "the reply under its parent, the new comment after the unshown ones");
        let (count, first_hidden) = shown.hidden(&threaded);
        assert_eq!((count, first_hidden.map(|item| item.comment.id.as_str())), (2, Some("b")));
        let all = Shown { first: 4, posted_here: &posted };
        assert_eq!(ids(rows(&threaded, all, None)), ["a", "a1", "mine", "b", "c", "late"]);
        assert_eq!(all.hidden(&threaded).0, 0);
        assert_eq!(Shown { first: 0, posted_here: &[] }.hidden(&threaded).0, threaded.len());
    }

    /// Applies an arrangement the way the browser does (insert before a node, remove nodes).
    fn applied(current: &[&'static str], wanted: &[&'static str]) -> (Vec<&'static str>, Arrangement) {
        let arrangement = arrange(current, wanted);
        let mut list = current.to_vec();
        for p in &arrangement.placements {
            let key = wanted[p.row];
            assert!(p.before.is_none_or(|b| !arrangement.removed.contains(&b)), "never placed before a removed line");
            list.retain(|k| *k != key);
            match p.before {
                Some(b) => {
                    let at = list.iter().position(|k| *k == current[b]).expect("the anchor is on screen");
                    list.insert(at, key);
                }
                None => list.push(key),
            }
        }
        let gone: Vec<_> = arrangement.removed.iter().map(|&i| current[i]).collect();
        list.retain(|k| !gone.contains(k));
        (list, arrangement)
    }

    #[test]
    fn arranging_touches_only_what_changed() {
        let (list, a) = applied(&["a", "b"], &["a", "b", "c", "d"]);
        assert_eq!(list, ["a", "b", "c", "d"]);
        assert_eq!(a.placements, [Placement { row: 2, before: None }, Placement { row: 3, before: None }], "appended at the end");
        let (list, a) = applied(&["a", "b", "c"], &["a", "b", "form-b", "c"]);
        assert_eq!(list, ["a", "b", "form-b", "c"]);
        assert_eq!(a.placements, [Placement { row: 2, before: Some(2) }], "one line inserted");
        let (list, a) = applied(&["a", "b", "form-b", "c"], &["a", "b", "b1", "c"]);
        assert_eq!(list, ["a", "b", "b1", "c"], "a posted reply takes the form's place");
        assert_eq!((a.placements.len(), a.removed), (1, vec![2]));
        let (list, a) = applied(&["a", "a1", "b", "c", "c1"], &["c", "c1", "b", "a", "a1"]);
        assert_eq!(list, ["c", "c1", "b", "a", "a1"]);
        assert!(a.placements.iter().all(|p| p.before == Some(0)), "reordered by moving lines ahead of the first: {a:?}");
        assert_eq!(applied(&["a", "b"], &[]).0, Vec::<&str>::new());
        assert_eq!(applied(&[], &["a"]).0, ["a"]);
    }

    #[test]
    fn any_arrangement_gives_the_wanted_list() {
        // Every wanted list drawn from a pool, against every current one: a small exhaustive check.
        let pool = ["a", "b", "c", "d", "e"];
        let mut lists: Vec<Vec<&'static str>> = vec![vec![]];
        for _ in 0..4 {
            let longer: Vec<Vec<&'static str>> = lists
                .iter()
                .flat_map(|l| pool.iter().filter(|k| !l.contains(k)).map(move |k| [l.clone(), vec![*k]].concat()))
                .collect();
            lists.extend(longer);
            lists.sort();
            lists.dedup();
        }
        for current in &lists {
            for wanted in &lists {
                assert_eq!(&applied(current, wanted).0, wanted, "from {current:?}");
            }
        }
    }

    #[test]
    fn initials_are_the_first_two_words_first_letters() {
        assert_eq!(initials("ada  lovelace byron"), "AL");
        assert_eq!(initials("Émile zola"), "ÉZ");
        assert_eq!(initials("éva"), "é");
        assert_eq!(initials("   "), "");
    }

    #[test]
    fn a_very_deep_chain_does_not_overflow() {
        let mut comments = vec![comment("0", None, 0)];
        comments.extend((1..50_000).map(|i| comment(&i.to_string(), Some(&(i - 1).to_string()), i)));
        let threaded = thread(comments, 4, Order::OldestFirst);
        assert_eq!(threaded.len(), 50_000);
        assert_eq!(threaded.last().map(|t| t.depth), Some(4));
    }
}

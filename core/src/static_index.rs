//! Builds the generated files of the static schema (list pages, tags, search index) from the
//! authored ones, and checks the authored ones against each other: the schema's validator.

use crate::model::{Article, Author, Category, Comment, CommentStatus, Neighbours, Teaser};
use crate::reading_time::reading_minutes;
use crate::routes::{is_valid_slug, ListKey};
use crate::search::{paginate, SearchEntry, SearchIndex};
use crate::sources::static_json::{list_folder, PAGE_SIZE};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet};

/// The authored files, decoded.
pub struct Authored {
    /// `(file stem, article)`.
    pub articles: Vec<(String, Article)>,
    pub authors: Vec<Author>,
    pub categories: Vec<Category>,
    /// `(file stem, comments)`.
    pub comments: Vec<(String, Vec<Comment>)>,
}

/// Relative path → file content, for every generated file.
pub type Generated = BTreeMap<String, String>;

/// Checks the authored content and builds the generated files, or lists every problem found.
/// `file_exists` answers whether a site path such as `/content/images/x.svg` is a file.
pub fn build(authored: &Authored, file_exists: &dyn Fn(&str) -> bool) -> Result<Generated, Vec<String>> {
    let problems = check(authored, file_exists);
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut teasers: Vec<Teaser> = authored
        .articles
        .iter()
        .map(|(_, article)| Teaser { reading_minutes: reading_minutes(article.body.html()), ..article.teaser.clone() })
        .collect();
    teasers.sort_by(|a, b| b.published.cmp(&a.published).then_with(|| a.slug.cmp(&b.slug)));

    let mut lists: BTreeMap<String, Vec<Teaser>> = BTreeMap::new();
    lists.insert(list_folder(&ListKey::Latest), teasers.clone());
    let mut tag_counts: BTreeMap<String, (String, usize)> = BTreeMap::new();
    for teaser in &teasers {
        let mut keys: Vec<ListKey> = teaser.categories.iter().map(|c| ListKey::Category(c.slug.clone())).collect();
        // A story in a child category also lists under the parent.
        for category in &teaser.categories {
            if let Some(parent) = authored.categories.iter().find(|c| c.slug == category.slug).and_then(|c| c.parent.clone()) {
                keys.push(ListKey::Category(parent));
            }
        }
        keys.extend(teaser.tags.iter().map(|t| ListKey::Tag(t.slug.clone())));
        keys.extend(teaser.authors.iter().map(|a| ListKey::Author(a.slug.clone())));
        for key in keys {
            let list = lists.entry(list_folder(&key)).or_default();
            if !list.iter().any(|t| t.slug == teaser.slug) {
                list.push(teaser.clone());
            }
        }
        for tag in &teaser.tags {
            tag_counts.entry(tag.slug.clone()).or_insert_with(|| (tag.name.clone(), 0)).1 += 1;
        }
    }

    let mut files = Generated::new();
    for (folder, items) in lists {
        let pages = items.len().div_ceil(PAGE_SIZE).max(1);
        for number in 1..=pages {
            files.insert(format!("lists/{folder}/{number}.json"), to_json(&paginate(items.clone(), number as u32, PAGE_SIZE)));
        }
    }

    for (at, teaser) in teasers.iter().enumerate() {
        let neighbours = Neighbours { older: teasers.get(at + 1).cloned(), newer: at.checked_sub(1).map(|i| teasers[i].clone()) };
        files.insert(format!("neighbours/{}.json", teaser.slug), to_json(&neighbours));
    }

    #[derive(Serialize)]
    struct TagCount<'a> {
        slug: &'a str,
        name: &'a str,
        count: usize,
    }
    #[derive(Serialize)]
    struct TagsFile<'a> {
        tags: Vec<TagCount<'a>>,
    }
    let tags = tag_counts.iter().map(|(slug, (name, count))| TagCount { slug, name, count: *count }).collect();
    files.insert("tags.json".into(), to_json(&TagsFile { tags }));

    let entries = teasers
        .iter()
        .map(|t| SearchEntry {
            slug: t.slug.clone(),
            title: t.title.clone(),
            excerpt: t.excerpt.clone(),
            published: t.published,
            category: t.primary_category().map(|c| c.name.clone()).unwrap_or_default(),
        })
        .collect();
    files.insert("search.json".into(), to_json(&SearchIndex { entries }));
    Ok(files)
}

fn to_json<T: Serialize>(value: &T) -> String {
    // Serializing these plain structs cannot fail: no maps with non-string keys, no custom errors.
    serde_json::to_string(value).unwrap_or_default() + "\n"
}

fn check(authored: &Authored, file_exists: &dyn Fn(&str) -> bool) -> Vec<String> {
    let mut problems = Vec::new();
    let author_slugs: HashMap<&str, &str> = authored.authors.iter().map(|a| (a.slug.as_str(), a.name.as_str())).collect();
    let category_slugs: HashMap<&str, &str> = authored.categories.iter().map(|c| (c.slug.as_str(), c.name.as_str())).collect();
    let article_slugs: HashSet<&str> = authored.articles.iter().map(|(_, a)| a.teaser.slug.as_str()).collect();
    let comments: HashMap<&str, &Vec<Comment>> = authored.comments.iter().map(|(s, c)| (s.as_str(), c)).collect();

    for category in &authored.categories {
        if let Some(parent) = &category.parent {
            if !category_slugs.contains_key(parent.as_str()) {
                problems.push(format!("categories.json: `{}` names unknown parent `{parent}`", category.slug));
            }
        }
    }
    let mut seen_ids = HashSet::new();
    for (stem, article) in &authored.articles {
        let t = &article.teaser;
        let mut problem = |text: String| problems.push(format!("articles/{stem}.json: {text}"));
        if t.slug != *stem || !is_valid_slug(&t.slug) {
            problem(format!("slug `{}` must be a valid slug equal to the file name", t.slug));
        }
        if !seen_ids.insert(t.id.as_str()) {
            problem(format!("id `{}` is used twice", t.id));
        }
        if t.title.trim().is_empty() || t.excerpt.trim().is_empty() {
            problem("title and excerpt must not be empty".into());
        }
        if t.authors.is_empty() || t.categories.is_empty() {
            problem("needs at least one author and one category".into());
        }
        for (kind, terms, known) in [("author", t.authors.iter().map(|a| (&a.slug, &a.name)).collect::<Vec<_>>(), &author_slugs),
            ("category", t.categories.iter().map(|c| (&c.slug, &c.name)).collect(), &category_slugs)]
        {
            for (slug, name) in terms {
                match known.get(slug.as_str()) {
                    None => problem(format!("unknown {kind} `{slug}`")),
                    Some(known_name) if known_name != name => problem(format!("{kind} `{slug}` is named `{name}`, not `{known_name}`")),
                    Some(_) => {}
                }
            }
        }
        if let Some(modified) = t.modified {
            if modified < t.published {
                problem("modified is before published".into());
            }
        }
        for tag in &t.tags {
            if !is_valid_slug(&tag.slug) {
                problem(format!("tag slug `{}` is not a valid slug", tag.slug));
            }
        }
        for link in attribute_values(article.body.html(), "href") {
            if let Some(slug) = link.strip_prefix("/article/") {
                if !article_slugs.contains(slug) {
                    problem(format!("links to missing article `{slug}`"));
                }
            }
        }
        let hero = t.hero.iter().map(|h| h.src.clone());
        for src in hero.chain(attribute_values(article.body.html(), "src")) {
            if src.starts_with('/') && !file_exists(&src) {
                problem(format!("image `{src}` does not exist"));
            }
        }
        let approved = comments.get(stem.as_str()).map_or(0, |c| c.iter().filter(|c| c.status == CommentStatus::Approved).count());
        if t.comments.count as usize != approved {
            problem(format!("comments.count is {} but comments/{stem}.json has {approved} approved comments", t.comments.count));
        }
    }
    for (stem, list) in &authored.comments {
        if !article_slugs.contains(stem.as_str()) {
            problems.push(format!("comments/{stem}.json: no article has that slug"));
        }
        let mut earlier = HashSet::new();
        for comment in list.iter() {
            if let Some(parent) = &comment.parent {
                if !earlier.contains(parent.as_str()) {
                    problems.push(format!("comments/{stem}.json: comment `{}` replies to `{parent}`, which does not come before it", comment.id));
                }
            }
            if !earlier.insert(comment.id.as_str()) {
                problems.push(format!("comments/{stem}.json: id `{}` is used twice", comment.id));
            }
        }
    }
    problems
}

/// Values of `name="…"` attributes in trusted-enough authored HTML (a check, not a parser).
fn attribute_values(html: &str, name: &str) -> Vec<String> {
    let needle = format!(" {name}=\"");
    html.match_indices(&needle)
        .filter_map(|(at, _)| {
            let rest = &html[at + needle.len()..];
            rest.find('"').map(|end| rest[..end].to_string())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ArticleBody, AuthorRef, CommentAuthor, CommentInfo, Format, Page, Term, UntrustedHtml};
    use crate::time::Timestamp;

    fn article(slug: &str, published: i64, category: &str, body: &str) -> (String, Article) {
        let teaser = Teaser {
            id: slug.into(),
            slug: slug.into(),
            title: format!("Title {slug}"),
            dek: None,
            excerpt: "Excerpt".into(),
            published: Timestamp(published),
            modified: None,
            authors: vec![AuthorRef { slug: "ann".into(), name: "Ann".into() }],
            categories: vec![Term { slug: category.into(), name: category.to_uppercase() }],
            tags: vec![Term { slug: "tax".into(), name: "Tax".into() }],
            hero: None,
            comments: CommentInfo { open: true, count: 0 },
            format: Format::Standard,
            featured: false,
            reading_minutes: 0,
        };
        (slug.into(), Article { teaser, body: ArticleBody::Html(UntrustedHtml(body.into())), source: None })
    }

    fn authored(articles: Vec<(String, Article)>) -> Authored {
        Authored {
            articles,
            authors: vec![Author { slug: "ann".into(), name: "Ann".into(), role: None, bio: UntrustedHtml::default(), avatar: None, url: None }],
            categories: vec![
                Category { slug: "news".into(), name: "NEWS".into(), parent: None, description: String::new() },
                Category { slug: "local".into(), name: "LOCAL".into(), parent: Some("news".into()), description: String::new() },
            ],
            comments: Vec::new(),
        }
    }

    #[test]
    fn builds_paged_lists_newest_first_with_parents_tags_and_search() {
        let articles = (0..12).map(|i| article(&format!("s{i:02}"), i, if i % 2 == 0 { "news" } else { "local" }, "<p>a b c</p>")).collect();
        let files = build(&authored(articles), &|_| true).expect("valid content");
        let page1: Page<Teaser> = serde_json::from_str(&files["lists/latest/1.json"]).unwrap();
        assert_eq!((page1.page, page1.total_pages, page1.total, page1.items.len()), (1, 2, 12, 10));
        assert_eq!(page1.items[0].slug, "s11");
        assert_eq!(page1.items[0].reading_minutes, 1);
        let news: Page<Teaser> = serde_json::from_str(&files["lists/category/news/1.json"]).unwrap();
        assert_eq!(news.total, 12, "stories in a child category also list under the parent");
        assert!(files.contains_key("lists/category/local/1.json") && files.contains_key("lists/tag/tax/2.json"));
        assert!(files.contains_key("lists/author/ann/1.json"));
        assert!(files["tags.json"].contains(r#"{"slug":"tax","name":"Tax","count":12}"#));
        let index: SearchIndex = serde_json::from_str(&files["search.json"]).unwrap();
        assert_eq!(index.entries.len(), 12);
        let slugs = |slug: &str| {
            let n = crate::sources::static_json::decode_neighbours(&files[&format!("neighbours/{slug}.json")]).expect("decodes");
            (n.older.map(|t| t.slug), n.newer.map(|t| t.slug))
        };
        assert_eq!(slugs("s05"), (Some("s04".into()), Some("s06".into())));
        assert_eq!(slugs("s11"), (Some("s10".into()), None), "the newest story has no next");
        assert_eq!(slugs("s00"), (None, Some("s01".into())), "the oldest has no previous");
    }

    #[test]
    fn reports_every_broken_reference() {
        let (_, mut bad) = article("bad", 1, "sports", r#"<p><a href="/article/ghost">x</a><img src="/missing.svg"></p>"#);
        bad.teaser.authors[0].slug = "nobody".into();
        bad.teaser.comments.count = 3;
        let mut content = authored(vec![("wrong-name".into(), bad)]);
        content.comments.push((
            "wrong-name".into(),
            vec![Comment {
                id: "c1".into(),
                parent: Some("c0".into()),
                author: CommentAuthor { name: "X".into(), url: None, avatar: None },
                date: Timestamp(2),
                html: UntrustedHtml::default(),
                status: CommentStatus::Approved,
            }],
        ));
        let problems = build(&content, &|_| false).expect_err("invalid content");
        let all = problems.join("\n");
        for expected in ["slug `bad`", "unknown author `nobody`", "unknown category `sports`", "missing article `ghost`",
            "image `/missing.svg`", "comments.count is 3", "replies to `c0`"]
        {
            assert!(all.contains(expected), "missing problem {expected:?} in:\n{all}");
        }
    }
}

//! Every decoder takes arbitrary input without panicking: random JSON of every shape, and real
//! answers truncated, bit-flipped and with values swapped for other types. (A panic kills the
//! WebAssembly app, so this is a property of the whole data layer.)

use broadsheet_core::config::Config;
use broadsheet_core::model::Article;
use broadsheet_core::routes::ListKey;
use broadsheet_core::sources::{ghost, jsonfeed, static_json, wordpress};

/// xorshift64*: deterministic, so a failure reproduces.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const KEYS: &[&str] = &[
    "id", "slug", "title", "excerpt", "published", "modified", "authors", "categories", "tags", "hero", "comments", "format",
    "featured", "body", "source", "rendered", "protected", "date_gmt", "_embedded", "wp:featuredmedia", "wp:term", "author",
    "replies", "media_details", "sizes", "page", "total", "total_pages", "items", "parent", "status", "html", "name", "src",
    "width", "height", "open", "count", "entries", "site", "url", "kind", "menu", "code", "message", "content", "avatar_urls",
];

fn random_json(rng: &mut Rng, depth: u32) -> String {
    match if depth > 6 { rng.below(5) } else { rng.below(8) } {
        0 => "null".into(),
        1 => ["true", "false"][rng.below(2)].into(),
        2 => ["0", "-1", "18446744073709551616", "1e309", "3.5", "4294967296"][rng.below(6)].into(),
        3 => ["\"\"", "\"2026-11-02T14:05:00Z\"", "\"2026-11-02T14:05:00\"", "\"x\"", "\"&#8217;<script>\"", "\"\\ud800\""][rng.below(6)]
            .into(),
        4 => format!("\"{}\"", KEYS[rng.below(KEYS.len())]),
        5 | 6 => {
            let n = rng.below(4);
            let fields: Vec<String> =
                (0..n).map(|_| format!("\"{}\":{}", KEYS[rng.below(KEYS.len())], random_json(rng, depth + 1))).collect();
            format!("{{{}}}", fields.join(","))
        }
        _ => {
            let n = rng.below(4);
            let items: Vec<String> = (0..n).map(|_| random_json(rng, depth + 1)).collect();
            format!("[{}]", items.join(","))
        }
    }
}

fn mutate(rng: &mut Rng, text: &str) -> String {
    let mut bytes = text.as_bytes().to_vec();
    match rng.below(4) {
        0 => bytes.truncate(rng.below(bytes.len().max(1))),
        1 => {
            for _ in 0..1 + rng.below(8) {
                let at = rng.below(bytes.len().max(1));
                if let Some(b) = bytes.get_mut(at) {
                    *b ^= 1 << rng.below(8);
                }
            }
        }
        2 => {
            // Replace a quoted value with another JSON type.
            let replacement = ["null", "[]", "{}", "7", "true", "\"\""][rng.below(6)];
            let text = String::from_utf8_lossy(&bytes).into_owned();
            if let Some(at) = text.match_indices("\": ").nth(rng.below(50)).map(|(i, _)| i + 3) {
                let end = text[at..].find([',', '\n', '}']).map_or(text.len(), |e| at + e);
                return format!("{}{}{}", &text[..at], replacement, &text[end..]);
            }
        }
        _ => {
            // Deep nesting.
            let depth = 1 + rng.below(5000);
            return format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

fn every_decoder(input: &str) {
    let _ = static_json::decode_list(input);
    let _ = static_json::decode_article(input);
    let _ = static_json::decode_comments(input);
    let _ = static_json::decode_neighbours(input);
    let _ = static_json::decode_categories(input);
    let _ = static_json::decode_authors(input);
    let _ = static_json::decode_tags(input);
    let _ = static_json::decode_search_index(input);
    let _ = static_json::decode_site_page(input);
    let site = "http://127.0.0.1:8081/";
    let _ = wordpress::decode_posts(input, None, 1, site);
    let _ = wordpress::decode_post_by_slug(input, site);
    let _ = wordpress::decode_comments(input);
    let _ = wordpress::decode_neighbour(input, site);
    let _ = wordpress::decode_page(input);
    let _ = wordpress::decode_error(400, input);
    let _ = wordpress::decode_comment_post(201, input);
    let _ = wordpress::decode_comment_post(409, input);
    for lookup in [wordpress::Lookup::Category, wordpress::Lookup::Tag, wordpress::Lookup::Author] {
        let _ = wordpress::decode_lookup(input, lookup);
    }
    let _ = ghost::decode_list(input);
    let _ = ghost::decode_search(input);
    let _ = ghost::decode_article(input);
    let _ = ghost::decode_neighbour(input);
    let _ = ghost::decode_tag_heading(input);
    let _ = ghost::decode_author_heading(input);
    let _ = ghost::decode_site_page(input);
    let _ = ghost::decode_error(404, input);
    if let Ok(feed) = jsonfeed::decode_feed(input) {
        let items: Vec<Article> = feed.items;
        for key in [ListKey::Latest, ListKey::Tag("x".into()), ListKey::Author("x".into())] {
            let _ = jsonfeed::list(&items, &key, 2, 10);
            let _ = jsonfeed::heading(&items, &key);
        }
        let _ = jsonfeed::search_index(&items);
        let _ = jsonfeed::neighbours(&items, "x");
    }
    let _ = Config::parse(input);
}

fn fixture(path: &str) -> String {
    std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn random_json_never_panics() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..20_000 {
        every_decoder(&random_json(&mut rng, 0));
    }
}

#[test]
fn mutated_real_answers_never_panic() {
    let answers = [
        fixture("tests/fixtures/wordpress/posts-embed.json"),
        fixture("tests/fixtures/wordpress/comments.json"),
        fixture("tests/fixtures/wordpress/post-tricky.json"),
        fixture("../public/content/lists/latest/1.json"),
        fixture("../public/content/articles/state-budget-deal-ends-three-week-standoff.json"),
        fixture("../public/content/comments/ostrowski-wins-governor-race.json"),
        fixture("../public/config.json"),
        fixture("tests/fixtures/ghost/posts-page-1.json"),
        fixture("tests/fixtures/ghost/author.json"),
        fixture("tests/fixtures/jsonfeed/feed.json"),
        fixture("tests/fixtures/jsonfeed/feed-1.0.json"),
    ];
    let mut rng = Rng(42);
    for round in 0..1_500 {
        let original = &answers[round % answers.len()];
        every_decoder(&mutate(&mut rng, original));
    }
}

//! `config.json`: the publisher's runtime settings, decoded by hand so that every mistake is
//! reported with the key it concerns and what was expected there.

use crate::sources::wire::describe;
use serde_json::{Map, Value};
use std::fmt;

#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    pub site: Site,
    pub source: Source,
    pub menu: Vec<Link>,
    pub footer: Footer,
    pub home: Home,
    pub comments: CommentSettings,
    pub security: Security,
    /// How long a request to the backend may take before the reader is told (1 to 120).
    pub timeout_seconds: u32,
    /// The privacy notice readers accept once; no notice when absent.
    pub consent: Option<Consent>,
    /// Advertisement slots, in order; none unless configured.
    pub ads: Vec<AdSlot>,
}

/// The two documents the privacy notice links to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Consent {
    pub privacy: String,
    pub terms: String,
}

/// Where an advertisement is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Placement {
    /// Under the main menu, on every page.
    Header,
    /// Between the stories of a list, after every `every` stories.
    InList { every: usize },
    /// Inside an article, after its text.
    InArticle,
    /// Beside the homepage's Latest News.
    Sidebar,
}

/// One house or sponsor advertisement: a picture that links somewhere, in a box of its own size.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AdSlot {
    pub placement: Placement,
    /// The picture's size in CSS pixels: the box keeps this shape before the picture loads.
    pub width: u32,
    pub height: u32,
    pub image: String,
    pub href: String,
    /// What the picture says, for readers who cannot see it.
    pub label: String,
}

/// Which stories the homepage's Trending block shows.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub enum Trending {
    /// The newest stories with the most comments.
    #[default]
    MostCommented,
    /// An editor's picks, by slug, in order; an empty list turns the block off.
    Picks(Vec<String>),
}

/// What the site may embed and who may frame it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Security {
    /// Hosts whose `https` iframes stories may embed (they load only when the reader asks).
    pub embed_hosts: Vec<String>,
    /// CSP `frame-ancestors` sources: who may show this site in a frame.
    pub frame_ancestors: Vec<String>,
}

impl Default for Security {
    fn default() -> Self {
        Security {
            embed_hosts: crate::sanitize_policy::DEFAULT_EMBED_HOSTS.iter().map(|h| h.to_string()).collect(),
            frame_ancestors: vec!["'self'".into()],
        }
    }
}

/// How discussions are shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CommentSettings {
    /// Replies deeper than this are shown at this level, under their ancestor (1 to 10).
    pub max_depth: usize,
    /// The order readers see first; they can switch.
    pub order: crate::comments::Order,
}

impl Default for CommentSettings {
    fn default() -> Self {
        CommentSettings { max_depth: 4, order: crate::comments::Order::OldestFirst }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Site {
    pub name: String,
    pub tagline: String,
    /// Logo image URL; the name is shown as text when absent.
    pub logo: Option<String>,
    pub copyright: String,
}

/// Where the content comes from, with each kind's own settings.
#[derive(Clone, Debug, PartialEq)]
pub enum Source {
    /// Broadsheet's own schema as static files (docs/static-schema.md).
    /// `comments_url` receives posted comments; `sign_in_url` issues reader tokens.
    Static { url: String, comments_url: Option<String>, sign_in_url: Option<String> },
    /// The WordPress REST API; `pretty_permalinks: false` uses the `?rest_route=` form.
    WordPress { url: String, pretty_permalinks: bool },
    /// The Ghost Content API with its public content key.
    Ghost { url: String, key: String },
    /// A JSON Feed 1.1 document.
    JsonFeed { url: String },
}

impl Source {
    pub fn url(&self) -> &str {
        match self {
            Source::Static { url, .. }
            | Source::WordPress { url, .. }
            | Source::Ghost { url, .. }
            | Source::JsonFeed { url } => url,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    pub label: String,
    pub href: String,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Footer {
    pub links: Vec<Link>,
    pub social: Vec<Link>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Home {
    /// Category slugs that get a section of their own on the homepage, in order.
    pub sections: Vec<String>,
    pub trending: Trending,
}

/// What is wrong with `config.json`, naming the key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError {
    /// Dotted path of the key, e.g. `source.url`; empty for the file as a whole.
    pub key: String,
    pub problem: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.key.is_empty() {
            write!(f, "{}", self.problem)
        } else {
            write!(f, "`{}`: {}", self.key, self.problem)
        }
    }
}

const SOURCE_KINDS: &str = "one of \"static\", \"wordpress\", \"ghost\", \"jsonfeed\"";

impl Config {
    pub fn parse(text: &str) -> Result<Config, ConfigError> {
        let value: Value = serde_json::from_str(text).map_err(|e| ConfigError {
            key: String::new(),
            problem: format!("the file is not valid JSON ({e})"),
        })?;
        let root = Obj::root(&value)?;
        root.only(&["site", "source", "menu", "footer", "home", "comments", "security", "consent", "ads"])?;

        let site = root.object("site")?;
        site.only(&["name", "tagline", "logo", "copyright"])?;
        let name = site.string("name")?;
        let site = Site {
            copyright: site.optional_string("copyright")?.unwrap_or_else(|| format!("© {name}")),
            tagline: site.optional_string("tagline")?.unwrap_or_default(),
            logo: site.optional_string("logo")?,
            name,
        };

        let source = root.object("source")?;
        let kind = source.string("kind")?;
        let timeout_seconds = match source.present("timeout_seconds") {
            None => 15,
            Some(value) => match value.as_u64() {
                Some(seconds @ 1..=120) => seconds as u32,
                _ => return Err(source.error("timeout_seconds", format!("expected a whole number of seconds from 1 to 120, found {value}"))),
            },
        };
        let source = match kind.as_str() {
            "static" => {
                source.only(&["kind", "url", "comments_url", "sign_in_url", "timeout_seconds"])?;
                Source::Static {
                    url: source.base_url("url")?,
                    comments_url: source.optional_endpoint("comments_url")?,
                    sign_in_url: source.optional_endpoint("sign_in_url")?,
                }
            }
            "wordpress" => {
                source.only(&["kind", "url", "pretty_permalinks", "timeout_seconds"])?;
                let pretty_permalinks = source.optional_bool("pretty_permalinks")?.unwrap_or(true);
                Source::WordPress { url: source.base_url("url")?, pretty_permalinks }
            }
            "ghost" => {
                source.only(&["kind", "url", "key", "timeout_seconds"])?;
                Source::Ghost { url: source.base_url("url")?, key: source.string("key")? }
            }
            "jsonfeed" => {
                source.only(&["kind", "url", "timeout_seconds"])?;
                // The feed document itself, not a base address.
                Source::JsonFeed { url: source.endpoint("url")? }
            }
            other => return Err(source.error("kind", format!("expected {SOURCE_KINDS}, found \"{other}\""))),
        };

        let footer = match root.optional_object("footer")? {
            Some(footer) => {
                footer.only(&["links", "social"])?;
                Footer { links: footer.links("links")?, social: footer.links("social")? }
            }
            None => Footer::default(),
        };
        let home = match root.optional_object("home")? {
            Some(home) => {
                home.only(&["sections", "trending"])?;
                Home { sections: home.strings("sections")?, trending: home.trending("trending")? }
            }
            None => Home { sections: Vec::new(), trending: Trending::default() },
        };
        let comments = match root.optional_object("comments")? {
            Some(comments) => {
                comments.only(&["max_depth", "order"])?;
                let defaults = CommentSettings::default();
                let max_depth = match comments.present("max_depth") {
                    None => defaults.max_depth,
                    Some(value) => match value.as_u64() {
                        Some(depth @ 1..=10) => depth as usize,
                        _ => return Err(comments.error("max_depth", format!("expected a whole number from 1 to 10, found {value}"))),
                    },
                };
                let order = match comments.optional_string("order")?.as_deref() {
                    None | Some("oldest") => crate::comments::Order::OldestFirst,
                    Some("newest") => crate::comments::Order::NewestFirst,
                    Some(other) => return Err(comments.error("order", format!("expected \"oldest\" or \"newest\", found \"{other}\""))),
                };
                CommentSettings { max_depth, order }
            }
            None => CommentSettings::default(),
        };
        let security = match root.optional_object("security")? {
            Some(security) => {
                security.only(&["embed_hosts", "frame_ancestors"])?;
                let defaults = Security::default();
                let embed_hosts = match security.present("embed_hosts") {
                    Some(_) => security.strings("embed_hosts")?,
                    None => defaults.embed_hosts,
                };
                if let Some(bad) = embed_hosts.iter().position(|h| !h.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-')) {
                    return Err(security.error(&format!("embed_hosts[{bad}]"), "expected a host name such as www.youtube-nocookie.com".into()));
                }
                let frame_ancestors = match security.present("frame_ancestors") {
                    Some(_) => security.strings("frame_ancestors")?,
                    None => defaults.frame_ancestors,
                };
                if let Some(bad) = frame_ancestors.iter().position(|a| a.contains([';', ',']) || a.chars().any(char::is_whitespace)) {
                    return Err(security.error(&format!("frame_ancestors[{bad}]"), "expected one CSP source such as 'self' or https://partner.example".into()));
                }
                Security { embed_hosts, frame_ancestors }
            }
            None => Security::default(),
        };
        let consent = match root.optional_object("consent")? {
            Some(consent) => {
                consent.only(&["privacy", "terms"])?;
                Some(Consent { privacy: consent.string("privacy")?, terms: consent.string("terms")? })
            }
            None => None,
        };
        let ads = root.ad_slots("ads")?;
        Ok(Config { site, source, menu: root.links("menu")?, footer, home, comments, security, timeout_seconds, consent, ads })
    }
}

/// Ad pictures must load under the site's Content-Security-Policy (`img-src 'self' https:`).
fn is_allowed_ad_image(url: &str) -> bool {
    (url.len() > "https://".len() && url[.."https://".len()].eq_ignore_ascii_case("https://")) || (url.starts_with('/') && !url.starts_with("//"))
}

/// A JSON object and the path that led to it.
struct Obj<'a> {
    path: String,
    map: &'a Map<String, Value>,
}


impl<'a> Obj<'a> {
    fn root(value: &'a Value) -> Result<Obj<'a>, ConfigError> {
        match value {
            Value::Object(map) => Ok(Obj { path: String::new(), map }),
            other => Err(ConfigError { key: String::new(), problem: format!("expected an object, found {}", describe(other)) }),
        }
    }

    fn key(&self, key: &str) -> String {
        if self.path.is_empty() { key.to_string() } else { format!("{}.{key}", self.path) }
    }

    fn error(&self, key: &str, problem: String) -> ConfigError {
        ConfigError { key: self.key(key), problem }
    }

    fn wrong_type(&self, key: &str, expected: &str, found: &Value) -> ConfigError {
        self.error(key, format!("expected {expected}, found {}", describe(found)))
    }

    /// Rejects keys this object does not know, so that a typo does not pass silently.
    fn only(&self, known: &[&str]) -> Result<(), ConfigError> {
        match self.map.keys().find(|k| !known.contains(&k.as_str())) {
            Some(unknown) => Err(self.error(unknown, format!("unknown key; expected one of {}", known.join(", ")))),
            None => Ok(()),
        }
    }

    fn present(&self, key: &str) -> Option<&'a Value> {
        self.map.get(key).filter(|v| !v.is_null())
    }

    fn object(&self, key: &str) -> Result<Obj<'a>, ConfigError> {
        self.optional_object(key)?.ok_or_else(|| self.error(key, "is missing; expected an object".into()))
    }

    fn optional_object(&self, key: &str) -> Result<Option<Obj<'a>>, ConfigError> {
        match self.present(key) {
            None => Ok(None),
            Some(Value::Object(map)) => Ok(Some(Obj { path: self.key(key), map })),
            Some(other) => Err(self.wrong_type(key, "an object", other)),
        }
    }

    fn string(&self, key: &str) -> Result<String, ConfigError> {
        self.optional_string(key)?.ok_or_else(|| self.error(key, "is missing; expected a text".into()))
    }

    fn optional_string(&self, key: &str) -> Result<Option<String>, ConfigError> {
        match self.present(key) {
            None => Ok(None),
            Some(Value::String(s)) if s.trim().is_empty() => Err(self.error(key, "is empty; expected a text".into())),
            Some(Value::String(s)) => Ok(Some(s.trim().to_string())),
            Some(other) => Err(self.wrong_type(key, "a text", other)),
        }
    }

    fn optional_bool(&self, key: &str) -> Result<Option<bool>, ConfigError> {
        match self.present(key) {
            None => Ok(None),
            Some(Value::Bool(b)) => Ok(Some(*b)),
            Some(other) => Err(self.wrong_type(key, "true or false", other)),
        }
    }

    /// A base address, kept with a trailing slash so that paths can be appended.
    fn base_url(&self, key: &str) -> Result<String, ConfigError> {
        let url = self.endpoint(key)?;
        Ok(if url.ends_with('/') { url } else { url + "/" })
    }

    fn endpoint(&self, key: &str) -> Result<String, ConfigError> {
        self.optional_endpoint(key)?.ok_or_else(|| self.error(key, "is missing; expected the address of the content API".into()))
    }

    /// An `http(s)://` address or a path on this site starting with `/`, as written.
    fn optional_endpoint(&self, key: &str) -> Result<Option<String>, ConfigError> {
        let Some(url) = self.optional_string(key)? else { return Ok(None) };
        let absolute = ["http://", "https://"].iter().any(|p| url.len() > p.len() && url[..p.len()].eq_ignore_ascii_case(p));
        let site_path = url.starts_with('/') && !url.starts_with("//");
        if !absolute && !site_path {
            return Err(self.error(key, format!("expected an address starting with https://, http:// or /, found \"{url}\"")));
        }
        if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(self.error(key, format!("expected an address without spaces, found \"{url}\"")));
        }
        Ok(Some(url))
    }

    fn list(&self, key: &str) -> Result<&'a [Value], ConfigError> {
        match self.present(key) {
            None => Ok(&[]),
            Some(Value::Array(items)) => Ok(items),
            Some(other) => Err(self.wrong_type(key, "a list", other)),
        }
    }

    fn strings(&self, key: &str) -> Result<Vec<String>, ConfigError> {
        let items = self.list(key)?;
        items
            .iter()
            .enumerate()
            .map(|(i, item)| match item {
                Value::String(s) if !s.trim().is_empty() => Ok(s.trim().to_string()),
                other => Err(self.wrong_type(&format!("{key}[{i}]"), "a non-empty text", other)),
            })
            .collect()
    }

    /// `"most_commented"` or a list of story slugs.
    fn trending(&self, key: &str) -> Result<Trending, ConfigError> {
        match self.present(key) {
            None => Ok(Trending::default()),
            Some(Value::String(rule)) if rule == "most_commented" => Ok(Trending::MostCommented),
            Some(Value::Array(_)) => {
                let slugs = self.strings(key)?;
                match slugs.iter().position(|s| !crate::routes::is_valid_slug(s)) {
                    Some(bad) => Err(self.error(&format!("{key}[{bad}]"), format!("expected a story slug, found \"{}\"", slugs[bad]))),
                    None => Ok(Trending::Picks(slugs)),
                }
            }
            Some(Value::String(other)) => Err(self.error(key, format!("expected \"most_commented\" or a list of story slugs, found \"{other}\""))),
            Some(other) => Err(self.wrong_type(key, "\"most_commented\" or a list of story slugs", other)),
        }
    }

    /// A list of objects, each read by `read` with its own key path (`menu[2].href`).
    fn objects<T>(&self, key: &str, expected: &str, read: impl Fn(&Obj) -> Result<T, ConfigError>) -> Result<Vec<T>, ConfigError> {
        let items = self.list(key)?;
        items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                let entry = format!("{key}[{i}]");
                let Value::Object(map) = item else {
                    return Err(self.wrong_type(&entry, expected, item));
                };
                read(&Obj { path: self.key(&entry), map })
            })
            .collect()
    }

    fn ad_slots(&self, key: &str) -> Result<Vec<AdSlot>, ConfigError> {
        let expected = "an object with \"placement\", \"width\", \"height\", \"image\", \"href\" and \"label\"";
        self.objects(key, expected, |ad| {
            let placement = match ad.string("placement")?.as_str() {
                "header" => Placement::Header,
                "in-list" => Placement::InList { every: ad.whole_number("every", 1, 50)?.unwrap_or(6) as usize },
                "in-article" => Placement::InArticle,
                "sidebar" => Placement::Sidebar,
                other => {
                    return Err(ad.error("placement", format!("expected one of \"header\", \"in-list\", \"in-article\", \"sidebar\", found \"{other}\"")))
                }
            };
            let mut known = vec!["placement", "width", "height", "image", "href", "label"];
            if matches!(placement, Placement::InList { .. }) {
                known.push("every");
            }
            ad.only(&known)?;
            let size = |key| ad.whole_number(key, 1, 2000)?.ok_or_else(|| ad.error(key, "is missing; expected a size in pixels from 1 to 2000".into()));
            let (width, height) = (size("width")?, size("height")?);
            let image = ad.string("image")?;
            if !is_allowed_ad_image(&image) || image.chars().any(|c| c.is_whitespace() || c.is_control()) {
                return Err(ad.error("image", format!("expected an https:// address or a path on this site starting with /, found \"{image}\"")));
            }
            let href = ad.optional_endpoint("href")?.ok_or_else(|| ad.error("href", "is missing; expected the address the advertisement links to".into()))?;
            Ok(AdSlot { placement, width, height, image, href, label: ad.string("label")? })
        })
    }

    /// An optional whole number from `min` to `max`.
    fn whole_number(&self, key: &str, min: u64, max: u64) -> Result<Option<u32>, ConfigError> {
        match self.present(key) {
            None => Ok(None),
            Some(value) => match value.as_u64() {
                Some(n) if (min..=max).contains(&n) => Ok(Some(n as u32)),
                _ => Err(self.error(key, format!("expected a whole number from {min} to {max}, found {value}"))),
            },
        }
    }

    fn links(&self, key: &str) -> Result<Vec<Link>, ConfigError> {
        self.objects(key, "an object with \"label\" and \"href\"", |link| {
            link.only(&["label", "href"])?;
            Ok(Link { label: link.string("label")?, href: link.string("href")? })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = r#"{"site": {"name": "Daily"}, "source": {"kind": "static", "url": "/content"}}"#;

    fn error_of(text: &str) -> String {
        Config::parse(text).expect_err("config should be refused").to_string()
    }

    #[test]
    fn minimal_config_gets_defaults() {
        let config = Config::parse(MINIMAL).expect("valid");
        assert_eq!(config.site.name, "Daily");
        assert_eq!(config.site.copyright, "© Daily");
        assert_eq!(config.source, Source::Static { url: "/content/".into(), comments_url: None, sign_in_url: None });
        assert!(config.menu.is_empty());
        assert!(config.home.sections.is_empty());
        assert_eq!(config.timeout_seconds, 15);
        let slow = r#"{"site":{"name":"A"},"source":{"kind":"static","url":"/c","timeout_seconds":60}}"#;
        assert_eq!(Config::parse(slow).unwrap().timeout_seconds, 60);
        let bad = r#"{"site":{"name":"A"},"source":{"kind":"static","url":"/c","timeout_seconds":0}}"#;
        assert_eq!(error_of(bad), "`source.timeout_seconds`: expected a whole number of seconds from 1 to 120, found 0");
    }

    #[test]
    fn the_shipped_config_is_valid() {
        let text = include_str!("../../public/config.json");
        let config = Config::parse(text).expect("public/config.json must be valid");
        assert!(matches!(config.source, Source::Static { .. }));
        assert!(!config.menu.is_empty());
        assert!(config.consent.is_some() && !config.ads.is_empty(), "the demo shows the notice and house ads");
    }

    #[test]
    fn every_source_kind_decodes_its_own_keys() {
        let wp = r#"{"site":{"name":"A"},"source":{"kind":"wordpress","url":"https://wp.example","pretty_permalinks":false}}"#;
        assert_eq!(Config::parse(wp).unwrap().source, Source::WordPress { url: "https://wp.example/".into(), pretty_permalinks: false });
        let ghost = r#"{"site":{"name":"A"},"source":{"kind":"ghost","url":"https://g.example/","key":"abc"}}"#;
        assert_eq!(Config::parse(ghost).unwrap().source, Source::Ghost { url: "https://g.example/".into(), key: "abc".into() });
        let feed = r#"{"site":{"name":"A"},"source":{"kind":"jsonfeed","url":"https://f.example/feed.json"}}"#;
        assert_eq!(Config::parse(feed).unwrap().source, Source::JsonFeed { url: "https://f.example/feed.json".into() });
    }

    #[test]
    fn errors_name_the_key_and_what_was_expected() {
        assert!(error_of("{not json").starts_with("the file is not valid JSON"));
        assert_eq!(error_of("[]"), "expected an object, found a list");
        assert_eq!(error_of(r#"{"source":{"kind":"static","url":"/c"}}"#), "`site`: is missing; expected an object");
        assert_eq!(
            error_of(r#"{"site":{"name":"A"},"source":{"kind":"drupal","url":"/c"}}"#),
            "`source.kind`: expected one of \"static\", \"wordpress\", \"ghost\", \"jsonfeed\", found \"drupal\""
        );
        assert_eq!(
            error_of(r#"{"site":{"name":"A"},"source":{"kind":"static"}}"#),
            "`source.url`: is missing; expected the address of the content API"
        );
        assert_eq!(
            error_of(r#"{"site":{"name":"A"},"source":{"kind":"static","url":"ftp://x"}}"#),
            "`source.url`: expected an address starting with https://, http:// or /, found \"ftp://x\""
        );
        assert_eq!(
            error_of(r#"{"site":{"name":"A"},"source":{"kind":"ghost","url":"https://g.example"}}"#),
            "`source.key`: is missing; expected a text"
        );
        assert_eq!(
            error_of(r#"{"site":{"name":7},"source":{"kind":"static","url":"/c"}}"#),
            "`site.name`: expected a text, found a number"
        );
        assert_eq!(
            error_of(r#"{"site":{"name":"A"},"source":{"kind":"static","url":"/c"},"menu":[{"label":"Home"}]}"#),
            "`menu[0].href`: is missing; expected a text"
        );
        assert_eq!(
            error_of(r#"{"site":{"name":"A"},"sorce":{}}"#),
            "`sorce`: unknown key; expected one of site, source, menu, footer, home, comments, security, consent, ads"
        );
    }

    #[test]
    fn security_settings_are_checked() {
        let with = |security: &str| format!(r#"{{"site":{{"name":"A"}},"source":{{"kind":"static","url":"/c"}},"security":{security}}}"#);
        let security = Config::parse(&with(r#"{"embed_hosts":["video.example"],"frame_ancestors":["'none'"]}"#)).unwrap().security;
        assert_eq!(security, Security { embed_hosts: vec!["video.example".into()], frame_ancestors: vec!["'none'".into()] });
        assert!(error_of(&with(r#"{"embed_hosts":["evil.example/x"]}"#)).starts_with("`security.embed_hosts[0]`"));
        assert!(error_of(&with(r#"{"frame_ancestors":["'self'; script-src *"]}"#)).starts_with("`security.frame_ancestors[0]`"));
        assert!(Config::parse(MINIMAL).unwrap().security.embed_hosts.iter().any(|h| h == "www.youtube-nocookie.com"));
    }

    #[test]
    fn comment_settings_are_checked() {
        let with = |comments: &str| format!(r#"{{"site":{{"name":"A"}},"source":{{"kind":"static","url":"/c"}},"comments":{comments}}}"#);
        let settings = Config::parse(&with(r#"{"max_depth":2,"order":"newest"}"#)).unwrap().comments;
        assert_eq!(settings, CommentSettings { max_depth: 2, order: crate::comments::Order::NewestFirst });
        assert_eq!(error_of(&with(r#"{"max_depth":0}"#)), "`comments.max_depth`: expected a whole number from 1 to 10, found 0");
        assert_eq!(error_of(&with(r#"{"order":"best"}"#)), "`comments.order`: expected \"oldest\" or \"newest\", found \"best\"");
        assert_eq!(Config::parse(MINIMAL).unwrap().comments, CommentSettings::default());
    }

    fn with(key: &str, value: &str) -> String {
        format!(r#"{{"site":{{"name":"A"}},"source":{{"kind":"static","url":"/c"}},"{key}":{value}}}"#)
    }

    #[test]
    fn chrome_settings_default_to_off() {
        let config = Config::parse(MINIMAL).unwrap();
        assert_eq!(config.consent, None);
        assert!(config.ads.is_empty());
        assert_eq!(config.home.trending, Trending::MostCommented);
    }

    #[test]
    fn consent_needs_both_links() {
        let consent = Config::parse(&with("consent", r#"{"privacy":"/page/privacy","terms":"https://t.example/terms"}"#)).unwrap().consent;
        assert_eq!(consent, Some(Consent { privacy: "/page/privacy".into(), terms: "https://t.example/terms".into() }));
        assert_eq!(error_of(&with("consent", r#"{"privacy":"/p"}"#)), "`consent.terms`: is missing; expected a text");
        assert_eq!(error_of(&with("consent", r#"{"privacy":"/p","terms":"/t","text":"x"}"#)), "`consent.text`: unknown key; expected one of privacy, terms");
        assert_eq!(error_of(&with("consent", "true")), "`consent`: expected an object, found a boolean");
    }

    #[test]
    fn ad_slots_are_decoded_with_their_placement() {
        let ads = Config::parse(&with(
            "ads",
            r#"[{"placement":"header","width":728,"height":90,"image":"/ads/a.svg","href":"/page/advertise","label":"Advertise here"},
                {"placement":"in-list","every":4,"width":300,"height":250,"image":"https://cdn.example/b.png","href":"https://sponsor.example/","label":"Sponsor"},
                {"placement":"in-list","width":300,"height":250,"image":"/b.svg","href":"/x","label":"B"},
                {"placement":"in-article","width":300,"height":250,"image":"/c.svg","href":"/x","label":"C"},
                {"placement":"sidebar","width":300,"height":600,"image":"/d.svg","href":"/x","label":"D"}]"#,
        ))
        .unwrap()
        .ads;
        assert_eq!(
            ads[0],
            AdSlot { placement: Placement::Header, width: 728, height: 90, image: "/ads/a.svg".into(), href: "/page/advertise".into(), label: "Advertise here".into() }
        );
        let placements: Vec<Placement> = ads.iter().map(|a| a.placement).collect();
        assert_eq!(
            placements,
            [Placement::Header, Placement::InList { every: 4 }, Placement::InList { every: 6 }, Placement::InArticle, Placement::Sidebar]
        );
    }

    #[test]
    fn ad_slot_mistakes_name_the_key() {
        let ad = |fields: &str| with("ads", &format!(r#"[{{"width":300,"height":250,"image":"/a.svg","href":"/x","label":"A",{fields}}}]"#));
        assert_eq!(
            error_of(&ad(r#""placement":"footer""#)),
            "`ads[0].placement`: expected one of \"header\", \"in-list\", \"in-article\", \"sidebar\", found \"footer\""
        );
        assert_eq!(
            error_of(&ad(r#""placement":"header","every":3"#)),
            "`ads[0].every`: unknown key; expected one of placement, width, height, image, href, label"
        );
        assert_eq!(error_of(&ad(r#""placement":"in-list","every":0"#)), "`ads[0].every`: expected a whole number from 1 to 50, found 0");
        assert_eq!(error_of(&with("ads", r#"[{"placement":"header","height":90,"image":"/a.svg","href":"/x","label":"A"}]"#)), "`ads[0].width`: is missing; expected a size in pixels from 1 to 2000");
        assert_eq!(error_of(&with("ads", r#"[{"placement":"header","width":9000,"height":90,"image":"/a.svg","href":"/x","label":"A"}]"#)), "`ads[0].width`: expected a whole number from 1 to 2000, found 9000");
        assert_eq!(
            error_of(&with("ads", r#"[{"placement":"header","width":1,"height":1,"image":"http://ads.example/a.png","href":"/x","label":"A"}]"#)),
            "`ads[0].image`: expected an https:// address or a path on this site starting with /, found \"http://ads.example/a.png\""
        );
        assert_eq!(
            error_of(&with("ads", r#"[{"placement":"header","width":1,"height":1,"image":"/a.svg","href":"javascript:alert(1)","label":"A"}]"#)),
            "`ads[0].href`: expected an address starting with https://, http:// or /, found \"javascript:alert(1)\""
        );
        assert_eq!(error_of(&with("ads", r#"[{"placement":"header","width":1,"height":1,"image":"/a.svg","href":"/x"}]"#)), "`ads[0].label`: is missing; expected a text");
        assert!(error_of(&with("ads", r#"["banner"]"#)).starts_with("`ads[0]`: expected an object"));
    }

    #[test]
    fn trending_is_a_rule_or_an_editors_list() {
        let trending = |value: &str| Config::parse(&with("home", &format!(r#"{{"trending":{value}}}"#))).map(|c| c.home.trending);
        assert_eq!(trending(r#""most_commented""#).unwrap(), Trending::MostCommented);
        assert_eq!(trending(r#"["a-story","another"]"#).unwrap(), Trending::Picks(vec!["a-story".into(), "another".into()]));
        assert_eq!(trending("[]").unwrap(), Trending::Picks(Vec::new()));
        let error = |value: &str| trending(value).expect_err("refused").to_string();
        assert_eq!(error(r#""most_read""#), "`home.trending`: expected \"most_commented\" or a list of story slugs, found \"most_read\"");
        assert_eq!(error("7"), "`home.trending`: expected \"most_commented\" or a list of story slugs, found a number");
        assert_eq!(error(r#"["ok","../config"]"#), "`home.trending[1]`: expected a story slug, found \"../config\"");
    }

    #[test]
    fn base_urls_get_a_trailing_slash_but_endpoints_do_not() {
        let text = r#"{"site":{"name":"A"},"source":{"kind":"static","url":"/c","comments_url":"https://api.example/comments","sign_in_url":"/api/sign-in/"}}"#;
        assert_eq!(
            Config::parse(text).unwrap().source,
            Source::Static { url: "/c/".into(), comments_url: Some("https://api.example/comments".into()), sign_in_url: Some("/api/sign-in/".into()) }
        );
    }

    #[test]
    fn protocol_relative_and_spaced_urls_are_refused() {
        assert!(error_of(r#"{"site":{"name":"A"},"source":{"kind":"static","url":"//evil.example/"}}"#).starts_with("`source.url`"));
        assert!(error_of(r#"{"site":{"name":"A"},"source":{"kind":"static","url":"https://a b/"}}"#).starts_with("`source.url`"));
    }
}

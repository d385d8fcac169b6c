//! Click-to-load embeds: what the placeholder of a sanitized iframe says and what it loads, so that
//! a story contacts no video or social site until the reader asks.

/// The placeholder's button text and the address loaded on click.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Facade {
    /// "Load video from youtube-nocookie.com".
    pub label: String,
    pub src: String,
}

const YOUTUBE_NO_COOKIE: &str = "www.youtube-nocookie.com";

/// `src` is an iframe address the sanitizer kept (`https` from one of `embed_hosts`). YouTube
/// loads from its no-cookie host when the site allows that host (its Content-Security-Policy
/// lists only `embed_hosts`).
pub fn facade(src: &str, embed_hosts: &[String]) -> Facade {
    let rest = src.strip_prefix("https://").unwrap_or(src);
    let (host, path) = rest.split_at(rest.find(['/', '?', '#']).unwrap_or(rest.len()));
    let host = host.to_ascii_lowercase();
    let no_cookie_allowed = embed_hosts.iter().any(|h| h.eq_ignore_ascii_case(YOUTUBE_NO_COOKIE));
    let (host, src) = match host.as_str() {
        "www.youtube.com" | "youtube.com" if no_cookie_allowed => {
            (YOUTUBE_NO_COOKIE.to_string(), format!("https://{YOUTUBE_NO_COOKIE}{path}"))
        }
        _ => (host, src.to_string()),
    };
    let kind = match host.as_str() {
        "www.youtube.com" | "youtube.com" | YOUTUBE_NO_COOKIE | "player.vimeo.com" => "video",
        "platform.twitter.com" | "www.facebook.com" => "post",
        _ => "content",
    };
    Facade { label: format!("Load {kind} from {}", host.strip_prefix("www.").unwrap_or(&host)), src }
}

/// The CSS `aspect-ratio` value of an embed from its `width` and `height` attributes, when both
/// are usable numbers.
pub fn aspect_ratio(width: Option<&str>, height: Option<&str>) -> Option<String> {
    let number = |v: Option<&str>| v.and_then(|v| v.trim().parse::<u32>().ok()).filter(|n| *n > 0);
    Some(format!("{} / {}", number(width)?, number(height)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hosts(list: &[&str]) -> Vec<String> {
        list.iter().map(|h| h.to_string()).collect()
    }

    #[test]
    fn youtube_loads_without_cookies_where_the_site_allows_it() {
        let allowed = hosts(&["www.youtube.com", "www.youtube-nocookie.com"]);
        let f = facade("https://www.youtube.com/embed/abc?start=5", &allowed);
        assert_eq!(f.src, "https://www.youtube-nocookie.com/embed/abc?start=5");
        assert_eq!(f.label, "Load video from youtube-nocookie.com");
        assert_eq!(facade("https://www.youtube-nocookie.com/embed/abc", &allowed).label, "Load video from youtube-nocookie.com");
        let only_youtube = facade("https://www.youtube.com/embed/abc", &hosts(&["www.youtube.com"]));
        assert_eq!(only_youtube.src, "https://www.youtube.com/embed/abc");
        assert_eq!(only_youtube.label, "Load video from youtube.com");
    }

    #[test]
    fn other_hosts_keep_their_address_and_are_named() {
        let none = hosts(&[]);
        let f = facade("https://player.vimeo.com/video/76979871", &none);
        assert_eq!(f.src, "https://player.vimeo.com/video/76979871");
        assert_eq!(f.label, "Load video from player.vimeo.com");
        assert_eq!(facade("https://platform.twitter.com/embed/Tweet.html?id=1", &none).label, "Load post from platform.twitter.com");
        assert_eq!(facade("https://www.facebook.com/plugins/post.php", &none).label, "Load post from facebook.com");
        assert_eq!(facade("https://maps.example/embed", &none).label, "Load content from maps.example");
    }

    #[test]
    fn aspect_ratio_needs_two_positive_numbers() {
        assert_eq!(aspect_ratio(Some("560"), Some("315")).as_deref(), Some("560 / 315"));
        for (w, h) in [(None, Some("315")), (Some("0"), Some("315")), (Some("560"), Some("x")), (Some("-1"), Some("2"))] {
            assert_eq!(aspect_ratio(w, h), None);
        }
    }
}

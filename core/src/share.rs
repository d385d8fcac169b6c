//! Share links for a story: each network's "share this page" address, and an email draft.
//! Every value is percent-encoded whole, so `&`, `#`, quotes or any script in a title or address
//! stays data inside its parameter.

use crate::routes::encode;

/// Where a story can be shared by link.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Network {
    Facebook,
    X,
    LinkedIn,
    WhatsApp,
    Reddit,
    Email,
}

impl Network {
    /// In the order the share bar shows them.
    pub const ALL: [Network; 6] =
        [Network::Facebook, Network::X, Network::LinkedIn, Network::WhatsApp, Network::Reddit, Network::Email];

    /// The visible label.
    pub fn label(self) -> &'static str {
        match self {
            Network::Facebook => "Facebook",
            Network::X => "X",
            Network::LinkedIn => "LinkedIn",
            Network::WhatsApp => "WhatsApp",
            Network::Reddit => "Reddit",
            Network::Email => "Email",
        }
    }

    /// The full accessible name, of which the label is the end ("Share on Facebook").
    pub fn accessible_name(self) -> String {
        match self {
            Network::Email => "Share by email".to_string(),
            other => format!("Share on {}", other.label()),
        }
    }

    /// The address that shares `story` on this network.
    pub fn share_url(self, story: &SharedStory) -> String {
        let (url, title) = (encode(&story.url), encode(&story.title));
        match self {
            Network::Facebook => format!("https://www.facebook.com/sharer/sharer.php?u={url}"),
            Network::X => format!("https://x.com/intent/tweet?url={url}&text={title}"),
            Network::LinkedIn => format!("https://www.linkedin.com/sharing/share-offsite/?url={url}"),
            Network::WhatsApp => format!("https://wa.me/?text={}", encode(&format!("{} {}", story.title, story.url))),
            Network::Reddit => format!("https://www.reddit.com/submit?url={url}&title={title}"),
            // RFC 6068: `%20` for spaces (a `+` would stay a plus), CRLF between lines.
            Network::Email => {
                let body = if story.excerpt.is_empty() {
                    story.url.clone()
                } else {
                    format!("{}\r\n\r\n{}", story.excerpt, story.url)
                };
                format!("mailto:?subject={title}&body={}", encode(&body))
            }
        }
    }
}

/// What a share says about a story: its absolute address, headline and excerpt, all plain text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SharedStory {
    pub url: String,
    pub title: String,
    pub excerpt: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn story(url: &str, title: &str, excerpt: &str) -> SharedStory {
        SharedStory { url: url.into(), title: title.into(), excerpt: excerpt.into() }
    }

    #[test]
    fn every_network_gets_the_encoded_address() {
        let s = story("https://news.example/article/budget-deal", "Budget deal", "Lawmakers agree.");
        let url = "https%3A%2F%2Fnews.example%2Farticle%2Fbudget-deal";
        assert_eq!(Network::Facebook.share_url(&s), format!("https://www.facebook.com/sharer/sharer.php?u={url}"));
        assert_eq!(Network::X.share_url(&s), format!("https://x.com/intent/tweet?url={url}&text=Budget%20deal"));
        assert_eq!(Network::LinkedIn.share_url(&s), format!("https://www.linkedin.com/sharing/share-offsite/?url={url}"));
        assert_eq!(Network::WhatsApp.share_url(&s), format!("https://wa.me/?text=Budget%20deal%20{url}"));
        assert_eq!(Network::Reddit.share_url(&s), format!("https://www.reddit.com/submit?url={url}&title=Budget%20deal"));
        assert_eq!(
            Network::Email.share_url(&s),
            format!("mailto:?subject=Budget%20deal&body=Lawmakers%20agree.%0D%0A%0D%0A{url}")
        );
    }

    #[test]
    fn ampersands_hashes_quotes_and_unicode_stay_inside_their_parameter() {
        let s = story("https://news.example/article/a?x=1&y=2#top", "Tax & \"spend\" #1 'now' — café ☕", "");
        let x = Network::X.share_url(&s);
        assert_eq!(
            x,
            "https://x.com/intent/tweet?url=https%3A%2F%2Fnews.example%2Farticle%2Fa%3Fx%3D1%26y%3D2%23top\
             &text=Tax%20%26%20%22spend%22%20%231%20%27now%27%20%E2%80%94%20caf%C3%A9%20%E2%98%95"
        );
        for network in Network::ALL {
            let shared = network.share_url(&s);
            let query = shared.split_once('?').map_or("", |(_, q)| q);
            assert!(!query.contains('#') && !query.contains(' ') && !query.contains('"'), "{shared}");
            assert!(shared.is_ascii(), "{shared}");
            // Only the parameters' own separators remain.
            assert_eq!(query.matches('&').count(), query.matches('=').count() - 1, "{shared}");
        }
    }

    #[test]
    fn email_without_excerpt_is_just_the_address() {
        let s = story("https://n.example/article/a", "A", "");
        assert_eq!(Network::Email.share_url(&s), "mailto:?subject=A&body=https%3A%2F%2Fn.example%2Farticle%2Fa");
    }

    #[test]
    fn accessible_names_end_with_the_visible_label() {
        assert_eq!(Network::Facebook.accessible_name(), "Share on Facebook");
        assert_eq!(Network::X.accessible_name(), "Share on X");
        assert_eq!(Network::Email.accessible_name(), "Share by email");
        for network in Network::ALL {
            assert!(network.accessible_name().to_lowercase().ends_with(&network.label().to_lowercase()));
        }
    }
}

//! How the reader likes the page: colour theme and text size, kept in the browser. The inline
//! script in `index.html` reads the same keys before the stylesheet paints, so that a dark page
//! never flashes light.

/// `localStorage` key of the [`Theme`]: its [`Theme::stored_name`] as a JSON string, as every
/// stored value.
pub const THEME_KEY: &str = "broadsheet.theme";
/// `localStorage` key of the [`TextSize`].
pub const TEXT_SIZE_KEY: &str = "broadsheet.text-size";
/// `localStorage` key set once the reader accepted the privacy notice (the early script marks
/// `<html>` with `data-consented` then).
pub const CONSENT_KEY: &str = "broadsheet.consent";

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    /// Follows the device's light or dark setting.
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    /// How the choice is kept in the browser.
    pub fn stored_name(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    /// The choice kept as `name`; none for a name this version does not know.
    pub fn from_stored(name: &str) -> Option<Theme> {
        [Theme::Auto, Theme::Light, Theme::Dark].into_iter().find(|theme| theme.stored_name() == name)
    }

    /// The next choice of the toggle button.
    pub fn next(self) -> Theme {
        match self {
            Theme::Auto => Theme::Light,
            Theme::Light => Theme::Dark,
            Theme::Dark => Theme::Auto,
        }
    }

    /// The `data-theme` value on `<html>`; none lets the device decide.
    pub fn attribute(self) -> Option<&'static str> {
        (self != Theme::Auto).then(|| self.stored_name())
    }

    pub fn label(self) -> &'static str {
        match self {
            Theme::Auto => "Auto",
            Theme::Light => "Light",
            Theme::Dark => "Dark",
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TextSize {
    #[default]
    Normal,
    Large,
    Larger,
}

impl TextSize {
    /// How the choice is kept in the browser.
    pub fn stored_name(self) -> &'static str {
        match self {
            TextSize::Normal => "normal",
            TextSize::Large => "large",
            TextSize::Larger => "larger",
        }
    }

    /// The choice kept as `name`; none for a name this version does not know.
    pub fn from_stored(name: &str) -> Option<TextSize> {
        [TextSize::Normal, TextSize::Large, TextSize::Larger].into_iter().find(|size| size.stored_name() == name)
    }

    pub fn next(self) -> TextSize {
        match self {
            TextSize::Normal => TextSize::Large,
            TextSize::Large => TextSize::Larger,
            TextSize::Larger => TextSize::Normal,
        }
    }

    /// The `data-text-size` value on `<html>`.
    pub fn attribute(self) -> Option<&'static str> {
        (self != TextSize::Normal).then(|| self.stored_name())
    }

    pub fn label(self) -> &'static str {
        match self {
            TextSize::Normal => "normal",
            TextSize::Large => "large",
            TextSize::Larger => "larger",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toggles_cycle_through_every_choice() {
        assert_eq!([Theme::Auto.next(), Theme::Auto.next().next(), Theme::Auto.next().next().next()], [Theme::Light, Theme::Dark, Theme::Auto]);
        assert_eq!(TextSize::Normal.next().next().next(), TextSize::Normal);
        assert_eq!(TextSize::Normal.next(), TextSize::Large);
    }

    #[test]
    fn stored_names_read_back_and_unknown_ones_do_not() {
        for theme in [Theme::Auto, Theme::Light, Theme::Dark] {
            assert_eq!(Theme::from_stored(theme.stored_name()), Some(theme));
        }
        for size in [TextSize::Normal, TextSize::Large, TextSize::Larger] {
            assert_eq!(TextSize::from_stored(size.stored_name()), Some(size));
        }
        assert_eq!(Theme::Dark.stored_name(), "dark");
        assert_eq!(TextSize::from_stored("larger"), Some(TextSize::Larger));
        assert_eq!(Theme::from_stored("purple"), None);
    }

    /// A choice shown on `<html>` is stored under the same name, which the early script reads.
    #[test]
    fn attributes_are_the_stored_names() {
        assert_eq!(Theme::Dark.attribute(), Some(Theme::Dark.stored_name()));
        assert_eq!(TextSize::Larger.attribute(), Some(TextSize::Larger.stored_name()));
    }

    /// The early script in index.html must read the same keys and know the same values.
    #[test]
    fn the_early_script_matches_these_keys_and_values() {
        let html = include_str!("../../index.html");
        for needle in [THEME_KEY, TEXT_SIZE_KEY, "data-theme", "data-text-size", CONSENT_KEY, "data-consented"] {
            assert!(html.contains(needle), "index.html lacks {needle}");
        }
        for value in [Theme::Light, Theme::Dark].iter().filter_map(|t| t.attribute()).chain([TextSize::Large, TextSize::Larger].iter().filter_map(|s| s.attribute())) {
            assert!(html.contains(&format!("\"{value}\"")), "index.html lacks {value}");
        }
    }
}

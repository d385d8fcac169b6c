//! Lower-casing for slugs and case-insensitive search, without the standard library's Unicode case
//! tables (≈ 7 KB brotli in the browser): the simple one-to-one mappings of ASCII, Latin-1, Latin
//! Extended-A, Greek and Cyrillic, written as arithmetic. Letters of other scripts stay as written.

/// The lower-case form of `c` in the scripts above, `c` itself otherwise. Unlike
/// [`char::to_lowercase`], always one character: `İ` becomes a plain `i`.
pub fn lower_case(c: char) -> char {
    let code = c as u32;
    let lower = match code {
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE | 0x391..=0x3A1 | 0x3A3..=0x3AB | 0x410..=0x42F => code + 0x20,
        0x400..=0x40F => code + 0x50,
        // Blocks of alternating capital and small letters, the capital first at an even code…
        0x100..=0x12F
        | 0x132..=0x137
        | 0x14A..=0x177
        | 0x370..=0x373
        | 0x376
        | 0x3D8..=0x3EF
        | 0x460..=0x481
        | 0x48A..=0x4BF
        | 0x4D0..=0x4FF => code | 1,
        // …or at an odd one.
        0x139..=0x148 | 0x179..=0x17E | 0x4C1..=0x4CE => code + (code & 1),
        0x130 => 0x69,
        0x178 => 0xFF,
        0x37F => 0x3F3,
        0x386 => 0x3AC,
        0x388..=0x38A => code + 37,
        0x38C => 0x3CC,
        0x38E..=0x38F => code + 63,
        0x3CF => 0x3D7,
        0x3F4 => 0x3B8,
        0x3F7 | 0x3FA => code + 1,
        0x3F9 => 0x3F2,
        0x3FD..=0x3FF => code - 130,
        0x4C0 => 0x4CF,
        _ => code,
    };
    char::from_u32(lower).unwrap_or(c)
}

/// `text` for case-insensitive matching: [`lower_case`] of every letter, and the Greek final
/// sigma as `σ`, so that "ΟΔΌΣ" and "οδός" compare equal.
pub fn fold_case(text: &str) -> String {
    text.chars()
        .map(|c| match lower_case(c) {
            'ς' => 'σ',
            lower => lower,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_the_standard_library_in_the_scripts_it_covers() {
        let covered = (0..=0x17F).chain(0x370..=0x4FF).filter_map(char::from_u32);
        for c in covered.filter(|&c| c != 'İ') {
            let std_lower: Vec<char> = c.to_lowercase().collect();
            assert_eq!(vec![lower_case(c)], std_lower, "{c:?} (U+{:04X})", c as u32);
        }
        assert_eq!(lower_case('İ'), 'i');
    }

    #[test]
    fn leaves_other_scripts_and_non_letters_as_written() {
        for c in ['Ș', 'Ạ', 'Ա', '日', 'ß', 'ı', '×', '9', '-', '\u{10FFFF}'] {
            assert_eq!(lower_case(c), c);
        }
    }

    #[test]
    fn folds_words_of_several_scripts_alike() {
        for (a, b) in [("Señor", "SEÑOR"), ("ÉTÉ", "été"), ("ΑΘΉΝΑ", "Αθήνα"), ("МОСКВА", "Москва"), ("ΟΔΌΣ", "οδός"), ("ŁÓDŹ", "łódź")] {
            assert_eq!(fold_case(a), fold_case(b), "{a} / {b}");
        }
        assert_eq!(fold_case("ΑΘΉΝΑ"), "αθήνα");
        assert_eq!(fold_case("Σίσυφος"), "σίσυφοσ");
    }
}

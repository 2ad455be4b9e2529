//! How long an SMS is, as carriers bill it. A text of the GSM 03.38 basic
//! set travels as GSM-7 (160 characters in one segment, 153 per segment
//! once split); any other character turns the whole text into UCS-2 (70,
//! then 67). A two-segment SMS costs double at every provider, so every
//! message Countersign sends is written to fit in one, and a service names
//! itself there by a short name ([`is_valid_sms_name`], [`derive_sms_name`]).

/// The GSM 03.38 basic character set (one septet each).
const GSM7_BASIC: &str = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?\
¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

/// The extension table: an escape septet and one more, so each counts 2.
const GSM7_EXTENSION: &str = "\u{c}^{}\\[~]|€";

/// The longest short name: an alphanumeric sender ID's 11 characters.
pub const SMS_NAME_MAX: usize = 11;

/// How a text is encoded on the air.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Gsm7,
    Ucs2,
}

/// A text's size in an SMS.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segments {
    pub encoding: Encoding,
    /// Septets (GSM-7) or UTF-16 code units (UCS-2).
    pub units: usize,
    /// Segments billed; an empty text is still one SMS.
    pub count: usize,
}

/// Septets `c` takes in GSM-7, or `None` if GSM-7 cannot carry it.
fn gsm7_width(c: char) -> Option<usize> {
    if GSM7_BASIC.contains(c) {
        Some(1)
    } else if GSM7_EXTENSION.contains(c) {
        Some(2)
    } else {
        None
    }
}

/// Whether `c` is in the GSM 03.38 basic set or its extension table.
pub fn is_gsm7(c: char) -> bool {
    gsm7_width(c).is_some()
}

/// How `text` travels and how many segments it is billed as.
pub fn segments(text: &str) -> Segments {
    let gsm7: Option<Vec<usize>> = text.chars().map(gsm7_width).collect();
    let (encoding, widths, single, part) = match gsm7 {
        Some(widths) => (Encoding::Gsm7, widths, 160, 153),
        None => (
            Encoding::Ucs2,
            text.chars().map(char::len_utf16).collect(),
            70,
            67,
        ),
    };
    let units = widths.iter().sum();
    let count = if units <= single {
        1
    } else {
        // An escape and its character, or a surrogate pair, are never
        // split between two segments: pack whole characters.
        let (mut count, mut used) = (1, 0);
        for w in widths {
            if used + w > part {
                count += 1;
                used = 0;
            }
            used += w;
        }
        count
    };
    Segments {
        encoding,
        units,
        count,
    }
}

/// A character a short name may hold: a GSM-7 letter or digit, or a space
/// (what an alphanumeric sender ID may be made of).
fn is_sms_name_char(c: char) -> bool {
    c == ' ' || (c.is_alphanumeric() && GSM7_BASIC.contains(c))
}

/// Whether `name` can name a service in an SMS: 1 to [`SMS_NAME_MAX`]
/// GSM-7 letters, digits and spaces, not starting or ending with a space.
pub fn is_valid_sms_name(name: &str) -> bool {
    let n = name.chars().count();
    (1..=SMS_NAME_MAX).contains(&n) && name.trim() == name && name.chars().all(is_sms_name_char)
}

/// A short name from a full one: its first [`SMS_NAME_MAX`] GSM-7 letters,
/// digits and spaces, trimmed ("Crédit Agricole — Particuliers" → "Crédit Agri").
/// A name with none of those keeps its first characters: the SMS is then
/// UCS-2, until the service sets a short name.
pub fn derive_sms_name(name: &str) -> String {
    let mut kept = String::new();
    for c in name.chars().filter(|c| is_sms_name_char(*c)) {
        // No leading or doubled space ("A & B" → "A B").
        if c == ' ' && (kept.is_empty() || kept.ends_with(' ')) {
            continue;
        }
        if kept.chars().count() == SMS_NAME_MAX {
            break;
        }
        kept.push(c);
    }
    let kept = kept.trim_end();
    if kept.is_empty() {
        name.trim().chars().take(SMS_NAME_MAX).collect()
    } else {
        kept.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gsm(units: usize, count: usize) -> Segments {
        Segments {
            encoding: Encoding::Gsm7,
            units,
            count,
        }
    }

    fn ucs(units: usize, count: usize) -> Segments {
        Segments {
            encoding: Encoding::Ucs2,
            units,
            count,
        }
    }

    #[test]
    fn gsm7_fits_160_then_153_per_part() {
        assert_eq!(segments(""), gsm(0, 1));
        assert_eq!(segments(&"a".repeat(160)), gsm(160, 1));
        assert_eq!(segments(&"a".repeat(161)), gsm(161, 2));
        assert_eq!(segments(&"a".repeat(306)), gsm(306, 2));
        assert_eq!(segments(&"a".repeat(307)), gsm(307, 3));
    }

    #[test]
    fn ucs2_fits_70_then_67_per_part() {
        assert_eq!(segments(&"á".repeat(70)), ucs(70, 1));
        assert_eq!(segments(&"á".repeat(71)), ucs(71, 2));
        assert_eq!(segments(&"á".repeat(134)), ucs(134, 2));
        assert_eq!(segments(&"á".repeat(135)), ucs(135, 3));
        // One character outside GSM-7 turns the whole text into UCS-2.
        assert_eq!(segments(&format!("{}á", "a".repeat(69))), ucs(70, 1));
        assert_eq!(segments(&format!("{}á", "a".repeat(70))), ucs(71, 2));
        // An emoji is a surrogate pair: two units.
        assert_eq!(segments("🔒"), ucs(2, 1));
    }

    #[test]
    fn the_extension_table_counts_two() {
        assert_eq!(segments("€"), gsm(2, 1));
        assert_eq!(segments("{}[]~\\|^"), gsm(16, 1));
        assert_eq!(segments(&format!("{}€", "a".repeat(158))), gsm(160, 1));
        assert_eq!(segments(&format!("{}€", "a".repeat(159))), gsm(161, 2));
        // An escape is never split: after 152 septets, a € starts the
        // second part, so 306 septets take three parts, not two.
        assert_eq!(
            segments(&format!("{}€{}", "a".repeat(152), "a".repeat(152))),
            gsm(306, 3)
        );
    }

    #[test]
    fn accents_of_the_basic_set_stay_gsm7() {
        assert!(is_gsm7('é') && is_gsm7('à') && is_gsm7('Ç') && is_gsm7('ü'));
        assert!(!is_gsm7('á') && !is_gsm7('ç') && !is_gsm7('ê') && !is_gsm7('…'));
        assert_eq!(segments("numéro modifié à 14:05").encoding, Encoding::Gsm7);
        assert_eq!(segments("août").encoding, Encoding::Ucs2);
    }

    #[test]
    fn a_short_name_is_a_sender_id() {
        for good in ["Acme", "Acme Bank", "Crédit Agri", "ABCDEFGHIJK", "Bank 24"] {
            assert!(is_valid_sms_name(good), "{good}");
        }
        for bad in [
            "",
            " Acme",
            "Acme ",
            "ABCDEFGHIJKL",
            "Acme-Bank",
            "Ação",
            "A€",
        ] {
            assert!(!is_valid_sms_name(bad), "{bad}");
        }
    }

    #[test]
    fn a_short_name_is_derived_from_the_full_one() {
        assert_eq!(derive_sms_name("Acme Bank"), "Acme Bank");
        assert_eq!(
            derive_sms_name("Crédit Agricole — Particuliers"),
            "Crédit Agri"
        );
        assert_eq!(derive_sms_name("  A.C.M.E. Bank "), "ACME Bank");
        assert_eq!(derive_sms_name("Acme Bank & Trust Co."), "Acme Bank T");
        assert_eq!(derive_sms_name("A & B"), "A B");
        assert_eq!(
            derive_sms_name("銀行サービス株式会社のアプリ"),
            "銀行サービス株式会社の"
        );
        for name in ["Acme Bank", "Crédit Agricole — Particuliers", "x y"] {
            assert!(is_valid_sms_name(&derive_sms_name(name)), "{name}");
        }
    }
}

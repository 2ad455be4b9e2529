//! Choosing the language: the one place every page and message asks.

use std::sync::OnceLock;

use fluent_langneg::{negotiate_languages, NegotiationStrategy};
use unic_langid::LanguageIdentifier;

use crate::{Locale, LANGUAGES};

/// The language to use: the user's stored locale, else `?lang=`, else the
/// browser's `Accept-Language` (by its q-values), else English. Each is
/// matched to the closest language the product has (`fr-CA` → `fr`,
/// `pt-BR` → `pt-BR`, else `pt`; Chinese by its likely script, `zh-TW` →
/// `zh-Hant`, `zh-CN` → `zh-Hans`); one it cannot match gives way to the
/// next. Unparsable values count as absent.
pub fn negotiate(stored: Option<&str>, asked: Option<&str>, accept: Option<&str>) -> Locale {
    let requested: Vec<LanguageIdentifier> = stored
        .into_iter()
        .chain(asked)
        .chain(accept.map(accept_language_ranges).unwrap_or_default())
        .filter_map(|tag| tag.trim().parse().ok())
        .collect();
    let available = available();
    negotiate_languages(
        &requested,
        available,
        Some(&available[0]),
        NegotiationStrategy::Lookup,
    )
    .first()
    .and_then(|chosen| available.iter().position(|a| a == *chosen))
    .map_or(Locale::DEFAULT, Locale)
}

/// [`LANGUAGES`]' tags, parsed once, in the same order.
fn available() -> &'static [LanguageIdentifier] {
    static AVAILABLE: OnceLock<Vec<LanguageIdentifier>> = OnceLock::new();
    AVAILABLE.get_or_init(|| {
        LANGUAGES
            .iter()
            .map(|l| l.tag.parse().expect("LANGUAGES holds valid tags"))
            .collect()
    })
}

/// An `Accept-Language` header's language ranges, most wanted first: by
/// q-value (1 when absent), in the header's order among equals; `q=0`
/// (not wanted), a malformed q-value and the `*` wildcard are left out.
pub fn accept_language_ranges(header: &str) -> Vec<&str> {
    let mut ranges: Vec<(&str, f32)> = header
        .split(',')
        .filter_map(|item| {
            let mut parts = item.split(';');
            let range = parts.next()?.trim();
            let q = match parts.find_map(|p| p.trim().strip_prefix("q=")) {
                Some(q) => q
                    .trim()
                    .parse::<f32>()
                    .ok()
                    .filter(|q| (0.0..=1.0).contains(q))?,
                None => 1.0,
            };
            (q > 0.0 && !range.is_empty() && range != "*").then_some((range, q))
        })
        .collect();
    // A stable sort keeps the header's order among equal q-values.
    ranges.sort_by(|a, b| b.1.total_cmp(&a.1));
    ranges.into_iter().map(|(range, _)| range).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag(stored: Option<&str>, asked: Option<&str>, accept: Option<&str>) -> &'static str {
        negotiate(stored, asked, accept).tag()
    }

    #[test]
    fn q_values_order_the_browser_s_languages() {
        assert_eq!(
            accept_language_ranges("en;q=0.5, fr-CH, de;q=0.7, fr;q=0.9, *;q=0.1, es;q=0"),
            ["fr-CH", "fr", "de", "en"]
        );
        assert_eq!(
            accept_language_ranges("de, en;q=bad, fr;q=2, it"),
            ["de", "it"]
        );
        // French is preferred though English comes first in the header.
        assert_eq!(tag(None, None, Some("en;q=0.4, fr;q=0.8")), "fr");
        assert_eq!(tag(None, None, Some("fr;q=0, en")), "en");
        // A language the product lacks gives way to the next one wanted.
        assert_eq!(tag(None, None, Some("sv-SE, fr;q=0.5, en;q=0.1")), "fr");
        assert_eq!(tag(None, None, Some("fi, sv")), "en");
        assert_eq!(tag(None, None, Some("")), "en");
        assert_eq!(tag(None, None, None), "en");
    }

    #[test]
    fn regional_variants_fall_back_to_their_language() {
        assert_eq!(tag(Some("fr-CA"), None, None), "fr");
        assert_eq!(tag(Some("fr_FR"), None, None), "fr");
        assert_eq!(tag(None, Some("FR-be"), None), "fr");
        assert_eq!(tag(None, None, Some("fr-CH")), "fr");
        assert_eq!(tag(Some("en-GB"), None, None), "en");
        assert_eq!(tag(Some("es-MX"), None, None), "es");
        assert_eq!(tag(None, None, Some("es-419, en;q=0.5")), "es");
        assert_eq!(tag(Some("de-AT"), None, None), "de");
        assert_eq!(tag(None, Some("de-CH"), None), "de");
        assert_eq!(tag(None, None, Some("it-CH")), "it");
        assert_eq!(tag(Some("nl-BE"), None, None), "nl");
        // Brazilian Portuguese is the only Portuguese: pt and pt-PT get it.
        assert_eq!(tag(Some("pt-BR"), None, None), "pt-BR");
        assert_eq!(tag(Some("pt_br"), None, None), "pt-BR");
        assert_eq!(tag(None, None, Some("pt")), "pt-BR");
        assert_eq!(tag(None, None, Some("pt-PT, en;q=0.5")), "pt-BR");
        // Russian as spoken in Ukraine is still Russian.
        assert_eq!(tag(None, None, Some("ru-RU,ru;q=0.9,en;q=0.5")), "ru");
        assert_eq!(tag(Some("ru-UA"), None, None), "ru");
        assert_eq!(tag(None, None, Some("uk")), "uk");
        assert_eq!(tag(None, None, Some("uk-UA,uk;q=0.9,ru;q=0.8")), "uk");
        assert_eq!(tag(Some("pl-PL"), None, None), "pl");
        assert_eq!(tag(None, None, Some("pl, en;q=0.5")), "pl");
        assert_eq!(tag(Some("ja-JP"), None, None), "ja");
        assert_eq!(tag(None, None, Some("ja, en;q=0.5")), "ja");
        assert_eq!(tag(Some("ko-KR"), None, None), "ko");
        assert_eq!(tag(None, None, Some("ko, en;q=0.5")), "ko");
        // Chinese by script: the region or the bare language says which.
        assert_eq!(tag(Some("zh-Hans"), None, None), "zh-Hans");
        assert_eq!(tag(Some("zh-CN"), None, None), "zh-Hans");
        assert_eq!(tag(None, Some("zh-SG"), None), "zh-Hans");
        assert_eq!(tag(None, None, Some("zh, en;q=0.5")), "zh-Hans");
        assert_eq!(tag(Some("zh_cn"), None, None), "zh-Hans");
        assert_eq!(tag(Some("zh-Hant"), None, None), "zh-Hant");
        assert_eq!(tag(Some("zh-TW"), None, None), "zh-Hant");
        assert_eq!(tag(None, Some("zh-HK"), None), "zh-Hant");
        assert_eq!(tag(None, None, Some("zh-MO, en;q=0.5")), "zh-Hant");
        assert_eq!(tag(None, None, Some("zh-Hant-HK")), "zh-Hant");
        assert_eq!(tag(None, None, Some("zh-Hans-HK")), "zh-Hans");
    }

    #[test]
    fn arabic_from_any_region() {
        assert_eq!(tag(Some("ar"), None, None), "ar");
        assert_eq!(tag(Some("ar-EG"), None, None), "ar");
        assert_eq!(tag(None, Some("ar-SA"), None), "ar");
        assert_eq!(tag(None, None, Some("ar-AE,ar;q=0.9,en;q=0.5")), "ar");
    }

    #[test]
    fn turkish_from_any_region() {
        assert_eq!(tag(Some("tr"), None, None), "tr");
        assert_eq!(tag(Some("tr-CY"), None, None), "tr");
        assert_eq!(tag(None, None, Some("tr-TR,tr;q=0.9,en;q=0.5")), "tr");
    }

    #[test]
    fn vietnamese_from_any_region() {
        assert_eq!(tag(Some("vi"), None, None), "vi");
        assert_eq!(tag(None, Some("vi-VN"), None), "vi");
        assert_eq!(tag(None, None, Some("vi-VN,vi;q=0.9,en;q=0.5")), "vi");
    }

    #[test]
    fn the_stored_locale_then_the_query_then_the_browser() {
        let browser = Some("en-US,en;q=0.9");
        assert_eq!(tag(Some("fr"), Some("en"), browser), "fr");
        assert_eq!(tag(None, Some("fr"), browser), "fr");
        assert_eq!(tag(None, None, Some("fr-FR,fr;q=0.9,en;q=0.5")), "fr");
        // Unusable answers count as absent.
        assert_eq!(tag(Some("klingon-x-y-z-"), Some("fr"), browser), "fr");
        assert_eq!(tag(Some("sv"), Some("<script>"), Some("fr")), "fr");
        assert_eq!(tag(Some("de"), Some("<script>"), Some("fr")), "de");
    }
}

//! The Fluent bundles, built once, and the formatting of one message.

use std::fmt;
use std::sync::OnceLock;

use countersign_core::Timestamp;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use time::OffsetDateTime;

use crate::{Direction, Language, Locale, LANGUAGES};

type Bundle = FluentBundle<FluentResource>;

/// Where text goes, which decides Unicode isolation marks (FSI/PDI around
/// each placeable).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Medium {
    /// Pages: marks on in right-to-left languages, where they keep a
    /// Latin service name or a number from reordering the sentence around
    /// it; off in left-to-right ones, where a browser needs none and
    /// invisible characters would only end up in copied text.
    Page,
    /// SMS, calls and emails: never. FSI and PDI are not in the GSM-7
    /// alphabet, so one mark turns an SMS into UCS-2 and halves what a
    /// segment holds; speech engines gain nothing from them; and a text
    /// email's subject shows them as boxes in some clients.
    Plain,
}

/// Each language's bundle for pages and for plain messages.
struct Catalog {
    page: Bundle,
    plain: Bundle,
}

fn catalogs() -> &'static [Catalog] {
    static CATALOGS: OnceLock<Vec<Catalog>> = OnceLock::new();
    CATALOGS.get_or_init(|| {
        LANGUAGES
            .iter()
            .map(|l| Catalog {
                page: bundle(l, l.direction == Direction::RightToLeft),
                plain: bundle(l, false),
            })
            .collect()
    })
}

/// The operator console's words: English only (an operators' tool), added
/// to the English bundle.
const CONSOLE: &str = include_str!("../console/en.ftl");

/// The bundle of `language`'s files. The files are part of the binary and
/// this crate's tests parse every one: a syntax error or a duplicate id
/// cannot reach a build that passed them.
fn bundle(language: &Language, isolating: bool) -> Bundle {
    let id = language.tag.parse().expect("LANGUAGES holds valid tags");
    let mut bundle = Bundle::new_concurrent(vec![id]);
    bundle.set_use_isolating(isolating);
    let console = (language.tag == "en").then_some(CONSOLE);
    for source in language.resources.into_iter().chain(console) {
        let resource = FluentResource::try_new(source.to_owned())
            .unwrap_or_else(|(_, e)| panic!("{}: {e:?}", language.tag));
        bundle
            .add_resource(resource)
            .unwrap_or_else(|e| panic!("{}: {e:?}", language.tag));
    }
    bundle
}

/// The words of one language for one medium.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Texts {
    locale: Locale,
    medium: Medium,
}

impl Texts {
    pub(crate) fn new(locale: Locale, medium: Medium) -> Texts {
        Texts { locale, medium }
    }

    pub fn locale(self) -> Locale {
        self.locale
    }

    /// The language's tag, for `<html lang>` and links' `?lang=`.
    pub fn lang(self) -> &'static str {
        self.locale.tag()
    }

    /// `ltr` or `rtl`, for `<html dir>`.
    pub fn dir(self) -> &'static str {
        self.locale.dir()
    }

    /// The language without its region ("pt" for "pt-BR"): help articles
    /// are filed by language alone.
    pub fn base_lang(self) -> &'static str {
        let tag = self.locale.tag();
        tag.split('-').next().unwrap_or(tag)
    }

    /// Message `id`, without variables.
    pub fn get(self, id: &str) -> String {
        self.msg(id).to_string()
    }

    /// Message `id`, to be given its variables with [`Msg::arg`].
    pub fn msg(self, id: &str) -> Msg<'_> {
        Msg {
            texts: self,
            id,
            attribute: None,
            args: FluentArgs::new(),
        }
    }

    /// "1 November 2026" (UTC).
    pub fn date(self, at: impl Instant) -> String {
        let d = utc(at.timestamp());
        self.msg("date")
            .arg("day", d.day())
            .arg("month", u8::from(d.month()))
            .arg("year", d.year())
            .to_string()
    }

    /// "Nov 1, 2026 at 14:05 UTC": the zone is named, as the product knows
    /// no user's own.
    pub fn datetime(self, at: impl Instant) -> String {
        self.moment("datetime", None, at)
    }

    /// "Nov 1, 14:05 UTC": a datetime short enough for an SMS.
    pub fn datetime_short(self, at: impl Instant) -> String {
        self.moment("datetime-short", None, at)
    }

    /// [`Texts::datetime`] as it follows "until" (withdrawals held until
    /// then): with the words that change with the day where a language has
    /// them (Italian "al 9", "all'8").
    pub fn until(self, at: impl Instant) -> String {
        self.moment("datetime", Some("until"), at)
    }

    /// [`Texts::datetime_short`] as it follows "until", for an SMS.
    pub fn until_short(self, at: impl Instant) -> String {
        self.moment("datetime-short", Some("until"), at)
    }

    /// Message `id` (or its `attribute`) for the moment `at`, UTC.
    fn moment(self, id: &str, attribute: Option<&str>, at: impl Instant) -> String {
        let d = utc(at.timestamp());
        let msg = self.msg(id);
        match attribute {
            Some(a) => msg.attribute(a),
            None => msg,
        }
        .arg("day", d.day())
        .arg("month", u8::from(d.month()))
        .arg("year", d.year())
        .arg("hour", format!("{:02}", d.hour()))
        .arg("minute", format!("{:02}", d.minute()))
        .to_string()
    }

    /// The bundles to look a message up in: this language's, its base
    /// language's for a regional variant (`pt-BR` → `pt`), then English.
    fn chain(self) -> impl Iterator<Item = &'static Bundle> {
        let own = self.locale.tag();
        let base = self.base_lang();
        let parent = LANGUAGES.iter().position(|l| l.tag == base && l.tag != own);
        let medium = self.medium;
        [Some(self.locale.0), parent, Some(Locale::DEFAULT.0)]
            .into_iter()
            .flatten()
            .map(move |i| match medium {
                Medium::Page => &catalogs()[i].page,
                Medium::Plain => &catalogs()[i].plain,
            })
    }
}

/// A moment, by value or by reference (askama passes references).
pub trait Instant {
    fn timestamp(&self) -> Timestamp;
}

impl Instant for Timestamp {
    fn timestamp(&self) -> Timestamp {
        *self
    }
}

impl<T: Instant + ?Sized> Instant for &T {
    fn timestamp(&self) -> Timestamp {
        (**self).timestamp()
    }
}

fn utc(at: Timestamp) -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp(at.millis().div_euclid(1000))
        .unwrap_or(OffsetDateTime::UNIX_EPOCH)
}

/// One message and its variables; formats when displayed (in a template,
/// or with `to_string`).
pub struct Msg<'a> {
    texts: Texts,
    id: &'a str,
    /// An attribute to read instead of the value, where the language has it.
    attribute: Option<&'a str>,
    args: FluentArgs<'a>,
}

impl<'a> Msg<'a> {
    /// Sets variable `$name`.
    pub fn arg(mut self, name: &'a str, value: impl Arg<'a>) -> Msg<'a> {
        self.args.set(name, value.value());
        self
    }

    /// Reads attribute `.name` instead of the value where the language
    /// defines it: a wording for one medium only, such as an SMS's in
    /// letters of the GSM-7 alphabet, where the page's would not fit.
    pub fn attribute(mut self, name: &'a str) -> Msg<'a> {
        self.attribute = Some(name);
        self
    }
}

/// What a variable may be: text or a number, owned or borrowed (askama
/// passes a template's values by reference).
pub trait Arg<'a> {
    fn value(self) -> FluentValue<'a>;
}

impl<'a> Arg<'a> for &'a str {
    fn value(self) -> FluentValue<'a> {
        self.into()
    }
}

impl<'a> Arg<'a> for &'a String {
    fn value(self) -> FluentValue<'a> {
        self.as_str().into()
    }
}

impl<'a> Arg<'a> for String {
    fn value(self) -> FluentValue<'a> {
        self.into()
    }
}

impl<'a, 'b: 'a, T: ?Sized> Arg<'a> for &'a &'b T
where
    &'b T: Arg<'b>,
{
    fn value(self) -> FluentValue<'a> {
        (*self).value()
    }
}

/// Numbers select plural forms.
macro_rules! number_args {
    ($($t:ty)*) => {$(
        impl<'a> Arg<'a> for $t {
            fn value(self) -> FluentValue<'a> {
                self.into()
            }
        }
        impl<'a> Arg<'a> for &$t {
            fn value(self) -> FluentValue<'a> {
                (*self).into()
            }
        }
    )*};
}

number_args!(u8 u32 u64 usize i32);

impl fmt::Display for Msg<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for bundle in self.texts.chain() {
            let message = bundle.get_message(self.id);
            let attribute = message
                .as_ref()
                .zip(self.attribute)
                .and_then(|(m, a)| m.get_attribute(a));
            let pattern = attribute.map(|a| a.value()).or_else(|| message?.value());
            let Some(pattern) = pattern else {
                continue;
            };
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, Some(&self.args), &mut errors);
            // A variable the code forgot: the page tests render every page.
            if cfg!(debug_assertions) && !errors.is_empty() {
                panic!("{} in {}: {errors:?}", self.id, self.texts.locale.tag());
            }
            return f.write_str(&text);
        }
        // Every language has every message (the tests check): only a typo
        // in the code gets here, and the page tests would see the panic.
        if cfg!(debug_assertions) {
            panic!("no message {}", self.id);
        }
        f.write_str(self.id)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    use fluent_syntax::ast;

    use super::*;
    use crate::FILES;

    /// Each message's (and term's) variables, through the messages it
    /// refers to, for one language.
    fn variables(language: &Language) -> BTreeMap<String, BTreeSet<String>> {
        let sources: Vec<&str> = language.resources.to_vec();
        let resources: Vec<ast::Resource<&str>> = sources
            .iter()
            .map(|s| fluent_syntax::parser::parse(*s).expect("parses"))
            .collect();
        let mut direct: BTreeMap<String, (BTreeSet<String>, BTreeSet<String>)> = BTreeMap::new();
        for entry in resources.iter().flat_map(|r| r.body.iter()) {
            let (name, patterns): (String, Vec<&ast::Pattern<&str>>) = match entry {
                ast::Entry::Message(m) => (
                    m.id.name.to_owned(),
                    m.value
                        .iter()
                        .chain(m.attributes.iter().map(|a| &a.value))
                        .collect(),
                ),
                ast::Entry::Term(t) => (
                    format!("-{}", t.id.name),
                    std::iter::once(&t.value)
                        .chain(t.attributes.iter().map(|a| &a.value))
                        .collect(),
                ),
                _ => continue,
            };
            let mut found = (BTreeSet::new(), BTreeSet::new());
            for p in patterns {
                walk_pattern(p, &mut found);
            }
            assert!(
                direct.insert(name.clone(), found).is_none(),
                "{}: {name} twice",
                language.tag
            );
        }
        // Close over message references.
        direct
            .keys()
            .map(|name| {
                let mut vars = BTreeSet::new();
                let mut todo = vec![name.clone()];
                let mut seen = BTreeSet::new();
                while let Some(n) = todo.pop() {
                    if !seen.insert(n.clone()) {
                        continue;
                    }
                    let (v, refs) = direct.get(&n).unwrap_or_else(|| {
                        panic!("{}: {name} refers to missing {n}", language.tag)
                    });
                    vars.extend(v.iter().cloned());
                    todo.extend(refs.iter().cloned());
                }
                (name.clone(), vars)
            })
            .collect()
    }

    fn walk_pattern(p: &ast::Pattern<&str>, found: &mut (BTreeSet<String>, BTreeSet<String>)) {
        for element in &p.elements {
            if let ast::PatternElement::Placeable { expression } = element {
                walk_expression(expression, found);
            }
        }
    }

    fn walk_expression(
        e: &ast::Expression<&str>,
        found: &mut (BTreeSet<String>, BTreeSet<String>),
    ) {
        match e {
            ast::Expression::Select { selector, variants } => {
                walk_inline(selector, found);
                for v in variants {
                    walk_pattern(&v.value, found);
                }
            }
            ast::Expression::Inline(i) => walk_inline(i, found),
        }
    }

    fn walk_inline(
        i: &ast::InlineExpression<&str>,
        found: &mut (BTreeSet<String>, BTreeSet<String>),
    ) {
        match i {
            ast::InlineExpression::VariableReference { id } => {
                found.0.insert(id.name.to_owned());
            }
            ast::InlineExpression::MessageReference { id, .. } => {
                found.1.insert(id.name.to_owned());
            }
            ast::InlineExpression::TermReference { id, .. } => {
                found.1.insert(format!("-{}", id.name));
            }
            ast::InlineExpression::FunctionReference { arguments, .. } => {
                for a in &arguments.positional {
                    walk_inline(a, found);
                }
                for a in &arguments.named {
                    walk_inline(&a.value, found);
                }
            }
            ast::InlineExpression::Placeable { expression } => walk_expression(expression, found),
            _ => {}
        }
    }

    #[test]
    fn every_language_has_every_message_with_the_same_variables() {
        let english = variables(&LANGUAGES[0]);
        assert!(english.len() > 200, "{}", english.len());
        for language in &LANGUAGES[1..] {
            let other = variables(language);
            let missing: Vec<_> = english.keys().filter(|k| !other.contains_key(*k)).collect();
            let extra: Vec<_> = other.keys().filter(|k| !english.contains_key(*k)).collect();
            assert!(
                missing.is_empty() && extra.is_empty(),
                "{}: missing {missing:?}, extra {extra:?}",
                language.tag
            );
            for (id, vars) in &english {
                assert_eq!(
                    &other[id], vars,
                    "{}: {id} has other variables than in English",
                    language.tag
                );
            }
        }
    }

    #[test]
    fn every_folder_is_a_listed_language_with_every_file() {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/locales");
        let mut folders: Vec<String> = std::fs::read_dir(root)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        folders.sort();
        let mut listed: Vec<String> = LANGUAGES.iter().map(|l| l.tag.to_owned()).collect();
        listed.sort();
        assert_eq!(
            folders, listed,
            "a folder in locales/ per line in LANGUAGES"
        );
        for language in LANGUAGES {
            let dir = format!("{root}/{}", language.tag);
            let mut files: Vec<String> = std::fs::read_dir(&dir)
                .unwrap()
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect();
            files.sort();
            let mut expected: Vec<String> = FILES.iter().map(|f| f.to_string()).collect();
            expected.sort();
            assert_eq!(files, expected, "{dir}");
            // The macro embeds the files in FILES' order.
            for (file, embedded) in FILES.iter().zip(language.resources) {
                let on_disk = std::fs::read_to_string(format!("{dir}/{file}")).unwrap();
                assert_eq!(on_disk, embedded, "{dir}/{file}");
            }
        }
    }

    #[test]
    fn every_bundle_builds_and_formats_with_plurals_and_variables() {
        for (i, _) in LANGUAGES.iter().enumerate() {
            Locale(i).texts().get("page-header-support");
        }
        let en = Locale::DEFAULT.texts();
        let fr = crate::negotiate(Some("fr"), None, None).texts();
        let left = |t: Texts, n: u32| t.msg("support-msg-attempts-left").arg("n", n).to_string();
        assert_eq!(left(en, 1), "1 try left.");
        assert_eq!(left(en, 3), "3 tries left.");
        assert_eq!(left(fr, 1), "Encore 1 essai.");
        assert_eq!(left(fr, 0), "Encore 0 essai.");
        assert_eq!(left(fr, 2), "Encore 2 essais.");
        // Portuguese counts 0 as one, like French; German and Dutch do not.
        let tag = |t: &str| crate::negotiate(Some(t), None, None).texts();
        assert_eq!(left(tag("pt-BR"), 0), "Resta 0 tentativa.");
        assert_eq!(left(tag("pt-BR"), 2), "Restam 2 tentativas.");
        assert_eq!(left(tag("de"), 0), "Noch 0 Versuche.");
        assert_eq!(left(tag("de"), 1), "Noch 1 Versuch.");
        assert_eq!(left(tag("nl"), 1), "Nog 1 poging.");
        assert_eq!(left(tag("es"), 1), "Le queda 1 intento.");
        assert_eq!(left(tag("it"), 3), "Restano 3 tentativi.");
        // Russian needs one, few and many: 21 is one, 22 few, 5 and 11 many.
        assert_eq!(left(tag("ru"), 21), "Осталась 21 попытка.");
        assert_eq!(left(tag("ru"), 22), "Осталось 22 попытки.");
        assert_eq!(left(tag("ru"), 5), "Осталось 5 попыток.");
        assert_eq!(left(tag("ru"), 11), "Осталось 11 попыток.");
        assert_eq!(
            en.msg("help-results-for").arg("query", "<b>").to_string(),
            "Results for “<b>”",
            "no isolation marks on a left-to-right page, and no escaping: that is the template's"
        );
    }

    #[test]
    fn dates_are_written_in_the_language_and_name_utc() {
        let t = Timestamp(1_793_491_200_000 + 14 * 3_600_000 + 5 * 60_000);
        let en = Locale::DEFAULT.texts();
        let fr = crate::negotiate(Some("fr"), None, None).texts();
        assert_eq!(en.date(t), "1 November 2026");
        assert_eq!(fr.date(t), "1 novembre 2026");
        assert_eq!(en.datetime(t), "Nov 1, 2026 at 14:05 UTC");
        assert_eq!(fr.datetime(t), "1 nov. 2026 à 14:05 UTC");
        let tag = |t: &str| crate::negotiate(Some(t), None, None).texts();
        assert_eq!(tag("de").date(t), "1. November 2026");
        assert_eq!(tag("de").datetime(t), "1. Nov. 2026 um 14:05 UTC");
        assert_eq!(tag("es").date(t), "1 de noviembre de 2026");
        assert_eq!(tag("pt-BR").datetime(t), "1 nov. 2026 às 14:05 UTC");
        assert_eq!(tag("it").datetime(t), "1 nov 2026 alle 14:05 UTC");
        assert_eq!(tag("nl").datetime(t), "1 nov. 2026 om 14:05 UTC");
        assert_eq!(tag("ru").date(t), "1 ноября 2026 г.");
        assert_eq!(tag("ru").datetime(t), "1 нояб. 2026 г. в 14:05 UTC");
        // SMS dates are numeric: GSM-7 even in a Cyrillic language.
        assert_eq!(tag("ru").datetime_short(t), "1.11 14:05 UTC");
        assert_eq!(tag("uk").date(t), "1 листопада 2026 р.");
        assert_eq!(tag("uk").datetime(t), "1 лист. 2026 р. о 14:05 UTC");
        assert_eq!(tag("pl").date(t), "1 listopada 2026");
        assert_eq!(tag("pl").datetime(t), "1 lis 2026 o 14:05 UTC");
        // Only a language whose words change with the day says "until" its
        // own way.
        assert_eq!(en.until(t), en.datetime(t));
        assert_eq!(en.until_short(t), en.datetime_short(t));
    }

    #[test]
    fn italian_elides_the_article_before_a_day_said_with_a_vowel() {
        let it = crate::negotiate(Some("it"), None, None).texts();
        // 14:05 UTC on the given day of November 2026.
        let on = |day: i64| {
            Timestamp(1_793_491_200_000 + ((day - 1) * 24 + 14) * 3_600_000 + 5 * 60_000)
        };
        let until = |day| {
            it.msg("verify-finished-held")
                .arg("until", it.until(on(day)))
                .to_string()
        };
        assert!(
            until(8).contains("fino all'8 nov 2026 alle 14:05 UTC,"),
            "{}",
            until(8)
        );
        assert!(
            until(11).contains("fino all'11 nov 2026 alle 14:05 UTC,"),
            "{}",
            until(11)
        );
        assert!(
            until(1).contains("fino all'1 nov 2026 alle 14:05 UTC,"),
            "{}",
            until(1)
        );
        assert!(
            until(26).contains("fino al 26 nov 2026 alle 14:05 UTC,"),
            "{}",
            until(26)
        );
        assert_eq!(it.until_short(on(8)), "all'8 nov, 14:05 UTC");
        assert_eq!(it.until_short(on(18)), "al 18 nov, 14:05 UTC");
        // A date alone, as on a page, has no article.
        assert_eq!(it.datetime(on(8)), "8 nov 2026 alle 14:05 UTC");
    }

    #[test]
    #[should_panic(expected = "no message no-such-message")]
    fn a_missing_message_is_loud_in_tests() {
        Locale::DEFAULT.texts().get("no-such-message");
    }
}

//! The help center's content: the starter articles every new service gets,
//! and the import of article files (`countersign articles import`).

use countersign_core::help::{parse_article_file, Article};
use countersign_core::ids::ServiceId;
use countersign_core::Timestamp;
use countersign_store::{Store, StoreError};

/// A line of [`STARTER_ARTICLES`]: `help/<locale>/<slug>.md`, named and
/// embedded.
macro_rules! starter {
    ($path:literal) => {
        ($path, include_str!(concat!("../../../help/", $path)))
    };
}

/// The starter articles (`help/<locale>/<slug>.md` at the repository's
/// root), compiled in so that a service created anywhere gets them. The
/// test below checks that this list and the folder agree.
pub const STARTER_ARTICLES: &[(&str, &str)] = &[
    starter!("en/sms-code-not-received.md"),
    starter!("en/authenticator-apps.md"),
    starter!("en/passkeys-and-security-keys.md"),
    starter!("en/protect-your-account.md"),
    starter!("en/verified-support-video-call.md"),
    starter!("fr/sms-code-not-received.md"),
    starter!("fr/authenticator-apps.md"),
    starter!("fr/passkeys-and-security-keys.md"),
    starter!("fr/protect-your-account.md"),
    starter!("fr/verified-support-video-call.md"),
    starter!("de/sms-code-not-received.md"),
    starter!("de/authenticator-apps.md"),
    starter!("de/passkeys-and-security-keys.md"),
    starter!("de/protect-your-account.md"),
    starter!("de/verified-support-video-call.md"),
    starter!("es/sms-code-not-received.md"),
    starter!("es/authenticator-apps.md"),
    starter!("es/passkeys-and-security-keys.md"),
    starter!("es/protect-your-account.md"),
    starter!("es/verified-support-video-call.md"),
    starter!("pt/sms-code-not-received.md"),
    starter!("pt/authenticator-apps.md"),
    starter!("pt/passkeys-and-security-keys.md"),
    starter!("pt/protect-your-account.md"),
    starter!("pt/verified-support-video-call.md"),
    starter!("it/sms-code-not-received.md"),
    starter!("it/authenticator-apps.md"),
    starter!("it/passkeys-and-security-keys.md"),
    starter!("it/protect-your-account.md"),
    starter!("it/verified-support-video-call.md"),
    starter!("nl/sms-code-not-received.md"),
    starter!("nl/authenticator-apps.md"),
    starter!("nl/passkeys-and-security-keys.md"),
    starter!("nl/protect-your-account.md"),
    starter!("nl/verified-support-video-call.md"),
];

/// Reads article files, all of them before anything is written: the first
/// bad file (or two files for one locale and slug) refuses the whole set,
/// named with its reason.
pub fn parse_articles(
    files: &[(String, String)],
    now: Timestamp,
) -> Result<Vec<Article>, ImportError> {
    let mut articles: Vec<Article> = Vec::with_capacity(files.len());
    for (name, text) in files {
        let article = parse_article_file(text, now).map_err(|e| ImportError::BadFile {
            file: name.clone(),
            reason: e.to_string(),
        })?;
        if let Some(i) = articles
            .iter()
            .position(|a| a.locale == article.locale && a.slug == article.slug)
        {
            return Err(ImportError::BadFile {
                file: name.clone(),
                reason: format!(
                    "{}/{} is also the locale and slug of {}",
                    article.locale, article.slug, files[i].0
                ),
            });
        }
        articles.push(article);
    }
    Ok(articles)
}

/// Why an import wrote nothing.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{file}: {reason}; nothing was imported")]
    BadFile { file: String, reason: String },
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Gives a new service the starter articles, published at `now` (the
/// dates in the files are for `articles import`, which keeps them).
pub async fn install_starter_articles(
    store: &dyn Store,
    service_id: &ServiceId,
    now: Timestamp,
) -> Result<(), ImportError> {
    let files: Vec<(String, String)> = STARTER_ARTICLES
        .iter()
        .map(|(name, text)| ((*name).to_owned(), (*text).to_owned()))
        .collect();
    let mut articles = parse_articles(&files, now)?;
    for a in &mut articles {
        a.published_at = Some(now);
    }
    store.upsert_articles(service_id, &articles, &[]).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_starter_set_is_the_help_folder_and_is_valid() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../help");
        let mut on_disk = Vec::new();
        for locale in std::fs::read_dir(&root).unwrap() {
            let locale = locale.unwrap();
            for file in std::fs::read_dir(locale.path()).unwrap() {
                let name = file.unwrap().file_name().to_string_lossy().into_owned();
                on_disk.push(format!("{}/{name}", locale.file_name().to_string_lossy()));
            }
        }
        on_disk.sort();
        let mut listed: Vec<String> = STARTER_ARTICLES
            .iter()
            .map(|(n, _)| n.to_string())
            .collect();
        listed.sort();
        assert_eq!(
            listed, on_disk,
            "list every file of help/ in STARTER_ARTICLES"
        );

        let files: Vec<(String, String)> = STARTER_ARTICLES
            .iter()
            .map(|(n, t)| (n.to_string(), t.to_string()))
            .collect();
        let articles = parse_articles(&files, Timestamp(0)).unwrap();
        for (a, (name, _)) in articles.iter().zip(&files) {
            assert_eq!(name, &format!("{}/{}.md", a.locale, a.slug));
        }
        // Every English article is in every language, in the same category.
        let mut locales: Vec<&str> = articles.iter().map(|a| a.locale.as_str()).collect();
        locales.sort();
        locales.dedup();
        assert_eq!(locales, ["de", "en", "es", "fr", "it", "nl", "pt"]);
        for en in articles.iter().filter(|a| a.locale == "en") {
            for locale in &locales {
                assert!(
                    articles.iter().any(|a| a.locale == *locale
                        && a.slug == en.slug
                        && a.category == en.category),
                    "{} has no {locale} version",
                    en.slug
                );
            }
        }
    }

    #[test]
    fn a_bad_file_is_named() {
        let good = STARTER_ARTICLES[0].1.to_owned();
        let files = vec![("a.md".to_owned(), good.clone()), ("b.md".to_owned(), good)];
        let err = parse_articles(&files, Timestamp(0))
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("b.md: en/sms-code-not-received is also"),
            "{err}"
        );
        let files = vec![("c.md".to_owned(), "no front matter".to_owned())];
        let err = parse_articles(&files, Timestamp(0))
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("c.md: the file must start"), "{err}");
    }
}

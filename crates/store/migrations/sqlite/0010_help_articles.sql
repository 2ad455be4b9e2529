-- The help center: a service's articles, one row per language. Search ranks
-- them in Rust (countersign_core::help), so no full-text index is needed and
-- both engines answer alike.
CREATE TABLE help_articles (
    service_id TEXT NOT NULL REFERENCES services(id) ON DELETE CASCADE,
    locale TEXT NOT NULL,
    slug TEXT NOT NULL,
    title TEXT NOT NULL,
    category TEXT NOT NULL,
    body TEXT NOT NULL,
    published_at BIGINT,
    updated_at BIGINT NOT NULL,
    views BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (service_id, locale, slug)
);
CREATE INDEX help_articles_by_category ON help_articles (service_id, locale, category, published_at);

//! Help articles: imported all or nothing, views counted by the database.

use countersign_core::help::{Article, Category};
use countersign_core::Timestamp;
use countersign_store::{ArticleFilter, Store};

use crate::harness::{at, service, TestDb};

crate::on_both_engines! {
    db upsert_articles_is_all_or_nothing_and_reports_new_ones
        => upsert_articles_is_all_or_nothing_and_reports_new_ones_sqlite,
           upsert_articles_is_all_or_nothing_and_reports_new_ones_postgres;
    article_views_are_counted_and_kept_on_update
        => article_views_are_counted_and_kept_on_update_sqlite,
           article_views_are_counted_and_kept_on_update_postgres;
}

fn article(slug: &str, title: &str, updated_at: Timestamp) -> Article {
    Article {
        slug: slug.to_owned(),
        locale: "en".into(),
        title: title.to_owned(),
        category: Category::Faq,
        body: format!("# {title}\n\nSee the *settings*."),
        published_at: Some(at(0)),
        updated_at,
        views: 0,
    }
}

async fn stored(store: &dyn Store, service_id: &str, slug: &str) -> Option<Article> {
    store.article(service_id, "en", slug, None).await.unwrap()
}

async fn upsert_articles_is_all_or_nothing_and_reports_new_ones(db: &TestDb) {
    let store = db.store();
    let service = service(store).await;
    let reset = article("reset-password", "Reset your password", at(1));
    let lost = article("lost-phone", "Lost your phone?", at(1));
    assert_eq!(
        store
            .upsert_articles(&service.id, &[reset.clone(), lost.clone()], &[])
            .await
            .unwrap(),
        [true, true]
    );
    assert_eq!(
        stored(store, &service.id, "reset-password").await,
        Some(reset.clone())
    );

    // An import that fails on its last article writes none of them.
    db.refuse_article_slug("refused").await;
    let edited = article("reset-password", "Reset a forgotten password", at(2));
    let added = article("new-card", "Your new card", at(2));
    let refused = article("refused", "Not this one", at(2));
    store
        .upsert_articles(&service.id, &[edited.clone(), added.clone(), refused], &[])
        .await
        .expect_err("the database refused an article");
    assert_eq!(
        stored(store, &service.id, "reset-password").await,
        Some(reset)
    );
    assert_eq!(stored(store, &service.id, "new-card").await, None);
    assert_eq!(stored(store, &service.id, "refused").await, None);

    // Without the refused article it goes through: one update, one new.
    assert_eq!(
        store
            .upsert_articles(&service.id, &[edited.clone(), added.clone()], &[])
            .await
            .unwrap(),
        [false, true]
    );
    assert_eq!(
        stored(store, &service.id, "reset-password").await,
        Some(edited)
    );
    assert_eq!(stored(store, &service.id, "new-card").await, Some(added));
    let (all, total) = store
        .articles(&service.id, ArticleFilter::default(), 10, 0)
        .await
        .unwrap();
    assert_eq!(total, 3);
    assert_eq!(all.len(), 3);
}

async fn article_views_are_counted_and_kept_on_update(store: &dyn Store) {
    let service = service(store).await;
    let other = crate::harness::service(store).await;
    let faq = article("faq", "Questions", at(1));
    store
        .upsert_articles(&service.id, std::slice::from_ref(&faq), &[])
        .await
        .unwrap();
    for _ in 0..3 {
        assert!(store
            .count_article_view(&service.id, "en", "faq")
            .await
            .unwrap());
    }
    assert_eq!(stored(store, &service.id, "faq").await.unwrap().views, 3);
    assert!(!store
        .count_article_view(&service.id, "en", "nope")
        .await
        .unwrap());
    assert!(!store
        .count_article_view(&service.id, "fr", "faq")
        .await
        .unwrap());
    assert!(!store
        .count_article_view(&other.id, "en", "faq")
        .await
        .unwrap());

    // An update keeps the count.
    let edited = article("faq", "Frequent questions", at(2));
    assert_eq!(
        store
            .upsert_articles(&service.id, &[edited], &[])
            .await
            .unwrap(),
        [false]
    );
    let after = stored(store, &service.id, "faq").await.unwrap();
    assert_eq!(after.title, "Frequent questions");
    assert_eq!(after.views, 3);

    // A deletion's event is written with it, and only if there was one.
    let deleted = countersign_core::event::Event::new(
        &service.id,
        None,
        "help.article_deleted",
        at(3),
        None,
        serde_json::json!({"slug": "faq"}),
    );
    for gone in [true, false] {
        let was = store
            .delete_article(&service.id, "en", "faq", std::slice::from_ref(&deleted))
            .await
            .unwrap();
        assert_eq!(was, gone);
    }
    let chain = store.audit_chain(&service.id).await.unwrap();
    let written = chain
        .events
        .iter()
        .filter(|(e, _)| e.kind == "help.article_deleted")
        .count();
    assert_eq!(written, 1);
}

//! What operators and tooling rely on: health, readiness, metrics (on a
//! listener of their own, not the API's), the
//! OpenAPI document, errors for unknown routes, and no secret at rest.

use serde_json::Value;

use crate::harness::{Backend, TestServer};
use crate::on_both_backends;

on_both_backends!(
    health_metrics_and_openapi_answer,
    no_code_or_key_is_stored_in_clear
);

async fn health_metrics_and_openapi_answer(b: Backend) {
    let s = TestServer::start(b).await;
    let health = s
        .http
        .get(format!("{}/healthz", s.base))
        .send()
        .await
        .unwrap();
    assert_eq!(
        (health.status().as_u16(), health.text().await.unwrap()),
        (200, "ok".to_owned())
    );
    assert_eq!(
        s.http
            .get(format!("{}/readyz", s.base))
            .send()
            .await
            .unwrap()
            .status(),
        200
    );

    s.alice("alice").await;
    let id = s.challenge("alice", "login").await;
    let code = s.send(&id, "sms").await;
    s.verify(&id, "sms", &code).await;
    s.get("/metrics").await.assert_problem(404, "not_found");
    let metrics = s
        .http
        .get(format!("{}/metrics", s.metrics_base))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        metrics.contains("countersign_codes_sent_total{channel=\"sms\",outcome=\"sent\"} 1"),
        "{metrics}"
    );
    assert!(
        metrics.contains("countersign_verifications_total{outcome=\"approved\"} 1"),
        "{metrics}"
    );
    assert!(
        metrics.contains("route=\"/v1/challenges/{id}/verify\""),
        "{metrics}"
    );
    assert!(!metrics.contains(&id), "metrics must not carry ids");

    let doc: Value = s
        .http
        .get(format!("{}/v1/openapi.json", s.base))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3.1"));
    for path in [
        "/v1/users/{user_id}",
        "/v1/users/{user_id}/events",
        "/v1/challenges",
        "/v1/challenges/{id}",
        "/v1/challenges/{id}/send",
        "/v1/challenges/{id}/verify",
        "/v1/challenges/{id}/cancel",
        "/v1/service",
        "/v1/users/{user_id}/factors",
        "/v1/users/{user_id}/factors/{factor_id}",
        "/v1/users/{user_id}/factors/{factor_id}/activate",
        "/v1/users/{user_id}/factors/{factor_id}/resync",
    ] {
        assert!(
            doc["paths"][path].is_object(),
            "{path} missing from the OpenAPI document"
        );
    }
    assert!(doc["components"]["schemas"]["ChallengeView"].is_object());
    assert!(doc["components"]["schemas"]["EnrolmentView"].is_object());

    let missing = s.get("/v1/nothing-here").await;
    missing.assert_problem(404, "not_found");
    let wrong_method = s
        .call(reqwest::Method::PATCH, "/v1/challenges", Some(&s.key), None)
        .await;
    wrong_method.assert_problem(405, "method_not_allowed");
}

async fn no_code_or_key_is_stored_in_clear(b: Backend) {
    let s = TestServer::start(b).await;
    s.alice("alice").await;
    let id = s.challenge("alice", "login").await;
    let pending = s.send(&id, "sms").await;
    let other = s.challenge("alice", "login").await;
    let used = s.send(&other, "email").await;
    s.verify(&other, "email", &used).await;
    let text = String::from_utf8_lossy(&s.database_dump().await).into_owned();
    assert!(text.contains(&id), "the scan reads the data");
    assert!(!text.contains(&s.key), "API key stored in clear");
    assert!(
        !text.contains(&s.key["cs_live_".len()..]),
        "API key stored in clear"
    );
    for code in [&pending, &used] {
        assert!(
            !text.contains(&format!("\"{code}\"")) && !text.contains(&format!(" {code} ")),
            "code {code} stored in clear"
        );
    }
}

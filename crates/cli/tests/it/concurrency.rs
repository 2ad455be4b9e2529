//! A code is good once, and every wrong guess counts, however many requests race.

use futures::future::join_all;

use crate::harness::{Backend, TestServer};
use crate::on_both_backends;

on_both_backends!(
    a_right_code_approves_exactly_once_under_concurrency,
    concurrent_wrong_codes_are_all_counted,
    concurrent_guesses_never_pass_the_lockout,
);

async fn a_right_code_approves_exactly_once_under_concurrency(b: Backend) {
    let s = TestServer::start(b).await;
    s.alice("alice").await;
    for _ in 0..3 {
        let id = s.challenge("alice", "login").await;
        let code = s.send(&id, "sms").await;
        let answers = join_all((0..32).map(|_| s.verify(&id, "sms", &code))).await;
        let approved = answers.iter().filter(|r| r.status == 200).count();
        let closed = answers
            .iter()
            .filter(|r| r.status == 409 && r.body["code"] == "challenge_closed")
            .count();
        assert_eq!(
            approved,
            1,
            "{:?}",
            answers.iter().map(|r| r.status).collect::<Vec<_>>()
        );
        assert_eq!(closed, 31);
        s.advance(1);
    }
    let approvals = s
        .event_types("alice")
        .await
        .iter()
        .filter(|t| *t == "challenge.approved")
        .count();
    assert_eq!(approvals, 3);
}

async fn concurrent_wrong_codes_are_all_counted(b: Backend) {
    let s = TestServer::start(b).await;
    s.alice("alice").await;
    let id = s.challenge("alice", "login").await;
    let code = s.send(&id, "sms").await;
    let wrong = if code == "000000" { "111111" } else { "000000" };
    let answers = join_all((0..12).map(|_| s.verify(&id, "sms", wrong))).await;
    let mut statuses: Vec<u16> = answers.iter().map(|r| r.status).collect();
    statuses.sort();
    // Five attempts: four "wrong code", one "no attempt left", and the rest
    // find the challenge already failed.
    assert_eq!(
        statuses,
        [409, 409, 409, 409, 409, 409, 409, 422, 422, 422, 422, 429]
    );
    let mut left: Vec<i64> = answers
        .iter()
        .filter(|r| r.status == 422)
        .map(|r| r.body["attempts_left"].as_i64().unwrap())
        .collect();
    left.sort();
    assert_eq!(left, [1, 2, 3, 4]);
    let rejected = s
        .event_types("alice")
        .await
        .iter()
        .filter(|t| *t == "challenge.code_rejected")
        .count();
    assert_eq!(rejected, 4);
}

async fn concurrent_guesses_never_pass_the_lockout(b: Backend) {
    let s = TestServer::start(b).await;
    s.alice("alice").await;
    let mut open = Vec::new();
    for failures in [4, 4, 1, 0] {
        let id = s.challenge("alice", "login").await;
        let code = s.send(&id, "sms").await;
        let wrong = if code == "000000" { "111111" } else { "000000" };
        for _ in 0..failures {
            s.verify(&id, "sms", wrong)
                .await
                .assert_problem(422, "invalid_code");
        }
        open.push((id, wrong));
    }
    // Nine failures so far; nine more guesses race on two open challenges.
    let guesses = (0..9).map(|i| {
        let (id, wrong) = &open[2 + i % 2];
        s.verify(id, "sms", wrong)
    });
    let answers = join_all(guesses).await;
    for r in &answers {
        r.assert_problem(429, "locked");
    }
    let counted = s
        .event_types("alice")
        .await
        .iter()
        .filter(|t| *t == "challenge.code_rejected")
        .count();
    assert_eq!(
        counted, 10,
        "exactly one more failure was counted, the one that locked"
    );
}

//! Three `serve` processes on one PostgreSQL, with requests spread across
//! them as a load balancer spreads them: every limit holds for the whole
//! cluster, not per node — a code is good once, failures on any node count
//! toward one lockout, and send caps count every node's sends.

use countersign_core::limits::Cap;
use futures::future::join_all;
use serde_json::{json, Value};

use crate::harness::{Backend, Node, Response, TestServer};

/// The first server and two more nodes on its database.
struct Cluster {
    s: TestServer,
    others: [Node; 2],
}

impl Cluster {
    async fn start(tweak: impl FnOnce(&mut countersign_app::Config)) -> Cluster {
        let s = TestServer::start_with(Backend::Postgres, tweak).await;
        let others = [s.another_node().await, s.another_node().await];
        Cluster { s, others }
    }

    /// The `i`-th request's node, round robin.
    fn base(&self, i: usize) -> &str {
        match i % 3 {
            0 => &self.s.base,
            n => &self.others[n - 1].base,
        }
    }

    async fn post(&self, i: usize, path: &str, body: Value) -> Response {
        let r = self
            .s
            .http
            .post(format!("{}{path}", self.base(i)))
            .bearer_auth(&self.s.key)
            .json(&body)
            .send()
            .await
            .unwrap();
        Response::read(r).await
    }

    async fn verify(&self, i: usize, challenge: &str, code: &str) -> Response {
        let path = format!("/v1/challenges/{challenge}/verify");
        self.post(i, &path, json!({"method": "sms", "code": code}))
            .await
    }

    async fn count(&self, user: &str, kind: &str) -> usize {
        let events = self.s.event_types(user).await;
        events.iter().filter(|t| *t == kind).count()
    }
}

fn wrong(code: &str) -> &'static str {
    if code == "000000" {
        "111111"
    } else {
        "000000"
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_code_is_good_once_whichever_node_checks_it() {
    let c = Cluster::start(|_| {}).await;
    c.s.alice("alice").await;
    for round in 0..3 {
        let id = c.s.challenge("alice", "login").await;
        let code = c.s.send(&id, "sms").await;
        let answers = join_all((0..30).map(|i| c.verify(i + round, &id, &code))).await;
        let statuses: Vec<u16> = answers.iter().map(|r| r.status).collect();
        assert_eq!(
            statuses.iter().filter(|s| **s == 200).count(),
            1,
            "{statuses:?}"
        );
        for r in answers.iter().filter(|r| r.status != 200) {
            r.assert_problem(409, "challenge_closed");
        }
        c.s.advance(1);
    }
    assert_eq!(c.count("alice", "challenge.approved").await, 3);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn failures_on_every_node_count_toward_one_lockout() {
    let c = Cluster::start(|_| {}).await;
    c.s.alice("alice").await;
    let mut open = Vec::new();
    let mut i = 0;
    for failures in [4, 4, 1, 0] {
        let id = c.s.challenge("alice", "login").await;
        let code = c.s.send(&id, "sms").await;
        for _ in 0..failures {
            i += 1;
            c.verify(i, &id, wrong(&code))
                .await
                .assert_problem(422, "invalid_code");
        }
        open.push((id, wrong(&code)));
    }
    // Nine failures so far, on three nodes; nine more race on all three.
    let guesses = (0..9).map(|i| {
        let (id, wrong) = &open[2 + i % 2];
        c.verify(i, id, wrong)
    });
    for r in join_all(guesses).await {
        r.assert_problem(429, "locked");
    }
    assert_eq!(
        c.count("alice", "challenge.code_rejected").await,
        10,
        "exactly one more failure was counted, the one that locked"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_send_cap_counts_every_nodes_sends() {
    let c = Cluster::start(|config| {
        config.limits.per_destination = Cap {
            max: 3,
            window_seconds: 3600,
        };
    })
    .await;
    c.s.alice("alice").await;
    let mut challenges = Vec::new();
    for _ in 0..9 {
        challenges.push(c.s.challenge("alice", "login").await);
    }
    // Nine first sends to one number, three on each node, all at once.
    let c = &c;
    let sends = challenges.iter().enumerate().map(|(i, id)| {
        let path = format!("/v1/challenges/{id}/send");
        async move { c.post(i, &path, json!({"channel": "sms"})).await }
    });
    let answers = join_all(sends).await;
    let accepted = answers.iter().filter(|r| r.status == 202).count();
    assert_eq!(
        accepted,
        3,
        "{:?}",
        answers.iter().map(|r| r.status).collect::<Vec<_>>()
    );
    for r in answers.iter().filter(|r| r.status != 202) {
        r.assert_problem(429, "rate_limited");
        assert_eq!(r.body["limit"], "destination");
    }
    assert_eq!(c.s.phone.all().len(), 3, "only the accepted codes left");
}

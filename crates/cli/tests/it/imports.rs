//! Importing users whose contacts the integrator has verified already:
//! `email_verified` / `phone_verified` on `PUT /v1/users/{id}`, and
//! `countersign users import` and `token import`, each all or nothing.

use std::process::Output;

use serde_json::{json, Value};

use crate::cli::countersign;
use crate::harness::{Backend, TestServer};
use crate::on_both_backends;

/// Runs `countersign ARGS… FILE` on the server's database and key file,
/// with `text` as the file `name`.
fn run_with_file(s: &TestServer, args: &[&str], name: &str, text: &str) -> Output {
    let path = s.dir.join(name);
    std::fs::write(&path, text).unwrap();
    countersign()
        .env("COUNTERSIGN_DATABASE", &s.database)
        .env("COUNTERSIGN_KEY_FILE", s.dir.join("countersign.key"))
        .args(args)
        .arg(&path)
        .output()
        .unwrap()
}

fn import_users(s: &TestServer, name: &str, text: &str) -> Output {
    run_with_file(
        s,
        &["users", "import", "--service", "Acme Bank"],
        name,
        text,
    )
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn report(out: &Output) -> Value {
    assert!(out.status.success(), "{}", stderr(out));
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The user's events of `kind`, newest first.
async fn events_of(s: &TestServer, user_id: &str, kind: &str) -> Vec<Value> {
    let events = s
        .get(&format!("/v1/users/{user_id}/events?limit=200"))
        .await;
    events
        .body
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["type"] == kind)
        .cloned()
        .collect()
}

/// The integrator vouches for a contact: it is verified and recorded as the
/// integrator's word; a later new number is unverified again; vouching for
/// a contact the user will not have is refused and changes nothing.
async fn put_vouches_for_contacts(b: Backend) {
    let s = TestServer::start(b).await;
    let r = s
        .put(
            "/v1/users/alice",
            json!({"email": "alice@example.com", "phone": "+33612345689", "email_verified": true}),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.body);
    assert_eq!(
        (&r.body["email_verified"], &r.body["phone_verified"]),
        (&json!(true), &json!(false))
    );
    let vouched = events_of(&s, "alice", "contact.verified").await;
    assert_eq!(vouched.len(), 1);
    assert_eq!(
        vouched[0]["detail"],
        json!({"field": "email", "to": "a•••@example.com", "by": "integrator"})
    );

    // The phone, kept as it is, vouched for on its own.
    let r = s
        .put("/v1/users/alice", json!({"phone_verified": true}))
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.body["phone_verified"], true);
    assert_eq!(events_of(&s, "alice", "contact.verified").await.len(), 2);

    // A new number does not inherit the old one's verification; `false`
    // asserts nothing, so the email stays verified.
    let r = s
        .put(
            "/v1/users/alice",
            json!({"phone": "+33612345600", "email_verified": false}),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(
        (&r.body["email_verified"], &r.body["phone_verified"]),
        (&json!(true), &json!(false))
    );

    // Refused, with nothing written: no phone to vouch for, no email for
    // a new user, a vouch that is not a boolean.
    let r = s
        .put(
            "/v1/users/alice",
            json!({"phone": null, "phone_verified": true}),
        )
        .await;
    r.assert_problem(400, "invalid_request");
    assert_eq!(r.body["field"], "phone_verified");
    assert_eq!(s.get("/v1/users/alice").await.body["phone"], "+33612345600");
    let r = s
        .put("/v1/users/bob", json!({"email_verified": true}))
        .await;
    r.assert_problem(400, "invalid_request");
    assert_eq!(r.body["field"], "email_verified");
    assert_eq!(s.get("/v1/users/bob").await.status, 404);
    s.put("/v1/users/alice", json!({"email_verified": "yes"}))
        .await
        .assert_problem(400, "invalid_request");
    assert_eq!(events_of(&s, "alice", "contact.verified").await.len(), 2);
}

/// An imported user's verified email hears about a security change from
/// the start, through the real SMTP server; a second file (JSON Lines)
/// updates one user and creates another.
async fn an_imported_verified_email_is_told_of_security_changes(b: Backend) {
    let s = TestServer::start(b).await;
    let out = import_users(
        &s,
        "users.csv",
        "user_id,email,phone,locale,display_name,email_verified,phone_verified\n\
         alice,alice@example.com,+33612345689,fr,Alice,true,false\n\
         bob,bob@example.com,,,,,\n",
    );
    assert_eq!(report(&out), json!({"created": 2, "updated": 0}));
    let alice = s.get("/v1/users/alice").await.body;
    assert_eq!(
        (&alice["email_verified"], &alice["phone_verified"]),
        (&json!(true), &json!(false))
    );
    assert_eq!(s.get("/v1/users/bob").await.body["email_verified"], false);
    let created = events_of(&s, "alice", "user.created").await;
    assert_eq!(created[0]["detail"]["by"], "user import");
    assert_eq!(
        events_of(&s, "alice", "contact.verified").await[0]["detail"]["by"],
        "integrator"
    );

    // A new phone number: the imported, verified address is told.
    let r = s
        .put("/v1/users/alice", json!({"phone": "+33612345600"}))
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let subject = "Modification de sécurité sur votre compte Acme Bank";
    let mails = s
        .smtp
        .wait_for("the notice to the imported address", |m| {
            m.iter()
                .any(|m| m.to == ["<alice@example.com>"] && m.subject() == subject)
        })
        .await;
    assert!(
        mails.iter().all(|m| m.to != ["<bob@example.com>"]),
        "bob was not vouched for and had no change"
    );

    let out = import_users(
        &s,
        "more.jsonl",
        "{\"user_id\": \"bob\", \"email_verified\": true}\n\
         \n\
         {\"user_id\": \"carol\", \"phone\": \"+44 20 7946 0958\", \"phone_verified\": true}\n",
    );
    assert_eq!(report(&out), json!({"created": 1, "updated": 1}));
    assert_eq!(s.get("/v1/users/bob").await.body["email_verified"], true);
    let carol = s.get("/v1/users/carol").await.body;
    assert_eq!(
        (&carol["phone"], &carol["phone_verified"]),
        (&json!("+442079460958"), &json!(true))
    );
}

/// A bad line anywhere refuses the whole file, named by its line, and
/// nothing is written: not the users before it, not an update.
async fn a_bad_line_in_the_middle_writes_nothing(b: Backend) {
    let s = TestServer::start(b).await;
    s.alice("alice").await;
    let users = s.count_rows("users").await;
    let events = s.count_rows("events").await;
    for (file, text, why) in [
        (
            "bad-phone.csv",
            "user_id,email,phone,email_verified\n\
             dave,dave@example.com,,true\n\
             erin,,12,\n\
             alice,new@example.com,,\n",
            "line 3: phone: not a valid international phone number",
        ),
        (
            "twice.jsonl",
            "{\"user_id\": \"dave\"}\n{\"user_id\": \"alice\", \"locale\": \"de\"}\n{\"user_id\": \"dave\"}\n",
            "line 3: user_id: dave is on line 1 already",
        ),
        (
            "nothing-to-verify.csv",
            "user_id,email,phone_verified\n\
             alice,new@example.com,\n\
             dave,dave@example.com,true\n",
            "line 3: phone_verified: there is no phone to mark verified",
        ),
        (
            "unknown-column.csv",
            "user_id,emial\ndave,dave@example.com\n",
            "emial",
        ),
    ] {
        let out = import_users(&s, file, text);
        assert!(!out.status.success(), "{file}");
        let err = stderr(&out);
        assert!(err.contains(why), "{file}: {err}");
        assert!(err.contains("nothing was imported"), "{file}: {err}");
    }
    assert_eq!(s.count_rows("users").await, users);
    assert_eq!(s.count_rows("events").await, events);
    assert_eq!(s.get("/v1/users/dave").await.status, 404);
    let alice = s.get("/v1/users/alice").await.body;
    assert_eq!(alice["email"], "alice@example.com");
    assert_eq!(alice["locale"], Value::Null);
}

const TOKENS_HEADER: &str = "user_id,type,secret,digits,period,counter,algorithm,label\n";
const SEED: &str = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
const OTHER_SEED: &str = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

/// A token file whose last row's seed is enrolled already writes nothing:
/// not the tokens before it, not the users it would have created.
async fn token_import_is_all_or_nothing(b: Backend) {
    let s = TestServer::start(b).await;
    let tokens = |name: &str, rows: &str| {
        run_with_file(
            &s,
            &["token", "import", "--service", "Acme Bank"],
            name,
            &format!("{TOKENS_HEADER}{rows}"),
        )
    };
    let out = tokens("first.csv", &format!("alice,totp,{SEED},,,,,\n"));
    assert_eq!(report(&out), json!({"imported": 1, "users_created": 1}));
    let (users, factors, events) = (
        s.count_rows("users").await,
        s.count_rows("factors").await,
        s.count_rows("events").await,
    );

    let out = tokens(
        "second.csv",
        &format!(
            "frank,hotp,{OTHER_SEED},,,0,,\nalice,totp,{OTHER_SEED},,,,,\ngrace,totp,{SEED},,,,,\n"
        ),
    );
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(
        err.contains("already enrolled") && err.contains("nothing was imported"),
        "{err}"
    );
    assert_eq!(s.count_rows("users").await, users);
    assert_eq!(s.count_rows("factors").await, factors);
    assert_eq!(s.count_rows("events").await, events);
    assert_eq!(s.get("/v1/users/frank").await.status, 404);

    // Two tokens for one new user: one transaction, one user created.
    let out = tokens(
        "third.csv",
        &format!(
            "frank,hotp,{OTHER_SEED},,,0,,\nfrank,totp,GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJR,,,,,\n"
        ),
    );
    assert_eq!(report(&out), json!({"imported": 2, "users_created": 1}));
    assert_eq!(s.count_rows("factors").await, factors + 2);
}

on_both_backends!(
    put_vouches_for_contacts,
    an_imported_verified_email_is_told_of_security_changes,
    a_bad_line_in_the_middle_writes_nothing,
    token_import_is_all_or_nothing,
);

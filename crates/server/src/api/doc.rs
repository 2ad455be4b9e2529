//! What the OpenAPI document says about every operation alike, written once
//! here instead of in each handler's annotation (where it was forgotten on
//! some): the error body, 401 without a key, 400 for a malformed request,
//! the shape of the ids and locales the server checks, and the links that
//! lead from a created resource to the operations on it (schemathesis
//! follows them in its stateful phase).

use serde_json::{json, Map, Value};

/// The integrator's user id, as `ids::is_valid_external_user_id` checks it.
const USER_ID_PATTERN: &str = "^[A-Za-z0-9._@:-]{1,128}$";

/// Constraints on parameters and object fields, by name: the server refuses
/// anything else with 400. A help article's locale is a bare language
/// (`help::normalize_locale`), its slug `help::check_slug`'s characters.
const CONSTRAINED: &[(&str, &str)] = &[("user_id", USER_ID_PATTERN), ("slug", "^[a-z0-9-]{1,80}$")];

/// Path parameters whose constraint depends on where they are.
const HELP_LOCALE_PATTERN: &str = "^[A-Za-z]{2,3}$";

/// Links from a created resource to the operations on it: the operation
/// that creates it (every success of it carries the links), the parameters
/// that name the resource, and the operations they lead to (each link is
/// named after its target).
type Links = (
    &'static str,
    &'static [(&'static str, &'static str)],
    &'static [&'static str],
);

const LINKS: &[Links] = &[
    (
        "put_user",
        &[("user_id", "$request.path.user_id")],
        &[
            "get_user",
            "list_factors",
            "create_factor",
            "list_events",
            "delete_user",
        ],
    ),
    (
        "create_factor",
        &[
            ("user_id", "$request.path.user_id"),
            ("factor_id", "$response.body#/id"),
        ],
        &["activate_factor", "resync_factor", "delete_factor"],
    ),
    (
        "create_challenge",
        &[("id", "$response.body#/id")],
        &[
            "get_challenge",
            "send_code",
            "verify_code",
            "cancel_challenge",
            "release_challenge",
        ],
    ),
    (
        "book_appointment",
        &[("id", "$response.body#/id")],
        &[
            "get_appointment",
            "cancel_appointment",
            "reschedule_appointment",
            "agent_code",
        ],
    ),
    (
        "put_article",
        &[
            ("locale", "$request.path.locale"),
            ("slug", "$request.path.slug"),
        ],
        &["get_article", "delete_article"],
    ),
    (
        "start_sign_in",
        &[("id", "$response.body#/id")],
        &["finish_sign_in"],
    ),
    (
        "create_webhook",
        &[("id", "$response.body#/id")],
        &["delete_webhook", "list_deliveries", "replay"],
    ),
];

/// Completes the generated document (see the module's doc).
pub fn complete(doc: &mut Value) {
    doc["components"]["schemas"]["Problem"] = problem_schema();
    if let Some(schemas) = doc["components"]["schemas"].as_object_mut() {
        for schema in schemas.values_mut() {
            constrain_properties(schema);
        }
    }
    let Some(paths) = doc["paths"].as_object_mut() else {
        return;
    };
    for (path, item) in paths.iter_mut() {
        let Some(item) = item.as_object_mut() else {
            continue;
        };
        for operation in item.values_mut() {
            complete_operation(path, operation);
        }
    }
    add_links(doc);
}

/// RFC 9457 problem details, as `ApiError` writes them: clients branch on
/// `code`; some errors add fields (`field`, `attempts_left`, `retry_after`).
fn problem_schema() -> Value {
    json!({
        "type": "object",
        "description": "An error (RFC 9457 problem details). Clients branch on `code`.",
        "required": ["type", "title", "status", "detail", "code"],
        "properties": {
            "type": {"type": "string"},
            "title": {"type": "string"},
            "status": {"type": "integer"},
            "detail": {"type": "string"},
            "code": {"type": "string"},
        },
        "additionalProperties": true,
    })
}

fn constrain_properties(schema: &mut Value) {
    let Some(properties) = schema.get_mut("properties").and_then(Value::as_object_mut) else {
        return;
    };
    for (name, pattern) in CONSTRAINED {
        if let Some(property) = properties.get_mut(*name) {
            property["pattern"] = json!(pattern);
        }
    }
}

fn complete_operation(path: &str, operation: &mut Value) {
    let has_input = operation.get("requestBody").is_some()
        || operation["parameters"]
            .as_array()
            .is_some_and(|p| !p.is_empty());
    let secured = operation["security"].as_array().is_some_and(|s| {
        s.iter()
            .any(|r| r.as_object().is_some_and(|r| !r.is_empty()))
    });
    if let Some(parameters) = operation
        .get_mut("parameters")
        .and_then(Value::as_array_mut)
    {
        for parameter in parameters {
            constrain_parameter(path, parameter);
        }
    }
    let responses = &mut operation["responses"];
    if has_input {
        default_response(
            responses,
            "400",
            "invalid_request: a malformed or invalid request (the field is named)",
        );
    }
    if secured {
        default_response(responses, "401", "unauthorized: no valid key or signature");
    }
    if let Some(responses) = responses.as_object_mut() {
        for (status, response) in responses.iter_mut() {
            if status.starts_with(['4', '5']) && response.get("content").is_none() {
                response["content"] = json!({
                    "application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}
                });
            }
        }
    }
}

fn default_response(responses: &mut Value, status: &str, description: &str) {
    if responses.get(status).is_none() {
        responses[status] = json!({"description": description});
    }
}

fn constrain_parameter(path: &str, parameter: &mut Value) {
    let name = parameter["name"].as_str().unwrap_or_default();
    let pattern = if name == "locale" && path.starts_with("/v1/help/") && parameter["in"] == "path"
    {
        Some(HELP_LOCALE_PATTERN)
    } else {
        CONSTRAINED
            .iter()
            .find(|(constrained, _)| *constrained == name)
            .map(|(_, pattern)| *pattern)
    };
    if let Some(pattern) = pattern {
        parameter["schema"]["pattern"] = json!(pattern);
    }
}

fn add_links(doc: &mut Value) {
    let Some(paths) = doc["paths"].as_object_mut() else {
        return;
    };
    for (from, parameters, targets) in LINKS {
        let Some(responses) = paths
            .values_mut()
            .filter_map(Value::as_object_mut)
            .flat_map(|item| item.values_mut())
            .find(|op| op["operationId"] == *from)
            .and_then(|op| op["responses"].as_object_mut())
        else {
            continue;
        };
        let parameters: Map<String, Value> = parameters
            .iter()
            .map(|(k, v)| ((*k).to_owned(), json!(v)))
            .collect();
        let successes = responses
            .iter_mut()
            .filter(|(status, _)| status.starts_with('2'));
        for (_, response) in successes {
            for to in *targets {
                response["links"][*to] = json!({"operationId": to, "parameters": parameters});
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::Value;

    use super::LINKS;

    /// Every operation of the served document: (method, path, operation).
    fn operations(doc: &Value) -> Vec<(String, String, Value)> {
        let mut all = Vec::new();
        for (path, item) in doc["paths"].as_object().expect("paths") {
            for (method, operation) in item.as_object().expect("a path item") {
                all.push((method.clone(), path.clone(), operation.clone()));
            }
        }
        assert!(all.len() > 30, "only {} operations", all.len());
        all
    }

    fn parameters(operation: &Value) -> Vec<Value> {
        operation["parameters"]
            .as_array()
            .cloned()
            .unwrap_or_default()
    }

    /// No `null` anywhere: a missing key read through `IndexMut` would
    /// leave one (`"properties": null`), which tools choke on.
    #[test]
    fn the_document_has_no_null() {
        fn walk(v: &Value, at: &str) {
            match v {
                Value::Null => panic!("null at {at}"),
                Value::Array(items) => items.iter().for_each(|i| walk(i, at)),
                Value::Object(map) => map.iter().for_each(|(k, v)| walk(v, &format!("{at}/{k}"))),
                _ => {}
            }
        }
        walk(&crate::api::openapi(), "");
    }

    #[test]
    fn path_parameters_are_in_the_path_and_the_rest_in_the_query() {
        let doc = crate::api::openapi();
        for (method, path, operation) in operations(&doc) {
            for p in parameters(&operation) {
                let name = p["name"].as_str().expect("a name");
                let in_template = path.contains(&format!("{{{name}}}"));
                match p["in"].as_str() {
                    Some("path") => {
                        assert!(in_template, "{method} {path}: {name} is no path parameter")
                    }
                    Some("query") => {
                        assert!(!in_template, "{method} {path}: {name} is in the path");
                        assert_ne!(p["required"], true, "{method} {path}: {name} is optional");
                    }
                    other => panic!("{method} {path}: {name} in {other:?}"),
                }
            }
            let declared = parameters(&operation)
                .iter()
                .filter(|p| p["in"] == "path")
                .count();
            assert_eq!(declared, path.matches('{').count(), "{method} {path}");
        }
        let events = &doc["paths"]["/v1/users/{user_id}/events"]["get"];
        let query: Vec<_> = parameters(events)
            .into_iter()
            .filter(|p| p["in"] == "query")
            .map(|p| p["name"].clone())
            .collect();
        assert_eq!(query, ["limit", "before"]);
    }

    #[test]
    fn every_operation_declares_its_errors() {
        let doc = crate::api::openapi();
        for (method, path, operation) in operations(&doc) {
            let responses = operation["responses"].as_object().expect("responses");
            let secured = operation["security"].as_array().is_some_and(|s| {
                s.iter()
                    .any(|r| r.as_object().is_some_and(|r| !r.is_empty()))
            });
            if secured {
                assert!(responses.contains_key("401"), "{method} {path}: no 401");
            }
            if operation.get("requestBody").is_some() || !parameters(&operation).is_empty() {
                assert!(responses.contains_key("400"), "{method} {path}: no 400");
            }
            for (status, response) in responses {
                if status.starts_with(['4', '5']) {
                    assert_eq!(
                        response["content"]["application/problem+json"]["schema"]["$ref"],
                        "#/components/schemas/Problem",
                        "{method} {path} {status}"
                    );
                }
            }
        }
        for action in ["cancel", "release", "send", "verify"] {
            let op = &doc["paths"][format!("/v1/challenges/{{id}}/{action}")]["post"];
            assert!(op["responses"].get("404").is_some(), "{action}: no 404");
        }
        // The customer's side of a support call has no key: no 401 there.
        let join = &doc["paths"]["/v1/support/appointments/join"]["post"];
        assert!(join["responses"].get("401").is_none());
    }

    #[test]
    fn what_the_server_checks_is_declared() {
        let doc = crate::api::openapi();
        let schemas = &doc["components"]["schemas"];
        for (method, path, operation) in operations(&doc) {
            for p in parameters(&operation) {
                if p["name"] == "user_id" {
                    assert_eq!(
                        p["schema"]["pattern"],
                        super::USER_ID_PATTERN,
                        "{method} {path}"
                    );
                }
            }
        }
        assert_eq!(
            schemas["OpenChallenge"]["properties"]["user_id"]["pattern"],
            super::USER_ID_PATTERN
        );
        let locale = &doc["paths"]["/v1/help/articles/{locale}/{slug}"]["put"]["parameters"][0];
        assert_eq!(locale["schema"]["pattern"], super::HELP_LOCALE_PATTERN);
        assert!(schemas["PutUser"]["properties"]["locale"]["pattern"].is_string());
        for vouch in ["email_verified", "phone_verified"] {
            let property = &schemas["PutUser"]["properties"][vouch];
            assert_eq!(property["type"], "boolean", "{vouch}");
            assert!(property["description"].is_string(), "{vouch}");
        }
        assert_eq!(
            schemas["Enrolment"]["properties"]["type"]["$ref"],
            "#/components/schemas/FactorType"
        );
        assert_eq!(
            schemas["FactorType"]["enum"],
            serde_json::json!(["totp", "hotp", "recovery_codes", "device", "webauthn"])
        );
        assert_eq!(
            schemas["SettingsPatch"]["properties"]["code_digits"]["minimum"],
            6
        );
        assert_eq!(
            schemas["SettingsPatch"]["properties"]["code_digits"]["maximum"],
            10
        );
    }

    #[test]
    fn links_lead_from_existing_responses_to_existing_parameters() {
        let doc = crate::api::openapi();
        let all = operations(&doc);
        let by_id = |id: &str| {
            all.iter()
                .find(|(_, _, op)| op["operationId"] == id)
                .unwrap_or_else(|| panic!("no operation {id}"))
                .2
                .clone()
        };
        for (from, params, targets) in LINKS {
            let responses = by_id(from)["responses"].clone();
            let created = responses
                .get("201")
                .or(responses.get("200"))
                .expect("a success");
            for to in *targets {
                let link = &created["links"][*to];
                assert_eq!(link["operationId"], *to, "{from}");
                let target = by_id(to);
                for (param, _) in *params {
                    assert!(
                        parameters(&target).iter().any(|p| p["name"] == *param),
                        "{to} has no parameter {param}"
                    );
                }
            }
        }
    }
}

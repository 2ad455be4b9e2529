//! `countersign user import`: an integrator's users, many at once, from CSV
//! or JSON Lines. Every line is checked as `PUT /v1/users/{id}` checks its
//! body (the same [`PutUser`] and [`App::user_write`]), then all of them are
//! written in one transaction, or none: a migration that stops halfway
//! leaves users that exist in one system and not the other.

use std::collections::HashMap;

use countersign_core::service::Service;
use countersign_store::{ImportedUser, StoreError};
use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::users::{check_user_id, PutUser};
use crate::{App, AppError};

/// How a user file is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A header line (`user_id` and any of `email`, `phone`, `locale`,
    /// `display_name`, `email_verified`, `phone_verified`), then one user a
    /// line; an empty cell leaves the field as it is.
    Csv,
    /// One JSON object a line: `user_id` and the fields of the `PUT` body.
    JsonLines,
}

impl Format {
    /// By the file name's extension (`.csv`, `.jsonl`, `.ndjson`), else by
    /// the text: a JSON line opens with `{`, a CSV header never does.
    pub fn of(file_name: &str, text: &str) -> Format {
        let lower = file_name.to_ascii_lowercase();
        if lower.ends_with(".csv") {
            Format::Csv
        } else if lower.ends_with(".jsonl")
            || lower.ends_with(".ndjson")
            || text.trim_start().starts_with('{')
        {
            Format::JsonLines
        } else {
            Format::Csv
        }
    }
}

/// One user of a file, as read (checked by [`App::import_users`]).
#[derive(Debug)]
pub struct UserLine {
    /// Where it starts in the file, for messages.
    pub line: u64,
    pub user_id: String,
    pub put: PutUser,
}

/// Why an import wrote nothing.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("line {line}: {reason}; nothing was imported")]
    Line { line: u64, reason: String },
    #[error("{0}; nothing was imported")]
    Refused(AppError),
}

impl ImportError {
    fn at(line: u64) -> impl Fn(AppError) -> ImportError {
        move |e| ImportError::Line {
            line,
            reason: match e {
                AppError::Contact(c) => format!("{}: {c}", c.field()),
                other => other.to_string(),
            },
        }
    }
}

/// What an import wrote.
#[derive(Debug, PartialEq, Eq, Serialize)]
pub struct UserImport {
    pub created: usize,
    pub updated: usize,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CsvRow {
    user_id: String,
    email: Option<String>,
    phone: Option<String>,
    locale: Option<String>,
    display_name: Option<String>,
    email_verified: Option<bool>,
    phone_verified: Option<bool>,
}

/// Reads every line of a user file (no I/O); a line that cannot be read is
/// named by its number.
pub fn parse_user_file(format: Format, text: &str) -> Result<Vec<UserLine>, ImportError> {
    match format {
        Format::Csv => parse_csv(text),
        Format::JsonLines => parse_json_lines(text),
    }
}

fn parse_csv(text: &str) -> Result<Vec<UserLine>, ImportError> {
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| ImportError::Line {
            line: 1,
            reason: e.to_string(),
        })?
        .clone();
    let mut lines = Vec::new();
    for record in reader.records() {
        let bad = |line: u64, e: csv::Error| ImportError::Line {
            line,
            reason: e.to_string(),
        };
        let record = record.map_err(|e| {
            let line = e.position().map_or(0, |p| p.line());
            bad(line, e)
        })?;
        let line = record.position().map_or(0, |p| p.line());
        let row: CsvRow = record
            .deserialize(Some(&headers))
            .map_err(|e| bad(line, e))?;
        lines.push(UserLine {
            line,
            user_id: row.user_id,
            put: PutUser {
                email: row.email.map(Some),
                phone: row.phone.map(Some),
                locale: row.locale.map(Some),
                display_name: row.display_name.map(Some),
                email_verified: row.email_verified.unwrap_or(false),
                phone_verified: row.phone_verified.unwrap_or(false),
            },
        });
    }
    Ok(lines)
}

fn parse_json_lines(text: &str) -> Result<Vec<UserLine>, ImportError> {
    let mut lines = Vec::new();
    for (n, raw) in text.lines().enumerate() {
        let line = n as u64 + 1;
        if raw.trim().is_empty() {
            continue;
        }
        let bad = |reason: String| ImportError::Line { line, reason };
        let mut object: serde_json::Map<String, serde_json::Value> =
            serde_json::from_str(raw).map_err(|e| bad(e.to_string()))?;
        let user_id = match object.remove("user_id") {
            Some(serde_json::Value::String(id)) => id,
            _ => return Err(bad("user_id: expected a string".into())),
        };
        let put = serde_json::from_value(serde_json::Value::Object(object))
            .map_err(|e| bad(e.to_string()))?;
        lines.push(UserLine { line, user_id, put });
    }
    Ok(lines)
}

impl App {
    /// Creates or updates every user of `lines` in one transaction, each
    /// as `PUT /v1/users/{id}` would (a changed contact is a security
    /// change, a vouched one is verified), or none of them.
    pub async fn import_users(
        &self,
        service: &Service,
        lines: Vec<UserLine>,
    ) -> Result<UserImport, ImportError> {
        let mut first_line = HashMap::new();
        let mut writes = Vec::with_capacity(lines.len());
        for UserLine { line, user_id, put } in lines {
            let at = ImportError::at(line);
            let user_id = check_user_id(&user_id).map_err(&at)?;
            if let Some(first) = first_line.insert(user_id.clone(), line) {
                return Err(at(AppError::field(
                    "user_id",
                    format!("{user_id} is on line {first} already"),
                )));
            }
            let update = put.into_update().map_err(&at)?;
            let found = self
                .store
                .user(&service.id, &user_id)
                .await
                .map_err(|e| ImportError::Refused(e.into()))?;
            let by = json!({"by": "user import"});
            writes.push(
                self.user_write(service, &user_id, found, update, None, by)
                    .map_err(&at)?,
            );
        }
        let created = writes.iter().filter(|w| w.before.is_none()).count();
        let report = UserImport {
            created,
            updated: writes.len() - created,
        };
        let imported: Vec<ImportedUser> = writes
            .iter()
            .map(|w| ImportedUser {
                before: w.before.clone(),
                user: w.user.clone(),
                factors: Vec::new(),
                events: w.events.clone(),
                security: w.changed.as_ref().map(|c| c.write.clone()),
            })
            .collect();
        match self.store.import_users(&imported).await {
            Ok(()) => {}
            Err(StoreError::Conflict) => {
                return Err(ImportError::Refused(AppError::invalid(
                    "a user of the file was created meanwhile; import the file again",
                )))
            }
            Err(e) => return Err(ImportError::Refused(e.into())),
        }
        for changed in writes.iter().filter_map(|w| w.changed.as_ref()) {
            self.security_written(changed);
        }
        Ok(report)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_format_is_the_extension_or_else_the_first_character() {
        assert_eq!(Format::of("users.CSV", "{"), Format::Csv);
        assert_eq!(Format::of("users.jsonl", "user_id"), Format::JsonLines);
        assert_eq!(
            Format::of("-", "\n {\"user_id\": \"a\"}"),
            Format::JsonLines
        );
        assert_eq!(Format::of("export.txt", "user_id,email"), Format::Csv);
    }

    #[test]
    fn csv_cells_left_empty_keep_the_field_and_lines_are_numbered_in_the_file() {
        let lines = parse_user_file(
            Format::Csv,
            "user_id,email,phone,email_verified\n\
             alice,alice@example.com,,true\n\
             \"bob\nsmith\",,+33612345678,\n",
        )
        .unwrap();
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0].put.email, Some(Some("alice@example.com".into())));
        assert_eq!(lines[0].put.phone, None);
        assert!(lines[0].put.email_verified);
        assert_eq!((lines[1].line, lines[1].put.email_verified), (3, false));

        let refused = parse_user_file(Format::Csv, "user_id,email_verified\nalice,yes\n")
            .unwrap_err()
            .to_string();
        assert!(refused.starts_with("line 2: "), "{refused}");
        let unknown = parse_user_file(Format::Csv, "user_id,mail\nalice,a@example.com\n")
            .unwrap_err()
            .to_string();
        assert!(unknown.contains("mail"), "{unknown}");
    }

    #[test]
    fn a_json_line_is_a_put_body_with_its_user_id() {
        let lines = parse_user_file(
            Format::JsonLines,
            "{\"user_id\": \"alice\", \"phone\": \"+33612345678\", \"phone_verified\": true}\n\n\
             {\"user_id\": \"bob\", \"email\": null}\n",
        )
        .unwrap();
        assert_eq!(lines[0].user_id, "alice");
        assert!(lines[0].put.phone_verified);
        assert_eq!((lines[1].line, &lines[1].put.email), (3, &Some(None)));

        for (bad, why) in [
            ("{\"email\": \"a@example.com\"}", "user_id"),
            (
                "{\"user_id\": \"a\", \"email_verified\": \"yes\"}",
                "boolean",
            ),
            (
                "{\"user_id\": \"a\", \"emial\": \"a@example.com\"}",
                "emial",
            ),
            ("not json", "line 1"),
        ] {
            let refused = parse_user_file(Format::JsonLines, bad)
                .unwrap_err()
                .to_string();
            assert!(refused.contains(why), "{bad}: {refused}");
        }
    }
}

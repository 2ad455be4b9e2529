//! "Call me instead" without the voicemail attack: a call first asks for a
//! key and says no code; the provider then asks for the rest at a URL made
//! for that call alone, and only that answer reads the code. A voicemail box
//! never presses a key, so it never records the code.
//!
//! The rest of the call is kept sealed (the code is otherwise stored only
//! hashed) under the hash of a 256-bit token that only the URL carries, and
//! is taken once: a second request for it, or one after the challenge
//! expired, finds nothing.

use countersign_core::ids::{is_id_of, MessageId};
use countersign_core::keyring::key_id_of;
use countersign_core::policy::Channel;
use countersign_core::secret::{new_token, token_hash};
use countersign_core::Timestamp;
use countersign_delivery::KeyPress;
use countersign_i18n::message::CallPrompt;
use serde::{Deserialize, Serialize};

use crate::{App, AppError, AppResult, Missing};

/// The part of a call that waits for a key, ready to be kept.
pub(crate) struct GatedCall {
    ceremony_id: String,
    sealed: String,
    expires_at: Timestamp,
}

/// What the call says once a key was pressed: the code, digit by digit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallScript {
    pub text: String,
    /// Language tag for text-to-speech ("fr-FR").
    pub speech_language: String,
}

/// The key the rest of a call is kept under: the token's hash, so that the
/// database never holds what the URL needs.
fn ceremony_id(token: &str) -> String {
    format!("call_{}", token_hash(token))
}

/// Binds the sealed text to its message: opened for another call's URL, it
/// does not open.
fn seal_context(message_id: &str) -> String {
    format!("voice_call:{message_id}")
}

impl App {
    /// The key press that starts a call reading `text`, and the sealed rest,
    /// good until `expires_at` (the code's own end).
    pub(crate) fn gated_call(
        &self,
        message_id: &MessageId,
        prompt: CallPrompt,
        text: &str,
        speech_language: &str,
        expires_at: Timestamp,
    ) -> (KeyPress, GatedCall) {
        let token = new_token();
        let script = CallScript {
            text: text.to_owned(),
            speech_language: speech_language.to_owned(),
        };
        let plain = serde_json::to_vec(&script).unwrap_or_default();
        let gated = GatedCall {
            ceremony_id: ceremony_id(&token),
            sealed: self.keys.ring().seal(&plain, &seal_context(message_id)),
            expires_at,
        };
        let key_press = KeyPress {
            prompt: prompt.prompt,
            goodbye: prompt.goodbye,
            action_url: format!(
                "{}/v1/delivery/calls/{message_id}/{token}",
                self.config.public_url.trim_end_matches('/')
            ),
        };
        (key_press, gated)
    }

    /// Keeps the rest of a call until someone presses a key or it expires.
    pub(crate) async fn keep_gated_call(
        &self,
        service_id: &str,
        gated: GatedCall,
    ) -> AppResult<()> {
        self.store
            .insert_ceremony(
                &gated.ceremony_id,
                service_id,
                &gated.sealed,
                gated.expires_at,
            )
            .await?;
        Ok(())
    }

    /// The provider's request after the prompt of the call `message_id`,
    /// already authenticated by its signature: with a key pressed, the rest
    /// of the call (once); without, nothing, and the call ends.
    pub async fn answer_call(
        &self,
        message_id: &str,
        token: &str,
        pressed: bool,
    ) -> AppResult<Option<CallScript>> {
        let not_found = || AppError::NotFound(Missing::Message);
        if !is_id_of("msg", message_id) {
            return Err(not_found());
        }
        let (message, service_id) = self
            .store
            .message(message_id)
            .await?
            .ok_or_else(not_found)?;
        if message.channel != Channel::Voice {
            return Err(not_found());
        }
        if !pressed {
            return Ok(None);
        }
        let sealed = self
            .store
            .take_ceremony(&ceremony_id(token), &service_id, self.now())
            .await?
            .ok_or_else(not_found)?;
        let plain = self
            .keys
            .ring_knowing(key_id_of(&sealed))
            .open(&sealed, &seal_context(message_id))?;
        let script = serde_json::from_slice(&plain).map_err(|_| AppError::Internal)?;
        Ok(Some(script))
    }
}

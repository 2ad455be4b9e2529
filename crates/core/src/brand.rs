//! A service's brand on what its users see: the hosted page, the security
//! center, the help center and the emails show the service's logo, colour,
//! support contact and privacy link instead of Countersign's, as users
//! expect of their bank. The rules that keep a brand readable and safe live
//! here: a colour must pass WCAG AA contrast on the pages' backgrounds, a
//! logo must be a small raster image (never SVG, which can carry script).

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use utoipa::ToSchema;

/// What a service shows of itself. Every field is optional: unset, the
/// pages keep Countersign's neutral look. Empty fields are left out of the
/// stored settings, so settings stored before brands read back the same.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Brand {
    /// Buttons, links and accents (`#rrggbb`); white text on it and it on
    /// the pages' backgrounds pass WCAG AA (4.5:1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<String>, example = "#0b5cad")]
    pub primary_color: Option<Color>,
    /// Where users get help (`https://`), linked from every page and email.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(example = "https://bank.example/help")]
    pub support_url: Option<String>,
    /// The support address, linked like `support_url`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(example = "support@bank.example")]
    pub support_email: Option<String>,
    /// The service's privacy notice (`https://`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(example = "https://bank.example/privacy")]
    pub privacy_url: Option<String>,
    /// The logo, uploaded with `PUT /v1/service/logo` (not settable here).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logo: Option<Logo>,
}

impl Brand {
    pub fn is_unset(&self) -> bool {
        *self == Brand::default()
    }

    /// Where a "contact support" link leads: the support page, else a
    /// `mailto:` to the support address.
    pub fn support_href(&self) -> Option<String> {
        self.support_url
            .clone()
            .or_else(|| self.support_email.as_ref().map(|e| format!("mailto:{e}")))
    }
}

/// A change to the brand (`PATCH /v1/service`, `brand`): fields left out
/// are kept, `""` unsets one.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BrandPatch {
    #[schema(example = "#0b5cad")]
    pub primary_color: Option<String>,
    #[schema(example = "https://bank.example/help")]
    pub support_url: Option<String>,
    #[schema(example = "support@bank.example")]
    pub support_email: Option<String>,
    #[schema(example = "https://bank.example/privacy")]
    pub privacy_url: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BrandError {
    #[error("brand.primary_color: {0:?} is not a colour written #rrggbb")]
    BadColor(String),
    /// WCAG 2 AA asks 4.5:1 for body text: below it, part of the users
    /// cannot read the buttons or links.
    #[error("brand.primary_color: {color} has a contrast of {}:1 with {against}; WCAG AA needs 4.5:1 (choose a darker colour)", format_ratio(*.ratio_x100))]
    LowContrast {
        color: String,
        against: &'static str,
        ratio_x100: u32,
    },
    #[error("brand.{0}: an https:// URL of at most 512 characters, without user or spaces")]
    BadUrl(&'static str),
    #[error("brand.support_email: not an email address")]
    BadEmail,
}

fn format_ratio(x100: u32) -> String {
    format!("{}.{:02}", x100 / 100, x100 % 100)
}

impl Brand {
    /// The brand after `patch`, or why not.
    pub fn apply(&self, patch: &BrandPatch) -> Result<Brand, BrandError> {
        let mut next = self.clone();
        if let Some(color) = patch.primary_color.as_deref() {
            next.primary_color = match color {
                "" => None,
                color => Some(Color::readable(color)?),
            };
        }
        for (field, value, slot) in [
            ("support_url", &patch.support_url, &mut next.support_url),
            ("privacy_url", &patch.privacy_url, &mut next.privacy_url),
        ] {
            match value.as_deref() {
                None => {}
                Some("") => *slot = None,
                Some(url) if is_https_url(url) => *slot = Some(url.to_owned()),
                Some(_) => return Err(BrandError::BadUrl(field)),
            }
        }
        match patch.support_email.as_deref() {
            None => {}
            Some("") => next.support_email = None,
            Some(email) if crate::contact::normalize_email(email).is_ok() => {
                next.support_email = Some(email.to_owned())
            }
            Some(_) => return Err(BrandError::BadEmail),
        }
        Ok(next)
    }
}

/// An absolute `https://` link a page may show: no credentials, no
/// whitespace, control characters, quotes or angle brackets (nothing that
/// changes where it leads or escapes the attribute it is written in).
fn is_https_url(url: &str) -> bool {
    let Some(rest) = url.strip_prefix("https://") else {
        return false;
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    url.len() <= 512
        && !authority.is_empty()
        && !authority.contains('@')
        && !url.contains(['\\', '"', '\'', '<', '>', '`'])
        && url.chars().all(|c| c.is_ascii_graphic())
}

/// An sRGB colour, written `#rrggbb`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Color([u8; 3]);

/// The backgrounds the primary colour meets (countersign.css: white boxes
/// and the page's `--bg`), and white, the text on its buttons: the same
/// colours, since contrast is symmetric.
pub const BACKGROUNDS: [(&str, Color); 2] = [
    ("white", Color([0xff, 0xff, 0xff])),
    ("the page background #f6f8fa", Color([0xf6, 0xf8, 0xfa])),
];

/// WCAG 2 AA for normal text, ×100.
const AA_CONTRAST_X100: u32 = 450;

impl Color {
    /// `#rrggbb` (either case).
    pub fn parse(text: &str) -> Option<Color> {
        let hex = text.strip_prefix('#')?;
        if hex.len() != 6 {
            return None;
        }
        let mut rgb = [0u8; 3];
        hex::decode_to_slice(hex, &mut rgb).ok()?;
        Some(Color(rgb))
    }

    /// A colour the pages may use: it parses, and it has AA contrast with
    /// every background it meets.
    pub fn readable(text: &str) -> Result<Color, BrandError> {
        let color = Color::parse(text).ok_or_else(|| BrandError::BadColor(text.to_owned()))?;
        for (against, background) in BACKGROUNDS {
            let ratio_x100 = (color.contrast(background) * 100.0).floor() as u32;
            if ratio_x100 < AA_CONTRAST_X100 {
                return Err(BrandError::LowContrast {
                    color: color.to_string(),
                    against,
                    ratio_x100,
                });
            }
        }
        Ok(color)
    }

    /// WCAG 2 relative luminance.
    fn luminance(self) -> f64 {
        let linear = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        let [r, g, b] = self.0;
        0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
    }

    /// WCAG 2 contrast ratio, 1 to 21.
    pub fn contrast(self, other: Color) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }
}

impl std::fmt::Display for Color {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let [r, g, b] = self.0;
        write!(f, "#{r:02x}{g:02x}{b:02x}")
    }
}

impl Serialize for Color {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Color {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Color, D::Error> {
        let text = String::deserialize(d)?;
        Color::parse(&text).ok_or_else(|| serde::de::Error::custom("a colour written #rrggbb"))
    }
}

/// The largest logo accepted: a header logo needs a few kilobytes; the
/// bound keeps every page view's image cheap to serve from the database.
pub const MAX_LOGO_BYTES: usize = 256 * 1024;
/// The largest side, in pixels (the header shows it 40 pixels high).
pub const MAX_LOGO_SIDE: usize = 2048;

/// The uploaded logo's description (its bytes are stored beside the
/// settings): the type it is served with, its size, and its SHA-256, which
/// names its address so that browsers may cache it for good.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Logo {
    pub content_type: ImageType,
    pub width: u32,
    pub height: u32,
    /// Hex SHA-256 of the image.
    pub sha256: String,
}

impl Logo {
    /// The part of the address that changes with the image.
    pub fn version(&self) -> &str {
        &self.sha256[..16.min(self.sha256.len())]
    }

    /// Where this server serves it: the address changes with the image, so
    /// that browsers and mail clients keep it for good.
    pub fn path(&self, service_id: &crate::ids::ServiceId) -> String {
        format!("/brand/{service_id}/logo/{}", self.version())
    }
}

/// The image types a logo may be: raster images browsers and mail clients
/// show everywhere. SVG is refused: served from this origin, it can run
/// script.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub enum ImageType {
    #[serde(rename = "image/png")]
    Png,
    #[serde(rename = "image/jpeg")]
    Jpeg,
    #[serde(rename = "image/webp")]
    Webp,
}

impl ImageType {
    pub fn mime(self) -> &'static str {
        match self {
            ImageType::Png => "image/png",
            ImageType::Jpeg => "image/jpeg",
            ImageType::Webp => "image/webp",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LogoError {
    #[error("the logo is larger than {MAX_LOGO_BYTES} bytes")]
    TooLarge,
    #[error("the logo is not a PNG, JPEG or WebP image (SVG is refused: it can carry script)")]
    NotAnImage,
    #[error("the body is {found} but Content-Type says {declared}")]
    TypeMismatch {
        declared: String,
        found: &'static str,
    },
    #[error("the logo is {width}×{height} pixels; each side must be 16 to {MAX_LOGO_SIDE}")]
    BadSize { width: usize, height: usize },
}

/// Checks an uploaded logo: its bytes are the image type `declared` says
/// (the upload's Content-Type), within the size bounds. Only the header is
/// read: the image is never decoded here, browsers do that.
pub fn check_logo(bytes: &[u8], declared: &str) -> Result<Logo, LogoError> {
    if bytes.len() > MAX_LOGO_BYTES {
        return Err(LogoError::TooLarge);
    }
    let content_type = match imagesize::image_type(bytes) {
        Ok(imagesize::ImageType::Png) => ImageType::Png,
        Ok(imagesize::ImageType::Jpeg) => ImageType::Jpeg,
        Ok(imagesize::ImageType::Webp) => ImageType::Webp,
        _ => return Err(LogoError::NotAnImage),
    };
    let declared = declared.split(';').next().unwrap_or_default().trim();
    if !declared.eq_ignore_ascii_case(content_type.mime()) {
        return Err(LogoError::TypeMismatch {
            declared: declared.chars().take(64).collect(),
            found: content_type.mime(),
        });
    }
    let size = imagesize::blob_size(bytes).map_err(|_| LogoError::NotAnImage)?;
    let side = 16..=MAX_LOGO_SIDE;
    if !side.contains(&size.width) || !side.contains(&size.height) {
        return Err(LogoError::BadSize {
            width: size.width,
            height: size.height,
        });
    }
    Ok(Logo {
        content_type,
        width: size.width as u32,
        height: size.height as u32,
        sha256: hex::encode(Sha256::digest(bytes)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_follows_wcag() {
        let black = Color::parse("#000000").unwrap();
        let white = Color::parse("#FFFFFF").unwrap();
        assert!((black.contrast(white) - 21.0).abs() < 1e-9);
        assert!((white.contrast(white) - 1.0).abs() < 1e-9);
        // The usual reference pair: #767676 is the lightest grey that passes
        // AA on white (4.54:1), #777777 fails (4.48:1).
        let pass = Color::parse("#767676").unwrap().contrast(white);
        let fail = Color::parse("#777777").unwrap().contrast(white);
        assert!((4.54..4.55).contains(&pass), "{pass}");
        assert!((4.47..4.49).contains(&fail), "{fail}");
    }

    #[test]
    fn a_colour_must_be_readable_on_every_background() {
        assert_eq!(
            Color::readable("#0B5CAD").unwrap().to_string(),
            "#0b5cad",
            "normalized to lower case"
        );
        // #767676 passes on white but not on the page's grey background.
        assert_eq!(
            Color::readable("#767676"),
            Err(BrandError::LowContrast {
                color: "#767676".into(),
                against: "the page background #f6f8fa",
                ratio_x100: 426,
            })
        );
        let yellow = Color::readable("#ffd700").unwrap_err();
        assert!(
            matches!(
                yellow,
                BrandError::LowContrast {
                    against: "white",
                    ..
                }
            ),
            "{yellow:?}"
        );
        assert!(yellow.to_string().contains("1.40:1"), "{yellow}");
        for bad in [
            "0b5cad",
            "#0b5cad0",
            "#0b5",
            "#zzzzzz",
            "red",
            "",
            "#0b5cad;}",
        ] {
            assert_eq!(
                Color::readable(bad),
                Err(BrandError::BadColor(bad.into())),
                "{bad}"
            );
        }
    }

    #[test]
    fn a_patch_sets_checks_and_unsets_each_field() {
        let patch = |json: &str| serde_json::from_str::<BrandPatch>(json).unwrap();
        let brand = Brand::default()
            .apply(&patch(
                r##"{"primary_color": "#0b5cad", "support_url": "https://bank.example/help",
                    "support_email": "help@bank.example", "privacy_url": "https://bank.example/privacy"}"##,
            ))
            .unwrap();
        assert_eq!(brand.support_email.as_deref(), Some("help@bank.example"));
        let json = serde_json::to_string(&brand).unwrap();
        assert!(json.contains(r##""primary_color":"#0b5cad""##), "{json}");
        let kept = brand.apply(&patch(r#"{"privacy_url": ""}"#)).unwrap();
        assert_eq!(kept.privacy_url, None);
        assert_eq!(kept.support_url, brand.support_url);
        for (json, error) in [
            (
                r#"{"support_url": "http://bank.example/help"}"#,
                BrandError::BadUrl("support_url"),
            ),
            (
                r#"{"privacy_url": "javascript:alert(1)"}"#,
                BrandError::BadUrl("privacy_url"),
            ),
            (
                r#"{"privacy_url": "https://user@evil.example/"}"#,
                BrandError::BadUrl("privacy_url"),
            ),
            (
                r#"{"support_url": "https://bank.example/a b"}"#,
                BrandError::BadUrl("support_url"),
            ),
            (
                r#"{"support_url": "https://bank.example/\"><script>"}"#,
                BrandError::BadUrl("support_url"),
            ),
            (
                r#"{"support_email": "not an address"}"#,
                BrandError::BadEmail,
            ),
        ] {
            assert_eq!(brand.apply(&patch(json)), Err(error), "{json}");
        }
        assert!(Brand::default().is_unset());
        assert_eq!(serde_json::to_string(&Brand::default()).unwrap(), "{}");
    }

    /// A PNG's first bytes: signature, IHDR with `width`×`height`.
    fn png(width: u32, height: u32) -> Vec<u8> {
        let mut bytes = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
        bytes.extend(width.to_be_bytes());
        bytes.extend(height.to_be_bytes());
        bytes.extend([8, 6, 0, 0, 0, 0, 0, 0, 0]);
        bytes
    }

    #[test]
    fn a_logo_is_a_small_raster_image_of_the_declared_type() {
        let logo = check_logo(&png(240, 80), "image/png").unwrap();
        assert_eq!(
            (logo.content_type, logo.width, logo.height),
            (ImageType::Png, 240, 80)
        );
        assert_eq!(logo.sha256, hex::encode(Sha256::digest(png(240, 80))));
        assert_eq!(logo.version().len(), 16);
        assert_eq!(
            check_logo(&png(240, 80), "image/jpeg"),
            Err(LogoError::TypeMismatch {
                declared: "image/jpeg".into(),
                found: "image/png"
            })
        );
        assert_eq!(
            check_logo(&png(4096, 80), "image/png"),
            Err(LogoError::BadSize {
                width: 4096,
                height: 80
            })
        );
        assert_eq!(
            check_logo(&png(8, 8), "image/png"),
            Err(LogoError::BadSize {
                width: 8,
                height: 8
            })
        );
        let svg = br#"<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>"#;
        assert_eq!(check_logo(svg, "image/svg+xml"), Err(LogoError::NotAnImage));
        assert_eq!(check_logo(b"", "image/png"), Err(LogoError::NotAnImage));
        let mut huge = png(240, 80);
        huge.resize(MAX_LOGO_BYTES + 1, 0);
        assert_eq!(check_logo(&huge, "image/png"), Err(LogoError::TooLarge));
    }
}

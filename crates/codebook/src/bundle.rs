//! The bundle file: what the import step writes and the runtime reads.
//!
//! Layout (all integers little-endian):
//! `b"CFBUNDLE"` · format version `u32` · number of sections `u32` · per section: name (16 bytes, NUL-padded),
//! length `u64` · then each section's bytes in order. A section is a zstd frame holding a postcard value.
//! Sections are decoded separately, so a command that needs only the code book never decodes the search index.
//!
//! Bump [`FORMAT`] whenever a stored type changes shape, and keep a golden bundle of each released format
//! under `tests/golden/` so that a reader change that breaks old files is caught.

use serde::{de::DeserializeOwned, Serialize};
use thiserror::Error;

pub const MAGIC: &[u8; 8] = b"CFBUNDLE";
/// Version of the layout and of the stored types.
pub const FORMAT: u32 = 1;

/// Why bytes could not be read as (or written to) a bundle.
#[derive(Debug, Error)]
pub enum BundleError {
    /// The bytes do not start with the bundle magic.
    #[error("not a Codefellow bundle (the file does not start with CFBUNDLE)")]
    NotABundle,
    /// Written by a different version of Codefellow.
    #[error("bundle format {found} is not readable by this build, which reads format {FORMAT}: re-run the import with this version")]
    Format { found: u32 },
    /// Shorter than its header says.
    #[error("the bundle is truncated: {0}")]
    Truncated(&'static str),
    /// A section that is not there.
    #[error("the bundle has no '{0}' section")]
    Missing(String),
    /// A section whose bytes do not decode.
    #[error("section '{section}' does not decode: {message}")]
    Decode { section: String, message: String },
    /// A value that could not be encoded.
    #[error("could not encode section '{section}': {message}")]
    Encode { section: String, message: String },
}

/// Writes sections into bundle bytes. `level` is the zstd level.
pub fn write(sections: &[(&str, Vec<u8>)]) -> Vec<u8> {
    let mut out = Vec::new();
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT.to_le_bytes());
    out.extend_from_slice(&(sections.len() as u32).to_le_bytes());
    for (name, bytes) in sections {
        let mut n = [0u8; 16];
        let b = name.as_bytes();
        n[..b.len().min(16)].copy_from_slice(&b[..b.len().min(16)]);
        out.extend_from_slice(&n);
        out.extend_from_slice(&(bytes.len() as u64).to_le_bytes());
    }
    for (_, bytes) in sections {
        out.extend_from_slice(bytes);
    }
    out
}

/// Encodes one value as a section body (postcard, then zstd).
pub fn encode<T: Serialize>(section: &str, value: &T, level: i32) -> Result<Vec<u8>, BundleError> {
    let raw = postcard::to_stdvec(value).map_err(|e| BundleError::Encode { section: section.into(), message: e.to_string() })?;
    zstd::bulk::compress(&raw, level).map_err(|e| BundleError::Encode { section: section.into(), message: e.to_string() })
}

/// The sections of a bundle, by name, without decoding them.
pub fn sections(bytes: &[u8]) -> Result<Vec<(String, &[u8])>, BundleError> {
    if bytes.len() < 16 || &bytes[..8] != MAGIC {
        return Err(BundleError::NotABundle);
    }
    let format = u32::from_le_bytes(bytes[8..12].try_into().expect("4 bytes"));
    if format != FORMAT {
        return Err(BundleError::Format { found: format });
    }
    let count = u32::from_le_bytes(bytes[12..16].try_into().expect("4 bytes")) as usize;
    let header_end = 16usize.checked_add(count.checked_mul(24).ok_or(BundleError::Truncated("section table"))?).ok_or(BundleError::Truncated("section table"))?;
    if bytes.len() < header_end {
        return Err(BundleError::Truncated("section table"));
    }
    let mut out = Vec::with_capacity(count);
    let mut at = header_end;
    for k in 0..count {
        let h = &bytes[16 + k * 24..16 + (k + 1) * 24];
        let name = String::from_utf8_lossy(&h[..16]).trim_end_matches('\0').to_string();
        let len = u64::from_le_bytes(h[16..24].try_into().expect("8 bytes")) as usize;
        let end = at.checked_add(len).filter(|&e| e <= bytes.len()).ok_or(BundleError::Truncated("section body"))?;
        out.push((name, &bytes[at..end]));
        at = end;
    }
    Ok(out)
}

/// Decodes the named section.
pub fn decode<T: DeserializeOwned>(bytes: &[u8], section: &str) -> Result<T, BundleError> {
    let body = sections(bytes)?.into_iter().find(|(n, _)| n == section).map(|(_, b)| b).ok_or_else(|| BundleError::Missing(section.into()))?;
    let err = |e: String| BundleError::Decode { section: section.into(), message: e };
    let raw = zstd::stream::decode_all(body).map_err(|e| err(e.to_string()))?;
    postcard::from_bytes(&raw).map_err(|e| err(e.to_string()))
}

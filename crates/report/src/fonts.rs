//! The report's fonts, inlined: the Noto fonts bundled with the app (`ui/fonts/`), as
//! base64 `data:` URLs in `@font-face` rules.
//!
//! The report must look the same, and shape Arabic properly, on a computer with no Arabic font
//! and no network, so it carries its fonts. They make the file about 1.9 MB; that is the price
//! of a document that needs nothing else.

/// One embedded font face.
struct Face {
    family: &'static str,
    weight: u16,
    bytes: &'static [u8],
}

const FACES: &[Face] = &[
    Face {
        family: "Dalil Naskh",
        weight: 400,
        bytes: include_bytes!("../../../ui/fonts/NotoNaskhArabic-Regular.ttf"),
    },
    Face {
        family: "Dalil Naskh",
        weight: 700,
        bytes: include_bytes!("../../../ui/fonts/NotoNaskhArabic-Bold.ttf"),
    },
    Face {
        family: "Dalil Sans",
        weight: 400,
        bytes: include_bytes!("../../../ui/fonts/NotoSans-Regular.ttf"),
    },
    Face {
        family: "Dalil Sans",
        weight: 700,
        bytes: include_bytes!("../../../ui/fonts/NotoSans-Bold.ttf"),
    },
];

/// The `@font-face` rules for every embedded font.
pub fn font_faces() -> String {
    let mut css = String::new();
    for face in FACES {
        css.push_str("@font-face{font-family:\"");
        css.push_str(face.family);
        css.push_str("\";font-style:normal;font-weight:");
        css.push_str(&face.weight.to_string());
        css.push_str(";src:url(\"data:font/ttf;base64,");
        css.push_str(&base64(face.bytes));
        css.push_str("\") format(\"truetype\");}\n");
    }
    css
}

/// Standard base64 with padding (RFC 4648, section 4).
pub fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        let sextet = |shift: u32| char::from(ALPHABET[((n >> shift) & 0x3f) as usize]);
        out.push(sextet(18));
        out.push(sextet(12));
        out.push(if chunk.len() > 1 { sextet(6) } else { '=' });
        out.push(if chunk.len() > 2 { sextet(0) } else { '=' });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_rfc_4648_vectors() {
        let vectors = [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ];
        for (input, expected) in vectors {
            assert_eq!(base64(input.as_bytes()), expected);
        }
        assert_eq!(base64(&[0xfb, 0xff]), "+/8=");
    }

    #[test]
    fn every_font_is_a_truetype_file() {
        for face in FACES {
            assert_eq!(&face.bytes[..4], &[0, 1, 0, 0], "{}", face.family);
        }
    }
}

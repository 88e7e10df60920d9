//! Encryption at rest: a fair (or any file) encrypted with a passphrase, in the `age` format
//! (scrypt for the passphrase, ChaCha20-Poly1305 for the data), so `age -d` or `rage -d`
//! open it too. A wrong passphrase is an error and yields no bytes at all.

use std::io::{Read, Write};
use std::path::Path;

use age::secrecy::SecretString;

use super::StoreError;

/// How an age file starts: the binary header or the ASCII-armored form.
const AGE_MAGIC: &[u8] = b"age-encryption.org/";
const AGE_ARMOR: &[u8] = b"-----BEGIN AGE ENCRYPTED FILE-----";

/// Longest passphrase file read (a passphrase is one line).
const MAX_PASSPHRASE_FILE: u64 = 64 * 1024;

/// Whether `bytes` look like an age-encrypted file.
pub fn is_encrypted(bytes: &[u8]) -> bool {
    bytes.starts_with(AGE_MAGIC) || bytes.starts_with(AGE_ARMOR)
}

/// Whether `path` names an encrypted fair by its extension (`.age`).
pub fn has_age_extension(path: &Path) -> bool {
    path.extension().is_some_and(|e| e.eq_ignore_ascii_case("age"))
}

/// Encrypts `plain` for `passphrase`, with the scrypt work factor age picks for about one
/// second on this machine.
pub fn encrypt(plain: &[u8], passphrase: &str) -> Result<Vec<u8>, StoreError> {
    encrypt_with_work_factor(plain, passphrase, None)
}

/// [`encrypt`] with an explicit scrypt work factor `2^log_n` (tests use a small one).
pub fn encrypt_with_work_factor(plain: &[u8], passphrase: &str, log_n: Option<u8>) -> Result<Vec<u8>, StoreError> {
    check_passphrase(passphrase)?;
    let mut recipient = age::scrypt::Recipient::new(SecretString::from(passphrase.to_owned()));
    if let Some(log_n) = log_n {
        recipient.set_work_factor(log_n.clamp(1, 30));
    }
    let encryptor = age::Encryptor::with_recipients(std::iter::once(&recipient as &dyn age::Recipient))
        .map_err(|e| StoreError::Serialize(format!("cannot encrypt: {e}")))?;
    let mut out = Vec::with_capacity(plain.len() + 256);
    let mut writer = encryptor
        .wrap_output(&mut out)
        .map_err(|e| StoreError::Serialize(format!("cannot encrypt: {e}")))?;
    writer
        .write_all(plain)
        .and_then(|()| writer.finish().map(drop))
        .map_err(|e| StoreError::Serialize(format!("cannot encrypt: {e}")))?;
    Ok(out)
}

/// Decrypts an age file with `passphrase`; `origin` names it in messages. Reads at most
/// `cap` bytes of plaintext.
pub fn decrypt(cipher: &[u8], passphrase: &str, origin: &str, cap: u64) -> Result<Vec<u8>, StoreError> {
    let fail = |message: String| StoreError::Decrypt {
        origin: origin.to_owned(),
        message,
    };
    if cipher.starts_with(AGE_ARMOR) {
        return Err(fail(
            "is an ASCII-armored age file; turn it into a binary one with `age -d` and `age -e` first".into(),
        ));
    }
    let decryptor = age::Decryptor::new_buffered(cipher).map_err(|e| fail(describe(&e)))?;
    if !decryptor.is_scrypt() {
        return Err(fail(
            "is encrypted to a key, not with a passphrase; decrypt it with age first".into(),
        ));
    }
    let identity = age::scrypt::Identity::new(SecretString::from(passphrase.to_owned()));
    let stream = decryptor
        .decrypt(std::iter::once(&identity as &dyn age::Identity))
        .map_err(|e| fail(describe(&e)))?;
    let mut plain = Vec::with_capacity(cipher.len());
    stream
        .take(cap.saturating_add(1))
        .read_to_end(&mut plain)
        .map_err(|e| fail(format!("is damaged or truncated ({e})")))?;
    if plain.len() as u64 > cap {
        return Err(fail(format!("decrypts to more than {cap} bytes; not read")));
    }
    Ok(plain)
}

fn describe(error: &age::DecryptError) -> String {
    use age::DecryptError as E;
    match error {
        E::DecryptionFailed | E::KeyDecryptionFailed | E::NoMatchingKeys | E::InvalidMac => {
            "wrong passphrase (or the file is damaged); nothing was written".into()
        }
        E::ExcessiveWork { required, target } => format!(
            "needs far more work to decrypt than expected (scrypt 2^{required}, this machine targets \
             2^{target}); refused"
        ),
        E::InvalidHeader | E::UnknownFormat => "is not a readable age-encrypted file".into(),
        E::Io(e) => format!("is damaged or truncated ({e})"),
        other => other.to_string(),
    }
}

fn check_passphrase(passphrase: &str) -> Result<(), StoreError> {
    if passphrase.is_empty() {
        return Err(StoreError::Serialize("the passphrase is empty".into()));
    }
    Ok(())
}

/// Reads a passphrase from the first line of `path` (a trailing newline is not part of it).
pub fn read_passphrase_file(path: &Path) -> Result<String, StoreError> {
    let bytes = super::read_bytes_capped(path, MAX_PASSPHRASE_FILE)?;
    let text = String::from_utf8(bytes).map_err(|_| StoreError::Csv {
        origin: path.display().to_string(),
        message: "the passphrase file is not UTF-8 text".into(),
    })?;
    let line = text.lines().next().unwrap_or("").trim_end_matches('\r');
    if line.is_empty() {
        return Err(StoreError::Csv {
            origin: path.display().to_string(),
            message: "the passphrase file's first line is empty".into(),
        });
    }
    Ok(line.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_wrong_passphrase() {
        let cipher = encrypt_with_work_factor(b"(format_version: 1)", "correct horse", Some(2)).unwrap();
        assert!(is_encrypted(&cipher));
        assert_eq!(
            decrypt(&cipher, "correct horse", "f.age", 1 << 20).unwrap(),
            b"(format_version: 1)"
        );
        let error = decrypt(&cipher, "wrong", "f.age", 1 << 20).unwrap_err().to_string();
        assert!(error.contains("wrong passphrase"), "{error}");
        let error = decrypt(b"age-encryption.org/v1\n-> junk", "x", "f.age", 1 << 20)
            .unwrap_err()
            .to_string();
        assert!(error.starts_with("f.age: "), "{error}");
    }
}

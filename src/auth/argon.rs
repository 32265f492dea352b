//! argon2id over reused memory.
//!
//! Each computation needs 19 MiB of working memory. Allocated afresh each time (as the
//! argon2 crate's `hash_password`/`verify_password` do), it stays with whichever thread's
//! malloc arena served it: once glibc has seen one such block freed, it serves the next from
//! the arena instead of a fresh mapping, and keeps it. Spread over the blocking pool's
//! threads, 120 failed logins left the server at 1 GiB. Here the working memory is
//! allocated once per concurrent computation (at most `auth::ARGON_AT_ONCE`), kept, and
//! handed out again.

use std::sync::Mutex;

use argon2::password_hash::phc::{Output, ParamsString, Salt};
use argon2::{Algorithm, Argon2, Block, Params, PasswordHash, Version};

/// Working memory between computations.
static MEMORY: Mutex<Vec<Vec<Block>>> = Mutex::new(Vec::new());

/// Runs `f` over `blocks` blocks of working memory taken from the reserve.
fn with_memory<T>(blocks: usize, f: impl FnOnce(&mut [Block]) -> T) -> T {
    let spare = MEMORY.lock().unwrap_or_else(|e| e.into_inner()).pop();
    let mut memory = spare.unwrap_or_default();
    if memory.len() < blocks {
        memory = vec![Block::new(); blocks];
    }
    let result = f(&mut memory[..blocks]);
    let mut reserve = MEMORY.lock().unwrap_or_else(|e| e.into_inner());
    // Computations outside the server's limit (the CLI, the demo) add no more to keep.
    if reserve.len() < super::ARGON_AT_ONCE {
        reserve.push(memory);
    }
    result
}

/// Computes argon2 of `password` and `salt` into `out`.
fn compute(argon: &Argon2<'_>, password: &[u8], salt: &[u8], out: &mut [u8]) -> argon2::Result<()> {
    with_memory(argon.params().block_count(), |blocks| {
        argon.hash_password_into_with_memory(password, salt, out, blocks)
    })
}

/// An argon2id PHC string (default parameters: m=19456, t=2, p=1) with a fresh salt.
pub fn hash(password: &str) -> argon2::password_hash::Result<String> {
    let (algorithm, version, params) = (Algorithm::Argon2id, Version::V0x13, Params::default());
    let argon = Argon2::new(algorithm, version, params.clone());
    let salt = Salt::generate();
    let mut out = vec![0u8; params.output_len().unwrap_or(Params::DEFAULT_OUTPUT_LEN)];
    compute(&argon, password.as_bytes(), salt.as_ref(), &mut out)?;
    let phc = PasswordHash {
        algorithm: algorithm.ident(),
        version: Some(version.into()),
        params: ParamsString::try_from(&params)?,
        salt: Some(salt),
        hash: Some(Output::new(&out)?),
    };
    Ok(phc.to_string())
}

/// Whether `password` matches the PHC string (with the parameters it names); a string that
/// cannot be read matches nothing. Compares in constant time.
pub fn verify(password: &str, phc: &str) -> bool {
    let Ok(stored) = PasswordHash::new(phc) else {
        return false;
    };
    let (Some(salt), Some(expected)) = (&stored.salt, &stored.hash) else {
        return false;
    };
    let algorithm = Algorithm::try_from(stored.algorithm.as_str());
    let version = stored
        .version
        .map_or(Ok(Version::default()), Version::try_from);
    let (Ok(algorithm), Ok(version), Ok(params)) = (algorithm, version, Params::try_from(&stored))
    else {
        return false;
    };
    let argon = Argon2::new(algorithm, version, params);
    let mut out = vec![0u8; expected.len()];
    compute(&argon, password.as_bytes(), salt.as_ref(), &mut out).is_ok()
        && Output::new(&out).is_ok_and(|computed| computed == *expected)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use argon2::{PasswordHasher, PasswordVerifier};

    #[test]
    fn agrees_with_the_argon2_crate() {
        let ours = super::hash("a long staff password").unwrap();
        assert!(
            ours.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
            "{ours}"
        );
        let theirs = argon2::Argon2::default()
            .hash_password(b"a long staff password")
            .unwrap()
            .to_string();
        assert!(super::verify("a long staff password", &theirs));
        assert!(!super::verify("a long staff passwore", &theirs));
        let parsed = argon2::PasswordHash::new(&ours).unwrap();
        assert!(argon2::Argon2::default()
            .verify_password(b"a long staff password", &parsed)
            .is_ok());
        assert!(!super::verify("a long staff password", "not a phc string"));
    }
}

//! `fairmatch erase`, `fairmatch encrypt` and `fairmatch decrypt`: personal data removed on
//! request, and fairs encrypted at rest.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use crate::model::CandidateId;
use crate::store::{self, FairLock, crypt};

#[derive(Debug, Args)]
pub struct EraseArgs {
    /// The fair file.
    pub file: PathBuf,
    /// The candidate whose personal data goes; repeatable.
    #[arg(long = "candidate", value_name = "ID", required = true)]
    pub candidates: Vec<String>,
    /// Where to write the fair (may be FILE itself; written atomically).
    #[arg(short = 'o', long = "output")]
    pub output: PathBuf,
}

/// Erases each candidate's personal data; visits and events stay as anonymous records and a
/// tombstone keeps older station logs from bringing the data back.
pub fn run_erase(args: &EraseArgs) -> ExitCode {
    let fail = |message: String| {
        eprintln!("fairmatch erase: {message}");
        ExitCode::FAILURE
    };
    let lock = match FairLock::acquire(&args.output, store::lock_wait()) {
        Ok(lock) => lock,
        Err(e) => return fail(e.to_string()),
    };
    let mut fair = match store::load_fair(&args.file) {
        Ok(fair) => fair,
        Err(e) => return fail(e.to_string()),
    };
    let now = chrono::Local::now().naive_local();
    for id in &args.candidates {
        if let Err(message) = crate::model::erase_candidate(&mut fair, &CandidateId::new(id.trim()), now) {
            return fail(format!("{}: {message}; nothing written", args.file.display()));
        }
    }
    if let Err(e) = store::save_fair_locked(&lock, &fair, None) {
        return fail(e.to_string());
    }
    println!(
        "erased the personal data of {} candidate(s); their visits and events stay as anonymous records; wrote {}",
        args.candidates.len(),
        args.output.display()
    );
    println!("copies elsewhere (exports, backups, other laptops' files) still hold it: delete those too");
    ExitCode::SUCCESS
}

#[derive(Debug, Args)]
pub struct CryptArgs {
    /// The file to encrypt or decrypt.
    pub file: PathBuf,
    /// A file whose first line is the passphrase (keep it off the shared drive).
    #[arg(long, value_name = "FILE")]
    pub passphrase_file: PathBuf,
    /// Where to write the result (written atomically, keeping an existing file's mode).
    #[arg(short = 'o', long = "output")]
    pub output: PathBuf,
}

/// `encrypt`: any file (a fair, an export, a station log) encrypted with a passphrase, in the
/// age format.
pub fn run_encrypt(args: &CryptArgs) -> ExitCode {
    crypt_command("encrypt", args, |bytes, passphrase, origin| {
        if crypt::is_encrypted(bytes) {
            return Err(store::StoreError::Decrypt {
                origin: origin.to_owned(),
                message: "is already encrypted".into(),
            });
        }
        crypt::encrypt(bytes, passphrase)
    })
}

/// `decrypt`: a wrong passphrase writes nothing and exits 1.
pub fn run_decrypt(args: &CryptArgs) -> ExitCode {
    crypt_command("decrypt", args, |bytes, passphrase, origin| {
        if !crypt::is_encrypted(bytes) {
            return Err(store::StoreError::Decrypt {
                origin: origin.to_owned(),
                message: "is not an encrypted (age) file".into(),
            });
        }
        crypt::decrypt(bytes, passphrase, origin, store::DEFAULT_SIZE_CAP)
    })
}

fn crypt_command(
    name: &str,
    args: &CryptArgs,
    transform: impl FnOnce(&[u8], &str, &str) -> Result<Vec<u8>, store::StoreError>,
) -> ExitCode {
    let run = || -> Result<Vec<u8>, store::StoreError> {
        let passphrase = crypt::read_passphrase_file(&args.passphrase_file)?;
        let bytes = store::read_file_capped(&args.file, store::DEFAULT_SIZE_CAP)?;
        let out = transform(&bytes, &passphrase, &args.file.display().to_string())?;
        store::write_atomically(&args.output, &out)?;
        Ok(out)
    };
    match run() {
        Ok(_) => {
            println!("{name}ed {} to {}", args.file.display(), args.output.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("fairmatch {name}: {e}");
            ExitCode::FAILURE
        }
    }
}

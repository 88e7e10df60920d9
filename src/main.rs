use std::process::ExitCode;

fn main() -> ExitCode {
    fairmatch::cli::main()
}

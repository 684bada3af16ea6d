//! The `gen` binary: parses the command line, dispatches, prints errors, sets the exit code.

use clap::Parser;
use gen::cli::{Cli, Command};

fn main() {
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Run(args) => gen::run_cmd::run(args),
        Command::Build(_) | Command::Watch(_) | Command::Check(_) | Command::Init(_) => {
            Err(anyhow::anyhow!("not implemented yet"))
        }
    };
    match result {
        Ok(code) => std::process::exit(code),
        Err(err) => {
            eprintln!("error: {err:#}");
            std::process::exit(1);
        }
    }
}

//! The `gen` binary: parses the command line, dispatches, prints errors, sets the exit code.

use clap::Parser;
use gen::cli::{Cli, Command};

/// Counts each thread's allocated bytes, so a runaway snippet is stopped by the
/// simulators' real-memory guard (`gen_trace::memory`) instead of exhausting the machine.
#[global_allocator]
static ALLOC: gen_trace::memory::CountingAlloc = gen_trace::memory::CountingAlloc;

fn main() {
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Run(args) => gen::run_cmd::run(args),
        Command::Build(args) => gen::build_cmd::build(args),
        Command::Check(args) => gen::build_cmd::check(args),
        Command::Init(args) => {
            gen::init::run(&args.dir, args.from_vitepress.as_deref()).map(|()| 0)
        }
        Command::Watch(args) => gen::serve::watch(args),
    };
    match result {
        Ok(code) => std::process::exit(code),
        Err(err) => {
            eprintln!("error: {err:#}");
            std::process::exit(1);
        }
    }
}

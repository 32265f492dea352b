//! The command line of the contract.

use clap::{Parser, Subcommand};

use crate::auth::Role;

#[derive(Parser, Debug)]
#[command(name = "quorum", version, about = "Meetings and observer registration")]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Run pending migrations, then serve the web site, the API and the mail worker.
    Serve {
        /// Load the demo data if the database is empty and print a staff login.
        #[arg(long)]
        demo: bool,
    },
    /// Run pending migrations and exit.
    Migrate,
    /// Load the demo data (the SSR2 review team, its meetings and weekly calls).
    Demo,
    /// Check the settings, the database, pending migrations, the mail server and the tz
    /// database; exit non-zero with one line per problem.
    Check,
    /// Write every row of every table to FILE, a gzip'd JSON-lines archive, while the server
    /// may keep running (one consistent snapshot).
    Export {
        /// Where to write the archive (replaced only once complete).
        file: std::path::PathBuf,
    },
    /// Load an archive written by `quorum export` into an empty database of either kind;
    /// all or nothing.
    Import {
        /// The archive to read.
        file: std::path::PathBuf,
    },
    /// Manage staff accounts.
    Staff {
        #[command(subcommand)]
        command: StaffCommand,
    },
    /// Manage API tokens.
    Token {
        #[command(subcommand)]
        command: TokenCommand,
    },
}

#[derive(Subcommand, Debug)]
pub enum StaffCommand {
    /// Create a staff account; the password is read as one line from standard input.
    Add {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        #[arg(long, value_enum, default_value = "organizer")]
        role: Role,
    },
}

#[derive(Subcommand, Debug)]
pub enum TokenCommand {
    /// Create an API token; prints it alone on the last line (shown once, stored hashed).
    Create {
        #[arg(long)]
        email: String,
        /// A label for the token, e.g. "schedule script".
        #[arg(long)]
        name: String,
        /// Days until the token stops working (1 to 3650); without it, the token does not expire.
        #[arg(long, value_parser = clap::value_parser!(u32).range(1..=3650))]
        expires_days: Option<u32>,
    },
}

use std::io::BufRead;
use std::process::ExitCode;

use clap::Parser;
use quorum::cli::{Cli, Command, StaffCommand, TokenCommand};
use quorum::config::Settings;

fn main() -> ExitCode {
    let _ = dotenvy::dotenv();
    let cli = Cli::parse();
    init_tracing();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("quorum: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn init_tracing() {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .init();
}

fn run(cli: Cli) -> anyhow::Result<()> {
    let settings = Settings::from_env()?;
    match cli.command.unwrap_or(Command::Serve { demo: false }) {
        Command::Serve { demo } => serve(settings, demo),
        Command::Migrate => {
            quorum::db::connect(&settings.database_url, 1)?;
            println!("migrations are up to date");
            Ok(())
        }
        Command::Check => {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()?;
            let report = runtime.block_on(quorum::check::run(&settings));
            for fact in &report.facts {
                println!("{fact}");
            }
            for problem in &report.problems {
                eprintln!("{problem}");
            }
            match report.problems.len() {
                0 => Ok(()),
                n => Err(anyhow::anyhow!("quorum check found {n} problem(s)")),
            }
        }
        Command::Export { file } => {
            let totals = quorum::archive::export(&settings.database_url, &file)
                .map_err(|e| anyhow::anyhow!("export failed: {}", e.one_line()))?;
            println!(
                "exported {} rows of {} tables to {}",
                totals.rows,
                totals.tables,
                file.display()
            );
            Ok(())
        }
        Command::Import { file } => {
            let imported = quorum::archive::import(&settings.database_url, &file).map_err(|e| {
                anyhow::anyhow!("import failed, nothing was imported: {}", e.one_line())
            })?;
            println!(
                "imported {} rows of {} tables from {}",
                imported.totals.rows,
                imported.totals.tables,
                file.display()
            );
            if !imported.secret_key && settings.secret_key.is_none() {
                println!(
                    "note: the archive carries no secret key (its installation set \
                     QUORUM_SECRET_KEY): set the same QUORUM_SECRET_KEY here, or sessions \
                     and unsubscribe links made before will not work"
                );
            }
            Ok(())
        }
        Command::Demo => {
            let pool = quorum::db::connect(&settings.database_url, 2)?;
            let mut conn = pool.get()?;
            let login = quorum::demo::load(&mut conn, &settings.base_url)?;
            println!("demo data loaded");
            print_login(&login);
            Ok(())
        }
        Command::Staff {
            command: StaffCommand::Add { email, name, role },
        } => {
            let password = read_password()?;
            let pool = quorum::db::connect(&settings.database_url, 1)?;
            let mut conn = pool.get()?;
            let account = quorum::auth::create_staff(&mut conn, &email, &name, role, &password)?;
            println!("created {} account for {}", account.role, account.email);
            Ok(())
        }
        Command::Token {
            command:
                TokenCommand::Create {
                    email,
                    name,
                    expires_days,
                },
        } => {
            let pool = quorum::db::connect(&settings.database_url, 1)?;
            let mut conn = pool.get()?;
            let token =
                quorum::auth::create_token_expiring(&mut conn, &email, &name, expires_days)?;
            println!("API token for {email} (shown once; store it safely):");
            println!("{token}");
            Ok(())
        }
    }
}

fn read_password() -> anyhow::Result<String> {
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line)?;
    let password = line.trim_end_matches(['\r', '\n']).to_string();
    if password.is_empty() {
        anyhow::bail!("no password on standard input (give it as one line)");
    }
    Ok(password)
}

fn print_login(login: &Option<quorum::demo::DemoLogin>) {
    match login {
        Some(l) => {
            println!("staff login: {}", l.email);
            println!("password:    {}", l.password);
        }
        None => println!("the demo staff account existed already; its password is unchanged"),
    }
}

fn serve(settings: Settings, demo: bool) -> anyhow::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        let app = quorum::startup::Application::build(settings.clone()).await?;
        if demo {
            let pool = app.pool();
            let base_url = settings.base_url.clone();
            let login = tokio::task::spawn_blocking(move || -> anyhow::Result<_> {
                let mut conn = pool.get()?;
                quorum::demo::load_if_empty(&mut conn, &base_url)
            })
            .await??;
            if let Some(login) = login {
                println!("demo data loaded");
                print_login(&Some(login));
            }
        }
        println!(
            "Quorum is listening on http://127.0.0.1:{} ({})",
            app.port(),
            settings.base_url
        );
        app.run_until_stopped().await
    })
}

//! `codefellow serve` (the web platform on the data directory's SQLite file, or a PostgreSQL server) and
//! `codefellow admin create` (an administrator from the terminal, instead of the setup link).

use crate::data_dir::DataDir;
use anyhow::{bail, Context, Result};
use std::io::Write;
use std::net::SocketAddr;

#[derive(clap::Args)]
pub struct ServeArgs {
    /// Address and port to listen on.
    #[arg(long, env = "CODEFELLOW_LISTEN", default_value = "127.0.0.1:8080")]
    pub listen: SocketAddr,
    /// The database: sqlite://PATH, or postgres://USER:PASSWORD@HOST:PORT/DB for several app servers. By default a
    /// SQLite file in the data directory (codefellow.db).
    #[arg(long, env = "CODEFELLOW_DATABASE")]
    pub database: Option<String>,
    /// The address people reach the server at, for the setup link (e.g. https://coding.example.org).
    #[arg(long, env = "CODEFELLOW_PUBLIC_URL")]
    pub public_url: Option<String>,
    /// Send the session cookie over plain HTTP too (a LAN without TLS). Browsers send `Secure` cookies to
    /// http://localhost anyway, so this is only for other plain-HTTP addresses.
    #[arg(long, env = "CODEFELLOW_INSECURE_COOKIES")]
    pub insecure_cookies: bool,
}

#[derive(clap::Subcommand)]
pub enum AdminCommand {
    /// Create an administrator (asks for the password, or reads it from CODEFELLOW_ADMIN_PASSWORD).
    Create {
        #[arg(long)]
        username: String,
        #[arg(long)]
        name: Option<String>,
        /// The database, as for `serve`.
        #[arg(long, env = "CODEFELLOW_DATABASE")]
        database: Option<String>,
    },
}

fn database(data: &DataDir, given: Option<String>) -> Result<String> {
    match given {
        Some(d) => Ok(d),
        None => {
            std::fs::create_dir_all(data.root()).with_context(|| format!("creating the data directory {}", data.root().display()))?;
            Ok(format!("sqlite://{}", data.root().join("codefellow.db").display()))
        }
    }
}

fn runtime() -> Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_multi_thread().enable_all().build().context("starting the async runtime")
}

pub fn serve(args: ServeArgs, data: &DataDir) -> Result<()> {
    let library = data.load()?;
    let cases = crate::cases_cmd::library(data)?.into_iter().flat_map(|(_, p)| p.cases).collect();
    let ncci = data.ncci()?;
    let settings = web::Settings { database: database(data, args.database)?, listen: args.listen, public_url: args.public_url, secure_cookies: !args.insecure_cookies };
    let engines = web::Engines { library, cases, ncci, config: audit::Config::default(), benchmarks: progress::Benchmarks::default() };
    runtime()?.block_on(web::serve(settings, std::sync::Arc::new(engines))).map_err(|e| anyhow::anyhow!("{e}"))
}

pub fn admin(cmd: AdminCommand, data: &DataDir, out: &mut impl Write) -> Result<()> {
    let AdminCommand::Create { username, name, database: db } = cmd;
    web::auth::check_username(&username).map_err(|e| anyhow::anyhow!("{e}"))?;
    let password = match std::env::var("CODEFELLOW_ADMIN_PASSWORD") {
        Ok(p) => p,
        Err(_) => {
            write!(out, "Password for {username} (at least {} characters, shown as you type): ", web::auth::MIN_PASSWORD)?;
            out.flush()?;
            let mut line = String::new();
            std::io::stdin().read_line(&mut line).context("reading the password")?;
            line.trim_end_matches(['\r', '\n']).to_string()
        }
    };
    web::auth::check_password(&password, None).map_err(|e| anyhow::anyhow!("{e}"))?;
    let hash = web::auth::hash_password(&password).map_err(|e| anyhow::anyhow!("{e}"))?;
    let url = database(data, db)?;
    let user = runtime()?.block_on(async {
        let store = store::Store::open(&url).await?;
        let new = store::NewUser { username: &username, display_name: name.as_deref().unwrap_or(&username), role: store::Role::Admin, password_hash: &hash };
        let u = store.create_user(&new, web::auth::now_ms()).await;
        store.close().await;
        u
    });
    match user {
        Ok(u) => writeln!(out, "created the administrator {} (id {})", u.username, u.id)?,
        Err(store::StoreError::Conflict(what)) => bail!("{what} is taken: choose another username"),
        Err(e) => return Err(e).context("creating the administrator"),
    }
    Ok(())
}

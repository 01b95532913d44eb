//! `cradle-server`: serves the API on 127.0.0.1:8080 with an embedded
//! SQLite database in `./data` unless told otherwise.

use clap::Parser;
use cradle_server::{Config, app, limits, openapi_json, store};
use std::net::SocketAddr;
use std::path::PathBuf;
use tokio::net::TcpListener;

#[derive(Parser)]
#[command(name = "cradle-server", version, about = "Cradle's reference REST API")]
struct Args {
    /// Address to listen on; port 0 picks a free port
    #[arg(long, default_value = "127.0.0.1:8080", env = "CRADLE_LISTEN")]
    listen: SocketAddr,
    /// Write the bound address to this file once listening (for tests and scripts)
    #[arg(long)]
    addr_file: Option<PathBuf>,
    /// Folder of the embedded SQLite database
    #[arg(long, default_value = "data", env = "CRADLE_DATA_DIR")]
    data_dir: PathBuf,
    /// Use PostgreSQL instead (postgres://user@host/db), for several server processes
    #[arg(long, env = "CRADLE_DATABASE_URL", hide_env_values = true)]
    database_url: Option<String>,
    /// Requests per second per client address
    #[arg(long, default_value_t = Config::default().rate_per_ip)]
    rate_per_ip: u32,
    /// Requests per second per account
    #[arg(long, default_value_t = Config::default().rate_per_account)]
    rate_per_account: u32,
    /// Days a session lasts
    #[arg(long, default_value_t = Config::default().session_days)]
    session_days: i64,
    /// The shop operators' bearer token for /v1/admin (none: admin is off)
    #[arg(long, env = "CRADLE_ADMIN_TOKEN", hide_env_values = true)]
    admin_token: Option<String>,
    /// How many demo products a new database starts with (more than the
    /// demo catalogue's own are numbered copies, for load tests)
    #[arg(long, default_value_t = cradle_server::catalog::demo::size())]
    demo_products: usize,
    /// Serve /v1/sandbox (fulfilment and returns move on request; demos and tests only)
    #[arg(long)]
    sandbox: bool,
    /// Print the OpenAPI document and exit
    #[arg(long)]
    print_openapi: bool,
}

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let args = Args::parse();
    if args.print_openapi {
        print!("{}", openapi_json());
        return std::process::ExitCode::SUCCESS;
    }
    tracing_subscriber::fmt()
        .json()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into()),
        )
        .init();
    match serve(args).await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            tracing::error!(error = %e, "server stopped");
            std::process::ExitCode::FAILURE
        }
    }
}

async fn serve(args: Args) -> Result<(), Box<dyn std::error::Error>> {
    let store = match &args.database_url {
        Some(url) => store::Store::Postgres(
            store::PostgresStore::open(url, args.demo_products)
                .await
                .map_err(|e| format!("cannot open the database: {e:?}"))?,
        ),
        None => {
            std::fs::create_dir_all(&args.data_dir)?;
            store::Store::Sqlite(
                store::SqliteStore::open(
                    &args.data_dir.join("cradle-server.db"),
                    args.demo_products,
                )
                .map_err(|e| format!("cannot open the database: {e:?}"))?,
            )
        }
    };
    let config = Config {
        session_days: args.session_days,
        rate_per_ip: args.rate_per_ip,
        rate_per_account: args.rate_per_account,
        admin_token: args.admin_token.clone(),
        sandbox: args.sandbox,
    };
    let state = cradle_server::AppState {
        store,
        limits: limits::Limits::new(config.rate_per_ip, config.rate_per_account),
        config,
    };
    let listener = TcpListener::bind(args.listen).await?;
    let addr = listener.local_addr()?;
    if let Some(path) = &args.addr_file {
        // Written whole then renamed, so a reader never sees half an address.
        let tmp = path.with_extension("tmp");
        std::fs::write(&tmp, addr.to_string())?;
        std::fs::rename(&tmp, path)?;
    }
    tracing::info!(%addr, "listening");
    axum::serve(
        listener,
        app(state).into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await?;
    tracing::info!("shut down cleanly");
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { () = ctrl_c => {}, () = term => {} }
}

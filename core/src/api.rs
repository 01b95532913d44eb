//! The REST API's wire types and the HTTP client the core uses to reach
//! `cradle-server`. Shared with the server crate so both ends agree on one
//! definition.

use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};
use std::time::Duration;

/// `GET /healthz`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Health {
    pub status: String,
    /// The server build's version.
    pub version: String,
}

/// A client for one server. Cheap to clone; reuses connections.
#[derive(Debug, Clone)]
pub struct Client {
    base: reqwest::Url,
    http: reqwest::Client,
}

impl Client {
    pub fn new(base_url: &str) -> Result<Self> {
        let mut base = reqwest::Url::parse(base_url.trim())
            .map_err(|_| Error::invalid("server_url", "must be an absolute http(s) URL"))?;
        if !matches!(base.scheme(), "http" | "https") || base.host().is_none() {
            return Err(Error::invalid(
                "server_url",
                "must be an absolute http(s) URL",
            ));
        }
        if !base.path().ends_with('/') {
            let path = format!("{}/", base.path());
            base.set_path(&path);
        }
        let http = reqwest::Client::builder()
            .connect_timeout(Duration::from_secs(10))
            .timeout(Duration::from_secs(30))
            .build()
            .map_err(|_| Error::Network("could not start the HTTP client".into()))?;
        Ok(Self { base, http })
    }

    pub async fn health(&self) -> Result<Health> {
        let url = self
            .base
            .join("healthz")
            .map_err(|_| Error::invalid("server_url", "must be an absolute http(s) URL"))?;
        let response = self.http.get(url).send().await?;
        let status = response.status();
        if !status.is_success() {
            return Err(Error::Server {
                status: status.as_u16(),
            });
        }
        Ok(response.json::<Health>().await?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_absolute_http_urls_are_accepted() {
        for bad in ["", "localhost:8080", "ftp://x.example", "/v1", "http://"] {
            let e = Client::new(bad).unwrap_err();
            assert!(
                matches!(
                    e,
                    Error::Invalid {
                        field: "server_url",
                        ..
                    }
                ),
                "{bad}"
            );
        }
        let c = Client::new("http://127.0.0.1:8080/api").unwrap();
        assert_eq!(c.base.as_str(), "http://127.0.0.1:8080/api/");
    }

    #[tokio::test]
    async fn an_unreachable_server_is_a_network_error() {
        // A port that was just free: nothing listens there now.
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        drop(listener);
        let c = Client::new(&format!("http://127.0.0.1:{port}")).unwrap();
        let e = c.health().await.unwrap_err();
        assert!(matches!(e, Error::Network(_)), "{e:?}");
    }
}

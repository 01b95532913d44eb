//! The HTTP client the device uses to reach `cradle-server`, over the wire
//! types of `cradle-protocol`, which the server uses too. The shop and sync
//! call the server through it; nothing here stores anything.

pub use cradle_protocol::cart;
pub use cradle_protocol::cart::{Cart, CartChange, CartLine, CartOp, CartOps};
pub use cradle_protocol::wire::*;

use cradle_store::error::{Error, Result};
use reqwest::{Method, StatusCode, header};
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::time::Duration;

/// Why a call failed, as the sync engine needs it: retry, back off, sign
/// in again, or give up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiError {
    /// No answer: refused, reset, timed out, or not HTTP at all.
    Network(&'static str),
    /// The server answered with an error status.
    Status {
        status: u16,
        /// The body's `error` code, or `unexpected_response` when the body
        /// was not ours (a captive portal's page, say).
        code: String,
        retry_after: Option<Duration>,
    },
}

impl ApiError {
    pub fn status(&self) -> Option<u16> {
        match self {
            ApiError::Status { status, .. } => Some(*status),
            ApiError::Network(_) => None,
        }
    }

    /// Worth trying again later: no answer, overload, a server fault, or
    /// something other than our server answering (a captive portal).
    pub fn is_transient(&self) -> bool {
        match self {
            ApiError::Network(_) => true,
            ApiError::Status { status, code, .. } => {
                *status == 429 || *status >= 500 || code == "unexpected_response"
            }
        }
    }
}

impl From<reqwest::Error> for ApiError {
    fn from(e: reqwest::Error) -> Self {
        // reqwest's Display can include the full URL with query; keep the kind only.
        ApiError::Network(if e.is_timeout() {
            "timed out"
        } else if e.is_connect() {
            "connection failed"
        } else if e.is_decode() {
            "unexpected response"
        } else {
            "request failed"
        })
    }
}

impl From<ApiError> for Error {
    fn from(e: ApiError) -> Self {
        match e {
            ApiError::Network(kind) => Error::Network(kind.to_owned()),
            ApiError::Status { status: 401, .. } => Error::SignInRequired,
            ApiError::Status { status, .. } => Error::Server { status },
        }
    }
}

/// A client for one server. Cheap to clone; reuses connections.
#[derive(Debug, Clone)]
pub struct Client {
    base: reqwest::Url,
    http: reqwest::Client,
}

impl Client {
    pub fn new(base_url: &str) -> Result<Self> {
        Self::with_timeout(base_url, Duration::from_secs(30))
    }

    /// A client whose requests give up after `timeout`.
    pub fn with_timeout(base_url: &str, timeout: Duration) -> Result<Self> {
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
            .connect_timeout(timeout.min(Duration::from_secs(10)))
            .timeout(timeout)
            .build()
            .map_err(|_| Error::Network("could not start the HTTP client".into()))?;
        Ok(Self { base, http })
    }

    /// The server's address, as given.
    pub fn base_url(&self) -> &str {
        self.base.as_str()
    }

    pub async fn health(&self) -> Result<Health> {
        Ok(self.call(Method::GET, "healthz", None, None::<&()>).await?)
    }

    pub async fn register(&self, body: &Register) -> Result<Registered, ApiError> {
        self.call(Method::POST, "v1/accounts", None, Some(body))
            .await
    }

    pub async fn login(&self, body: &Login) -> Result<Session, ApiError> {
        self.call(Method::POST, "v1/sessions", None, Some(body))
            .await
    }

    /// Ends this device's session.
    pub async fn logout(&self, token: &str) -> Result<(), ApiError> {
        self.call_empty(Method::DELETE, "v1/sessions/current", token, None::<&()>)
            .await
    }

    /// Ends every session of the account, this one included.
    pub async fn logout_all(&self, token: &str) -> Result<(), ApiError> {
        self.call_empty(Method::DELETE, "v1/sessions", token, None::<&()>)
            .await
    }

    /// Erases the account and everything the server holds for it.
    pub async fn delete_account(&self, token: &str, body: &DeleteAccount) -> Result<(), ApiError> {
        self.call_empty(Method::DELETE, "v1/account", token, Some(body))
            .await
    }

    pub async fn push(&self, token: &str, body: &PushRequest) -> Result<PushResponse, ApiError> {
        self.call(Method::POST, "v1/sync/push", Some(token), Some(body))
            .await
    }

    pub async fn pull(
        &self,
        token: &str,
        client_id: &str,
        cursor: Option<&str>,
        acked: u64,
        limit: u32,
    ) -> Result<PullResponse, ApiError> {
        let mut path = format!("v1/sync/pull?client_id={client_id}&limit={limit}&acked={acked}");
        if let Some(c) = cursor {
            path.push_str("&cursor=");
            path.push_str(c);
        }
        self.call(Method::GET, &path, Some(token), None::<&()>)
            .await
    }

    /// Reprices the cart and lists what she should see before confirming.
    pub async fn validate_cart(
        &self,
        token: &str,
        body: &ValidateCart,
    ) -> Result<Validation, ApiError> {
        self.call(Method::POST, "v1/carts/validate", Some(token), Some(body))
            .await
    }

    /// Places the order `id` (the Idempotency-Key); a retry gets the same order.
    pub async fn place_order(
        &self,
        token: &str,
        id: &str,
        body: &PlaceOrder,
    ) -> Result<Order, ApiError> {
        let response = self
            .request(Method::POST, "v1/orders", Some(token))?
            .header("Idempotency-Key", id)
            .json(body)
            .send()
            .await?;
        let status = response.status();
        if !status.is_success() {
            return Err(status_error(status, response).await);
        }
        let bytes = response.bytes().await?;
        parse(&bytes)
    }

    /// Pays an order through the server's payment provider.
    pub async fn pay_order(&self, token: &str, id: &str) -> Result<Order, ApiError> {
        self.call(
            Method::POST,
            &format!("v1/orders/{id}/pay"),
            Some(token),
            None::<&()>,
        )
        .await
    }

    /// Cancels an order that has not shipped; a paid one is refunded.
    pub async fn cancel_order(&self, token: &str, id: &str) -> Result<Order, ApiError> {
        self.call(
            Method::POST,
            &format!("v1/orders/{id}/cancel"),
            Some(token),
            None::<&()>,
        )
        .await
    }

    pub async fn request_return(
        &self,
        token: &str,
        order_id: &str,
        body: &ReturnRequest,
    ) -> Result<Order, ApiError> {
        self.call(
            Method::POST,
            &format!("v1/orders/{order_id}/returns"),
            Some(token),
            Some(body),
        )
        .await
    }

    pub async fn complain(
        &self,
        token: &str,
        order_id: &str,
        body: &ComplaintRequest,
    ) -> Result<Order, ApiError> {
        self.call(
            Method::POST,
            &format!("v1/orders/{order_id}/complaints"),
            Some(token),
            Some(body),
        )
        .await
    }

    /// The account's cart.
    pub async fn cart(&self, token: &str) -> Result<Cart, ApiError> {
        self.call(Method::GET, "v1/cart", Some(token), None::<&()>)
            .await
    }

    /// Sends her cart changes, in order; answers with the cart after them.
    pub async fn change_cart(&self, token: &str, body: &CartOps) -> Result<Cart, ApiError> {
        self.call(Method::POST, "v1/cart", Some(token), Some(body))
            .await
    }

    pub async fn orders(&self, token: &str) -> Result<OrderList, ApiError> {
        self.call(Method::GET, "v1/orders", Some(token), None::<&()>)
            .await
    }

    /// Catalogue products changed after `since`, with the response's ETag;
    /// `None` when the server answers 304 to `etag` (nothing changed).
    pub async fn catalog(
        &self,
        epoch: Option<&str>,
        since: u64,
        limit: u32,
        etag: Option<&str>,
    ) -> Result<Option<(CatalogPage, Option<String>)>, ApiError> {
        let mut path = format!("v1/catalog?since={since}&limit={limit}");
        if let Some(e) = epoch {
            path.push_str("&epoch=");
            path.push_str(e);
        }
        let mut req = self.request(Method::GET, &path, None)?;
        if let Some(tag) = etag {
            req = req.header(header::IF_NONE_MATCH, tag);
        }
        let response = req.send().await?;
        let status = response.status();
        if status == StatusCode::NOT_MODIFIED {
            return Ok(None);
        }
        if !status.is_success() {
            return Err(status_error(status, response).await);
        }
        let tag = response
            .headers()
            .get(header::ETAG)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let bytes = response.bytes().await?;
        let page = parse(&bytes)?;
        Ok(Some((page, tag)))
    }

    fn request(
        &self,
        method: Method,
        path: &str,
        token: Option<&str>,
    ) -> Result<reqwest::RequestBuilder, ApiError> {
        let url = self
            .base
            .join(path)
            .map_err(|_| ApiError::Network("bad request path"))?;
        let mut req = self.http.request(method, url);
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        Ok(req)
    }

    async fn send<B: Serialize>(
        &self,
        method: Method,
        path: &str,
        token: Option<&str>,
        body: Option<&B>,
    ) -> Result<reqwest::Response, ApiError> {
        let mut req = self.request(method, path, token)?;
        if let Some(b) = body {
            req = req.json(b);
        }
        let response = req.send().await?;
        let status = response.status();
        if status.is_success() {
            return Ok(response);
        }
        Err(status_error(status, response).await)
    }

    async fn call<T: DeserializeOwned, B: Serialize>(
        &self,
        method: Method,
        path: &str,
        token: Option<&str>,
        body: Option<&B>,
    ) -> Result<T, ApiError> {
        let response = self.send(method, path, token, body).await?;
        let bytes = response.bytes().await?;
        parse(&bytes)
    }

    async fn call_empty<B: Serialize>(
        &self,
        method: Method,
        path: &str,
        token: &str,
        body: Option<&B>,
    ) -> Result<(), ApiError> {
        self.send(method, path, Some(token), body).await.map(drop)
    }
}

/// A 200 that is not our JSON (a captive portal answering for the server)
/// is an unexpected response, never data. Read as text, like every other
/// JSON the device parses, so each type's parser is compiled once.
fn parse<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    std::str::from_utf8(bytes)
        .ok()
        .and_then(|text| serde_json::from_str(text).ok())
        .ok_or_else(|| ApiError::Status {
            status: 200,
            code: "unexpected_response".into(),
            retry_after: None,
        })
}

async fn status_error(status: StatusCode, response: reqwest::Response) -> ApiError {
    let retry_after = response
        .headers()
        .get(header::RETRY_AFTER)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok())
        .map(Duration::from_secs);
    let code = match response.json::<ErrorBody>().await {
        Ok(body) => body.error,
        Err(_) => "unexpected_response".into(),
    };
    ApiError::Status {
        status: status.as_u16(),
        code,
        retry_after,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_body_that_is_not_our_json_is_an_unexpected_response() {
        let page: Vec<u32> = parse(b"[1, 2]").unwrap();
        assert_eq!(page, [1, 2]);
        for body in [
            &b"<html>Sign in to the Wi-Fi</html>"[..],
            b"\xff\xfe[1]",
            b"",
        ] {
            let e = parse::<Vec<u32>>(body).unwrap_err();
            assert!(
                matches!(&e, ApiError::Status { status: 200, code, .. } if code == "unexpected_response"),
                "{e:?}"
            );
        }
    }

    #[test]
    fn server_addresses_are_ascii_hosts_or_ips() {
        // International domain names are left out of the phone library
        // (client/Cargo.toml): such an address is refused, not mangled.
        assert!(Client::new("https://api.cradle.example").is_ok());
        assert!(Client::new("http://127.0.0.1:8080").is_ok());
        assert!(Client::new("https://[::1]:8443").is_ok());
        assert!(Client::new("https://摇篮.example").is_err());
    }

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

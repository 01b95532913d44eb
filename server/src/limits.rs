//! Rate limits per client address and per account: a token bucket each
//! (governor). Over the limit is 429 with `Retry-After`. The buckets live in
//! this process; behind a load balancer each process limits on its own.

use crate::error::ApiError;
use axum::http::StatusCode;
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use std::net::IpAddr;
use std::num::NonZeroU32;

pub struct Limits {
    per_ip: DefaultKeyedRateLimiter<IpAddr>,
    per_account: DefaultKeyedRateLimiter<String>,
}

fn quota(per_second: u32) -> Quota {
    let rate = NonZeroU32::new(per_second.max(1)).unwrap_or(NonZeroU32::MIN);
    // A burst of twice the rate absorbs a sync's quick run of batches.
    Quota::per_second(rate)
        .allow_burst(rate.saturating_mul(NonZeroU32::new(2).unwrap_or(NonZeroU32::MIN)))
}

impl Limits {
    pub fn new(per_ip: u32, per_account: u32) -> Self {
        Self {
            per_ip: RateLimiter::keyed(quota(per_ip)),
            per_account: RateLimiter::keyed(quota(per_account)),
        }
    }

    pub fn check_ip(&self, ip: IpAddr) -> Result<(), ApiError> {
        self.per_ip.check_key(&ip).map_err(too_many)
    }

    pub fn check_account(&self, account: &str) -> Result<(), ApiError> {
        self.per_account
            .check_key(&account.to_owned())
            .map_err(too_many)
    }
}

fn too_many(not_until: governor::NotUntil<governor::clock::QuantaInstant>) -> ApiError {
    let wait = not_until.wait_time_from(DefaultClock::default().now());
    ApiError::new(
        StatusCode::TOO_MANY_REQUESTS,
        "rate_limited",
        "too many requests; wait and try again",
    )
    .retry_after(wait.as_secs_f64().ceil() as u64)
}

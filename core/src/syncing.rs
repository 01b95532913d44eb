//! Sync as the facade hands it out (`Cradle::sync`), and what it lends the
//! shop: her account for orders, and the cart merge when a device links.

use crate::Cradle;
use crate::api::Client;
use crate::consent::Purpose;
use crate::error::{Error, Result};
use cradle_sync::{OnLink, SyncClient};

impl Cradle {
    pub fn sync(&self) -> SyncClient<'_> {
        SyncClient::new(
            &self.store,
            &self.sync_engine,
            &self.config.sync,
            &MergeTheCart,
        )
    }
}

/// A device that links to an account brings its cart into the account's.
struct MergeTheCart;

impl OnLink for MergeTheCart {
    fn linked(&self, tx: &rusqlite::Transaction<'_>) -> Result<()> {
        cradle_shop::cart::merge_into_account(tx)
    }
}

/// The shop orders through her account; it knows nothing else of sync.
impl cradle_shop::Account for Cradle {
    fn session(&self) -> Result<(Client, String)> {
        self.require_consent(Purpose::Shop)?;
        let sync = self.sync();
        let link = sync
            .link()?
            .ok_or_else(|| Error::invalid("account", "sign in to order"))?;
        let token = link.token.ok_or(Error::SignInRequired)?;
        Ok((sync.client(&link.server_url)?, token))
    }

    fn client_id(&self) -> Result<String> {
        Ok(self
            .sync()
            .link()?
            .ok_or(Error::NotFound("account"))?
            .client_id)
    }

    fn require(&self) -> Result<()> {
        self.sync()
            .link()?
            .map(|_| ())
            .ok_or_else(|| Error::invalid("account", "sign in to order"))
    }

    fn linked(&self) -> Result<Option<(String, String)>> {
        self.sync().sync_account()
    }
}

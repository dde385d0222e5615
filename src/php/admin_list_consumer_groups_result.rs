//! `RdKafka\Admin\ListConsumerGroupsResult`: what `AdminClient::listConsumerGroups()`
//! returns: the groups listed, and one RdKafka\Exception per broker that could not
//! answer (the groups of the others are still there). Read-only properties.

use ext_php_rs::prelude::*;
use ext_php_rs::types::Zval;

use super::admin_consumer_group_listing::ConsumerGroupListing;
use super::exception::exception_object;
use crate::engine::admin_groups::ConsumerGroupListings;

#[php_class]
#[php(name = "RdKafka\\Admin\\ListConsumerGroupsResult")]
pub struct ListConsumerGroupsResult {
    listings: ConsumerGroupListings,
}

impl ListConsumerGroupsResult {
    pub fn from_engine(listings: ConsumerGroupListings) -> Self {
        Self { listings }
    }
}

#[php_impl]
impl ListConsumerGroupsResult {
    #[php(vis = "private")]
    pub fn __construct() -> PhpResult<Self> {
        Err(super::exception::returned_only("RdKafka\\Admin\\ListConsumerGroupsResult"))
    }

    /// The ConsumerGroupListing objects.
    #[php(getter, name = "valid")]
    pub fn valid_view(&self) -> Vec<ConsumerGroupListing> {
        self.listings.valid.iter().map(ConsumerGroupListing::from_engine).collect()
    }

    /// One RdKafka\Exception (code: RD_KAFKA_RESP_ERR_*) per broker that failed to list its groups.
    #[php(getter, name = "errors")]
    pub fn errors_view(&self) -> Vec<Zval> {
        // Making an exception object fails only if PHP is out of memory; a null marks that slot.
        self.listings.errors.iter().map(|error| exception_object(error).unwrap_or_default()).collect()
    }
}

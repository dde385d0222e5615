//! `RdKafka\Admin\ConsumerGroupListing`: one group of `AdminClient::listConsumerGroups()`.
//! Read-only properties, shown by var_dump().

use ext_php_rs::prelude::*;

use crate::engine::admin_groups;

#[php_class]
#[php(name = "RdKafka\\Admin\\ConsumerGroupListing")]
pub struct ConsumerGroupListing {
    listing: admin_groups::ConsumerGroupListing,
}

impl ConsumerGroupListing {
    pub fn from_engine(listing: &admin_groups::ConsumerGroupListing) -> Self {
        Self { listing: listing.clone() }
    }
}

#[php_impl]
impl ConsumerGroupListing {
    #[php(vis = "private")]
    pub fn __construct() -> PhpResult<Self> {
        Err(super::exception::returned_only("RdKafka\\Admin\\ConsumerGroupListing"))
    }

    #[php(getter, name = "group_id")]
    pub fn group_id_view(&self) -> String {
        self.listing.group_id.clone()
    }

    #[php(getter, name = "is_simple_consumer_group")]
    pub fn is_simple_consumer_group_view(&self) -> bool {
        self.listing.is_simple_consumer_group
    }

    /// RD_KAFKA_CONSUMER_GROUP_STATE_*
    #[php(getter, name = "state")]
    pub fn state_view(&self) -> i64 {
        i64::from(self.listing.state)
    }

    /// RD_KAFKA_CONSUMER_GROUP_TYPE_*
    #[php(getter, name = "type")]
    pub fn type_view(&self) -> i64 {
        i64::from(self.listing.group_type)
    }
}

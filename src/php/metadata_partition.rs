//! `RdKafka\Metadata\Partition`.

use ext_php_rs::prelude::*;
use ext_php_rs::types::Zval;

use super::exception::exception;
use super::metadata_collection::Collection;
use super::zval::long_zval;
use crate::engine::metadata::PartitionMetadata;

#[php_class]
#[php(name = "RdKafka\\Metadata\\Partition")]
pub struct Partition {
    partition: PartitionMetadata,
}

impl Partition {
    pub fn into_php(partition: PartitionMetadata) -> PhpResult<Zval> {
        super::zval::to_zval(Self { partition })
    }
}

impl super::debug_info::DebugView for Partition {
    fn debug_view(&self) -> ext_php_rs::boxed::ZBox<ext_php_rs::types::ZendHashTable> {
        let count = |ids: &[i32]| long_zval(i64::try_from(ids.len()).unwrap_or(i64::MAX));
        super::debug_info::named(vec![
            ("id", long_zval(i64::from(self.partition.id))),
            ("err", long_zval(i64::from(self.partition.err))),
            ("leader", long_zval(i64::from(self.partition.leader))),
            ("replica_cnt", count(&self.partition.replicas)),
            ("isr_cnt", count(&self.partition.isrs)),
        ])
    }
}

/// Broker ids as php-rdkafka returns them: a `Metadata\Collection` of ints.
fn broker_ids(ids: &[i32]) -> PhpResult<Collection> {
    Collection::of(ids.iter().map(|id| Ok(long_zval(i64::from(*id)))))
}

#[php_impl]
impl Partition {
    #[php(vis = "private")]
    pub fn __construct() -> PhpResult<Self> {
        Err(exception("RdKafka\\Metadata\\Partition is returned by getMetadata() and cannot be created directly", 0))
    }

    pub fn get_id(&self) -> i64 {
        i64::from(self.partition.id)
    }

    pub fn get_err(&self) -> i64 {
        i64::from(self.partition.err)
    }

    /// The id of the leader broker, -1 if none.
    pub fn get_leader(&self) -> i64 {
        i64::from(self.partition.leader)
    }

    /// Ids of the brokers holding a replica.
    pub fn get_replicas(&self) -> PhpResult<Collection> {
        broker_ids(&self.partition.replicas)
    }

    /// Ids of the in-sync replicas.
    pub fn get_isrs(&self) -> PhpResult<Collection> {
        broker_ids(&self.partition.isrs)
    }
}

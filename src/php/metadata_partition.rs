//! `RdKafka\Metadata\Partition`.

use ext_php_rs::boxed::ZBox;
use ext_php_rs::prelude::*;
use ext_php_rs::types::{ZendHashTable, Zval};

use super::exception::exception;
use super::zval::{list, long_zval};
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

fn broker_ids(ids: &[i32]) -> PhpResult<ZBox<ZendHashTable>> {
    list(ids.iter().map(|id| long_zval(i64::from(*id))).collect())
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
    pub fn get_replicas(&self) -> PhpResult<ZBox<ZendHashTable>> {
        broker_ids(&self.partition.replicas)
    }

    /// Ids of the in-sync replicas.
    pub fn get_isrs(&self) -> PhpResult<ZBox<ZendHashTable>> {
        broker_ids(&self.partition.isrs)
    }
}

//! `RdKafka\Mock\Cluster` [new]: librdkafka's in-process mock Kafka cluster,
//! so tests (ours and users') need no broker install.

use ext_php_rs::prelude::*;

use super::exception::{guard, OrThrow};
use super::zval::{PhpInt, PhpString};
use crate::engine;

#[php_class]
#[php(name = "RdKafka\\Mock\\Cluster")]
pub struct Cluster {
    engine: engine::MockCluster,
}

fn to_broker_id(id: i64) -> PhpResult<i32> {
    i32::try_from(id).map_err(|_| super::exception::value_error(format!("Broker id {id} is out of range")))
}

#[php_impl]
impl Cluster {
    #[php(defaults(brokers = 1))]
    pub fn __construct(brokers: PhpInt) -> PhpResult<Self> {
        let brokers = brokers.0;
        guard(|| {
            let brokers = i32::try_from(brokers).unwrap_or(-1);
            Ok(Self { engine: engine::MockCluster::new(brokers).or_throw()? })
        })
    }

    /// The `host:port,...` list to give clients as `metadata.broker.list`.
    pub fn get_bootstraps(&self) -> String {
        self.engine.bootstraps()
    }

    #[php(defaults(replication_factor = 1))]
    pub fn create_topic(&self, topic: PhpString, partitions: PhpInt, replication_factor: PhpInt) -> PhpResult<()> {
        let (partitions, replication_factor) = (partitions.0, replication_factor.0);
        guard(|| {
            let partitions = i32::try_from(partitions).unwrap_or(-1);
            let replication = i32::try_from(replication_factor).unwrap_or(-1);
            self.engine.create_topic(topic.as_str(), partitions, replication).or_throw()
        })
    }

    pub fn set_broker_down(&self, broker_id: PhpInt) -> PhpResult<()> {
        guard(|| self.engine.set_broker_down(to_broker_id(broker_id.0)?).or_throw())
    }

    pub fn set_broker_up(&self, broker_id: PhpInt) -> PhpResult<()> {
        guard(|| self.engine.set_broker_up(to_broker_id(broker_id.0)?).or_throw())
    }

    /// Adds `rtt_ms` of round-trip delay to one broker.
    pub fn set_rtt(&self, broker_id: PhpInt, rtt_ms: PhpInt) -> PhpResult<()> {
        guard(|| {
            let rtt = std::time::Duration::from_millis(u64::try_from(rtt_ms.0).unwrap_or(0));
            self.engine.set_rtt(to_broker_id(broker_id.0)?, rtt).or_throw()
        })
    }
}

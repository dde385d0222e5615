//! `RdKafka\Mock\Cluster` [new]: librdkafka's in-process mock Kafka cluster,
//! so tests (ours and users') need no broker install.

use ext_php_rs::prelude::*;

use ext_php_rs::boxed::ZBox;
use ext_php_rs::types::ZendHashTable;

use super::exception::{guard, type_error, value_error, OrThrow};
use super::zval::{type_name, PhpInt, PhpString};
use crate::engine;

#[php_class]
#[php(name = "RdKafka\\Mock\\Cluster")]
pub struct Cluster {
    engine: engine::MockCluster,
}

fn to_i32(what: &str, value: i64) -> PhpResult<i32> {
    i32::try_from(value).map_err(|_| value_error(format!("{what} {value} is out of range")))
}

fn to_broker_id(id: i64) -> PhpResult<i32> {
    to_i32("Broker id", id)
}

fn to_api_key(api_key: i64) -> PhpResult<i16> {
    i16::try_from(api_key)
        .ok()
        .filter(|key| *key >= 0)
        .ok_or_else(|| value_error(format!("API key {api_key} is out of range: use Kafka's API key numbers (0 Produce, 1 Fetch, 3 Metadata, ...)")))
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

    /// The next requests of API `api_key` (Kafka's number: 0 Produce, 1 Fetch, 3 Metadata,
    /// 8 OffsetCommit, ...) fail with these error codes, one each, in order; 0 lets one through.
    pub fn push_request_errors(&self, api_key: PhpInt, errors: &ZendHashTable) -> PhpResult<()> {
        guard(|| {
            let api_key = to_api_key(api_key.0)?;
            let codes = super::zval::entries(errors)
                .map(|(index, value)| {
                    value.long().and_then(|code| i32::try_from(code).ok()).ok_or_else(|| {
                        type_error(format!("RdKafka\\Mock\\Cluster::pushRequestErrors(): error {index} must be an error code (int), {} given", type_name(value)))
                    })
                })
                .collect::<PhpResult<Vec<i32>>>()?;
            self.engine.push_request_errors(api_key, &codes).or_throw()
        })
    }

    /// Forgets the errors pushed for `api_key` and not used yet.
    pub fn clear_request_errors(&self, api_key: PhpInt) -> PhpResult<()> {
        guard(|| {
            self.engine.clear_request_errors(to_api_key(api_key.0)?);
            Ok(())
        })
    }

    /// Every metadata answer for the topic carries this error (`RD_KAFKA_RESP_ERR_NO_ERROR` clears it).
    pub fn set_topic_error(&self, topic: PhpString, error: PhpInt) -> PhpResult<()> {
        guard(|| self.engine.set_topic_error(topic.as_str(), to_i32("Error code", error.0)?).or_throw())
    }

    /// Moves a partition's leadership to another broker (-1: no leader).
    pub fn set_partition_leader(&self, topic: PhpString, partition: PhpInt, broker_id: PhpInt) -> PhpResult<()> {
        guard(|| {
            let partition = to_i32("Partition", partition.0)?;
            self.engine.set_partition_leader(topic.as_str(), partition, to_broker_id(broker_id.0)?).or_throw()
        })
    }

    /// The broker consumers with `client.rack` (fetch from follower) are sent to.
    pub fn set_partition_follower(&self, topic: PhpString, partition: PhpInt, broker_id: PhpInt) -> PhpResult<()> {
        guard(|| {
            let partition = to_i32("Partition", partition.0)?;
            self.engine.set_partition_follower(topic.as_str(), partition, to_broker_id(broker_id.0)?).or_throw()
        })
    }

    /// Records every request the brokers receive from now on, for getRequests().
    pub fn start_request_tracking(&self) {
        self.engine.start_request_tracking();
    }

    /// Stops recording; what was recorded stays until clearRequests().
    pub fn stop_request_tracking(&self) {
        self.engine.stop_request_tracking();
    }

    /// Forgets the recorded requests.
    pub fn clear_requests(&self) {
        self.engine.clear_requests();
    }

    /// The recorded requests, oldest first: `['broker_id' => int, 'api_key' => int,
    /// 'timestamp_us' => int]` each. Every new connection starts with ApiVersions
    /// (API key 18), so counting those counts the connections clients opened.
    pub fn get_requests(&self) -> PhpResult<Vec<ZBox<ZendHashTable>>> {
        self.engine
            .requests()
            .into_iter()
            .map(|request| {
                let mut entry = ZendHashTable::new();
                entry.insert("broker_id", i64::from(request.broker_id))?;
                entry.insert("api_key", i64::from(request.api_key))?;
                entry.insert("timestamp_us", request.timestamp_us)?;
                Ok(entry)
            })
            .collect()
    }
}

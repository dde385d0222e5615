//! librdkafka's in-process mock Kafka cluster, for tests without a broker install.

use std::time::Duration;

use rdkafka::mocking::MockCluster as RdMockCluster;
use rdkafka::producer::DefaultProducerContext;

use super::error::{KafkaError, KafkaResult};

/// A mock cluster that lives as long as this value; its brokers listen on
/// 127.0.0.1 so a second process can connect to `bootstraps()`.
pub struct MockCluster {
    inner: RdMockCluster<'static, DefaultProducerContext>,
}

impl MockCluster {
    pub fn new(brokers: i32) -> KafkaResult<Self> {
        if !(1..=64).contains(&brokers) {
            return Err(KafkaError::with_message(-186, format!("A mock cluster needs 1 to 64 brokers, got {brokers}")));
        }
        Ok(Self { inner: RdMockCluster::new(brokers)? })
    }

    pub fn bootstraps(&self) -> String {
        self.inner.bootstrap_servers()
    }

    pub fn create_topic(&self, topic: &str, partitions: i32, replication_factor: i32) -> KafkaResult<()> {
        // librdkafka's mock aborts the process on these instead of returning an error.
        if partitions < 1 || replication_factor < 1 {
            return Err(KafkaError::with_message(
                -186,
                format!("A mock topic needs at least 1 partition and a replication factor of at least 1, got {partitions} and {replication_factor}"),
            ));
        }
        Ok(self.inner.create_topic(topic, partitions, replication_factor)?)
    }

    pub fn set_broker_down(&self, broker_id: i32) -> KafkaResult<()> {
        Ok(self.inner.broker_down(broker_id)?)
    }

    pub fn set_broker_up(&self, broker_id: i32) -> KafkaResult<()> {
        Ok(self.inner.broker_up(broker_id)?)
    }

    pub fn set_rtt(&self, broker_id: i32, rtt: Duration) -> KafkaResult<()> {
        Ok(self.inner.broker_round_trip_time(broker_id, rtt)?)
    }
}

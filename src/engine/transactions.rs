//! Transactions on a producer (`transactional.id` set): thin calls on its
//! handle. Each error keeps librdkafka's fatal / retriable / requires-abort
//! flags, which PHP sees on `RdKafka\KafkaErrorException`.

use std::time::Duration;

use rdkafka_sys as rdsys;

use super::error::{KafkaError, KafkaResult};
use super::producer::{millis, Producer};

impl Producer {
    /// Registers `transactional.id` with the cluster; required once before the first transaction.
    pub fn init_transactions(&self, timeout: Duration) -> KafkaResult<()> {
        // SAFETY: the handle is live for as long as self; a returned error is ours.
        unsafe { KafkaError::check_native(rdsys::rd_kafka_init_transactions(self.handle().rk, millis(timeout))) }
    }

    pub fn begin_transaction(&self) -> KafkaResult<()> {
        // SAFETY: the handle is live for as long as self; a returned error is ours.
        unsafe { KafkaError::check_native(rdsys::rd_kafka_begin_transaction(self.handle().rk)) }
    }

    /// Flushes the transaction's messages, then commits it.
    pub fn commit_transaction(&self, timeout: Duration) -> KafkaResult<()> {
        // SAFETY: the handle is live for as long as self; a returned error is ours.
        unsafe { KafkaError::check_native(rdsys::rd_kafka_commit_transaction(self.handle().rk, millis(timeout))) }
    }

    /// Purges the transaction's messages (reported as failed), then aborts it.
    pub fn abort_transaction(&self, timeout: Duration) -> KafkaResult<()> {
        // SAFETY: the handle is live for as long as self; a returned error is ours.
        unsafe { KafkaError::check_native(rdsys::rd_kafka_abort_transaction(self.handle().rk, millis(timeout))) }
    }
}

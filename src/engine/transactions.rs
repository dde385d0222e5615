//! Transactions on a producer (`transactional.id` set): thin calls on its
//! handle. Each error keeps librdkafka's fatal / retriable / requires-abort
//! flags, which PHP sees on `RdKafka\KafkaErrorException`.

use std::ops::ControlFlow;
use std::sync::atomic::Ordering;
use std::time::Duration;

use rdkafka_sys as rdsys;

use super::client::ClientEvent;
use super::error::{KafkaError, KafkaResult};
use super::producer::{millis, Producer, NO_TRANSACTION};

impl Producer {
    /// Registers `transactional.id` with the cluster; required once before the first transaction.
    pub fn init_transactions(&self, timeout: Duration) -> KafkaResult<()> {
        // SAFETY: the handle is live for as long as self; a returned error is ours.
        unsafe { KafkaError::check_native(rdsys::rd_kafka_init_transactions(self.handle().rk, millis(timeout))) }
    }

    pub fn begin_transaction(&self) -> KafkaResult<()> {
        // SAFETY: the handle is live for as long as self; a returned error is ours.
        unsafe { KafkaError::check_native(rdsys::rd_kafka_begin_transaction(self.handle().rk)) }?;
        self.transaction_began_at.store(self.core().shared().produced(), Ordering::SeqCst);
        Ok(())
    }

    /// Flushes the transaction's messages, then commits it. The delivery reports the
    /// flush collects go to `serve` before this returns, as php-rdkafka runs the
    /// `dr_msg_cb` inside `commitTransaction()`: a loop that never polls must not
    /// find its in-flight bound full of reports nobody took.
    pub fn commit_transaction(&self, timeout: Duration, serve: impl FnMut(ClientEvent) -> ControlFlow<()>) -> KafkaResult<()> {
        let rk = self.handle().rk;
        // SAFETY: the handle is live for as long as self; a returned error is ours.
        self.finish_transaction(serve, || unsafe { KafkaError::check_native(rdsys::rd_kafka_commit_transaction(rk, millis(timeout))) })
    }

    /// Purges the transaction's messages (reported as failed, to `serve` before this
    /// returns), then aborts it.
    pub fn abort_transaction(&self, timeout: Duration, serve: impl FnMut(ClientEvent) -> ControlFlow<()>) -> KafkaResult<()> {
        let rk = self.handle().rk;
        // SAFETY: the handle is live for as long as self; a returned error is ours.
        self.finish_transaction(serve, || unsafe { KafkaError::check_native(rdsys::rd_kafka_abort_transaction(rk, millis(timeout))) })
    }

    fn finish_transaction(
        &self,
        mut serve: impl FnMut(ClientEvent) -> ControlFlow<()>,
        finish: impl FnOnce() -> KafkaResult<()>,
    ) -> KafkaResult<()> {
        self.handle().check_usable()?;
        let result = self.core().flushing_here(finish);
        if result.is_ok() {
            self.transaction_began_at.store(NO_TRANSACTION, Ordering::SeqCst);
        }
        // A callback that throws leaves the rest on the channel for the next poll().
        let _ = self.serve_channel(&mut serve);
        result
    }
}

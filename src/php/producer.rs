//! `RdKafka\Producer`.

use ext_php_rs::prelude::*;
use ext_php_rs::types::ZendClassObject;

use super::callbacks::{direct_delivery, dispatch, reraise_bailout, this_zval, timeout, ClientCallbacks};
use super::client_methods;
use super::metadata::Metadata;
use super::topic::TopicName;
use super::zval::IntOut;
use ext_php_rs::boxed::ZBox;
use ext_php_rs::types::ZendHashTable;
use super::conf::Conf;
use super::exception::{guard, OrThrow, OrThrowKafkaError};
use super::fast_path::{argument, arguments, long, return_long, Fallback};
use ext_php_rs::ffi::{zend_execute_data, zval};
use ext_php_rs::types::Zval;
use ext_php_rs::zend::run_handler;
use std::cell::Cell;
use std::ops::ControlFlow;
use std::panic::AssertUnwindSafe;
use super::kafka::Kafka;
use super::producer_topic::ProducerTopic;
use super::topic_conf::TopicConf;
use super::zval::{ArrayOrEmpty, PhpBool, PhpInt, PhpString};
use crate::engine;
use crate::engine::{ClientEvent, KafkaResult};

#[php_class]
#[php(name = "RdKafka\\Producer")]
#[php(extends(Kafka))]
pub struct Producer {
    engine: engine::Producer,
    callbacks: ClientCallbacks,
    /// `callbacks.any()`, asked by every `poll(0)`.
    any_callback: bool,
}

pub(crate) static POLL: Fallback = Fallback::new();

/// `poll(int)` without the argument allocations of the generated handler (see
/// `fast_path`). Callbacks run under `run_handler`, as in the generated handler,
/// so a fatal error inside one unwinds our frames before PHP bails out.
pub(crate) unsafe extern "C" fn fast_poll(execute_data: *mut zend_execute_data, retval: *mut zval) {
    // SAFETY: PHP passes the frame of this call.
    let Some((frame, _)) = (unsafe { arguments(execute_data, 1, 1) }) else {
        // SAFETY: the same frame and return value, untouched.
        return unsafe { POLL.call(execute_data, retval) };
    };
    // SAFETY: the frame has one argument.
    let timeout_ms = long(unsafe { argument(frame, 0) });
    let producer = frame.This.object().and_then(ZendClassObject::<Producer>::from_zend_obj);
    let (Some(timeout_ms), Some(producer)) = (timeout_ms, producer) else {
        // SAFETY: the same frame and return value, untouched.
        return unsafe { POLL.call(execute_data, retval) };
    };
    if timeout_ms == 0 && !producer.any_callback {
        let served = producer.engine.poll_now_without_callbacks();
        // SAFETY: the return value PHP handed this handler.
        return unsafe { return_long(retval, served as i64) };
    }
    if timeout_ms == 0 && producer.engine.nothing_to_poll_now() {
        // Most poll(0) calls of a produce loop: no callback can run, so none of the
        // set-up below (the bailout guard's setjmp, the callback closures) is needed.
        // SAFETY: the return value PHP handed this handler.
        return unsafe { return_long(retval, 0) };
    }
    let this = frame.This.shallow_clone();
    let poll = || {
        let bailed_out = Cell::new(false);
        let mut deliver = direct_delivery(&producer.callbacks, &this, &bailed_out);
        let served = guard(|| {
            Ok(producer.engine.poll(timeout(timeout_ms), |event| dispatch(&producer.callbacks, &this, event), Some(&mut deliver)))
        });
        reraise_bailout(&bailed_out);
        match served {
            // SAFETY: PHP hands every internal function a writable return value.
            Ok(served) => unsafe { (*retval).set_long(served as i64) },
            Err(error) => error.throw(),
        }
    };
    if producer.any_callback {
        run_handler(AssertUnwindSafe(poll));
    } else {
        // No PHP code runs, so no bailout can cross our frames: skip run_handler's setjmp.
        poll();
    }
}

/// commitTransaction() or abortTransaction(): `end` on the engine, with the events it
/// collects (the transaction's delivery reports) handed to the PHP callbacks.
fn end_transaction(
    self_: &mut ZendClassObject<Producer>,
    end: impl FnOnce(&engine::Producer, &mut dyn FnMut(ClientEvent) -> ControlFlow<()>) -> KafkaResult<()>,
) -> PhpResult<()> {
    let this = this_zval(self_);
    let producer: &Producer = self_;
    guard(|| end(&producer.engine, &mut |event| dispatch(&producer.callbacks, &this, event)).or_throw_kafka_error())
}

impl Drop for Producer {
    /// A producer going away (unset, end of script, exit(), fatal error) first
    /// delivers what it holds for up to `rdkafka_rs.shutdown_flush_ms`, then says what it lost.
    /// A persistent one (`rdkafka_rs.persistent`) flushes for `rdkafka_rs.request_flush_ms`
    /// and parks its handle for the next request, unless the request died of a fatal error.
    fn drop(&mut self) {
        let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let shutdown_flush = super::ini::shutdown_flush();
            self.engine.set_shutdown_flush(shutdown_flush);
            let callbacks = &self.callbacks;
            if self.engine.is_persistent() && !request_failed() {
                let request_flush = super::ini::request_flush();
                let report = self.engine.end_request(request_flush, super::ini::max_persistent_producers(), |event| {
                    super::callbacks::log_only(callbacks, event)
                });
                if report.lost > 0 {
                    super::exception::warning(&format!(
                        "RdKafka\\Producer: {} message(s) of this request could not be delivered (persistent producer, \
                         rdkafka_rs.request_flush_ms={}); call flush() and check the delivery reports to handle failures",
                        report.lost,
                        request_flush.as_millis()
                    ));
                }
                return;
            }
            let report = self.engine.shutdown_serving(shutdown_flush, |event| super::callbacks::log_only(callbacks, event));
            if report.uncommitted > 0 {
                super::exception::warning(&format!(
                    "RdKafka\\Producer: the transaction was not committed, and its {} message(s) will not be read as committed; \
                     commit it with commitTransaction() before the producer goes away",
                    report.uncommitted
                ));
            }
            if report.lost > 0 {
                super::exception::warning(&format!(
                    "RdKafka\\Producer: {} message(s) could not be delivered within rdkafka_rs.shutdown_flush_ms={} and are lost; \
                     call flush() before the producer goes away, or raise rdkafka_rs.shutdown_flush_ms",
                    report.lost,
                    shutdown_flush.as_millis()
                ));
            }
        }));
    }
}

/// Module shutdown: parked persistent producers deliver what they hold within
/// `rdkafka_rs.shutdown_flush_ms`; what they cannot is reported in PHP's error log.
pub fn shut_down_parked_producers() {
    let _ = std::panic::catch_unwind(|| {
        let lost = engine::Producer::shut_down_parked();
        if lost > 0 {
            super::error_log::warn(&format!(
                "rdkafka-rs: {lost} message(s) of persistent producers could not be delivered within rdkafka_rs.shutdown_flush_ms \
                 when the process ended, and are lost; raise rdkafka_rs.shutdown_flush_ms"
            ));
        }
    });
}

/// Whether the request is ending in a fatal error or an uncaught exception
/// (PHP's exit status 255): a persistent handle is then not kept for the next one.
fn request_failed() -> bool {
    ext_php_rs::zend::ExecutorGlobals::get().exit_status == 255
}

impl super::gc::HoldsZvals for Producer {
    fn visit_zvals(&self, visit: &mut dyn FnMut(&Zval)) {
        self.callbacks.zvals().into_iter().for_each(visit);
    }
}

impl Producer {
    /// The handle, for an AdminClient made from this producer.
    pub fn admin_owner(&self) -> std::sync::Arc<dyn crate::engine::topic::ClientOwner> {
        self.engine.owner()
    }

    /// Runs this producer's PHP callback for one event; `Break` if it threw.
    pub fn serve_event(&self, this: &ext_php_rs::types::Zval, event: engine::ClientEvent) -> std::ops::ControlFlow<()> {
        dispatch(&self.callbacks, this, event)
    }
}

#[php_impl]
impl Producer {
    #[php(optional = conf)]
    pub fn __construct(conf: Option<&Conf>) -> PhpResult<Self> {
        guard(|| {
            let callbacks = conf.map(Conf::callbacks).unwrap_or_default();
            let defaults = super::ini::memory_defaults();
            let engine = match conf {
                Some(conf) => conf.with_native(|native| engine::Producer::open(native, &defaults, callbacks.enabled())),
                None => engine::Producer::open(&engine::NativeConf::new(), &defaults, callbacks.enabled()),
            }
            .or_throw()?;
            let any_callback = callbacks.any();
            Ok(Self { engine, callbacks, any_callback })
        })
    }

    /// Registers `transactional.id` with the cluster; throws `RdKafka\KafkaErrorException`.
    pub fn init_transactions(&self, timeout_ms: PhpInt) -> PhpResult<()> {
        guard(|| self.engine.init_transactions(timeout(timeout_ms.0)).or_throw_kafka_error())
    }

    pub fn begin_transaction(&self) -> PhpResult<()> {
        guard(|| self.engine.begin_transaction().or_throw_kafka_error())
    }

    /// Flushes the transaction's messages, then commits; their delivery reports reach
    /// the `dr_msg_cb` before it returns, as with php-rdkafka.
    pub fn commit_transaction(self_: &mut ZendClassObject<Producer>, timeout_ms: PhpInt) -> PhpResult<()> {
        end_transaction(self_, |engine, serve| engine.commit_transaction(timeout(timeout_ms.0), serve))
    }

    /// Purges the transaction's messages (reported as failed, to the `dr_msg_cb` before
    /// it returns), then aborts it.
    pub fn abort_transaction(self_: &mut ZendClassObject<Producer>, timeout_ms: PhpInt) -> PhpResult<()> {
        end_transaction(self_, |engine, serve| engine.abort_transaction(timeout(timeout_ms.0), serve))
    }

    /// Adds brokers (`host:port,...`); returns how many were added.
    pub fn add_brokers(&self, broker_list: PhpString) -> i64 {
        i64::from(self.engine.add_brokers(broker_list.as_str()))
    }

    #[php(optional = topic_conf)]
    pub fn new_topic(
        self_: &mut ZendClassObject<Producer>,
        topic_name: PhpString,
        topic_conf: Option<&TopicConf>,
    ) -> PhpResult<ProducerTopic> {
        let this = this_zval(self_);
        let producer: &Producer = self_;
        guard(|| {
            let native = topic_conf.map(TopicConf::native);
            let topic = producer.engine.new_topic(topic_name.as_str(), native.as_deref()).or_throw()?;
            Ok(ProducerTopic::new(topic, this))
        })
    }

    /// Serves queued events (delivery reports, errors, logs, stats); returns how many.
    pub fn poll(self_: &mut ZendClassObject<Producer>, timeout_ms: PhpInt) -> PhpResult<i64> {
        let this = this_zval(self_);
        let producer: &Producer = self_;
        let bailed_out = Cell::new(false);
        let mut deliver = direct_delivery(&producer.callbacks, &this, &bailed_out);
        let served = guard(|| {
            Ok(producer.engine.poll(timeout(timeout_ms.0), |event| dispatch(&producer.callbacks, &this, event), Some(&mut deliver)) as i64)
        });
        reraise_bailout(&bailed_out);
        served
    }

    /// Waits until every message is delivered (serving events); returns
    /// `RD_KAFKA_RESP_ERR_NO_ERROR` or `RD_KAFKA_RESP_ERR__TIMED_OUT`.
    pub fn flush(self_: &mut ZendClassObject<Producer>, timeout_ms: PhpInt) -> PhpResult<i64> {
        let this = this_zval(self_);
        let producer: &Producer = self_;
        guard(|| Ok(i64::from(producer.engine.flush(timeout(timeout_ms.0), |event| dispatch(&producer.callbacks, &this, event)))))
    }

    /// `RD_KAFKA_PURGE_F_*` flags; purged messages are reported as failed.
    pub fn purge(&self, purge_flags: PhpInt) -> PhpResult<i64> {
        let purge_flags = purge_flags.0;
        let flags = i32::try_from(purge_flags).map_err(|_| super::exception::value_error(format!("Invalid purge flags {purge_flags}")))?;
        Ok(i64::from(self.engine.purge(flags)))
    }

    /// Messages not yet delivered plus events not yet served.
    pub fn get_out_q_len(&self) -> i64 {
        self.engine.out_queue_len()
    }

    /// Alias of getOutQLen().
    pub fn outq_len(&self) -> i64 {
        self.engine.out_queue_len()
    }

    /// Deprecated in php-rdkafka: use the `log_level` property.
    pub fn set_log_level(&self, level: PhpInt) {
        self.engine.set_log_level(i32::try_from(level.0).unwrap_or(i32::MAX));
    }

    /// Deprecated in php-rdkafka: `RD_KAFKA_LOG_PRINT`, `RD_KAFKA_LOG_SYSLOG` or `RD_KAFKA_LOG_SYSLOG_PRINT`.
    pub fn set_logger(&self, logger: PhpInt) -> PhpResult<()> {
        client_methods::set_logger(self.engine.handle(), logger.0)
    }

    /// Hands librdkafka a SASL/OAUTHBEARER token, usually from the token refresh callback.
    #[php(defaults(extensions = ArrayOrEmpty::EMPTY))]
    pub fn oauthbearer_set_token(
        &self,
        token_value: PhpString,
        lifetime_ms: PhpInt,
        principal_name: PhpString,
        extensions: ArrayOrEmpty,
    ) -> PhpResult<()> {
        client_methods::oauthbearer_set_token(self.engine.handle(), token_value.as_str(), lifetime_ms.0, principal_name.as_str(), extensions.0)
    }

    /// Tells librdkafka that no SASL/OAUTHBEARER token could be had.
    pub fn oauthbearer_set_token_failure(&self, error: PhpString) -> PhpResult<()> {
        client_methods::oauthbearer_set_token_failure(self.engine.handle(), error.as_str())
    }

    /// Brokers and topics of the cluster: all topics, the ones this client knows, or `$only_topic`.
    pub fn get_metadata(&self, all_topics: PhpBool, only_topic: Option<TopicName>, timeout_ms: PhpInt) -> PhpResult<Metadata> {
        client_methods::get_metadata(self.engine.handle(), all_topics.0, only_topic, timeout_ms.0)
    }

    /// Deprecated alias of getMetadata().
    pub fn metadata(&self, all_topics: PhpBool, only_topic: Option<TopicName>, timeout_ms: PhpInt) -> PhpResult<Metadata> {
        client_methods::get_metadata(self.engine.handle(), all_topics.0, only_topic, timeout_ms.0)
    }

    /// The controller broker's id, -1 when unknown within the timeout.
    pub fn get_controller_id(&self, timeout_ms: PhpInt) -> PhpResult<i64> {
        client_methods::get_controller_id(self.engine.handle(), timeout_ms.0)
    }

    /// Sets `$low` and `$high` to the partition's watermark offsets.
    pub fn query_watermark_offsets(
        &self,
        topic: PhpString,
        partition: PhpInt,
        low: IntOut<'_>,
        high: IntOut<'_>,
        timeout_ms: PhpInt,
    ) -> PhpResult<()> {
        client_methods::query_watermark_offsets(self.engine.handle(), topic.as_str(), partition.0, low, high, timeout_ms.0)
    }

    /// Offsets for timestamps: each TopicPartition's offset is a timestamp in ms.
    pub fn offsets_for_times(&self, topic_partitions: &ZendHashTable, timeout_ms: PhpInt) -> PhpResult<ZBox<ZendHashTable>> {
        client_methods::offsets_for_times(self.engine.handle(), "RdKafka\\Producer", topic_partitions, timeout_ms.0)
    }

    /// Pauses the partitions; each returned TopicPartition carries its error.
    pub fn pause_partitions(&self, topic_partitions: &ZendHashTable) -> PhpResult<ZBox<ZendHashTable>> {
        client_methods::pause_partitions(self.engine.handle(), "RdKafka\\Producer", topic_partitions)
    }

    /// Resumes paused partitions; each returned TopicPartition carries its error.
    pub fn resume_partitions(&self, topic_partitions: &ZendHashTable) -> PhpResult<ZBox<ZendHashTable>> {
        client_methods::resume_partitions(self.engine.handle(), "RdKafka\\Producer", topic_partitions)
    }
}

//! A topic handle of a consumer (`KafkaConsumerTopic`, `ConsumerTopic`). It holds
//! the client it was made from, so the client outlives every topic handle.

/// What owns a client handle and keeps it alive for the topics made from it.
pub trait ClientOwner: Send + Sync {
    fn client(&self) -> &NativeClient;
}

impl ClientOwner for NativeClient {
    fn client(&self) -> &NativeClient {
        self
    }
}

use std::ffi::CString;
use std::sync::Arc;

use rdkafka_sys as rdsys;

use super::client::NativeClient;
use super::conf::NativeTopicConf;
use super::error::{ERR_INVALID_ARG, KafkaError, KafkaResult};


pub struct NativeTopic {
    owner: Arc<dyn ClientOwner>,
    pub(crate) rkt: *mut rdsys::rd_kafka_topic_t,
    name: String,
}

// SAFETY: librdkafka topic handles are thread-safe and reference counted.
unsafe impl Send for NativeTopic {}
// SAFETY: as above; every method used through &NativeTopic is a thread-safe librdkafka call.
unsafe impl Sync for NativeTopic {}

impl NativeTopic {
    pub(crate) fn new(owner: Arc<dyn ClientOwner>, name: &str, conf: Option<&NativeTopicConf>) -> KafkaResult<Self> {
        let client = owner.client();
        client.check_usable()?;
        let c_name = CString::new(name)
            .map_err(|_| KafkaError::with_message(ERR_INVALID_ARG, "Topic names must not contain a NUL byte"))?;
        let conf = conf.map_or(std::ptr::null_mut(), |conf| conf.duplicate().into_raw());
        // SAFETY: rk is live; librdkafka takes ownership of the (duplicated) conf.
        let rkt = unsafe { rdsys::rd_kafka_topic_new(client.rk, c_name.as_ptr(), conf) };
        if rkt.is_null() {
            return Err(KafkaError::last());
        }
        Ok(Self { owner, rkt, name: name.to_string() })
    }

    pub(crate) fn client(&self) -> &NativeClient {
        self.owner.client()
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    /// Stores a processed message's `offset`: librdkafka commits `offset + 1` (with `enable.auto.offset.store=false`).
    pub fn offset_store(&self, partition: i32, offset: i64) -> KafkaResult<()> {
        self.client().check_usable()?;
        // SAFETY: rkt is live while self is.
        KafkaError::check(unsafe { rdsys::rd_kafka_offset_store(self.rkt, partition, offset) })
    }
}

impl Drop for NativeTopic {
    fn drop(&mut self) {
        if self.client().is_inherited() {
            return;
        }
        // SAFETY: we own this topic reference; `owner` keeps the handle alive until after this.
        unsafe { rdsys::rd_kafka_topic_destroy(self.rkt) };
    }
}

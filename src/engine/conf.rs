//! Global and topic configuration, held as librdkafka's own objects so that
//! `set()` validates exactly as librdkafka does and `dump()` shows its defaults.

use std::collections::HashSet;
use std::ffi::CString;
use std::os::raw::c_char;

use rdkafka_sys as rdsys;

use super::error::{cstr_to_string, KafkaError, KafkaResult, CONF_INVALID, CONF_UNKNOWN};

const ERRSTR_SIZE: usize = 512;

fn to_cstring(what: &str, text: &str) -> KafkaResult<CString> {
    CString::new(text).map_err(|_| {
        KafkaError::config(CONF_INVALID, format!("Configuration {what} must not contain a NUL byte: \"{}\"", text.replace('\0', "\\0")))
    })
}

fn conf_result(result: rdsys::rd_kafka_conf_res_t, errstr: &[c_char]) -> KafkaResult<()> {
    let code = match result {
        rdsys::rd_kafka_conf_res_t::RD_KAFKA_CONF_OK => return Ok(()),
        rdsys::rd_kafka_conf_res_t::RD_KAFKA_CONF_UNKNOWN => CONF_UNKNOWN,
        rdsys::rd_kafka_conf_res_t::RD_KAFKA_CONF_INVALID => CONF_INVALID,
    };
    Err(KafkaError::config(code, cstr_to_string(errstr.as_ptr())))
}

/// Turns librdkafka's `key, value, key, value, ...` dump into pairs and frees it.
///
/// # Safety
/// `dump` and `count` must come from `rd_kafka_conf_dump`/`rd_kafka_topic_conf_dump`.
unsafe fn take_dump(dump: *mut *const c_char, count: usize) -> Vec<(String, String)> {
    // SAFETY: librdkafka returns `count` valid C strings at `dump`.
    let entries = unsafe { std::slice::from_raw_parts(dump, count) };
    let pairs = entries
        .chunks_exact(2)
        .map(|pair| (cstr_to_string(pair[0]), cstr_to_string(pair[1])))
        .collect();
    // SAFETY: the array is freed once, with the count it was made with.
    unsafe { rdsys::rd_kafka_conf_dump_free(dump, count) };
    pairs
}

/// rdkafka-rs's defaults for the settings that decide how much memory a client
/// holds (librdkafka's own allow a producer 1 GiB and a consumer 64 MiB of prefetch).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MemoryDefaults {
    /// `queue.buffering.max.messages`: messages in flight per producer.
    pub producer_max_messages: i64,
    /// `queue.buffering.max.kbytes`: payload + key KiB in flight per producer.
    pub producer_max_kbytes: i64,
    /// `queued.max.messages.kbytes`: KiB a consumer prefetches.
    pub consumer_max_kbytes: i64,
}

impl Default for MemoryDefaults {
    fn default() -> Self {
        Self { producer_max_messages: 100_000, producer_max_kbytes: 16_384, consumer_max_kbytes: 4_096 }
    }
}

/// `fetch.queue.backoff.ms` for consumers (librdkafka's default is 1000).
pub const CONSUMER_FETCH_QUEUE_BACKOFF_MS: i64 = 10;

impl MemoryDefaults {
    fn producer_properties(&self) -> [(&'static str, i64); 2] {
        [("queue.buffering.max.messages", self.producer_max_messages), ("queue.buffering.max.kbytes", self.producer_max_kbytes)]
    }

    fn consumer_properties(&self) -> [(&'static str, i64); 2] {
        [
            ("queued.max.messages.kbytes", self.consumer_max_kbytes),
            // librdkafka waits 1 s before fetching again once the prefetch queue was full;
            // with a small queue that wait, not the broker, would set the consumer's pace.
            ("fetch.queue.backoff.ms", CONSUMER_FETCH_QUEUE_BACKOFF_MS),
        ]
    }
}

/// rdkafka-rs's own property: a producer with this id keeps its handle across requests (persistent.rs).
pub const PERSISTENT_PROPERTY: &str = "rdkafka_rs.persistent";

/// A `rd_kafka_conf_t` that we own.
pub struct NativeConf {
    ptr: *mut rdsys::rd_kafka_conf_t,
    /// Properties the user set: our defaults never override them.
    user_set: HashSet<String>,
    /// `rdkafka_rs.persistent`, kept here because librdkafka does not know it.
    persistent_id: Option<String>,
}

// SAFETY: a conf object is plain data; we never share it between threads unsynchronised.
unsafe impl Send for NativeConf {}

impl NativeConf {
    pub fn new() -> Self {
        // SAFETY: rd_kafka_conf_new has no preconditions and never returns NULL.
        Self { ptr: unsafe { rdsys::rd_kafka_conf_new() }, user_set: HashSet::new(), persistent_id: None }
    }

    /// Puts rdkafka-rs's producer memory bounds in place of librdkafka's defaults,
    /// for the properties the user did not set. Applied when the client is created
    /// (not in `new()`), so librdkafka does not warn about the other client type's properties.
    pub fn apply_producer_defaults(&mut self, defaults: &MemoryDefaults) -> KafkaResult<()> {
        self.apply_defaults(&defaults.producer_properties())
    }

    /// The consumer's counterpart of `apply_producer_defaults`.
    pub fn apply_consumer_defaults(&mut self, defaults: &MemoryDefaults) -> KafkaResult<()> {
        self.apply_defaults(&defaults.consumer_properties())
    }

    fn apply_defaults(&mut self, properties: &[(&str, i64)]) -> KafkaResult<()> {
        for (name, value) in properties {
            if !self.user_set.contains(*name) {
                self.set_raw(name, &value.to_string())?;
            }
        }
        Ok(())
    }

    /// Sets a property, with librdkafka's message on an unknown name or bad value.
    pub fn set(&mut self, name: &str, value: &str) -> KafkaResult<()> {
        if name == PERSISTENT_PROPERTY {
            // An empty id turns persistence off again.
            self.persistent_id = Some(value.to_string()).filter(|id| !id.is_empty());
            return Ok(());
        }
        self.set_raw(name, value)?;
        self.user_set.insert(name.to_string());
        Ok(())
    }

    fn set_raw(&mut self, name: &str, value: &str) -> KafkaResult<()> {
        let c_name = to_cstring("property names", name)?;
        let c_value = to_cstring("values", value)?;
        let mut errstr = [0 as c_char; ERRSTR_SIZE];
        // SAFETY: ptr is a live conf; the strings and the error buffer outlive the call.
        let result = unsafe {
            rdsys::rd_kafka_conf_set(self.ptr, c_name.as_ptr(), c_value.as_ptr(), errstr.as_mut_ptr(), ERRSTR_SIZE)
        };
        conf_result(result, &errstr)
    }

    /// The current value of a property, if it has one.
    pub fn get(&self, name: &str) -> Option<String> {
        if name == PERSISTENT_PROPERTY {
            return self.persistent_id.clone();
        }
        let c_name = CString::new(name).ok()?;
        let mut size: usize = 0;
        // SAFETY: a NULL destination asks librdkafka for the size only.
        let result = unsafe { rdsys::rd_kafka_conf_get(self.ptr, c_name.as_ptr(), std::ptr::null_mut(), &mut size) };
        if result != rdsys::rd_kafka_conf_res_t::RD_KAFKA_CONF_OK || size == 0 {
            return None;
        }
        let mut buffer = vec![0 as c_char; size];
        // SAFETY: the buffer has the size librdkafka asked for.
        let result = unsafe { rdsys::rd_kafka_conf_get(self.ptr, c_name.as_ptr(), buffer.as_mut_ptr(), &mut size) };
        (result == rdsys::rd_kafka_conf_res_t::RD_KAFKA_CONF_OK).then(|| cstr_to_string(buffer.as_ptr()))
    }

    /// Every property with its current value, defaults included.
    pub fn dump(&self) -> Vec<(String, String)> {
        let mut count: usize = 0;
        // SAFETY: ptr is a live conf; the dump is freed by take_dump.
        let mut properties = unsafe { take_dump(rdsys::rd_kafka_conf_dump(self.ptr, &mut count), count) };
        if let Some(id) = &self.persistent_id {
            properties.push((PERSISTENT_PROPERTY.to_string(), id.clone()));
        }
        properties
    }

    /// The `rdkafka_rs.persistent` id, if set.
    pub fn persistent_id(&self) -> Option<&str> {
        self.persistent_id.as_deref()
    }

    /// What two producers made from equal configurations share: the properties
    /// the user set, with their values, the memory bounds `defaults` would fill
    /// in, and the default topic configuration, in a stable order. The rest are
    /// librdkafka's defaults, the same for every handle. Read without copying the
    /// configuration, so a persistent producer that is reused costs no copy.
    pub fn producer_identity(&self, defaults: &MemoryDefaults) -> Vec<(String, String)> {
        let mut identity: Vec<(String, String)> = self.user_set.iter().map(|name| (name.clone(), self.get(name).unwrap_or_default())).collect();
        for (name, value) in defaults.producer_properties() {
            if !self.user_set.contains(name) {
                identity.push((name.to_string(), value.to_string()));
            }
        }
        // SAFETY: ptr is a live conf; the topic conf it returns is borrowed, not ours to free.
        let topic_conf = unsafe { rdsys::rd_kafka_conf_get_default_topic_conf(self.ptr) };
        if !topic_conf.is_null() {
            let mut count: usize = 0;
            // SAFETY: topic_conf is live while the conf is; the dump is freed by take_dump.
            let topic = unsafe { take_dump(rdsys::rd_kafka_topic_conf_dump(topic_conf, &mut count), count) };
            identity.extend(topic.into_iter().map(|(name, value)| (format!("default_topic_conf.{name}"), value)));
        }
        identity.sort();
        identity
    }

    /// Copies `topic_conf` in as the default for every topic.
    pub fn set_default_topic_conf(&mut self, topic_conf: &NativeTopicConf) {
        // SAFETY: the duplicate is handed over to (and later freed by) the conf.
        unsafe { rdsys::rd_kafka_conf_set_default_topic_conf(self.ptr, topic_conf.duplicate().into_raw()) };
    }

    pub fn duplicate(&self) -> Self {
        // SAFETY: ptr is a live conf; the copy is a new object we own.
        Self { ptr: unsafe { rdsys::rd_kafka_conf_dup(self.ptr) }, user_set: self.user_set.clone(), persistent_id: self.persistent_id.clone() }
    }

    pub(crate) fn as_ptr(&self) -> *mut rdsys::rd_kafka_conf_t {
        self.ptr
    }

    /// Gives up ownership, e.g. to `rd_kafka_new`, which takes the conf on success.
    pub(crate) fn into_raw(mut self) -> *mut rdsys::rd_kafka_conf_t {
        // The names of the properties set are ours to free; only the conf is handed over
        // (forgetting all of `self` leaked them, about 150 bytes per client).
        drop(std::mem::take(&mut self.user_set));
        drop(self.persistent_id.take());
        let ptr = self.ptr;
        std::mem::forget(self);
        ptr
    }
}

impl Default for NativeConf {
    fn default() -> Self {
        Self::new()
    }
}

impl Clone for NativeConf {
    fn clone(&self) -> Self {
        self.duplicate()
    }
}

impl Drop for NativeConf {
    fn drop(&mut self) {
        // SAFETY: we own the conf and destroy it once.
        unsafe { rdsys::rd_kafka_conf_destroy(self.ptr) };
    }
}

/// A `rd_kafka_topic_conf_t` that we own.
pub struct NativeTopicConf {
    ptr: *mut rdsys::rd_kafka_topic_conf_t,
}

// SAFETY: a topic conf object is plain data, like NativeConf.
unsafe impl Send for NativeTopicConf {}

/// php-rdkafka's `RD_KAFKA_MSG_PARTITIONER_*` values and librdkafka's names for them.
pub const PARTITIONERS: [(i64, &str); 5] =
    [(2, "random"), (3, "consistent"), (4, "consistent_random"), (5, "murmur2"), (6, "murmur2_random")];

impl NativeTopicConf {
    pub fn new() -> Self {
        // SAFETY: rd_kafka_topic_conf_new has no preconditions and never returns NULL.
        Self { ptr: unsafe { rdsys::rd_kafka_topic_conf_new() } }
    }

    pub fn set(&mut self, name: &str, value: &str) -> KafkaResult<()> {
        let c_name = to_cstring("property names", name)?;
        let c_value = to_cstring("values", value)?;
        let mut errstr = [0 as c_char; ERRSTR_SIZE];
        // SAFETY: ptr is a live topic conf; the strings and the buffer outlive the call.
        let result = unsafe {
            rdsys::rd_kafka_topic_conf_set(self.ptr, c_name.as_ptr(), c_value.as_ptr(), errstr.as_mut_ptr(), ERRSTR_SIZE)
        };
        conf_result(result, &errstr)
    }

    /// `TopicConf::setPartitioner()`: one of the `RD_KAFKA_MSG_PARTITIONER_*`
    /// constants, applied as librdkafka's own `partitioner` property (same
    /// algorithms, no callback into PHP or Rust per message). `None` if unknown.
    pub fn set_partitioner(&mut self, partitioner: i64) -> Option<KafkaResult<()>> {
        let name = PARTITIONERS.iter().find(|(constant, _)| *constant == partitioner)?.1;
        Some(self.set("partitioner", name))
    }

    pub fn dump(&self) -> Vec<(String, String)> {
        let mut count: usize = 0;
        // SAFETY: ptr is a live topic conf; the dump is freed by take_dump.
        unsafe { take_dump(rdsys::rd_kafka_topic_conf_dump(self.ptr, &mut count), count) }
    }

    pub fn duplicate(&self) -> Self {
        // SAFETY: ptr is a live topic conf; the copy is a new object we own.
        Self { ptr: unsafe { rdsys::rd_kafka_topic_conf_dup(self.ptr) } }
    }

    pub(crate) fn into_raw(self) -> *mut rdsys::rd_kafka_topic_conf_t {
        let ptr = self.ptr;
        std::mem::forget(self);
        ptr
    }
}

impl Default for NativeTopicConf {
    fn default() -> Self {
        Self::new()
    }
}

impl Clone for NativeTopicConf {
    fn clone(&self) -> Self {
        self.duplicate()
    }
}

impl Drop for NativeTopicConf {
    fn drop(&mut self) {
        // SAFETY: we own the topic conf and destroy it once.
        unsafe { rdsys::rd_kafka_topic_conf_destroy(self.ptr) };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_property_is_rejected_with_librdkafkas_message() {
        let mut conf = NativeConf::new();
        let error = conf.set("foo.bar", "1").unwrap_err();
        assert_eq!(error.code, CONF_UNKNOWN);
        assert_eq!(error.message, "No such configuration property: \"foo.bar\"");
    }

    #[test]
    fn invalid_value_is_rejected() {
        let mut conf = NativeConf::new();
        let error = conf.set("queue.buffering.max.messages", "nope").unwrap_err();
        assert_eq!(error.code, CONF_INVALID);
        assert!(error.message.contains("queue.buffering.max.messages"), "{}", error.message);
    }

    #[test]
    fn dump_shows_set_values_and_defaults() {
        let mut conf = NativeConf::new();
        conf.set("client.id", "engine-test").unwrap();
        let dump = conf.dump();
        assert!(dump.contains(&("client.id".to_string(), "engine-test".to_string())));
        assert!(dump.iter().any(|(key, _)| key == "message.max.bytes"));
        assert_eq!(conf.get("client.id").as_deref(), Some("engine-test"));
    }

    #[test]
    fn nul_bytes_are_an_error_not_a_truncation() {
        let mut conf = NativeConf::new();
        assert_eq!(conf.set("client.id", "a\0b").unwrap_err().code, CONF_INVALID);
    }

    #[test]
    fn topic_conf_sets_and_dumps() {
        let mut conf = NativeTopicConf::new();
        conf.set("acks", "all").unwrap();
        assert!(conf.dump().contains(&("request.required.acks".to_string(), "-1".to_string())));
        assert_eq!(conf.set("nope", "1").unwrap_err().code, CONF_UNKNOWN);
    }
}

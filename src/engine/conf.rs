//! Global and topic configuration, validated by librdkafka itself so that `set()`
//! fails exactly as librdkafka does and `dump()` shows its defaults.

use std::cell::OnceCell;
use std::ffi::{CStr, CString};
use std::os::raw::c_char;
use std::sync::Mutex;

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

/// A global configuration: the properties set, and librdkafka's `rd_kafka_conf_t`
/// made from them when something needs it.
///
/// A `new RdKafka\Conf()` whose properties only go into a persistent producer's
/// identity (`producer_identity`), the usual web request, never needs the native
/// object: `rd_kafka_conf_new` fills in every default (about 18,000 instructions)
/// and reading values back searches librdkafka's property table, together half of
/// a reused persistent producer's cost. `set()` still validates exactly as
/// librdkafka does, on a configuration kept for that (`validate`).
pub struct NativeConf {
    /// Made on first need (`native()`), from `set_calls`; from then on every `set()`
    /// also goes to it.
    native: OnceCell<*mut rdsys::rd_kafka_conf_t>,
    /// The accepted `set()` calls, in order, each name once: a call drops the
    /// earlier ones of its name, as it overrides them. Made again on a fresh conf
    /// they leave it as making every call on it would have. Order matters, as
    /// librdkafka has aliases (`acks` sets `request.required.acks`); the properties
    /// for which one value does not override the last go to the conf's own object
    /// (`needs_own_native_conf`). Kept to one entry per name so that a `Conf` set
    /// again and again stays the same size.
    set_calls: Vec<(String, String)>,
    /// Whether `set_default_topic_conf` put a topic configuration in the native object.
    has_default_topic_conf: bool,
    /// `rdkafka_rs.persistent`, kept here because librdkafka does not know it.
    persistent_id: Option<String>,
}

// SAFETY: a conf object is plain data; we never share it between threads unsynchronised.
unsafe impl Send for NativeConf {}

/// Properties whose state is not just their last value: `debug` and
/// `builtin.features` add each value's flags to the earlier ones, and a refused
/// `debug` or `topic.blacklist` value can already have changed part of it. They go
/// to the conf's own object, and a persistent producer's identity reads them back.
const STATEFUL: [&str; 3] = ["debug", "builtin.features", "topic.blacklist"];

/// Properties that go straight to the conf's own native object, never to the
/// shared one `validate` uses: the `STATEFUL` ones; `plugin.library.paths`, which
/// loads plugins into the configuration it is set on (and they may then accept
/// properties of their own); and credentials, which must not outlive the `Conf`
/// they were given to. The credentials are librdkafka's sensitive properties;
/// anything named like a password or a secret counts too.
fn needs_own_native_conf(name: &str) -> bool {
    const OWN: [&str; 10] = [
        "plugin.library.paths",
        "sasl.username",
        "sasl.oauthbearer.config",
        "sasl.oauthbearer.client.id",
        "ssl_key",
        "ssl.key.location",
        "ssl.key.pem",
        "ssl.ca.pem",
        "ssl.keystore.location",
        "sasl.oauthbearer.assertion.private.key.file",
    ];
    STATEFUL.contains(&name) || OWN.contains(&name) || ["password", "secret", "private.key"].iter().any(|word| name.contains(word))
}

/// The configuration `set()` validates on before a `NativeConf` has its own native
/// object. `rd_kafka_conf_set` checks one name and value at a time (what the other
/// properties hold is only looked at by `rd_kafka_new`), so a shared object gives
/// the same answers and messages as a fresh one would.
static VALIDATION_CONF: Mutex<Option<OwnedConf>> = Mutex::new(None);

struct OwnedConf(*mut rdsys::rd_kafka_conf_t);

// SAFETY: the conf is only touched with VALIDATION_CONF's lock held.
unsafe impl Send for OwnedConf {}

impl Drop for OwnedConf {
    fn drop(&mut self) {
        // SAFETY: the conf is ours and destroyed once.
        unsafe { rdsys::rd_kafka_conf_destroy(self.0) };
    }
}

fn new_native_conf() -> *mut rdsys::rd_kafka_conf_t {
    // SAFETY: rd_kafka_conf_new has no preconditions and never returns NULL.
    unsafe { rdsys::rd_kafka_conf_new() }
}

fn set_on(conf: *mut rdsys::rd_kafka_conf_t, name: &CStr, value: &CStr) -> KafkaResult<()> {
    let mut errstr = [0 as c_char; ERRSTR_SIZE];
    // SAFETY: conf is live; the strings and the error buffer outlive the call.
    let result = unsafe { rdsys::rd_kafka_conf_set(conf, name.as_ptr(), value.as_ptr(), errstr.as_mut_ptr(), ERRSTR_SIZE) };
    conf_result(result, &errstr)
}

fn validate(name: &CStr, value: &CStr) -> KafkaResult<()> {
    let mut guard = VALIDATION_CONF.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let conf = guard.get_or_insert_with(|| OwnedConf(new_native_conf()));
    set_on(conf.0, name, value)
}

/// Frees the configuration `set()` validates on (module shutdown: the extension may
/// be unloaded after, and the object would be lost with it).
pub fn release_validation_conf() {
    drop(VALIDATION_CONF.lock().unwrap_or_else(std::sync::PoisonError::into_inner).take());
}

impl NativeConf {
    pub fn new() -> Self {
        Self { native: OnceCell::new(), set_calls: Vec::new(), has_default_topic_conf: false, persistent_id: None }
    }

    /// The native object, made now (with the properties set so far) if there is none.
    fn native(&self) -> *mut rdsys::rd_kafka_conf_t {
        *self.native.get_or_init(|| {
            let conf = new_native_conf();
            for (name, value) in &self.set_calls {
                // librdkafka answers a name and value the same on any conf (see
                // `validate`), so each is accepted again.
                if let (Ok(name), Ok(value)) = (CString::new(name.as_str()), CString::new(value.as_str())) {
                    let _ = set_on(conf, &name, &value);
                }
            }
            conf
        })
    }

    /// The value the user set for `name` (as they named it), if they set one.
    fn setting(&self, name: &str) -> Option<&str> {
        self.set_calls.iter().find(|(set, _)| set == name).map(|(_, value)| value.as_str())
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
            if self.setting(name).is_none() {
                let name = to_cstring("property names", name)?;
                let value = to_cstring("values", &value.to_string())?;
                set_on(self.native(), &name, &value)?;
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
        let c_name = to_cstring("property names", name)?;
        let c_value = to_cstring("values", value)?;
        let result = match self.native.get() {
            Some(&native) => set_on(native, &c_name, &c_value),
            None if needs_own_native_conf(name) => set_on(self.native(), &c_name, &c_value),
            None => validate(&c_name, &c_value),
        };
        // A refused value changed nothing, or (`STATEFUL`) may have changed the
        // conf's own object, which the identity then reads.
        if result.is_ok() || STATEFUL.contains(&name) {
            self.set_calls.retain(|(set, _)| set != name);
            self.set_calls.push((name.to_string(), value.to_string()));
        }
        result
    }

    /// The current value of a property, if it has one.
    pub fn get(&self, name: &str) -> Option<String> {
        if name == PERSISTENT_PROPERTY {
            return self.persistent_id.clone();
        }
        let c_name = CString::new(name).ok()?;
        let native = self.native();
        let mut size: usize = 0;
        // SAFETY: a NULL destination asks librdkafka for the size only.
        let result = unsafe { rdsys::rd_kafka_conf_get(native, c_name.as_ptr(), std::ptr::null_mut(), &mut size) };
        if result != rdsys::rd_kafka_conf_res_t::RD_KAFKA_CONF_OK || size == 0 {
            return None;
        }
        let mut buffer = vec![0 as c_char; size];
        // SAFETY: the buffer has the size librdkafka asked for.
        let result = unsafe { rdsys::rd_kafka_conf_get(native, c_name.as_ptr(), buffer.as_mut_ptr(), &mut size) };
        (result == rdsys::rd_kafka_conf_res_t::RD_KAFKA_CONF_OK).then(|| cstr_to_string(buffer.as_ptr()))
    }

    /// Whether the user set `transactional.id` (to anything but empty).
    pub fn is_transactional(&self) -> bool {
        self.setting("transactional.id").is_some_and(|id| !id.is_empty())
    }

    /// Every property with its current value, defaults included.
    pub fn dump(&self) -> Vec<(String, String)> {
        let mut count: usize = 0;
        // SAFETY: the native conf is live; the dump is freed by take_dump.
        let mut properties = unsafe { take_dump(rdsys::rd_kafka_conf_dump(self.native(), &mut count), count) };
        if let Some(id) = &self.persistent_id {
            properties.push((PERSISTENT_PROPERTY.to_string(), id.clone()));
        }
        properties
    }

    /// The `rdkafka_rs.persistent` id, if set.
    pub fn persistent_id(&self) -> Option<&str> {
        self.persistent_id.as_deref()
    }

    /// What two producers made from equal configurations share: the `set()` calls
    /// in order (a web request makes the same ones each time; the same properties
    /// set in another order count as different, as aliases can make them so), with
    /// the `STATEFUL` ones as librdkafka holds them, the memory bounds `defaults`
    /// would fill in, and a default topic configuration given with
    /// `setDefaultTopicConf()`. The rest are librdkafka's defaults, the same for
    /// every handle. Read without making the native object (unless a `STATEFUL`
    /// property made it already), so a persistent producer that is reused costs
    /// neither a copy nor librdkafka's defaults.
    pub fn producer_identity(&self, defaults: &MemoryDefaults) -> Vec<(String, String)> {
        let mut identity: Vec<(String, String)> = self
            .set_calls
            .iter()
            .map(|(name, value)| match STATEFUL.contains(&name.as_str()) {
                true => (name.clone(), self.get(name).unwrap_or_default()),
                false => (name.clone(), value.clone()),
            })
            .collect();
        for (name, value) in defaults.producer_properties() {
            if self.setting(name).is_none() {
                identity.push((name.to_string(), value.to_string()));
            }
        }
        if self.has_default_topic_conf {
            // SAFETY: the native conf is live; the topic conf it returns is borrowed, not ours to free.
            let topic_conf = unsafe { rdsys::rd_kafka_conf_get_default_topic_conf(self.native()) };
            if !topic_conf.is_null() {
                let mut count: usize = 0;
                // SAFETY: topic_conf is live while the conf is; the dump is freed by take_dump.
                let topic = unsafe { take_dump(rdsys::rd_kafka_topic_conf_dump(topic_conf, &mut count), count) };
                identity.extend(topic.into_iter().map(|(name, value)| (format!("default_topic_conf.{name}"), value)));
            }
        }
        identity
    }

    /// Copies `topic_conf` in as the default for every topic.
    pub fn set_default_topic_conf(&mut self, topic_conf: &NativeTopicConf) {
        // SAFETY: the duplicate is handed over to (and later freed by) the conf.
        unsafe { rdsys::rd_kafka_conf_set_default_topic_conf(self.native(), topic_conf.duplicate().into_raw()) };
        self.has_default_topic_conf = true;
    }

    /// A copy. One without a native object yet stays without one: it is made
    /// once, for the client, instead of twice.
    pub fn duplicate(&self) -> Self {
        let native = OnceCell::new();
        if let Some(conf) = self.native.get() {
            // SAFETY: conf is live; the copy is a new object we own.
            let _ = native.set(unsafe { rdsys::rd_kafka_conf_dup(*conf) });
        }
        Self {
            native,
            set_calls: self.set_calls.clone(),
            has_default_topic_conf: self.has_default_topic_conf,
            persistent_id: self.persistent_id.clone(),
        }
    }

    pub(crate) fn as_ptr(&self) -> *mut rdsys::rd_kafka_conf_t {
        self.native()
    }

    /// Gives up ownership, e.g. to `rd_kafka_new`, which takes the conf on success.
    pub(crate) fn into_raw(mut self) -> *mut rdsys::rd_kafka_conf_t {
        let ptr = self.native();
        // Only the conf is handed over; the rest of `self` is ours to free.
        self.native = OnceCell::new();
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
        if let Some(conf) = self.native.get() {
            // SAFETY: we own the conf and destroy it once.
            unsafe { rdsys::rd_kafka_conf_destroy(*conf) };
        }
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

    #[test]
    fn properties_set_before_the_native_object_exists_reach_it_in_order() {
        let mut conf = NativeConf::new();
        conf.set("client.id", "first").unwrap();
        conf.set("acks", "all").unwrap();
        conf.set("client.id", "second").unwrap();
        assert!(conf.set("acks", "bogus").is_err(), "a bad value is refused before the native object exists");
        assert!(conf.native.get().is_none());
        let copy = conf.duplicate();
        assert!(copy.native.get().is_none(), "a copy of a conf without a native object makes none");
        assert_eq!(copy.get("client.id").as_deref(), Some("second"));
        let topic = copy.dump();
        assert!(topic.contains(&("client.id".to_string(), "second".to_string())));
        // SAFETY: the copy's native conf is live; the topic conf is borrowed.
        let topic_conf = unsafe { rdsys::rd_kafka_conf_get_default_topic_conf(copy.as_ptr()) };
        let mut count = 0;
        // SAFETY: topic_conf is live while copy is; the dump is freed by take_dump.
        let topic = unsafe { take_dump(rdsys::rd_kafka_topic_conf_dump(topic_conf, &mut count), count) };
        assert!(topic.contains(&("request.required.acks".to_string(), "-1".to_string())), "{topic:?}");
    }

    #[test]
    fn a_persistent_producers_identity_needs_no_native_object() {
        let mut conf = NativeConf::new();
        conf.set("bootstrap.servers", "127.0.0.1:9092").unwrap();
        conf.set(PERSISTENT_PROPERTY, "web").unwrap();
        let mut same = NativeConf::new();
        same.set("bootstrap.servers", "127.0.0.1:9092").unwrap();
        same.set(PERSISTENT_PROPERTY, "web").unwrap();
        let _ = same.dump();
        let defaults = MemoryDefaults::default();
        assert_eq!(conf.producer_identity(&defaults), same.producer_identity(&defaults), "with or without a native object");
        assert!(conf.native.get().is_none());
        conf.set("sasl.password", "hunter2").unwrap();
        assert!(conf.native.get().is_some(), "a credential goes to the conf's own object only");
        same.set("sasl.password", "hunter2").unwrap();
        assert_eq!(conf.producer_identity(&defaults), same.producer_identity(&defaults));
        same.set("linger.ms", "1").unwrap();
        assert_ne!(conf.producer_identity(&defaults), same.producer_identity(&defaults));
    }

    #[test]
    fn aliases_and_additive_properties_end_as_if_set_one_by_one() {
        let mut conf = NativeConf::new();
        conf.set("bootstrap.servers", "a:9092").unwrap();
        conf.set("metadata.broker.list", "b:9092").unwrap();
        conf.set("bootstrap.servers", "c:9092").unwrap();
        assert!(conf.native.get().is_none());
        assert_eq!(conf.duplicate().get("metadata.broker.list").as_deref(), Some("c:9092"));
        conf.set("debug", "broker").unwrap();
        conf.set("debug", "topic").unwrap();
        assert_eq!(conf.get("metadata.broker.list").as_deref(), Some("c:9092"));
        let debug = conf.get("debug").unwrap_or_default();
        assert!(debug.contains("broker") && debug.contains("topic"), "{debug}");

        // A refused value leaves the same trace with or without a native object.
        let mut lazy = NativeConf::new();
        let mut eager = NativeConf::new();
        let _ = eager.dump();
        assert!(lazy.set("debug", "msg,bogus").is_err());
        assert!(eager.set("debug", "msg,bogus").is_err());
        assert_eq!(lazy.get("debug"), eager.get("debug"));
    }

    #[test]
    fn the_same_properties_in_another_order_are_another_identity() {
        let defaults = MemoryDefaults::default();
        let mut first = NativeConf::new();
        first.set("request.required.acks", "all").unwrap();
        first.set("acks", "0").unwrap();
        let mut second = NativeConf::new();
        second.set("acks", "0").unwrap();
        second.set("request.required.acks", "all").unwrap();
        assert_ne!(first.get("acks"), second.get("acks"));
        assert_ne!(first.producer_identity(&defaults), second.producer_identity(&defaults));
    }

    #[test]
    fn a_conf_set_again_and_again_stays_the_same_size() {
        let mut conf = NativeConf::new();
        for job in 0..1000 {
            conf.set("client.id", &format!("job-{job}")).unwrap();
            assert!(conf.set("queue.buffering.max.messages", "not a number").is_err());
        }
        assert_eq!(conf.set_calls, vec![("client.id".to_string(), "job-999".to_string())]);
        assert_eq!(conf.duplicate().get("client.id").as_deref(), Some("job-999"));
    }

    #[test]
    fn debug_flags_are_part_of_the_identity_as_librdkafka_holds_them() {
        let defaults = MemoryDefaults::default();
        let mut both = NativeConf::new();
        both.set("debug", "broker").unwrap();
        both.set("debug", "topic").unwrap();
        let mut last_only = NativeConf::new();
        last_only.set("debug", "topic").unwrap();
        assert_ne!(both.producer_identity(&defaults), last_only.producer_identity(&defaults));
        let mut same = NativeConf::new();
        same.set("debug", "broker,topic").unwrap();
        assert_eq!(both.producer_identity(&defaults), same.producer_identity(&defaults));
    }
}

//! `RdKafka\ProducerTopic`.

use ext_php_rs::prelude::*;
use std::ops::ControlFlow;
use std::panic::AssertUnwindSafe;

use ext_php_rs::ffi::{zend_execute_data, zval};
use ext_php_rs::types::{ZendClassObject, ZendHashTable, Zval};
use ext_php_rs::zend::run_handler;

use super::exception::{guard, invalid_argument, type_error, OrThrow};
use super::fast_path::{argument, arguments, long, optional_bytes, Fallback};
use super::producer::Producer;
use super::topic::Topic;
use super::zval::{entries, insert_at, type_name, ArrayIndex, PhpBytes, PhpInt};
use crate::engine::message::Header;
use crate::engine::error::{ERR_INTR, ERR_INVALID_ARG};
use crate::engine::{self, KafkaError, ProduceRequest};

/// `RD_KAFKA_MSG_F_BLOCK`, the only flag php-rdkafka lets callers pass.
const MSG_F_BLOCK: i64 = rdkafka_sys::RD_KAFKA_MSG_F_BLOCK as i64;

#[php_class]
#[php(name = "RdKafka\\ProducerTopic")]
#[php(extends(Topic))]
pub struct ProducerTopic {
    engine: engine::ProducerTopic,
    /// The PHP Producer, kept alive while this topic is (as php-rdkafka does), so
    /// its destructor's flush also covers what was produced through this topic.
    producer: Zval,
}

impl ProducerTopic {
    pub fn new(engine: engine::ProducerTopic, producer: Zval) -> Self {
        Self { engine, producer }
    }

    /// Produces, running the Producer's callbacks for the events served while a
    /// `RD_KAFKA_MSG_F_BLOCK` produce waits for room.
    #[inline(always)]
    fn produce_serving(&self, request: ProduceRequest<'_>) -> PhpResult<()> {
        self.engine
            .produce(request, |event| match self.producer.extract::<&ZendClassObject<Producer>>() {
                Some(producer) => producer.serve_event(&self.producer, event),
                None => ControlFlow::Continue(()),
            })
            .or_throw()
    }
}

impl super::gc::HoldsZvals for ProducerTopic {
    fn visit_zvals(&self, visit: &mut dyn FnMut(&Zval)) {
        visit(&self.producer);
    }
}

pub(crate) static PRODUCE: Fallback = Fallback::new();

/// `produce()` for int, int and string-or-null arguments, without the argument
/// allocations of the generated handler (see `fast_path`); other calls go the
/// generated way. Runs under `run_handler` like the generated handler: waiting
/// for room (RD_KAFKA_MSG_F_BLOCK) can run PHP callbacks.
pub(crate) unsafe extern "C" fn fast_produce(execute_data: *mut zend_execute_data, retval: *mut zval) {
    // SAFETY: PHP passes the frame of this call.
    match unsafe { fast_produce_request(execute_data) } {
        // Without RD_KAFKA_MSG_F_BLOCK no PHP code runs, so no bailout can cross our
        // frames and the setjmp of run_handler (a tenth of this call's cost) is skipped.
        Some((topic, request)) if request.flags == 0 => {
            if let Err(error) = guard(|| topic.produce_serving(request)) {
                error.throw();
            }
        }
        Some((topic, request)) => run_handler(AssertUnwindSafe(|| {
            if let Err(error) = guard(|| topic.produce_serving(request)) {
                error.throw();
            }
        })),
        // SAFETY: the same frame and return value, untouched.
        None => unsafe { PRODUCE.call(execute_data, retval) },
    }
}

/// The topic and the request, when the arguments have the common shape and valid values.
///
/// # Safety
/// `execute_data` must be the frame of a `produce()` call.
unsafe fn fast_produce_request<'a>(execute_data: *mut zend_execute_data) -> Option<(&'a ProducerTopic, ProduceRequest<'a>)> {
    // SAFETY: per the contract.
    let (frame, count) = unsafe { arguments(execute_data, 2, 5) }?;
    // SAFETY: only indexes below the argument count are read.
    let arg = |index: u32| if index < count { Some(unsafe { argument(frame, index) }) } else { None };
    // Values the checks below would refuse go the generated way, which throws their error.
    let partition = long(arg(0)?).and_then(|p| i32::try_from(p).ok()).filter(|p| *p >= 0 || *p == engine::producer::PARTITION_UA)?;
    let flags = long(arg(1)?).filter(|f| *f == 0 || *f == MSG_F_BLOCK)? as i32;
    let optional = |index: u32| arg(index).map_or(Some(None), optional_bytes);
    let (payload, key, opaque) = (optional(2)?, optional(3)?, optional(4)?);
    let topic = frame.This.object().and_then(ZendClassObject::<ProducerTopic>::from_zend_obj)?;
    Some((topic, ProduceRequest { partition, flags, payload, key, opaque: opaque.map(<[u8]>::to_vec), ..Default::default() }))
}

/// `['name' => 'value', ...]` headers as name/value pairs. A null value is sent as
/// "", as php-rdkafka sends it: consumers that read every header's bytes keep working.
fn header_pairs(headers: Option<&ZendHashTable>) -> PhpResult<Vec<Header>> {
    let mut pairs = Vec::new();
    for (index, value) in headers.into_iter().flat_map(entries) {
        // Header names are string keys (of any bytes): integer-keyed entries (a plain
        // list) are skipped, where php-rdkafka stops reading at the first one.
        let ArrayIndex::Name(name) = index else { continue };
        let value = if value.is_null() {
            Vec::new()
        } else {
            PhpBytes::from_value(value).map(|bytes| bytes.bytes().to_vec()).ok_or_else(|| {
                type_error(format!("Header \"{}\" must be a string or null, {} given", String::from_utf8_lossy(&name), type_name(value)))
            })?
        };
        pairs.push((name, Some(value)));
    }
    Ok(pairs)
}

/// One item of `produceBatch()`: `['payload' => ?string, 'key' => ?string, 'headers' => ?array,
/// 'timestamp' => ?int, 'opaque' => ?string, 'partition' => int]`, all optional.
struct BatchItem<'a> {
    partition: i32,
    payload: Option<PhpBytes<'a>>,
    key: Option<PhpBytes<'a>>,
    headers: Vec<Header>,
    timestamp_ms: Option<i64>,
    opaque: Option<Vec<u8>>,
}

/// The fields of one batch item, looked up only while some are still unaccounted
/// for (most items hold just a payload, or a payload and a key).
struct ItemFields<'a> {
    item: &'a ZendHashTable,
    unseen: usize,
}

impl<'a> ItemFields<'a> {
    fn get(&mut self, name: &str) -> Option<&'a Zval> {
        if self.unseen == 0 {
            return None;
        }
        // SAFETY: a live array and a key of `name.len()` bytes; PHP returns NULL or a
        // value owned by the array, which outlives this call's borrow.
        let found = unsafe { ext_php_rs::ffi::zend_hash_str_find(self.item, name.as_ptr().cast(), name.len()).as_ref() }?;
        self.unseen -= 1;
        Some(found).filter(|value| !value.is_null())
    }
}

impl<'a> BatchItem<'a> {
    fn read(index: &ArrayIndex, value: &'a Zval) -> Result<Self, String> {
        let item = value.array().ok_or_else(|| format!("message {index} must be an array, {} given", type_name(value)))?;
        let mut fields = ItemFields { item, unseen: item.len() };
        let mut field = |name: &str| fields.get(name);
        let bytes = |name: &str, value: Option<&'a Zval>| -> Result<Option<PhpBytes<'a>>, String> {
            match value {
                None => Ok(None),
                Some(value) => PhpBytes::from_value(value)
                    .map(Some)
                    .ok_or_else(|| format!("message {index}: \"{name}\" must be a string or null, {} given", type_name(value))),
            }
        };
        let int = |name: &str, value: Option<&'a Zval>| -> Result<Option<i64>, String> {
            match value {
                None => Ok(None),
                Some(value) => PhpInt::from_value(value)
                    .map(|int| Some(int.0))
                    .ok_or_else(|| format!("message {index}: \"{name}\" must be an int or null, {} given", type_name(value))),
            }
        };
        let payload = bytes("payload", field("payload"))?;
        let key = bytes("key", field("key"))?;
        let partition = int("partition", field("partition"))?.unwrap_or(i64::from(engine::producer::PARTITION_UA));
        let headers = match field("headers") {
            None => Vec::new(),
            Some(value) => {
                let table = value.array().ok_or_else(|| format!("message {index}: \"headers\" must be an array or null, {} given", type_name(value)))?;
                header_pairs(Some(table)).map_err(|_| format!("message {index}: header values must be strings or null"))?
            }
        };
        let timestamp_ms = int("timestamp", field("timestamp"))?;
        let opaque = bytes("opaque", field("opaque"))?.map(|opaque| opaque.bytes().to_vec());
        Ok(Self {
            partition: check_partition(partition).map_err(|_| format!("message {index}: out of range value '{partition}' for \"partition\""))?,
            payload,
            key,
            headers,
            timestamp_ms,
            opaque,
        })
    }
}

fn check_partition(partition: i64) -> PhpResult<i32> {
    i32::try_from(partition)
        .ok()
        .filter(|p| *p >= 0 || *p == engine::producer::PARTITION_UA)
        .ok_or_else(|| invalid_argument(format!("Out of range value '{partition}' for $partition")))
}

fn check_flags(msgflags: i64) -> PhpResult<i32> {
    if msgflags != 0 && msgflags != MSG_F_BLOCK {
        return Err(invalid_argument(format!("Invalid value '{msgflags}' for $msgflags: use 0 or RD_KAFKA_MSG_F_BLOCK")));
    }
    Ok(msgflags as i32)
}

#[php_impl]
impl ProducerTopic {
    pub fn get_name(&self) -> String {
        self.engine.name().to_string()
    }

    /// Queues one message; its delivery is reported through `poll()`/`flush()`.
    #[php(optional = payload)]
    pub fn produce(
        &self,
        partition: PhpInt,
        msgflags: PhpInt,
        payload: Option<PhpBytes<'_>>,
        key: Option<PhpBytes<'_>>,
        msg_opaque: Option<PhpBytes<'_>>,
    ) -> PhpResult<()> {
        guard(|| {
            let request = ProduceRequest {
                partition: check_partition(partition.0)?,
                flags: check_flags(msgflags.0)?,
                payload: payload.as_ref().map(PhpBytes::bytes),
                key: key.as_ref().map(PhpBytes::bytes),
                opaque: msg_opaque.map(|bytes| bytes.bytes().to_vec()),
                ..Default::default()
            };
            self.produce_serving(request)
        })
    }

    /// Queues many messages in one call: each item is an array with any of `payload`,
    /// `key`, `headers`, `timestamp` (ms), `opaque` and `partition` (default
    /// `RD_KAFKA_PARTITION_UA`). Returns how many were queued; a message that could not
    /// be queued (bad item, queue full without `RD_KAFKA_MSG_F_BLOCK`, too large, ...)
    /// gets an `RdKafka\Exception` in `$errors`, under its key, and the others go on.
    #[php(defaults(msgflags = 0))]
    pub fn produce_batch(&self, messages: &ZendHashTable, msgflags: PhpInt, mut errors: super::zval::OptionalOut<'_>) -> PhpResult<i64> {
        guard(|| {
            let flags = check_flags(msgflags.0)?;
            let mut queued = 0_i64;
            let mut failures = ZendHashTable::new();
            // Each item is read and queued in turn: no list of requests or results is built.
            for (index, value) in entries(messages) {
                let outcome = match BatchItem::read(&index, value) {
                    Err(message) => Err(KafkaError::with_message(ERR_INVALID_ARG, message)),
                    Ok(item) => {
                        let request = ProduceRequest {
                            partition: item.partition,
                            flags,
                            payload: item.payload.as_ref().map(PhpBytes::bytes),
                            key: item.key.as_ref().map(PhpBytes::bytes),
                            headers: item.headers.iter().map(|(name, value)| (name.as_slice(), value.as_deref())).collect(),
                            timestamp_ms: item.timestamp_ms,
                            opaque: item.opaque,
                        };
                        self.engine.produce(request, |event| match self.producer.extract::<&ZendClassObject<Producer>>() {
                            Some(producer) => producer.serve_event(&self.producer, event),
                            None => ControlFlow::Continue(()),
                        })
                    }
                };
                match outcome {
                    Ok(()) => queued += 1,
                    // A PHP callback threw while waiting for room: the batch stops here, and
                    // the exception leaves this call; the rest are not queued and get no result.
                    Err(error) if error.code == ERR_INTR => break,
                    Err(error) => {
                        insert_at(&mut failures, &index, super::exception::exception_object(&error)?)?;
                    }
                }
            }
            errors.set(failures);
            Ok(queued)
        })
    }

    /// Like produce(), with headers (`['name' => 'value', ...]`) and a timestamp.
    #[php(optional = payload)]
    #[allow(clippy::too_many_arguments)]
    pub fn producev(
        &self,
        partition: PhpInt,
        msgflags: PhpInt,
        payload: Option<PhpBytes<'_>>,
        key: Option<PhpBytes<'_>>,
        headers: Option<&ZendHashTable>,
        timestamp_ms: Option<PhpInt>,
        msg_opaque: Option<PhpBytes<'_>>,
    ) -> PhpResult<()> {
        guard(|| {
            let header_pairs = header_pairs(headers)?;
            let request = ProduceRequest {
                partition: check_partition(partition.0)?,
                flags: check_flags(msgflags.0)?,
                payload: payload.as_ref().map(PhpBytes::bytes),
                key: key.as_ref().map(PhpBytes::bytes),
                headers: header_pairs.iter().map(|(name, value)| (name.as_slice(), value.as_deref())).collect(),
                timestamp_ms: timestamp_ms.map(|t| t.0),
                opaque: msg_opaque.map(|bytes| bytes.bytes().to_vec()),
            };
            self.produce_serving(request)
        })
    }
}

//! `RdKafka\ProducerTopic`.

use ext_php_rs::prelude::*;
use std::ops::ControlFlow;
use std::panic::AssertUnwindSafe;

use ext_php_rs::ffi::{zend_execute_data, zval};
use ext_php_rs::types::{ZendClassObject, ZendHashTable, Zval};
use ext_php_rs::zend::run_handler;

use super::exception::{guard, invalid_argument, type_error, OrThrow};
use super::fast_path::{argument, arguments, optional_bytes, Fallback};
use super::producer::Producer;
use super::topic::Topic;
use super::zval::{type_name, PhpBytes, PhpInt};
use crate::engine::{self, ProduceRequest};

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
    let arg = |index: u32| if index < count { unsafe { argument(frame, index) } } else { None };
    let partition = check_partition(arg(0).and_then(Zval::long)?).ok()?;
    let flags = check_flags(arg(1).and_then(Zval::long)?).ok()?;
    let optional = |index: u32| arg(index).map_or(Some(None), optional_bytes);
    let (payload, key, opaque) = (optional(2)?, optional(3)?, optional(4)?);
    let topic = frame.This.object().and_then(ZendClassObject::<ProducerTopic>::from_zend_obj)?;
    Some((topic, ProduceRequest { partition, flags, payload, key, opaque: opaque.map(<[u8]>::to_vec), ..Default::default() }))
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
            let mut header_pairs: Vec<(String, Option<Vec<u8>>)> = Vec::new();
            for (name, value) in headers.into_iter().flat_map(|table| table.iter()) {
                // Header names are string keys; php-rdkafka skips integer-keyed entries (a plain list).
                if matches!(name, ext_php_rs::types::ArrayKey::Long(_)) {
                    continue;
                }
                let value = if value.is_null() {
                    None
                } else {
                    Some(PhpBytes::from_value(value).map(|bytes| bytes.bytes().to_vec()).ok_or_else(|| {
                        type_error(format!("Header \"{name}\" must be a string or null, {} given", type_name(value)))
                    })?)
                };
                header_pairs.push((name.to_string(), value));
            }
            let request = ProduceRequest {
                partition: check_partition(partition.0)?,
                flags: check_flags(msgflags.0)?,
                payload: payload.as_ref().map(PhpBytes::bytes),
                key: key.as_ref().map(PhpBytes::bytes),
                headers: header_pairs.iter().map(|(name, value)| (name.as_str(), value.as_deref())).collect(),
                timestamp_ms: timestamp_ms.map(|t| t.0),
                opaque: msg_opaque.map(|bytes| bytes.bytes().to_vec()),
            };
            self.produce_serving(request)
        })
    }
}

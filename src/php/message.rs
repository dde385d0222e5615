//! `RdKafka\Message`: a plain PHP class with declared public properties (so
//! `var_dump` shows them and `new RdKafka\Message()` works, as in php-rdkafka),
//! filled from consumed messages and delivery reports.

use std::sync::atomic::{AtomicPtr, Ordering};

use once_cell::sync::OnceCell;

use ext_php_rs::builders::{ClassBuilder, ClassProperty, FunctionBuilder};
use ext_php_rs::convert::IntoZval;
use ext_php_rs::describe::abi::Str;
use ext_php_rs::exception::PhpResult;
use ext_php_rs::flags::{DataType, MethodFlags, PropertyFlags};
use ext_php_rs::types::{ZendHashTable, ZendObject, Zval};
use ext_php_rs::zend::{ClassEntry, ExecuteData};

use super::exception::exception;
use super::zval::{bytes_zval, insert_named, long_zval, null_zval, optional_bytes_zval};
use crate::engine::error::err2str;
use crate::engine::message::Header;
use crate::engine::{ConsumedMessage, DeliveredMessage, DeliveryReport, MessageView};

static MESSAGE_CE: AtomicPtr<ClassEntry> = AtomicPtr::new(std::ptr::null_mut());

const PROPERTIES: [&str; 10] =
    ["err", "topic_name", "timestamp", "partition", "payload", "len", "key", "offset", "headers", "opaque"];

pub fn register_message_class() -> ext_php_rs::error::Result<()> {
    let mut builder = ClassBuilder::new("RdKafka\\Message");
    for name in PROPERTIES {
        builder = builder.property(ClassProperty {
            name: name.to_string(),
            flags: PropertyFlags::Public,
            default: Some(Box::new(|| Ok(null_zval()))),
            docs: &[],
            ty: None,
            nullable: true,
            readonly: false,
            default_stub: Some("null".to_string()),
        });
    }
    builder
        .method(FunctionBuilder::new("errstr", errstr).returns(DataType::String, false, true), MethodFlags::Public)
        .registration(|class, _| MESSAGE_CE.store(class, Ordering::SeqCst))
        .register()
}

/// Whether `object` is an `RdKafka\Message` (or of a class extending it).
pub fn is_message(object: &ext_php_rs::types::ZendObject) -> bool {
    // SAFETY: set once at module start to a class entry that lives as long as the process.
    unsafe { MESSAGE_CE.load(Ordering::SeqCst).as_ref() }.is_some_and(|class| object.instance_of(class))
}

/// `RdKafka\Message::errstr(): ?string` — librdkafka's text for `$this->err`.
extern "C" fn errstr(execute_data: &mut ExecuteData, retval: &mut Zval) {
    let code = execute_data.get_self().and_then(|this| this.get_property::<i64>("err").ok());
    match code.and_then(|code| i32::try_from(code).ok()) {
        Some(code) => {
            let _ = retval.set_string(&err2str(code), false);
        }
        None => retval.set_null(),
    }
}

/// A zval holding an `RdKafka\Message`, so methods returning it declare that type.
pub struct MessageValue(pub Zval);

impl IntoZval for MessageValue {
    const TYPE: DataType = DataType::Object(Str::new("RdKafka\\Message"));
    const NULLABLE: bool = false;

    fn set_zval(self, zval: &mut Zval, _persistent: bool) -> ext_php_rs::error::Result<()> {
        *zval = self.0;
        Ok(())
    }
}

/// What a Message shows, borrowed from wherever it came from.
pub struct MessageFields<'a> {
    pub err: i32,
    /// A PHP string, or null.
    pub topic_name: Zval,
    /// Shown only when there is a payload, as php-rdkafka does (-1 = not available).
    pub timestamp: i64,
    pub partition: i32,
    pub payload: Option<&'a [u8]>,
    pub key: Option<&'a [u8]>,
    pub offset: i64,
    pub headers: &'a [Header],
    pub opaque: Option<&'a [u8]>,
}

/// Where each declared property lives inside a Message object, read once from
/// the class: a Message is built per consumed message and delivery report, and
/// writing its ten properties by name (a hash lookup each) was most of that cost.
static PROPERTY_OFFSETS: OnceCell<[usize; PROPERTIES.len()]> = OnceCell::new();

fn property_offsets(class: &ClassEntry) -> Option<[usize; PROPERTIES.len()]> {
    let mut offsets = [0; PROPERTIES.len()];
    for (offset, name) in offsets.iter_mut().zip(PROPERTIES) {
        let entry = class.properties_info.get(name)?;
        // SAFETY: properties_info maps each declared property to its live zend_property_info.
        *offset = unsafe { (*entry.ptr::<ext_php_rs::ffi::zend_property_info>()?).offset } as usize;
    }
    Some(offsets)
}

/// An empty PHP array without an allocation (PHP's shared immutable empty array).
fn empty_array_zval() -> Zval {
    let mut zval = Zval::new();
    // zend_empty_array is immutable and lives as long as PHP; an IS_ARRAY zval without
    // the refcounted flag is how PHP itself refers to it (ZVAL_EMPTY_ARRAY).
    zval.value.arr = std::ptr::addr_of!(ext_php_rs::ffi::zend_empty_array).cast_mut();
    zval.u1.type_info = ext_php_rs::ffi::IS_ARRAY;
    zval
}

fn new_message(fields: &MessageFields<'_>) -> PhpResult<Zval> {
    let class = MESSAGE_CE.load(Ordering::SeqCst);
    // SAFETY: set once at module start to a class entry that lives as long as the process.
    let class = unsafe { class.as_ref() }.ok_or_else(|| exception("RdKafka\\Message is not registered", -1))?;
    let offsets = PROPERTY_OFFSETS
        .get_or_try_init(|| property_offsets(class).ok_or(()))
        .map_err(|()| exception("RdKafka\\Message lacks a declared property", -1))?;
    let headers = if fields.headers.is_empty() {
        empty_array_zval()
    } else {
        let mut headers = ZendHashTable::new();
        for (name, value) in fields.headers {
            // A header without a value reads as "", as with php-rdkafka.
            insert_named(&mut headers, name, bytes_zval(value.as_deref().unwrap_or_default()))?;
        }
        headers.into_zval(false).unwrap_or_else(|_| null_zval())
    };
    // In PROPERTIES order.
    let values: [Zval; PROPERTIES.len()] = [
        long_zval(i64::from(fields.err)),
        fields.topic_name.shallow_clone(),
        if fields.payload.is_some() { long_zval(fields.timestamp) } else { null_zval() },
        long_zval(i64::from(fields.partition)),
        optional_bytes_zval(fields.payload),
        fields.payload.map_or_else(null_zval, |p| long_zval(p.len() as i64)),
        optional_bytes_zval(fields.key),
        long_zval(fields.offset),
        headers,
        optional_bytes_zval(fields.opaque),
    ];
    let mut object = ZendObject::new(class);
    let base = std::ptr::from_mut::<ZendObject>(&mut object).cast::<u8>();
    for (offset, value) in offsets.iter().zip(values) {
        // SAFETY: each offset is a declared property slot of this class, initialised
        // to its default by ZendObject::new.
        unsafe {
            let slot = base.add(*offset).cast::<Zval>();
            if (*slot).u1.type_info & (ext_php_rs::ffi::IS_TYPE_REFCOUNTED << ext_php_rs::ffi::Z_TYPE_FLAGS_SHIFT) == 0 {
                // The default (null) holds nothing to release: skip the release call,
                // ten per Message, one Message per delivery report or consumed message.
                std::ptr::write(slot, value);
            } else {
                drop(std::ptr::replace(slot, value));
            }
        }
    }
    object.into_zval(false).map_err(|error| exception(error.to_string(), -1))
}

pub fn from_consumed(message: &ConsumedMessage, topic_names: &mut TopicNameCache) -> PhpResult<Zval> {
    // An error event's "message" carries no headers worth reading.
    let headers = if message.err() == 0 { message.headers() } else { Vec::new() };
    from_view(message, &headers, None, topic_names)
}

/// A delivery report served on the PHP thread, read straight from librdkafka.
pub fn from_delivered(message: &DeliveredMessage<'_>, topic_names: &mut TopicNameCache) -> PhpResult<Zval> {
    from_view(message, &message.headers(), message.opaque(), topic_names)
}

fn from_view(message: &impl MessageView, headers: &[Header], opaque: Option<&[u8]>, topic_names: &mut TopicNameCache) -> PhpResult<Zval> {
    new_message(&MessageFields {
        err: message.err(),
        topic_name: message.topic_name().map_or_else(null_zval, |name| topic_names.string(name)),
        timestamp: message.timestamp(),
        partition: message.partition(),
        payload: message.payload(),
        key: message.key(),
        offset: message.offset(),
        headers,
        opaque,
    })
}

/// The last topic name made into a PHP string: the messages of one `poll()` or
/// `consume()` loop are mostly of one topic, so its string is made once and
/// shared (refcounted) instead of allocated for each message.
#[derive(Default)]
pub struct TopicNameCache(Option<Zval>);

impl TopicNameCache {
    fn string(&mut self, name: &[u8]) -> Zval {
        if let Some(cached) = &self.0 {
            if cached.zend_str().is_some_and(|string| string.as_bytes() == name) {
                return cached.shallow_clone();
            }
        }
        let string = bytes_zval(name);
        let shared = string.shallow_clone();
        self.0 = Some(string);
        shared
    }
}

pub fn from_delivery_report(report: &DeliveryReport) -> PhpResult<Zval> {
    new_message(&MessageFields {
        err: report.err,
        topic_name: bytes_zval(report.topic.as_bytes()),
        timestamp: report.timestamp,
        partition: report.partition,
        payload: report.payload.as_deref(),
        key: report.key.as_deref(),
        offset: report.offset,
        headers: &report.headers,
        opaque: report.opaque.as_deref(),
    })
}

/// The Message `consume()` returns when nothing arrived in time (or another bare error).
pub fn error_only(code: i32) -> PhpResult<Zval> {
    new_message(&MessageFields {
        err: code,
        topic_name: null_zval(),
        timestamp: -1,
        partition: 0,
        payload: None,
        key: None,
        offset: 0,
        headers: &[],
        opaque: None,
    })
}

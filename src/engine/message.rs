//! A consumed message, kept in librdkafka's memory until the binding layer has
//! copied what it needs straight into PHP values (no intermediate copy).

use std::ffi::CStr;
use std::os::raw::c_void;
use std::ptr::addr_of;

use rdkafka_sys as rdsys;

use super::wire::code_at;

/// A message header: name and optional value.
/// A header: its name (any bytes but NUL: Kafka does not require UTF-8) and value.
pub type Header = (Vec<u8>, Option<Vec<u8>>);

/// The `len` bytes at `ptr`, or `None` for a NULL pointer.
///
/// # Safety
/// A non-NULL `ptr` must point at `len` readable bytes that live for `'a`.
unsafe fn borrow_bytes<'a>(ptr: *const c_void, len: usize) -> Option<&'a [u8]> {
    // SAFETY: per the contract.
    (!ptr.is_null()).then(|| unsafe { std::slice::from_raw_parts(ptr.cast::<u8>(), len) })
}

/// Copies `len` bytes at `ptr`, or `None` for a NULL pointer.
///
/// # Safety
/// A non-NULL `ptr` must point at `len` readable bytes.
pub(crate) unsafe fn copy_bytes(ptr: *const c_void, len: usize) -> Option<Vec<u8>> {
    // SAFETY: per the contract.
    unsafe { borrow_bytes(ptr, len) }.map(<[u8]>::to_vec)
}

/// Copies a message's headers; empty when it has none.
///
/// # Safety
/// `message` must be valid for the duration of the call.
pub(crate) unsafe fn read_headers(message: *const rdsys::rd_kafka_message_t) -> Vec<Header> {
    let mut headers: *mut rdsys::rd_kafka_headers_t = std::ptr::null_mut();
    // SAFETY: message is valid; the headers stay owned by the message.
    let found = unsafe { rdsys::rd_kafka_message_headers(message, &mut headers) };
    if found != rdsys::rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_NO_ERROR || headers.is_null() {
        return Vec::new();
    }
    // SAFETY: headers is valid while the message is.
    let count = unsafe { rdsys::rd_kafka_header_cnt(headers) };
    let mut result = Vec::with_capacity(count);
    for index in 0..count {
        let mut name = std::ptr::null();
        let mut value = std::ptr::null();
        let mut size = 0usize;
        // SAFETY: index < count; the out-pointers are valid.
        let err = unsafe { rdsys::rd_kafka_header_get_all(headers, index, &mut name, &mut value, &mut size) };
        if err != rdsys::rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_NO_ERROR {
            break;
        }
        // SAFETY: librdkafka returned a NUL-terminated name and `size` bytes at `value` (or NULL).
        let name = if name.is_null() { Vec::new() } else { unsafe { std::ffi::CStr::from_ptr(name) }.to_bytes().to_vec() };
        // SAFETY: as above.
        result.push((name, unsafe { copy_bytes(value, size) }));
    }
    result
}

/// Read access to a librdkafka message, borrowed: what PHP's Message shows.
/// The message is read field by field through a pointer, never as a Rust
/// reference: its `err` may be a broker's code that rdkafka-sys's enum lacks.
///
/// # Safety
/// `raw` must return a valid message that lives at least as long as `self`.
pub unsafe trait MessageView {
    fn raw(&self) -> *const rdsys::rd_kafka_message_t;

    fn err(&self) -> i32 {
        // SAFETY: the message is valid while self is (the trait's contract).
        unsafe { code_at(addr_of!((*self.raw()).err)) }
    }

    /// The topic's name as librdkafka holds it (PHP strings are bytes; Kafka's
    /// topic names are ASCII), borrowed: no copy, no UTF-8 check per message.
    fn topic_name(&self) -> Option<&[u8]> {
        // SAFETY: the message is valid while self is (the trait's contract).
        let rkt = unsafe { (*self.raw()).rkt };
        // SAFETY: the topic handle, and so its name, lives at least as long as the message.
        (!rkt.is_null()).then(|| unsafe { CStr::from_ptr(rdsys::rd_kafka_topic_name(rkt)) }.to_bytes())
    }

    fn partition(&self) -> i32 {
        // SAFETY: the message is valid while self is (the trait's contract).
        unsafe { (*self.raw()).partition }
    }

    fn offset(&self) -> i64 {
        // SAFETY: the message is valid while self is (the trait's contract).
        unsafe { (*self.raw()).offset }
    }

    /// The payload, borrowed from librdkafka's buffer.
    fn payload(&self) -> Option<&[u8]> {
        let raw = self.raw();
        // SAFETY: the message is valid while self is; librdkafka guarantees `len` bytes at a non-NULL payload.
        unsafe { borrow_bytes((*raw).payload, (*raw).len) }
    }

    fn key(&self) -> Option<&[u8]> {
        let raw = self.raw();
        // SAFETY: the message is valid while self is; librdkafka guarantees `key_len` bytes at a non-NULL key.
        unsafe { borrow_bytes((*raw).key, (*raw).key_len) }
    }

    /// Milliseconds since the epoch, or -1 when not available.
    fn timestamp(&self) -> i64 {
        let mut kind = rdsys::rd_kafka_timestamp_type_t::RD_KAFKA_TIMESTAMP_NOT_AVAILABLE;
        // SAFETY: the message is valid.
        unsafe { rdsys::rd_kafka_message_timestamp(self.raw(), &mut kind) }
    }

    fn headers(&self) -> Vec<Header> {
        // SAFETY: the message is valid.
        unsafe { read_headers(self.raw()) }
    }
}

/// A message returned by a consumer poll; freed on drop.
pub struct ConsumedMessage {
    ptr: *mut rdsys::rd_kafka_message_t,
}

impl ConsumedMessage {
    /// # Safety
    /// `ptr` must be a non-NULL message from librdkafka that we now own.
    pub(crate) unsafe fn from_raw(ptr: *mut rdsys::rd_kafka_message_t) -> Self {
        Self { ptr }
    }
}

// SAFETY: ptr is non-NULL and owned by us until drop.
unsafe impl MessageView for ConsumedMessage {
    fn raw(&self) -> *const rdsys::rd_kafka_message_t {
        self.ptr
    }
}

/// A delivery report handed to PHP while librdkafka serves it: borrowed, no copies.
pub struct DeliveredMessage<'a> {
    /// Valid for `'a`, the delivery callback that serves it.
    pub(crate) raw: *const rdsys::rd_kafka_message_t,
    pub(crate) opaque: Option<&'a [u8]>,
}

impl DeliveredMessage<'_> {
    /// What the producer passed as `$msg_opaque`.
    pub fn opaque(&self) -> Option<&[u8]> {
        self.opaque
    }
}

// SAFETY: made only in the delivery callback, from the message it serves, and not kept past it.
unsafe impl MessageView for DeliveredMessage<'_> {
    fn raw(&self) -> *const rdsys::rd_kafka_message_t {
        self.raw
    }
}

impl Drop for ConsumedMessage {
    fn drop(&mut self) {
        // SAFETY: we own the message and free it once.
        unsafe { rdsys::rd_kafka_message_destroy(self.ptr) };
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::wire::message_with_code;

    #[test]
    fn a_delivery_error_code_the_enum_lacks_is_read_as_it_is() {
        let message = message_with_code(9999);
        let delivered = DeliveredMessage { raw: message.as_ptr(), opaque: None };
        assert_eq!(delivered.err(), 9999);
        assert_eq!((delivered.partition(), delivered.offset(), delivered.payload(), delivered.topic_name()), (0, 0, None, None));
    }
}

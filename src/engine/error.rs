//! The one error type of the engine. The binding layer maps it to
//! `RdKafka\Exception` in one place.

use std::ffi::CStr;
use std::os::raw::c_char;

use rdkafka_sys as rdsys;

use super::wire;

/// An error reported by librdkafka (or by the engine on its behalf).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KafkaError {
    pub code: i32,
    pub name: String,
    pub message: String,
    pub fatal: bool,
    pub retriable: bool,
    pub txn_requires_abort: bool,
}

pub type KafkaResult<T> = Result<T, KafkaError>;

/// `RD_KAFKA_RESP_ERR__INVALID_ARG`
pub const ERR_INVALID_ARG: i32 = -186;
/// `RD_KAFKA_RESP_ERR__INTR`: a wait was stopped (a PHP callback threw).
pub const ERR_INTR: i32 = -141;

/// `RD_KAFKA_CONF_UNKNOWN`, the code php-rdkafka gives an unknown property.
pub const CONF_UNKNOWN: i32 = -2;
/// `RD_KAFKA_CONF_INVALID`, the code php-rdkafka gives an invalid value.
pub const CONF_INVALID: i32 = -1;

impl KafkaError {
    /// The error for `code` with librdkafka's description as message.
    pub fn from_code(code: i32) -> Self {
        Self::with_message(code, err2str(code))
    }

    /// The error for `code` with a message of our own.
    pub fn with_message(code: i32, message: impl Into<String>) -> Self {
        Self {
            code,
            name: err2name(code),
            message: message.into(),
            fatal: false,
            retriable: false,
            txn_requires_abort: false,
        }
    }

    /// A configuration error (`RD_KAFKA_CONF_UNKNOWN`/`RD_KAFKA_CONF_INVALID`).
    pub fn config(code: i32, message: impl Into<String>) -> Self {
        Self {
            code,
            name: String::new(),
            message: message.into(),
            fatal: false,
            retriable: false,
            txn_requires_abort: false,
        }
    }

    /// The error librdkafka recorded for this thread's last failed call.
    pub(crate) fn last() -> Self {
        // SAFETY: reads a thread-local error code.
        Self::from_code(unsafe { wire::last_error() })
    }

    /// Takes ownership of a `rd_kafka_error_t` and destroys it.
    ///
    /// # Safety
    /// `error` must be a valid error object that nobody else will destroy.
    pub(crate) unsafe fn from_native_error(error: *mut rdsys::rd_kafka_error_t) -> Self {
        // SAFETY: the caller hands us a valid error object we now own.
        unsafe {
            let code = wire::error_code(error);
            let message = cstr_to_string(rdsys::rd_kafka_error_string(error));
            let fatal = rdsys::rd_kafka_error_is_fatal(error) != 0;
            let retriable = rdsys::rd_kafka_error_is_retriable(error) != 0;
            let txn_requires_abort = rdsys::rd_kafka_error_txn_requires_abort(error) != 0;
            rdsys::rd_kafka_error_destroy(error);
            Self { code, name: err2name(code), message, fatal, retriable, txn_requires_abort }
        }
    }

    /// Maps an `rd_kafka_error_t*` result: NULL is success, anything else an error we destroy.
    ///
    /// # Safety
    /// `error` must be NULL or a valid error object that nobody else will destroy.
    pub(crate) unsafe fn check_native(error: *mut rdsys::rd_kafka_error_t) -> KafkaResult<()> {
        if error.is_null() {
            return Ok(());
        }
        // SAFETY: per the contract.
        Err(unsafe { Self::from_native_error(error) })
    }

    /// `Err` for any code but `RD_KAFKA_RESP_ERR_NO_ERROR`, for codes only librdkafka produces.
    pub fn check(code: rdsys::rd_kafka_resp_err_t) -> KafkaResult<()> {
        Self::check_code(code as i32)
    }

    /// `Err` for any code but `RD_KAFKA_RESP_ERR_NO_ERROR`, for codes read as ints (see `wire`).
    pub fn check_code(code: i32) -> KafkaResult<()> {
        match code {
            0 => Ok(()),
            other => Err(Self::from_code(other)),
        }
    }
}

impl std::fmt::Display for KafkaError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for KafkaError {}

impl From<rdkafka::error::KafkaError> for KafkaError {
    fn from(error: rdkafka::error::KafkaError) -> Self {
        let code = error.rdkafka_error_code().map_or(-1, |code| code as i32);
        Self::with_message(code, error.to_string())
    }
}

/// librdkafka's description of an error code (`rd_kafka_err2str`).
pub fn err2str(code: i32) -> String {
    // SAFETY: rd_kafka_err2str accepts any int and returns a static string.
    cstr_to_string(unsafe { wire::err2str(code) })
}

/// librdkafka's name of an error code without the `RD_KAFKA_RESP_ERR_` prefix.
pub fn err2name(code: i32) -> String {
    // SAFETY: rd_kafka_err2name accepts any int and returns a static string.
    cstr_to_string(unsafe { wire::err2name(code) })
}

/// One entry of librdkafka's error table.
#[derive(Debug, Clone)]
pub struct ErrorDescription {
    pub code: i32,
    pub name: String,
    pub description: String,
}

/// librdkafka's error table as it is (`rd_kafka_get_err_descs`), holes included:
/// (code, name, description), NULLs as `None`.
pub fn error_table() -> Vec<(i32, Option<String>, Option<String>)> {
    let mut descs: *const rdsys::rd_kafka_err_desc = std::ptr::null();
    let mut count: usize = 0;
    // SAFETY: both out-pointers are valid; librdkafka fills them with a static table.
    unsafe { rdsys::rd_kafka_get_err_descs(&mut descs, &mut count) };
    if descs.is_null() {
        return Vec::new();
    }
    let text = |ptr: *const c_char| (!ptr.is_null()).then(|| cstr_to_string(ptr));
    // SAFETY: librdkafka guarantees `count` entries at `descs` for the process lifetime.
    unsafe { std::slice::from_raw_parts(descs, count) }.iter().map(|desc| (desc.code as i32, text(desc.name), text(desc.desc))).collect()
}

/// librdkafka's whole error table (`rd_kafka_get_err_descs`), holes skipped.
pub fn error_descriptions() -> Vec<ErrorDescription> {
    let mut descs: *const rdsys::rd_kafka_err_desc = std::ptr::null();
    let mut count: usize = 0;
    // SAFETY: both out-pointers are valid; librdkafka fills them with a static table.
    unsafe { rdsys::rd_kafka_get_err_descs(&mut descs, &mut count) };
    if descs.is_null() {
        return Vec::new();
    }
    // SAFETY: librdkafka guarantees `count` entries at `descs` for the process lifetime.
    let table = unsafe { std::slice::from_raw_parts(descs, count) };
    table
        .iter()
        .filter(|desc| !desc.name.is_null())
        .map(|desc| ErrorDescription {
            code: desc.code as i32,
            name: cstr_to_string(desc.name),
            description: cstr_to_string(desc.desc),
        })
        .collect()
}

/// Copies a C string that may be NULL (→ empty) or not UTF-8 (→ lossy).
pub(crate) fn cstr_to_string(ptr: *const c_char) -> String {
    if ptr.is_null() {
        return String::new();
    }
    // SAFETY: non-null C strings from librdkafka are NUL-terminated.
    unsafe { CStr::from_ptr(ptr) }.to_string_lossy().into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_descriptions_come_from_librdkafka() {
        assert_eq!(err2name(-185), "_TIMED_OUT");
        assert_eq!(err2str(-185), "Local: Timed out");
        assert_eq!(err2name(0), "NO_ERROR");
    }

    #[test]
    fn unknown_codes_do_not_crash() {
        assert!(err2str(123_456).contains("123456"));
    }

    #[test]
    fn the_error_table_has_the_well_known_entries() {
        let table = error_descriptions();
        assert!(table.iter().any(|d| d.code == -191 && d.name == "_PARTITION_EOF"));
        assert!(table.iter().any(|d| d.code == 0 && d.name == "NO_ERROR"));
        assert!(table.len() > 100);
    }
}

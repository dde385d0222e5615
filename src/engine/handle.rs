//! What works the same on any client handle (producer, consumer, KafkaConsumer):
//! each client type hands out its `&NativeClient` through `handle()`, and the
//! binding layer calls these on it, so each operation is written once.

use std::ffi::CString;
use std::os::raw::{c_char, c_int};

use rdkafka_sys as rdsys;

use super::client::NativeClient;
use super::error::{ERR_INVALID_ARG, cstr_to_string, KafkaError, KafkaResult};


/// Where `setLogger()` sends librdkafka's logs: php-rdkafka's `RD_KAFKA_LOG_*` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Logger {
    /// `RD_KAFKA_LOG_PRINT`: standard error.
    Print = 100,
    /// `RD_KAFKA_LOG_SYSLOG`
    Syslog = 101,
    /// `RD_KAFKA_LOG_SYSLOG_PRINT`: both.
    SyslogPrint = 102,
}

impl Logger {
    pub fn from_constant(value: i64) -> Option<Self> {
        [Self::Print, Self::Syslog, Self::SyslogPrint].into_iter().find(|logger| *logger as i64 == value)
    }
}

/// `value` as a C string, or an `_INVALID_ARG` error naming `what` if it holds a NUL byte.
pub(crate) fn c_string(what: &str, value: &str) -> KafkaResult<CString> {
    CString::new(value).map_err(|_| KafkaError::with_message(ERR_INVALID_ARG, format!("The {what} must not contain NUL bytes")))
}

impl NativeClient {
    /// Replaces the log destination (and any `log_cb`), as php-rdkafka's deprecated `setLogger()`.
    pub fn set_logger(&self, logger: Logger) {
        let function: unsafe extern "C" fn(*const rdsys::rd_kafka_t, c_int, *const c_char, *const c_char) = match logger {
            Logger::Print => rdsys::rd_kafka_log_print,
            Logger::Syslog => rdsys::rd_kafka_log_syslog,
            Logger::SyslogPrint => log_syslog_and_print,
        };
        // SAFETY: rk is live; the functions are librdkafka's own loggers (or call them).
        unsafe { rdsys::rd_kafka_set_logger(self.rk, Some(function)) };
    }

    /// Hands librdkafka a SASL/OAUTHBEARER token (usually from the token refresh callback).
    /// `extensions` are key/value pairs (RFC 7628 3.1).
    pub fn oauthbearer_set_token(&self, token: &str, lifetime_ms: i64, principal: &str, extensions: &[(String, String)]) -> KafkaResult<()> {
        let token = c_string("token", token)?;
        let principal = c_string("principal name", principal)?;
        let extensions = extensions
            .iter()
            .flat_map(|(key, value)| [c_string("extension key", key), c_string("extension value", value)])
            .collect::<KafkaResult<Vec<CString>>>()?;
        let mut pointers: Vec<*const c_char> = extensions.iter().map(|value| value.as_ptr()).collect();
        let mut errstr = [0 as c_char; 512];
        // SAFETY: rk is live; every string and the pointer array outlive the call, which copies them.
        let code = unsafe {
            rdsys::rd_kafka_oauthbearer_set_token(
                self.rk,
                token.as_ptr(),
                lifetime_ms,
                principal.as_ptr(),
                pointers.as_mut_ptr(),
                pointers.len(),
                errstr.as_mut_ptr(),
                errstr.len(),
            )
        };
        match code as i32 {
            0 => Ok(()),
            code => Err(KafkaError::with_message(code, cstr_to_string(errstr.as_ptr()))),
        }
    }

    /// Tells librdkafka that no token could be had; it retries the refresh later.
    pub fn oauthbearer_set_token_failure(&self, reason: &str) -> KafkaResult<()> {
        let reason = c_string("error", reason)?;
        // SAFETY: rk is live; librdkafka copies the string.
        KafkaError::check(unsafe { rdsys::rd_kafka_oauthbearer_set_token_failure(self.rk, reason.as_ptr()) })
    }
}

unsafe extern "C" fn log_syslog_and_print(rk: *const rdsys::rd_kafka_t, level: c_int, facility: *const c_char, message: *const c_char) {
    // SAFETY: librdkafka passes a log line valid for this call to both of its own loggers.
    unsafe {
        rdsys::rd_kafka_log_print(rk, level, facility, message);
        rdsys::rd_kafka_log_syslog(rk, level, facility, message);
    }
}

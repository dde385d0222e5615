//! librdkafka's log lines in PHP's error log (the `error_log` setting: a file,
//! syslog, or the SAPI's own log, which is stderr for the CLI). Written only on
//! the PHP thread, when the client's events are served.

use std::ffi::CString;
use std::os::raw::{c_char, c_int};

extern "C" {
    // PHPAPI (main/main.c); ext-php-rs does not bind it.
    fn php_log_err_with_severity(log_message: *const c_char, syslog_type_int: c_int);
}

/// syslog's `LOG_WARNING`
const LOG_WARNING: i32 = 4;

/// One librdkafka line, as `rdkafka: LEVEL|FACILITY|CLIENT| message` (librdkafka's
/// own stderr format without its timestamp, which the error log adds).
pub fn write(level: i32, facility: &str, message: &str, client: &str, dropped: i64) {
    if dropped > 0 {
        log(
            &format!("rdkafka: {LOG_WARNING}|LOGDROP|{client}| {dropped} log line(s) dropped: more than 1000 waited for this client's poll(), consume() or flush()"),
            LOG_WARNING,
        );
    }
    log(&format!("rdkafka: {level}|{facility}|{client}| {message}"), level);
}

/// A warning of rdkafka-rs itself, for when no request is there to show it to.
pub fn warn(line: &str) {
    log(line, LOG_WARNING);
}

fn log(line: &str, level: i32) {
    let Ok(line) = CString::new(line.replace('\0', "\\0")) else { return };
    // SAFETY: on the PHP thread (events are served there); PHP copies the string.
    unsafe { php_log_err_with_severity(line.as_ptr(), level) };
}

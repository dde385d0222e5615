//! The `rdkafka_rs.*` php.ini settings: registered at module start, read when
//! a client is created (and, for the shutdown flush, when a producer goes away).

use std::ffi::CStr;
use std::os::raw::{c_char, c_int};
use std::time::Duration;

use ext_php_rs::flags::IniEntryPermission;
use ext_php_rs::zend::{IniEntryDef, IniEntryDefs};

use crate::engine::MemoryDefaults;

extern "C" {
    // ZEND_API since PHP 7; ext-php-rs does not bind it.
    fn zend_ini_long(name: *const c_char, name_length: usize, orig: c_int) -> i64;
}

pub const SHUTDOWN_FLUSH_MS: &CStr = c"rdkafka_rs.shutdown_flush_ms";
pub const PRODUCER_MAX_MESSAGES: &CStr = c"rdkafka_rs.producer_max_messages";
pub const PRODUCER_MAX_KBYTES: &CStr = c"rdkafka_rs.producer_max_kbytes";
pub const CONSUMER_MAX_KBYTES: &CStr = c"rdkafka_rs.consumer_max_kbytes";
pub const LOG_LEVEL: &CStr = c"rdkafka_rs.log_level";
pub const REQUEST_FLUSH_MS: &CStr = c"rdkafka_rs.request_flush_ms";
pub const MAX_PERSISTENT_PRODUCERS: &CStr = c"rdkafka_rs.max_persistent_producers";

// INI defaults must be static C strings, so they repeat the engine's
// `MemoryDefaults::default()` and `DEFAULT_SHUTDOWN_FLUSH`; php-tests/ini_settings.phpt pins both.
static ENTRIES: IniEntryDefs<8> = IniEntryDefs::new([
    IniEntryDef::new(SHUTDOWN_FLUSH_MS, c"5000", IniEntryPermission::All),
    IniEntryDef::new(PRODUCER_MAX_MESSAGES, c"100000", IniEntryPermission::All),
    IniEntryDef::new(PRODUCER_MAX_KBYTES, c"16384", IniEntryPermission::All),
    IniEntryDef::new(CONSUMER_MAX_KBYTES, c"4096", IniEntryPermission::All),
    IniEntryDef::new(LOG_LEVEL, c"7", IniEntryPermission::All),
    IniEntryDef::new(REQUEST_FLUSH_MS, c"500", IniEntryPermission::All),
    IniEntryDef::new(MAX_PERSISTENT_PRODUCERS, c"4", IniEntryPermission::All),
    IniEntryDef::end(),
]);

pub fn register(module_number: i32) {
    IniEntryDef::register(ENTRIES.as_slice(), module_number);
}

fn read(name: &CStr) -> i64 {
    let bytes = name.to_bytes();
    // SAFETY: the name is NUL-terminated; PHP returns 0 for a setting it does not know.
    unsafe { zend_ini_long(name.as_ptr(), bytes.len(), 0) }
}

/// How long a producer that goes away with messages outstanding keeps delivering.
pub fn shutdown_flush() -> Duration {
    // A negative value is 0: php-rdkafka's behaviour (purge, no warning).
    Duration::from_millis(u64::try_from(read(SHUTDOWN_FLUSH_MS)).unwrap_or(0))
}

/// The memory bounds a new `Conf` starts with; a value below 1 keeps the built-in default.
pub fn memory_defaults() -> MemoryDefaults {
    let builtin = MemoryDefaults::default();
    let positive_or = |name: &CStr, default: i64| Some(read(name)).filter(|v| *v > 0).unwrap_or(default);
    MemoryDefaults {
        producer_max_messages: positive_or(PRODUCER_MAX_MESSAGES, builtin.producer_max_messages),
        producer_max_kbytes: positive_or(PRODUCER_MAX_KBYTES, builtin.producer_max_kbytes),
        consumer_max_kbytes: positive_or(CONSUMER_MAX_KBYTES, builtin.consumer_max_kbytes),
    }
}

/// The highest librdkafka log level written to PHP's error log (when no log_cb is
/// set); `None` (a negative setting) leaves logging to librdkafka, on stderr.
pub fn error_log_level() -> Option<i32> {
    let level = read(LOG_LEVEL);
    (level >= 0).then(|| i32::try_from(level.min(7)).unwrap_or(7))
}

/// How long a persistent producer's request end waits for its messages before
/// parking the handle (what is still on its way is delivered after the request).
pub fn request_flush() -> Duration {
    Duration::from_millis(u64::try_from(read(REQUEST_FLUSH_MS)).unwrap_or(0))
}

/// How many persistent handles a process keeps parked between requests.
pub fn max_persistent_producers() -> usize {
    usize::try_from(read(MAX_PERSISTENT_PRODUCERS)).unwrap_or(0)
}

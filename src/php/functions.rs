//! The `rd_kafka_*` functions. Names are set explicitly: ext-php-rs would
//! otherwise turn `rd_kafka_err2str` into `rd_kafka_err_2_str`.

use ext_php_rs::boxed::ZBox;
use ext_php_rs::builders::ModuleBuilder;
use ext_php_rs::prelude::*;
use ext_php_rs::types::ZendHashTable;

use super::exception::exception;
use super::zval::PhpInt;
use super::zval::{list, to_zval};
use crate::engine::error::{err2name, err2str, error_table};
use crate::engine::version::thread_count;

/// `[['code' => int, 'name' => ?string, 'desc' => ?string], ...]`, built as php-rdkafka
/// builds it: librdkafka's table in order, of its code-0 entries only the first (a hole,
/// with a null name and description), null where librdkafka has no text.
#[php_function]
#[php(name = "rd_kafka_get_err_descs")]
pub fn get_err_descs() -> PhpResult<ZBox<ZendHashTable>> {
    let mut entries = Vec::new();
    let mut seen_zero = false;
    for (code, name, description) in error_table() {
        if code == 0 {
            if seen_zero {
                continue;
            }
            seen_zero = true;
        }
        let mut entry = ZendHashTable::new();
        let failed = |error: ext_php_rs::error::Error| exception(error.to_string(), -1);
        entry.insert("code", i64::from(code)).map_err(failed)?;
        entry.insert("name", name).map_err(failed)?;
        entry.insert("desc", description).map_err(failed)?;
        entries.push(to_zval(entry)?);
    }
    list(entries)
}

#[php_function]
#[php(name = "rd_kafka_err2name")]
pub fn err_to_name(err: PhpInt) -> Option<String> {
    i32::try_from(err.0).ok().map(err2name)
}

#[php_function]
#[php(name = "rd_kafka_err2str")]
pub fn err_to_str(err: PhpInt) -> Option<String> {
    i32::try_from(err.0).ok().map(err2str)
}

/// Deprecated in librdkafka; kept for old scripts.
#[php_function]
#[php(name = "rd_kafka_errno2err")]
pub fn errno_to_err(errnox: PhpInt) -> i64 {
    let errno = i32::try_from(errnox.0).unwrap_or(0);
    // SAFETY: a pure lookup; any int is accepted.
    i64::from(unsafe { rdkafka_sys::rd_kafka_errno2err(errno) } as i32)
}

#[php_function]
#[php(name = "rd_kafka_errno")]
pub fn errno() -> i64 {
    // SAFETY: reads this thread's errno.
    i64::from(unsafe { rdkafka_sys::rd_kafka_errno() })
}

/// The offset `cnt` messages before the end of a partition.
#[php_function]
#[php(name = "rd_kafka_offset_tail")]
pub fn offset_tail(cnt: PhpInt) -> i64 {
    i64::from(rdkafka_sys::RD_KAFKA_OFFSET_TAIL_BASE).saturating_sub(cnt.0)
}

#[php_function]
#[php(name = "rd_kafka_thread_cnt")]
pub fn thread_cnt() -> i64 {
    i64::from(thread_count())
}

/// Test hook, registered only when RDKAFKA_RS_TEST_HOOKS=1 at load time: panics
/// inside the binding layer to prove a panic reaches PHP as an `RdKafka\Exception`.
#[php_function]
#[php(name = "rdkafka_rs_test_panic")]
#[allow(clippy::panic, reason = "the deliberate panic is what this hook tests")]
pub fn test_panic(reason: String) -> PhpResult<()> {
    super::exception::guard(|| panic!("{reason}"))
}

pub fn register(mut module: ModuleBuilder) -> ModuleBuilder {
    if std::env::var("RDKAFKA_RS_TEST_HOOKS").is_ok_and(|value| value == "1") {
        module = module.function(wrap_function!(test_panic));
    }
    module
        .function(wrap_function!(get_err_descs))
        .function(wrap_function!(err_to_name))
        .function(wrap_function!(err_to_str))
        .function(wrap_function!(errno_to_err))
        .function(wrap_function!(errno))
        .function(wrap_function!(offset_tail))
        .function(wrap_function!(thread_cnt))
}

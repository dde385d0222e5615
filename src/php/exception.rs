//! `RdKafka\Exception`, and the one place that maps engine errors and Rust
//! panics to PHP exceptions.

use std::cell::RefCell;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicPtr, Ordering};

use ext_php_rs::builders::ClassBuilder;
use ext_php_rs::exception::{PhpException, PhpResult};
use ext_php_rs::types::Zval;
use ext_php_rs::zend::{ce, ClassEntry};

use crate::engine::KafkaError;

static EXCEPTION_CE: AtomicPtr<ClassEntry> = AtomicPtr::new(std::ptr::null_mut());

/// Registered with the low-level builder at module start: exceptions made by
/// the class macros lose their file, line and trace.
pub fn register_exception_classes() -> ext_php_rs::error::Result<()> {
    ClassBuilder::new("RdKafka\\Exception")
        .extends((ce::exception, "\\Exception"))
        .registration(|class, _| EXCEPTION_CE.store(class, Ordering::SeqCst))
        .register()
}

/// The `RdKafka\Exception` class entry.
pub fn exception_class() -> &'static ClassEntry {
    let class = EXCEPTION_CE.load(Ordering::SeqCst);
    // SAFETY: set once at module start to a class entry that lives as long as the process.
    unsafe { class.as_ref() }.unwrap_or_else(ce::exception)
}

/// `RdKafka\Exception` with librdkafka's message and error code.
pub fn kafka_exception(error: &KafkaError) -> PhpException {
    PhpException::new(error.message.clone(), error.code, exception_class())
}

extern "C" {
    // ZEND_API (Zend/zend_API.c); ext-php-rs does not bind it.
    fn zend_update_property(
        scope: *mut ext_php_rs::ffi::zend_class_entry,
        object: *mut ext_php_rs::ffi::zend_object,
        name: *const std::os::raw::c_char,
        name_length: usize,
        value: *mut ext_php_rs::ffi::zval,
    );
}

/// An `RdKafka\Exception` object for `error`, as a value (to hand back, not to throw).
pub fn exception_object(error: &KafkaError) -> PhpResult<Zval> {
    let object = ext_php_rs::types::ZendObject::new(exception_class());
    object
        .try_call_method("__construct", vec![&error.message, &i64::from(error.code)])
        .map_err(|failure| exception(failure.to_string(), -1))?;
    // The trace would hold the arguments of the call that made it (for produceBatch(),
    // the $errors array the exception goes into: a cycle only the GC could free).
    let mut empty = Zval::new();
    empty.set_hashtable(ext_php_rs::types::ZendHashTable::new());
    let raw = std::ptr::from_ref::<ext_php_rs::types::ZendObject>(&object).cast_mut();
    // SAFETY: a live exception object; the scope is Exception, which declares the private
    // `trace`; PHP copies the value (we drop ours after).
    unsafe { zend_update_property(std::ptr::from_ref(ce::exception()).cast_mut(), raw, c"trace".as_ptr(), 5, &raw mut empty) };
    // Hands our reference to the zval (set_object would add a second one, never released).
    ext_php_rs::convert::IntoZval::into_zval(object, false).map_err(|failure| exception(failure.to_string(), -1))
}

pub fn exception(message: impl Into<String>, code: i32) -> PhpException {
    PhpException::new(message.into(), code, exception_class())
}

/// `\InvalidArgumentException`, which php-rdkafka throws for out-of-range arguments.
/// The error of the private constructor of a class only the extension hands out.
pub fn returned_only(class: &str) -> PhpException {
    exception(format!("{class} is returned by the AdminClient and cannot be created directly"), 0)
}

pub fn invalid_argument(message: impl Into<String>) -> PhpException {
    let class = ClassEntry::try_find("InvalidArgumentException").unwrap_or_else(ce::exception);
    PhpException::new(message.into(), 0, class)
}

pub fn type_error(message: impl Into<String>) -> PhpException {
    PhpException::new(message.into(), 0, ce::type_error())
}

pub fn value_error(message: impl Into<String>) -> PhpException {
    PhpException::new(message.into(), 0, ce::value_error())
}

/// Maps an engine result to a PHP result.
pub trait OrThrow<T> {
    fn or_throw(self) -> PhpResult<T>;
}

impl<T> OrThrow<T> for Result<T, KafkaError> {
    fn or_throw(self) -> PhpResult<T> {
        self.map_err(|error| kafka_exception(&error))
    }
}

/// Maps the result of a transactional call: errors become `RdKafka\KafkaErrorException`, as in php-rdkafka.
pub trait OrThrowKafkaError<T> {
    fn or_throw_kafka_error(self) -> PhpResult<T>;
}

impl<T> OrThrowKafkaError<T> for Result<T, KafkaError> {
    fn or_throw_kafka_error(self) -> PhpResult<T> {
        self.map_err(|error| super::kafka_error_exception::kafka_error_exception(&error))
    }
}

thread_local! {
    static LAST_PANIC_LOCATION: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Replaces Rust's default panic output (a backtrace on stderr, which under
/// PHP-FPM lands unannounced in the error log) with a note of where it happened,
/// which `guard` puts into the exception message.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let location = info.location().map(|l| format!("{}:{}", l.file(), l.line()));
        LAST_PANIC_LOCATION.with(|last| *last.borrow_mut() = location);
    }));
}

/// Runs a binding body so that a Rust panic becomes an `RdKafka\Exception`
/// instead of unwinding into PHP.
#[inline(always)]
pub fn guard<T>(body: impl FnOnce() -> PhpResult<T>) -> PhpResult<T> {
    match catch_unwind(AssertUnwindSafe(body)) {
        Ok(result) => result,
        Err(panic) => {
            let reason = panic
                .downcast_ref::<&str>()
                .map(|s| (*s).to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown cause".to_string());
            let location = LAST_PANIC_LOCATION.with(|last| last.borrow_mut().take()).unwrap_or_default();
            Err(exception(format!("Internal error in rdkafka-rs (please report it): {reason} at {location}"), -1))
        }
    }
}

extern "C" {
    // ZEND_API; ext-php-rs binds only php_error_docref, which prefixes the active function name.
    fn zend_error(error_type: std::os::raw::c_int, format: *const std::os::raw::c_char, ...);
}

/// Whether a PHP exception is pending. Read without ext-php-rs's `ExecutorGlobals::get()`,
/// whose lock cost ~5 % of a `poll()` serving delivery reports (it is asked once per report).
pub fn exception_pending() -> bool {
    // SAFETY: the executor globals live as long as the process; this runs on the PHP
    // thread, the only one that writes them.
    unsafe { ext_php_rs::ffi::ext_php_rs_executor_globals().as_ref() }.is_some_and(|globals| !globals.exception.is_null())
}

/// A PHP warning (`E_WARNING`) with our own message and no function prefix.
pub fn warning(message: &str) {
    let Ok(message) = std::ffi::CString::new(message.replace('\0', "\\0")) else { return };
    // SAFETY: "%s" with one NUL-terminated string argument that outlives the call.
    unsafe { zend_error(ext_php_rs::ffi::E_WARNING as std::os::raw::c_int, c"%s".as_ptr(), message.as_ptr()) };
}

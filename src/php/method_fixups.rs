//! Where the handlers ext-php-rs generates differ from php-rdkafka's C methods
//! in what a PHP user sees, this puts php-rdkafka's behaviour back, for every
//! method of every `RdKafka` class at once (new classes are covered without a
//! list to keep up to date):
//!
//! - a wrong argument type throws PHP's own TypeError wording ("RdKafka\Conf::setDefaultTopicConf():
//!   Argument #1 ($topic_conf) must be of type RdKafka\TopicConf, RdKafka\Conf given")
//!   instead of ext-php-rs's "Invalid value given for argument `topic_conf`.";
//! - a method called on an object whose constructor never ran (a subclass that
//!   skips `parent::__construct()`, `newInstanceWithoutConstructor()`) throws
//!   "RdKafka\TopicPartition::__construct() has not been called", not
//!   "Failed to retrieve reference to `$this`";
//! - php-rdkafka's deprecated methods and functions emit PHP's Deprecated notice;
//! - return types are tentative, as php-rdkafka declares them (`@tentative-return-type`):
//!   a subclass or mock that overrides a method without a return type gets PHP's
//!   deprecation notice instead of a fatal error.
//!
//! Each method's handler is wrapped once, at the first request (ext-php-rs
//! registers the classes after our module startup). The wrapper only looks at
//! the pending exception after the call, so a call that succeeds pays one
//! lookup. The two hot methods keep their own fast handlers (`fast_path`),
//! which fall back to these wrappers.

use std::ffi::CStr;
use std::os::raw::c_char;
use std::sync::{Once, OnceLock};

use ext_php_rs::ffi::{zend_class_entry, zend_execute_data, zend_function, zend_object, zval};
use ext_php_rs::boxed::ZBox;
use ext_php_rs::types::{ZendHashTable, ZendStr, Zval};
use ext_php_rs::zend::ExecutorGlobals;

use super::fast_path::Handler;
use super::zval::type_name;

/// Methods php-rdkafka declares deprecated on `RdKafka` (so on Producer and Consumer).
const DEPRECATED_CLIENT_METHODS: [&str; 4] = ["metadata", "setloglevel", "setlogger", "outqlen"];
const DEPRECATED_METHODS: [(&str, &str); 1] = [("rdkafka\\conf", "setdefaulttopicconf")];
const DEPRECATED_FUNCTIONS: [&str; 2] = ["rd_kafka_errno2err", "rd_kafka_errno"];
/// `ZEND_ACC_DEPRECATED`
const ACC_DEPRECATED: u32 = 1 << 11;
/// `ZEND_ACC_HAS_RETURN_TYPE`
const ACC_HAS_RETURN_TYPE: u32 = 1 << 13;
/// `_ZEND_IS_TENTATIVE_BIT` of a `zend_type` (PHP 8.1+)
const TYPE_IS_TENTATIVE: u32 = 1 << (ext_php_rs::ffi::_ZEND_SEND_MODE_SHIFT + 4);
/// `ZEND_INTERNAL_FUNCTION`
const INTERNAL_FUNCTION: u8 = 1;

const EXT_PHP_RS_TYPE_ERROR: &str = "Invalid value given for argument `";
const EXT_PHP_RS_NO_THIS: &str = "Failed to retrieve reference to `$this`";

extern "C" {
    // ZEND_API in PHP 8.1-8.4: PHP's own "Class::method(): Argument #N ($name) " prefix.
    fn zend_argument_type_error(arg_num: u32, format: *const c_char, ...);
    fn zend_type_to_string(declared: ext_php_rs::ffi::zend_type) -> *mut ext_php_rs::ffi::zend_string;
    fn zend_clear_exception();
    fn get_active_function_or_method_name() -> *mut ext_php_rs::ffi::zend_string;
    fn zend_error(kind: std::os::raw::c_int, format: *const c_char, ...);
    fn zend_read_property(scope: *mut zend_class_entry, object: *mut zend_object, name: *const c_char, name_length: usize, silent: bool, rv: *mut zval) -> *mut zval;
}

/// A method, by its declaring class and name: both pointers are kept by the copies
/// PHP makes of an internal method when a class extends ours.
type MethodKey = (usize, usize);

/// The generated handlers, sorted by key for binary search.
static ORIGINALS: OnceLock<Vec<(MethodKey, Handler)>> = OnceLock::new();
static INSTALLED: Once = Once::new();

/// Wraps every `RdKafka` method and marks the deprecated ones; once per process,
/// before `fast_path::install`.
pub fn install() {
    INSTALLED.call_once(|| {
        let globals = ExecutorGlobals::get();
        let mut originals = Vec::new();
        if let Some(classes) = globals.class_table() {
            for (name, class) in classes {
                let name = name.to_string();
                if name != "rdkafka" && !name.starts_with("rdkafka\\") {
                    continue;
                }
                // SAFETY: the class table maps lower-case names to live class entries.
                if let Some(class) = unsafe { class.ptr::<zend_class_entry>().and_then(|class| class.as_mut()) } {
                    wrap_methods(class, &mut originals);
                }
            }
        }
        if let Some(functions) = globals.function_table() {
            wrap_functions(functions, &mut originals);
            for name in DEPRECATED_FUNCTIONS {
                // SAFETY: the function table maps names to live functions.
                if let Some(function) = functions.get(name).and_then(|entry| unsafe { entry.ptr::<zend_function>() }) {
                    // SAFETY: a live internal function registered by this extension; its flags are read per call.
                    unsafe { (*function).common.fn_flags |= ACC_DEPRECATED };
                }
            }
        }
        originals.sort_unstable_by_key(|(key, _)| *key);
        let _ = ORIGINALS.set(originals);
    });
}

/// The `rd_kafka_*` functions get the same wrapper as the methods.
fn wrap_functions(functions: &ZendHashTable, originals: &mut Vec<(MethodKey, Handler)>) {
    for (name, entry) in super::zval::entries(functions) {
        if !matches!(&name, super::zval::ArrayIndex::Name(name) if name.starts_with(b"rd_kafka_")) {
            continue;
        }
        // SAFETY: the function table maps names to live functions; only internal ones
        // (ours: php-rdkafka's function names) are changed, before any call.
        unsafe {
            let Some(function) = entry.ptr::<zend_function>() else { continue };
            let internal = &mut (*function).internal_function;
            if internal.type_ != INTERNAL_FUNCTION {
                continue;
            }
            if let Some(generated) = internal.handler {
                originals.push((method_key(function), generated));
                internal.handler = Some(checked);
            }
        }
    }
}

fn wrap_methods(class: &mut zend_class_entry, originals: &mut Vec<(MethodKey, Handler)>) {
    let class_ptr: *mut zend_class_entry = class;
    let is_client = class.parent().is_some_and(|parent| lower_name(parent.name) == "rdkafka");
    let class_name = lower_name(class.name);
    let methods: &ZendHashTable = &class.function_table;
    for (method, entry) in methods {
        let method = method.to_string();
        // SAFETY: the function table maps names to live functions.
        let Some(function) = (unsafe { entry.ptr::<zend_function>() }) else { continue };
        // SAFETY: the function table maps names to live functions; only the methods this
        // class declares are changed (inherited ones are changed with their class).
        unsafe {
            let internal = &mut (*function).internal_function;
            if internal.type_ != INTERNAL_FUNCTION || internal.scope != class_ptr {
                continue;
            }
            if (is_client && DEPRECATED_CLIENT_METHODS.contains(&method.as_str()))
                || DEPRECATED_METHODS.contains(&(class_name.as_str(), method.as_str()))
            {
                internal.fn_flags |= ACC_DEPRECATED;
            }
            if internal.fn_flags & ACC_HAS_RETURN_TYPE != 0 && !internal.arg_info.is_null() {
                // The return type lives just before the first argument.
                (*internal.arg_info.offset(-1)).type_.type_mask |= TYPE_IS_TENTATIVE;
            }
            if let Some(generated) = internal.handler {
                originals.push((method_key(function), generated));
                internal.handler = Some(checked);
            }
        }
    }
}

/// # Safety
/// `function` must be a live function.
unsafe fn method_key(function: *const zend_function) -> MethodKey {
    // SAFETY: per the contract.
    unsafe { ((*function).common.scope as usize, (*function).common.function_name as usize) }
}

fn lower_name(name: *mut ext_php_rs::ffi::zend_string) -> String {
    // SAFETY: class names are live zend_strings.
    unsafe { name.as_ref() }.map(|name| String::from_utf8_lossy(name.as_bytes()).to_lowercase()).unwrap_or_default()
}

/// Runs the generated handler, then rewrites the exceptions listed at the top.
unsafe extern "C" fn checked(execute_data: *mut zend_execute_data, retval: *mut zval) {
    // SAFETY: PHP passes the frame of this call, whose func is the method being called.
    let function = unsafe { (*execute_data).func };
    let originals = ORIGINALS.get().map_or(&[][..], Vec::as_slice);
    // SAFETY: the function being called is live.
    let key = unsafe { method_key(function) };
    let Ok(found) = originals.binary_search_by_key(&key, |(key, _)| *key) else {
        // Unreachable: only wrapped methods (and PHP's copies of them) get here.
        // SAFETY: an exception is the one safe way out of an internal call.
        let message = c"rdkafka-rs: a wrapped method lost its handler (please report it)";
        unsafe { ext_php_rs::ffi::zend_throw_exception(ext_php_rs::ffi::zend_ce_exception, message.as_ptr(), 0) };
        return;
    };
    // SAFETY: the frame of this call to `function`.
    if !unsafe { accept_null_arguments(execute_data, function) } {
        return; // an error handler turned the deprecation notice into an exception
    }
    // SAFETY: the generated handler of this very method, with PHP's own arguments.
    unsafe { (originals[found].1)(execute_data, retval) };
    if super::exception::exception_pending() {
        // SAFETY: the same frame, still live.
        unsafe { rewrite_exception(execute_data, function) };
    }
}

/// `MAY_BE_*` bits of a `zend_type` mask (PHP 8.1-8.4).
const MAY_BE_NULL: u32 = 1 << 1;
const MAY_BE_BOOL: u32 = (1 << 2) | (1 << 3);
const MAY_BE_LONG: u32 = 1 << 4;
const MAY_BE_DOUBLE: u32 = 1 << 5;
const MAY_BE_STRING: u32 = 1 << 6;
/// `E_DEPRECATED`
const E_DEPRECATED: std::os::raw::c_int = 8192;

/// null for a scalar parameter that does not take null: outside strict_types, PHP 8.1+
/// (so php-rdkafka's zend_parse_parameters) takes it as 0, 0.0, "" or false with a
/// deprecation notice; ext-php-rs's handlers would throw a TypeError. Done here, where
/// the declared types are known, before the generated handler reads the arguments.
/// Returns false when an error handler turned the notice into an exception.
///
/// # Safety
/// `execute_data` is the live frame of a call to `function`, an internal function.
unsafe fn accept_null_arguments(execute_data: *mut zend_execute_data, function: *mut zend_function) -> bool {
    // SAFETY: per the contract; arg_info has num_args entries, and the frame's arguments
    // follow it (ZEND_CALL_ARG).
    unsafe {
        let internal = &(*function).internal_function;
        let frame = &mut *execute_data.cast::<ext_php_rs::zend::ExecuteData>();
        let count = frame.This.u2.num_args.min(internal.num_args);
        for index in 0..count {
            let Some(value) = frame.zend_call_arg(index as usize) else { continue };
            if !value.is_null() {
                continue;
            }
            let mask = (*internal.arg_info.add(index as usize)).type_.type_mask;
            let scalar = mask & (MAY_BE_BOOL | MAY_BE_LONG | MAY_BE_DOUBLE | MAY_BE_STRING);
            if mask & MAY_BE_NULL != 0 || scalar == 0 || super::zval::caller_uses_strict_types() {
                continue;
            }
            let declared = ZBox::<ZendStr>::from_raw(zend_type_to_string((*internal.arg_info.add(index as usize)).type_));
            let function_name = ZBox::<ZendStr>::from_raw(get_active_function_or_method_name());
            let name = CStr::from_ptr((*internal.arg_info.add(index as usize)).name);
            // PHP's own words (zend_null_arg_deprecated(), which it does not export).
            let message = format!(
                "{}(): Passing null to parameter #{} (${}) of type {} is deprecated",
                function_name.as_str().unwrap_or_default(),
                index + 1,
                name.to_string_lossy(),
                declared.as_str().unwrap_or_default()
            );
            let Ok(message) = std::ffi::CString::new(message) else { continue };
            zend_error(E_DEPRECATED, c"%s".as_ptr(), message.as_ptr());
            if super::exception::exception_pending() {
                return false;
            }
            if scalar & MAY_BE_STRING != 0 {
                value.set_string("", false).ok();
            } else if scalar & MAY_BE_LONG != 0 {
                value.set_long(0);
            } else if scalar & MAY_BE_DOUBLE != 0 {
                value.set_double(0.0);
            } else {
                value.set_bool(false);
            }
        }
    }
    true
}

/// # Safety
/// `execute_data` is the live frame of a call to `function`, an internal method.
unsafe fn rewrite_exception(execute_data: *mut zend_execute_data, function: *mut zend_function) {
    let Some(message) = pending_exception_message() else { return };
    if let Some(rest) = message.strip_prefix(EXT_PHP_RS_TYPE_ERROR) {
        let name = rest.trim_end_matches("`.");
        // SAFETY: per the contract; arg_info has num_args entries.
        unsafe {
            let internal = &(*function).internal_function;
            let count = (*execute_data).This.u2.num_args.min(internal.num_args);
            for index in 0..count {
                let info = internal.arg_info.add(index as usize);
                if CStr::from_ptr((*info).name).to_bytes() == name.as_bytes() {
                    let frame = &*execute_data.cast::<ext_php_rs::zend::ExecuteData>();
                    let Some(value) = frame.zend_call_arg(index as usize) else { return };
                    let declared = ZBox::<ZendStr>::from_raw(zend_type_to_string((*info).type_));
                    let given = match value.object() {
                        // An anonymous class's name goes on after a NUL (its file): PHP prints "class@anonymous".
                        Some(object) => object.get_class_name().unwrap_or_default().split('\0').next().unwrap_or_default().to_string(),
                        None => type_name(value).to_string(),
                    };
                    let message = format!("must be of type {}, {given} given", declared.as_str().unwrap_or("mixed"));
                    let Ok(message) = std::ffi::CString::new(message) else { return };
                    zend_clear_exception();
                    zend_argument_type_error(index + 1, c"%s".as_ptr(), message.as_ptr());
                    return;
                }
            }
        }
    } else if message == EXT_PHP_RS_NO_THIS {
        // SAFETY: per the contract; a method's scope is its live class entry.
        let class = unsafe { class_name((*function).common.scope) };
        // SAFETY: an exception is pending; PHP's base Exception, as php-rdkafka throws.
        unsafe {
            zend_clear_exception();
            let message = std::ffi::CString::new(format!("{class}::__construct() has not been called")).unwrap_or_default();
            ext_php_rs::ffi::zend_throw_exception(ext_php_rs::ffi::zend_ce_exception, message.as_ptr(), 0);
        }
    }
}

/// # Safety
/// `class` must be NULL or a live class entry.
unsafe fn class_name(class: *mut zend_class_entry) -> String {
    // SAFETY: per the contract.
    unsafe { class.as_ref() }
        .and_then(|class| unsafe { class.name.as_ref() })
        .map(|name| String::from_utf8_lossy(name.as_bytes()).into_owned())
        .unwrap_or_default()
}

/// The pending exception's message, when it is one of the two ext-php-rs wordings.
fn pending_exception_message() -> Option<String> {
    let exception = ExecutorGlobals::get().exception;
    if exception.is_null() {
        return None;
    }
    let mut scratch = Zval::new();
    // SAFETY: a live exception object; "message" is declared by Exception and Error,
    // read silently in the object's own class scope; the result points at the
    // property or at `scratch`.
    let value = unsafe {
        zend_read_property((*exception).ce, exception, c"message".as_ptr(), 7, true, std::ptr::from_mut(&mut scratch).cast())
    };
    // SAFETY: zend_read_property never returns NULL.
    let message = unsafe { value.cast::<Zval>().as_ref() }?.string()?;
    (message.starts_with(EXT_PHP_RS_TYPE_ERROR) || message == EXT_PHP_RS_NO_THIS).then_some(message)
}

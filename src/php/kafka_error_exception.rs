//! `RdKafka\KafkaErrorException`: what transactional calls throw. Besides the
//! message and code it carries librdkafka's error string and whether the error
//! is fatal, retriable, or requires aborting the transaction.

use std::os::raw::c_char;
use std::sync::atomic::{AtomicPtr, Ordering};

use ext_php_rs::args::Arg;
use ext_php_rs::builders::{ClassBuilder, ClassProperty, FunctionBuilder};
use ext_php_rs::convert::IntoZval;
use ext_php_rs::exception::PhpException;
use ext_php_rs::ffi::{zend_class_entry, zend_long, zend_object, zval};
use ext_php_rs::flags::{DataType, MethodFlags, PropertyFlags};
use ext_php_rs::types::{ZendObject, Zval};
use ext_php_rs::zend::{ce, ClassEntry, ExecuteData};

use super::exception::exception_class;
use super::exception::type_error;
use super::zval::{bool_zval, bytes_zval, caller_uses_strict_types, given_name, long_zval, PhpBool, PhpBytes, PhpInt};
use crate::engine::KafkaError;

static KAFKA_ERROR_CE: AtomicPtr<ClassEntry> = AtomicPtr::new(std::ptr::null_mut());

extern "C" {
    // ZEND_API since PHP 8.0. They write with `scope` as the calling scope, which
    // is how internal code sets private and protected properties.
    fn zend_update_property_string(scope: *mut zend_class_entry, object: *mut zend_object, name: *const c_char, name_length: usize, value: *const c_char);
    fn zend_update_property_long(scope: *mut zend_class_entry, object: *mut zend_object, name: *const c_char, name_length: usize, value: zend_long);
    fn zend_update_property_bool(scope: *mut zend_class_entry, object: *mut zend_object, name: *const c_char, name_length: usize, value: zend_long);
    fn zend_read_property(scope: *mut zend_class_entry, object: *mut zend_object, name: *const c_char, name_length: usize, silent: bool, rv: *mut zval) -> *mut zval;
}

const FLAGS: [&str; 3] = ["isFatal", "isRetriable", "transactionRequiresAbort"];

/// Registered at module start, after `RdKafka\Exception`.
pub fn register_kafka_error_exception_class() -> ext_php_rs::error::Result<()> {
    let mut builder = ClassBuilder::new("RdKafka\\KafkaErrorException").extends((exception_class, "RdKafka\\Exception"));
    for name in ["error_string"].into_iter().chain(FLAGS) {
        let is_flag = name != "error_string";
        builder = builder.property(ClassProperty {
            name: name.to_string(),
            flags: PropertyFlags::Private,
            default: Some(Box::new(move || Ok(if is_flag { bool_zval(false) } else { bytes_zval(b"") }))),
            docs: &[],
            ty: None,
            nullable: false,
            readonly: false,
            default_stub: None,
        });
    }
    let constructor = FunctionBuilder::constructor(construct)
        .arg(Arg::new("message", DataType::String))
        .arg(Arg::new("code", DataType::Long))
        .arg(Arg::new("error_string", DataType::String))
        .arg(Arg::new("isFatal", DataType::Bool))
        .arg(Arg::new("isRetriable", DataType::Bool))
        .arg(Arg::new("transactionRequiresAbort", DataType::Bool));
    builder
        .method(constructor, MethodFlags::Public)
        .method(FunctionBuilder::new("getErrorString", get_error_string).returns(DataType::String, false, false), MethodFlags::Public)
        .method(FunctionBuilder::new("isFatal", is_fatal).returns(DataType::Bool, false, false), MethodFlags::Public)
        .method(FunctionBuilder::new("isRetriable", is_retriable).returns(DataType::Bool, false, false), MethodFlags::Public)
        .method(
            FunctionBuilder::new("transactionRequiresAbort", transaction_requires_abort).returns(DataType::Bool, false, false),
            MethodFlags::Public,
        )
        .registration(|class, _| KAFKA_ERROR_CE.store(class, Ordering::SeqCst))
        .register()
}

fn kafka_error_class() -> &'static ClassEntry {
    let class = KAFKA_ERROR_CE.load(Ordering::SeqCst);
    // SAFETY: set once at module start to a class entry that lives as long as the process.
    unsafe { class.as_ref() }.unwrap_or_else(exception_class)
}

/// The exception for a failed transactional call, as php-rdkafka builds it:
/// message "<error string> (RD_KAFKA_RESP_ERR_<name>)".
pub fn kafka_error_exception(error: &KafkaError) -> PhpException {
    let message = format!("{} (RD_KAFKA_RESP_ERR_{})", error.message, error.name);
    let mut object = ZendObject::new(kafka_error_class());
    fill(&mut object, &message, i64::from(error.code), &error.message, [error.fatal, error.retriable, error.txn_requires_abort]);
    let exception = PhpException::new(message, error.code, kafka_error_class());
    match object.into_zval(false) {
        Ok(zval) => exception.with_object(zval),
        Err(_) => exception,
    }
}

fn fill(object: &mut ZendObject, message: &str, code: i64, error_string: &str, flags: [bool; 3]) {
    let object: *mut zend_object = object;
    let base = std::ptr::from_ref(ce::exception()).cast_mut();
    let own = std::ptr::from_ref(kafka_error_class()).cast_mut();
    let (Ok(message), Ok(error_string)) = (std::ffi::CString::new(message), std::ffi::CString::new(error_string)) else { return };
    // SAFETY: a live object of our class (or a subclass); each name is a declared
    // property of `scope`; the strings outlive the calls, which copy them.
    unsafe {
        zend_update_property_string(base, object, c"message".as_ptr(), 7, message.as_ptr());
        zend_update_property_long(base, object, c"code".as_ptr(), 4, code);
        zend_update_property_string(own, object, c"error_string".as_ptr(), 12, error_string.as_ptr());
        for (name, value) in FLAGS.iter().zip(flags) {
            zend_update_property_bool(own, object, name.as_ptr().cast(), name.len(), zend_long::from(value));
        }
    }
}

/// `__construct(string $message, int $code, string $error_string, bool $isFatal, bool $isRetriable, bool $transactionRequiresAbort)`
extern "C" fn construct(execute_data: &mut ExecuteData, _retval: &mut Zval) {
    let mut args = [
        Arg::new("message", DataType::String),
        Arg::new("code", DataType::Long),
        Arg::new("error_string", DataType::String),
        Arg::new("isFatal", DataType::Bool),
        Arg::new("isRetriable", DataType::Bool),
        Arg::new("transactionRequiresAbort", DataType::Bool),
    ];
    let (parser, this) = execute_data.parser_object();
    let [message, code, error_string, fatal, retriable, abort] = &mut args;
    // Reflection says six are required; like php-rdkafka, two are enough at run time.
    if parser.arg(message).arg(code).not_required().arg(error_string).arg(fatal).arg(retriable).arg(abort).parse().is_err() {
        return;
    }
    let Some(this) = this else { return };
    // Converted as PHP's weak mode converts a parameter (php-rdkafka's zend_parse_parameters):
    // '5' is code 5, 1 is true; a value that cannot be converted is PHP's TypeError.
    let strict = caller_uses_strict_types();
    let converted = (|| -> Result<_, PhpException> {
        let read = |position: usize, name: &str, arg: &mut Arg, expected: &str, absent| -> Result<Zval, PhpException> {
            let Some(value) = arg.zval() else { return Ok(absent) };
            let converted = match (expected, strict) {
                ("string", false) => PhpBytes::from_value(value).map(|bytes| bytes_zval(bytes.bytes())),
                ("int", false) => PhpInt::from_value(value).map(|int| long_zval(int.0)),
                (_, false) => PhpBool::from_value(value).map(|flag| bool_zval(flag.0)),
                // declare(strict_types=1): only the declared type itself.
                ("string", true) => value.binary_slice::<u8>().map(bytes_zval),
                ("int", true) => value.long().map(long_zval),
                (_, true) => value.bool().map(bool_zval),
            };
            converted.ok_or_else(|| {
                type_error(format!(
                    "RdKafka\\KafkaErrorException::__construct(): Argument #{position} (${name}) must be of type {expected}, {} given",
                    given_name(value)
                ))
            })
        };
        let message = read(1, "message", message, "string", bytes_zval(b""))?;
        let code = read(2, "code", code, "int", long_zval(0))?;
        let error_string = read(3, "error_string", error_string, "string", bytes_zval(b""))?;
        let flags = [
            read(4, "isFatal", fatal, "bool", bool_zval(false))?,
            read(5, "isRetriable", retriable, "bool", bool_zval(false))?,
            read(6, "transactionRequiresAbort", abort, "bool", bool_zval(false))?,
        ];
        Ok((message, code, error_string, flags.map(|flag| flag.bool().unwrap_or_default())))
    })();
    match converted {
        Ok((message, code, error_string, flags)) => {
            let text = |value: &Zval| String::from_utf8_lossy(value.binary_slice::<u8>().unwrap_or_default()).into_owned();
            fill(this, &text(&message), code.long().unwrap_or_default(), &text(&error_string), flags);
        }
        Err(error) => {
            error.throw();
        }
    }
}


fn read_property(execute_data: &mut ExecuteData, retval: &mut Zval, name: &str) {
    let Some(this) = execute_data.get_self() else { return };
    let own = std::ptr::from_ref(kafka_error_class()).cast_mut();
    let mut scratch = Zval::new();
    // SAFETY: a live object; the declared private property is read in its class's scope,
    // silently; the result points at the property or at `scratch`, both live here.
    let value = unsafe { zend_read_property(own, std::ptr::from_mut(this), name.as_ptr().cast(), name.len(), true, std::ptr::from_mut(&mut scratch).cast()) };
    // SAFETY: zend_read_property never returns NULL.
    if let Some(value) = unsafe { value.cast::<Zval>().as_ref() } {
        *retval = value.shallow_clone();
    }
}

extern "C" fn get_error_string(execute_data: &mut ExecuteData, retval: &mut Zval) {
    read_property(execute_data, retval, "error_string");
}

extern "C" fn is_fatal(execute_data: &mut ExecuteData, retval: &mut Zval) {
    read_property(execute_data, retval, FLAGS[0]);
}

extern "C" fn is_retriable(execute_data: &mut ExecuteData, retval: &mut Zval) {
    read_property(execute_data, retval, FLAGS[1]);
}

extern "C" fn transaction_requires_abort(execute_data: &mut ExecuteData, retval: &mut Zval) {
    read_property(execute_data, retval, FLAGS[2]);
}

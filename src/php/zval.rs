//! Small conversions between PHP values and Rust values used by several classes.

use ext_php_rs::convert::IntoZval;
use ext_php_rs::exception::PhpResult;
use ext_php_rs::boxed::ZBox;
use ext_php_rs::types::{ZendHashTable, ZendStr, Zval};

use super::exception::exception;

/// A PHP string holding arbitrary bytes (payloads are not UTF-8 in general).
pub fn bytes_zval(bytes: &[u8]) -> Zval {
    let mut zval = Zval::new();
    zval.set_zend_string(ZendStr::new(bytes, false));
    zval
}

pub fn optional_bytes_zval(bytes: Option<&[u8]>) -> Zval {
    bytes.map_or_else(null_zval, bytes_zval)
}

pub fn null_zval() -> Zval {
    let mut zval = Zval::new();
    // A new zval holds nothing to release: set its type directly (a Message takes
    // several per delivery report; the setters first release the old value).
    zval.u1.type_info = ext_php_rs::ffi::IS_NULL;
    zval
}

pub fn long_zval(value: i64) -> Zval {
    let mut zval = Zval::new();
    // As in null_zval: nothing to release in a new zval.
    zval.value.lval = value;
    zval.u1.type_info = ext_php_rs::ffi::IS_LONG;
    zval
}

/// Turns any IntoZval value into a Zval, as an `RdKafka\Exception` on failure.
pub fn bool_zval(value: bool) -> Zval {
    let mut zval = Zval::new();
    zval.set_bool(value);
    zval
}

pub fn to_zval(value: impl IntoZval) -> PhpResult<Zval> {
    value.into_zval(false).map_err(|error| exception(error.to_string(), -1))
}

/// An array `[string key => string value, ...]` keeping the given order.
pub fn string_map(pairs: Vec<(String, String)>) -> PhpResult<ZBox<ZendHashTable>> {
    let mut table = ZendHashTable::new();
    for (key, value) in pairs {
        table.insert(key.as_str(), value).map_err(|error| exception(error.to_string(), -1))?;
    }
    Ok(table)
}

/// An array built from zvals, as a list.
pub fn list(values: Vec<Zval>) -> PhpResult<ZBox<ZendHashTable>> {
    let mut table = ZendHashTable::new();
    for value in values {
        table.push(value).map_err(|error| exception(error.to_string(), -1))?;
    }
    Ok(table)
}

/// The PHP name of a value's type, as PHP's own TypeErrors print it.
pub fn type_name(value: &Zval) -> &'static str {
    if value.is_null() {
        "null"
    } else if value.is_bool() {
        "bool"
    } else if value.is_long() {
        "int"
    } else if value.is_double() {
        "float"
    } else if value.is_string() {
        "string"
    } else if value.is_array() {
        "array"
    } else if value.is_object() {
        "object"
    } else {
        "resource"
    }
}

/// A PHP array key as PHP holds it: an int, or a string of any bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ArrayIndex {
    Int(i64),
    Name(Vec<u8>),
}

impl std::fmt::Display for ArrayIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Int(index) => write!(f, "{index}"),
            Self::Name(name) => f.write_str(&String::from_utf8_lossy(name)),
        }
    }
}

/// Every entry of `table` with its key. ext-php-rs's `iter()` panics on a string
/// key that is not UTF-8, which PHP allows (and php-rdkafka accepts).
pub fn entries(table: &ZendHashTable) -> impl Iterator<Item = (ArrayIndex, &Zval)> {
    let mut iter = table.iter();
    std::iter::from_fn(move || {
        let (key, value) = iter.next_zval()?;
        let index = match key.long() {
            Some(index) => ArrayIndex::Int(index),
            None => ArrayIndex::Name(key.binary_slice::<u8>().unwrap_or_default().to_vec()),
        };
        Some((index, value))
    })
}

/// `$table[$index] = $value`.
pub fn insert_at(table: &mut ZendHashTable, index: &ArrayIndex, value: Zval) -> PhpResult<()> {
    match index {
        ArrayIndex::Int(position) => table.insert_at_index(*position, value).map_err(|error| exception(error.to_string(), -1)),
        ArrayIndex::Name(name) => insert_named(table, name, value),
    }
}

/// `$table[$name] = $value` for a name of any bytes: one that is a canonical
/// integer ("5", "-3") is that int key, as PHP makes it.
pub fn insert_named(table: &mut ZendHashTable, name: &[u8], value: Zval) -> PhpResult<()> {
    if let Some(position) = canonical_int(name) {
        return table.insert_at_index(position, value).map_err(|error| exception(error.to_string(), -1));
    }
    let mut value = value;
    // SAFETY: a live table; the key's bytes are read during the call; the table takes
    // over the value (ZVAL_COPY_VALUE), so ours is released without being freed.
    unsafe { ext_php_rs::ffi::zend_hash_str_update(table, name.as_ptr().cast(), name.len(), &raw mut value) };
    // What `Zval::release` does: the zval no longer owns what it pointed to.
    value.u1.type_info = ext_php_rs::ffi::IS_NULL;
    Ok(())
}

/// The int a string key stands for in PHP (`ZEND_HANDLE_NUMERIC_STR`): decimal,
/// no leading zero or plus sign, not "-0", within range.
fn canonical_int(name: &[u8]) -> Option<i64> {
    let digits = name.strip_prefix(b"-").unwrap_or(name);
    let canonical = !digits.is_empty() && digits.iter().all(u8::is_ascii_digit) && (digits[0] != b'0' || name == b"0");
    canonical.then(|| std::str::from_utf8(name).ok()?.parse().ok()).flatten()
}

/// What PHP's own TypeErrors say was given: the type, or an object's class.
pub fn given_name(value: &Zval) -> String {
    value.object().and_then(|object| object.get_class_name().ok()).unwrap_or_else(|| type_name(value).to_string())
}

/// A string argument that may hold any bytes, converted as PHP's weak mode
/// (php-rdkafka's default) does: int, float, bool and Stringable objects
/// become their string form; arrays and other objects are a TypeError.
pub struct PhpBytes<'a>(std::borrow::Cow<'a, [u8]>);

impl PhpBytes<'_> {
    pub fn bytes(&self) -> &[u8] {
        &self.0
    }

    /// Reads a value (e.g. an array element) with the same rules.
    pub fn from_value(value: &Zval) -> Option<PhpBytes<'_>> {
        use std::borrow::Cow;
        if let Some(bytes) = value.binary_slice::<u8>() {
            return Some(PhpBytes(Cow::Borrowed(bytes)));
        }
        if value.is_array() || value.is_null() {
            return None;
        }
        value.coerce_to_string().map(|text| PhpBytes(Cow::Owned(text.into_bytes())))
    }
}

impl<'a> ext_php_rs::convert::FromZval<'a> for PhpBytes<'a> {
    const TYPE: ext_php_rs::flags::DataType = ext_php_rs::flags::DataType::String;

    /// A parameter: a string only, when the caller declared strict_types.
    fn from_zval(zval: &'a Zval) -> Option<Self> {
        if caller_uses_strict_types() {
            return zval.binary_slice::<u8>().map(|bytes| PhpBytes(std::borrow::Cow::Borrowed(bytes)));
        }
        Self::from_value(zval)
    }
}

/// PHP's `ZEND_ARG_USES_STRICT_TYPES()`: the code that made the current call to an
/// extension function was compiled with `declare(strict_types=1)`, so its scalar
/// arguments are not converted (a call from an internal function, such as
/// call_user_func(), is never strict).
pub fn caller_uses_strict_types() -> bool {
    // SAFETY: the executor globals are static, and read on the PHP thread during a
    // call, when the current frame and its caller's frame and function are live.
    unsafe {
        let Some(globals) = ext_php_rs::ffi::ext_php_rs_executor_globals().as_ref() else { return false };
        let Some(call) = globals.current_execute_data.as_ref() else { return false };
        let Some(caller) = call.prev_execute_data.as_ref() else { return false };
        caller.func.as_ref().is_some_and(|function| function.common.fn_flags & ext_php_rs::ffi::ZEND_ACC_STRICT_TYPES != 0)
    }
}

/// An `int` argument converted as PHP's weak mode does (php-rdkafka's default):
/// numeric strings, integral floats and bools are accepted; anything else is a TypeError.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhpInt(pub i64);

impl PhpInt {
    pub fn from_value(value: &Zval) -> Option<Self> {
        if let Some(long) = value.long() {
            return Some(Self(long));
        }
        if let Some(flag) = value.bool() {
            return Some(Self(i64::from(flag)));
        }
        let float = match value.double() {
            Some(float) => float,
            None => {
                let text = value.str()?.trim();
                if let Ok(long) = text.parse::<i64>() {
                    return Some(Self(long));
                }
                text.parse::<f64>().ok()?
            }
        };
        // PHP truncates a fractional float (with a deprecation notice); out of range is a TypeError.
        (float.is_finite() && float >= i64::MIN as f64 && float <= i64::MAX as f64).then_some(Self(float as i64))
    }
}

impl<'a> ext_php_rs::convert::FromZval<'a> for PhpInt {
    const TYPE: ext_php_rs::flags::DataType = ext_php_rs::flags::DataType::Long;

    /// A parameter: an int only, when the caller declared strict_types.
    fn from_zval(zval: &'a Zval) -> Option<Self> {
        if caller_uses_strict_types() {
            return zval.long().map(Self);
        }
        Self::from_value(zval)
    }
}

impl From<i32> for PhpInt {
    fn from(value: i32) -> Self {
        Self(i64::from(value))
    }
}

impl ext_php_rs::convert::StubLiteral for PhpInt {
    fn stub_literal(&self) -> String {
        self.0.to_string()
    }
}

/// A `string` argument holding text (names, configuration values), converted
/// as PHP's weak mode does: int, float, bool and Stringable objects are accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhpString(pub String);

impl PhpString {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn from_value(value: &Zval) -> Option<Self> {
        PhpBytes::from_value(value).map(|bytes| Self(String::from_utf8_lossy(bytes.bytes()).into_owned()))
    }
}

impl<'a> ext_php_rs::convert::FromZval<'a> for PhpString {
    const TYPE: ext_php_rs::flags::DataType = ext_php_rs::flags::DataType::String;

    /// A parameter: a string only, when the caller declared strict_types.
    fn from_zval(zval: &'a Zval) -> Option<Self> {
        PhpBytes::from_zval(zval).map(|bytes| Self(String::from_utf8_lossy(bytes.bytes()).into_owned()))
    }
}

/// A `bool` argument converted as PHP's weak mode does (php-rdkafka's default):
/// ints, floats and strings by their truth value; arrays and objects are a TypeError.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhpBool(pub bool);

impl PhpBool {
    pub fn from_value(value: &Zval) -> Option<Self> {
        if let Some(flag) = value.bool() {
            return Some(Self(flag));
        }
        if let Some(long) = value.long() {
            return Some(Self(long != 0));
        }
        if let Some(float) = value.double() {
            return Some(Self(float != 0.0));
        }
        value.binary_slice::<u8>().map(|bytes| Self(!(bytes.is_empty() || bytes == b"0")))
    }
}

impl<'a> ext_php_rs::convert::FromZval<'a> for PhpBool {
    const TYPE: ext_php_rs::flags::DataType = ext_php_rs::flags::DataType::Bool;

    /// A parameter: a bool only, when the caller declared strict_types.
    fn from_zval(zval: &'a Zval) -> Option<Self> {
        if caller_uses_strict_types() {
            return zval.bool().map(Self);
        }
        Self::from_value(zval)
    }
}

/// An `array` argument whose default is `[]` (ext-php-rs can only default to values
/// it can write as a PHP literal, and a borrowed array has none).
#[derive(Debug, Clone, Copy, Default)]
pub struct ArrayOrEmpty<'a>(pub Option<&'a ext_php_rs::types::ZendHashTable>);

impl ArrayOrEmpty<'_> {
    pub const EMPTY: Self = Self(None);
}

impl<'a> ext_php_rs::convert::FromZval<'a> for ArrayOrEmpty<'a> {
    const TYPE: ext_php_rs::flags::DataType = ext_php_rs::flags::DataType::Array;

    fn from_zval(zval: &'a Zval) -> Option<Self> {
        zval.array().map(|array| Self(Some(array)))
    }
}

impl ext_php_rs::convert::StubLiteral for ArrayOrEmpty<'_> {
    fn stub_literal(&self) -> String {
        "[]".to_string()
    }
}

/// An `int &$out` argument: the caller's variable, which the method sets.
pub struct IntOut<'a>(pub &'a mut Zval);

impl IntOut<'_> {
    pub fn set(&mut self, value: i64) {
        self.0.set_long(value);
    }
}

impl<'a> ext_php_rs::convert::FromZvalMut<'a> for IntOut<'a> {
    const TYPE: ext_php_rs::flags::DataType = ext_php_rs::flags::DataType::Long;
    const BY_REF: bool = true;

    fn from_zval_mut(zval: &'a mut Zval) -> Option<Self> {
        Some(Self(zval))
    }
}

/// An optional `?array &$out = null` argument: the caller's variable, if one was passed.
pub struct OptionalOut<'a>(pub Option<&'a mut Zval>);

impl OptionalOut<'_> {
    /// Stores `value` in the caller's variable (when there is one).
    pub fn set(&mut self, value: ZBox<ZendHashTable>) {
        if let Some(out) = self.0.as_mut() {
            out.set_hashtable(value);
        }
    }
}

impl<'a> ext_php_rs::convert::FromZvalMut<'a> for OptionalOut<'a> {
    const TYPE: ext_php_rs::flags::DataType = ext_php_rs::flags::DataType::Array;
    const NULLABLE: bool = true;
    const BY_REF: bool = true;

    fn from_zval_mut(zval: &'a mut Zval) -> Option<Self> {
        Some(Self(Some(zval)))
    }

    fn from_missing() -> Option<Self> {
        Some(Self(None))
    }
}

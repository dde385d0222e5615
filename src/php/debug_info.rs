//! What `var_dump()`/`print_r()` show of the metadata objects, as php-rdkafka shows
//! them (its `get_debug_info` handlers): their values, where ext-php-rs would show
//! an empty object because the values live in Rust fields.

use ext_php_rs::boxed::ZBox;
use ext_php_rs::class::RegisteredClass;
use ext_php_rs::ffi::{zend_object, HashTable};
use ext_php_rs::types::{ZendClassObject, ZendHashTable, Zval};

/// An object whose Rust fields make its debug view.
pub trait DebugView {
    /// `[name => value, ...]` (or a list), as php-rdkafka builds it.
    fn debug_view(&self) -> ZBox<ZendHashTable>;
}

/// A table of named values, for `debug_view`.
pub fn named(entries: Vec<(&str, Zval)>) -> ZBox<ZendHashTable> {
    let mut table = ZendHashTable::new();
    for (name, value) in entries {
        let _ = table.insert(name, value);
    }
    table
}

/// Installs the handler on `T`'s object handlers (once, at the first request).
pub fn install<T: RegisteredClass + DebugView>() {
    let handlers = std::ptr::from_ref(T::get_metadata().handlers()).cast_mut();
    // SAFETY: the class's own static handler table, set up at MINIT and read by the
    // engine on the PHP thread only, which is where this runs.
    unsafe { (*handlers).get_debug_info = Some(debug_info::<T>) };
}

unsafe extern "C" fn debug_info<T: RegisteredClass + DebugView>(object: *mut zend_object, is_temp: *mut std::os::raw::c_int) -> *mut HashTable {
    // A panic must not cross into PHP: an empty view instead.
    let view = std::panic::catch_unwind(|| {
        // SAFETY: PHP passes a live object of this class (or a subclass).
        ZendClassObject::<T>::from_zend_obj(unsafe { &*object }).map(|object| object.debug_view())
    });
    // SAFETY: PHP passes a valid flag pointer; the table is new, and PHP frees it (is_temp).
    unsafe { *is_temp = 1 };
    view.ok().flatten().unwrap_or_else(ZendHashTable::new).into_raw()
}

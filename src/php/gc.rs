//! Lets PHP's cycle collector see the zvals our objects hold in Rust (callbacks,
//! the client a topic keeps alive), so that a cycle such as a Producer whose
//! dr_msg_cb closure captures the Producer is collected instead of keeping its
//! librdkafka handle (threads, sockets, buffers) until the process ends.
//! ext-php-rs reports only the property table; this replaces its `get_gc`.

use std::os::raw::c_int;

use ext_php_rs::class::RegisteredClass;
use ext_php_rs::ffi::{zend_get_gc_buffer, zend_object, HashTable};
use ext_php_rs::types::{ZendClassObject, Zval};

extern "C" {
    // ZEND_API (Zend/zend_gc.c) since PHP 8.0; ext-php-rs does not bind them.
    fn zend_get_gc_buffer_create() -> *mut zend_get_gc_buffer;
    fn zend_get_gc_buffer_grow(buffer: *mut zend_get_gc_buffer);
}

/// An object that holds PHP values in its Rust fields.
pub trait HoldsZvals {
    /// Hands each held value to `visit`.
    fn visit_zvals(&self, visit: &mut dyn FnMut(&Zval));
}

/// Installs the handler on `T`'s object handlers (once, at the first request).
pub fn install<T: RegisteredClass + HoldsZvals>() {
    let handlers = std::ptr::from_ref(T::get_metadata().handlers()).cast_mut();
    // SAFETY: the class's own static handler table, set up at MINIT and read by the
    // engine on the PHP thread only, which is where this runs.
    unsafe { (*handlers).get_gc = Some(get_gc::<T>) };
}

/// `Z_REFCOUNTED`: only counted values can be part of a cycle.
fn is_refcounted(value: &Zval) -> bool {
    // SAFETY: reading the type info of an initialised zval.
    unsafe { value.u1.type_info & (1 << 8) != 0 }
}

/// `zend_get_gc_buffer_add_zval` (an inline function in PHP's headers).
///
/// # Safety
/// `buffer` must be the buffer from `zend_get_gc_buffer_create`, on the PHP thread.
unsafe fn add(buffer: *mut zend_get_gc_buffer, value: &Zval) {
    if !is_refcounted(value) {
        return;
    }
    // SAFETY: per the contract; the buffer grows before it is full, and it copies the
    // value without adding a reference, as PHP's inline helper does.
    unsafe {
        if (*buffer).cur == (*buffer).end {
            zend_get_gc_buffer_grow(buffer);
        }
        std::ptr::copy_nonoverlapping(std::ptr::from_ref(value), (*buffer).cur, 1);
        (*buffer).cur = (*buffer).cur.add(1);
    }
}

unsafe extern "C" fn get_gc<T: RegisteredClass + HoldsZvals>(object: *mut zend_object, table: *mut *mut Zval, count: *mut c_int) -> *mut HashTable {
    // SAFETY: PHP's collector passes a live object of this class and valid out pointers;
    // the buffer it owns lives until it has read the table.
    unsafe {
        let buffer = zend_get_gc_buffer_create();
        if let Some(this) = ZendClassObject::<T>::from_zend_obj(&*object) {
            this.visit_zvals(&mut |value| add(buffer, value));
        }
        let object = &mut *object;
        let properties = if object.properties.is_null() {
            let declared = usize::try_from((*object.ce).default_properties_count).unwrap_or(0);
            for index in 0..declared {
                add(buffer, &*object.properties_table.as_ptr().add(index));
            }
            std::ptr::null_mut()
        } else {
            object.properties
        };
        *table = (*buffer).start;
        *count = c_int::try_from((*buffer).cur.offset_from((*buffer).start)).unwrap_or(0);
        properties
    }
}

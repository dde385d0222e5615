//! Reads PHP's "run something between opcodes" flag (`EG(vm_interrupt)`), set by
//! pcntl's async signal handler and by time limits, for `engine::interrupt`.

/// Whether `EG(vm_interrupt)` is set. Called on the PHP thread only.
pub fn vm_interrupt_pending() -> bool {
    // SAFETY: PHP's executor globals are a static live for the process. `vm_interrupt`
    // is a `bool` (PHP 8.1) or a `zend_atomic_bool` wrapping one (8.2+): either way its
    // first byte is the flag, which a signal handler may set, hence the volatile read.
    unsafe {
        let Some(globals) = ext_php_rs::ffi::ext_php_rs_executor_globals().as_ref() else { return false };
        std::ptr::addr_of!(globals.vm_interrupt).cast::<u8>().read_volatile() != 0
    }
}

//! PHP callables held by `Conf` and the clients, and how they are called.
//! Callbacks only ever run on the PHP thread, from poll()/flush()/consume().

use std::cell::Cell;
use std::ops::ControlFlow;
use std::panic::AssertUnwindSafe;

use ext_php_rs::ffi::{zend_class_entry, zend_fcall_info_cache, zend_function, zend_object};

use ext_php_rs::convert::{FromZval, IntoZvalDyn};
use ext_php_rs::flags::DataType;
use ext_php_rs::types::{ZendCallable, Zval};
use ext_php_rs::zend::{try_catch, CatchError};

use crate::engine::client::SinkOutcome;

/// A PHP callable; the parameter type `callable` makes PHP reject anything else with a TypeError.
pub struct PhpCallback(Zval, Cell<Option<Resolved>>);

/// What PHP resolved the callable to, kept so that a callback called per delivery
/// report skips PHP's callable lookup each time (`zend_is_callable_ex`, about 180
/// instructions a call). The pointers stay valid while the callable zval, which this
/// value lives beside, holds the closure or object they point into.
#[derive(Clone, Copy)]
struct Resolved {
    function: *mut zend_function,
    object: *mut zend_object,
    called_scope: *mut zend_class_entry,
}

extern "C" {
    // ZEND_API since PHP 8.0; ext-php-rs does not bind it.
    fn zend_release_fcall_info_cache(fcc: *mut zend_fcall_info_cache);
}

impl PhpCallback {
    /// Calls it; `Break` when it threw, leaving the exception pending so it
    /// propagates out of the PHP method that is serving events.
    pub fn call(&self, args: Vec<&dyn IntoZvalDyn>) -> ControlFlow<()> {
        let Ok(callable) = ZendCallable::new(&self.0) else { return ControlFlow::Break(()) };
        match callable.try_call(args) {
            Ok(_) => ControlFlow::Continue(()),
            Err(_) => ControlFlow::Break(()),
        }
    }
}

impl PhpCallback {
    /// Calls it with zvals the caller owns: no argument vector, no callable check
    /// per call (the `callable` parameter type checked it when it was set).
    /// `Break` when it threw or could not be called, as `call`.
    pub fn call_zvals(&self, args: &mut [Zval]) -> ControlFlow<()> {
        let mut retval = Zval::new();
        let Ok(count) = u32::try_from(args.len()) else { return ControlFlow::Break(()) };
        let called = match self.resolve() {
            // SAFETY: the resolved function, object and scope are alive while the callable
            // is (see Resolved); the arguments live across the call and PHP copies them.
            Some(resolved) => unsafe {
                ext_php_rs::ffi::zend_call_known_function(
                    resolved.function,
                    resolved.object,
                    resolved.called_scope,
                    &raw mut retval,
                    count,
                    args.as_mut_ptr(),
                    std::ptr::null_mut(),
                );
                true
            },
            // SAFETY: the callable zval and the arguments live across the call; PHP copies
            // the arguments into the callee's frame and leaves ours to drop.
            None => unsafe {
                ext_php_rs::ffi::_call_user_function_impl(
                    std::ptr::null_mut(),
                    std::ptr::from_ref(&self.0).cast_mut(),
                    &raw mut retval,
                    count,
                    args.as_mut_ptr(),
                    std::ptr::null_mut(),
                ) >= 0
            },
        };
        if !called || super::exception::exception_pending() {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    }

    /// The callable resolved once; `None` for what must be resolved per call (a
    /// trampoline: `__call`/`__callStatic` make a new function object each time).
    fn resolve(&self) -> Option<Resolved> {
        if let Some(resolved) = self.1.get() {
            return Some(resolved);
        }
        // SAFETY: an all-NULL cache is the state PHP expects to fill in.
        let mut fcc: zend_fcall_info_cache = unsafe { std::mem::zeroed() };
        let callable = std::ptr::from_ref(&self.0).cast_mut();
        // SAFETY: a live callable zval; PHP fills `fcc` and allocates nothing else (no name, no error wanted).
        let callable_ok = unsafe {
            ext_php_rs::ffi::zend_is_callable_ex(callable, std::ptr::null_mut(), 0, std::ptr::null_mut(), &raw mut fcc, std::ptr::null_mut())
        };
        if !callable_ok || fcc.function_handler.is_null() {
            return None;
        }
        // SAFETY: function_handler points at a live zend_function, just resolved.
        if unsafe { (*fcc.function_handler).common.fn_flags } & ext_php_rs::ffi::ZEND_ACC_CALL_VIA_TRAMPOLINE != 0 {
            // SAFETY: releases the trampoline this lookup made.
            unsafe { zend_release_fcall_info_cache(&raw mut fcc) };
            return None;
        }
        let resolved = Resolved { function: fcc.function_handler, object: fcc.object, called_scope: fcc.called_scope };
        self.1.set(Some(resolved));
        Some(resolved)
    }
}

impl PhpCallback {
    /// Where the callable lives, as `Conf::dump()` shows a set callback ("0x7f...").
    pub fn address(&self) -> String {
        // SAFETY: a callable is a string, array or object zval: each stores a pointer,
        // and reading it through the `ptr` field only copies those bits.
        format!("{:p}", unsafe { self.0.value.ptr })
    }
}

impl Clone for PhpCallback {
    fn clone(&self) -> Self {
        Self(self.0.shallow_clone(), Cell::new(None))
    }
}

impl<'a> FromZval<'a> for PhpCallback {
    const TYPE: DataType = DataType::Callable;

    fn from_zval(zval: &'a Zval) -> Option<Self> {
        zval.is_callable().then(|| Self(zval.shallow_clone(), Cell::new(None)))
    }
}

/// The callbacks a `Conf` carries into the client made from it.
#[derive(Clone, Default)]
pub struct ClientCallbacks {
    pub delivery: Option<PhpCallback>,
    pub error: Option<PhpCallback>,
    pub stats: Option<PhpCallback>,
    pub log: Option<PhpCallback>,
    pub rebalance: Option<PhpCallback>,
    pub offset_commit: Option<PhpCallback>,
    pub consume: Option<PhpCallback>,
    pub oauthbearer_token_refresh: Option<PhpCallback>,
}

impl ClientCallbacks {
    /// The callables held, for PHP's cycle collector (`gc.rs`).
    pub fn zvals(&self) -> Vec<&Zval> {
        self.named().into_iter().map(|(_, callback)| &callback.0).collect()
    }

    /// The callbacks that are set, by their librdkafka property names.
    pub fn named(&self) -> Vec<(&'static str, &PhpCallback)> {
        [
            ("dr_msg_cb", &self.delivery),
            ("error_cb", &self.error),
            ("stats_cb", &self.stats),
            ("log_cb", &self.log),
            ("rebalance_cb", &self.rebalance),
            ("offset_commit_cb", &self.offset_commit),
            ("consume_cb", &self.consume),
            ("oauthbearer_token_refresh_cb", &self.oauthbearer_token_refresh),
        ]
        .into_iter()
        .filter_map(|(name, callback)| Some((name, callback.as_ref()?)))
        .collect()
    }

    /// Whether serving events can run PHP code.
    pub fn any(&self) -> bool {
        [
            &self.delivery,
            &self.error,
            &self.stats,
            &self.log,
            &self.rebalance,
            &self.offset_commit,
            &self.consume,
            &self.oauthbearer_token_refresh,
        ]
            .iter()
            .any(|callback| callback.is_some())
    }

    pub fn enabled(&self) -> crate::engine::EnabledCallbacks {
        crate::engine::EnabledCallbacks {
            delivery: self.delivery.is_some(),
            error: self.error.is_some(),
            stats: self.stats.is_some(),
            // A PHP log_cb sees every line librdkafka emits; otherwise the
            // rdkafka_rs.log_level filter applies (-1: librdkafka logs to stderr itself).
            log_up_to: if self.log.is_some() { Some(LOG_DEBUG) } else { super::ini::error_log_level() },
            rebalance: self.rebalance.is_some(),
            offset_commit: self.offset_commit.is_some(),
            oauthbearer_token_refresh: self.oauthbearer_token_refresh.is_some(),
        }
    }
}

/// syslog's `LOG_DEBUG`: the most verbose level librdkafka logs at.
const LOG_DEBUG: i32 = 7;

/// At destruction: log lines go to PHP's error log (unless a log_cb wants them: no
/// user code runs while a client is being destroyed); other events are dropped.
pub fn log_only(callbacks: &ClientCallbacks, event: crate::engine::ClientEvent) {
    if let crate::engine::ClientEvent::Log { level, facility, message, client, dropped } = event {
        if callbacks.log.is_none() {
            super::error_log::write(level, &facility, &message, &client, dropped);
        }
    }
}

/// `$this` as a value to hand to a callback.
pub fn this_zval<T: ext_php_rs::class::RegisteredClass>(object: &mut ext_php_rs::types::ZendClassObject<T>) -> Zval {
    let mut this = Zval::new();
    this.set_object(object.get_mut_zend_obj());
    this
}

/// Runs the PHP callback for one engine event (on the PHP thread).
/// `Break` means the callback threw: stop serving and let the exception propagate.
pub fn dispatch(callbacks: &ClientCallbacks, this: &Zval, event: crate::engine::ClientEvent) -> ControlFlow<()> {
    use crate::engine::ClientEvent;
    use super::zval::bytes_zval;
    match event {
        ClientEvent::Delivery(report) => match &callbacks.delivery {
            Some(callback) => match super::message::from_delivery_report(&report) {
                Ok(message) => callback.call_zvals(&mut [this.shallow_clone(), message]),
                Err(error) => {
                    error.throw();
                    ControlFlow::Break(())
                }
            },
            None => ControlFlow::Continue(()),
        },
        ClientEvent::Error { code, reason } => match &callbacks.error {
            Some(callback) => callback.call(vec![this, &i64::from(code), &reason]),
            None => ControlFlow::Continue(()),
        },
        ClientEvent::Stats(json) => match &callbacks.stats {
            Some(callback) => {
                let length = json.len() as i64;
                callback.call(vec![this, &bytes_zval(json.as_bytes()), &length])
            }
            None => ControlFlow::Continue(()),
        },
        ClientEvent::Log { level, facility, message, client, dropped } => match &callbacks.log {
            Some(callback) => callback.call(vec![this, &i64::from(level), &facility, &message]),
            None => {
                super::error_log::write(level, &facility, &message, &client, dropped);
                ControlFlow::Continue(())
            }
        },
        ClientEvent::Rebalance { code, partitions } => call_with_partitions(callbacks.rebalance.as_ref(), this, code, &partitions),
        ClientEvent::OffsetCommit { code, partitions } => {
            call_with_partitions(callbacks.offset_commit.as_ref(), this, code, &partitions)
        }
        ClientEvent::OauthbearerTokenRefresh { config } => match &callbacks.oauthbearer_token_refresh {
            Some(callback) => callback.call(vec![this, &config]),
            None => ControlFlow::Continue(()),
        },
    }
}

/// Hands delivery reports served on the PHP thread straight to `dr_msg_cb`,
/// building the Message from librdkafka's memory (see `Producer::poll`).
///
/// The callback runs inside librdkafka's `rd_kafka_poll()`. A fatal error in it
/// (a bailout, e.g. `E_USER_ERROR`) must not jump through librdkafka's frames: the
/// reports it holds would be abandoned, and count as undelivered until the
/// shutdown flush gives up and warns of messages that were in fact delivered. It
/// is caught here instead, the serve stops, and the caller re-raises it with
/// `reraise_bailout(bailed_out)` once librdkafka has returned.
pub fn direct_delivery<'a>(
    callbacks: &'a ClientCallbacks,
    this: &'a Zval,
    bailed_out: &'a Cell<bool>,
) -> impl FnMut(&crate::engine::DeliveredMessage<'_>) -> SinkOutcome + 'a {
    let mut topic_names = super::message::TopicNameCache::default();
    move |message| {
        let Some(callback) = &callbacks.delivery else { return SinkOutcome::Declined };
        if super::exception::exception_pending() {
            return SinkOutcome::Declined;
        }
        match super::message::from_delivered(message, &mut topic_names) {
            Ok(message) => match try_catch(AssertUnwindSafe(|| callback.call_zvals(&mut [this.shallow_clone(), message]))) {
                Ok(ControlFlow::Continue(())) => SinkOutcome::Taken,
                Ok(ControlFlow::Break(())) => SinkOutcome::TakenStop,
                Err(CatchError::Bailout) => {
                    bailed_out.set(true);
                    SinkOutcome::TakenStop
                }
                Err(_) => SinkOutcome::TakenStop,
            },
            Err(_) => SinkOutcome::Declined,
        }
    }
}

/// Re-raises the fatal error `direct_delivery` caught, now that no librdkafka
/// frame is left between here and PHP.
pub fn reraise_bailout(bailed_out: &Cell<bool>) {
    if bailed_out.get() {
        // SAFETY: called from a handler run under run_handler (or PHP's own zend_try), after librdkafka returned.
        unsafe { ext_php_rs::zend::bailout() };
    }
}

/// `function ($kafka, int $err, array $partitions)` for rebalance and offset-commit callbacks.
pub fn call_with_partitions(
    callback: Option<&PhpCallback>,
    this: &Zval,
    code: i32,
    partitions: &[crate::engine::TopicPartition],
) -> ControlFlow<()> {
    let Some(callback) = callback else { return ControlFlow::Continue(()) };
    match super::topic_partition::partitions_to_array(partitions) {
        Ok(array) => match super::zval::to_zval(array) {
            Ok(array) => callback.call(vec![this, &i64::from(code), &array]),
            Err(error) => {
                error.throw();
                ControlFlow::Break(())
            }
        },
        Err(error) => {
            error.throw();
            ControlFlow::Break(())
        }
    }
}

/// A PHP timeout in milliseconds, read as librdkafka reads it: -1
/// (`RD_POLL_INFINITE`) is "as long as it takes", any other negative value a
/// deadline already past (a script's "time left" that ran below zero must not
/// wait forever).
pub fn timeout(timeout_ms: i64) -> std::time::Duration {
    const FOREVER: std::time::Duration = std::time::Duration::from_secs(365 * 24 * 3600);
    match u64::try_from(timeout_ms) {
        Ok(ms) => std::time::Duration::from_millis(ms).min(FOREVER),
        Err(_) if timeout_ms == -1 => FOREVER,
        Err(_) => std::time::Duration::ZERO,
    }
}

//! `RdKafka\Conf`: global configuration and the callbacks.

use std::cell::RefCell;

use ext_php_rs::prelude::*;
use ext_php_rs::boxed::ZBox;
use ext_php_rs::types::ZendHashTable;

use super::callbacks::{ClientCallbacks, PhpCallback};
use super::exception::{guard, OrThrow};
use super::topic_conf::TopicConf;
use super::zval::{string_map, PhpString};
use crate::engine::NativeConf;

#[php_class]
#[php(name = "RdKafka\\Conf")]
pub struct Conf {
    native: RefCell<NativeConf>,
    callbacks: RefCell<ClientCallbacks>,
}

impl super::gc::HoldsZvals for Conf {
    fn visit_zvals(&self, visit: &mut dyn FnMut(&ext_php_rs::types::Zval)) {
        // The collector can run while a setter replaces a callback (releasing the old
        // one may trigger it): the callables are then skipped for that run.
        if let Ok(callbacks) = self.callbacks.try_borrow() {
            callbacks.zvals().into_iter().for_each(visit);
        }
    }
}

impl Conf {
    /// A copy of the configuration and callbacks, for a client being created.
    pub fn snapshot(&self) -> (NativeConf, ClientCallbacks) {
        (self.native.borrow().duplicate(), self.callbacks.borrow().clone())
    }

    /// The callbacks, for a client being created.
    pub fn callbacks(&self) -> ClientCallbacks {
        self.callbacks.borrow().clone()
    }

    /// Runs `read` on the configuration itself, without copying it.
    pub fn with_native<R>(&self, read: impl FnOnce(&NativeConf) -> R) -> R {
        read(&self.native.borrow())
    }

    fn set_callback(&self, set: impl FnOnce(&mut ClientCallbacks)) {
        let mut callbacks = self.callbacks.borrow().clone();
        set(&mut callbacks);
        // Released once no borrow is held: a destructor the replaced callable runs may use this Conf.
        let replaced = self.callbacks.replace(callbacks);
        drop(replaced);
    }
}

#[php_impl]
impl Conf {
    pub fn __construct() -> Self {
        Self { native: RefCell::new(NativeConf::new()), callbacks: RefCell::default() }
    }

    /// Every property with its current value, librdkafka's defaults included, and
    /// each callback that is set (`"error_cb" => "0x..."`), as php-rdkafka shows them.
    pub fn dump(&self) -> PhpResult<ZBox<ZendHashTable>> {
        guard(|| {
            let mut properties = self.native.borrow().dump();
            let callbacks = self.callbacks.borrow();
            properties.extend(callbacks.named().into_iter().map(|(name, callback)| (name.to_string(), callback.address())));
            string_map(properties)
        })
    }

    /// Sets a property; throws with librdkafka's message if the name or value is wrong.
    pub fn set(&self, name: PhpString, value: PhpString) -> PhpResult<()> {
        guard(|| self.native.borrow_mut().set(name.as_str(), value.as_str()).or_throw())
    }

    /// Deprecated in php-rdkafka (set topic properties on Conf directly); still works.
    pub fn set_default_topic_conf(&self, topic_conf: &TopicConf) -> PhpResult<()> {
        guard(|| {
            self.native.borrow_mut().set_default_topic_conf(&topic_conf.native());
            Ok(())
        })
    }

    /// `function (RdKafka $kafka, int $err, string $reason)`
    pub fn set_error_cb(&self, callback: PhpCallback) {
        self.set_callback(|c| c.error = Some(callback));
    }

    /// `function (RdKafka $kafka, RdKafka\Message $message)`
    pub fn set_dr_msg_cb(&self, callback: PhpCallback) {
        self.set_callback(|c| c.delivery = Some(callback));
    }

    /// `function (RdKafka $kafka, string $json, int $json_len)`
    pub fn set_stats_cb(&self, callback: PhpCallback) {
        self.set_callback(|c| c.stats = Some(callback));
    }

    /// `function (RdKafka\KafkaConsumer $kafka, int $err, ?array $partitions)`
    pub fn set_rebalance_cb(&self, callback: PhpCallback) {
        self.set_callback(|c| c.rebalance = Some(callback));
    }

    /// `function (RdKafka\Message $message)`
    pub fn set_consume_cb(&self, callback: PhpCallback) {
        self.set_callback(|c| c.consume = Some(callback));
    }

    /// `function (RdKafka\KafkaConsumer $kafka, int $err, array $partitions)`
    pub fn set_offset_commit_cb(&self, callback: PhpCallback) {
        self.set_callback(|c| c.offset_commit = Some(callback));
    }

    /// `function (RdKafka $kafka, int $level, string $facility, string $message)`
    pub fn set_log_cb(&self, callback: PhpCallback) {
        self.set_callback(|c| c.log = Some(callback));
    }

    /// `function (RdKafka $kafka, ?string $oauthbearer_config)`: called when a
    /// SASL/OAUTHBEARER token is needed; it answers with `$kafka->oauthbearerSetToken()`
    /// or `$kafka->oauthbearerSetTokenFailure()`.
    pub fn set_oauthbearer_token_refresh_cb(&self, callback: PhpCallback) {
        self.set_callback(|c| c.oauthbearer_token_refresh = Some(callback));
    }
}

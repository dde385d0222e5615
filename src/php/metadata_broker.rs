//! `RdKafka\Metadata\Broker`.

use ext_php_rs::prelude::*;
use ext_php_rs::types::Zval;

use super::exception::exception;
use crate::engine::metadata::BrokerMetadata;

#[php_class]
#[php(name = "RdKafka\\Metadata\\Broker")]
pub struct Broker {
    broker: BrokerMetadata,
}

impl Broker {
    pub fn into_php(broker: BrokerMetadata) -> PhpResult<Zval> {
        super::zval::to_zval(Self { broker })
    }
}

impl super::debug_info::DebugView for Broker {
    fn debug_view(&self) -> ext_php_rs::boxed::ZBox<ext_php_rs::types::ZendHashTable> {
        use super::zval::{bytes_zval, long_zval};
        super::debug_info::named(vec![
            ("id", long_zval(i64::from(self.broker.id))),
            ("host", bytes_zval(self.broker.host.as_bytes())),
            ("port", long_zval(i64::from(self.broker.port))),
        ])
    }
}

#[php_impl]
impl Broker {
    #[php(vis = "private")]
    pub fn __construct() -> PhpResult<Self> {
        Err(exception("RdKafka\\Metadata\\Broker is returned by getMetadata() and cannot be created directly", 0))
    }

    pub fn get_id(&self) -> i64 {
        i64::from(self.broker.id)
    }

    pub fn get_host(&self) -> String {
        self.broker.host.clone()
    }

    pub fn get_port(&self) -> i64 {
        i64::from(self.broker.port)
    }
}

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

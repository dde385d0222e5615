//! `RdKafka\TopicConf`: per-topic configuration.

use std::cell::{Ref, RefCell};

use ext_php_rs::prelude::*;
use ext_php_rs::boxed::ZBox;
use ext_php_rs::types::ZendHashTable;

use super::exception::{guard, invalid_argument, OrThrow};
use super::zval::{string_map, PhpInt, PhpString};
use crate::engine::NativeTopicConf;

#[php_class]
#[php(name = "RdKafka\\TopicConf")]
pub struct TopicConf {
    native: RefCell<NativeTopicConf>,
}

impl TopicConf {
    pub fn native(&self) -> Ref<'_, NativeTopicConf> {
        self.native.borrow()
    }
}

#[php_impl]
impl TopicConf {
    pub fn __construct() -> Self {
        Self { native: RefCell::new(NativeTopicConf::new()) }
    }

    pub fn dump(&self) -> PhpResult<ZBox<ZendHashTable>> {
        guard(|| string_map(self.native.borrow().dump()))
    }

    pub fn set(&self, name: PhpString, value: PhpString) -> PhpResult<()> {
        guard(|| self.native.borrow_mut().set(name.as_str(), value.as_str()).or_throw())
    }

    /// One of the `RD_KAFKA_MSG_PARTITIONER_*` constants.
    pub fn set_partitioner(&self, partitioner: PhpInt) -> PhpResult<()> {
        guard(|| match self.native.borrow_mut().set_partitioner(partitioner.0) {
            Some(result) => result.or_throw(),
            None => Err(invalid_argument(format!(
                "Invalid partitioner given: {}; use one of the RD_KAFKA_MSG_PARTITIONER_* constants",
                partitioner.0
            ))),
        })
    }
}

//! `RdKafka\Queue`: messages of the partitions routed to it by
//! `ConsumerTopic::consumeQueueStart()`.

use ext_php_rs::prelude::*;
use ext_php_rs::types::Zval;

use super::callbacks::timeout;
use super::exception::{exception, guard, OrThrow};
use super::message::{self, MessageValue};
use super::zval::PhpInt;
use crate::engine;

#[php_class]
#[php(name = "RdKafka\\Queue")]
pub struct Queue {
    engine: engine::Queue,
    /// The PHP Consumer, kept alive while this queue is.
    consumer: Zval,
}

impl Queue {
    pub fn new(engine: engine::Queue, consumer: Zval) -> Self {
        Self { engine, consumer }
    }

    pub fn engine(&self) -> &engine::Queue {
        &self.engine
    }
}

impl super::gc::HoldsZvals for Queue {
    fn visit_zvals(&self, visit: &mut dyn FnMut(&Zval)) {
        visit(&self.consumer);
    }
}

#[php_impl]
impl Queue {
    #[php(vis = "private")]
    pub fn __construct() -> PhpResult<Self> {
        Err(exception("RdKafka\\Queue is returned by RdKafka\\Consumer::newQueue() and cannot be created directly", 0))
    }

    /// The next message, or null on timeout.
    pub fn consume(&self, timeout_ms: PhpInt) -> PhpResult<Option<MessageValue>> {
        guard(|| match self.engine.consume(timeout(timeout_ms.0)).or_throw()? {
            Some(found) => message::from_consumed(&found, &mut message::TopicNameCache::default()).map(|value| Some(MessageValue(value))),
            None => Ok(None),
        })
    }
}

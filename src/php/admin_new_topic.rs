//! `RdKafka\Admin\NewTopic`: a topic for `AdminClient::createTopics()`.

use std::cell::RefCell;

use ext_php_rs::prelude::*;

use super::exception::invalid_argument;
use super::zval::{PhpInt, PhpString};
use crate::engine::admin;

#[php_class]
#[php(name = "RdKafka\\Admin\\NewTopic")]
pub struct NewTopic {
    topic: RefCell<admin::NewTopic>,
}

impl NewTopic {
    pub fn spec(&self) -> admin::NewTopic {
        self.topic.borrow().clone()
    }
}

/// A count librdkafka takes, or -1 for the broker's default.
fn count(what: &str, value: i64) -> PhpResult<i32> {
    i32::try_from(value)
        .ok()
        .filter(|count| *count >= 1 || *count == -1)
        .ok_or_else(|| invalid_argument(format!("Out of range value '{value}' for ${what}: use 1 or more, or -1 for the broker's default")))
}

#[php_impl]
impl NewTopic {
    pub fn __construct(name: PhpString, num_partitions: PhpInt, replication_factor: PhpInt) -> PhpResult<Self> {
        if name.as_str().is_empty() {
            return Err(invalid_argument("The topic name must not be empty"));
        }
        Ok(Self {
            topic: RefCell::new(admin::NewTopic {
                name: name.0,
                partitions: count("num_partitions", num_partitions.0)?,
                replication_factor: count("replication_factor", replication_factor.0)?,
                configs: Vec::new(),
            }),
        })
    }

    /// A topic configuration entry (e.g. `cleanup.policy` = `compact`).
    pub fn set_config(&self, name: PhpString, value: PhpString) {
        self.topic.borrow_mut().configs.push((name.0, value.0));
    }
}

//! `RdKafka\Admin\DeleteTopic`: a topic for `AdminClient::deleteTopics()`.

use ext_php_rs::prelude::*;

use super::exception::invalid_argument;
use super::zval::PhpString;

#[php_class]
#[php(name = "RdKafka\\Admin\\DeleteTopic")]
pub struct DeleteTopic {
    name: String,
}

impl DeleteTopic {
    pub fn name(&self) -> &str {
        &self.name
    }
}

#[php_impl]
impl DeleteTopic {
    pub fn __construct(name: PhpString) -> PhpResult<Self> {
        if name.as_str().is_empty() {
            return Err(invalid_argument("The topic name must not be empty"));
        }
        Ok(Self { name: name.0 })
    }
}

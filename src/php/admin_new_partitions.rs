//! `RdKafka\Admin\NewPartitions`: a new partition count for `AdminClient::createPartitions()`.

use ext_php_rs::prelude::*;

use super::exception::invalid_argument;
use super::zval::{PhpInt, PhpString};

#[php_class]
#[php(name = "RdKafka\\Admin\\NewPartitions")]
pub struct NewPartitions {
    topic: String,
    total: usize,
}

impl NewPartitions {
    pub fn spec(&self) -> (String, usize) {
        (self.topic.clone(), self.total)
    }
}

#[php_impl]
impl NewPartitions {
    pub fn __construct(topic_name: PhpString, new_total_cnt: PhpInt) -> PhpResult<Self> {
        if topic_name.as_str().is_empty() {
            return Err(invalid_argument("The topic name must not be empty"));
        }
        let total = usize::try_from(new_total_cnt.0)
            .ok()
            .filter(|total| (1..=100_000).contains(total))
            .ok_or_else(|| invalid_argument(format!("Out of range value '{}' for $new_total_cnt: use 1 to 100000", new_total_cnt.0)))?;
        Ok(Self { topic: topic_name.0, total })
    }
}

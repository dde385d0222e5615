//! `RdKafka\Admin\TopicResult`: the outcome for one topic of an admin call.
//! `error`, `error_string` and `name` read like public properties (as php-rdkafka 7's)
//! and are shown by var_dump(); the getters say the same.

use ext_php_rs::prelude::*;

use crate::engine::admin::TopicOutcome;

#[php_class]
#[php(name = "RdKafka\\Admin\\TopicResult")]
pub struct TopicResult {
    outcome: TopicOutcome,
}

impl TopicResult {
    pub fn from_outcome(outcome: TopicOutcome) -> Self {
        Self { outcome }
    }
}

#[php_impl]
impl TopicResult {
    #[php(vis = "private")]
    pub fn __construct() -> PhpResult<Self> {
        Err(super::exception::returned_only("RdKafka\\Admin\\TopicResult"))
    }

    /// `RD_KAFKA_RESP_ERR_*`; 0 when the topic's operation succeeded.
    pub fn get_error(&self) -> i64 {
        i64::from(self.outcome.error)
    }

    /// The broker's or librdkafka's explanation; null on success.
    pub fn get_error_string(&self) -> Option<String> {
        self.outcome.error_string.clone()
    }

    pub fn get_name(&self) -> String {
        self.outcome.name.clone()
    }

    #[php(getter, name = "error")]
    pub fn error_view(&self) -> i64 {
        i64::from(self.outcome.error)
    }

    #[php(getter, name = "error_string")]
    pub fn error_string_view(&self) -> Option<String> {
        self.outcome.error_string.clone()
    }

    #[php(getter, name = "name")]
    pub fn name_view(&self) -> String {
        self.outcome.name.clone()
    }
}

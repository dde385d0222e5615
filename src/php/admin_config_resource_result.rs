//! `RdKafka\Admin\ConfigResourceResult`: the outcome for one resource of
//! `AdminClient::describeConfigs()` (its configs) or `incrementalAlterConfigs()`;
//! `error` tells whether this resource failed. Read-only properties, shown by var_dump().

use ext_php_rs::prelude::*;

use super::admin_config_entry::ConfigEntry;
use crate::engine::admin_configs::ConfigResourceOutcome;

#[php_class]
#[php(name = "RdKafka\\Admin\\ConfigResourceResult")]
pub struct ConfigResourceResult {
    outcome: ConfigResourceOutcome,
}

impl ConfigResourceResult {
    pub fn from_outcome(outcome: ConfigResourceOutcome) -> Self {
        Self { outcome }
    }
}

#[php_impl]
impl ConfigResourceResult {
    #[php(vis = "private")]
    pub fn __construct() -> PhpResult<Self> {
        Err(super::exception::returned_only("RdKafka\\Admin\\ConfigResourceResult"))
    }

    /// RD_KAFKA_RESOURCE_*
    #[php(getter, name = "type")]
    pub fn type_view(&self) -> i64 {
        i64::from(self.outcome.resource_type)
    }

    #[php(getter, name = "name")]
    pub fn name_view(&self) -> String {
        self.outcome.name.clone()
    }

    /// RD_KAFKA_RESP_ERR_*; 0 when this resource succeeded.
    #[php(getter, name = "error")]
    pub fn error_view(&self) -> i64 {
        i64::from(self.outcome.error)
    }

    /// The broker's or librdkafka's explanation; null on success.
    #[php(getter, name = "error_string")]
    pub fn error_string_view(&self) -> Option<String> {
        self.outcome.error_string.clone()
    }

    /// The ConfigEntry objects (describeConfigs() only).
    #[php(getter, name = "configs")]
    pub fn configs_view(&self) -> Vec<ConfigEntry> {
        self.outcome.configs.iter().map(ConfigEntry::from_engine).collect()
    }
}

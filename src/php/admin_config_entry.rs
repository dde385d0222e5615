//! `RdKafka\Admin\ConfigEntry`: one config of a resource described by
//! `AdminClient::describeConfigs()`. Read-only properties, shown by var_dump().

use ext_php_rs::prelude::*;

use crate::engine::admin_configs;

#[php_class]
#[php(name = "RdKafka\\Admin\\ConfigEntry")]
pub struct ConfigEntry {
    entry: admin_configs::ConfigEntry,
}

impl ConfigEntry {
    pub fn from_engine(entry: &admin_configs::ConfigEntry) -> Self {
        Self { entry: entry.clone() }
    }
}

#[php_impl]
impl ConfigEntry {
    #[php(vis = "private")]
    pub fn __construct() -> PhpResult<Self> {
        Err(super::exception::returned_only("RdKafka\\Admin\\ConfigEntry"))
    }

    #[php(getter, name = "name")]
    pub fn name_view(&self) -> String {
        self.entry.name.clone()
    }

    /// Null when the broker hides it (sensitive) or it has none.
    #[php(getter, name = "value")]
    pub fn value_view(&self) -> Option<String> {
        self.entry.value.clone()
    }

    /// RD_KAFKA_CONFIG_SOURCE_*
    #[php(getter, name = "source")]
    pub fn source_view(&self) -> i64 {
        i64::from(self.entry.source)
    }

    #[php(getter, name = "is_read_only")]
    pub fn is_read_only_view(&self) -> bool {
        self.entry.is_read_only
    }

    #[php(getter, name = "is_default")]
    pub fn is_default_view(&self) -> bool {
        self.entry.is_default
    }

    #[php(getter, name = "is_sensitive")]
    pub fn is_sensitive_view(&self) -> bool {
        self.entry.is_sensitive
    }

    #[php(getter, name = "is_synonym")]
    pub fn is_synonym_view(&self) -> bool {
        self.entry.is_synonym
    }

    /// The entries this one is a synonym group of (broker and topic levels), as ConfigEntry objects.
    #[php(getter, name = "synonyms")]
    pub fn synonyms_view(&self) -> Vec<ConfigEntry> {
        self.entry.synonyms.iter().map(ConfigEntry::from_engine).collect()
    }
}

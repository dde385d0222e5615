//! Configs of topics, brokers and groups: DescribeConfigs and IncrementalAlterConfigs.
//! Each resource comes back with its own error, so one missing topic does not hide
//! the configs of the others.

use rdkafka_sys as rdsys;
use rdsys::rd_kafka_AlterConfigOpType_t as NativeOp;
use rdsys::rd_kafka_ResourceType_t as NativeType;

use super::admin::{items, take_error, AdminClient, AdminOptions, Owned};
use super::error::{cstr_to_string, KafkaResult};
use super::handle::c_string;
use super::wire;

/// The kinds of resource that have configs (`RD_KAFKA_RESOURCE_*`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConfigResourceType {
    Topic,
    Group,
    Broker,
}

impl ConfigResourceType {
    /// The kind for an `RD_KAFKA_RESOURCE_*` value, or None for one without configs.
    pub fn from_code(code: i64) -> Option<Self> {
        match code {
            2 => Some(Self::Topic),
            3 => Some(Self::Group),
            4 => Some(Self::Broker),
            _ => None,
        }
    }

    fn native(self) -> NativeType {
        match self {
            Self::Topic => NativeType::RD_KAFKA_RESOURCE_TOPIC,
            Self::Group => NativeType::RD_KAFKA_RESOURCE_GROUP,
            Self::Broker => NativeType::RD_KAFKA_RESOURCE_BROKER,
        }
    }
}

/// What an incremental alteration does to a config (`RD_KAFKA_ALTER_CONFIG_OP_TYPE_*`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AlterConfigOp {
    Set,
    Delete,
    Append,
    Subtract,
}

impl AlterConfigOp {
    pub fn from_code(code: i64) -> Option<Self> {
        match code {
            0 => Some(Self::Set),
            1 => Some(Self::Delete),
            2 => Some(Self::Append),
            3 => Some(Self::Subtract),
            _ => None,
        }
    }

    fn native(self) -> NativeOp {
        match self {
            Self::Set => NativeOp::RD_KAFKA_ALTER_CONFIG_OP_TYPE_SET,
            Self::Delete => NativeOp::RD_KAFKA_ALTER_CONFIG_OP_TYPE_DELETE,
            Self::Append => NativeOp::RD_KAFKA_ALTER_CONFIG_OP_TYPE_APPEND,
            Self::Subtract => NativeOp::RD_KAFKA_ALTER_CONFIG_OP_TYPE_SUBTRACT,
        }
    }
}

/// One change of an incremental alter-configs call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigAlteration {
    pub name: String,
    pub op: AlterConfigOp,
    /// None for Delete.
    pub value: Option<String>,
}

/// A resource to describe (the alterations are ignored) or alter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigResource {
    pub resource_type: ConfigResourceType,
    pub name: String,
    pub alterations: Vec<ConfigAlteration>,
}

/// One config of a described resource.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigEntry {
    pub name: String,
    /// None when the broker hides it (sensitive) or it has no value.
    pub value: Option<String>,
    /// `RD_KAFKA_CONFIG_SOURCE_*`
    pub source: i32,
    pub is_read_only: bool,
    pub is_default: bool,
    pub is_sensitive: bool,
    pub is_synonym: bool,
    pub synonyms: Vec<ConfigEntry>,
}

/// The outcome for one resource: its error, or (describe) its configs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigResourceOutcome {
    /// `RD_KAFKA_RESOURCE_*` as the broker answered it.
    pub resource_type: i32,
    pub name: String,
    pub error: i32,
    pub error_string: Option<String>,
    pub configs: Vec<ConfigEntry>,
}

/// Which of the two config calls to make.
#[derive(Clone, Copy)]
enum ConfigCall {
    Describe,
    IncrementalAlter,
}

impl AdminClient {
    /// The configs of each resource, or its error.
    pub fn describe_configs(&self, resources: &[ConfigResource], options: &AdminOptions) -> KafkaResult<Vec<ConfigResourceOutcome>> {
        self.config_call(ConfigCall::Describe, resources, options)
    }

    /// Applies each resource's alterations; each resource comes back with its error (no configs).
    pub fn incremental_alter_configs(&self, resources: &[ConfigResource], options: &AdminOptions) -> KafkaResult<Vec<ConfigResourceOutcome>> {
        self.config_call(ConfigCall::IncrementalAlter, resources, options)
    }

    fn config_call(&self, call: ConfigCall, resources: &[ConfigResource], options: &AdminOptions) -> KafkaResult<Vec<ConfigResourceOutcome>> {
        let operation = match call {
            ConfigCall::Describe => rdsys::rd_kafka_admin_op_t::RD_KAFKA_ADMIN_OP_DESCRIBECONFIGS,
            ConfigCall::IncrementalAlter => rdsys::rd_kafka_admin_op_t::RD_KAFKA_ADMIN_OP_INCREMENTALALTERCONFIGS,
        };
        if resources.is_empty() {
            // Nothing to ask: librdkafka would still wait for a broker.
            self.handle().check_usable()?;
            return Ok(Vec::new());
        }
        let mut owned = native_resources(resources, matches!(call, ConfigCall::IncrementalAlter))?;
        self.call(
            operation,
            options,
            |native_options, queue| {
                let rk = self.handle().rk;
                // SAFETY: rk, the resources, options and queue are live; librdkafka copies what it needs.
                unsafe {
                    match call {
                        ConfigCall::Describe => rdsys::rd_kafka_DescribeConfigs(rk, owned.items.as_mut_ptr(), owned.items.len(), native_options, queue),
                        ConfigCall::IncrementalAlter => {
                            rdsys::rd_kafka_IncrementalAlterConfigs(rk, owned.items.as_mut_ptr(), owned.items.len(), native_options, queue)
                        }
                    }
                }
                Ok(())
            },
            |event| {
                let mut count = 0usize;
                // SAFETY: a live result event of the call's kind; the array lives as long as it.
                let results = unsafe {
                    match call {
                        ConfigCall::Describe => rdsys::rd_kafka_DescribeConfigs_result_resources(rdsys::rd_kafka_event_DescribeConfigs_result(event), &mut count),
                        ConfigCall::IncrementalAlter => rdsys::rd_kafka_IncrementalAlterConfigs_result_resources(
                            rdsys::rd_kafka_event_IncrementalAlterConfigs_result(event),
                            &mut count,
                        ),
                    }
                };
                // SAFETY: `count` live resources, read before the event goes.
                Ok(unsafe { items(results, count).iter().map(|resource| resource_outcome(*resource)).collect() })
            },
        )
    }
}

/// librdkafka's resource objects for `resources` (with their alterations when `alter`).
fn native_resources(resources: &[ConfigResource], alter: bool) -> KafkaResult<Owned<rdsys::rd_kafka_ConfigResource_t>> {
    let mut owned = Owned { items: Vec::with_capacity(resources.len()), destroy: rdsys::rd_kafka_ConfigResource_destroy };
    for resource in resources {
        let name = c_string("resource name", &resource.name)?;
        // SAFETY: librdkafka copies the name; the guard destroys the object.
        let native = unsafe { rdsys::rd_kafka_ConfigResource_new(resource.resource_type.native(), name.as_ptr()) };
        owned.items.push(native);
        if !alter {
            continue;
        }
        for alteration in &resource.alterations {
            let config = c_string("config name", &alteration.name)?;
            let value = alteration.value.as_deref().map(|value| c_string("config value", value)).transpose()?;
            let value = value.as_ref().map_or(std::ptr::null(), |value| value.as_ptr());
            // SAFETY: native is live; librdkafka copies both strings (a NULL value is allowed).
            unsafe { take_error(rdsys::rd_kafka_ConfigResource_add_incremental_config(native, config.as_ptr(), alteration.op.native(), value))? };
        }
    }
    Ok(owned)
}

/// # Safety
/// `resource` must be a live resource of a result event.
unsafe fn resource_outcome(resource: *const rdsys::rd_kafka_ConfigResource_t) -> ConfigResourceOutcome {
    // SAFETY: per the contract; the strings and configs live as long as the event.
    unsafe {
        let error_string = rdsys::rd_kafka_ConfigResource_error_string(resource);
        let mut count = 0usize;
        let configs = rdsys::rd_kafka_ConfigResource_configs(resource, &mut count);
        ConfigResourceOutcome {
            resource_type: rdsys::rd_kafka_ConfigResource_type(resource) as i32,
            name: cstr_to_string(rdsys::rd_kafka_ConfigResource_name(resource)),
            error: wire::config_resource_error(resource),
            error_string: (!error_string.is_null()).then(|| cstr_to_string(error_string)),
            configs: items(configs, count).iter().map(|entry| config_entry(*entry)).collect(),
        }
    }
}

/// # Safety
/// `entry` must be a live config entry of a result event.
unsafe fn config_entry(entry: *const rdsys::rd_kafka_ConfigEntry_t) -> ConfigEntry {
    // SAFETY: per the contract; synonyms are entries of the same event.
    unsafe {
        let value = rdsys::rd_kafka_ConfigEntry_value(entry);
        let mut count = 0usize;
        let synonyms = rdsys::rd_kafka_ConfigEntry_synonyms(entry, &mut count);
        ConfigEntry {
            name: cstr_to_string(rdsys::rd_kafka_ConfigEntry_name(entry)),
            value: (!value.is_null()).then(|| cstr_to_string(value)),
            source: wire::config_entry_source(entry),
            is_read_only: rdsys::rd_kafka_ConfigEntry_is_read_only(entry) != 0,
            is_default: rdsys::rd_kafka_ConfigEntry_is_default(entry) != 0,
            is_sensitive: rdsys::rd_kafka_ConfigEntry_is_sensitive(entry) != 0,
            is_synonym: rdsys::rd_kafka_ConfigEntry_is_synonym(entry) != 0,
            synonyms: items(synonyms, count).iter().map(|synonym| config_entry(*synonym)).collect(),
        }
    }
}

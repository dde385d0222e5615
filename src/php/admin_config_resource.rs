//! `RdKafka\Admin\ConfigResource`: a topic, group or broker for
//! `AdminClient::describeConfigs()` and, with its alterations,
//! `AdminClient::incrementalAlterConfigs()`.

use std::cell::RefCell;

use ext_php_rs::prelude::*;

use super::exception::invalid_argument;
use super::zval::{PhpInt, PhpString};
use crate::engine::admin_configs::{self, AlterConfigOp, ConfigAlteration, ConfigResourceType};

#[php_class]
#[php(name = "RdKafka\\Admin\\ConfigResource")]
pub struct ConfigResource {
    resource: RefCell<admin_configs::ConfigResource>,
}

impl ConfigResource {
    pub fn spec(&self) -> admin_configs::ConfigResource {
        self.resource.borrow().clone()
    }
}

#[php_impl]
impl ConfigResource {
    /// `$resource_type`: RD_KAFKA_RESOURCE_TOPIC, RD_KAFKA_RESOURCE_GROUP or RD_KAFKA_RESOURCE_BROKER
    /// (whose name is the broker id).
    pub fn __construct(resource_type: PhpInt, name: PhpString) -> PhpResult<Self> {
        let resource_type = ConfigResourceType::from_code(resource_type.0).ok_or_else(|| {
            invalid_argument(format!(
                "Out of range value '{}' for $resource_type: use RD_KAFKA_RESOURCE_TOPIC, RD_KAFKA_RESOURCE_GROUP or RD_KAFKA_RESOURCE_BROKER",
                resource_type.0
            ))
        })?;
        if name.as_str().is_empty() {
            return Err(invalid_argument("The resource name must not be empty"));
        }
        Ok(Self { resource: RefCell::new(admin_configs::ConfigResource { resource_type, name: name.0, alterations: Vec::new() }) })
    }

    /// A change for incrementalAlterConfigs(): `$op_type` is an RD_KAFKA_ALTER_CONFIG_OP_TYPE_*;
    /// `$value` may be null only for RD_KAFKA_ALTER_CONFIG_OP_TYPE_DELETE.
    #[php(optional = value)]
    pub fn add_incremental_config(&self, name: PhpString, op_type: PhpInt, value: Option<PhpString>) -> PhpResult<()> {
        let op = AlterConfigOp::from_code(op_type.0).ok_or_else(|| {
            invalid_argument(format!("Out of range value '{}' for $op_type: use an RD_KAFKA_ALTER_CONFIG_OP_TYPE_* constant", op_type.0))
        })?;
        if name.as_str().is_empty() {
            return Err(invalid_argument("The config name must not be empty"));
        }
        if value.is_none() && op != AlterConfigOp::Delete {
            return Err(invalid_argument(format!("A value is needed to set, append or subtract config '{}': only RD_KAFKA_ALTER_CONFIG_OP_TYPE_DELETE takes null", name.0)));
        }
        self.resource.borrow_mut().alterations.push(ConfigAlteration { name: name.0, op, value: value.map(|value| value.0) });
        Ok(())
    }
}

//! `RdKafka\Admin\ConsumerGroupDescription`: one group of
//! `AdminClient::describeConsumerGroups()`, or its error (`error` non-zero), so one
//! failed group does not hide the others. Read-only properties, shown by var_dump().

use ext_php_rs::prelude::*;

use super::admin_member_description::MemberDescription;
use super::admin_node::Node;
use crate::engine::admin_groups;

#[php_class]
#[php(name = "RdKafka\\Admin\\ConsumerGroupDescription")]
pub struct ConsumerGroupDescription {
    description: admin_groups::ConsumerGroupDescription,
}

impl ConsumerGroupDescription {
    pub fn from_engine(description: admin_groups::ConsumerGroupDescription) -> Self {
        Self { description }
    }
}

#[php_impl]
impl ConsumerGroupDescription {
    #[php(vis = "private")]
    pub fn __construct() -> PhpResult<Self> {
        Err(super::exception::returned_only("RdKafka\\Admin\\ConsumerGroupDescription"))
    }

    #[php(getter, name = "group_id")]
    pub fn group_id_view(&self) -> String {
        self.description.group_id.clone()
    }

    /// RD_KAFKA_RESP_ERR_*; 0 when the group was described.
    #[php(getter, name = "error")]
    pub fn error_view(&self) -> i64 {
        self.description.error.as_ref().map_or(0, |error| i64::from(error.code))
    }

    /// The broker's or librdkafka's explanation; null on success.
    #[php(getter, name = "error_string")]
    pub fn error_string_view(&self) -> Option<String> {
        self.description.error.as_ref().map(|error| error.message.clone())
    }

    #[php(getter, name = "is_simple_consumer_group")]
    pub fn is_simple_consumer_group_view(&self) -> bool {
        self.description.is_simple_consumer_group
    }

    #[php(getter, name = "partition_assignor")]
    pub fn partition_assignor_view(&self) -> String {
        self.description.partition_assignor.clone()
    }

    /// RD_KAFKA_CONSUMER_GROUP_STATE_*
    #[php(getter, name = "state")]
    pub fn state_view(&self) -> i64 {
        i64::from(self.description.state)
    }

    /// RD_KAFKA_CONSUMER_GROUP_TYPE_*
    #[php(getter, name = "type")]
    pub fn type_view(&self) -> i64 {
        i64::from(self.description.group_type)
    }

    /// The broker coordinating the group; null when unknown.
    #[php(getter, name = "coordinator")]
    pub fn coordinator_view(&self) -> Option<Node> {
        self.description.coordinator.as_ref().map(Node::from_engine)
    }

    /// The MemberDescription objects.
    #[php(getter, name = "members")]
    pub fn members_view(&self) -> Vec<MemberDescription> {
        self.description.members.iter().map(MemberDescription::from_engine).collect()
    }
}

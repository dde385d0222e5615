//! `RdKafka\Admin\MemberDescription`: one member of a group described by
//! `AdminClient::describeConsumerGroups()`. Read-only properties, shown by var_dump().

use ext_php_rs::prelude::*;

use super::topic_partition::TopicPartition;
use crate::engine::admin_groups;

#[php_class]
#[php(name = "RdKafka\\Admin\\MemberDescription")]
pub struct MemberDescription {
    member: admin_groups::MemberDescription,
}

impl MemberDescription {
    pub fn from_engine(member: &admin_groups::MemberDescription) -> Self {
        Self { member: member.clone() }
    }
}

#[php_impl]
impl MemberDescription {
    #[php(vis = "private")]
    pub fn __construct() -> PhpResult<Self> {
        Err(super::exception::returned_only("RdKafka\\Admin\\MemberDescription"))
    }

    #[php(getter, name = "client_id")]
    pub fn client_id_view(&self) -> String {
        self.member.client_id.clone()
    }

    /// Null unless the member set group.instance.id (static membership).
    #[php(getter, name = "group_instance_id")]
    pub fn group_instance_id_view(&self) -> Option<String> {
        self.member.group_instance_id.clone()
    }

    #[php(getter, name = "consumer_id")]
    pub fn consumer_id_view(&self) -> String {
        self.member.consumer_id.clone()
    }

    #[php(getter, name = "host")]
    pub fn host_view(&self) -> String {
        self.member.host.clone()
    }

    /// The partitions assigned to it, as RdKafka\TopicPartition objects.
    #[php(getter, name = "assignment")]
    pub fn assignment_view(&self) -> Vec<TopicPartition> {
        self.member.assignment.iter().map(TopicPartition::from_engine).collect()
    }
}

//! Consumer groups and the cluster as the brokers describe them: ListConsumerGroups,
//! DescribeConsumerGroups, DescribeCluster. Each group comes back with its own
//! error, so one unknown group does not hide the others.

use std::ffi::CString;

use rdkafka_sys as rdsys;

use super::admin::{error_of, items, AdminClient, AdminOptions};
use super::error::{cstr_to_string, KafkaError, KafkaResult};
use super::handle::c_string;
use super::topic_partition::{partitions_of, TopicPartition};

/// A broker as an admin result names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    pub id: i32,
    pub host: String,
    pub port: u16,
    pub rack: Option<String>,
}

/// One group of listConsumerGroups().
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConsumerGroupListing {
    pub group_id: String,
    pub is_simple_consumer_group: bool,
    /// `RD_KAFKA_CONSUMER_GROUP_STATE_*`
    pub state: i32,
    /// `RD_KAFKA_CONSUMER_GROUP_TYPE_*`
    pub group_type: i32,
}

/// The groups every broker listed, and the errors of the brokers that could not answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConsumerGroupListings {
    pub valid: Vec<ConsumerGroupListing>,
    pub errors: Vec<KafkaError>,
}

/// One member of a described group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberDescription {
    pub client_id: String,
    pub group_instance_id: Option<String>,
    pub consumer_id: String,
    pub host: String,
    pub assignment: Vec<TopicPartition>,
}

/// One group of describeConsumerGroups(): its description, or its error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConsumerGroupDescription {
    pub group_id: String,
    pub error: Option<KafkaError>,
    pub is_simple_consumer_group: bool,
    pub partition_assignor: String,
    /// `RD_KAFKA_CONSUMER_GROUP_STATE_*`
    pub state: i32,
    /// `RD_KAFKA_CONSUMER_GROUP_TYPE_*`
    pub group_type: i32,
    pub coordinator: Option<Node>,
    pub members: Vec<MemberDescription>,
}

/// describeCluster()'s answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClusterDescription {
    pub cluster_id: Option<String>,
    pub controller: Option<Node>,
    pub nodes: Vec<Node>,
}

impl AdminClient {
    /// The groups the brokers know (filtered by the options' group states).
    pub fn list_consumer_groups(&self, options: &AdminOptions) -> KafkaResult<ConsumerGroupListings> {
        self.call_without_items(
            rdsys::rd_kafka_admin_op_t::RD_KAFKA_ADMIN_OP_LISTCONSUMERGROUPS,
            rdsys::rd_kafka_ListConsumerGroups,
            options,
            |event| {
                let (mut valid_count, mut error_count) = (0usize, 0usize);
                // SAFETY: a live ListConsumerGroups result event; its arrays live as long as it.
                unsafe {
                    let result = rdsys::rd_kafka_event_ListConsumerGroups_result(event);
                    let valid = rdsys::rd_kafka_ListConsumerGroups_result_valid(result, &mut valid_count);
                    let errors = rdsys::rd_kafka_ListConsumerGroups_result_errors(result, &mut error_count);
                    Ok(ConsumerGroupListings {
                        valid: items(valid, valid_count).iter().map(|listing| group_listing(*listing)).collect(),
                        errors: items(errors, error_count).iter().filter_map(|error| error_of(*error)).collect(),
                    })
                }
            },
        )
    }

    /// One description (or error) per group id, in order.
    pub fn describe_consumer_groups(&self, group_ids: &[String], options: &AdminOptions) -> KafkaResult<Vec<ConsumerGroupDescription>> {
        if group_ids.is_empty() {
            // Nothing to ask: librdkafka refuses an empty list.
            self.handle().check_usable()?;
            return Ok(Vec::new());
        }
        let ids = group_ids.iter().map(|id| c_string("group id", id)).collect::<KafkaResult<Vec<CString>>>()?;
        let mut pointers: Vec<*const std::os::raw::c_char> = ids.iter().map(|id| id.as_ptr()).collect();
        self.call(
            rdsys::rd_kafka_admin_op_t::RD_KAFKA_ADMIN_OP_DESCRIBECONSUMERGROUPS,
            options,
            |native_options, queue| {
                // SAFETY: rk, the ids (kept by `ids`), options and queue are live; librdkafka copies the ids.
                unsafe { rdsys::rd_kafka_DescribeConsumerGroups(self.handle().rk, pointers.as_mut_ptr(), pointers.len(), native_options, queue) };
                Ok(())
            },
            |event| {
                let mut count = 0usize;
                // SAFETY: a live DescribeConsumerGroups result event; its groups live as long as it.
                unsafe {
                    let groups = rdsys::rd_kafka_DescribeConsumerGroups_result_groups(rdsys::rd_kafka_event_DescribeConsumerGroups_result(event), &mut count);
                    Ok(items(groups, count).iter().map(|group| group_description(*group)).collect())
                }
            },
        )
    }

    /// The cluster id, the controller and the brokers.
    pub fn describe_cluster(&self, options: &AdminOptions) -> KafkaResult<ClusterDescription> {
        self.call_without_items(
            rdsys::rd_kafka_admin_op_t::RD_KAFKA_ADMIN_OP_DESCRIBECLUSTER,
            rdsys::rd_kafka_DescribeCluster,
            options,
            |event| {
                let mut count = 0usize;
                // SAFETY: a live DescribeCluster result event; its nodes and strings live as long as it.
                unsafe {
                    let result = rdsys::rd_kafka_event_DescribeCluster_result(event);
                    let cluster_id = rdsys::rd_kafka_DescribeCluster_result_cluster_id(result);
                    let nodes = rdsys::rd_kafka_DescribeCluster_result_nodes(result, &mut count);
                    Ok(ClusterDescription {
                        cluster_id: (!cluster_id.is_null()).then(|| cstr_to_string(cluster_id)),
                        controller: node(rdsys::rd_kafka_DescribeCluster_result_controller(result)),
                        nodes: items(nodes, count).iter().filter_map(|each| node(*each)).collect(),
                    })
                }
            },
        )
    }
}

/// librdkafka's signature of a request that names no items (it asks the whole cluster).
type RequestWithoutItems = unsafe extern "C" fn(*mut rdsys::rd_kafka_t, *const rdsys::rd_kafka_AdminOptions_t, *mut rdsys::rd_kafka_queue_t);

impl AdminClient {
    fn call_without_items<T>(
        &self,
        operation: rdsys::rd_kafka_admin_op_t,
        request: RequestWithoutItems,
        options: &AdminOptions,
        read: impl FnOnce(*mut rdsys::rd_kafka_event_t) -> KafkaResult<T>,
    ) -> KafkaResult<T> {
        self.call(
            operation,
            options,
            |native_options, queue| {
                // SAFETY: rk, options and queue are live for the call.
                unsafe { request(self.handle().rk, native_options, queue) };
                Ok(())
            },
            read,
        )
    }
}

/// A C string that may be NULL, as an Option.
fn optional_string(ptr: *const std::os::raw::c_char) -> Option<String> {
    (!ptr.is_null()).then(|| cstr_to_string(ptr))
}

/// # Safety
/// `node` must be NULL or a live node of a result event.
unsafe fn node(node: *const rdsys::rd_kafka_Node_t) -> Option<Node> {
    if node.is_null() {
        return None;
    }
    // SAFETY: per the contract.
    unsafe {
        Some(Node {
            id: rdsys::rd_kafka_Node_id(node),
            host: cstr_to_string(rdsys::rd_kafka_Node_host(node)),
            port: rdsys::rd_kafka_Node_port(node),
            rack: optional_string(rdsys::rd_kafka_Node_rack(node)),
        })
    }
}

/// # Safety
/// `listing` must be a live listing of a result event.
unsafe fn group_listing(listing: *const rdsys::rd_kafka_ConsumerGroupListing_t) -> ConsumerGroupListing {
    // SAFETY: per the contract; librdkafka maps the broker's state and type names to its enums.
    unsafe {
        ConsumerGroupListing {
            group_id: cstr_to_string(rdsys::rd_kafka_ConsumerGroupListing_group_id(listing)),
            is_simple_consumer_group: rdsys::rd_kafka_ConsumerGroupListing_is_simple_consumer_group(listing) != 0,
            state: rdsys::rd_kafka_ConsumerGroupListing_state(listing) as i32,
            group_type: rdsys::rd_kafka_ConsumerGroupListing_type(listing) as i32,
        }
    }
}

/// # Safety
/// `group` must be a live description of a result event.
unsafe fn group_description(group: *const rdsys::rd_kafka_ConsumerGroupDescription_t) -> ConsumerGroupDescription {
    // SAFETY: per the contract; members, assignments and the coordinator live as long as the event.
    unsafe {
        let members = (0..rdsys::rd_kafka_ConsumerGroupDescription_member_count(group))
            .map(|index| rdsys::rd_kafka_ConsumerGroupDescription_member(group, index))
            .filter(|member| !member.is_null())
            .map(|member| {
                let assignment = rdsys::rd_kafka_MemberDescription_assignment(member);
                MemberDescription {
                    client_id: cstr_to_string(rdsys::rd_kafka_MemberDescription_client_id(member)),
                    group_instance_id: optional_string(rdsys::rd_kafka_MemberDescription_group_instance_id(member)),
                    consumer_id: cstr_to_string(rdsys::rd_kafka_MemberDescription_consumer_id(member)),
                    host: cstr_to_string(rdsys::rd_kafka_MemberDescription_host(member)),
                    assignment: if assignment.is_null() { Vec::new() } else { partitions_of(rdsys::rd_kafka_MemberAssignment_partitions(assignment)) },
                }
            })
            .collect();
        ConsumerGroupDescription {
            group_id: cstr_to_string(rdsys::rd_kafka_ConsumerGroupDescription_group_id(group)),
            error: error_of(rdsys::rd_kafka_ConsumerGroupDescription_error(group)),
            is_simple_consumer_group: rdsys::rd_kafka_ConsumerGroupDescription_is_simple_consumer_group(group) != 0,
            partition_assignor: cstr_to_string(rdsys::rd_kafka_ConsumerGroupDescription_partition_assignor(group)),
            state: rdsys::rd_kafka_ConsumerGroupDescription_state(group) as i32,
            group_type: rdsys::rd_kafka_ConsumerGroupDescription_type(group) as i32,
            coordinator: node(rdsys::rd_kafka_ConsumerGroupDescription_coordinator(group)),
            members,
        }
    }
}

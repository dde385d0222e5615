//! `RdKafka\Admin\ClusterDescription`: what `AdminClient::describeCluster()` returns.
//! Read-only properties, shown by var_dump().

use ext_php_rs::prelude::*;

use super::admin_node::Node;
use crate::engine::admin_groups;

#[php_class]
#[php(name = "RdKafka\\Admin\\ClusterDescription")]
pub struct ClusterDescription {
    description: admin_groups::ClusterDescription,
}

impl ClusterDescription {
    pub fn from_engine(description: admin_groups::ClusterDescription) -> Self {
        Self { description }
    }
}

#[php_impl]
impl ClusterDescription {
    #[php(vis = "private")]
    pub fn __construct() -> PhpResult<Self> {
        Err(super::exception::returned_only("RdKafka\\Admin\\ClusterDescription"))
    }

    /// Null when the cluster has none (brokers before Kafka 0.10.1).
    #[php(getter, name = "cluster_id")]
    pub fn cluster_id_view(&self) -> Option<String> {
        self.description.cluster_id.clone()
    }

    /// Null when no controller is known.
    #[php(getter, name = "controller")]
    pub fn controller_view(&self) -> Option<Node> {
        self.description.controller.as_ref().map(Node::from_engine)
    }

    /// Every broker, as Node objects.
    #[php(getter, name = "nodes")]
    pub fn nodes_view(&self) -> Vec<Node> {
        self.description.nodes.iter().map(Node::from_engine).collect()
    }
}

//! `RdKafka\Admin\Node`: a broker as an admin result names it (a group's
//! coordinator, the cluster's controller and brokers). Read-only properties.

use ext_php_rs::prelude::*;

use crate::engine::admin_groups;

#[php_class]
#[php(name = "RdKafka\\Admin\\Node")]
pub struct Node {
    node: admin_groups::Node,
}

impl Node {
    pub fn from_engine(node: &admin_groups::Node) -> Self {
        Self { node: node.clone() }
    }
}

#[php_impl]
impl Node {
    #[php(vis = "private")]
    pub fn __construct() -> PhpResult<Self> {
        Err(super::exception::returned_only("RdKafka\\Admin\\Node"))
    }

    #[php(getter, name = "id")]
    pub fn id_view(&self) -> i64 {
        i64::from(self.node.id)
    }

    #[php(getter, name = "host")]
    pub fn host_view(&self) -> String {
        self.node.host.clone()
    }

    #[php(getter, name = "port")]
    pub fn port_view(&self) -> i64 {
        i64::from(self.node.port)
    }

    /// Null when the broker has no rack configured.
    #[php(getter, name = "rack")]
    pub fn rack_view(&self) -> Option<String> {
        self.node.rack.clone()
    }
}

//! `RdKafka` (no namespace): the abstract base of `RdKafka\Producer` and
//! `RdKafka\Consumer`. Its methods are declared on each subclass, because
//! ext-php-rs resolves `$this` by the Rust type of the object.

use ext_php_rs::flags::ClassFlags;
use ext_php_rs::prelude::*;

#[php_class]
#[php(name = "RdKafka")]
#[php(flags = ClassFlags::Abstract)]
pub struct Kafka;

#[php_impl]
impl Kafka {}

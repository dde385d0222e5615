//! `RdKafka\Topic`: the abstract base of the topic classes.

use ext_php_rs::flags::ClassFlags;
use ext_php_rs::prelude::*;

#[php_class]
#[php(name = "RdKafka\\Topic")]
#[php(flags = ClassFlags::Abstract)]
pub struct Topic;

#[php_impl]
impl Topic {}

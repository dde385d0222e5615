//! `RdKafka\Topic`: the abstract base of the topic classes.

use ext_php_rs::convert::FromZval;
use ext_php_rs::flags::{ClassFlags, DataType};
use ext_php_rs::prelude::*;
use ext_php_rs::types::Zval;

#[php_class]
#[php(name = "RdKafka\\Topic")]
#[php(flags = ClassFlags::Abstract)]
pub struct Topic;

#[php_impl]
impl Topic {}

/// An `RdKafka\Topic` argument (any topic class, or a subclass), read as its name.
pub struct TopicName(pub String);

impl<'a> FromZval<'a> for TopicName {
    const TYPE: DataType = DataType::object("RdKafka\\Topic");

    fn from_zval(zval: &'a Zval) -> Option<Self> {
        let object = zval.object()?;
        let topic_class = ext_php_rs::zend::ClassEntry::try_find("RdKafka\\Topic")?;
        if !object.instance_of(topic_class) {
            return None;
        }
        let name = object.try_call_method("getName", vec![]).ok()?;
        name.string().map(Self)
    }
}

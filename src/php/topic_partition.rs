//! `RdKafka\TopicPartition`.

use ext_php_rs::boxed::ZBox;
use ext_php_rs::prelude::*;
use ext_php_rs::types::{ZendClassObject, ZendHashTable, Zval};

use super::exception::type_error;
use super::zval::{list, to_zval, PhpInt, PhpString};
use crate::engine;

#[php_class]
#[php(name = "RdKafka\\TopicPartition")]
#[derive(Clone)]
pub struct TopicPartition {
    topic: String,
    partition: i64,
    offset: i64,
    err: Option<i64>,
}

impl TopicPartition {
    pub fn to_engine(&self) -> PhpResult<engine::TopicPartition> {
        let partition = i32::try_from(self.partition)
            .map_err(|_| type_error(format!("Partition {} of topic \"{}\" is out of range", self.partition, self.topic)))?;
        Ok(engine::TopicPartition::new(self.topic.clone(), partition, self.offset))
    }

    pub fn from_engine(tp: &engine::TopicPartition) -> Self {
        Self { topic: tp.topic.clone(), partition: i64::from(tp.partition), offset: tp.offset, err: Some(i64::from(tp.err)) }
    }
}

#[php_impl]
impl TopicPartition {
    #[php(defaults(offset = 0))]
    pub fn __construct(topic: PhpString, partition: PhpInt, offset: PhpInt) -> Self {
        Self { topic: topic.0, partition: partition.0, offset: offset.0, err: Some(0) }
    }

    /// Declared `?string`, as php-rdkafka declares it (a subclass or mock may copy its signature).
    pub fn get_topic(&self) -> Option<String> {
        Some(self.topic.clone())
    }

    pub fn set_topic(self_: &mut ZendClassObject<TopicPartition>, topic_name: PhpString) -> &mut ZendClassObject<TopicPartition> {
        self_.topic = topic_name.0;
        self_
    }

    pub fn get_partition(&self) -> i64 {
        self.partition
    }

    pub fn set_partition(self_: &mut ZendClassObject<TopicPartition>, partition: PhpInt) -> &mut ZendClassObject<TopicPartition> {
        self_.partition = partition.0;
        self_
    }

    pub fn get_offset(&self) -> i64 {
        self.offset
    }

    pub fn set_offset(self_: &mut ZendClassObject<TopicPartition>, offset: PhpInt) -> &mut ZendClassObject<TopicPartition> {
        self_.offset = offset.0;
        self_
    }

    pub fn get_err(&self) -> Option<i64> {
        self.err
    }

    // Read-only views, so var_dump()/print_r() show the fields as php-rdkafka does.
    #[php(getter, name = "topic")]
    pub fn topic_view(&self) -> String {
        self.topic.clone()
    }

    #[php(getter, name = "partition")]
    pub fn partition_view(&self) -> i64 {
        self.partition
    }

    #[php(getter, name = "offset")]
    pub fn offset_view(&self) -> i64 {
        self.offset
    }

    #[php(getter, name = "err")]
    pub fn err_view(&self) -> Option<i64> {
        self.err
    }
}

/// Reads a PHP array that must hold only `RdKafka\TopicPartition` objects.
pub fn partitions_from_array(array: &ZendHashTable, what: &str) -> PhpResult<Vec<engine::TopicPartition>> {
    super::zval::entries(array)
        .map(|(index, value)| {
            value
                .object()
                .and_then(|object| ZendClassObject::<TopicPartition>::from_zend_obj(object))
                .ok_or_else(|| {
                    type_error(format!(
                        "{what}: array element {index} must be an RdKafka\\TopicPartition, {} given",
                        super::zval::type_name(value)
                    ))
                })
                .and_then(|tp| tp.to_engine())
        })
        .collect()
}

/// A PHP list of `RdKafka\TopicPartition` objects.
pub fn partitions_to_array(partitions: &[engine::TopicPartition]) -> PhpResult<ZBox<ZendHashTable>> {
    let values = partitions
        .iter()
        .map(|tp| to_zval(TopicPartition::from_engine(tp)))
        .collect::<PhpResult<Vec<Zval>>>()?;
    list(values)
}

/// var_dump() of a TopicPartition made without its constructor (a mock subclass, or
/// `newInstanceWithoutConstructor()`) shows no fields, as php-rdkafka's does, instead
/// of four NULL views. Installed once on the class's object handlers.
pub fn install_debug_info() {
    static INSTALLED: std::sync::Once = std::sync::Once::new();
    INSTALLED.call_once(|| {
        let handlers = std::ptr::from_ref(<TopicPartition as ext_php_rs::class::RegisteredClass>::get_metadata().handlers()).cast_mut();
        // SAFETY: the handlers are this class's own static table, set up at MINIT and only
        // read by the engine on the PHP thread, which is where this runs (at first RINIT).
        unsafe { (*handlers).get_debug_info = Some(debug_info) };
    });
}

unsafe extern "C" fn debug_info(object: *mut ext_php_rs::ffi::zend_object, is_temp: *mut std::os::raw::c_int) -> *mut ext_php_rs::ffi::HashTable {
    // SAFETY: PHP passes a live object of this class (or a subclass) and a valid flag pointer.
    unsafe {
        if ZendClassObject::<TopicPartition>::from_zend_obj(&*object).is_none() {
            *is_temp = 1;
            return ZendHashTable::new().into_raw();
        }
        *is_temp = 0;
        match (*(*object).handlers).get_properties {
            Some(get_properties) => get_properties(object),
            None => ext_php_rs::ffi::zend_std_get_properties(object),
        }
    }
}

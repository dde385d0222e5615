//! `RdKafka\Admin\AdminClient` (class and method names as in php-rdkafka 7):
//! creates and deletes topics and adds partitions. Each call waits for the
//! cluster's answer and returns one `TopicResult` per topic, so one failed topic
//! does not hide the others; a failure of the whole request throws
//! `RdKafka\KafkaErrorException`.

use ext_php_rs::boxed::ZBox;
use ext_php_rs::prelude::*;
use ext_php_rs::types::{ZendClassObject, ZendHashTable, Zval};

use super::admin_delete_topic::DeleteTopic;
use super::admin_new_partitions::NewPartitions;
use super::admin_new_topic::NewTopic;
use super::admin_options::AdminOptions;
use super::admin_topic_result::TopicResult;
use super::callbacks::{dispatch, this_zval, ClientCallbacks};
use super::conf::Conf;
use super::exception::{guard, invalid_argument, type_error, OrThrow, OrThrowKafkaError};
use super::topic_partition::{partitions_from_array, partitions_to_array};
use super::zval::{list, to_zval, type_name, PhpInt, PhpString};
use crate::engine::admin::{self, TopicOutcome};

/// `RD_KAFKA_ADMIN_OP_*` values these calls take options for.
const OP_ANY: i64 = 0;
const OP_CREATE_TOPICS: i64 = 1;
const OP_DELETE_TOPICS: i64 = 2;
const OP_CREATE_PARTITIONS: i64 = 3;
const OP_DELETE_RECORDS: i64 = 6;
const OP_LIST_GROUP_OFFSETS: i64 = 14;
const OP_ALTER_GROUP_OFFSETS: i64 = 15;
/// librdkafka's highest `RD_KAFKA_ADMIN_OP_*` (2.12).
const OP_LAST: i64 = 18;

#[php_class]
#[php(name = "RdKafka\\Admin\\AdminClient")]
pub struct AdminClient {
    engine: admin::AdminClient,
    callbacks: ClientCallbacks,
    /// The client whose handle it uses (fromClient()), kept alive while this is.
    client: Option<Zval>,
}

/// Every element of `array`, as the Rust object of class `T`, or a TypeError naming the element.
fn elements<'a, T: ext_php_rs::class::RegisteredClass>(array: &'a ZendHashTable, method: &str) -> PhpResult<Vec<&'a T>> {
    array
        .iter()
        .map(|(index, value)| {
            value.object().and_then(|object| ZendClassObject::<T>::from_zend_obj(object)).map(|object| &**object).ok_or_else(|| {
                let given = value.object().and_then(|object| object.get_class_name().ok()).unwrap_or_else(|| type_name(value).to_string());
                type_error(format!("RdKafka\\Admin\\AdminClient::{method}(): element {index} must be an {}, {given} given", T::CLASS_NAME))
            })
        })
        .collect()
}

fn results(outcomes: Vec<TopicOutcome>) -> PhpResult<ZBox<ZendHashTable>> {
    list(outcomes.into_iter().map(|outcome| to_zval(TopicResult::from_outcome(outcome))).collect::<PhpResult<Vec<Zval>>>()?)
}

impl AdminClient {
    fn options(options: Option<&AdminOptions>, operation: i64, method: &str) -> PhpResult<admin::AdminOptions> {
        options.map_or_else(|| Ok(admin::AdminOptions::default()), |options| options.for_operation(operation, method))
    }

    /// Serves the client's error and log events (its PHP callbacks) after a call.
    fn serve_events(&self, this: &Zval) {
        self.engine.serve_events(|event| {
            let _ = dispatch(&self.callbacks, this, event);
        });
    }
}

#[php_impl]
impl AdminClient {
    pub fn __construct(conf: &Conf) -> PhpResult<Self> {
        guard(|| {
            let (native, callbacks) = conf.snapshot();
            let engine = admin::AdminClient::new(native, callbacks.enabled()).or_throw()?;
            Ok(Self { engine, callbacks, client: None })
        })
    }

    /// [rdkafka-rs] An AdminClient on an existing Producer, KafkaConsumer or Consumer:
    /// it reuses that client's connections (no new handle); the client's callbacks
    /// serve its events.
    pub fn from_client(client: &Zval) -> PhpResult<Self> {
        guard(|| {
            let object = client.object();
            let owner = if let Some(producer) = object.and_then(ZendClassObject::<super::producer::Producer>::from_zend_obj) {
                producer.admin_owner()
            } else if let Some(consumer) = object.and_then(ZendClassObject::<super::kafka_consumer::KafkaConsumer>::from_zend_obj) {
                consumer.admin_owner()?
            } else if let Some(consumer) = object.and_then(ZendClassObject::<super::consumer::Consumer>::from_zend_obj) {
                consumer.admin_owner()
            } else {
                let given = object.and_then(|object| object.get_class_name().ok()).unwrap_or_else(|| type_name(client).to_string());
                return Err(type_error(format!(
                    "RdKafka\\Admin\\AdminClient::fromClient(): Argument #1 ($client) must be an RdKafka\\Producer, RdKafka\\KafkaConsumer or RdKafka\\Consumer, {given} given"
                )));
            };
            let engine = admin::AdminClient::on_handle(owner).or_throw()?;
            Ok(Self { engine, callbacks: ClientCallbacks::default(), client: Some(client.shallow_clone()) })
        })
    }

    /// Options for one kind of call (`RD_KAFKA_ADMIN_OP_*`; `RD_KAFKA_ADMIN_OP_ANY` for any).
    pub fn new_admin_options(&self, for_api: PhpInt) -> PhpResult<AdminOptions> {
        if !(OP_ANY..=OP_LAST).contains(&for_api.0) {
            return Err(invalid_argument(format!("Out of range value '{}' for $for_api: use an RD_KAFKA_ADMIN_OP_* constant", for_api.0)));
        }
        Ok(AdminOptions::new(for_api.0))
    }

    /// Creates topics; one `TopicResult` per topic, in order.
    #[php(optional = options)]
    pub fn create_topics(self_: &mut ZendClassObject<AdminClient>, topics: &ZendHashTable, options: Option<&AdminOptions>) -> PhpResult<ZBox<ZendHashTable>> {
        let this = this_zval(self_);
        let client: &AdminClient = self_;
        guard(|| {
            let specs: Vec<_> = elements::<NewTopic>(topics, "createTopics")?.into_iter().map(NewTopic::spec).collect();
            let options = Self::options(options, OP_CREATE_TOPICS, "createTopics()")?;
            let outcome = client.engine.create_topics(&specs, &options);
            client.serve_events(&this);
            results(outcome.or_throw_kafka_error()?)
        })
    }

    /// Deletes topics; one `TopicResult` per topic, in order.
    #[php(optional = options)]
    pub fn delete_topics(self_: &mut ZendClassObject<AdminClient>, topics: &ZendHashTable, options: Option<&AdminOptions>) -> PhpResult<ZBox<ZendHashTable>> {
        let this = this_zval(self_);
        let client: &AdminClient = self_;
        guard(|| {
            let names: Vec<String> = elements::<DeleteTopic>(topics, "deleteTopics")?.into_iter().map(|topic| topic.name().to_string()).collect();
            let options = Self::options(options, OP_DELETE_TOPICS, "deleteTopics()")?;
            let outcome = client.engine.delete_topics(&names, &options);
            client.serve_events(&this);
            results(outcome.or_throw_kafka_error()?)
        })
    }

    /// Raises topics' partition counts; one `TopicResult` per topic, in order.
    #[php(optional = options)]
    pub fn create_partitions(self_: &mut ZendClassObject<AdminClient>, partitions: &ZendHashTable, options: Option<&AdminOptions>) -> PhpResult<ZBox<ZendHashTable>> {
        let this = this_zval(self_);
        let client: &AdminClient = self_;
        guard(|| {
            let specs: Vec<(String, usize)> = elements::<NewPartitions>(partitions, "createPartitions")?.into_iter().map(NewPartitions::spec).collect();
            let options = Self::options(options, OP_CREATE_PARTITIONS, "createPartitions()")?;
            let outcome = client.engine.create_partitions(&specs, &options);
            client.serve_events(&this);
            results(outcome.or_throw_kafka_error()?)
        })
    }

    /// Deletes the records before each TopicPartition's offset (`RD_KAFKA_OFFSET_END`:
    /// all); returns each partition with its new low watermark, or its error (getErr()).
    #[php(optional = options)]
    pub fn delete_records(self_: &mut ZendClassObject<AdminClient>, topic_partitions: &ZendHashTable, options: Option<&AdminOptions>) -> PhpResult<ZBox<ZendHashTable>> {
        let this = this_zval(self_);
        let client: &AdminClient = self_;
        guard(|| {
            let before = partitions_from_array(topic_partitions, "RdKafka\\Admin\\AdminClient::deleteRecords()")?;
            let options = Self::options(options, OP_DELETE_RECORDS, "deleteRecords()")?;
            let outcome = client.engine.delete_records(&before, &options);
            client.serve_events(&this);
            partitions_to_array(&outcome.or_throw_kafka_error()?)
        })
    }

    /// The group's committed offsets, for the given partitions or (null) all it has.
    #[php(optional = topic_partitions)]
    pub fn list_consumer_group_offsets(
        self_: &mut ZendClassObject<AdminClient>,
        group_id: PhpString,
        topic_partitions: Option<&ZendHashTable>,
        options: Option<&AdminOptions>,
    ) -> PhpResult<ZBox<ZendHashTable>> {
        let this = this_zval(self_);
        let client: &AdminClient = self_;
        guard(|| {
            let partitions = topic_partitions
                .map(|array| partitions_from_array(array, "RdKafka\\Admin\\AdminClient::listConsumerGroupOffsets()"))
                .transpose()?;
            let options = Self::options(options, OP_LIST_GROUP_OFFSETS, "listConsumerGroupOffsets()")?;
            let outcome = client.engine.list_group_offsets(group_id.as_str(), partitions.as_deref(), &options);
            client.serve_events(&this);
            partitions_to_array(&outcome.or_throw_kafka_error()?)
        })
    }

    /// Sets the group's committed offsets (the group must have no active members);
    /// each returned TopicPartition carries its error (getErr()).
    #[php(optional = options)]
    pub fn alter_consumer_group_offsets(
        self_: &mut ZendClassObject<AdminClient>,
        group_id: PhpString,
        topic_partitions: &ZendHashTable,
        options: Option<&AdminOptions>,
    ) -> PhpResult<ZBox<ZendHashTable>> {
        let this = this_zval(self_);
        let client: &AdminClient = self_;
        guard(|| {
            let partitions = partitions_from_array(topic_partitions, "RdKafka\\Admin\\AdminClient::alterConsumerGroupOffsets()")?;
            let options = Self::options(options, OP_ALTER_GROUP_OFFSETS, "alterConsumerGroupOffsets()")?;
            let outcome = client.engine.alter_group_offsets(group_id.as_str(), &partitions, &options);
            client.serve_events(&this);
            partitions_to_array(&outcome.or_throw_kafka_error()?)
        })
    }
}

impl super::gc::HoldsZvals for AdminClient {
    fn visit_zvals(&self, visit: &mut dyn FnMut(&Zval)) {
        self.callbacks.zvals().into_iter().for_each(&mut *visit);
        self.client.iter().for_each(visit);
    }
}

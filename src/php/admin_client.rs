//! `RdKafka\Admin\AdminClient`: creates and deletes topics and adds partitions,
//! deletes records, reads and sets group offsets, describes and alters configs,
//! lists and describes groups and describes the cluster. Each call waits for the
//! cluster's answer and returns one result per item (topic, resource, group), so
//! one failed item does not hide the others; a failure of the whole request throws
//! `RdKafka\KafkaErrorException`.

use ext_php_rs::boxed::ZBox;
use ext_php_rs::prelude::*;
use ext_php_rs::types::{ZendClassObject, ZendHashTable, Zval};

use super::admin_cluster_description::ClusterDescription;
use super::admin_config_resource::ConfigResource;
use super::admin_config_resource_result::ConfigResourceResult;
use super::admin_consumer_group_description::ConsumerGroupDescription;
use super::admin_delete_topic::DeleteTopic;
use super::admin_list_consumer_groups_result::ListConsumerGroupsResult;
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
use crate::engine::admin_configs::ConfigResourceOutcome;

/// `RD_KAFKA_ADMIN_OP_*` values these calls take options for.
const OP_ANY: i64 = 0;
const OP_CREATE_TOPICS: i64 = 1;
const OP_DELETE_TOPICS: i64 = 2;
const OP_CREATE_PARTITIONS: i64 = 3;
const OP_DESCRIBE_CONFIGS: i64 = 5;
const OP_DELETE_RECORDS: i64 = 6;
const OP_LIST_GROUPS: i64 = 12;
const OP_DESCRIBE_GROUPS: i64 = 13;
const OP_LIST_GROUP_OFFSETS: i64 = 14;
const OP_ALTER_GROUP_OFFSETS: i64 = 15;
const OP_INCREMENTAL_ALTER_CONFIGS: i64 = 16;
const OP_DESCRIBE_CLUSTER: i64 = 20;
/// librdkafka's highest `RD_KAFKA_ADMIN_OP_*` (2.12: ELECTLEADERS).
const OP_LAST: i64 = 22;

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
    super::zval::entries(array)
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

fn config_results(outcomes: Vec<ConfigResourceOutcome>) -> PhpResult<ZBox<ZendHashTable>> {
    list(outcomes.into_iter().map(|outcome| to_zval(ConfigResourceResult::from_outcome(outcome))).collect::<PhpResult<Vec<Zval>>>()?)
}

/// Every element of `array` as a string (no coercion: a group id is never a number by accident).
fn strings(array: &ZendHashTable, method: &str) -> PhpResult<Vec<String>> {
    super::zval::entries(array)
        .map(|(index, value)| {
            value.string().ok_or_else(|| type_error(format!("RdKafka\\Admin\\AdminClient::{method}(): element {index} must be of type string, {} given", type_name(value))))
        })
        .collect()
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

    /// The configs of each topic, group or broker; one ConfigResourceResult per resource, in order.
    #[php(optional = options)]
    pub fn describe_configs(self_: &mut ZendClassObject<AdminClient>, resources: &ZendHashTable, options: Option<&AdminOptions>) -> PhpResult<ZBox<ZendHashTable>> {
        let this = this_zval(self_);
        let client: &AdminClient = self_;
        guard(|| {
            let specs: Vec<_> = elements::<ConfigResource>(resources, "describeConfigs")?.into_iter().map(ConfigResource::spec).collect();
            let options = Self::options(options, OP_DESCRIBE_CONFIGS, "describeConfigs()")?;
            let outcome = client.engine.describe_configs(&specs, &options);
            client.serve_events(&this);
            config_results(outcome.or_throw_kafka_error()?)
        })
    }

    /// Applies each resource's addIncrementalConfig() changes; one ConfigResourceResult
    /// (its error, no configs) per resource, in order.
    #[php(optional = options)]
    pub fn incremental_alter_configs(
        self_: &mut ZendClassObject<AdminClient>,
        resources: &ZendHashTable,
        options: Option<&AdminOptions>,
    ) -> PhpResult<ZBox<ZendHashTable>> {
        let this = this_zval(self_);
        let client: &AdminClient = self_;
        guard(|| {
            let specs: Vec<_> = elements::<ConfigResource>(resources, "incrementalAlterConfigs")?.into_iter().map(ConfigResource::spec).collect();
            if let Some(spec) = specs.iter().find(|spec| spec.alterations.is_empty()) {
                return Err(invalid_argument(format!(
                    "RdKafka\\Admin\\AdminClient::incrementalAlterConfigs(): resource '{}' has no changes: call addIncrementalConfig() on it first",
                    spec.name
                )));
            }
            let options = Self::options(options, OP_INCREMENTAL_ALTER_CONFIGS, "incrementalAlterConfigs()")?;
            let outcome = client.engine.incremental_alter_configs(&specs, &options);
            client.serve_events(&this);
            config_results(outcome.or_throw_kafka_error()?)
        })
    }

    /// The groups the brokers know (AdminOptions::setMatchConsumerGroupStates() filters them),
    /// with one error per broker that could not answer.
    #[php(optional = options)]
    pub fn list_consumer_groups(self_: &mut ZendClassObject<AdminClient>, options: Option<&AdminOptions>) -> PhpResult<ListConsumerGroupsResult> {
        let this = this_zval(self_);
        let client: &AdminClient = self_;
        guard(|| {
            let options = Self::options(options, OP_LIST_GROUPS, "listConsumerGroups()")?;
            let outcome = client.engine.list_consumer_groups(&options);
            client.serve_events(&this);
            Ok(ListConsumerGroupsResult::from_engine(outcome.or_throw_kafka_error()?))
        })
    }

    /// One ConsumerGroupDescription per group id, in order; an unknown or failed group
    /// carries its error.
    #[php(optional = options)]
    pub fn describe_consumer_groups(self_: &mut ZendClassObject<AdminClient>, group_ids: &ZendHashTable, options: Option<&AdminOptions>) -> PhpResult<ZBox<ZendHashTable>> {
        let this = this_zval(self_);
        let client: &AdminClient = self_;
        guard(|| {
            let ids = strings(group_ids, "describeConsumerGroups")?;
            let options = Self::options(options, OP_DESCRIBE_GROUPS, "describeConsumerGroups()")?;
            let outcome = client.engine.describe_consumer_groups(&ids, &options);
            client.serve_events(&this);
            let descriptions = outcome.or_throw_kafka_error()?;
            list(descriptions.into_iter().map(|description| to_zval(ConsumerGroupDescription::from_engine(description))).collect::<PhpResult<Vec<Zval>>>()?)
        })
    }

    /// The cluster id, its controller and its brokers.
    #[php(optional = options)]
    pub fn describe_cluster(self_: &mut ZendClassObject<AdminClient>, options: Option<&AdminOptions>) -> PhpResult<ClusterDescription> {
        let this = this_zval(self_);
        let client: &AdminClient = self_;
        guard(|| {
            let options = Self::options(options, OP_DESCRIBE_CLUSTER, "describeCluster()")?;
            let outcome = client.engine.describe_cluster(&options);
            client.serve_events(&this);
            Ok(ClusterDescription::from_engine(outcome.or_throw_kafka_error()?))
        })
    }
}

impl super::gc::HoldsZvals for AdminClient {
    fn visit_zvals(&self, visit: &mut dyn FnMut(&Zval)) {
        self.callbacks.zvals().into_iter().for_each(&mut *visit);
        self.client.iter().for_each(visit);
    }
}

//! rdkafka-rs: the php-rdkafka API as a PHP extension written in Rust.
//! This file only registers things with PHP; see `php/` and `engine/`.
#![cfg_attr(windows, feature(abi_vectorcall))]
// Input and network results are errors to report, never reasons to abort the PHP process.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

pub mod engine;
#[cfg(not(test))]
pub mod php;

#[cfg(not(test))]
mod module {
    use ext_php_rs::prelude::*;

    use crate::engine::version::PHP_RDKAFKA_API_VERSION;
    use crate::php::*;

    extern "C" fn startup(_type: i32, module_number: i32) -> i32 {
        exception::install_panic_hook();
        crate::engine::interrupt::install(interrupt::vm_interrupt_pending);
        ini::register(module_number);
        let registered = exception::register_exception_classes()
            .and_then(|()| kafka_error_exception::register_kafka_error_exception_class())
            .and_then(|()| message::register_message_class());
        match registered {
            Ok(()) => 0,
            Err(_) => -1,
        }
    }

    /// The process ends (a PHP-FPM worker retires, a CLI script ends): parked
    /// persistent producers deliver what they hold, as any producer does.
    extern "C" fn shutdown(_type: i32, _module_number: i32) -> i32 {
        producer::shut_down_parked_producers();
        crate::engine::release_validation_conf();
        0
    }

    extern "C" fn request_startup(_type: i32, _module_number: i32) -> i32 {
        crate::engine::forget_delivery_sink();
        method_fixups::install();
        topic_partition::install_debug_info();
        install_debug_views();
        install_cycle_collection();
        fast_path::install();
        0
    }

    /// var_dump() shows the metadata objects' values, as php-rdkafka's (see `php/debug_info.rs`).
    fn install_debug_views() {
        static INSTALLED: std::sync::Once = std::sync::Once::new();
        INSTALLED.call_once(|| {
            debug_info::install::<metadata::Metadata>();
            debug_info::install::<metadata_collection::Collection>();
            debug_info::install::<metadata_topic::Topic>();
            debug_info::install::<metadata_partition::Partition>();
            debug_info::install::<metadata_broker::Broker>();
        });
    }

    /// PHP's cycle collector sees the zvals these classes hold in Rust (see `php/gc.rs`).
    fn install_cycle_collection() {
        static INSTALLED: std::sync::Once = std::sync::Once::new();
        INSTALLED.call_once(|| {
            gc::install::<producer::Producer>();
            gc::install::<kafka_consumer::KafkaConsumer>();
            gc::install::<consumer::Consumer>();
            gc::install::<conf::Conf>();
            gc::install::<producer_topic::ProducerTopic>();
            gc::install::<kafka_consumer_topic::KafkaConsumerTopic>();
            gc::install::<consumer_topic::ConsumerTopic>();
            gc::install::<queue::Queue>();
            gc::install::<metadata_collection::Collection>();
            gc::install::<admin_client::AdminClient>();
        });
    }

    #[php_module]
    pub fn get_module(module: ModuleBuilder) -> ModuleBuilder {
        // Registered as "rdkafka" with php-rdkafka's version, so extension_loaded('rdkafka')
        // and Composer's "ext-rdkafka": "^6.0" accept us as a drop-in.
        let module = module
            .name("rdkafka")
            .version(PHP_RDKAFKA_API_VERSION)
            .startup_function(startup)
            .shutdown_function(shutdown)
            .request_startup_function(request_startup)
            .info_function(info::module_info)
            .class::<kafka::Kafka>()
            .class::<conf::Conf>()
            .class::<topic_conf::TopicConf>()
            .class::<topic::Topic>()
            .class::<producer_topic::ProducerTopic>()
            .class::<producer::Producer>()
            .class::<consumer::Consumer>()
            .class::<consumer_topic::ConsumerTopic>()
            .class::<queue::Queue>()
            .class::<kafka_consumer::KafkaConsumer>()
            .class::<kafka_consumer_topic::KafkaConsumerTopic>()
            .class::<metadata::Metadata>()
            .class::<metadata_collection::Collection>()
            .class::<metadata_broker::Broker>()
            .class::<metadata_topic::Topic>()
            .class::<metadata_partition::Partition>()
            .class::<topic_partition::TopicPartition>()
            .class::<mock_cluster::Cluster>()
            .class::<engine::Engine>()
            .class::<admin_client::AdminClient>()
            .class::<admin_options::AdminOptions>()
            .class::<admin_new_topic::NewTopic>()
            .class::<admin_delete_topic::DeleteTopic>()
            .class::<admin_new_partitions::NewPartitions>()
            .class::<admin_topic_result::TopicResult>()
            .class::<admin_config_resource::ConfigResource>()
            .class::<admin_config_resource_result::ConfigResourceResult>()
            .class::<admin_config_entry::ConfigEntry>()
            .class::<admin_consumer_group_listing::ConsumerGroupListing>()
            .class::<admin_list_consumer_groups_result::ListConsumerGroupsResult>()
            .class::<admin_consumer_group_description::ConsumerGroupDescription>()
            .class::<admin_member_description::MemberDescription>()
            .class::<admin_node::Node>()
            .class::<admin_cluster_description::ClusterDescription>();
        constants::register(functions::register(module))
    }
}

//! librdkafka's in-process mock Kafka cluster, for tests without a broker
//! install, with its fault injection: brokers down and up, round-trip delay,
//! request errors per API, topic errors, partition leader and follower moves.

use std::ffi::CString;
use std::os::raw::{c_char, c_int};
use std::time::Duration;

use rdkafka_sys as rdsys;

use super::conf::NativeConf;
use super::error::{ERR_INVALID_ARG, cstr_to_string, error_descriptions, KafkaError, KafkaResult};


extern "C" {
    // The same librdkafka functions as in rdkafka-sys, taking the error codes as
    // the plain ints they are in C: a code from PHP never becomes a Rust enum value.
    #[link_name = "rd_kafka_mock_push_request_errors_array"]
    fn push_request_errors(cluster: *mut rdsys::rd_kafka_mock_cluster_t, api_key: i16, count: usize, errors: *const c_int);
    #[link_name = "rd_kafka_mock_topic_set_error"]
    fn topic_set_error(cluster: *mut rdsys::rd_kafka_mock_cluster_t, topic: *const c_char, error: c_int);
}

/// A mock cluster that lives as long as this value; its brokers listen on
/// 127.0.0.1 so a second process can connect to `bootstraps()`.
pub struct MockCluster {
    /// The handle the cluster belongs to (librdkafka requires one); never used for Kafka.
    rk: *mut rdsys::rd_kafka_t,
    cluster: *mut rdsys::rd_kafka_mock_cluster_t,
    /// The fork generation it was made in: a child never touches the parent's (see fork.rs).
    generation: u64,
}

// SAFETY: the mock cluster runs on its own thread; its API is thread-safe.
unsafe impl Send for MockCluster {}
// SAFETY: as above.
unsafe impl Sync for MockCluster {}

/// The mock's own log lines (and the handle's "no bootstrap.servers") are not the test's business.
unsafe extern "C" fn discard_log(_rk: *const rdsys::rd_kafka_t, _level: c_int, _facility: *const c_char, _message: *const c_char) {}

impl MockCluster {
    pub fn new(brokers: i32) -> KafkaResult<Self> {
        if !(1..=64).contains(&brokers) {
            return Err(KafkaError::with_message(ERR_INVALID_ARG, format!("A mock cluster needs 1 to 64 brokers, got {brokers}")));
        }
        let conf = NativeConf::new().into_raw();
        let mut errstr = [0 as c_char; 512];
        // SAFETY: conf is ours until rd_kafka_new takes it; on failure we free it.
        let rk = unsafe {
            rdsys::rd_kafka_conf_set_log_cb(conf, Some(discard_log));
            let rk = rdsys::rd_kafka_new(rdsys::rd_kafka_type_t::RD_KAFKA_PRODUCER, conf, errstr.as_mut_ptr(), errstr.len());
            if rk.is_null() {
                rdsys::rd_kafka_conf_destroy(conf);
            }
            rk
        };
        if rk.is_null() {
            return Err(KafkaError::with_message(ERR_INVALID_ARG, cstr_to_string(errstr.as_ptr())));
        }
        // SAFETY: rk is live; the cluster is destroyed before it (Drop).
        let cluster = unsafe { rdsys::rd_kafka_mock_cluster_new(rk, brokers) };
        if cluster.is_null() {
            // SAFETY: rk is ours and unused.
            unsafe { rdsys::rd_kafka_destroy(rk) };
            return Err(KafkaError::with_message(-195, "librdkafka could not start the mock cluster"));
        }
        Ok(Self { rk, cluster, generation: super::fork::generation() })
    }

    pub fn bootstraps(&self) -> String {
        // SAFETY: the cluster is live; the string lives as long as it.
        cstr_to_string(unsafe { rdsys::rd_kafka_mock_cluster_bootstraps(self.cluster) })
    }

    pub fn create_topic(&self, topic: &str, partitions: i32, replication_factor: i32) -> KafkaResult<()> {
        // librdkafka's mock aborts the process on these instead of returning an error.
        if partitions < 1 || replication_factor < 1 {
            return Err(KafkaError::with_message(
                ERR_INVALID_ARG,
                format!("A mock topic needs at least 1 partition and a replication factor of at least 1, got {partitions} and {replication_factor}"),
            ));
        }
        let topic = topic_name(topic)?;
        // SAFETY: the cluster is live; the name outlives the call.
        KafkaError::check(unsafe { rdsys::rd_kafka_mock_topic_create(self.cluster, topic.as_ptr(), partitions, replication_factor) })
    }

    pub fn set_broker_down(&self, broker_id: i32) -> KafkaResult<()> {
        // SAFETY: the cluster is live.
        KafkaError::check(unsafe { rdsys::rd_kafka_mock_broker_set_down(self.cluster, broker_id) })
    }

    pub fn set_broker_up(&self, broker_id: i32) -> KafkaResult<()> {
        // SAFETY: the cluster is live.
        KafkaError::check(unsafe { rdsys::rd_kafka_mock_broker_set_up(self.cluster, broker_id) })
    }

    pub fn set_rtt(&self, broker_id: i32, rtt: Duration) -> KafkaResult<()> {
        let millis = c_int::try_from(rtt.as_millis()).unwrap_or(c_int::MAX);
        // SAFETY: the cluster is live.
        KafkaError::check(unsafe { rdsys::rd_kafka_mock_broker_set_rtt(self.cluster, broker_id, millis) })
    }

    /// The next `errors.len()` requests of API `api_key` (any broker) fail with
    /// these codes, in order (0 lets one through).
    pub fn push_request_errors(&self, api_key: i16, errors: &[i32]) -> KafkaResult<()> {
        for &code in errors {
            known_error(code)?;
        }
        // SAFETY: the cluster is live; librdkafka copies the codes.
        unsafe { push_request_errors(self.cluster, api_key, errors.len(), errors.as_ptr()) };
        Ok(())
    }

    /// Forgets the request errors pushed for `api_key` and not yet used.
    pub fn clear_request_errors(&self, api_key: i16) {
        // SAFETY: the cluster is live.
        unsafe { rdsys::rd_kafka_mock_clear_request_errors(self.cluster, api_key) };
    }

    /// Every metadata answer for `topic` carries `error` (0 clears it).
    pub fn set_topic_error(&self, topic: &str, error: i32) -> KafkaResult<()> {
        known_error(error)?;
        let topic = topic_name(topic)?;
        // SAFETY: the cluster is live; the name outlives the call.
        unsafe { topic_set_error(self.cluster, topic.as_ptr(), error) };
        Ok(())
    }

    /// Moves the leadership of one partition to `broker_id` (-1: no leader).
    pub fn set_partition_leader(&self, topic: &str, partition: i32, broker_id: i32) -> KafkaResult<()> {
        let topic = topic_name(topic)?;
        existing_partition_number(partition)?;
        // SAFETY: the cluster is live; the name outlives the call.
        KafkaError::check(unsafe { rdsys::rd_kafka_mock_partition_set_leader(self.cluster, topic.as_ptr(), partition, broker_id) })
    }

    /// Makes `broker_id` the follower that consumers with fetch-from-follower read from.
    pub fn set_partition_follower(&self, topic: &str, partition: i32, broker_id: i32) -> KafkaResult<()> {
        let topic = topic_name(topic)?;
        existing_partition_number(partition)?;
        // SAFETY: the cluster is live; the name outlives the call.
        KafkaError::check(unsafe { rdsys::rd_kafka_mock_partition_set_follower(self.cluster, topic.as_ptr(), partition, broker_id) })
    }
}

/// One request a broker of the mock cluster received (while tracking was on).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MockRequest {
    pub broker_id: i32,
    /// Kafka's API key: 0 Produce, 3 Metadata, 18 ApiVersions (the first request on each connection), ...
    pub api_key: i16,
    pub timestamp_us: i64,
}

impl MockCluster {
    /// Records every request the brokers receive from now on (see `requests`).
    pub fn start_request_tracking(&self) {
        // SAFETY: the cluster is live.
        unsafe { rdsys::rd_kafka_mock_start_request_tracking(self.cluster) };
    }

    /// Stops recording; what was recorded stays until `clear_requests`.
    pub fn stop_request_tracking(&self) {
        // SAFETY: the cluster is live.
        unsafe { rdsys::rd_kafka_mock_stop_request_tracking(self.cluster) };
    }

    pub fn clear_requests(&self) {
        // SAFETY: the cluster is live.
        unsafe { rdsys::rd_kafka_mock_clear_requests(self.cluster) };
    }

    /// The requests recorded since tracking started (or since `clear_requests`), oldest first.
    pub fn requests(&self) -> Vec<MockRequest> {
        let mut count: usize = 0;
        // SAFETY: the cluster is live; the array and its elements are ours to free, below.
        let array = unsafe { rdsys::rd_kafka_mock_get_requests(self.cluster, &mut count) };
        if array.is_null() {
            return Vec::new();
        }
        // SAFETY: librdkafka returned `count` valid request pointers at `array`.
        let requests = unsafe { std::slice::from_raw_parts(array, count) }
            .iter()
            // SAFETY: each element is a live request until the array is destroyed below.
            .map(|&request| unsafe {
                MockRequest {
                    broker_id: rdsys::rd_kafka_mock_request_id(request),
                    api_key: rdsys::rd_kafka_mock_request_api_key(request),
                    timestamp_us: rdsys::rd_kafka_mock_request_timestamp(request),
                }
            })
            .collect();
        // SAFETY: frees every element and the array, once.
        unsafe { rdsys::rd_kafka_mock_request_destroy_array(array, count) };
        requests
    }
}

impl Drop for MockCluster {
    fn drop(&mut self) {
        if self.generation != super::fork::generation() {
            return; // its thread lives in the parent; destroying would wait for it forever
        }
        // SAFETY: both are ours; the cluster goes first, as librdkafka requires.
        unsafe {
            rdsys::rd_kafka_mock_cluster_destroy(self.cluster);
            rdsys::rd_kafka_destroy(self.rk);
        }
    }
}

fn topic_name(topic: &str) -> KafkaResult<CString> {
    CString::new(topic).map_err(|_| KafkaError::with_message(ERR_INVALID_ARG, "Topic names must not contain a NUL byte"))
}

/// Only codes of librdkafka's error table reach the mock.
fn known_error(code: i32) -> KafkaResult<()> {
    if code == 0 || error_descriptions().iter().any(|desc| desc.code == code) {
        Ok(())
    } else {
        Err(KafkaError::with_message(ERR_INVALID_ARG, format!("{code} is not a librdkafka error code (see rd_kafka_get_err_descs())")))
    }
}

/// librdkafka's mock aborts the process (an allocation of a negative size) for a
/// negative partition, so it is refused here.
fn existing_partition_number(partition: i32) -> KafkaResult<()> {
    if partition < 0 {
        return Err(KafkaError::with_message(-190, format!("Partition {partition} does not exist: mock partitions are numbered from 0")));
    }
    Ok(())
}

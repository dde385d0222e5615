//! The Admin API (`RdKafka\Admin\AdminClient`): topic creation and deletion,
//! partition creation, records and group offsets, run on the PHP thread. Each
//! call queues librdkafka's request on a queue of its own and waits for the
//! result event there, so results never mix with the client's other events.
//! Configs live in `admin_configs.rs`, groups and the cluster in `admin_groups.rs`.

use std::os::raw::c_char;
use std::sync::Arc;
use std::time::{Duration, Instant};

use crossbeam_channel::Receiver;
use rdkafka_sys as rdsys;

use super::client::{ClientEvent, EnabledCallbacks, InflightLimit, NativeClient};
use super::conf::NativeConf;
use super::error::{cstr_to_string, KafkaError, KafkaResult, ERR_INTR, ERR_INVALID_ARG};
use super::interrupt;
use super::handle::c_string;
use super::producer::{millis, ERR_TIMED_OUT};
use super::topic::ClientOwner;
use super::topic_partition::{partitions_of, NativePartitionList, TopicPartition};
use super::wire;

/// librdkafka's default request timeout for admin calls.
const DEFAULT_REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// Options of one admin call (`RdKafka\Admin\AdminOptions`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AdminOptions {
    pub request_timeout: Option<Duration>,
    pub operation_timeout: Option<Duration>,
    pub validate_only: bool,
    /// listConsumerGroups(): only groups in these `RD_KAFKA_CONSUMER_GROUP_STATE_*` (empty: all).
    pub match_group_states: Vec<i32>,
}

/// A topic to create.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewTopic {
    pub name: String,
    pub partitions: i32,
    pub replication_factor: i32,
    pub configs: Vec<(String, String)>,
}

/// The outcome for one topic of a create/delete/create-partitions call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopicOutcome {
    pub name: String,
    pub error: i32,
    pub error_string: Option<String>,
}

/// Which admin request a call makes.
enum Request<'a> {
    CreateTopics(&'a [NewTopic]),
    DeleteTopics(&'a [String]),
    CreatePartitions(&'a [(String, usize)]),
}

impl Request<'_> {
    fn is_empty(&self) -> bool {
        match self {
            Request::CreateTopics(items) => items.is_empty(),
            Request::DeleteTopics(items) => items.is_empty(),
            Request::CreatePartitions(items) => items.is_empty(),
        }
    }

    fn operation(&self) -> rdsys::rd_kafka_admin_op_t {
        match self {
            Request::CreateTopics(_) => rdsys::rd_kafka_admin_op_t::RD_KAFKA_ADMIN_OP_CREATETOPICS,
            Request::DeleteTopics(_) => rdsys::rd_kafka_admin_op_t::RD_KAFKA_ADMIN_OP_DELETETOPICS,
            Request::CreatePartitions(_) => rdsys::rd_kafka_admin_op_t::RD_KAFKA_ADMIN_OP_CREATEPARTITIONS,
        }
    }
}

pub struct AdminClient {
    /// Its own handle, or the handle of the client it was made from (kept alive here).
    owner: Arc<dyn ClientOwner>,
    /// The events of its own handle; a borrowed handle's events are its owner's to serve.
    events: Option<Receiver<ClientEvent>>,
}

/// librdkafka's message in an error buffer as a KafkaError with `code`.
pub(super) fn buffer_error(code: i32, buffer: &[c_char]) -> KafkaError {
    KafkaError::with_message(code, cstr_to_string(buffer.as_ptr()))
}

/// Owned admin objects, destroyed with the guard.
pub(super) struct Owned<T> {
    pub(super) items: Vec<*mut T>,
    pub(super) destroy: unsafe extern "C" fn(*mut T),
}

impl<T> Drop for Owned<T> {
    fn drop(&mut self) {
        for item in &self.items {
            // SAFETY: each item was made by the matching *_new and is destroyed once.
            unsafe { (self.destroy)(*item) };
        }
    }
}

impl AdminClient {
    pub fn new(conf: NativeConf, callbacks: EnabledCallbacks) -> KafkaResult<Self> {
        let (client, events) = NativeClient::new(rdsys::rd_kafka_type_t::RD_KAFKA_PRODUCER, conf, callbacks, InflightLimit::UNBOUNDED)?;
        Ok(Self { owner: Arc::new(client), events: Some(events) })
    }

    /// An admin client on another client's handle (and connections).
    pub fn on_handle(owner: Arc<dyn ClientOwner>) -> KafkaResult<Self> {
        owner.client().check_usable()?;
        Ok(Self { owner, events: None })
    }

    pub fn handle(&self) -> &NativeClient {
        self.owner.client()
    }

    /// Serves the client's own events (errors, logs), so they neither pile up nor get lost.
    pub fn serve_events(&self, mut serve: impl FnMut(ClientEvent)) {
        let Some(events) = &self.events else { return };
        let client = self.handle();
        if client.is_inherited() {
            return;
        }
        // SAFETY: rk is live; callbacks fired here push events for PHP.
        unsafe { rdsys::rd_kafka_poll(client.rk, 0) };
        while let Ok(event) = events.try_recv() {
            client.shared.taken(&event);
            serve(event);
        }
    }

    pub fn create_topics(&self, topics: &[NewTopic], options: &AdminOptions) -> KafkaResult<Vec<TopicOutcome>> {
        self.run(Request::CreateTopics(topics), options)
    }

    pub fn delete_topics(&self, names: &[String], options: &AdminOptions) -> KafkaResult<Vec<TopicOutcome>> {
        self.run(Request::DeleteTopics(names), options)
    }

    /// `(topic, new total number of partitions)` pairs.
    pub fn create_partitions(&self, topics: &[(String, usize)], options: &AdminOptions) -> KafkaResult<Vec<TopicOutcome>> {
        self.run(Request::CreatePartitions(topics), options)
    }

    /// Deletes the records before each partition's offset (`RD_KAFKA_OFFSET_END`: all);
    /// returns each partition's new low watermark, or its error.
    pub fn delete_records(&self, before: &[TopicPartition], options: &AdminOptions) -> KafkaResult<Vec<TopicPartition>> {
        if before.is_empty() {
            return Ok(Vec::new());
        }
        let list = NativePartitionList::from_partitions(before)?;
        self.call(
            rdsys::rd_kafka_admin_op_t::RD_KAFKA_ADMIN_OP_DELETERECORDS,
            options,
            |native_options, queue| {
                // SAFETY: the list is live; librdkafka copies it.
                let mut owned = Owned { items: vec![unsafe { rdsys::rd_kafka_DeleteRecords_new(list.ptr) }], destroy: rdsys::rd_kafka_DeleteRecords_destroy };
                // SAFETY: rk, the object, options and queue are live; librdkafka copies what it needs.
                unsafe { rdsys::rd_kafka_DeleteRecords(self.handle().rk, owned.items.as_mut_ptr(), 1, native_options, queue) };
                Ok(())
            },
            // SAFETY: a live DeleteRecords result event; the list lives as long as it.
            |event| Ok(unsafe { partitions_of(rdsys::rd_kafka_DeleteRecords_result_offsets(rdsys::rd_kafka_event_DeleteRecords_result(event))) }),
        )
    }

    /// The group's committed offsets: for the given partitions, or all when `None`.
    pub fn list_group_offsets(&self, group: &str, partitions: Option<&[TopicPartition]>, options: &AdminOptions) -> KafkaResult<Vec<TopicPartition>> {
        let group = c_string("group id", group)?;
        let list = partitions.map(NativePartitionList::from_partitions).transpose()?;
        self.call(
            rdsys::rd_kafka_admin_op_t::RD_KAFKA_ADMIN_OP_LISTCONSUMERGROUPOFFSETS,
            options,
            |native_options, queue| {
                let list = list.as_ref().map_or(std::ptr::null(), |list| list.ptr.cast_const());
                // SAFETY: the id and the list (or NULL) are live; librdkafka copies them.
                let mut owned = Owned {
                    items: vec![unsafe { rdsys::rd_kafka_ListConsumerGroupOffsets_new(group.as_ptr(), list) }],
                    destroy: rdsys::rd_kafka_ListConsumerGroupOffsets_destroy,
                };
                // SAFETY: as for DeleteRecords.
                unsafe { rdsys::rd_kafka_ListConsumerGroupOffsets(self.handle().rk, owned.items.as_mut_ptr(), 1, native_options, queue) };
                Ok(())
            },
            |event| {
                let mut count = 0usize;
                // SAFETY: a live ListConsumerGroupOffsets result event.
                let groups = unsafe { rdsys::rd_kafka_ListConsumerGroupOffsets_result_groups(rdsys::rd_kafka_event_ListConsumerGroupOffsets_result(event), &mut count) };
                // SAFETY: `count` results live as long as the event.
                unsafe { group_partitions(groups, count) }
            },
        )
    }

    /// Sets the group's committed offsets; each returned partition carries its error.
    /// The group must have no active members.
    pub fn alter_group_offsets(&self, group: &str, partitions: &[TopicPartition], options: &AdminOptions) -> KafkaResult<Vec<TopicPartition>> {
        let group = c_string("group id", group)?;
        if partitions.is_empty() {
            return Ok(Vec::new());
        }
        let list = NativePartitionList::from_partitions(partitions)?;
        self.call(
            rdsys::rd_kafka_admin_op_t::RD_KAFKA_ADMIN_OP_ALTERCONSUMERGROUPOFFSETS,
            options,
            |native_options, queue| {
                // SAFETY: the id and list are live; librdkafka copies them.
                let mut owned = Owned {
                    items: vec![unsafe { rdsys::rd_kafka_AlterConsumerGroupOffsets_new(group.as_ptr(), list.ptr) }],
                    destroy: rdsys::rd_kafka_AlterConsumerGroupOffsets_destroy,
                };
                // SAFETY: as for DeleteRecords.
                unsafe { rdsys::rd_kafka_AlterConsumerGroupOffsets(self.handle().rk, owned.items.as_mut_ptr(), 1, native_options, queue) };
                Ok(())
            },
            |event| {
                let mut count = 0usize;
                // SAFETY: a live AlterConsumerGroupOffsets result event.
                let groups = unsafe { rdsys::rd_kafka_AlterConsumerGroupOffsets_result_groups(rdsys::rd_kafka_event_AlterConsumerGroupOffsets_result(event), &mut count) };
                // SAFETY: `count` results live as long as the event.
                unsafe { group_partitions(groups, count) }
            },
        )
    }

    fn native_options(&self, operation: rdsys::rd_kafka_admin_op_t, options: &AdminOptions) -> KafkaResult<Owned<rdsys::rd_kafka_AdminOptions_t>> {
        // SAFETY: rk is live; the options are destroyed by the guard.
        let native = Owned { items: vec![unsafe { rdsys::rd_kafka_AdminOptions_new(self.handle().rk, operation) }], destroy: rdsys::rd_kafka_AdminOptions_destroy };
        let mut errstr = [0 as c_char; 512];
        let ptr = native.items[0];
        // SAFETY: ptr is a live options object; errstr has the given size.
        unsafe {
            if let Some(timeout) = options.request_timeout {
                let code = rdsys::rd_kafka_AdminOptions_set_request_timeout(ptr, millis(timeout), errstr.as_mut_ptr(), errstr.len());
                if code as i32 != 0 {
                    return Err(buffer_error(code as i32, &errstr));
                }
            }
            if let Some(timeout) = options.operation_timeout {
                let code = rdsys::rd_kafka_AdminOptions_set_operation_timeout(ptr, millis(timeout), errstr.as_mut_ptr(), errstr.len());
                if code as i32 != 0 {
                    return Err(buffer_error(code as i32, &errstr));
                }
            }
            if options.validate_only {
                let code = rdsys::rd_kafka_AdminOptions_set_validate_only(ptr, 1, errstr.as_mut_ptr(), errstr.len());
                if code as i32 != 0 {
                    return Err(buffer_error(code as i32, &errstr));
                }
            }
            if !options.match_group_states.is_empty() {
                let states = group_states(&options.match_group_states)?;
                // librdkafka copies the states; it refuses them for calls other than ListConsumerGroups.
                take_error(rdsys::rd_kafka_AdminOptions_set_match_consumer_group_states(ptr, states.as_ptr(), states.len()))?;
            }
        }
        Ok(native)
    }

    fn run(&self, request: Request<'_>, options: &AdminOptions) -> KafkaResult<Vec<TopicOutcome>> {
        if request.is_empty() {
            // Nothing to ask: librdkafka would still wait for the controller.
            self.handle().check_usable()?;
            self.native_options(request.operation(), options)?;
            return Ok(Vec::new());
        }
        self.call(
            request.operation(),
            options,
            |native_options, queue| self.send(&request, native_options, queue),
            // SAFETY: the event is a live result of `request`'s kind.
            |event| unsafe { read_result(&request, event) },
        )
    }

    /// One admin call: `send` queues the request on a queue of its own, then the
    /// result event is awaited (in interruptible slices) and handed to `read`.
    pub(super) fn call<T>(
        &self,
        operation: rdsys::rd_kafka_admin_op_t,
        options: &AdminOptions,
        send: impl FnOnce(*mut rdsys::rd_kafka_AdminOptions_t, *mut rdsys::rd_kafka_queue_t) -> KafkaResult<()>,
        read: impl FnOnce(*mut rdsys::rd_kafka_event_t) -> KafkaResult<T>,
    ) -> KafkaResult<T> {
        self.handle().check_usable()?;
        let native_options = self.native_options(operation, options)?;
        // SAFETY: rk is live; the queue is destroyed below.
        let queue = unsafe { rdsys::rd_kafka_queue_new(self.handle().rk) };
        let result = send(native_options.items[0], queue).and_then(|()| {
            let wait = options.request_timeout.unwrap_or(DEFAULT_REQUEST_TIMEOUT) + options.operation_timeout.unwrap_or_default() + Duration::from_secs(5);
            let event = wait_for_event(queue, wait)?;
            // SAFETY: the event is live until destroyed right after it is read.
            let code = unsafe { wire::event_error(event) };
            let outcome = if code == 0 {
                read(event)
            } else {
                // SAFETY: as above.
                Err(KafkaError::with_message(code, cstr_to_string(unsafe { rdsys::rd_kafka_event_error_string(event) })))
            };
            // SAFETY: as above.
            unsafe { rdsys::rd_kafka_event_destroy(event) };
            outcome
        });
        // SAFETY: our queue; a result that arrives later is dropped with it.
        unsafe { rdsys::rd_kafka_queue_destroy(queue) };
        result
    }

    /// Builds librdkafka's request objects and queues the call.
    fn send(&self, request: &Request<'_>, options: *mut rdsys::rd_kafka_AdminOptions_t, queue: *mut rdsys::rd_kafka_queue_t) -> KafkaResult<()> {
        let mut errstr = [0 as c_char; 512];
        match request {
            Request::CreateTopics(topics) => {
                let mut owned = Owned { items: Vec::new(), destroy: rdsys::rd_kafka_NewTopic_destroy };
                for topic in *topics {
                    let name = c_string("topic name", &topic.name)?;
                    // SAFETY: the name and errstr outlive the call, which copies the name.
                    let native = unsafe { rdsys::rd_kafka_NewTopic_new(name.as_ptr(), topic.partitions, topic.replication_factor, errstr.as_mut_ptr(), errstr.len()) };
                    if native.is_null() {
                        return Err(buffer_error(ERR_INVALID_ARG, &errstr));
                    }
                    owned.items.push(native);
                    for (key, value) in &topic.configs {
                        let (key, value) = (c_string("config name", key)?, c_string("config value", value)?);
                        // SAFETY: native is live; librdkafka copies both strings.
                        let code = unsafe { rdsys::rd_kafka_NewTopic_set_config(native, key.as_ptr(), value.as_ptr()) };
                        KafkaError::check(code)?;
                    }
                }
                // SAFETY: rk, the objects, options and queue are live; librdkafka copies what it needs.
                unsafe { rdsys::rd_kafka_CreateTopics(self.handle().rk, owned.items.as_mut_ptr(), owned.items.len(), options, queue) };
            }
            Request::DeleteTopics(names) => {
                let mut owned = Owned { items: Vec::new(), destroy: rdsys::rd_kafka_DeleteTopic_destroy };
                for name in *names {
                    let name = c_string("topic name", name)?;
                    // SAFETY: librdkafka copies the name.
                    owned.items.push(unsafe { rdsys::rd_kafka_DeleteTopic_new(name.as_ptr()) });
                }
                // SAFETY: as for CreateTopics.
                unsafe { rdsys::rd_kafka_DeleteTopics(self.handle().rk, owned.items.as_mut_ptr(), owned.items.len(), options, queue) };
            }
            Request::CreatePartitions(topics) => {
                let mut owned = Owned { items: Vec::new(), destroy: rdsys::rd_kafka_NewPartitions_destroy };
                for (name, total) in *topics {
                    let name = c_string("topic name", name)?;
                    // SAFETY: the name and errstr outlive the call, which copies the name.
                    let native = unsafe { rdsys::rd_kafka_NewPartitions_new(name.as_ptr(), *total, errstr.as_mut_ptr(), errstr.len()) };
                    if native.is_null() {
                        return Err(buffer_error(ERR_INVALID_ARG, &errstr));
                    }
                    owned.items.push(native);
                }
                // SAFETY: as for CreateTopics.
                unsafe { rdsys::rd_kafka_CreatePartitions(self.handle().rk, owned.items.as_mut_ptr(), owned.items.len(), options, queue) };
            }
        }
        Ok(())
    }
}

/// Waits (in slices, see `interrupt`) for the call's result event.
fn wait_for_event(queue: *mut rdsys::rd_kafka_queue_t, wait: Duration) -> KafkaResult<*mut rdsys::rd_kafka_event_t> {
    let deadline = Instant::now() + wait;
    loop {
        let slice = deadline.saturating_duration_since(Instant::now()).min(interrupt::SLICE);
        // SAFETY: the queue is live; a non-NULL event is the caller's to destroy.
        let event = unsafe { rdsys::rd_kafka_queue_poll(queue, millis(slice)) };
        if !event.is_null() {
            return Ok(event);
        }
        if Instant::now() >= deadline {
            return Err(KafkaError::with_message(ERR_TIMED_OUT, "Local: Timed out waiting for the admin result"));
        }
        if interrupt::requested() {
            return Err(KafkaError::with_message(ERR_INTR, "Local: Interrupted (a PHP signal handler is waiting); the request may still complete"));
        }
    }
}

/// The partitions of the one group of a group-offsets result.
///
/// # Safety
/// `groups` must be NULL or `count` live group results.
unsafe fn group_partitions(groups: *mut *const rdsys::rd_kafka_group_result_t, count: usize) -> KafkaResult<Vec<TopicPartition>> {
    if groups.is_null() || count == 0 {
        return Ok(Vec::new());
    }
    // SAFETY: per the contract; the error object belongs to the result.
    unsafe {
        let group = *groups;
        if let Some(error) = error_of(rdsys::rd_kafka_group_result_error(group)) {
            return Err(error);
        }
        Ok(partitions_of(rdsys::rd_kafka_group_result_partitions(group)))
    }
}

/// Reads the topic results of an admin result event.
///
/// # Safety
/// `event` must be a live result event of `request`'s kind.
unsafe fn read_result(request: &Request<'_>, event: *mut rdsys::rd_kafka_event_t) -> KafkaResult<Vec<TopicOutcome>> {
    // SAFETY: per the contract; the arrays live as long as the event.
    unsafe {
        let mut count = 0usize;
        let results = match request {
            Request::CreateTopics(_) => rdsys::rd_kafka_CreateTopics_result_topics(rdsys::rd_kafka_event_CreateTopics_result(event), &mut count),
            Request::DeleteTopics(_) => rdsys::rd_kafka_DeleteTopics_result_topics(rdsys::rd_kafka_event_DeleteTopics_result(event), &mut count),
            Request::CreatePartitions(_) => {
                rdsys::rd_kafka_CreatePartitions_result_topics(rdsys::rd_kafka_event_CreatePartitions_result(event), &mut count)
            }
        };
        Ok(items(results, count)
            .iter()
            .map(|result| {
                let error_string = rdsys::rd_kafka_topic_result_error_string(*result);
                TopicOutcome {
                    name: cstr_to_string(rdsys::rd_kafka_topic_result_name(*result)),
                    error: wire::topic_result_error(*result),
                    error_string: (!error_string.is_null()).then(|| cstr_to_string(error_string)),
                }
            })
            .collect())
    }
}

/// The `count` items of a result array (NULL: none).
///
/// # Safety
/// `array` must be NULL or point to `count` items that outlive the returned slice.
pub(super) unsafe fn items<'a, T>(array: *mut *const T, count: usize) -> &'a [*const T] {
    if array.is_null() || count == 0 {
        return &[];
    }
    // SAFETY: per the contract.
    unsafe { std::slice::from_raw_parts(array, count) }
}

/// A librdkafka error object owned by a result, as a KafkaError (NULL: no error).
///
/// # Safety
/// `error` must be NULL or a live error object; it is not destroyed here.
pub(super) unsafe fn error_of(error: *const rdsys::rd_kafka_error_t) -> Option<KafkaError> {
    if error.is_null() {
        return None;
    }
    // SAFETY: per the contract.
    Some(unsafe { KafkaError::with_message(wire::error_code(error), cstr_to_string(rdsys::rd_kafka_error_string(error))) })
}

/// Turns an error object librdkafka hands over (NULL: success) into a KafkaError, destroying it.
///
/// # Safety
/// `error` must be NULL or an error object the caller owns.
pub(super) unsafe fn take_error(error: *mut rdsys::rd_kafka_error_t) -> KafkaResult<()> {
    // SAFETY: per the contract: read, then destroyed once.
    unsafe {
        let outcome = error_of(error).map_or(Ok(()), Err);
        if !error.is_null() {
            rdsys::rd_kafka_error_destroy(error);
        }
        outcome
    }
}

/// `RD_KAFKA_CONSUMER_GROUP_STATE_*` values as librdkafka's enum, refusing unknown ones.
fn group_states(states: &[i32]) -> KafkaResult<Vec<rdsys::rd_kafka_consumer_group_state_t>> {
    use rdsys::rd_kafka_consumer_group_state_t as State;
    states
        .iter()
        .map(|state| match state {
            0 => Ok(State::RD_KAFKA_CONSUMER_GROUP_STATE_UNKNOWN),
            1 => Ok(State::RD_KAFKA_CONSUMER_GROUP_STATE_PREPARING_REBALANCE),
            2 => Ok(State::RD_KAFKA_CONSUMER_GROUP_STATE_COMPLETING_REBALANCE),
            3 => Ok(State::RD_KAFKA_CONSUMER_GROUP_STATE_STABLE),
            4 => Ok(State::RD_KAFKA_CONSUMER_GROUP_STATE_DEAD),
            5 => Ok(State::RD_KAFKA_CONSUMER_GROUP_STATE_EMPTY),
            other => Err(KafkaError::with_message(ERR_INVALID_ARG, format!("Unknown consumer group state {other}: use an RD_KAFKA_CONSUMER_GROUP_STATE_* constant"))),
        })
        .collect()
}

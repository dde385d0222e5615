//! Engine scenarios against librdkafka's mock cluster (no PHP involved).

use std::ops::ControlFlow;
use std::time::{Duration, Instant};

use super::client::{ClientEvent, EnabledCallbacks};
use super::consumer::{CloseEvent, KafkaConsumer, PollOutcome, ERR_ASSIGN_PARTITIONS};
use super::producer::{ProduceRequest, Producer, ShutdownReport, ERR_QUEUE_FULL, PARTITION_UA};
use super::{MemoryDefaults, MessageView, MockCluster, NativeConf};

fn keep_serving(_: ClientEvent) -> ControlFlow<()> {
    ControlFlow::Continue(())
}

/// Waits (up to 10 s) until librdkafka's main queue holds a delivery report.
fn wait_for_a_report_on_the_main_queue(core: &super::engine_thread::ProducerCore) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while core.main_queue_len() == 0 && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(5));
    }
    assert!(core.main_queue_len() > 0, "no delivery report arrived");
}

fn producer_conf(bootstraps: &str) -> NativeConf {
    let mut conf = NativeConf::new();
    conf.set("bootstrap.servers", bootstraps).unwrap();
    conf
}

#[test]
fn produced_messages_are_delivered_and_reported_through_the_engine_thread() {
    let cluster = MockCluster::new(1).unwrap();
    cluster.create_topic("engine-dr", 2, 1).unwrap();
    let callbacks = EnabledCallbacks { delivery: true, ..Default::default() };
    let producer = Producer::new(producer_conf(&cluster.bootstraps()), callbacks).unwrap();
    let topic = producer.new_topic("engine-dr", None).unwrap();
    for index in 0..10 {
        let payload = format!("Message {index}");
        let request = ProduceRequest {
            partition: PARTITION_UA,
            payload: Some(payload.as_bytes()),
            key: Some(b"k"),
            headers: vec![(b"h", Some(b"v"))],
            opaque: Some(vec![index]),
            ..Default::default()
        };
        topic.produce(request, keep_serving).unwrap();
    }
    assert!(producer.out_queue_len() > 0);
    let mut reports = Vec::new();
    let result = producer.flush(Duration::from_secs(10), |event| {
        if let ClientEvent::Delivery(report) = event {
            reports.push(report);
        }
        ControlFlow::Continue(())
    });
    assert_eq!(result, 0);
    assert_eq!(producer.out_queue_len(), 0);
    assert_eq!(reports.len(), 10);
    assert!(reports.iter().all(|r| r.err == 0 && r.topic == "engine-dr" && r.offset >= 0));
    let mut opaques: Vec<u8> = reports.iter().map(|r| r.opaque.as_ref().unwrap()[0]).collect();
    opaques.sort_unstable();
    assert_eq!(opaques, (0..10).collect::<Vec<u8>>());
    assert_eq!(reports[0].headers, vec![(b"h".to_vec(), Some(b"v".to_vec()))]);
}

#[test]
fn reports_nobody_wants_are_dropped_and_the_queue_still_drains() {
    let cluster = MockCluster::new(1).unwrap();
    cluster.create_topic("engine-drop", 1, 1).unwrap();
    let producer = Producer::new(producer_conf(&cluster.bootstraps()), EnabledCallbacks::default()).unwrap();
    let topic = producer.new_topic("engine-drop", None).unwrap();
    for _ in 0..100 {
        topic.produce(ProduceRequest { partition: 0, payload: Some(b"x"), ..Default::default() }, keep_serving).unwrap();
    }
    // Nobody polls: the engine thread alone must take the reports.
    let deadline = Instant::now() + Duration::from_secs(10);
    while producer.out_queue_len() > 0 && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    assert_eq!(producer.out_queue_len(), 0);
    assert_eq!(producer.dropped_reports(), 100);
}

#[test]
fn a_group_consumer_reads_back_what_was_produced() {
    let cluster = MockCluster::new(1).unwrap();
    cluster.create_topic("engine-rt", 1, 1).unwrap();
    let producer = Producer::new(producer_conf(&cluster.bootstraps()), EnabledCallbacks::default()).unwrap();
    let topic = producer.new_topic("engine-rt", None).unwrap();
    for index in 0..5 {
        let payload = format!("m{index}");
        topic
            .produce(ProduceRequest { partition: 0, payload: Some(payload.as_bytes()), ..Default::default() }, keep_serving)
            .unwrap();
    }
    assert_eq!(producer.flush(Duration::from_secs(10), |_| ControlFlow::Continue(())), 0);

    let mut conf = producer_conf(&cluster.bootstraps());
    conf.set("group.id", "engine-rt-group").unwrap();
    conf.set("auto.offset.reset", "earliest").unwrap();
    let callbacks = EnabledCallbacks { rebalance: true, ..Default::default() };
    let consumer = KafkaConsumer::new(conf, callbacks).unwrap();
    consumer.subscribe(&["engine-rt".to_string()]).unwrap();
    let mut payloads = Vec::new();
    let mut assigned = false;
    let deadline = Instant::now() + Duration::from_secs(30);
    while payloads.len() < 5 && Instant::now() < deadline {
        let outcome = consumer
            .poll(Duration::from_millis(500), |event| {
                if let ClientEvent::Rebalance { code, partitions } = event {
                    assigned |= code == ERR_ASSIGN_PARTITIONS;
                    consumer.apply_default_rebalance(code, &partitions).unwrap();
                }
                ControlFlow::Continue(())
            })
            .unwrap();
        if let PollOutcome::Message(message) = outcome {
            if message.err() == 0 {
                payloads.push(String::from_utf8(message.payload().unwrap().to_vec()).unwrap());
            }
        }
    }
    assert!(assigned, "the rebalance callback saw the assignment");
    assert_eq!(payloads, ["m0", "m1", "m2", "m3", "m4"]);
}

#[test]
fn a_consumer_without_group_id_is_refused() {
    let error = KafkaConsumer::new(NativeConf::new(), EnabledCallbacks::default()).err().unwrap();
    assert_eq!(error.message, "\"group.id\" must be configured");
}

#[test]
fn log_events_do_not_count_in_the_out_queue() {
    let cluster = MockCluster::new(1).unwrap();
    let mut conf = producer_conf(&cluster.bootstraps());
    conf.set("debug", "all").unwrap();
    let producer = Producer::new(conf, EnabledCallbacks { log_up_to: Some(7), ..Default::default() }).unwrap();
    // Debug logging produces a steady stream of log events nobody has taken yet.
    let deadline = Instant::now() + Duration::from_secs(5);
    let mut logs = 0;
    while logs == 0 && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
        logs = producer.poll(Duration::ZERO, |_| ControlFlow::Break(()), None);
    }
    assert!(logs > 0, "debug=all produced log events");
    std::thread::sleep(Duration::from_millis(200));
    assert_eq!(producer.out_queue_len(), 0);
}

#[test]
fn log_lines_nobody_takes_are_bounded_and_the_drop_is_counted() {
    let cluster = MockCluster::new(1).unwrap();
    let mut conf = producer_conf(&cluster.bootstraps());
    conf.set("debug", "all").unwrap();
    let producer = Producer::new(conf, EnabledCallbacks { log_up_to: Some(7), ..Default::default() }).unwrap();
    // Each added broker logs a few debug lines: far more than the bound, while nobody polls.
    for port in 20000..21500 {
        producer.add_brokers(&format!("127.0.0.1:{port}"));
    }
    std::thread::sleep(Duration::from_millis(300));
    let mut waiting = 0;
    producer.poll(Duration::ZERO, |event| {
        waiting += i64::from(matches!(event, ClientEvent::Log { .. }));
        ControlFlow::Continue(())
    }, None);
    assert!(waiting > 0 && waiting <= 1000, "{waiting} lines were kept");
    let mut dropped = 0;
    let deadline = Instant::now() + Duration::from_secs(5);
    while dropped == 0 && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
        producer.poll(Duration::ZERO, |event| {
            if let ClientEvent::Log { dropped: count, .. } = event {
                dropped += count;
            }
            ControlFlow::Continue(())
        }, None);
    }
    assert!(dropped > 0, "the first line after the bound carries the count of dropped lines");
}

#[test]
fn log_lines_above_the_level_filter_are_not_queued() {
    let cluster = MockCluster::new(1).unwrap();
    let mut conf = producer_conf(&cluster.bootstraps());
    conf.set("debug", "all").unwrap();
    let producer = Producer::new(conf, EnabledCallbacks { log_up_to: Some(6), ..Default::default() }).unwrap();
    std::thread::sleep(Duration::from_millis(300));
    let mut debug_lines = 0;
    producer.poll(Duration::ZERO, |event| {
        debug_lines += i64::from(matches!(event, ClientEvent::Log { level: 7, .. }));
        ControlFlow::Continue(())
    }, None);
    assert_eq!(debug_lines, 0);
}

fn unreachable_conf() -> NativeConf {
    let mut conf = producer_conf("127.0.0.1:1");
    conf.set("log_level", "0").unwrap();
    conf
}

#[test]
fn memory_defaults_fill_in_only_what_the_user_did_not_set() {
    let mut conf = NativeConf::new();
    conf.set("queue.buffering.max.messages", "42").unwrap();
    let defaults = MemoryDefaults { producer_max_messages: 7, producer_max_kbytes: 9, consumer_max_kbytes: 11 };
    conf.duplicate().apply_producer_defaults(&defaults).unwrap();
    let mut copy = conf.duplicate();
    copy.apply_producer_defaults(&defaults).unwrap();
    assert_eq!(copy.get("queue.buffering.max.messages").as_deref(), Some("42"));
    assert_eq!(copy.get("queue.buffering.max.kbytes").as_deref(), Some("9"));
    copy.apply_consumer_defaults(&defaults).unwrap();
    assert_eq!(copy.get("queued.max.messages.kbytes").as_deref(), Some("11"));
}

#[test]
fn the_in_flight_bound_counts_reports_until_php_takes_them() {
    let cluster = MockCluster::new(1).unwrap();
    cluster.create_topic("engine-bound", 1, 1).unwrap();
    let mut conf = producer_conf(&cluster.bootstraps());
    conf.set("queue.buffering.max.messages", "3").unwrap();
    let producer = Producer::new(conf, EnabledCallbacks { delivery: true, ..Default::default() }).unwrap();
    assert_eq!(producer.inflight_limit().max_messages, 3);
    let topic = producer.new_topic("engine-bound", None).unwrap();
    let request = || ProduceRequest { partition: 0, payload: Some(b"12345"), key: Some(b"k"), ..Default::default() };
    for _ in 0..3 {
        topic.produce(request(), keep_serving).unwrap();
    }
    // Delivered by the broker, but the reports wait for PHP: still in flight.
    let deadline = Instant::now() + Duration::from_secs(10);
    while producer.undelivered() > 0 && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(10));
    }
    assert_eq!(producer.undelivered(), 0);
    assert_eq!(producer.inflight(), (3, 18));
    let error = topic.produce(request(), keep_serving).unwrap_err();
    assert_eq!(error.code, ERR_QUEUE_FULL);
    assert!(error.message.contains("queue.buffering.max.messages=3"), "{}", error.message);
    // RD_KAFKA_MSG_F_BLOCK serves the waiting reports and so makes room.
    let mut served = 0;
    let block = ProduceRequest { flags: rdkafka_sys::RD_KAFKA_MSG_F_BLOCK, ..request() };
    topic
        .produce(block, |_| {
            served += 1;
            ControlFlow::Continue(())
        })
        .unwrap();
    assert!(served >= 1);
    assert_eq!(producer.flush(Duration::from_secs(10), keep_serving), 0);
    assert_eq!(producer.inflight(), (0, 0));
}

#[test]
fn a_producer_out_of_room_takes_back_the_room_of_reports_nobody_wants() {
    let cluster = MockCluster::new(1).unwrap();
    cluster.create_topic("engine-room", 1, 1).unwrap();
    let mut conf = producer_conf(&cluster.bootstraps());
    conf.set("queue.buffering.max.messages", "3").unwrap();
    let producer = Producer::new(conf, EnabledCallbacks::default()).unwrap();
    let topic = producer.new_topic("engine-room", None).unwrap();
    // The engine thread stands back while a script is busy producing; here it is
    // kept away entirely, so only produce() itself can serve the reports.
    let shared = producer.core_for_tests().shared();
    shared.php_flushing.store(true, std::sync::atomic::Ordering::SeqCst);
    let request = || ProduceRequest { partition: 0, payload: Some(b"x"), ..Default::default() };
    for _ in 0..3 {
        topic.produce(request(), keep_serving).unwrap();
    }
    // QUEUE_FULL until the reports reach librdkafka's queue; then produce() serves them.
    let deadline = Instant::now() + Duration::from_secs(10);
    let fourth = loop {
        match topic.produce(request(), keep_serving) {
            Err(error) if error.code == ERR_QUEUE_FULL && Instant::now() < deadline => std::thread::sleep(Duration::from_millis(5)),
            other => break other,
        }
    };
    assert!(fourth.is_ok(), "{fourth:?}");
    assert!(producer.dropped_reports() >= 1);
    shared.php_flushing.store(false, std::sync::atomic::Ordering::SeqCst);
    assert_eq!(producer.flush(Duration::from_secs(10), keep_serving), 0);
    assert_eq!(producer.dropped_reports(), 4);
}

#[test]
fn a_busy_producer_drops_reports_nobody_wants_as_it_goes() {
    let cluster = MockCluster::new(1).unwrap();
    cluster.create_topic("engine-busy", 1, 1).unwrap();
    let producer = Producer::new(producer_conf(&cluster.bootstraps()), EnabledCallbacks::default()).unwrap();
    let topic = producer.new_topic("engine-busy", None).unwrap();
    // The engine thread is kept away, and the bound (100,000) is never reached.
    let core = producer.core_for_tests();
    core.shared().php_flushing.store(true, std::sync::atomic::Ordering::SeqCst);
    let produce = |count: usize| {
        for _ in 0..count {
            topic.produce(ProduceRequest { partition: 0, payload: Some(b"x"), ..Default::default() }, keep_serving).unwrap();
        }
    };
    produce(1024);
    wait_for_a_report_on_the_main_queue(core);
    assert_eq!(producer.dropped_reports(), 0);
    // The next 1,024 calls pass a multiple of 1,024: produce() serves the waiting reports.
    produce(1024);
    assert!(producer.dropped_reports() > 0);
    core.shared().php_flushing.store(false, std::sync::atomic::Ordering::SeqCst);
    assert_eq!(producer.flush(Duration::from_secs(10), keep_serving), 0);
    assert_eq!(producer.dropped_reports(), 2048);
}

#[test]
fn a_script_that_keeps_producing_and_never_polls_still_has_its_reports_dropped() {
    let cluster = MockCluster::new(1).unwrap();
    cluster.create_topic("engine-trickle", 1, 1).unwrap();
    let producer = Producer::new(producer_conf(&cluster.bootstraps()), EnabledCallbacks::default()).unwrap();
    let topic = producer.new_topic("engine-trickle", None).unwrap();
    // A message every 5 ms keeps the script busy in every stand-back window and far
    // from its bound: only the engine thread's longest stand-back gets the reports served.
    let deadline = Instant::now() + Duration::from_secs(10);
    let mut produced = 0;
    while producer.dropped_reports() == 0 && Instant::now() < deadline {
        topic.produce(ProduceRequest { partition: 0, payload: Some(b"x"), ..Default::default() }, keep_serving).unwrap();
        produced += 1;
        std::thread::sleep(Duration::from_millis(5));
    }
    assert!(producer.dropped_reports() > 0, "no report served while {produced} messages were produced");
    assert_eq!(producer.flush(Duration::from_secs(10), keep_serving), 0);
}

#[test]
fn reports_served_on_either_thread_give_back_their_room() {
    use std::sync::atomic::Ordering;
    let cluster = MockCluster::new(1).unwrap();
    cluster.create_topic("engine-counts", 1, 1).unwrap();
    let producer = Producer::new(producer_conf(&cluster.bootstraps()), EnabledCallbacks::default()).unwrap();
    let topic = producer.new_topic("engine-counts", None).unwrap();
    let core = producer.core_for_tests();
    // The real engine thread is never woken for this producer: the test serves from two threads.
    core.shared().wake_pending.store(true, Ordering::SeqCst);
    let produce_100 = || {
        for _ in 0..100 {
            let request = ProduceRequest { partition: 0, payload: Some(b"0123456789"), key: Some(b"k"), ..Default::default() };
            topic.produce(request, keep_serving).unwrap();
        }
    };
    let serve_until_reported = |serve: &dyn Fn()| {
        let deadline = Instant::now() + Duration::from_secs(10);
        while producer.undelivered() > 0 && Instant::now() < deadline {
            serve();
            std::thread::sleep(Duration::from_millis(5));
        }
    };

    // Counted by this thread (which holds the handle) and served by another one.
    produce_100();
    assert_eq!(producer.inflight(), (100, 1100));
    std::thread::scope(|scope| {
        scope.spawn(|| serve_until_reported(&|| core.serve_main_queue_from_engine()));
    });
    assert_eq!((producer.undelivered(), producer.inflight(), producer.dropped_reports()), (0, (0, 0), 100));

    // Counted and served by this thread.
    produce_100();
    assert_eq!(producer.inflight(), (100, 1100));
    serve_until_reported(&|| {
        producer.poll(Duration::ZERO, keep_serving, None);
    });
    assert_eq!((producer.undelivered(), producer.inflight(), producer.dropped_reports()), (0, (0, 0), 200));
}

#[test]
fn a_poll_after_each_produce_serves_reports_as_they_arrive() {
    use std::sync::atomic::Ordering;
    let cluster = MockCluster::new(1).unwrap();
    cluster.create_topic("engine-poll-now", 1, 1).unwrap();
    let producer = Producer::new(producer_conf(&cluster.bootstraps()), EnabledCallbacks::default()).unwrap();
    let topic = producer.new_topic("engine-poll-now", None).unwrap();
    // The real engine thread is never woken for this producer: only poll(0) serves.
    producer.core_for_tests().shared().wake_pending.store(true, Ordering::SeqCst);
    // Nothing waits yet: a poll(0) skips librdkafka (and clears the signal a new handle starts with).
    producer.poll_now_without_callbacks();
    assert_eq!(producer.poll_now_without_callbacks(), 0);

    for round in 1..=3 {
        topic.produce(ProduceRequest { partition: 0, payload: Some(b"x"), ..Default::default() }, keep_serving).unwrap();
        let deadline = Instant::now() + Duration::from_secs(10);
        let mut served = 0;
        while producer.undelivered() > 0 && Instant::now() < deadline {
            served += producer.poll_now_without_callbacks();
            std::thread::sleep(Duration::from_millis(1));
        }
        assert_eq!(producer.undelivered(), 0, "round {round}: the report was never served by poll(0)");
        assert_eq!((served, producer.dropped_reports()), (1, round));
    }
}

#[test]
fn reports_php_takes_are_served_by_one_thread_at_a_time() {
    use std::sync::atomic::{AtomicBool, Ordering};
    let cluster = MockCluster::new(1).unwrap();
    cluster.create_topic("engine-one-server", 1, 1).unwrap();
    let callbacks = EnabledCallbacks { delivery: true, ..Default::default() };
    let producer = Producer::new(producer_conf(&cluster.bootstraps()), callbacks).unwrap();
    let topic = producer.new_topic("engine-one-server", None).unwrap();
    let core = producer.core_for_tests();
    let shared = core.shared();
    let request = || ProduceRequest { partition: 0, payload: Some(b"x"), ..Default::default() };
    // The real engine thread is never woken for this producer: the test plays its part.
    shared.wake_pending.store(true, Ordering::SeqCst);

    // While PHP serves, the engine leaves the queue alone.
    shared.php_serving.store(true, Ordering::SeqCst);
    topic.produce(request(), keep_serving).unwrap();
    wait_for_a_report_on_the_main_queue(core);
    core.serve_main_queue_from_engine();
    assert!(core.main_queue_len() > 0);
    assert_eq!(producer.undelivered(), 1);
    shared.php_serving.store(false, Ordering::SeqCst);
    core.serve_main_queue_from_engine();
    assert_eq!(producer.undelivered(), 0);

    // While the engine serves, PHP waits for it before serving.
    topic.produce(request(), keep_serving).unwrap();
    shared.engine_serving.store(true, Ordering::SeqCst);
    let engine_done = AtomicBool::new(false);
    std::thread::scope(|scope| {
        scope.spawn(|| {
            std::thread::sleep(Duration::from_millis(100));
            engine_done.store(true, Ordering::SeqCst);
            shared.engine_serving.store(false, Ordering::SeqCst);
        });
        assert_eq!(producer.flush(Duration::from_secs(10), keep_serving), 0);
        assert!(engine_done.load(Ordering::SeqCst), "PHP served while the engine did");
    });
}

#[test]
fn shutdown_reports_what_could_not_be_delivered() {
    let mut producer = Producer::new(unreachable_conf(), EnabledCallbacks::default()).unwrap();
    let topic = producer.new_topic("engine-lost", None).unwrap();
    for _ in 0..4 {
        topic.produce(ProduceRequest { partition: PARTITION_UA, payload: Some(b"x"), ..Default::default() }, keep_serving).unwrap();
    }
    let started = Instant::now();
    assert_eq!(producer.shutdown(Duration::from_millis(200)), ShutdownReport { lost: 4, uncommitted: 0 });
    assert!(started.elapsed() < Duration::from_secs(3));
    assert_eq!(producer.out_queue_len(), 0, "the purged messages were collected");
    assert_eq!(producer.shutdown(Duration::from_millis(200)), ShutdownReport::default(), "runs once");
}

#[test]
fn shutdown_with_zero_timeout_purges_silently() {
    let mut producer = Producer::new(unreachable_conf(), EnabledCallbacks::default()).unwrap();
    let topic = producer.new_topic("engine-zero", None).unwrap();
    topic.produce(ProduceRequest { partition: PARTITION_UA, payload: Some(b"x"), ..Default::default() }, keep_serving).unwrap();
    assert_eq!(producer.shutdown(Duration::ZERO), ShutdownReport::default());
    assert_eq!(producer.out_queue_len(), 0);
}

/// Counts the bytes this thread allocates and frees, for the leak test below.
mod counting_allocator {
    use std::alloc::{GlobalAlloc, Layout, System};
    use std::cell::Cell;

    pub struct Counting;

    thread_local! {
        pub static NET_BYTES: Cell<isize> = const { Cell::new(0) };
    }

    // SAFETY: forwards to the system allocator; only adds bookkeeping.
    unsafe impl GlobalAlloc for Counting {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            let _ = NET_BYTES.try_with(|net| net.set(net.get() + layout.size() as isize));
            // SAFETY: same layout contract as the caller's.
            unsafe { System.alloc(layout) }
        }

        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            let _ = NET_BYTES.try_with(|net| net.set(net.get() - layout.size() as isize));
            // SAFETY: ptr came from alloc with this layout.
            unsafe { System.dealloc(ptr, layout) }
        }
    }

    #[global_allocator]
    static ALLOCATOR: Counting = Counting;

    pub fn net_bytes() -> isize {
        NET_BYTES.with(Cell::get)
    }
}

#[test]
fn handing_a_configuration_to_librdkafka_leaks_none_of_ours() {
    let make = || {
        let mut conf = NativeConf::new();
        conf.set("client.id", "leak-check").unwrap();
        conf.set("bootstrap.servers", "127.0.0.1:1").unwrap();
        let raw = conf.into_raw();
        // SAFETY: into_raw gave us the conf; nothing else owns it.
        unsafe { rdkafka_sys::rd_kafka_conf_destroy(raw) };
    };
    make();
    let before = counting_allocator::net_bytes();
    for _ in 0..100 {
        make();
    }
    let leaked = counting_allocator::net_bytes() - before;
    assert!(leaked < 100, "{leaked} bytes of Rust memory not freed after 100 configurations");
}

#[test]
fn a_persistent_handle_is_reused_and_never_reports_an_earlier_requests_messages() {
    let cluster = MockCluster::new(1).unwrap();
    cluster.create_topic("engine-persistent", 2, 1).unwrap();
    let conf = || {
        let mut conf = producer_conf(&cluster.bootstraps());
        conf.set("rdkafka_rs.persistent", "engine-test-reuse").unwrap();
        conf.set("linger.ms", "200").unwrap(); // the first request's message is still queued when it ends
        conf
    };
    let callbacks = EnabledCallbacks { delivery: true, ..Default::default() };
    let produce = |producer: &Producer, opaque: u8| {
        let topic = producer.new_topic("engine-persistent", None).unwrap();
        let request = ProduceRequest { partition: PARTITION_UA, payload: Some(b"m"), opaque: Some(vec![opaque]), ..Default::default() };
        topic.produce(request, keep_serving).unwrap();
    };

    let defaults = MemoryDefaults::default();
    let mut first = Producer::open(&conf(), &defaults, callbacks).unwrap();
    assert!(first.is_persistent());
    produce(&first, 1);
    let ended = first.end_request(Duration::ZERO, 4, |_| {});
    assert_eq!((ended.parked, ended.still_in_flight, ended.lost), (true, 1, 0));
    let first_client = first.handle().rk;
    drop(first);

    let second = Producer::open(&conf(), &defaults, callbacks).unwrap();
    assert_eq!(second.handle().rk, first_client, "the parked handle is taken, not a new one made");
    assert_eq!(second.out_queue_len(), 1, "the earlier request's message is still on its way");
    produce(&second, 2);
    let mut opaques = Vec::new();
    let result = second.flush(Duration::from_secs(10), |event| {
        if let ClientEvent::Delivery(report) = event {
            opaques.push(report.opaque.unwrap()[0]);
        }
        ControlFlow::Continue(())
    });
    assert_eq!(result, 0);
    assert_eq!(opaques, vec![2], "only this request's report reaches it");

    let other_conf = {
        let mut other = conf();
        other.set("client.id", "another-configuration").unwrap();
        other
    };
    let other = Producer::open(&other_conf, &defaults, callbacks).unwrap();
    assert_ne!(other.handle().rk, first_client, "another configuration gets a handle of its own");
}

#[test]
fn a_closing_consumer_unassigns_once_however_often_it_is_asked() {
    let cluster = MockCluster::new(1).unwrap();
    cluster.create_topic("engine-close", 2, 1).unwrap();
    let mut conf = producer_conf(&cluster.bootstraps());
    conf.set("group.id", "engine-close-group").unwrap();
    let callbacks = EnabledCallbacks { rebalance: true, ..Default::default() };
    let consumer = KafkaConsumer::new(conf, callbacks).unwrap();
    consumer.subscribe(&["engine-close".to_string()]).unwrap();
    let mut assigned = false;
    let deadline = Instant::now() + Duration::from_secs(30);
    while !assigned && Instant::now() < deadline {
        let _ = consumer.poll(Duration::from_millis(200), |event| {
            if let ClientEvent::Rebalance { code, partitions } = event {
                assigned |= code == ERR_ASSIGN_PARTITIONS;
                consumer.apply_default_rebalance(code, &partitions).unwrap();
            }
            ControlFlow::Continue(())
        });
    }
    assert!(assigned);
    let mut revocations = 0;
    // A callback that unassigns twice: the second request could reach a group that
    // has just ended, which librdkafka never answers (rd_kafka_assign waits forever).
    consumer
        .close(Duration::from_secs(10), |consumer, event| {
            if let CloseEvent::Rebalance { .. } = event {
                revocations += 1;
                consumer.assign(None).unwrap();
                consumer.assign(None).unwrap();
            }
        })
        .unwrap();
    assert_eq!(revocations, 1);
    assert_eq!(consumer.closing_unassigns(), 1, "one unassign reached librdkafka");
    // After close, unassigning is refused (as every call is) and reaches nobody.
    assert_eq!(consumer.assign(None).unwrap_err().code, -172);
    assert_eq!(consumer.incremental_unassign(&[]).unwrap_err().code, -172);
    assert_eq!(consumer.closing_unassigns(), 1, "after close, nothing reaches librdkafka");
}

#[test]
fn a_report_queued_as_its_request_ends_never_reaches_the_next_request() {
    use std::sync::atomic::Ordering;
    let cluster = MockCluster::new(1).unwrap();
    cluster.create_topic("engine-late-report", 1, 1).unwrap();
    let callbacks = EnabledCallbacks { delivery: true, ..Default::default() };
    let producer = Producer::new(producer_conf(&cluster.bootstraps()), callbacks).unwrap();
    let topic = producer.new_topic("engine-late-report", None).unwrap();
    let core = producer.core_for_tests();
    let shared = core.shared();
    // The real engine thread is never woken for this producer: the test plays its part.
    shared.wake_pending.store(true, Ordering::SeqCst);
    let request = ProduceRequest { partition: 0, payload: Some(b"x"), opaque: Some(vec![7]), ..Default::default() };
    topic.produce(request, keep_serving).unwrap();
    wait_for_a_report_on_the_main_queue(core);
    // The engine thread queues the report for PHP as the request that produced it
    // ends (a persistent producer's request end starts a new epoch).
    core.serve_main_queue_from_engine();
    assert!(shared.has_unserved_events());
    super::persistent::end_epoch(core);
    let mut reports = 0;
    producer.poll(
        Duration::ZERO,
        |event| {
            reports += usize::from(matches!(event, ClientEvent::Delivery(_)));
            ControlFlow::Continue(())
        },
        None,
    );
    assert_eq!(reports, 0, "the next request was handed the earlier request's report");
    assert_eq!((producer.out_queue_len(), producer.undelivered()), (0, 0));
    assert_eq!(shared.orphan_failures.load(Ordering::SeqCst), 0);
}

#[test]
fn a_failure_reported_as_its_request_ends_is_counted_by_that_request_or_as_an_earlier_ones() {
    use std::sync::atomic::Ordering;
    const TIMED_OUT: i32 = -192; // RD_KAFKA_RESP_ERR__MSG_TIMED_OUT
    const PURGED: i32 = -152; // RD_KAFKA_RESP_ERR__PURGE_QUEUE
    let cluster = MockCluster::new(1).unwrap();
    let producer = Producer::new(producer_conf(&cluster.bootstraps()), EnabledCallbacks::default()).unwrap();
    let shared = producer.core_for_tests().shared();
    let request = 41;
    shared.move_to_epoch(request);
    // The engine thread drops the request's failed reports while the request ends,
    // and goes on until it has seen the end and booked a thousand more.
    let (counted_at_end, booked) = std::thread::scope(|scope| {
        let engine = scope.spawn(|| {
            let (mut booked, mut after_the_end) = (0, 0);
            while after_the_end < 1000 {
                let ended = shared.epoch.load(Ordering::SeqCst) != request;
                shared.book_dropped_failure(request, TIMED_OUT);
                booked += 1;
                after_the_end += i64::from(ended);
            }
            booked
        });
        while shared.dropped_failures.load(Ordering::SeqCst) < 1000 {
            std::hint::spin_loop();
        }
        let counted_at_end = shared.move_to_epoch(request + 1);
        (counted_at_end, engine.join().unwrap())
    });
    let late = shared.orphan_failures.load(Ordering::SeqCst);
    assert!(counted_at_end >= 1000 && late >= 1000, "{counted_at_end} counted at the end, {late} late");
    assert_eq!(counted_at_end + late, booked, "a failure was counted twice or not at all");
    assert_eq!(shared.dropped_failures.load(Ordering::SeqCst), counted_at_end, "a failure was booked as the ended request's after it was counted");
    // A purge of the request's own message was asked for; one of an earlier request's message was not.
    shared.book_dropped_failure(request + 1, PURGED);
    shared.book_dropped_failure(request, PURGED);
    let counts = [&shared.dropped_purges, &shared.dropped_failures, &shared.orphan_failures].map(|count| count.load(Ordering::SeqCst));
    assert_eq!(counts, [1, counted_at_end, late + 1]);
}

#[test]
fn a_commit_covers_only_the_messages_php_was_handed() {
    use super::topic_partition::TopicPartition;
    let cluster = MockCluster::new(1).unwrap();
    cluster.create_topic("engine-handoff", 1, 1).unwrap();
    let producer = Producer::new(producer_conf(&cluster.bootstraps()), EnabledCallbacks::default()).unwrap();
    let topic = producer.new_topic("engine-handoff", None).unwrap();
    for _ in 0..10 {
        topic.produce(ProduceRequest { partition: 0, payload: Some(b"m"), ..Default::default() }, keep_serving).unwrap();
    }
    assert_eq!(producer.flush(Duration::from_secs(10), |_| ControlFlow::Continue(())), 0);

    // enable.auto.offset.store left at its default, as PHP scripts do.
    let mut conf = producer_conf(&cluster.bootstraps());
    conf.set("group.id", "engine-handoff-group").unwrap();
    conf.set("enable.auto.commit", "false").unwrap();
    let consumer = KafkaConsumer::new(conf, EnabledCallbacks::default()).unwrap();
    let partition = || vec![TopicPartition { topic: "engine-handoff".to_string(), partition: 0, offset: 0, err: 0 }];
    consumer.assign(Some(&partition())).unwrap();
    let committed = || consumer.committed(&partition(), Duration::from_secs(10)).unwrap()[0].offset;
    let mut batch = Vec::new();
    let deadline = Instant::now() + Duration::from_secs(20);
    while batch.len() < 10 && Instant::now() < deadline {
        batch.extend(consumer.poll_batch(Duration::from_millis(500), 10 - batch.len(), keep_serving).unwrap());
    }
    assert_eq!(batch.len(), 10);
    // Taken from librdkafka, but not handed to PHP (a fatal error while the array is built).
    let _ = consumer.commit(None, false);
    assert!(committed() < 0, "offsets of messages PHP never had were committed: {}", committed());
    consumer.store_handed(&batch[..4]);
    consumer.commit(None, false).unwrap();
    assert_eq!(committed(), 4);
    consumer.store_handed(&batch);
    consumer.commit(None, false).unwrap();
    assert_eq!(committed(), 10);
}
